"""Scoring the free-text answerer against labelled questions (the eval sets).

Each question is scored as one of four verdicts:

- ``right``: an in-scope question answered with the expected intent and topic; a question
  outside the roadmap given the reply its kind expects (small talk, "not covered", a refusal);
- ``asked_back``: the bot offered a few readings to choose from instead of guessing;
- ``refused``: the bot gave no roadmap answer to a question it should have answered, or gave a
  refusal of the wrong sort to one outside the roadmap;
- ``wrong``: a confident roadmap answer that is not the expected one (the worst outcome).

Entries are mappings with ``q``, ``intent`` (an :class:`~bot.understanding.Intent` value), and
optionally ``topics`` (expected ids, any of which may come first), ``section``, ``style``
(keyword, chat, long) and ``kind`` (in_scope, everyday, uncovered, smalltalk, offtopic, ...).
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.questions import QuestionAnswerer
from bot.understanding import Intent, Outcome, Understanding

DATA = Path(__file__).parent / "data"
#: The questions the answerer may be tuned on.
TUNE_SETS = (DATA / "eval_questions.yaml", DATA / "eval" / "tune.yaml")
#: Fresh questions kept out of tuning, measured after every change: only their aggregate score
#: is looked at, as often as needed.
VALIDATION_SETS = (DATA / "eval" / "validation.yaml",)
#: Questions kept apart: only their aggregate score is ever looked at, a few times a session.
HOLDOUT_SETS = (DATA / "eval" / "holdout.yaml",)

#: The issue's targets, per style.
MIN_IN_SCOPE_RIGHT = 0.97
MIN_OFF_TOPIC_HELD_BACK = 0.95
MAX_CONFIDENTLY_WRONG = 0.02

#: What a question outside the roadmap should get, by its kind.
_EXPECTED_OUTCOME = {
    "smalltalk": Outcome.SMALL_TALK,
    "uncovered": Outcome.NOT_COVERED,
}


class Verdict(enum.StrEnum):
    """How one answer scored."""

    RIGHT = "right"
    ASKED_BACK = "asked_back"
    REFUSED = "refused"
    WRONG = "wrong"


def load_entries(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every entry of the eval files that exist, each with ``style`` and ``kind`` filled in."""
    entries = []
    for path in paths:
        if not path.is_file():
            continue
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entry = dict(entry)
            entry.setdefault("style", "keyword" if len(entry["q"].split()) <= 6 else "chat")
            default_kind = "offtopic" if entry["intent"] == Intent.UNKNOWN else "in_scope"
            entry.setdefault("kind", default_kind)
            entries.append(entry)
    return entries


def in_scope(entry: Mapping[str, Any]) -> bool:
    """Whether the entry expects a roadmap answer."""
    return entry["intent"] != Intent.UNKNOWN


def verdict(understanding: Understanding, entry: Mapping[str, Any]) -> Verdict:
    """Score one understanding against its labelled entry."""
    outcome = understanding.outcome
    if outcome is Outcome.ASKED_BACK:
        return Verdict.ASKED_BACK
    if not in_scope(entry):
        if outcome is Outcome.ANSWERED:
            return Verdict.WRONG
        expected = _EXPECTED_OUTCOME.get(entry["kind"])
        if expected is None or outcome is expected:
            return Verdict.RIGHT
        return Verdict.REFUSED
    if outcome is not Outcome.ANSWERED:
        return Verdict.REFUSED
    if understanding.intent != entry["intent"]:
        return Verdict.WRONG
    if understanding.section_id != entry.get("section"):
        return Verdict.WRONG
    expected_topics = entry.get("topics") or []
    if expected_topics and (
        not understanding.topic_ids or understanding.topic_ids[0] not in expected_topics
    ):
        return Verdict.WRONG
    return Verdict.RIGHT


def _framed_otherwise(understanding: Understanding, entry: Mapping[str, Any]) -> bool:
    """Whether an answer holds the expected topic or step first, under another intent."""
    if understanding.intent == entry["intent"]:
        return False
    if entry.get("section"):
        return understanding.section_id == entry["section"]
    expected = entry.get("topics") or []
    return bool(expected and understanding.topic_ids[:1] and understanding.topic_ids[0] in expected)


