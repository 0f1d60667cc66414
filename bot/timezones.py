"""Time zones and times of day as users type them.

Zones are IANA names (``Europe/Berlin``) from :func:`zoneinfo.available_timezones` (the
``tzdata`` package), matched fuzzily by full name or city (``"new york"`` ->
``America/New_York``). Whole-hour offsets (``"utc+2"``) map to ``Etc/GMT-2``: the ``Etc`` zones
count the other way round. Times accept 24-hour and 12-hour forms (``"21:30"``, ``"9:30 pm"``,
``"21h"``).
"""

from __future__ import annotations

import re
from datetime import time
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from bot.matching import Match, NameIndex, Resolution
from bot.text import clean, normalize

#: Region prefixes of canonical zones; their cities win over legacy aliases of the same name.
_REGIONS = (
    "Europe",
    "America",
    "Asia",
    "Africa",
    "Australia",
    "Pacific",
    "Atlantic",
    "Indian",
    "Antarctica",
)
#: Shown first when autocompleting an empty zone.
_POPULAR = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
)
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?00)?$")
#: Etc/GMT zones exist for these whole-hour offsets from UTC.
_MIN_OFFSET, _MAX_OFFSET = -12, 14
_UTC_NAMES = frozenset({"utc", "gmt", "z", "zulu", "utc0", "gmt0"})


class TimeParseError(ValueError):
    """Text that is not a time of day; ``str()`` is a friendly explanation."""


def _priority(zone: str) -> tuple[int, str]:
    region = zone.split("/", 1)[0]
    return (_REGIONS.index(region) if region in _REGIONS else len(_REGIONS), zone)


@cache
def _zones() -> tuple[str, ...]:
    """Every zone name, canonical regions first."""
    return tuple(sorted(available_timezones(), key=_priority))


@cache
def _index() -> NameIndex:
    """Full names and city names of every zone."""
    entries: list[tuple[str, str]] = []
    for zone in _zones():
        entries.append((zone, zone))
        if "/" in zone and not zone.startswith("Etc/"):
            entries.append((zone.rsplit("/", 1)[1], zone))
    return NameIndex(entries)


def _offset_zone(text: str) -> str | None:
    """``"utc+2"`` -> ``"Etc/GMT-2"``; ``None`` if ``text`` is not a whole-hour offset."""
    key = text.casefold().replace(" ", "")
    if key in _UTC_NAMES:
        return "UTC"
    found = _OFFSET.match(key)
    if found is None:
        return None
    hours = int(found[2]) * (1 if found[1] == "+" else -1)
    if not _MIN_OFFSET <= hours <= _MAX_OFFSET:
        return None
    if hours == 0:
        return "UTC"
    # POSIX style: Etc/GMT-2 is two hours *ahead* of UTC.
    return f"Etc/GMT{-hours:+d}"


def resolve_timezone(text: str) -> Resolution:
    """What zone ``text`` names: a confident match (``match.id``: IANA name) or suggestions."""
    text = clean(text)
    if not text:
        return Resolution(None, ())
    offset = _offset_zone(text)
    if offset is not None:
        return Resolution(Match(offset, offset, 100.0), ())
    if _OFFSET.match(text.casefold().replace(" ", "")):
        return Resolution(None, ())  # an offset no zone has
    return _index().resolve(text)


def zone_info(name: str) -> ZoneInfo:
    """The :class:`ZoneInfo` for a stored zone name."""
    return ZoneInfo(name)


def complete_timezone(text: str, limit: int) -> list[str]:
    """Zone names for autocompletion, best first; popular zones for empty text."""
    if not normalize(text):
        return list(_POPULAR[:limit])
    offset = _offset_zone(clean(text))
    if offset is not None:
        return [offset]
    return _index().complete(text, limit)


_TIME_24 = re.compile(r"^(\d{1,2})(?:[:.h](\d{1,2}))?h?$")
_TIME_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{1,2}))?(a|p)\.?m?\.?$")
_TIME_COMPACT = re.compile(r"^(\d{2})(\d{2})$")
_NAMED = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
_EXAMPLES = "Try 09:00, 9am, 9:30 pm or 21:30."


def _check_minute(raw: str | None) -> int:
    if raw is None:
        return 0
    if len(raw) != 2:
        raise TimeParseError(f"Minutes take two digits (like 9:05). {_EXAMPLES}")
    minute = int(raw)
    if minute > 59:
        raise TimeParseError(f"An hour only has minutes 00 to 59, not {minute}. {_EXAMPLES}")
    return minute


def parse_time(text: str) -> time:
    """Read a time of day: ``"9"``, ``"09:00"``, ``"9:30"``, ``"9am"``, ``"9:30 pm"``, ``"21h"``.

    Raises :class:`TimeParseError` with a friendly message for anything else.
    """
    key = clean(text).casefold().replace(" ", "")
    if key in _NAMED:
        return _NAMED[key]
    twelve = _TIME_12.match(key)
    if twelve is not None:
        hour, minute = int(twelve[1]), _check_minute(twelve[2])
        if not 1 <= hour <= 12:
            raise TimeParseError(f"With am/pm the hour goes from 1 to 12, not {hour}. {_EXAMPLES}")
        return time(hour % 12 + (12 if twelve[3] == "p" else 0), minute)
    found = _TIME_24.match(key) or _TIME_COMPACT.match(key)
    if found is None:
        shown = clean(text)[:40]
        raise TimeParseError(f"I could not read “{shown}” as a time of day. {_EXAMPLES}")
    hour, minute = int(found[1]), _check_minute(found[2])
    if hour > 23:
        raise TimeParseError(f"A day has hours 0 to 23, not {hour}. {_EXAMPLES}")
    return time(hour, minute)
