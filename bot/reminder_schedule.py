"""When a daily reminder is due: local wall-clock time in a zone, turned into UTC instants.

Days are stepped as calendar dates in the user's zone (never by adding 86,400 seconds), so a
09:00 reminder stays at 09:00 local across daylight-saving changes. On the two DST days:

- a local time that does not exist (spring forward, 02:30 in Berlin) is shifted forward by the
  gap (sent at 03:30 local): ``fold=0`` takes the offset in force before the jump;
- a local time that occurs twice (fall back, 02:30 in Berlin) is sent at its first occurrence;
  the engine records the local date sent, so the second occurrence never fires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_ONE_DAY = timedelta(days=1)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock ``at`` on ``day`` in ``zone`` (gaps shift forward)."""
    return datetime.combine(day, at.replace(fold=0), tzinfo=zone).astimezone(UTC)


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    """The calendar date in ``zone`` at ``instant``."""
    return instant.astimezone(zone).date()


def carry_last_sent(
    last_sent: date | None, at: time, old_zone: ZoneInfo, new_zone: ZoneInfo
) -> date | None:
    """The local date in ``new_zone`` of the last send (``at`` on ``last_sent`` in ``old_zone``).

    Keeping the instant, not the calendar date, means a move west (Tokyo to Los Angeles) does not
    skip the new zone's next day, and a move east does not send twice on one local day.
    """
    if last_sent is None:
        return None
    return local_date(local_instant(last_sent, at, old_zone), new_zone)


def next_due(at: time, zone: ZoneInfo, now: datetime, last_sent: date | None) -> datetime:
    """The first occurrence strictly after ``now`` on a local date after ``last_sent``."""
    day = local_date(now, zone) - _ONE_DAY  # yesterday's occurrence may still lie ahead in UTC
    if last_sent is not None and day <= last_sent:
        day = last_sent + _ONE_DAY
    while (instant := local_instant(day, at, zone)) <= now:
        day += _ONE_DAY
    return instant


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with a reminder found due at ``now``.

    ``send_date`` is the local date to send for (``None``: skip, it is too late), ``next_due``
    the next occurrence to store, ``last_sent`` the local date to record as handled.
    """

    send_date: date | None
    next_due: datetime
    last_sent: date | None


def decide(
    at: time, zone: ZoneInfo, now: datetime, last_sent: date | None, max_lateness: timedelta
) -> Decision:
    """Pick the latest occurrence up to ``now``; send it unless later than ``max_lateness``.

    Occurrences missed while the bot was down are never sent in a burst: only the most recent one
    can be, and only if it is recent enough. Either way its date counts as handled.
    """
    day = local_date(now, zone) + _ONE_DAY
    while (instant := local_instant(day, at, zone)) > now:
        day -= _ONE_DAY
    if last_sent is not None and day <= last_sent:
        return Decision(None, next_due(at, zone, now, last_sent), last_sent)
    send_date = day if now - instant <= max_lateness else None
    return Decision(send_date, next_due(at, zone, now, day), day)