@dataclass
class Tally:
    """Verdict counts for one group of questions."""

    counts: Counter[Verdict] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        """How many questions were scored."""
        return sum(self.counts.values())

    def share(self, verdict: Verdict) -> float:
        """The share of questions with this verdict (0 for an empty tally)."""
        return self.counts[verdict] / self.total if self.total else 0.0


@dataclass
class Report:
    """Verdicts of a whole eval set, grouped by style and by kind."""

    by_style: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    #: Per style: in-scope questions and those outside the roadmap, scored separately.
    in_scope: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    off_topic: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    #: Per style: wrong answers about the expected topic or step, asked as another intent
    #: ("stop sql injection in my forms" labelled a need for Security, answered as what
    #: Security is): the learner sees the right card, framed otherwise.
    wrong_framing: Counter[str] = field(default_factory=Counter)
    #: The questions that were not right, with their verdict (for tuning; never for holdout).
    misses: list[tuple[Verdict, dict[str, Any], Understanding]] = field(default_factory=list)

    def add(self, entry: dict[str, Any], understanding: Understanding) -> None:
        """Score one answer into the report."""
        result = verdict(understanding, entry)
        self.by_style[entry["style"]].counts[result] += 1
        self.by_kind[entry["kind"]].counts[result] += 1
        side = self.in_scope if in_scope(entry) else self.off_topic
        side[entry["style"]].counts[result] += 1
        if result is Verdict.WRONG and in_scope(entry) and _framed_otherwise(understanding, entry):
            self.wrong_framing[entry["style"]] += 1
        if result is not Verdict.RIGHT:
            self.misses.append((result, entry, understanding))

    def wrong_framing_line(self) -> str:
        """How many wrong answers per style are the expected card under another intent."""
        return "wrong, the expected card under another intent: " + ", ".join(
            f"{style} {self.wrong_framing[style]} of {self.by_style[style].counts[Verdict.WRONG]}"
            for style in sorted(self.by_style)
        )

    def failures(self) -> list[str]:
        """Each target a style misses, as a sentence; empty when every target is met."""
        problems = []
        for style, tally in sorted(self.by_style.items()):
            inside, outside = self.in_scope.get(style), self.off_topic.get(style)
            if inside and inside.share(Verdict.RIGHT) < MIN_IN_SCOPE_RIGHT:
                problems.append(
                    f"{style}: in-scope right {inside.share(Verdict.RIGHT):.1%} "
                    f"< {MIN_IN_SCOPE_RIGHT:.0%}"
                )
            if outside and 1 - outside.share(Verdict.WRONG) < MIN_OFF_TOPIC_HELD_BACK:
                problems.append(
                    f"{style}: off-topic held back {1 - outside.share(Verdict.WRONG):.1%} "
                    f"< {MIN_OFF_TOPIC_HELD_BACK:.0%}"
                )
            if tally.share(Verdict.WRONG) > MAX_CONFIDENTLY_WRONG:
                problems.append(
                    f"{style}: confidently wrong {tally.share(Verdict.WRONG):.1%} "
                    f"> {MAX_CONFIDENTLY_WRONG:.0%}"
                )
        return problems

    def table(self) -> str:
        """The report as a plain-text table: per style, then per kind."""
        header = f"{'':<22}{'n':>5}{'right':>8}{'asked':>8}{'refused':>9}{'wrong':>8}"
        lines = [header]
        for title, groups in (
            ("style", self.by_style),
            ("in-scope, style", self.in_scope),
            ("off-topic, style", self.off_topic),
            ("kind", self.by_kind),
        ):
            lines.append(f"by {title}")
            for name, tally in sorted(groups.items()):
                lines.append(
                    f"  {name:<20}{tally.total:>5}"
                    + "".join(
                        f"{tally.share(v):>{w}.1%}"
                        for v, w in zip(Verdict, (8, 8, 9, 8), strict=True)
                    )
                )
        return "\n".join(lines)


def evaluate(answerer: QuestionAnswerer, entries: Iterable[dict[str, Any]]) -> Report:
    """Score every entry."""
    report = Report()
    for entry in entries:
        report.add(entry, answerer.understand(entry["q"]))
    return report
