"""Several real ``roadmap-bot run`` processes on one PostgreSQL database, in Telegram webhook mode.

Each process listens for webhook calls on a port of its own, as several processes behind one
load balancer would, and talks to one loopback :class:`~tests.fakes.telegram_api.FakeTelegram`.
Used by the multi-process end-to-end test and by ``bench/bench_dispatch.py``, which look into
the database through a storage of their own. Every wait polls a condition against a deadline:
nothing depends on how long something happens to take.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.telegram.app import derived_webhook_secret
from bot.storage import Storage
from tests.conftest import ROOT, TELEGRAM_TOKEN
from tests.fakes.telegram_api import FakeTelegram
from tests.test_telegram_adapter import free_port, post

#: What every process registers with setWebhook (Telegram would call the load balancer there).
WEBHOOK_URL = "https://bot.example.org/telegram-hook"
#: The log line of a process once it is fully running.
RUNNING = "roadmap-bot is running"
#: The log line of a process that won the Telegram reminder sender election.
ELECTED = "now sends the telegram reminders"
#: How long a process may take to start on a loaded machine.
START_SECONDS = 90.0
#: How often a waiting condition is checked.
POLL_SECONDS = 0.05


async def wait_until(condition: Callable[[], Any], seconds: float, what: str) -> Any:
    """Poll ``condition()`` until it is truthy (returned) or ``seconds`` pass (AssertionError).

    ``condition`` may be a coroutine function.
    """
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if isinstance(result, Awaitable):
            result = await result
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds:g} s in vain for {what}")
        await asyncio.sleep(POLL_SECONDS)


@dataclass
class BotProcess:
    """One running bot process: its log file and its webhook listener."""

    name: str
    process: asyncio.subprocess.Process
    log: Path
    port: int
    _updates: itertools.count = field(default_factory=lambda: itertools.count(1))

    def logged(self, text: str) -> bool:
        """Whether the process has written ``text`` to its log."""
        return self.log.exists() and text in self.log.read_text(errors="replace")

    @property
    def alive(self) -> bool:
        """Whether the process is still running."""
        return self.process.returncode is None

    async def say(self, text: str, user: int) -> None:
        """``user`` writes ``text`` in their private chat: a webhook call to this process."""
        update_id = next(self._updates) + 1_000_000 * int(self.name.removeprefix("bot"))
        body = {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": int(time.time()),
                "chat": {"id": user, "type": "private", "first_name": "Ada"},
                "from": {"id": user, "is_bot": False, "first_name": "Ada"},
                "text": text,
            },
        }
        url = f"http://127.0.0.1:{self.port}/telegram-hook"
        status = await post(url, body, derived_webhook_secret(TELEGRAM_TOKEN))
        assert status == 200, f"{self.name} answered the webhook call with {status}"

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as when the machine loses the process."""
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> int:
        """SIGTERM, and its exit status (SIGKILL after 30 s)."""
        if self.alive:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 30)
            except TimeoutError:
                await self.kill()
        assert self.process.returncode is not None
        return self.process.returncode


async def start_bot(
    folder: Path,
    name: str,
    fake: FakeTelegram,
    database_url: str,
    *,
    rate: float | None = None,
    poll_seconds: float = 0.5,
) -> BotProcess:
    """Start ``roadmap-bot run`` (Telegram sends paced at ``rate``/s, if given; see
    ``tests.fakes.paced_bot``); returns once it is running."""
    port = free_port()
    log = folder / f"{name}.log"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TELEGRAM_"))},
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "INFO",
        "REMINDER_POLL_SECONDS": str(poll_seconds),
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BASE_URL": fake.base_url,
        "TELEGRAM_WEBHOOK_URL": WEBHOOK_URL,
        "TELEGRAM_WEBHOOK_PORT": str(port),
    }
    env.pop("DATABASE_PATH", None)
    command = ["-m", "bot", "run"] if rate is None else ["-m", "tests.fakes.paced_bot", str(rate)]
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *command,
            cwd=folder,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
        )
    bot = BotProcess(name, process, log, port)
    try:
        await wait_until(
            lambda: bot.logged(RUNNING) or not bot.alive, START_SECONDS, f"{name} to start"
        )
    except BaseException:
        await bot.kill()
        raise
    assert bot.alive, f"{name} exited:\n{log.read_text(errors='replace')}"
    return bot


async def start_fleet(
    folder: Path, count: int, fake: FakeTelegram, database_url: str, **options: Any
) -> list[BotProcess]:
    """``count`` bot processes (see :func:`start_bot`), started together on a migrated database."""
    started = await asyncio.gather(
        *(start_bot(folder, f"bot{i + 1}", fake, database_url, **options) for i in range(count)),
        return_exceptions=True,
    )
    bots = [bot for bot in started if isinstance(bot, BotProcess)]
    failed = [error for error in started if isinstance(error, BaseException)]
    if failed:
        await stop_fleet(bots)
        raise failed[0]
    return bots


async def stop_fleet(bots: list[BotProcess]) -> None:
    """Stop every process still running."""
    await asyncio.gather(*(bot.stop() for bot in bots if bot.alive))


def sender(bots: list[BotProcess]) -> BotProcess | None:
    """The live process that won the Telegram sender election last, if any has yet."""
    elected = [bot for bot in bots if bot.alive and bot.logged(ELECTED)]
    return elected[-1] if len(elected) == 1 else None


async def query(storage: Storage, sql: str, params: tuple = ()) -> list[Any]:
    """Run one statement and return its rows."""
    async with storage.db.transaction() as tx:
        return await tx.fetchall(sql, params)


async def add_due_reminders(storage: Storage, users: range, now: datetime) -> None:
    """A daily Telegram reminder (UTC) for each of ``users``, whose time was a minute ago."""
    at = (now - timedelta(minutes=1)).strftime("%H:%M")
    due = int(now.timestamp()) - 5
    async with storage.db.transaction() as tx:
        await tx.executemany(
            "INSERT INTO reminders (user_key, platform, user_id, chat_kind, local_time, zone,"
            " next_due, updated_at) VALUES (?, 'telegram', ?, 'private', ?, 'UTC', ?, 0)",
            [(f"telegram:{user}", str(user), at, due) for user in users],
        )


async def settled(storage: Storage, users: range, now: datetime) -> bool:
    """Whether none of ``users``' reminders is still due or claimed (leased, not attempted)."""
    rows = await query(
        storage,
        "SELECT count(*) FROM reminders WHERE CAST(user_id AS BIGINT) BETWEEN ? AND ?"
        " AND (next_due <= ? OR lease_holder IS NOT NULL)",
        (users.start, users.stop - 1, int(now.timestamp())),
    )
    return rows[0][0] == 0


def received(fake: FakeTelegram, users: range) -> dict[int, int]:
    """How many messages the fake Telegram received for each of ``users`` (0 included)."""
    counts = dict.fromkeys(users, 0)
    for call in fake.calls_to("sendMessage"):
        chat = int(call.params["chat_id"])
        if chat in counts:
            counts[chat] += 1
    return counts
