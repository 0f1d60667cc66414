"""Time zones and times of day as users type them.

Zones are IANA names (``Europe/Berlin``) from :func:`zoneinfo.available_timezones` (the
``tzdata`` package), matched fuzzily by full name or city (``"new york"`` ->
``America/New_York``), by a common abbreviation (``"est"`` -> ``America/New_York``, which keeps
daylight saving, unlike the fixed-offset IANA zone ``EST``) or by the name of a country that has
one zone (``"india"`` -> ``Asia/Kolkata``). Whole-hour offsets (``"utc+2"``) map to fixed
``Etc/GMT-2``: the ``Etc`` zones count the other way round. Other offsets map to the zone that
uses them as standard time (``"utc+5:30"`` -> ``Asia/Kolkata``). Times accept 24-hour and
12-hour forms (``"21:30"``, ``"9:30 pm"``, ``"21h"``, ``"9 30"``).
"""

from __future__ import annotations

import re
from datetime import time
from functools import cache
from importlib import resources
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
#: Abbreviations and names people use for zones with daylight saving, and the zone meant.
_ALIASES = {
    "America/New_York": ("est", "edt", "et", "eastern", "eastern time"),
    "America/Chicago": ("cst", "cdt", "ct", "central", "central time"),
    "America/Denver": ("mst", "mdt", "mt", "mountain", "mountain time"),
    "America/Los_Angeles": ("pst", "pdt", "pt", "pacific", "pacific time"),
    "America/Anchorage": ("akst", "akdt"),
    "Pacific/Honolulu": ("hst",),
    "Europe/London": ("bst",),
    "Europe/Berlin": ("cet", "cest"),
    "Europe/Athens": ("eet", "eest"),
    "Asia/Kolkata": ("ist",),
    "Asia/Tokyo": ("jst",),
    "Australia/Sydney": ("aest", "aedt"),
}
#: Offsets that are not whole hours, and the zone whose standard time they are.
_PART_HOUR_ZONES = {
    "+03:30": "Asia/Tehran",
    "+04:30": "Asia/Kabul",
    "+05:30": "Asia/Kolkata",
    "+05:45": "Asia/Kathmandu",
    "+06:30": "Asia/Yangon",
    "+08:45": "Australia/Eucla",
    "+09:30": "Australia/Darwin",
    "+10:30": "Australia/Lord_Howe",
    "+12:45": "Pacific/Chatham",
    "-03:30": "America/St_Johns",
    "-09:30": "Pacific/Marquesas",
}
_OFFSET = re.compile(r"^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$")
#: Etc/GMT zones exist for these whole-hour offsets from UTC.
_MIN_OFFSET, _MAX_OFFSET = -12, 14
_UTC_NAMES = frozenset({"utc", "gmt", "z", "zulu", "utc0", "gmt0"})


class TimeParseError(ValueError):
    """Text that is not a time of day; ``str()`` is a friendly explanation."""


def _priority(zone: str) -> tuple[int, str]:
    region = zone.split("/", 1)[0]
    return (_REGIONS.index(region) if region in _REGIONS else len(_REGIONS), zone)


#: Names in the zone database that are not places: the server's own zone and a placeholder.
_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})


@cache
def _zones() -> tuple[str, ...]:
    """Every zone name, canonical regions first."""
    return tuple(sorted(available_timezones() - _NOT_ZONES, key=_priority))


def _single_zone_countries() -> list[tuple[str, str]]:
    """(country name, zone) for each country with one zone in tzdata's ``zone.tab``."""
    try:
        folder = resources.files("tzdata.zoneinfo")
        countries = (folder / "iso3166.tab").read_text("utf-8")
        zones = (folder / "zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        return []
    names = dict(_tab_rows(countries, 2))
    by_country: dict[str, list[str]] = {}
    for code, _, zone in _tab_rows(zones, 3):
        by_country.setdefault(code, []).append(zone)
    return [
        (names[code], found[0])
        for code, found in by_country.items()
        if len(found) == 1 and code in names
    ]


def _tab_rows(text: str, columns: int) -> list[list[str]]:
    """The first ``columns`` fields of each row of a tzdata ``.tab`` file."""
    return [
        line.split("\t")[:columns]
        for line in text.splitlines()
        if line and not line.startswith("#") and line.count("\t") >= columns - 1
    ]


@cache
def _index() -> NameIndex:
    """Aliases, full names and city names of every zone, then single-zone countries."""
    entries = [(alias, zone) for zone, aliases in _ALIASES.items() for alias in aliases]
    for zone in _zones():
        entries.append((zone, zone))
        if "/" in zone and not zone.startswith("Etc/"):
            entries.append((zone.rsplit("/", 1)[1], zone))
    entries += _single_zone_countries()
    return NameIndex(entries)


def _offset_zone(text: str) -> str | None:
    """``"utc+2"`` -> ``"Etc/GMT-2"``, ``"utc+5:30"`` -> ``"Asia/Kolkata"``; else ``None``."""
    key = text.casefold().replace(" ", "")
    if key in _UTC_NAMES:
        return "UTC"
    found = _OFFSET.match(key)
    if found is None:
        return None
    sign, hours, minutes = found[1], int(found[2]), int(found[3] or 0)
    if minutes:
        return _PART_HOUR_ZONES.get(f"{sign}{hours:02d}:{minutes:02d}")
    hours *= 1 if sign == "+" else -1
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
#: Space between an hour and its minutes ("9 30"), read as a colon.
_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")
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
    """Read a time of day: ``"9"``, ``"09:00"``, ``"9:30"``, ``"9 30"``, ``"9am"``, ``"21h"``.

    Raises :class:`TimeParseError` with a friendly message for anything else.
    """
    key = _DIGIT_GAP.sub(":", clean(text).casefold()).replace(" ", "")
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
