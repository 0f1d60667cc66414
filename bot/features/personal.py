"""What the features about a learner's own data share (checklist, review, daily, link).

Their replies (:func:`bot.messages.private_reply`) offer the learner's progress and are dated
by the learner's own day.
"""

from __future__ import annotations

from datetime import UTC, date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.commands import Context
from bot.messages import Button

PROGRESS = Button("Progress", "progress")


def local_today(ctx: Context, zone: str | None) -> date:
    """Today's date in the user's time zone (UTC if they have none, or an unknown one)."""
    now = ctx.clock.now()
    try:
        return now.astimezone(ZoneInfo(zone)).date() if zone else now.astimezone(UTC).date()
    except (ZoneInfoNotFoundError, ValueError):
        return now.astimezone(UTC).date()
