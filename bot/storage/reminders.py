"""Daily reminders in SQL: one row per user, leased when due, marked just before the send.

``next_due`` is stored as Unix seconds (UTC) with an index over enabled rows on
(platform, next_due), so finding due reminders reads only the due ones of the platforms asked
for. A claim is a lease (``lease_holder``, ``lease_until``) taken in one transaction: SQLite
serialises it with ``BEGIN IMMEDIATE``, PostgreSQL skips the rows another claim has locked
(``FOR UPDATE SKIP LOCKED``), so concurrent claimers never hold the same reminder. The day is
recorded only by :meth:`SqlReminderStore.attempt`, just before the send, and only while the
lease is still held: a claim never attempted can be given back (or expires) without losing the
day, and one attempted is never sent again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from bot.messages import ChatKind
from bot.reminder_model import Claim, ClaimBatch, Reminder
from bot.reminder_schedule import carry_last_sent, decide, next_due
from bot.storage.base import ReminderStore
from bot.storage.sql import Database, Transaction
from bot.timezones import zone_info

#: The columns a user's settings write.
_FIELDS = (
    "user_key, platform, user_id, user_name, chat_id, chat_kind, local_time, zone, enabled,"
    " next_due, last_sent_date, disabled_reason"
)
_COLUMNS = f"{_FIELDS}, version"


def _seconds(instant: datetime) -> int:
    return int(instant.timestamp())


def _instant(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def claim_sql(lock: str = "") -> str:
    """The statement leasing one platform's due, unleased reminders, oldest first.

    Parameters: holder, lease end, platform, now, now, limit. It reads the
    ``reminders_platform_due`` index (platform, next_due) from the platform's oldest due row
    on, so the cost follows that platform's due rows only. ``lock`` ends the inner query
    (PostgreSQL: ``FOR UPDATE SKIP LOCKED``).
    """
    return (
        "UPDATE reminders SET lease_holder = ?, lease_until = ?"  # noqa: S608 - fixed text
        " WHERE user_key IN (SELECT user_key FROM reminders"
        " WHERE enabled = 1 AND platform = ? AND next_due <= ?"
        " AND (lease_until IS NULL OR lease_until <= ?)"
        f" ORDER BY next_due LIMIT ? {lock}) RETURNING {_COLUMNS}"
    )


def _row_to_reminder(row: Sequence[Any]) -> Reminder:
    hour, minute = map(int, row[6].split(":"))
    return Reminder(
        user_key=row[0],
        platform=row[1],
        user_id=row[2],
        user_name=row[3],
        chat_id=row[4],
        chat_kind=ChatKind(row[5]),
        local_time=time(hour, minute),
        zone=row[7],
        enabled=bool(row[8]),
        next_due=_instant(row[9]),
        last_sent=date.fromisoformat(row[10]) if row[10] else None,
        disabled_reason=row[11],
        version=row[12],
    )


_UPSERT = (
    f"INSERT INTO reminders ({_FIELDS}, updated_at)"  # noqa: S608 - fixed column list
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (user_key) DO UPDATE SET"
    " platform = excluded.platform, user_id = excluded.user_id,"
    " user_name = excluded.user_name, chat_id = excluded.chat_id,"
    " chat_kind = excluded.chat_kind, local_time = excluded.local_time,"
    " zone = excluded.zone, enabled = excluded.enabled, next_due = excluded.next_due,"
    " last_sent_date = excluded.last_sent_date,"
    " disabled_reason = excluded.disabled_reason, updated_at = excluded.updated_at,"
    " version = reminders.version + 1, lease_holder = NULL, lease_until = NULL"
)


def _date(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _params(reminder: Reminder, now: datetime) -> tuple[Any, ...]:
    """The values of ``_UPSERT`` for ``reminder``."""
    return (
        reminder.user_key,
        reminder.platform,
        reminder.user_id,
        reminder.user_name,
        reminder.chat_id,
        str(reminder.chat_kind),
        reminder.local_time.strftime("%H:%M"),
        reminder.zone,
        int(reminder.enabled),
        _seconds(reminder.next_due),
        _date(reminder.last_sent),
        reminder.disabled_reason,
        _seconds(now),
    )


async def _read(tx: Transaction, user_key: str, lock: str) -> Reminder | None:
    rows = await tx.fetchall(
        f"SELECT {_COLUMNS} FROM reminders WHERE user_key = ?{lock}",  # noqa: S608
        (user_key,),
    )
    return _row_to_reminder(rows[0]) if rows else None


def _carry(stored: Reminder | None, new: Reminder, now: datetime) -> Reminder:
    """``new`` with the stored last date sent carried into its zone, and its next due time."""
    zone = zone_info(new.zone)
    last = None
    if stored is not None:
        last = carry_last_sent(stored.last_sent, stored.local_time, zone_info(stored.zone), zone)
    return replace(new, last_sent=last, next_due=next_due(new.local_time, zone, now, last))


class SqlReminderStore(ReminderStore):
    """The ``reminders`` table of a :class:`bot.storage.sql.Database`.

    ``claim`` is the backend's :func:`claim_sql`; ``row_lock`` ends a read that a change in
    the same transaction depends on (PostgreSQL: `` FOR UPDATE``; SQLite's transactions are
    serial already).
    """

    def __init__(self, db: Database, claim: str, row_lock: str = "") -> None:
        self._db = db
        self._claim = claim
        self._row_lock = row_lock

    async def set_reminder(self, reminder: Reminder, now: datetime) -> Reminder:
        """Create or replace the user's reminder; return it as stored, with its next due time.

        The last local date sent is read from the row in the same transaction (so a claim racing
        the caller is kept) and carried into the new zone; ``reminder``'s own is ignored.
        """
        async with self._db.transaction() as tx:
            reminder = _carry(await _read(tx, reminder.user_key, self._row_lock), reminder, now)
            await tx.execute(_UPSERT, _params(reminder, now))
        return reminder

    async def get(self, user_key: str) -> Reminder | None:
        """The user's reminder, enabled or not, if they ever set one."""
        row = await self._db.read_one(
            f"SELECT {_COLUMNS} FROM reminders WHERE user_key = ?",  # noqa: S608
            (user_key,),
            key=user_key,
        )
        return _row_to_reminder(row) if row is not None else None

    async def move_zone(self, user_key: str, zone: str, now: datetime) -> datetime | None:
        """Move an enabled reminder to ``zone``; its next due time, or ``None`` if it was off.

        The last date sent is carried into the new zone (see :func:`carry_last_sent`); a
        reminder turned off meanwhile stays off.
        """
        async with self._db.transaction() as tx:
            current = await _read(tx, user_key, self._row_lock)
            if current is None or not current.enabled:
                return None
            moved = _carry(current, replace(current, zone=zone), now)
            await tx.execute(
                "UPDATE reminders SET zone = ?, next_due = ?, last_sent_date = ?, updated_at = ?,"
                " version = reminders.version + 1, lease_holder = NULL, lease_until = NULL"
                " WHERE user_key = ?",
                (zone, _seconds(moved.next_due), _date(moved.last_sent), _seconds(now), user_key),
            )
        return moved.next_due

    async def disable(
        self, user_key: str, reason: str | None, now: datetime, version: int | None = None
    ) -> bool:
        """Turn the user's reminder off; ``True`` if it was on.

        With ``version``, only if the reminder is still that version: a failure at the
        destination a claim saw never turns off the setting the user made since.
        """
        sql = (
            "UPDATE reminders SET enabled = 0, disabled_reason = ?, updated_at = ?,"
            " version = reminders.version + 1, lease_holder = NULL, lease_until = NULL"
            " WHERE user_key = ? AND enabled = 1"
        )
        params: tuple[Any, ...] = (reason, _seconds(now), user_key)
        if version is not None:
            sql += " AND version = ?"
            params += (version,)
        async with self._db.transaction() as tx:
            count = await tx.execute(sql, params)
        return count > 0

    async def is_current(self, user_key: str, version: int) -> bool:
        """Whether the user's reminder is still on and unchanged since it was at ``version``."""
        row = await self._db.read_one(
            "SELECT 1 FROM reminders WHERE user_key = ? AND enabled = 1 AND version = ?",
            (user_key, version),
        )
        return row is not None

    async def move_chat(self, platform: str, old_chat_id: str, new_chat_id: str) -> int:
        """Point every reminder in a chat that got a new id at the new id; how many moved."""
        async with self._db.transaction() as tx:
            return await tx.execute(
                "UPDATE reminders SET chat_id = ? WHERE platform = ? AND chat_id = ?",
                (new_chat_id, platform, old_chat_id),
            )

    async def claim_due(
        self,
        now: datetime,
        max_lateness: timedelta,
        limits: Mapping[str, int],
        holder: str,
        lease_until: datetime,
    ) -> ClaimBatch:
        """Lease up to ``limits[platform]`` due reminders of each platform to ``holder``.

        Each platform is claimed within its own limit (so one platform's backlog never crowds
        out another's), oldest first; :attr:`ClaimBatch.full` names those that reached it. A
        reminder leased by another holder is skipped until its lease ends. Rows missed by more
        than ``max_lateness`` are moved on (their day counts as handled) without being returned.
        """
        stamp = _seconds(now)
        async with self._db.transaction() as tx:
            rows: list[Any] = []
            full: set[str] = set()
            for name, limit in limits.items():
                if limit <= 0:
                    continue
                found = await tx.fetchall(
                    self._claim, (holder, _seconds(lease_until), name, stamp, stamp, limit)
                )
                if len(found) == limit:
                    full.add(name)
                rows += found
            claims: list[Claim] = []
            skipped: list[tuple[int, str | None, str]] = []
            reminders = sorted(map(_row_to_reminder, rows), key=lambda r: (r.next_due, r.user_key))
            for reminder in reminders:
                decision = decide(
                    reminder.local_time,
                    zone_info(reminder.zone),
                    now,
                    reminder.last_sent,
                    max_lateness,
                )
                if decision.send_date is not None:
                    claims.append(Claim(reminder, decision.send_date, decision.next_due, holder))
                else:
                    last = _date(decision.last_sent)
                    skipped.append((_seconds(decision.next_due), last, reminder.user_key))
            await tx.executemany(
                "UPDATE reminders SET next_due = ?, last_sent_date = ?, lease_holder = NULL,"
                " lease_until = NULL WHERE user_key = ?",
                skipped,
            )
        return ClaimBatch(tuple(claims), len(skipped), frozenset(full))

    async def attempt(self, claim: Claim) -> bool:
        """Record the claim's day as sent just before its send; ``False`` if it is no longer held.

        A lease lost (expired and taken by another holder, or given back) or a reminder changed
        by its user since the claim is not sent: this is what makes the send at most once.
        """
        reminder = claim.reminder
        async with self._db.transaction() as tx:
            count = await tx.execute(
                "UPDATE reminders SET next_due = ?, last_sent_date = ?, lease_holder = NULL,"
                " lease_until = NULL WHERE user_key = ? AND lease_holder = ? AND version = ?",
                (
                    _seconds(claim.next_due),
                    claim.day.isoformat(),
                    reminder.user_key,
                    claim.holder,
                    reminder.version,
                ),
            )
        return count > 0

    async def unattempt(self, claim: Claim) -> bool:
        """Undo :meth:`attempt` for a send known never to have begun; ``True`` if undone.

        The row gets back the due time and last date sent it had when claimed, unless it
        changed since (the user edited it, or it was claimed and attempted for a later day).
        """
        before = claim.reminder
        async with self._db.transaction() as tx:
            count = await tx.execute(
                "UPDATE reminders SET next_due = ?, last_sent_date = ? WHERE user_key = ?"
                " AND version = ? AND next_due = ? AND last_sent_date = ?",
                (
                    _seconds(before.next_due),
                    _date(before.last_sent),
                    before.user_key,
                    before.version,
                    _seconds(claim.next_due),
                    claim.day.isoformat(),
                ),
            )
        return count > 0

    async def renew(self, holder: str, until: datetime) -> None:
        """Extend every lease ``holder`` still holds to ``until``."""
        await self._db.write(
            "UPDATE reminders SET lease_until = ? WHERE lease_holder = ?",
            (_seconds(until), holder),
        )

    async def release(self, holder: str) -> int:
        """Give back every lease ``holder`` holds (claims never attempted); how many."""
        async with self._db.transaction() as tx:
            return await tx.execute(
                "UPDATE reminders SET lease_holder = NULL, lease_until = NULL"
                " WHERE lease_holder = ?",
                (holder,),
            )

    async def export_user(self, user_key: str) -> dict[str, Any]:
        """The user's reminder as JSON-ready values (empty if they have none)."""
        reminder = await self.get(user_key)
        if reminder is None:
            return {}
        return {
            "time": reminder.local_time.strftime("%H:%M"),
            "time_zone": reminder.zone,
            "enabled": reminder.enabled,
            "delivered_to": "direct messages" if reminder.chat_id is None else "chat",
            "chat_id": reminder.chat_id,
            "next_due_utc": reminder.next_due.isoformat(),
            "last_sent_local_date": reminder.last_sent.isoformat() if reminder.last_sent else None,
            "disabled_reason": reminder.disabled_reason,
        }

    async def forget_user(self, user_key: str) -> None:
        """Delete the user's reminder."""
        await self._db.write("DELETE FROM reminders WHERE user_key = ?", (user_key,), key=user_key)
