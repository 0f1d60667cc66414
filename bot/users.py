"""What the bot keeps about a user besides their checklist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A user's track and time zone.

    ``created`` is ``None`` for a user the bot has stored nothing about yet.
    """

    user_key: str
    track: str | None = None
    timezone: str | None = None
    created: datetime | None = None
