"""The command core: platform-neutral requests in, structured replies out.

``Core.handle`` is the only way adapters run commands; ``Core.press`` runs a button press after
checking it belongs to the presser. Nothing here knows about Discord, Telegram or the terminal.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot import observability
from bot.actions import decode_action, encode_action
from bot.clock import Clock, SystemClock
from bot.commands import Command, CommandBook, Context, OptionKind, learner_key_for
from bot.config import Settings
from bot.conversation import Conversations
from bot.features import all_commands
from bot.knowledge import Knowledge
from bot.limits import LOOKUP_REPLIES, MAX_ARGS_CHARS, MAX_BUTTONS, MAX_CHOICES
from bot.lru import LruCache
from bot.messages import Button, ChatKind, Reply, ReplyKind, Request
from bot.questions import QuestionAnswerer
from bot.text import clean
from bot.unanswered import UnansweredLog

if TYPE_CHECKING:
    from bot.storage import Storage

log = logging.getLogger(__name__)

#: The title of the reply given when a command fails on the bot's side.
INTERNAL_ERROR_TITLE = "Something went wrong on my side"
#: The title of a private reply that carries only notices.
NOTICES_TITLE = "A note for you"
#: The command a plain message in a private chat runs.
QUESTION_COMMAND = "ask"


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete choice: what to show and what to submit."""

    label: str
    value: str


def _owned(reply: Reply, user_id: str) -> Reply:
    """``reply`` with its buttons acting on ``user_id``'s data, unless they act on someone's."""
    return reply.owned_by(user_id) if reply.buttons and not reply.owner else reply


class _LookedUp:
    """A lookup command's reply, and the copy of it owned by its last asker.

    A learner asking the same lookup again gets the very same reply object back (an adapter can
    reuse what it made of it: the terminal its text) instead of a fresh copy every time.
    """

    __slots__ = ("owned", "reply")

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.owned = reply

    def for_asker(self, user_id: str) -> Reply:
        """The reply for ``user_id`` (:func:`_owned`), copied once per change of asker."""
        if self.owned.owner != user_id:
            self.owned = _owned(self.reply, user_id)
        return self.owned


