"""Fixtures shared by the test modules (modules may override them with local ones)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.commands import parse_command_line
from bot.core import Core
from bot.knowledge import Knowledge, bundled_knowledge_path, load_knowledge
from bot.messages import ChatKind, Reply, Request
from bot.storage import open_storage

START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def knowledge():
    return load_knowledge(bundled_knowledge_path())


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


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
