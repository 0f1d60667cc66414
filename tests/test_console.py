"""The terminal chat, run as a real process on a pseudo-terminal, the way a person uses it."""

from __future__ import annotations

import io
import os
import select
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.console import PLATFORM, ConsoleAdapter
from bot.clock import ManualClock
from bot.core import Core
from bot.delivery import Delivery
from bot.knowledge import Knowledge
from bot.messages import ChatKind, Reply, Request, render_plain
from bot.storage import open_storage
from tests.test_cli import bot_env

PROMPT = b"you> "
#: Upper bound for the process to show something or to end (a loaded machine starts Python
#: slowly); a passing run takes a fraction of it.
PATIENCE_SECONDS = 30
USER = "learner"


class Terminal:
    """``roadmap-bot console`` with a pseudo-terminal for its stdin, stdout and stderr.

    ``stdin`` or ``stdout`` replace the terminal with another file descriptor.
    """

    def __init__(
        self, tmp_path: Path, *, stdin: int | None = None, stdout: int | None = None
    ) -> None:
        self.master, slave = os.openpty()
        env = bot_env({"DATABASE_PATH": str(tmp_path / "db.sqlite3"), "LOGNAME": USER})
        env.pop("LOG_LEVEL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "console"],
            stdin=slave if stdin is None else stdin,
            stdout=slave if stdout is None else stdout,
            stderr=slave,
            env=env,
            cwd=tmp_path,
            start_new_session=True,  # a Ctrl-C meant for pytest does not reach it
        )
        os.close(slave)
        self.output = b""
        self._seen = 0

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def expect(self, text: bytes) -> bytes:
        """Read until ``text`` appears after what was already expected; return what came."""
        start = self._seen
        deadline = time.monotonic() + PATIENCE_SECONDS
        while (found := self.output.find(text, self._seen)) < 0:
            if not self._read(deadline - time.monotonic()):
                raise AssertionError(f"{text!r} never came; the terminal shows {self.output!r}")
        self._seen = found + len(text)
        return self.output[start : self._seen]

    def wait(self) -> int:
        """The exit status, once the process has ended and its last output is read."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while self._read(deadline - time.monotonic()):
            pass
        return self.process.wait(max(deadline - time.monotonic(), 0.1))

    def _read(self, timeout: float) -> bool:
        """Read what the terminal shows next; False at its end or after ``timeout``."""
        if timeout <= 0 or not select.select([self.master], [], [], timeout)[0]:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the process and every copy of the terminal are gone
            return False
        self.output += chunk
        return bool(chunk)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.fixture
def terminal(tmp_path: Path):
    opened: list[Terminal] = []

    def open_terminal(**options: int) -> Terminal:
        opened.append(Terminal(tmp_path, **options))
        return opened[-1]

    yield open_terminal
    for each in opened:
        each.close()


def test_ctrl_c_ends_the_chat_at_once_even_halfway_through_a_line(terminal) -> None:
    term = terminal()
    term.expect(PROMPT)
    term.type(b"/lang pyth")  # no Enter
    term.expect(b"/lang pyth")
    term.process.send_signal(signal.SIGINT)  # what the terminal does on Ctrl-C
    assert term.wait() == 130, term.output
    assert b"Traceback" not in term.output
    assert term.output.endswith(b"/lang pyth\r\n")  # the shell's prompt gets a line of its own


def test_ctrl_d_ends_the_chat_with_a_newline(terminal) -> None:
    term = terminal()
    term.expect(PROMPT)
    term.type(b"/lang go\n")
    assert b"Go (Golang)" in term.expect(PROMPT)
    term.type(b"\x04")  # Ctrl-D on an empty line: end of input
    assert term.wait() == 0, term.output
    assert term.output.endswith(PROMPT + b"\r\n")


async def set_due_reminder(tmp_path: Path, knowledge: Knowledge) -> None:
    """Give the console's user a daily reminder that fell due two minutes ago.

    The bot process runs on the real clock, so the reminder is set on a clock ten minutes
    behind it, for a time eight minutes later.
    """
    now = datetime.now(UTC)
    async with await open_storage(tmp_path / "db.sqlite3") as storage:
        core = Core(knowledge, storage, clock=ManualClock(now - timedelta(minutes=10)))
        due = now - timedelta(minutes=2)
        request = Request("console", USER, USER, ChatKind.PRIVATE, "remind", f"{due:%H:%M} utc")
        reply = await core.handle(request)
        assert reply.title == "Daily reminder set", reply


async def test_a_reminder_shows_as_a_message_and_the_prompt_comes_back(
    tmp_path: Path, knowledge: Knowledge, terminal
) -> None:
    await set_due_reminder(tmp_path, knowledge)
    term = terminal()
    term.expect(PROMPT)
    shown = term.expect(PROMPT)  # the reminder arrives while the prompt waits for a line
    assert shown.startswith(b"\r\x1b[KYour daily reminder\r\n"), shown  # the prompt is erased
    assert shown.endswith(b"/remind off stops these reminders.\r\n\r\n" + PROMPT)
    assert b"INFO" not in term.output  # no log lines in the conversation
    term.type(b"/quit\n")
    assert term.wait() == 0, term.output


async def test_a_closed_output_ends_the_chat_when_a_reminder_comes(
    tmp_path: Path, knowledge: Knowledge, terminal
) -> None:
    # `… | roadmap-bot console | head -n 1` once head is gone: the first thing the console
    # writes is the reminder, while its input stays open. It must not wait for that input.
    await set_due_reminder(tmp_path, knowledge)
    stdin, keyboard = os.pipe()
    reader, writer = os.pipe()
    os.close(reader)
    term = terminal(stdin=stdin, stdout=writer)
    os.close(stdin)
    os.close(writer)
    try:
        assert term.wait() == 0, term.output  # stderr, on the terminal
        assert b"Traceback" not in term.output, term.output
    finally:
        os.close(keyboard)


class CountingOutput(io.StringIO):
    """An output that counts how often it is flushed (each flush is a write to the pipe)."""

    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


async def test_piped_lines_are_answered_in_order_with_few_writes(tmp_path, knowledge) -> None:
    lines = [f"/lang {name}" for name in ("python", "go", "java", "ruby", "php")] * 20
    lines.append("/topic docker")
    source = tmp_path / "input.txt"
    source.write_text("\n".join(lines), encoding="utf-8")  # the last line without a newline
    output = CountingOutput()
    async with await open_storage(tmp_path / "db.sqlite3") as storage:
        core = Core(knowledge, storage)
        with source.open(encoding="utf-8") as stdin:
            adapter = ConsoleAdapter(core, stdin, output, interactive=False, user_id=USER)
            await adapter.run()
        expected = [render_plain(await core.handle(adapter.request(line))) for line in lines]
    assert output.getvalue() == "".join(reply + "\n\n" for reply in expected)
    assert output.flushes <= 4  # not one per reply (101): the pipe gets whole buffers


async def test_a_login_name_with_undecodable_bytes_still_keeps_the_learners_data(
    core: Core, tmp_path: Path, monkeypatch
) -> None:
    """LOGNAME in Latin-1 on a UTF-8 system reaches Python as lone surrogates, which no
    database can store: the name is the console's user id, so every learner command failed."""
    monkeypatch.setenv("LOGNAME", "jos\udce9")  # the byte 0xE9, undecodable as UTF-8
    output = io.StringIO()
    source = tmp_path / "input.txt"
    source.write_text("/track python\n/remind 9\n", encoding="utf-8")
    with source.open(encoding="utf-8") as stdin:
        await ConsoleAdapter(core, stdin, output, interactive=False).run()
    assert "Something went wrong" not in output.getvalue()
    assert "Daily reminder set" in output.getvalue()