class Core:
    """Runs commands against one knowledge base and one storage."""

    def __init__(
        self,
        knowledge: Knowledge,
        storage: Storage,
        *,
        settings: Settings | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.storage = storage
        self.settings = settings or Settings()
        self.clock: Clock = clock or SystemClock()
        self.command_book = CommandBook(all_commands())
        #: The commands by name (the book's own dict: a command added here can be run).
        self.commands: dict[str, Command] = self.command_book.by_name
        observability.metrics.known_commands(self.commands)
        self.topic_names = knowledge.topic_names
        self.section_names = knowledge.section_names
        self.language_names = knowledge.language_names
        self.questions = QuestionAnswerer(knowledge)
        self.conversations = Conversations(self.clock)
        #: Replies of lookup commands by (command, arguments): the knowledge never changes.
        self._lookups: LruCache[tuple[str, str], _LookedUp] = LruCache(LOOKUP_REPLIES)
        self.unanswered = UnansweredLog(
            storage.unanswered,
            self.clock,
            enabled=self.settings.unanswered_log,
            retention_days=self.settings.unanswered_retention_days,
            guess=self.questions.guess_intent,
        )

    @property
    def listed_commands(self) -> list[Command]:
        """Commands to show in menus and /help, in registry order."""
        return self.command_book.listed

    async def handle(self, request: Request) -> Reply:
        """Answer one request. Never raises: every failure becomes a friendly error reply.

        This is the core's one error boundary (:meth:`press` runs through it too): a failing
        command and a failing storage (say, a database damaged since start) alike.
        """
        name = (request.command or QUESTION_COMMAND).casefold()
        started = time.perf_counter()
        failed = False
        try:
            reply = await self._dispatch(request, name, clean(request.args))
            reply = await self._finish(request, reply)
        except Exception:
            failed = True
            log.exception("command /%s failed for %s", name, request.user_key)
            reply = Reply(
                title=INTERNAL_ERROR_TITLE,
                blocks=("Sorry, I could not answer that. Please try again in a moment.",),
                kind=ReplyKind.ERROR,
            )
        elapsed = time.perf_counter() - started
        observability.metrics.command(request.platform, name, elapsed, failed=failed)
        return reply

    async def press(self, request: Request, payload: str) -> Reply:
        """Run a button press (a :meth:`button_payload`) for the user who pressed it."""
        action = decode_action(payload)
        if action is None:
            return Reply(
                title="That button no longer works",
                blocks=("Please run the command again.",),
                kind=ReplyKind.ERROR,
                private=True,
            )
        if action.owner_id != request.user_id:
            return Reply(
                title="That button is not yours",
                blocks=(
                    "It belongs to someone else's checklist. "
                    "Run the command yourself to get your own.",
                ),
                kind=ReplyKind.ERROR,
                private=True,
            )
        return await self.handle(replace(request, command=action.command, args=action.args))

    async def private_notices(self, request: Request) -> Reply | None:
        """The user's pending notices as a private reply (taken), or ``None`` if there are none.

        For adapters that can show a private message beside a public answer (Discord's
        ephemeral follow-ups); elsewhere notices wait for the user's next private reply.
        """
        notices = await self._take_notices(request.user_key)
        if not notices:
            return None
        return Reply(title=NOTICES_TITLE, blocks=tuple(notices), private=True)

    async def _take_notices(self, user_key: str) -> list[str]:
        """The user's pending notices, taken; none if storage fails (the answer still goes out)."""
        try:
            return list(await self.storage.take_notices(user_key))
        except Exception:
            log.exception("could not take the pending notices of %s", user_key)
            return []

    async def close(self) -> None:
        """Finish background work (write the queued unanswered questions) before storage closes."""
        await self.unanswered.flush()

    async def chat_moved(self, platform: str, old_chat_id: str, new_chat_id: str) -> int:
        """A chat got a new id (a Telegram group became a supergroup): its reminders follow it.

        Returns how many reminders moved.
        """
        return await self.storage.reminders.move_chat(platform, old_chat_id, new_chat_id)

    def button_payloads(self, reply: Reply, sent_to: str) -> list[tuple[Button, str]]:
        """Each of a reply's buttons with its payload; one that would not fit is left out.

        Payloads are bound to the reply's owner, or else to ``sent_to`` (the user it is sent to).
        """
        owner = reply.owner or sent_to
        pairs = []
        for button in reply.buttons:
            try:
                pairs.append((button, self.button_payload(button, owner)))
            except ValueError:
                log.warning(
                    "button %r does not fit a button payload; left out", button.command_line
                )
        return pairs

    def button_payload(self, button: Button, owner_user_id: str) -> str:
        """The compact payload an adapter attaches to a button (fits Telegram's 64 bytes)."""
        return encode_action(button, owner_user_id)

    async def complete(self, kind: OptionKind, text: str, request: Request) -> list[Choice]:
        """Autocomplete choices for an option, best first, at most 25."""
        knowledge = self.knowledge
        if kind is OptionKind.LANGUAGE:
            ids = self.language_names.complete(text, MAX_CHOICES)
            return [Choice(knowledge.topics[i].title, i) for i in ids]
        if kind is OptionKind.SECTION:
            ids = self.section_names.complete(text, MAX_CHOICES)
            return [
                Choice(section.title, section.id) for i in ids if (section := knowledge.section(i))
            ]
        if kind in (OptionKind.TOPIC, OptionKind.ITEM):
            ids = self.topic_names.complete(text, MAX_CHOICES)
            return [Choice(knowledge.topics[i].title, i) for i in ids]
        if kind is OptionKind.TIMEZONE:
            from bot.timezones import complete_timezone

            return [Choice(zone, zone) for zone in complete_timezone(text, MAX_CHOICES)]
        return []

    async def _dispatch(self, request: Request, name: str, args: str) -> Reply:
        command = self.commands.get(name)
        if command is None:
            return self.command_book.unknown(name)
        if len(args) > MAX_ARGS_CHARS:
            return Reply(
                title="That is a bit long for me",
                blocks=(
                    f"Please keep it under {MAX_ARGS_CHARS} characters (yours had {len(args)}). "
                    "Ask one thing at a time.",
                ),
                kind=ReplyKind.ERROR,
            )
        if command.lookup:
            looked_up = self._lookups.get((command.name, args))
            if looked_up is None:
                looked_up = _LookedUp(await command.handler(self._context(request, args)))
                self._lookups.put((command.name, args), looked_up)
            return looked_up.for_asker(request.user_id)
        learner_key = await learner_key_for(command, request, self.storage)
        return await command.handler(self._context(request, args, learner_key))

    def _context(self, request: Request, args: str, learner_key: str | None = None) -> Context:
        return Context(
            request,
            args,
            knowledge=self.knowledge,
            storage=self.storage,
            clock=self.clock,
            questions=self.questions,
            commands=self.command_book,
            conversations=self.conversations,
            unanswered=self.unanswered,
            learner_key=learner_key,
        )

    async def _finish(self, request: Request, reply: Reply) -> Reply:
        """Attach pending notices (only where no one else reads them), the owner; cap buttons."""
        if request.chat_kind is ChatKind.PRIVATE or reply.private:
            notices = await self._take_notices(request.user_key)
            if notices:
                reply = reply.with_notices(*notices)
        reply = _owned(reply, request.user_id)
        if len(reply.buttons) > MAX_BUTTONS:
            reply = replace(reply, buttons=reply.buttons[:MAX_BUTTONS])
        return reply
