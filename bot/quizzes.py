"""Review questions: the ``reviews`` block of a knowledge file, read into typed questions.

Each topic may have multiple-choice questions (3-4 options, exactly one right, each with a
one-line explanation). The block is optional: a roadmap without it loads and works, it just has
nothing to quiz on. Reading reports every problem through the knowledge builder, so a broken
question names its file, line and field like any other mistake in the file.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.fields import FieldReader
from bot.limits import MAX_OPTION_CHARS, MAX_OPTIONS, MIN_OPTIONS
from bot.messages import Button
from bot.spaced import ReviewState

#: Letters that name the options of a question, in order.
OPTION_LETTERS = "ABCD"
#: The hidden command an option's button runs: ``/answer <question id> <option index>``.
ANSWER_COMMAND = "answer"


@dataclass(frozen=True, slots=True)
class ReviewOption:
    """One answer to a question, with why it is (or is not) right."""

    text: str
    why: str
    right: bool = False


@dataclass(frozen=True, slots=True)
class ReviewQuestion:
    """A multiple-choice question about one topic."""

    id: str
    topic_id: str
    question: str
    options: tuple[ReviewOption, ...]

    @property
    def answer(self) -> int:
        """The index of the right option."""
        return next(index for index, option in enumerate(self.options) if option.right)

    def listing(self) -> str:
        """The options as lines, ``"A. text"``, so a cut button label can be read in full."""
        return "\n".join(
            f"{OPTION_LETTERS[index]}. {option.text}" for index, option in enumerate(self.options)
        )

    def buttons(self) -> tuple[Button, ...]:
        """One button per option, running ``/answer <id> <index>``."""
        return tuple(
            Button(f"{OPTION_LETTERS[index]}. {option.text}", ANSWER_COMMAND, f"{self.id} {index}")
            for index, option in enumerate(self.options)
        )

    def explain(self, index: int) -> str:
        """``"B. text: why"`` for the option at ``index``."""
        option = self.options[index]
        return f"{OPTION_LETTERS[index]}. {option.text}: {option.why}"


def pick_question(
    questions: Sequence[ReviewQuestion], state: ReviewState | None, today: date
) -> ReviewQuestion:
    """The question whose turn it is: by answers counted in review, else by the date."""
    turn = state.answers if state is not None else today.toordinal()
    return questions[turn % len(questions)]


def read_reviews(
    builder: FieldReader, root: Mapping[str, Any], topic_ids: Collection[str]
) -> dict[str, tuple[ReviewQuestion, ...]]:
    """The ``reviews`` block as questions per topic id, in file order; problems go to builder."""
    value = root.get("reviews")
    if value is None:
        return {}
    path: tuple[Any, ...] = ("reviews",)
    block = builder.mapping(value, path)
    seen_ids: set[str] = set()
    seen_texts: dict[str, str] = {}
    result: dict[str, tuple[ReviewQuestion, ...]] = {}
    for topic_id, questions in block.items():
        topic_path = (*path, topic_id)
        if topic_ids and str(topic_id) not in topic_ids:
            builder.problem(topic_path, f"unknown topic {topic_id!r}")
        if not isinstance(questions, list) or not questions:
            builder.problem(topic_path, "must be a non-empty list of questions")
            continue
        read = []
        for index, item in enumerate(questions):
            question = _question(builder, item, str(topic_id), (*topic_path, index))
            if question is None:
                continue
            where = (*topic_path, index)
            if question.id in seen_ids:
                builder.problem((*where, "id"), f"question id {question.id!r} is already used")
            seen_ids.add(question.id)
            key = question.question.casefold()
            if key in seen_texts:
                builder.problem(
                    (*where, "question"), f"the same question is already {seen_texts[key]!r}"
                )
            seen_texts.setdefault(key, question.id)
            read.append(question)
        result[str(topic_id)] = tuple(read)
    return result


def _question(
    builder: FieldReader, item: Any, topic_id: str, path: tuple[Any, ...]
) -> ReviewQuestion | None:
    data = builder.mapping(item, path, "question")
    if not data:
        return None
    question_id = builder.slug(data, "id", path)
    text = builder.text(data, "question", path)
    raw = data.get("options")
    if not isinstance(raw, list):
        builder.problem((*path, "options"), "is required: a list of 3 or 4 options")
        return None
    if not MIN_OPTIONS <= len(raw) <= MAX_OPTIONS:
        builder.problem(
            (*path, "options"), f"must have {MIN_OPTIONS} to {MAX_OPTIONS} options ({len(raw)})"
        )
    options = []
    texts: set[str] = set()
    for index, entry in enumerate(raw):
        option = _option(builder, entry, (*path, "options", index))
        if option.text.casefold() in texts:
            builder.problem((*path, "options", index, "text"), "the same option is listed twice")
        texts.add(option.text.casefold())
        options.append(option)
    right = sum(option.right for option in options)
    if right != 1:
        builder.problem(
            (*path, "options"), f"exactly one option must be marked right: true ({right} are)"
        )
    if not (question_id and text) or right != 1:
        return None
    return ReviewQuestion(question_id, topic_id, text, tuple(options))


def _option(builder: FieldReader, entry: Any, path: tuple[Any, ...]) -> ReviewOption:
    data = builder.mapping(entry, path, "option")
    text = builder.text(data, "text", path)
    if len(text) > MAX_OPTION_CHARS:
        builder.problem(
            (*path, "text"),
            f"is {len(text)} characters; options are buttons, at most {MAX_OPTION_CHARS}",
        )
    right = data.get("right", False)
    if not isinstance(right, bool):
        builder.problem((*path, "right"), "must be true or false")
        right = False
    return ReviewOption(text, builder.text(data, "why", path), right)
