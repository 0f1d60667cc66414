"""Spaced review: when a ticked topic is due again, and how an answer moves it.

Pure logic over local dates (the learner's calendar days), no I/O. A ticked topic enters review
at stage 0, due :data:`INTERVALS` ``[0]`` days later. A right answer to a due topic moves it one
stage up (due after the next, longer interval; the last interval repeats); a right answer before
it is due changes nothing. A wrong answer moves it one stage down and makes it due again after
the first interval, whenever it was due.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

#: Days until the next review, by stage.
INTERVALS = (1, 3, 7, 16, 35)


@dataclass(frozen=True, slots=True)
class ReviewState:
    """One topic in one learner's review: its stage, next due date and answer counts."""

    topic_id: str
    stage: int
    due: date
    reviewed: date | None = None
    right: int = 0
    wrong: int = 0

    @property
    def answers(self) -> int:
        """How many answers about this topic counted."""
        return self.right + self.wrong


def entered(topic_id: str, today: date) -> ReviewState:
    """The review state of a topic ticked on ``today``."""
    return ReviewState(topic_id, 0, today + timedelta(days=INTERVALS[0]))


def after_answer(state: ReviewState, right: bool, today: date) -> ReviewState:
    """``state`` after an answer on ``today`` (see the module docstring)."""
    if not right:
        return replace(
            state,
            stage=max(state.stage - 1, 0),
            due=today + timedelta(days=INTERVALS[0]),
            reviewed=today,
            wrong=state.wrong + 1,
        )
    if state.due > today:
        return replace(state, reviewed=today, right=state.right + 1)
    stage = min(state.stage + 1, len(INTERVALS) - 1)
    return replace(
        state,
        stage=stage,
        due=today + timedelta(days=INTERVALS[stage]),
        reviewed=today,
        right=state.right + 1,
    )
