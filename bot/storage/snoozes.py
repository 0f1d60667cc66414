"""Snoozed daily reminders in SQL: the ``snoozes`` table.

One row per learner: their "this evening" time, and the local date whose reminder they snoozed
with the instant it comes back. A day's reminder can be snoozed once: a second snooze of the same
date is refused, and a claimed snooze is never due again. A claim locks the rows it reads
(PostgreSQL: ``FOR UPDATE``; SQLite's transactions are serial) and clears their ``due`` in the
same transaction, so a snooze is claimed at most once, whichever process claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from bot.reminder_model import Snooze
from bot.storage.base import SnoozeStore
from bot.storage.sql import Database, ensure_user

#: Whether any snooze is due (read through the partial index on ``due``).
_ANY_DUE = "SELECT 1 FROM snoozes WHERE due IS NOT NULL AND due <= ? LIMIT 1"


def _seconds(instant: datetime) -> int:
    return int(instant.timestamp())


class SqlSnoozeStore(SnoozeStore):
    """The ``snoozes`` table of a :class:`bot.storage.sql.Database`.

    ``row_lock`` ends the claim's read (PostgreSQL: `` FOR UPDATE``).
    """

    def __init__(self, db: Database, row_lock: str = "") -> None:
        self._db = db
        self._row_lock = row_lock

    async def evening(self, user_key: str) -> time | None:
        """The learner's "this evening" time, if they set one."""
        row = await self._db.read_one(
            "SELECT evening_time FROM snoozes WHERE user_key = ?", (user_key,), key=user_key
        )
        if row is None or row[0] is None:
            return None
        return time.fromisoformat(row[0])

    async def set_evening(self, user_key: str, at: time | None, now: datetime) -> None:
        """Set (or with ``None`` clear) the learner's "this evening" time."""
        value = at.strftime("%H:%M") if at is not None else None
        async with self._db.transaction() as tx:
            await tx.execute(*ensure_user(user_key, now))
            await tx.execute(
                "INSERT INTO snoozes (user_key, evening_time) VALUES (?, ?)"
                " ON CONFLICT (user_key) DO UPDATE SET evening_time = excluded.evening_time",
                (user_key, value),
            )

    async def snooze(
        self, user_key: str, day: date, due: datetime, now: datetime
    ) -> tuple[bool, Snooze]:
        """Snooze the reminder of ``day`` until ``due``; ``(True, the snooze)`` if done.

        ``(False, the earlier snooze)`` if that day's reminder was snoozed before.
        """
        async with self._db.transaction() as tx:
            await tx.execute(*ensure_user(user_key, now))
            rows = await tx.fetchall(
                f"SELECT snoozed_date, due FROM snoozes WHERE user_key = ?{self._row_lock}",  # noqa: S608
                (user_key,),
            )
            if rows and rows[0][0] == day.isoformat():
                earlier = rows[0][1]
                return False, Snooze(day, datetime.fromtimestamp(earlier, UTC) if earlier else None)
            await tx.execute(
                "INSERT INTO snoozes (user_key, snoozed_date, due) VALUES (?, ?, ?)"
                " ON CONFLICT (user_key) DO UPDATE SET snoozed_date = excluded.snoozed_date,"
                " due = excluded.due",
                (user_key, day.isoformat(), _seconds(due)),
            )
        return True, Snooze(day, due)

    async def claim_due(
        self, now: datetime, max_lateness: timedelta, platforms: Iterable[str]
    ) -> list[tuple[str, date]]:
        """Claim the snoozes due at ``now`` of learners whose reminder is on ``platforms``.

        Returns ``(user_key, local date)`` for each to send; those missed by more than
        ``max_lateness`` are claimed without being returned.
        """
        names = tuple(platforms)
        stamp = _seconds(now)
        if not names or await self._db.read_one(_ANY_DUE, (stamp,)) is None:
            return []  # the usual case: a read, no write transaction
        marks = ", ".join("?" for _ in names)
        async with self._db.transaction() as tx:
            rows = await tx.fetchall(
                "SELECT user_key, snoozed_date, due FROM snoozes WHERE due <= ?"  # noqa: S608
                f" AND user_key IN (SELECT user_key FROM reminders WHERE platform IN ({marks}))"
                f"{self._row_lock}",
                (stamp, *names),
            )
            await tx.executemany(
                "UPDATE snoozes SET due = NULL WHERE user_key = ?", [(row[0],) for row in rows]
            )
        oldest = _seconds(now - max_lateness)
        return [(row[0], date.fromisoformat(row[1])) for row in rows if row[2] >= oldest]

    async def export_user(self, user_key: str) -> dict[str, Any]:
        """The learner's evening time and last snooze as JSON-ready values."""
        row = await self._db.read_one(
            "SELECT evening_time, snoozed_date, due FROM snoozes WHERE user_key = ?",
            (user_key,),
            key=user_key,
        )
        if row is None:
            return {}
        due = datetime.fromtimestamp(row[2], UTC).isoformat() if row[2] is not None else None
        return {"evening_time": row[0], "last_snoozed_local_date": row[1], "comes_back_utc": due}
