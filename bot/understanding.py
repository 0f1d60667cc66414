"""What a free-text question was understood to ask: its outcome, intent and topics.

Shared by the answerer (:mod:`bot.questions`), the use-case decisions (:mod:`bot.needs`) and
everything that shows or records an answer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from bot.knowledge import Canned, NotCovered


class Outcome(enum.StrEnum):
    """How a question was dealt with: what the core may record and the eval scores."""

    #: A confident answer from the roadmap.
    ANSWERED = "answered"
    #: Unsure between a few readings: they are offered as choices.
    ASKED_BACK = "asked_back"
    #: It names technology this roadmap does not cover.
    NOT_COVERED = "not_covered"
    #: A greeting, thanks or a question about the bot itself.
    SMALL_TALK = "small_talk"
    #: Not about the roadmap, or not understood.
    REFUSED = "refused"


class Intent(enum.StrEnum):
    """What a question asks for."""

    TOPIC = "topic"
    COMPARE = "compare"
    USE_CASE = "use_case"
    RESOURCES = "resources"
    PROJECTS = "projects"
    OVERVIEW = "overview"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a question was understood to ask: an outcome, an intent and topics, best first."""

    question: str
    intent: Intent
    topic_ids: tuple[str, ...]
    outcome: Outcome = Outcome.ANSWERED
    #: Per topic: the use cases or benefits that speak to the question.
    reasons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The roadmap step the question is about as a whole ("what is devops"), if any.
    section_id: str | None = None
    #: For "which framework for python": the topic whose children ``topic_ids`` are.
    parent_id: str | None = None
    #: Technology the question names that the roadmap does not cover.
    not_covered: tuple[NotCovered, ...] = ()
    #: The fixed reply for small talk or a subject outside the roadmap.
    canned: Canned | None = None
    #: For a use-case answer: whether the runner-up came close.
    close_call: bool = False

    @property
    def confident(self) -> bool:
        """Whether this is a confident roadmap answer."""
        return self.outcome is Outcome.ANSWERED

    @property
    def small_talk(self) -> bool:
        """Whether this was small talk."""
        return self.outcome is Outcome.SMALL_TALK
