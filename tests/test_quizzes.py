"""Review questions in the knowledge file: the bundled set is complete, errors name a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.actions import encode_action
from bot.cli import validate
from bot.knowledge import Knowledge, KnowledgeError, load_knowledge, parse_knowledge
from bot.limits import MAX_OPTION_CHARS
from bot.messages import Button

DATA = Path(__file__).parent / "data"
#: The longest user id a platform hands out (a Discord snowflake is at most 20 digits).
LONGEST_OWNER = "9" * 20
TINY = """\
version: 1
roadmap: {id: tiny, title: Tiny, summary: A tiny roadmap.}
kinds: {language: []}
sections:
  - id: first
    title: First
    summary: The first step.
    topics: [alpha]
topics:
  - id: alpha
    title: Alpha
    kind: language
    summary: Alpha is a thing.
reviews:
  alpha:
    - id: alpha-1
      question: "What is Alpha?"
      options:
        - {text: "A thing", right: true, why: "The roadmap says so."}
        - {text: "A place", why: "It is not a place."}
        - {text: "A person", why: "It is not a person."}
"""


def test_every_bundled_topic_has_two_valid_questions(knowledge: Knowledge) -> None:
    assert set(knowledge.reviews) == set(knowledge.topics)
    for topic_id, questions in knowledge.reviews.items():
        assert len(questions) >= 2, topic_id
        for question in questions:
            assert question.topic_id == topic_id
            assert 3 <= len(question.options) <= 4
            assert sum(option.right for option in question.options) == 1
            assert all(0 < len(o.text) <= MAX_OPTION_CHARS for o in question.options)
            assert all(option.why for option in question.options)
    texts = [q.question.casefold() for q in knowledge.questions.values()]
    assert len(texts) == len(set(texts))


def test_every_answer_button_fits_a_platform_payload(knowledge: Knowledge) -> None:
    for question in knowledge.questions.values():
        for index in range(len(question.options)):
            encode_action(Button("x", "answer", f"{question.id} {index}"), LONGEST_OWNER)


def test_a_roadmap_without_questions_loads() -> None:
    frontend = load_knowledge(DATA / "frontend-roadmap.yaml")
    assert frontend.reviews == {} and frontend.questions == {}


def test_tiny_questions_load() -> None:
    knowledge = parse_knowledge(TINY)
    (question,) = knowledge.reviews["alpha"]
    assert knowledge.questions == {"alpha-1": question}
    assert question.answer == 0 and question.options[1].why == "It is not a place."


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("  alpha:\n", "  beta:\n"), 15, "reviews.beta: unknown topic 'beta'"),
        (('"A place",', '"A place", right: true,'), 18, "exactly one option must be marked"),
        (('"A thing", right: true,', '"A thing",'), 18, "exactly one option must be marked"),
        (("A person", "A" * 70), 21, "options are buttons, at most 64"),
        (("A person", "a thing"), 21, "the same option is listed twice"),
        (("right: true", "right: 1"), 19, "reviews.alpha[0].options[0].right: must be true"),
        (("right: true", "rihgt: true"), 19, "unknown key 'rihgt'; did you mean 'right'?"),
        (('        - {text: "A person", why: "It is not a person."}\n', ""), 18, "3 to 4"),
        (("id: alpha-1", "id: Alpha 1"), 16, "not a valid id"),
        (("  alpha:\n    - id", "  alpha: []\n  x:\n    - id"), 15, "non-empty list"),
    ],
)
def test_broken_questions_name_the_line(change: tuple[str, str], line: int, message: str) -> None:
    old, new = change
    assert old in TINY
    with pytest.raises(KnowledgeError) as error:
        parse_knowledge(TINY.replace(old, new, 1))
    assert f"<knowledge>:{line}: " in str(error.value)
    assert message in str(error.value)


def test_duplicate_ids_and_questions_are_reported() -> None:
    second = TINY[TINY.index("    - id: alpha-1") :]
    with pytest.raises(KnowledgeError) as error:
        parse_knowledge(TINY + second)
    text = str(error.value)
    assert ":22: reviews.alpha[1].id: question id 'alpha-1' is already used" in text
    assert ":23: reviews.alpha[1].question: the same question is already 'alpha-1'" in text


def test_validate_counts_the_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], knowledge: Knowledge
) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY)
    assert validate(path) == 0
    assert "1 review questions" in capsys.readouterr().out