class CountingRenders(ConsoleAdapter):
    """The console, counting the replies it renders."""

    renders = 0

    def render(self, reply: Reply) -> str:
        self.renders += 1
        return super().render(reply)


async def answer_piped(core: Core, tmp_path: Path, lines: list[str], output) -> CountingRenders:
    """The console after answering ``lines`` piped in, writing to ``output``."""
    source = tmp_path / "input.txt"
    source.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    with source.open(encoding="utf-8") as stdin:
        adapter = CountingRenders(core, stdin, output, interactive=False, user_id=USER)
        await adapter.run()
    return adapter


async def test_a_lookup_asked_again_is_rendered_once_within_a_bound(
    core: Core, tmp_path: Path, monkeypatch
) -> None:
    lookups = ["/lang python", "/compare django vs flask", "/lang python", "/lang   python"]
    output = io.StringIO()
    adapter = await answer_piped(
        core, tmp_path, [*lookups, "what is docker", "what is docker"], output
    )
    expected = [render_plain(await core.handle(adapter.request(line))) for line in lookups]
    assert output.getvalue().startswith("".join(reply + "\n\n" for reply in expected))
    assert adapter.renders == 4  # two lookups; each question's reply is a new one

    from adapters import console as console_module

    monkeypatch.setattr(console_module, "WRITTEN_REPLIES", 1)  # python is forgotten for go
    adapter = await answer_piped(
        core, tmp_path, ["/lang python", "/lang go", "/lang python"], output
    )
    assert adapter.renders == 3


async def test_output_to_a_file_is_the_replies_text_after_what_was_printed_before(
    core: Core, tmp_path: Path
) -> None:
    lines = ["/lang python", "/topic dokcer", "which db for a social app", "/lang python"]
    sink = tmp_path / "output.txt"
    with sink.open("w", encoding="utf-8") as output:
        output.write("Welcome → type /help\n")  # the greeting, still in the file's text buffer
        adapter = await answer_piped(core, tmp_path, lines, output)
        expected = [render_plain(await core.handle(adapter.request(line))) for line in lines]
        replies = "".join(reply + "\n\n" for reply in expected)
        assert sink.read_text(encoding="utf-8") == "Welcome → type /help\n" + replies  # flushed
    assert "→" in replies and "•" in replies  # encoded beyond ASCII


async def test_a_reminder_written_to_a_file_comes_after_what_was_printed_before(
    core: Core, tmp_path: Path
) -> None:
    reminder = Reply(title="Your daily reminder", blocks=("Next → /progress",))
    sink = tmp_path / "output.txt"
    (tmp_path / "input.txt").write_text("", encoding="utf-8")
    with sink.open("w", encoding="utf-8") as output, (tmp_path / "input.txt").open() as stdin:
        output.write("Welcome\n")  # the greeting, still in the file's text buffer
        adapter = ConsoleAdapter(core, stdin, output, interactive=False, user_id=USER)
        await adapter.deliver(Delivery(PLATFORM, USER, USER), reminder)
        assert sink.read_text(encoding="utf-8") == f"Welcome\n{render_plain(reminder)}\n\n"
