"""What the rule stages find on the way and pass on to later stages.

Each is worked out once, by the stage group that first needs it (:mod:`bot.questions.rules`
says in which order), from the message's :class:`~bot.questions.reading.Reading`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import Section
from bot.mentions import Mention


@dataclass(frozen=True, slots=True)
class Asked:
    """What the asking sentence asks for, once neither small talk nor another subject."""

    #: Names set side by side ("or", "vs", a comparing word).
    compare: bool
    #: What a name is ("what is couchdb"), and whether a name there is asked itself.
    asks_what: bool
    names_itself: bool
    #: Stems of the asking sentence ("order" only in learning talk).
    focus_stems: set[str]
    #: The message talks about software (a software word, a name or a word of the title).
    software_talk: bool
    #: What to learn next ("what should i learn next", "what comes after the db step").
    learn_next: bool
    #: "the best way to learn sql": material.
    learn_way: bool


@dataclass(frozen=True, slots=True)
class ProjectsAsked:
    """Projects asked for by a project word ("ideas for a project", "docker exercises")."""

    #: "is that a good idea", "the idea behind it": an opinion, not project ideas.
    opinion: bool
    asked: bool
    #: The name just before the project word: what the projects are for.
    named: Mention | None
    #: Projects asked for, and no kind ("a deployment project with the cloud").
    first: bool


@dataclass(frozen=True, slots=True)
class Requested:
    """Material or projects wanted for what is named, once no comparison decided."""

    resources: bool
    projects: bool
    #: A kind of thing asked for ("what database ...").
    asks_for_kind: bool
    #: The request names nothing and points at nothing ("... what should i read about?").
    unnamed_request: bool


@dataclass(frozen=True, slots=True)
class StepAsked:
    """A step of the roadmap, or the roadmap itself, asked about when no topic is named."""

    section_id: str | None
    section: Section | None
    #: The step named as a step ("the databases part").
    named_step: bool
    #: The step itself asked for: its material or projects, by name, or "in the roadmap".
    step_asked: bool
    #: The roadmap's steps asked for ("what are the main parts of backend").
    steps: bool
    #: An overview cue in a sentence about the roadmap, and a strong one.
    overview: bool
    starting_point: bool
    strong: bool
