"""Start links: what a ``/start`` payload asks for, such as Telegram's ``t.me/<bot>?start=…``.

A payload is at most 64 characters of ``A-Z a-z 0-9 _ -`` (Telegram's rule), read as::

    payload := name | name "_" id | name "_" id "_" id
    id      := a knowledge id (lower-case letters, digits and hyphens)

``track_python`` follows the Python track, ``topic_docker`` shows a topic, ``lang_go`` a
language, ``quiz_docker`` a quiz on a topic (``quiz`` alone: whatever is due),
``compare_django_flask`` a comparison, ``roadmap_databases`` one step of the roadmap; ``next``,
``progress``, ``roadmap`` and ``help`` run those commands. Anything else is no start link, and
``/start`` just welcomes. Pure: the ids are checked against a knowledge file by
:func:`names_known`, never here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge import Knowledge

#: The longest payload Telegram passes on.
MAX_PAYLOAD_CHARS = 64
SEPARATOR = "_"
_PAYLOAD = re.compile(r"[A-Za-z0-9_-]+")
_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


@dataclass(frozen=True, slots=True)
class LinkKind:
    """One kind of start link: the command it runs and the ids it takes."""

    command: str
    #: How many ids it takes (each allowed count).
    counts: tuple[int, ...]
    #: What its ids name: ``"topic"``, ``"language"`` or ``"section"`` (no ids: ``""``).
    names: str = ""
    #: How the ids are joined into the command's argument text.
    joiner: str = " "


KINDS: dict[str, LinkKind] = {
    "track": LinkKind("track", (1,), "language"),
    "lang": LinkKind("lang", (1,), "language"),
    "topic": LinkKind("topic", (1,), "topic"),
    "quiz": LinkKind("quiz", (0, 1), "topic"),
    "compare": LinkKind("compare", (2,), "topic", " vs "),
    "next": LinkKind("next", (0,)),
    "progress": LinkKind("progress", (0,)),
    "roadmap": LinkKind("roadmap", (0, 1), "section"),
    "help": LinkKind("help", (0,)),
}


@dataclass(frozen=True, slots=True)
class StartLink:
    """A parsed start link: its kind's name and its ids."""

    name: str
    ids: tuple[str, ...] = ()

    @property
    def kind(self) -> LinkKind:
        """What this link runs."""
        return KINDS[self.name]

    @property
    def command(self) -> str:
        """The command the link runs."""
        return self.kind.command

    @property
    def args(self) -> str:
        """The command's argument text."""
        return self.kind.joiner.join(self.ids)

    @property
    def payload(self) -> str:
        """The payload that parses back to this link (for sharing)."""
        return SEPARATOR.join((self.name, *self.ids))


def parse_start_payload(text: str) -> StartLink | None:
    """The start link ``text`` is, or ``None`` if it is none (never raises)."""
    payload = text.strip()
    if len(payload) > MAX_PAYLOAD_CHARS or not _PAYLOAD.fullmatch(payload):
        return None
    name, *ids = payload.split(SEPARATOR)
    kind = KINDS.get(name.casefold())
    if kind is None or len(ids) not in kind.counts:
        return None
    ids = [item.casefold() for item in ids]
    if not all(_ID.fullmatch(item) for item in ids):
        return None
    return StartLink(name.casefold(), tuple(ids))


def names_known(link: StartLink, knowledge: Knowledge) -> bool:
    """Whether every id in ``link`` names what its kind expects in ``knowledge``."""
    names = link.kind.names
    if names == "language":
        known = {language.id for language in knowledge.languages}
        return all(item in known for item in link.ids)
    if names == "section":
        return all(knowledge.section(item) is not None for item in link.ids)
    return all(item in knowledge.topics for item in link.ids)
