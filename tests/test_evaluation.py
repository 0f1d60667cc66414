"""The eval harness scores answers the way the issue counts them."""

from __future__ import annotations

import pytest

from bot.questions import Intent, Understanding
from tests.evaluation import Report, Verdict, verdict


def _entry(intent: str, kind: str = "in_scope", **more: object) -> dict:
    return {"q": "?", "intent": intent, "kind": kind, "style": "chat", **more}


def _understood(intent: Intent, topics: tuple[str, ...] = (), **more: object) -> Understanding:
    return Understanding("?", intent, topics, **more)


@pytest.mark.parametrize(
    ("understanding", "entry", "expected"),
    [
        (
            _understood(Intent.TOPIC, ("go",), confident=True),
            _entry("topic", topics=["go"]),
            "right",
        ),
        (
            _understood(Intent.TOPIC, ("gin",), confident=True),
            _entry("topic", topics=["go"]),
            "wrong",
        ),
        (
            _understood(Intent.TOPIC, ("go",), confident=True),
            _entry("compare", topics=["go"]),
            "wrong",
        ),
        (
            _understood(Intent.UNKNOWN, ("go", "gin"), confident=False),
            _entry("topic"),
            "asked_back",
        ),
        (_understood(Intent.UNKNOWN, confident=False), _entry("topic", topics=["go"]), "refused"),
        (_understood(Intent.UNKNOWN, confident=False), _entry("unknown", "everyday"), "right"),
        (
            _understood(Intent.TOPIC, ("gin",), confident=True),
            _entry("unknown", "everyday"),
            "wrong",
        ),
        (_understood(Intent.UNKNOWN, confident=False), _entry("unknown", "smalltalk"), "refused"),
        (
            _understood(Intent.UNKNOWN, confident=False, small_talk=True),
            _entry("unknown", "smalltalk"),
            "right",
        ),
        (
            _understood(Intent.TOPIC, confident=True, section_id="apis"),
            _entry("topic", section="databases"),
            "wrong",
        ),
    ],
)
def test_verdicts(understanding: Understanding, entry: dict, expected: str) -> None:
    assert verdict(understanding, entry) == expected


def test_report_flags_a_style_that_misses_a_target() -> None:
    report = Report()
    for _ in range(49):
        report.add(
            _entry("topic", topics=["go"]), _understood(Intent.TOPIC, ("go",), confident=True)
        )
    report.add(_entry("topic", topics=["go"]), _understood(Intent.TOPIC, ("gin",), confident=True))
    assert report.by_style["chat"].share(Verdict.WRONG) == pytest.approx(0.02)
    assert report.failures() == []
    report.add(_entry("unknown", "offtopic"), _understood(Intent.TOPIC, ("go",), confident=True))
    assert any("confidently wrong" in failure for failure in report.failures())
    assert "chat" in report.table()
