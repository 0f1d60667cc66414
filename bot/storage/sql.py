"""The SQL every backend shares, over a small database interface each backend implements.

SQLite and PostgreSQL get the same tables with the same column types (times as ISO text or
Unix seconds, dates as ISO text), so one set of statements, written with ``?`` placeholders,
serves both; each backend's :class:`Database` adapts them (PostgreSQL numbers them ``$1``...).
Only what really differs lives in a backend: connecting, migrating, how writes are committed,
and the claim of due reminders (:mod:`bot.storage.reminders`).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Hashable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any, Protocol

from bot.spaced import entered
from bot.storage.base import (
    IdentityStore,
    PageStore,
    ReminderStore,
    ReviewStore,
    SnoozeStore,
    Storage,
    UnansweredStore,
)
from bot.users import UserRecord

Params = Sequence[Any] | Mapping[str, Any]
Statement = tuple[str, Params]
Row = Sequence[Any]

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
#: The columns of a review row besides its topic, copied when a topic id is carried over.
_REVIEW_COLUMNS = "user_key, stage, due_date, reviewed_date, right_count, wrong_count"
ENSURE_USER = "INSERT INTO users (user_key, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"


class Transaction(Protocol):
    """Statements run inside :meth:`Database.transaction`; they see its own changes."""

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return how many rows it changed."""
        ...

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for each parameter tuple in ``rows``."""
        ...

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        """Run a query (or a statement with RETURNING) and return its rows."""
        ...


class Database(Protocol):
    """One database: committed reads, durable writes and explicit transactions."""

    async def read(
        self, sql: str, params: Params = (), *, key: Hashable | None = None
    ) -> list[Row]:
        """Rows of a query on committed data, after the writes queued under ``key``."""
        ...

    async def read_one(
        self, sql: str, params: Params = (), *, key: Hashable | None = None
    ) -> Row | None:
        """The first row of :meth:`read`, or ``None``."""
        ...

    async def write(self, sql: str, params: Params = (), *, key: Hashable | None = None) -> None:
        """Run one statement durably."""
        ...

    async def write_all(
        self, statements: Sequence[Statement], *, key: Hashable | None = None
    ) -> None:
        """Run statements atomically and durably; ``key`` names the one user they touch."""
        ...

    def transaction(self) -> AbstractAsyncContextManager[Transaction]:
        """A write transaction: committed on exit, rolled back on an exception."""
        ...

    async def close(self) -> None:
        """Finish pending writes and release the database."""
        ...


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step."""

    version: int
    name: str
    sql: str


def load_migrations(folder: str = "migrations") -> list[Migration]:
    """A backend's shipped migrations in order; raise ``RuntimeError`` on a gap in numbering.

    ``folder`` (in ``bot/storage``) holds ``NNNN_name.sql`` files, numbered from 0001 and never
    edited once shipped.
    """
    found = []
    for entry in (resources.files("bot.storage") / folder).iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda migration: migration.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001, 0002, ... without gaps: {found}")
    return found


def ensure_user(user_key: str, at: datetime) -> Statement:
    """The statement creating ``user_key``'s row (created ``at``) if it does not exist yet.

    Put it first in a write to a table that references ``users`` (every per-user table does,
    with ``ON DELETE CASCADE``, so that forgetting the user deletes it).
    """
    return ENSURE_USER, (user_key, iso(at))


def iso(moment: datetime) -> str:
    """A stored timestamp: ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat()


def _record(user_key: str, row: Row | None) -> UserRecord:
    """A user's record from its ``track, timezone, created_at`` (a blank one for no row)."""
    if row is None:
        return UserRecord(user_key)
    return UserRecord(user_key, row[0], row[1], datetime.fromisoformat(row[2]))


