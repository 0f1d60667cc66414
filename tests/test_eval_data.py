"""The free-text evaluation questions (tests/data/eval/) are well formed and split by the rule.

Only the data is checked here; how well the answerer does on it is measured elsewhere.
"""

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
EVAL_DIR = Path(__file__).parent / "data" / "eval"
FILES = ("tune", "validation", "holdout")
INTENTS = {"topic", "compare", "use_case", "resources", "projects", "overview", "unknown"}
STYLES = {"keyword", "chat", "long"}
IN_SCOPE_KINDS = {"in_scope", "compare", "use_case", "subject"}
TRAP_KINDS = {"everyday", "uncovered", "smalltalk", "offtopic"}
REQUIRED = {"q", "intent", "topics", "style", "kind"}
OPTIONAL = {"section", "related"}
#: The bot refuses longer messages, so a longer question would test nothing.
MAX_LENGTH = 500
#: A field of a writer's compact line left in front of the question: "r=go|is rust fast".
GLUED_FIELD = re.compile(r"^[a-z]{1,2}=[a-z0-9,-]*\|")
MIN_PER_STYLE = 150
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def in_holdout(question: str) -> bool:
    """The split rule documented in tests/data/eval/README.md."""
    return int(hashlib.sha1(question.encode("utf-8")).hexdigest(), 16) % 10 < 4


def normalised(question: str) -> str:
    """Case and spacing do not make two questions different."""
    return re.sub(r"\s+", " ", question.strip().casefold())


@pytest.fixture(scope="module")
def entries() -> dict[str, list[dict]]:
    return {  # libyaml's loader where PyYAML has it: 60,000 questions read in seconds
        name: yaml.load((EVAL_DIR / f"{name}.yaml").read_text(), Loader=_LOADER) or []
        for name in FILES
    }


@pytest.fixture(scope="module")
def ids() -> dict[str, set[str]]:
    data = yaml.safe_load((ROOT / "knowledge" / "roadmap.yaml").read_text())
    return {
        "topics": {t["id"] for t in data["topics"]},
        "sections": {s["id"] for s in data["sections"]},
    }


def _all(entries: dict[str, list[dict]]) -> list[dict]:
    return [e for name in FILES for e in entries[name]]


def test_the_files_are_lists_and_tune_and_holdout_are_not_empty(
    entries: dict[str, list[dict]],
) -> None:
    for name in FILES:
        assert isinstance(entries[name], list), name
    assert entries["tune"] and entries["holdout"]


def test_every_record_has_valid_fields(entries: dict[str, list[dict]], ids: dict) -> None:
    problems = []
    for e in _all(entries):
        keys = set(e)
        q = e.get("q")
        if not keys >= REQUIRED or keys - REQUIRED - OPTIONAL:
            problems.append((q, f"fields {sorted(keys)}"))
            continue
        if not isinstance(q, str) or not q.strip() or q != q.strip() or len(q) > MAX_LENGTH:
            problems.append((q, "question empty, padded or too long"))
        elif GLUED_FIELD.match(q):
            problems.append((q, "a writer's field (r=...|) glued to the question"))
        if e["intent"] not in INTENTS or e["style"] not in STYLES:
            problems.append((q, "intent or style"))
        if e["kind"] not in IN_SCOPE_KINDS | TRAP_KINDS:
            problems.append((q, "kind"))
        topics, related = e["topics"], e.get("related", [])
        if not isinstance(topics, list) or not isinstance(related, list):
            problems.append((q, "topics and related are lists"))
            continue
        unknown_ids = [t for t in topics + related if t not in ids["topics"]]
        if unknown_ids:
            problems.append((q, f"unknown topic ids {unknown_ids}"))
        if "section" in e and e["section"] not in ids["sections"]:
            problems.append((q, f"unknown section {e['section']}"))
        if len(set(topics)) != len(topics):
            problems.append((q, "repeated topic"))
    assert not problems, problems


def test_intent_agrees_with_kind_and_topics(entries: dict[str, list[dict]]) -> None:
    problems = []
    for e in _all(entries):
        q, intent, kind = e["q"], e["intent"], e["kind"]
        if kind in TRAP_KINDS:
            if intent != "unknown" or e["topics"] or "section" in e:
                problems.append((q, "a trap expects no roadmap answer"))
        elif intent == "unknown":
            problems.append((q, "an in-scope question needs an intent"))
        if "related" in e and (kind != "uncovered" or not e["related"]):
            problems.append((q, "related is a non-empty hint for uncovered questions only"))
        if "section" in e and e["topics"]:
            problems.append((q, "a section question lists no topics"))
        if intent == "compare" and len(e["topics"]) < 2:
            problems.append((q, "a comparison names at least two topics"))
        if intent in {"topic", "use_case"} and not (e["topics"] or "section" in e):
            problems.append((q, "a topic or use-case question expects a topic or section"))
        if intent == "overview" and (e["topics"] or "section" in e):
            problems.append((q, "the overview is of the whole roadmap"))
        if (intent == "compare") != (kind == "compare") and kind != "subject":
            problems.append((q, "comparisons are kind compare (or subject)"))
        if (intent == "use_case") != (kind == "use_case"):
            problems.append((q, "use-case questions are kind use_case"))
    assert not problems, problems


def test_no_duplicates_within_or_with_the_older_set(entries: dict[str, list[dict]]) -> None:
    counts = Counter(normalised(e["q"]) for e in _all(entries))
    assert [q for q, n in counts.items() if n > 1] == []
    older = yaml.safe_load((Path(__file__).parent / "data" / "eval_questions.yaml").read_text())
    assert set(counts) & {normalised(e["q"]) for e in older} == set()


def test_split_rule_holds(entries: dict[str, list[dict]]) -> None:
    misplaced = [
        (name, e["q"])
        for name in FILES
        for e in entries[name]
        if in_holdout(e["q"]) != (name == "holdout")
    ]
    assert misplaced == []


def test_every_style_is_big_and_mixes_questions_with_traps(entries: dict[str, list[dict]]) -> None:
    for style in STYLES:
        kinds = Counter(e["kind"] for e in _all(entries) if e["style"] == style)
        assert sum(kinds.values()) >= MIN_PER_STYLE, style
        assert set(kinds) == IN_SCOPE_KINDS | TRAP_KINDS, (style, kinds)
        traps = sum(kinds[k] for k in TRAP_KINDS) / sum(kinds.values())
        assert 0.3 <= traps <= 0.6, (style, traps)
    for name in ("tune", "holdout"):
        assert {e["style"] for e in entries[name]} == STYLES, name
