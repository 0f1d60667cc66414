"""The terminal adapter: the same core as a chat in the terminal, or fed by a pipe.

One command or question per line; every reply is printed; the session ends at end of input
(Ctrl-D), on ``/quit``, or at once on Ctrl-C. It is also an :class:`~bot.delivery.Outbox`, so
reminders show up in the chat while it runs, with the prompt drawn again below them.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import functools
import getpass
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TextIO

from bot.commands import parse_command_line
from bot.core import Core
from bot.delivery import Delivery, TransientDeliveryError
from bot.lru import LruCache
from bot.messages import ChatKind, Reply, Request, render_plain
from bot.text import clean

PLATFORM = "console"
PROMPT = "you> "
QUIT_WORDS = frozenset({"/quit", "/exit", "quit", "exit"})
#: Carriage return and "erase to the end of the line": removes a prompt already drawn.
ERASE_LINE = "\r\x1b[K"
#: Bytes read from standard input at a time.
CHUNK = 65536
#: Bytes of output gathered before they are written (to a file or a pipe; a terminal gets all
#: of them before the chat waits for input): a write per few replies costs more than the bot.
OUTPUT_BUFFER = 65536
#: Replies whose written form (text, encoded) the console keeps to write again: a lookup asked
#: again is the very same reply object (the core keeps it), rendered once. A few kilobytes each.
WRITTEN_REPLIES = 64


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
        files_dir: Path | None = None,
    ) -> None:
        self.core = core
        #: Where files that cannot be printed (pictures) are written; their path is printed.
        self.files_dir = files_dir or Path(tempfile.gettempdir()) / "roadmap-bot"
        stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        #: Output to a file goes to it as bytes, encoded here: a reply written again is encoded
        #: once, not at every write.
        self._bytes_out = _bytes_output(self.stdout)
        self._out: TextIO | BinaryIO = self._bytes_out or self.stdout
        self._encode: Callable[[str], str | bytes] = (
            functools.partial(str.encode, encoding=self.stdout.encoding, errors=self.stdout.errors)
            if self._bytes_out
            else str
        )
        #: Each reply's written form by the reply's id (the entry keeps the reply, and so its id).
        self._written: LruCache[int, tuple[Reply, str | bytes]] = LruCache(WRITTEN_REPLIES)
        self.interactive = stdin.isatty() if interactive is None else interactive
        self.user_id = user_id or _local_user()
        self.lines = LineReader(stdin.fileno(), stdin.encoding or "utf-8")
        self.interrupted = False
        self._ended = asyncio.Event()
        self._prompt_shown = False

    @property
    def outbox(self) -> ConsoleAdapter:
        """The console delivers reminders itself."""
        return self

    def request(self, line: str) -> Request:
        """The core request for one line typed by the local user."""
        parsed = parse_command_line(line)
        user = self.user_id  # the chat, the user and the name: positional, one line's cost
        return Request(PLATFORM, user, user, ChatKind.PRIVATE, parsed.command, parsed.args, user)

    async def run(self) -> None:
        """Answer lines until end of input, ``/quit``, Ctrl-C or the output being closed.

        Ctrl-C ends the chat at once (even halfway through typing a line) and sets
        :attr:`interrupted`; a reply the core is already working on is printed first.
        """
        self._flush_printed()
        with _on_sigint(self._interrupt):
            while not self._ended.is_set():
                if self.interactive:
                    self._write(PROMPT)
                line = self.lines.buffered_line()  # one already read (piped, pasted): at once
                if line is None and (line := await self._read_line()) is None:
                    break
                line = line.strip()
                if not line:
                    continue
                if line.casefold() in QUIT_WORDS:
                    return
                self._out.write(self._written_form(await self.core.handle(self.request(line))))
        if self.interactive:
            self._write("\n")  # after Ctrl-C or Ctrl-D, the shell's prompt gets a line of its own
        self._out.flush()

    def render(self, reply: Reply) -> str:
        """A reply as terminal text; a file that is not text is written out and its path shown."""
        file = reply.attachment
        if file is None or file.is_text:
            return render_plain(reply)
        path = self.files_dir / Path(file.filename).name
        try:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            path.write_bytes(file.content)
        except OSError as error:
            note = f"[{file.filename}] could not be saved: {error.strerror or error}"
        else:
            note = f"[{file.filename}] saved to {path}"
        return render_plain(replace(reply, attachment=None, blocks=(*reply.blocks, note)))

    def _written_form(self, reply: Reply) -> str | bytes:
        """``reply`` as written after a line: its text and a blank line, encoded.

        Made once per reply kept, except for a file written out (written again each time).
        """
        kept = self._written.get(id(reply))
        if kept is not None:
            return kept[1]
        form = self._encode(self.render(reply) + "\n\n")
        if reply.attachment is None or reply.attachment.is_text:
            self._written.put(id(reply), (reply, form))
        return form

    def _interrupt(self) -> None:
        self.interrupted = True
        self._ended.set()

    async def _read_line(self) -> str | None:
        """The next line once read, or None at end of input or once the chat has ended.

        Only before waiting for more input is the output flushed (not after a line already
        read), so a pipe gets whole buffers instead of a write per reply, and a person at the
        terminal sees every reply before typing the next line.
        """
        self._out.flush()
        self._prompt_shown = self.interactive
        reading = asyncio.ensure_future(self.lines.readline())
        ending = asyncio.ensure_future(self._ended.wait())
        try:
            await asyncio.wait((reading, ending), return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._prompt_shown = False
            reading.cancel()
            ending.cancel()
        return None if self._ended.is_set() else reading.result()

    async def deliver(self, delivery: Delivery, reply: Reply) -> None:
        """Show a reminder as a chat message; a prompt it interrupts is drawn again below it.

        With the output closed (its reader went away) the chat ends and the reminder is left
        for another time.
        """
        message = self.render(reply) + "\n\n"
        try:
            self._flush_printed()
            self._write(ERASE_LINE + message + PROMPT if self._prompt_shown else message)
            self._out.flush()
        except BrokenPipeError:
            self._ended.set()
            raise TransientDeliveryError("the terminal's output is closed") from None

    def _flush_printed(self) -> None:
        """Write out text printed to the output before (a greeting), so that it goes first."""
        if self._bytes_out:
            self.stdout.flush()

    def _write(self, text: str) -> None:
        self._out.write(self._encode(text))


class LineReader:
    """Lines from a file descriptor, read on a daemon thread one chunk at a time when asked.

    A read blocked on the terminal holds up neither the event loop nor the end of the process,
    so Ctrl-C can end the chat at once; a chunk read after its reader was cancelled is kept for
    the next call. Undecodable bytes become U+FFFD instead of ending the chat.
    """

    def __init__(self, fd: int, encoding: str) -> None:
        self._fd = fd
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._text = ""
        self._start = 0  # where the unread part of _text begins
        self._at_end = False
        self._wanted = threading.Semaphore(0)
        self._chunk: asyncio.Future[bytes] | None = None
        self._thread: threading.Thread | None = None

    async def readline(self) -> str | None:
        """The next line without its line break, or None at end of input."""
        while (line := self.buffered_line()) is None and not self._at_end:
            data = await self._read_chunk()
            self._at_end = not data
            self._text = self._text[self._start :] + self._decoder.decode(data, final=self._at_end)
            self._start = 0
        if line is not None or self._start == len(self._text):
            return line
        line, self._start = self._text[self._start :], len(self._text)  # the last, unended line
        return line

    def buffered_line(self) -> str | None:
        """The next line if it was read already (no waiting), else None."""
        end = self._text.find("\n", self._start)
        if end < 0:
            return None
        line, self._start = self._text[self._start : end], end + 1
        return line

    async def _read_chunk(self) -> bytes:
        loop = asyncio.get_running_loop()
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._read_when_asked, args=(loop,), name="console-input", daemon=True
            )
            self._thread.start()
        if self._chunk is None:
            self._chunk = loop.create_future()
            self._wanted.release()
        data = await asyncio.shield(self._chunk)
        self._chunk = None
        return data

    def _read_when_asked(self, loop: asyncio.AbstractEventLoop) -> None:
        while True:
            self._wanted.acquire()
            try:
                data = os.read(self._fd, CHUNK)
            except OSError:  # the terminal went away: that is the end of the input
                data = b""
            try:
                loop.call_soon_threadsafe(self._hand_over, data)
            except RuntimeError:  # the event loop is closed: nobody is reading any more
                return
            if not data:
                return

    def _hand_over(self, data: bytes) -> None:
        if self._chunk is not None and not self._chunk.done():
            self._chunk.set_result(data)


@contextlib.contextmanager
def _on_sigint(callback: Callable[[], None]) -> Iterator[None]:
    """Call ``callback`` on Ctrl-C (SIGINT) instead of raising KeyboardInterrupt, in this block."""
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGINT, callback)
    except (NotImplementedError, RuntimeError):  # no signals here (Windows, not main thread)
        yield
        return
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGINT)


def _bytes_output(stream: TextIO) -> BinaryIO | None:
    """The file of ``stream`` to write encoded text to, with a large buffer, if it has one.

    None where the text stream turns line breaks into another (Windows): writes go through it.
    """
    if os.linesep != "\n":
        return None
    try:
        fd = stream.fileno()
    except OSError:  # not a file (io.UnsupportedOperation is an OSError)
        return None
    return open(fd, "wb", buffering=OUTPUT_BUFFER, closefd=False)


def _local_user() -> str:
    try:  # a name in another encoding holds lone surrogates, which nothing can store: cleaned
        return clean(getpass.getuser()) or "local"
    except (KeyError, OSError):
        return "local"
