"""Linked identities and link codes in SQL: ``identities``, ``link_codes``, ``link_attempts``.

An identity with no ``identities`` row is its own learner; a linked one names the learner key
its data lives under. Linking moves the redeeming identity's data onto the issuer's learner key
and unlinking copies the learner's data back, each in one transaction. Those transactions run
one at a time (PostgreSQL: a transaction-scoped advisory lock taken first; SQLite's transactions
are serial): links are rare, and no chain of links and unlinks in several processes can wait on
itself in a circle or make a loop. Each then locks the ``users`` rows it changes, in one sorted
order, against the other writers of those rows. Nothing is cached: every answer reads the
database.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from bot.limits import LINK_CODE_MINUTES, LINK_MAX_WRONG
from bot.linking import LinkOutcome, LinkResult, Unlinked
from bot.messages import user_key_of
from bot.storage.base import IdentityStore
from bot.storage.sql import Database, Statement, Transaction, ensure_user, iso

_LEARNER = "SELECT learner_key FROM identities WHERE user_key = ?"
_MEMBERS = "SELECT user_key FROM identities WHERE learner_key = ? ORDER BY linked_at, user_key"
#: Count one try in the identity's window (a new window once the old one is over).
_COUNT_TRY = (
    "INSERT INTO link_attempts (user_key, window_start, tries) VALUES (?, ?, 1)"
    " ON CONFLICT (user_key) DO UPDATE SET"
    " tries = CASE WHEN link_attempts.window_start <= ? THEN 1 ELSE link_attempts.tries + 1 END,"
    " window_start = CASE WHEN link_attempts.window_start <= ?"
    " THEN excluded.window_start ELSE link_attempts.window_start END"
    " RETURNING tries, window_start"
)
#: The tables holding a learner's data besides ``users`` and ``reminders``.
_LEARNER_TABLES = ("checklist", "activity", "reviews", "quiz_asked", "snoozes")
WINDOW = timedelta(minutes=LINK_CODE_MINUTES)


def _seconds(instant: datetime) -> int:
    return int(instant.timestamp())


def copy_learner(source: str, target: str) -> list[Statement]:
    """Statements copying ``source``'s learner data onto ``target``, merged with its own.

    Ticks are a union (the earlier tick time kept); activity days a union (so streaks count
    every day either side was active); a topic in both reviews keeps the earlier due date and
    lower stage, with the answers of both counted; the track, time zone and evening time are
    ``target``'s where it has them. The snooze of a day and the reminder are not copied (see
    :func:`move_reminder`).
    """
    return [
        (
            "UPDATE users SET"
            " track = COALESCE(track, (SELECT track FROM users WHERE user_key = ?)),"
            " timezone = COALESCE(timezone, (SELECT timezone FROM users WHERE user_key = ?))"
            " WHERE user_key = ?",
            (source, source, target),
        ),
        (
            "INSERT INTO checklist (user_key, item_id, done_at)"
            " SELECT ?, item_id, done_at FROM checklist WHERE user_key = ?"
            " ON CONFLICT (user_key, item_id) DO UPDATE SET done_at = excluded.done_at"
            " WHERE excluded.done_at < checklist.done_at",
            (target, source),
        ),
        (
            "INSERT INTO activity (user_key, local_date)"
            " SELECT ?, local_date FROM activity WHERE user_key = ? ON CONFLICT DO NOTHING",
            (target, source),
        ),
        (
            "INSERT INTO reviews"
            " (user_key, topic_id, stage, due_date, reviewed_date, right_count, wrong_count)"
            " SELECT ?, topic_id, stage, due_date, reviewed_date, right_count, wrong_count"
            " FROM reviews WHERE user_key = ?"
            " ON CONFLICT (user_key, topic_id) DO UPDATE SET"
            " stage = CASE WHEN excluded.stage < reviews.stage"
            " THEN excluded.stage ELSE reviews.stage END,"
            " due_date = CASE WHEN excluded.due_date < reviews.due_date"
            " THEN excluded.due_date ELSE reviews.due_date END,"
            " reviewed_date = CASE WHEN reviews.reviewed_date IS NULL"
            " OR excluded.reviewed_date > reviews.reviewed_date"
            " THEN excluded.reviewed_date ELSE reviews.reviewed_date END,"
            " right_count = reviews.right_count + excluded.right_count,"
            " wrong_count = reviews.wrong_count + excluded.wrong_count",
            (target, source),
        ),
        (
            "INSERT INTO quiz_asked (user_key, question_id, asked_at)"
            " SELECT ?, question_id, asked_at FROM quiz_asked WHERE user_key = ?"
            " ON CONFLICT DO NOTHING",
            (target, source),
        ),
        (
            "INSERT INTO snoozes (user_key, evening_time)"
            " SELECT ?, evening_time FROM snoozes WHERE user_key = ?"
            " ON CONFLICT (user_key) DO UPDATE SET"
            " evening_time = COALESCE(snoozes.evening_time, excluded.evening_time)",
            (target, source),
        ),
    ]


def move_reminder(source: str, target: str) -> list[Statement]:
    """Statements moving ``source``'s reminder (and the snooze of its day) onto ``target``.

    ``target``'s own reminder is replaced. The version is bumped, so a claim taken on the old
    row is never sent.
    """
    return [
        ("DELETE FROM reminders WHERE user_key = ?", (target,)),
        (
            "UPDATE reminders SET user_key = ?, version = version + 1 WHERE user_key = ?",
            (target, source),
        ),
        (
            "INSERT INTO snoozes (user_key, snoozed_date, due)"
            " SELECT ?, snoozed_date, due FROM snoozes WHERE user_key = ?"
            " ON CONFLICT (user_key) DO UPDATE SET"
            " snoozed_date = excluded.snoozed_date, due = excluded.due",
            (target, source),
        ),
        ("UPDATE snoozes SET snoozed_date = NULL, due = NULL WHERE user_key = ?", (source,)),
    ]


def _forget_learner_data(user_key: str) -> list[Statement]:
    """Statements deleting an identity's own learner data (it was merged elsewhere)."""
    return [
        *((f"DELETE FROM {table} WHERE user_key = ?", (user_key,)) for table in _LEARNER_TABLES),  # noqa: S608
        ("DELETE FROM reminders WHERE user_key = ?", (user_key,)),
        ("UPDATE users SET track = NULL, timezone = NULL WHERE user_key = ?", (user_key,)),
    ]


