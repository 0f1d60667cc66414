from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.timezones import (
    TimeParseError,
    complete_timezone,
    parse_time,
    resolve_timezone,
    zone_info,
)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("berlin", "Europe/Berlin"),
        ("Berlin", "Europe/Berlin"),
        ("berln", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("New_York", "America/New_York"),
        ("newyork", "America/New_York"),
        ("america/new_york", "America/New_York"),
        ("são paulo", "America/Sao_Paulo"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
        ("kolkata", "Asia/Kolkata"),
        ("US/Eastern", "US/Eastern"),
        ("UTC", "UTC"),
        ("gmt", "UTC"),
        ("utc+2", "Etc/GMT-2"),
        ("UTC -5", "Etc/GMT+5"),
        ("gmt+14", "Etc/GMT-14"),
        ("utc+0", "UTC"),
        ("est", "America/New_York"),
        ("PDT", "America/Los_Angeles"),
        ("ist", "Asia/Kolkata"),
        ("india", "Asia/Kolkata"),
        ("utc+5:30", "Asia/Kolkata"),
        ("UTC +05:45", "Asia/Kathmandu"),
        ("gmt-3:30", "America/St_Johns"),
    ],
)
def test_resolve_timezone(text: str, zone: str) -> None:
    resolution = resolve_timezone(text)
    assert resolution.match is not None
    assert resolution.match.id == zone


def test_offsets_point_the_right_way() -> None:
    from datetime import UTC, datetime

    zone = resolve_timezone("utc+2").match
    assert zone is not None
    offset = datetime(2024, 1, 1, tzinfo=UTC).astimezone(zone_info(zone.id)).utcoffset()
    assert offset is not None and offset.total_seconds() == 2 * 3600


@pytest.mark.parametrize(("text", "winter", "summer"), [("est", -5, -4), ("cet", 1, 2)])
def test_abbreviations_name_zones_that_keep_daylight_saving(
    text: str, winter: int, summer: int
) -> None:
    from datetime import UTC, datetime

    zone = resolve_timezone(text).match
    assert zone is not None
    offsets = [
        datetime(2024, month, 1, tzinfo=UTC).astimezone(zone_info(zone.id)).utcoffset()
        for month in (1, 7)
    ]
    assert [o.total_seconds() / 3600 for o in offsets if o is not None] == [winter, summer]


@pytest.mark.parametrize("text", ["utc+15", "utc-13", "utc+5:31", "xyzzy quux", ""])
def test_unknown_zones_do_not_resolve(text: str) -> None:
    assert resolve_timezone(text).match is None


def test_near_miss_suggests() -> None:
    resolution = resolve_timezone("la")
    assert resolution.match is None
    assert resolution.suggestions


def test_complete_timezone() -> None:
    assert complete_timezone("ber", 5)[0] == "Europe/Berlin"
    assert complete_timezone("", 3) == ["UTC", "Europe/London", "Europe/Berlin"]
    assert complete_timezone("utc+3", 5) == ["Etc/GMT-3"]
    assert len(complete_timezone("a", 25)) <= 25


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", time(9)),
        ("09:00", time(9)),
        ("9:30", time(9, 30)),
        ("9.30", time(9, 30)),
        ("9am", time(9)),
        ("9 AM", time(9)),
        ("9:30 pm", time(21, 30)),
        ("9:30 p.m.", time(21, 30)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("21h", time(21)),
        ("21h30", time(21, 30)),
        ("2130", time(21, 30)),
        ("9 30", time(9, 30)),
        ("10 20", time(10, 20)),
        ("9 30 pm", time(21, 30)),
        ("0:00", time(0)),
        ("noon", time(12)),
        ("midnight", time(0)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("25:00", "0 to 23"),
        ("9:75", "00 to 59"),
        ("noonish", "could not read"),
        ("13pm", "1 to 12"),
        ("0am", "1 to 12"),
        ("9:5", "two digits"),
        ("9 5", "two digits"),
        ("", "could not read"),
    ],
)
def test_parse_time_rejects_with_a_reason(text: str, hint: str) -> None:
    with pytest.raises(TimeParseError, match=hint):
        parse_time(text)


@given(st.integers(0, 23), st.integers(0, 59))
def test_24_hour_round_trip(hour: int, minute: int) -> None:
    assert parse_time(f"{hour}:{minute:02d}") == time(hour, minute)
    assert parse_time(f"{hour:02d}:{minute:02d}") == time(hour, minute)
    assert parse_time(f"{hour}h{minute:02d}") == time(hour, minute)


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["am", "pm", " AM", " p.m."]))
def test_12_hour_matches_24_hour(hour: int, minute: int, suffix: str) -> None:
    expected = time(hour % 12 + (12 if "p" in suffix.lower() else 0), minute)
    assert parse_time(f"{hour}:{minute:02d}{suffix}") == expected


@given(st.text(max_size=30))
def test_parse_time_only_raises_friendly_errors(text: str) -> None:
    try:
        parsed = parse_time(text)
    except TimeParseError as error:
        assert str(error)
    else:
        assert isinstance(parsed, time)


@given(st.text(max_size=40))
def test_resolve_and_complete_never_crash(text: str) -> None:
    resolution = resolve_timezone(text)
    if resolution.match is not None:
        zone_info(resolution.match.id)
    for zone in complete_timezone(text, 25):
        zone_info(zone)


@pytest.mark.parametrize("text", ["localtime", "local", "Factory", "posixrules"])
def test_names_that_are_not_places_are_never_zones(text: str) -> None:
    resolution = resolve_timezone(text)
    named = [resolution.match.id] if resolution.match else []
    named += [match.id for match in resolution.suggestions]
    offered = named + complete_timezone(text, 25)
    assert not {"localtime", "Factory", "posixrules"} & set(offered)
