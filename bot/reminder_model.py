"""The reminder domain model: a user's daily reminder and the claims a sender holds on them.

Plain data, below both storage (which keeps it) and :mod:`bot.reminders` (which sends it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from bot.messages import ChatKind


@dataclass(frozen=True, slots=True)
class Reminder:
    """A user's daily reminder. ``chat_id`` ``None`` means the user's direct messages."""

    user_key: str
    platform: str
    user_id: str
    user_name: str
    chat_id: str | None
    chat_kind: ChatKind
    local_time: time
    zone: str
    enabled: bool
    next_due: datetime
    last_sent: date | None = None
    disabled_reason: str | None = None
    #: Bumped by every change the user makes; a claim remembers the version it saw.
    version: int = 0


@dataclass(frozen=True, slots=True)
class Claim:
    """A reminder leased by ``holder`` for sending, for the local date ``day``.

    ``reminder`` is the row as claimed; ``next_due`` is its next occurrence, stored with ``day``
    when the send is attempted.
    """

    reminder: Reminder
    day: date
    next_due: datetime
    holder: str
    #: A snoozed reminder coming back: sent without snooze buttons, leased by no one (its
    #: snooze was claimed, at most once, in a transaction of its own).
    snoozed: bool = False


@dataclass(frozen=True, slots=True)
class ClaimBatch:
    """What one claim found: reminders to send now, and how many were too late and skipped."""

    claims: tuple[Claim, ...]
    skipped: int
    #: Platforms whose limit was reached: more of their reminders may be due.
    full: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Snooze:
    """A learner's snooze of the reminder of local date ``day``; ``due`` ``None`` once sent."""

    day: date
    due: datetime | None
