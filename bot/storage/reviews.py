"""Spaced review in SQL: the ``reviews`` and ``quiz_asked`` tables.

Ticking a topic enters it into review in the same write as the tick (see
:meth:`bot.storage.sql.SqlStorage.mark_done`); this store reads the schedule, records the
questions asked and counts each answer once, in one transaction with its effects.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from bot.spaced import ReviewState, after_answer
from bot.storage.base import Answered, ReviewStore
from bot.storage.sql import Database, ensure_user

#: Unanswered questions remembered per learner (older ones are forgotten: their buttons then
#: only explain, without counting).
KEEP_ASKED = 20
_COLUMNS = "topic_id, stage, due_date, reviewed_date, right_count, wrong_count"


def _state(row: Sequence[Any]) -> ReviewState:
    return ReviewState(
        topic_id=row[0],
        stage=row[1],
        due=date.fromisoformat(row[2]),
        reviewed=date.fromisoformat(row[3]) if row[3] else None,
        right=row[4],
        wrong=row[5],
    )


class SqlReviewStore(ReviewStore):
    """Review schedules and asked questions in a :class:`bot.storage.sql.Database`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, user_key: str, topic_id: str) -> ReviewState | None:
        """The topic's review state, or ``None`` if it is not in the learner's review."""
        row = await self._db.read_one(
            f"SELECT {_COLUMNS} FROM reviews WHERE user_key = ? AND topic_id = ?",  # noqa: S608
            (user_key, topic_id),
            key=user_key,
        )
        return _state(row) if row is not None else None

    async def states(self, user_key: str) -> list[ReviewState]:
        """Every topic in the learner's review, soonest due first."""
        rows = await self._db.read(
            f"SELECT {_COLUMNS} FROM reviews WHERE user_key = ?"  # noqa: S608
            " ORDER BY due_date, topic_id",
            (user_key,),
            key=user_key,
        )
        return [_state(row) for row in rows]

    async def due(self, user_key: str, today: date) -> list[ReviewState]:
        """Topics due on or before ``today``, longest overdue first."""
        rows = await self._db.read(
            f"SELECT {_COLUMNS} FROM reviews WHERE user_key = ? AND due_date <= ?"  # noqa: S608
            " ORDER BY due_date, topic_id",
            (user_key, today.isoformat()),
            key=user_key,
        )
        return [_state(row) for row in rows]

    async def ask(self, user_key: str, question_id: str, at: datetime) -> None:
        """Remember that a question was put to the learner (its answer may count once)."""
        stamp = at.astimezone(UTC).isoformat()
        async with self._db.transaction() as tx:
            await tx.execute(*ensure_user(user_key, at))
            await tx.execute(
                "INSERT INTO quiz_asked (user_key, question_id, asked_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_key, question_id) DO UPDATE SET asked_at = excluded.asked_at",
                (user_key, question_id, stamp),
            )
            await tx.execute(
                "DELETE FROM quiz_asked WHERE user_key = ? AND question_id NOT IN ("
                " SELECT question_id FROM quiz_asked WHERE user_key = ?"
                " ORDER BY asked_at DESC LIMIT ?)",
                (user_key, user_key, KEEP_ASKED),
            )

    async def answer(
        self, user_key: str, question_id: str, topic_id: str, right: bool, today: date
    ) -> Answered:
        """Count an answer to an asked question: move the topic's review, mark today active.

        A question not (or no longer) asked counts nothing: a double press, or a button older
        than the last :data:`KEEP_ASKED` questions.
        """
        async with self._db.transaction() as tx:
            asked = await tx.execute(
                "DELETE FROM quiz_asked WHERE user_key = ? AND question_id = ?",
                (user_key, question_id),
            )
            rows = await tx.fetchall(
                f"SELECT {_COLUMNS} FROM reviews WHERE user_key = ? AND topic_id = ?",  # noqa: S608
                (user_key, topic_id),
            )
            state = _state(rows[0]) if rows else None
            if not asked:
                return Answered(False, state)
            if state is not None:
                state = after_answer(state, right, today)
                await tx.execute(
                    "UPDATE reviews SET stage = ?, due_date = ?, reviewed_date = ?,"
                    " right_count = ?, wrong_count = ? WHERE user_key = ? AND topic_id = ?",
                    (
                        state.stage,
                        state.due.isoformat(),
                        today.isoformat(),
                        state.right,
                        state.wrong,
                        user_key,
                        topic_id,
                    ),
                )
            await tx.execute(
                "INSERT INTO activity (user_key, local_date) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (user_key, today.isoformat()),
            )
        return Answered(True, state)

    async def export_user(self, user_key: str) -> list[dict[str, Any]]:
        """The learner's review schedule as JSON-ready values."""
        return [
            {
                "topic": state.topic_id,
                "stage": state.stage,
                "due": state.due.isoformat(),
                "last_reviewed": state.reviewed.isoformat() if state.reviewed else None,
                "right": state.right,
                "wrong": state.wrong,
            }
            for state in await self.states(user_key)
        ]