class SqlIdentityStore(IdentityStore):
    """The identity tables of a :class:`bot.storage.sql.Database`.

    ``row_lock`` ends the reads that lock rows (PostgreSQL: `` FOR UPDATE``); ``one_at_a_time``
    is the statement that makes identity changes wait for each other (PostgreSQL: an advisory
    lock), empty where transactions are serial anyway.
    """

    def __init__(self, db: Database, row_lock: str = "", one_at_a_time: str = "") -> None:
        self._db = db
        self._row_lock = row_lock
        self._one_at_a_time = one_at_a_time

    @asynccontextmanager
    async def _change(self) -> AsyncIterator[Transaction]:
        """A transaction that changes identities, after every other one has ended."""
        async with self._db.transaction() as tx:
            if self._one_at_a_time:
                await tx.fetchall(self._one_at_a_time)
            yield tx

    async def learner(self, user_key: str) -> str:
        """The learner key ``user_key`` uses: read from the database every time."""
        row = await self._db.read_one(_LEARNER, (user_key,), key=user_key)
        return row[0] if row is not None else user_key

    async def members(self, learner_key: str) -> list[str]:
        """``learner_key`` and the identities linked to it, in the order they were linked."""
        rows = await self._db.read(_MEMBERS, (learner_key,), key=learner_key)
        return [learner_key, *(row[0] for row in rows)]

    async def issue(
        self, user_key: str, locator: str, digest: str, expires_at: datetime, now: datetime
    ) -> bool:
        """Store the identity's one live code; ``False`` if another live code has the locator."""
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM link_codes WHERE expires_at <= ?", (_seconds(now),))
            await tx.execute(
                "DELETE FROM link_attempts WHERE window_start <= ?", (_seconds(now - WINDOW),)
            )
            await tx.execute(*ensure_user(user_key, now))
            await tx.execute("DELETE FROM link_codes WHERE user_key = ?", (user_key,))
            added = await tx.execute(
                "INSERT INTO link_codes (locator, user_key, code_hash, expires_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (locator, user_key, digest, _seconds(expires_at)),
            )
        return added == 1

    async def burn(self, locator: str, digest: str) -> bool:
        """Delete the live code with this locator if it is this very code."""
        async with self._db.transaction() as tx:
            return (
                await tx.execute(
                    "DELETE FROM link_codes WHERE locator = ? AND code_hash = ?", (locator, digest)
                )
                == 1
            )

    async def _lock(self, tx: Transaction, rows: Callable[[], Awaitable[set[str]]]) -> None:
        """Lock the users rows that ``rows()`` reads the transaction will change.

        All at once in sorted order, so that two transactions never wait on each other in a
        circle; read again once they are locked, since another transaction may have linked or
        unlinked them meanwhile, until no new row is named.
        """
        locked: set[str] = set()
        while missing := await rows() - locked:
            for key in sorted(missing):
                sql = f"SELECT 1 FROM users WHERE user_key = ?{self._row_lock}"  # noqa: S608
                await tx.fetchall(sql, (key,))
            locked |= missing

    async def _link_rows(self, tx: Transaction, user_key: str, issuer: str) -> set[str]:
        """The users rows linking ``user_key`` to ``issuer``'s learner changes (and checks)."""
        return {user_key, issuer, await self._learner(tx, issuer)}

    async def _unlink_rows(self, tx: Transaction, user_key: str) -> set[str]:
        """The users rows unlinking ``user_key`` changes: its own, its learner's, the heir's."""
        learner = await self._learner(tx, user_key)
        heir = await tx.fetchall(_MEMBERS, (learner,)) if learner == user_key else []
        return {user_key, learner, *(row[0] for row in heir[:1])}

    async def _learner(self, tx: Transaction, user_key: str) -> str:
        rows = await tx.fetchall(_LEARNER, (user_key,))
        return rows[0][0] if rows else user_key

    async def redeem(self, user_key: str, locator: str, digest: str, now: datetime) -> LinkResult:
        """Link ``user_key`` to the code's issuer (see :meth:`IdentityStore.redeem`)."""
        async with self._change() as tx:
            cutoff = _seconds(now - WINDOW)
            ((tries, window_start),) = await tx.fetchall(
                _COUNT_TRY, (user_key, _seconds(now), cutoff, cutoff)
            )
            own = await self._learner(tx, user_key)
            if tries > LINK_MAX_WRONG:
                retry_at = datetime.fromtimestamp(window_start, now.tzinfo) + WINDOW
                return LinkResult(LinkOutcome.BLOCKED, own, retry_at=retry_at)
            left = LINK_MAX_WRONG - tries
            columns = "user_key, code_hash, expires_at, wrong_tries"
            find = f"SELECT {columns} FROM link_codes WHERE locator = ?{self._row_lock}"  # noqa: S608
            rows = await tx.fetchall(find, (locator,))
            if not rows:
                return LinkResult(LinkOutcome.WRONG, own, left)
            issuer, stored, expires_at, wrong = rows[0]
            if not hmac.compare_digest(stored, digest):
                if wrong + 1 >= LINK_MAX_WRONG:
                    await tx.execute("DELETE FROM link_codes WHERE locator = ?", (locator,))
                    return LinkResult(LinkOutcome.WRONG, own, left, ended_code_of=issuer)
                await tx.execute(
                    "UPDATE link_codes SET wrong_tries = wrong_tries + 1 WHERE locator = ?",
                    (locator,),
                )
                return LinkResult(LinkOutcome.WRONG, own, left)
            if expires_at <= _seconds(now):
                await tx.execute("DELETE FROM link_codes WHERE locator = ?", (locator,))
                return LinkResult(LinkOutcome.EXPIRED, own, left)
            # The right code is no guess: the try is given back.
            await tx.execute(
                "UPDATE link_attempts SET tries = tries - 1 WHERE user_key = ?", (user_key,)
            )
            if issuer == user_key:
                return LinkResult(LinkOutcome.OWN_CODE, own)
            await tx.execute(*ensure_user(user_key, now))
            await self._lock(tx, lambda: self._link_rows(tx, user_key, issuer))
            target = await self._learner(tx, issuer)
            own = await self._learner(tx, user_key)
            if own == target:
                return LinkResult(LinkOutcome.ALREADY_LINKED, own)
            if own != user_key or await tx.fetchall(_MEMBERS, (user_key,)):
                return LinkResult(LinkOutcome.LINKED_ELSEWHERE, own)
            await self._merge(tx, user_key, target, now)
            await tx.execute("DELETE FROM link_codes WHERE locator = ?", (locator,))
        return LinkResult(LinkOutcome.LINKED, target)

    async def _merge(self, tx: Transaction, source: str, target: str, now: datetime) -> None:
        """Move ``source``'s data onto ``target`` and link it there."""
        statements = copy_learner(source, target)
        kept = await tx.fetchall(
            "SELECT 1 FROM reminders WHERE user_key = ? AND enabled = 1", (target,)
        )
        if not kept:
            statements += move_reminder(source, target)
        statements += _forget_learner_data(source)
        statements.append(
            (
                "INSERT INTO identities (user_key, learner_key, linked_at) VALUES (?, ?, ?)",
                (source, target, iso(now)),
            )
        )
        for sql, params in statements:
            await tx.execute(sql, params)

    async def unlink(self, user_key: str, now: datetime) -> Unlinked | None:
        """Separate ``user_key`` from its learner (see :meth:`IdentityStore.unlink`)."""
        async with self._change() as tx:
            await self._lock(tx, lambda: self._unlink_rows(tx, user_key))
            learner = await self._learner(tx, user_key)
            linked = [row[0] for row in await tx.fetchall(_MEMBERS, (learner,))]
            if not linked:
                return None
            if user_key != learner:
                # It leaves: it gets a copy under its own key; the others keep theirs.
                own_key, others_key, leaving = user_key, learner, {user_key}
                new_key = user_key
                statements: list[Statement] = [
                    ("DELETE FROM identities WHERE user_key = ?", (user_key,))
                ]
            else:
                # The learner key itself leaves: the others go on under the first linked one.
                heir = linked[0]
                own_key, others_key, leaving = learner, heir, set(linked)
                new_key = heir
                statements = [
                    ("DELETE FROM identities WHERE user_key = ?", (heir,)),
                    (
                        "UPDATE identities SET learner_key = ? WHERE learner_key = ?",
                        (heir, learner),
                    ),
                ]
            statements += copy_learner(learner, new_key)
            delivered = await tx.fetchall(
                "SELECT platform, user_id FROM reminders WHERE user_key = ?", (learner,)
            )
            moved = bool(delivered) and user_key_of(*delivered[0]) in leaving
            if moved:
                statements += move_reminder(learner, new_key)
            for sql, params in statements:
                await tx.execute(sql, params)
        with_others = bool(delivered) and (moved == (new_key == others_key))
        return Unlinked(own_key, others_key, with_others)
