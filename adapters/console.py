"""The terminal adapter: the same core as a chat in the terminal, or fed by a pipe.

One command or question per line; every reply is printed; the session ends at end of input
(or on ``/quit``). It is also an :class:`~bot.delivery.Outbox`, so reminders show up in the
terminal while it runs.
"""

from __future__ import annotations

import asyncio
import getpass
import io
import sys
from typing import TextIO

from bot.commands import parse_command_line
from bot.core import Core
from bot.delivery import Delivery
from bot.messages import ChatKind, Reply, Request, render_plain

PLATFORM = "console"
PROMPT = "you> "
QUIT_WORDS = frozenset({"/quit", "/exit", "quit", "exit"})


class ConsoleAdapter:
    """Reads lines, asks the core, prints replies."""

    platform = PLATFORM
    overall_rate = 100.0
    per_chat_interval = 0.0

    def __init__(
        self,
        core: Core,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        *,
        interactive: bool | None = None,
        user_id: str | None = None,
    ) -> None:
        self.core = core
        self.stdin = stdin or sys.stdin
        if stdin is None and isinstance(sys.stdin, io.TextIOWrapper):
            sys.stdin.reconfigure(errors="replace")  # undecodable input is not a reason to stop
        self.stdout = stdout or sys.stdout
        self.interactive = self.stdin.isatty() if interactive is None else interactive
        self.user_id = user_id or _local_user()

    @property
    def outbox(self) -> ConsoleAdapter:
        """The console delivers reminders itself."""
        return self

    def request(self, line: str) -> Request:
        """The core request for one line typed by the local user."""
        parsed = parse_command_line(line)
        return Request(
            platform=PLATFORM,
            user_id=self.user_id,
            chat_id=self.user_id,
            chat_kind=ChatKind.PRIVATE,
            command=parsed.command,
            args=parsed.args,
            user_name=self.user_id,
        )

    async def run(self) -> None:
        """Answer lines until end of input."""
        while True:
            if self.interactive:
                self._write(PROMPT, end="")
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:
                break
            line = line.strip()
            if not line:
                continue
            if line.casefold() in QUIT_WORDS:
                break
            reply = await self.core.handle(self.request(line))
            self._write(render_plain(reply) + "\n")

    async def deliver(self, delivery: Delivery, reply: Reply) -> None:
        """Print a reminder."""
        self._write("\n" + render_plain(reply) + "\n")

    def _write(self, text: str, end: str = "\n") -> None:
        self.stdout.write(text + end)
        self.stdout.flush()


def _local_user() -> str:
    try:
        return getpass.getuser() or "local"
    except (KeyError, OSError):
        return "local"
