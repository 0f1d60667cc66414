"""The eval harness scores answers the way the issue counts them."""

from __future__ import annotations

import pytest

from bot.understanding import Intent, Outcome, Understanding
from tests.evaluation import Report, Verdict, verdict


def _entry(intent: str, kind: str = "in_scope", **more: object) -> dict:
    return {"q": "?", "intent": intent, "kind": kind, "style": "chat", **more}


def _understood(intent: Intent, topics: tuple[str, ...] = (), **more: object) -> Understanding:
    return Understanding("?", intent, topics, **more)


@pytest.mark.parametrize(
    ("understanding", "entry", "expected"),
    [
        (
            _understood(Intent.TOPIC, ("go",)),
            _entry("topic", topics=["go"]),
            "right",
        ),
        (
            _understood(Intent.TOPIC, ("gin",)),
            _entry("topic", topics=["go"]),
            "wrong",
        ),
        (
            _understood(Intent.TOPIC, ("go",)),
            _entry("compare", topics=["go"]),
            "wrong",
        ),
        (
            _understood(Intent.UNKNOWN, ("go", "gin"), outcome=Outcome.ASKED_BACK),
            _entry("topic"),
            "asked_back",
        ),
        (
            _understood(Intent.UNKNOWN, outcome=Outcome.REFUSED),
            _entry("topic", topics=["go"]),
            "refused",
        ),
        (
            _understood(Intent.UNKNOWN, outcome=Outcome.REFUSED),
            _entry("unknown", "everyday"),
            "right",
        ),
        (
            _understood(Intent.TOPIC, ("gin",)),
            _entry("unknown", "everyday"),
            "wrong",
        ),
        (
            _understood(Intent.UNKNOWN, outcome=Outcome.REFUSED),
            _entry("unknown", "smalltalk"),
            "refused",
        ),
        (
            _understood(Intent.UNKNOWN, outcome=Outcome.SMALL_TALK),
            _entry("unknown", "smalltalk"),
            "right",
        ),
        (
            _understood(Intent.TOPIC, section_id="apis"),
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
        report.add(_entry("topic", topics=["go"]), _understood(Intent.TOPIC, ("go",)))
    report.add(_entry("topic", topics=["go"]), _understood(Intent.TOPIC, ("gin",)))
    assert report.by_style["chat"].share(Verdict.WRONG) == pytest.approx(0.02)
    assert report.failures() == []
    report.add(_entry("unknown", "offtopic"), _understood(Intent.TOPIC, ("go",)))
    assert any("confidently wrong" in failure for failure in report.failures())
    assert "chat" in report.table()


def test_report_counts_wrong_answers_that_hold_the_expected_card_under_another_intent() -> None:
    report = Report()
    need = _entry("use_case", topics=["security"])
    report.add(need, _understood(Intent.TOPIC, ("security",)))  # the card, framed otherwise
    report.add(need, _understood(Intent.USE_CASE, ("jwt",)))  # another card
    report.add(_entry("topic", topics=["go"]), _understood(Intent.RESOURCES, ("gin",)))
    assert report.by_style["chat"].counts[Verdict.WRONG] == 3
    assert report.wrong_framing == {"chat": 1}
    assert report.wrong_framing_line().endswith("chat 1 of 3")