class SqlStorage(Storage):
    """:class:`Storage` in SQL over a :class:`Database`; reminders and review share it.

    Every answer reads the database (after the user's own queued writes), never a copy in
    memory, so another process's tick or notice is seen by the next command here.
    """

    def __init__(
        self,
        db: Database,
        reminders: ReminderStore,
        reviews: ReviewStore,
        snoozes: SnoozeStore,
        unanswered: UnansweredStore,
        pages: PageStore,
        identities: IdentityStore,
    ) -> None:
        self.db = db
        self.reminders = reminders
        self.reviews = reviews
        self.snoozes = snoozes
        self.unanswered = unanswered
        self.pages = pages
        self.identities = identities
        self._changing: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def _one_change(self, user_key: str) -> AsyncIterator[None]:
        """Run one read-then-write change of the user's checklist at a time in this process.

        So a double click reports one change. (Two processes clicking at the same instant may
        both report it; the rows stay right either way.)
        """
        lock, users = self._changing.get(user_key, (asyncio.Lock(), 0))
        self._changing[user_key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._changing[user_key]
            if users == 1:
                del self._changing[user_key]
            else:
                self._changing[user_key] = (lock, users - 1)

    # -- users ---------------------------------------------------------------------------------

    async def get_user(self, user_key: str) -> UserRecord:
        """The user's record (see :meth:`Storage.get_user`)."""
        row = await self.db.read_one(
            "SELECT track, timezone, created_at FROM users WHERE user_key = ?",
            (user_key,),
            key=user_key,
        )
        return _record(user_key, row)

    async def _update_user(self, user_key: str, column: str, value: str | None) -> None:
        await self.db.write_all(
            [
                ensure_user(user_key, datetime.now(UTC)),
                (f"UPDATE users SET {column} = ? WHERE user_key = ?", (value, user_key)),  # noqa: S608
            ],
            key=user_key,
        )

    async def set_track(self, user_key: str, track: str | None) -> None:
        """Choose the user's track, or ``None`` for the whole roadmap."""
        await self._update_user(user_key, "track", track)

    async def set_timezone(self, user_key: str, zone: str | None) -> None:
        """Set (or clear) the user's IANA time zone name."""
        await self._update_user(user_key, "timezone", zone)

    # -- checklist -----------------------------------------------------------------------------

    async def done_items(self, user_key: str) -> frozenset[str]:
        """Every item the user ticked."""
        rows = await self.db.read(
            "SELECT item_id FROM checklist WHERE user_key = ?", (user_key,), key=user_key
        )
        return frozenset(row[0] for row in rows)

    async def checklist_state(self, user_key: str) -> tuple[UserRecord, frozenset[str]]:
        """The user's record and ticked items in one query (one round trip)."""
        rows = await self.db.read(
            "SELECT 'u', track, timezone, created_at FROM users WHERE user_key = ?"
            " UNION ALL SELECT 'c', item_id, NULL, NULL FROM checklist WHERE user_key = ?",
            (user_key, user_key),
            key=user_key,
        )
        record = next((row[1:] for row in rows if row[0] == "u"), None)
        return _record(user_key, record), frozenset(row[1] for row in rows if row[0] == "c")

    async def _ticked(self, user_key: str, item_id: str) -> bool:
        row = await self.db.read_one(
            "SELECT 1 FROM checklist WHERE user_key = ? AND item_id = ?",
            (user_key, item_id),
            key=user_key,
        )
        return row is not None

    async def mark_done(self, user_key: str, item_id: str, at: datetime, local_date: date) -> bool:
        """Tick an item; ``True`` if it changed. Returns after the change is committed."""
        async with self._one_change(user_key):
            if await self._ticked(user_key, item_id):
                return False
            await self._tick(user_key, item_id, at, local_date)
        return True

    async def _tick(self, user_key: str, item_id: str, at: datetime, local_date: date) -> None:
        state = entered(item_id, local_date)
        await self.db.write_all(
            [
                ensure_user(user_key, at),
                (
                    "INSERT INTO checklist (user_key, item_id, done_at) VALUES (?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (user_key, item_id, iso(at)),
                ),
                (
                    "INSERT INTO activity (user_key, local_date) VALUES (?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (user_key, local_date.isoformat()),
                ),
                (
                    "INSERT INTO reviews (user_key, topic_id, stage, due_date) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (user_key, item_id, state.stage, state.due.isoformat()),
                ),
            ],
            key=user_key,
        )

    async def mark_undone(self, user_key: str, item_id: str) -> bool:
        """Untick an item; ``True`` if it changed. Returns after the change is committed."""
        async with self._one_change(user_key):
            if not await self._ticked(user_key, item_id):
                return False
            await self.db.write_all(
                [
                    (
                        "DELETE FROM checklist WHERE user_key = ? AND item_id = ?",
                        (user_key, item_id),
                    ),
                    (
                        "DELETE FROM reviews WHERE user_key = ? AND topic_id = ?",
                        (user_key, item_id),
                    ),
                ],
                key=user_key,
            )
        return True

    async def reset_progress(self, user_key: str) -> None:
        """Untick everything and forget the activity history and the review."""
        await self.db.write_all(
            [
                (f"DELETE FROM {table} WHERE user_key = ?", (user_key,))  # noqa: S608
                for table in ("checklist", "activity", "reviews", "quiz_asked")
            ],
            key=user_key,
        )

    async def activity_dates(self, user_key: str) -> list[date]:
        """Local dates with something ticked, oldest first."""
        rows = await self.db.read(
            "SELECT local_date FROM activity WHERE user_key = ? ORDER BY local_date",
            (user_key,),
            key=user_key,
        )
        return [date.fromisoformat(row[0]) for row in rows]

    async def carry_over(self, renamed: Mapping[str, str]) -> int:
        """Move ticks, review state and tracks from former ids (see :meth:`Storage.carry_over`)."""
        moved = 0
        if not renamed:
            return moved
        async with self.db.transaction() as tx:
            for old, new in renamed.items():
                for table, column, columns in (
                    ("checklist", "item_id", "user_key, done_at"),
                    ("reviews", "topic_id", _REVIEW_COLUMNS),
                ):
                    moved += await tx.execute(
                        f"INSERT INTO {table} ({column}, {columns})"  # noqa: S608 - fixed names
                        f" SELECT ?, {columns} FROM {table} WHERE {column} = ?"
                        " ON CONFLICT DO NOTHING",
                        (new, old),
                    )
                    await tx.execute(f"DELETE FROM {table} WHERE {column} = ?", (old,))  # noqa: S608
                moved += await tx.execute("UPDATE users SET track = ? WHERE track = ?", (new, old))
        return moved

    # -- notices -------------------------------------------------------------------------------

    async def add_notice(self, user_key: str, text: str) -> None:
        """Queue a one-off message for the user's next reply."""
        now = datetime.now(UTC)
        await self.db.write_all(
            [
                ensure_user(user_key, now),
                (
                    "INSERT INTO notices (user_key, text, created_at) VALUES (?, ?, ?)",
                    (user_key, text, iso(now)),
                ),
            ],
            key=user_key,
        )

    async def take_notices(self, user_key: str) -> list[str]:
        """Pending notices, oldest first, deleted as they are taken (one read when none)."""
        if await self.db.read_one(
            "SELECT 1 FROM notices WHERE user_key = ? LIMIT 1", (user_key,), key=user_key
        ):
            async with self.db.transaction() as tx:
                rows = await tx.fetchall(
                    "DELETE FROM notices WHERE user_key = ? RETURNING id, text", (user_key,)
                )
            return [row[1] for row in sorted(rows, key=lambda row: row[0])]
        return []

    # -- the user's data as a whole --------------------------------------------------------------

    async def export_user(self, user_key: str) -> dict[str, Any]:
        """Everything stored about the learner and each identity linked to it, JSON-ready."""
        record = await self.get_user(user_key)
        identities = await self.identities.members(user_key)
        checklist = await self.db.read(
            "SELECT item_id, done_at FROM checklist WHERE user_key = ? ORDER BY done_at, item_id",
            (user_key,),
            key=user_key,
        )
        notices = await self.db.read(
            "SELECT text, created_at FROM notices WHERE user_key = ?"
            " OR user_key IN (SELECT user_key FROM identities WHERE learner_key = ?) ORDER BY id",
            (user_key, user_key),
            key=user_key,
        )
        return {
            "user": user_key,
            "identities": identities,
            "track": record.track,
            "timezone": record.timezone,
            "created": record.created.isoformat() if record.created else None,
            "done": [{"item": row[0], "at": row[1]} for row in checklist],
            "activity_dates": [day.isoformat() for day in await self.activity_dates(user_key)],
            "notices": [{"text": row[0], "at": row[1]} for row in notices],
            "reminders": await self.reminders.export_user(user_key),
            "reviews": await self.reviews.export_user(user_key),
            "snooze": await self.snoozes.export_user(user_key),
        }

    async def forget_user(self, user_key: str) -> None:
        """Delete everything stored about the learner and every identity linked to it."""
        identities = await self.identities.members(user_key)
        await self.reminders.forget_user(user_key)
        await self.db.write_all(
            [
                (f"DELETE FROM {table} WHERE user_key = ?", (key,))  # noqa: S608 - fixed names
                for key in reversed(identities)
                for table in ("pages", "users")
            ],
            key=user_key,
        )

    async def ping(self) -> None:
        """Raise if the database does not answer."""
        await self.db.read("SELECT 1 FROM users LIMIT 1")

    async def close(self) -> None:
        """Commit queued writes and close the database."""
        await self.db.close()
