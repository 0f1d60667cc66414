"""Unanswered questions in SQL: the ``unanswered`` table.

Rows belong to no user (see :mod:`bot.unanswered`), so this store has no ``forget_user``. Each
batch of inserts also drops the rows beyond the cap (cheap: a range of the primary key) and, when
asked, those older than the retention (through the index on ``asked_at``), in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from bot.storage.base import UnansweredStore
from bot.storage.sql import Database
from bot.unanswered import UnansweredQuestion

_INSERT = (
    "INSERT INTO unanswered (asked_at, platform, intent, outcome, text) VALUES (?, ?, ?, ?, ?)"
)
_PRUNE = "DELETE FROM unanswered WHERE asked_at < ?"
_CAP = "DELETE FROM unanswered WHERE id <= (SELECT max(id) FROM unanswered) - ?"


class SqlUnansweredStore(UnansweredStore):
    """The questions the bot could not answer, in a :class:`bot.storage.sql.Database`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(
        self,
        questions: Sequence[UnansweredQuestion],
        *,
        prune_before: datetime | None,
        keep: int,
    ) -> None:
        """Store questions; keep the newest ``keep`` rows, none before ``prune_before`` if given.

        Durable when it returns.
        """
        rows = [
            (
                int(question.asked_at.timestamp()),
                question.platform,
                question.intent,
                question.outcome,
                question.text,
            )
            for question in questions
        ]
        async with self._db.transaction() as tx:
            await tx.executemany(_INSERT, rows)
            await tx.execute(_CAP, (keep,))
            if prune_before is not None:
                await tx.execute(_PRUNE, (int(prune_before.timestamp()),))

    async def prune(self, before: datetime) -> int:
        """Delete the questions asked before ``before``; how many."""
        async with self._db.transaction() as tx:
            return await tx.execute(_PRUNE, (int(before.timestamp()),))

    async def since(self, moment: datetime | None = None) -> list[UnansweredQuestion]:
        """The questions asked at or after ``moment`` (all when ``None``), oldest first."""
        rows = await self._db.read(
            "SELECT asked_at, platform, intent, outcome, text FROM unanswered"
            " WHERE asked_at >= ? ORDER BY id",
            (int(moment.timestamp()) if moment is not None else 0,),
        )
        return [
            UnansweredQuestion(
                text=row[4],
                platform=row[1],
                intent=row[2],
                outcome=row[3],
                asked_at=datetime.fromtimestamp(row[0], UTC),
            )
            for row in rows
        ]
