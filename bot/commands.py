"""The command registry: what each command is called, takes and does.

Features (``bot/features/*``) declare their commands here; adapters read the registry to build
menus (Telegram's setMyCommands, Discord's slash commands) without knowing any command. A
handler gets a :class:`Context`: the request and only the services it may use, so features
never import the core that runs them.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.limits import MAX_COMMAND_CHARS, QUOTE_CHARS
from bot.matching import NameIndex
from bot.messages import Button, Reply, ReplyKind, Request
from bot.text import clean, shorten

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.conversation import Conversations
    from bot.knowledge import Knowledge
    from bot.questions import QuestionAnswerer
    from bot.storage import Storage
    from bot.unanswered import UnansweredLog


class OptionKind(enum.StrEnum):
    """What an option names; decides how adapters autocomplete it."""

    TEXT = "text"
    TOPIC = "topic"
    LANGUAGE = "language"
    SECTION = "section"
    ITEM = "item"
    TIME = "time"
    TIMEZONE = "timezone"
    CHOICE = "choice"


@dataclass(frozen=True, slots=True)
class Option:
    """One argument of a command, for platforms with typed options (Discord)."""

    name: str
    description: str
    kind: OptionKind = OptionKind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    #: What a platform with typed options (Discord) fills in when the option is left empty.
    default: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    """What a command handler gets: the request, its cleaned arguments and the services."""

    request: Request
    args: str
    knowledge: Knowledge
    storage: Storage
    clock: Clock
    questions: QuestionAnswerer
    commands: CommandBook
    #: Each person's last free-text answer per chat, for follow-up questions.
    conversations: Conversations
    #: Where free-text questions the bot could not answer are recorded for the operator.
    unanswered: UnansweredLog
    #: The learner key whose data the user's identity uses, for a ``learner`` command only.
    learner_key: str | None = None

    @property
    def learner(self) -> str:
        """The learner key of a ``learner`` command's user (their data lives under it)."""
        if self.learner_key is None:
            raise RuntimeError(f"/{self.request.command} reads learner data: declare learner=True")
        return self.learner_key


Handler = Callable[[Context], Awaitable[Reply]]


@dataclass(frozen=True, slots=True)
class Command:
    """A command users can run."""

    name: str
    summary: str
    handler: Handler
    usage: str = ""
    options: tuple[Option, ...] = ()
    #: How typed option values are joined into the argument text the handler parses.
    separator: str = " "
    #: Shown in menus and /help; hidden commands still work when typed.
    listed: bool = True
    #: Its reply depends on the knowledge and the arguments alone (nobody's data, not the time
    #: or the chat), so the core may give the same reply again without running it.
    lookup: bool = False
    #: Runs on the learner's data: the core resolves the user's learner key first (one read;
    #: see :meth:`bot.storage.base.IdentityStore.learner`). Knowledge commands do not.
    learner: bool = False

    def join_options(self, values: Sequence[str]) -> str:
        """Build the argument text from typed option values, one per option, in order.

        An empty value takes its option's ``default``; one still empty is skipped.
        """
        filled = (
            (value or "").strip() or option.default
            for value, option in zip(values, self.options, strict=True)
        )
        return self.separator.join(value for value in filled if value)


async def learner_key_for(command: Command, request: Request, storage: Storage) -> str | None:
    """The learner key ``command`` runs on for ``request``'s user; ``None`` if not ``learner``.

    The one place an identity becomes a learner key: one read of the database, never a copy
    (another process may have linked or unlinked it), and none for a knowledge command.
    """
    return await storage.identities.learner(request.user_key) if command.learner else None


class CommandBook:
    """Every command by name, with a fuzzy index of their names for suggestions."""

    def __init__(self, commands: Iterable[Command]) -> None:
        #: The commands by name, in registry order.
        self.by_name: dict[str, Command] = {command.name: command for command in commands}
        self.names = NameIndex((name, name) for name in self.by_name)

    @property
    def listed(self) -> list[Command]:
        """Commands to show in menus and /help, in registry order."""
        return [command for command in self.by_name.values() if command.listed]

    def find(self, name: str) -> Command | None:
        """The command called ``name``, or the one ``name`` matches exactly once normalised."""
        return self.by_name.get(name) or self.by_name.get(self.names.exact(name) or "")

    def unknown(self, name: str) -> Reply:
        """The reply to ``/name`` when no command has that name: suggestions and help.

        However long ``name`` is, it is matched by its first ``MAX_COMMAND_CHARS`` characters
        and quoted back shortened.
        """
        suggestions = [  # commands only buttons run (not listed) are never suggested
            match.id
            for match in self.names.search(name[:MAX_COMMAND_CHARS])
            if self.by_name[match.id].listed
        ]
        blocks = [f"I don't know the command /{shorten(clean(name), QUOTE_CHARS)}."]
        if suggestions:
            blocks.append("Did you mean: " + ", ".join(f"/{s}" for s in suggestions) + "?")
        blocks.append("Send /help to see everything I can do.")
        buttons = (*(Button(f"/{s}", s) for s in suggestions), Button("Help", "help"))
        return Reply(
            title="Unknown command", blocks=tuple(blocks), buttons=buttons, kind=ReplyKind.NOT_FOUND
        )


@dataclass(frozen=True, slots=True)
class ParsedLine:
    """A line of chat text split into a command and its arguments."""

    command: str | None
    args: str
    #: The bot a command was addressed to (``/help@SomeBot``), if any.
    addressee: str = ""


def parse_command_line(text: str) -> ParsedLine:
    """Split ``/cmd@Bot args`` into its parts; plain text is a question (``command`` is None)."""
    stripped = text.strip()
    if not stripped.startswith("/") or len(stripped) == 1 or stripped[1].isspace():
        return ParsedLine(None, stripped)
    head, *rest = stripped[1:].split(maxsplit=1)
    name, _, addressee = head.partition("@")
    return ParsedLine(name.casefold(), rest[0].strip() if rest else "", addressee)
