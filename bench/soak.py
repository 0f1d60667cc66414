"""Memory soak: ``roadmap-bot run`` with both chat adapters, under sustained mixed traffic.

The bot runs as its own process, configured for the loopback fake Discord and fake Telegram
(tests/fakes/) served by this script, which plays users: slash commands, typed commands, free
text and button presses, public and private, from a pool of users on both platforms, at a
steady rate with a bounded number in flight. The bot process's resident memory (RSS, from
/proc) is sampled before the traffic and every ``--every`` commands.

Goal (issue #13): RSS under 100 MB throughout, and less than 5 MB growth between 50,000 and
100,000 commands.

Run: python bench/soak.py [--commands 100000] [--rate 300] [--every 10000] [--root CHECKOUT]
(``--root`` runs the bot from another checkout, to compare before and after a change.)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.discord_api import PROCESS_START_SECONDS, FakeDiscord  # noqa: E402
from tests.fakes.telegram_api import Call, FakeTelegram  # noqa: E402

DISCORD_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.s0ak-t0ken-for-benchmarks_abcdefghijk"
TELEGRAM_TOKEN = "123456789:soak-token-for-benchmarks-abcdefghij"
GUILD, CHANNEL = 5005, 3001
#: Users per platform; each has at most one command in flight.
USERS = 2000
#: How long one answer may take before it counts as unanswered.
ANSWER_SECONDS = 60.0
#: How many recent exchanges / messages the fakes keep (presses need recent messages only).
FAKE_MEMORY = 4000

#: (slash command, options) on Discord; ``None`` means: press a button on the user's last message.
DISCORD_MIX: list[tuple[str, dict[str, str]] | None] = [
    ("lang", {"language": "python"}),
    ("topic", {"name": "postgrs"}),
    ("compare", {"first": "django", "second": "flask"}),
    ("ask", {"question": "which database for a banking app with transactions"}),
    ("progress", {}),  # private: an ephemeral reply with buttons
    None,
    ("next", {}),  # private
    ("roadmap", {}),
    ("quiz", {}),  # private
    None,
]
#: Lines typed on Telegram; ``None`` means: press a button on the user's last message.
TELEGRAM_MIX: list[str | None] = [
    "/lang python",
    "/topic dokcer",
    "/compare django vs flask",
    "which database for a social app",
    "I learned Flask at university but my new job uses Spring Boot, what is it good for?",
    None,
    "/next",
    "/progress",
    "/roadmap",
    None,
]


class SoakDiscord(FakeDiscord):
    """The fake Discord, forgetting all but its most recent exchanges and messages."""

    async def _interact(self, data: dict[str, Any], shard: int | None = None) -> Any:
        _trim(self.exchanges)
        self.requests.clear()
        return await super()._interact(data, shard)

    def _message(self, body: dict[str, Any], channel_id: int, **kwargs: Any) -> dict[str, Any]:
        _trim(self.messages)
        return super()._message(body, channel_id, **kwargs)


class SoakTelegram(FakeTelegram):
    """The fake Telegram, counting the bot's calls per chat instead of keeping them."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.activity: Counter[int] = Counter()

    async def _record(self, call: Call) -> None:
        chat = call.params.get("chat_id")
        if chat is not None and call.method in ("sendMessage", "editMessageText"):
            self.activity[int(chat)] += 1
            _trim(self.messages)
        async with self._changed:
            self._changed.notify_all()

    def last_message(self, chat_id: int) -> dict[str, Any] | None:
        """The newest message the bot sent to a chat that has buttons."""
        for (chat, _), message in reversed(self.messages.items()):
            if chat == chat_id and message.get("reply_markup"):
                return message
        return None


def _trim(memory: dict[Any, Any]) -> None:
    while len(memory) > FAKE_MEMORY:
        del memory[next(iter(memory))]


def rss_mb(pid: int) -> float:
    """Resident set size of a process, in MB (10^6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError("no VmRSS")


async def until(predicate: Callable[[], Any], wake: Callable[[], Awaitable[Any]]) -> None:
    """Wait up to ANSWER_SECONDS for ``predicate()``, re-checking whenever ``wake`` returns."""
    async with asyncio.timeout(ANSWER_SECONDS):
        while not predicate():
            await wake()


class Users:
    """Plays the users: one command per call of :meth:`act`, alternating platforms."""

    def __init__(self, discord: SoakDiscord, telegram: SoakTelegram) -> None:
        self.discord, self.telegram = discord, telegram
        self.last_discord: dict[int, int] = {}  # user -> message id with buttons
        self.unanswered = 0

    async def _discord_changed(self) -> None:
        event = self.discord._changed
        await event.wait()

    async def _telegram_changed(self) -> None:
        async with self.telegram._changed:
            await self.telegram._changed.wait()

    async def act(self, number: int) -> None:
        """Command ``number``: who and what follow from the number alone."""
        user = number // 2 % USERS
        step = (number // 2 // USERS + user) % len(DISCORD_MIX)  # each user walks the mix
        try:
            if number % 2:
                await self._telegram(user + 10_000, TELEGRAM_MIX[step])
            else:
                await self._discord(user + 1_000, DISCORD_MIX[step])
        except TimeoutError:
            self.unanswered += 1

    async def _discord(self, user: int, step: tuple[str, dict[str, str]] | None) -> None:
        fake = self.discord
        message_id = self.last_discord.get(user)
        if step is None and message_id in fake.messages:
            components = fake.messages[message_id]["components"]
            custom_id = components[0]["components"][0]["custom_id"]
            exchange = await fake.press(message_id, custom_id, user_id=user, guild_id=GUILD)
        else:
            name, options = step or DISCORD_MIX[0]  # type: ignore[misc]
            exchange = await fake.slash(name, options, user_id=user, guild_id=GUILD)
        await until(lambda: exchange.messages, self._discord_changed)
        original = fake.messages.get(exchange.original_id or 0)
        if original is not None and original.get("components"):
            self.last_discord[user] = int(original["id"])

    async def _telegram(self, user: int, line: str | None) -> None:
        fake = self.telegram
        before = fake.activity[user]
        message = fake.last_message(user) if line is None else None
        if message is not None:
            data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
            await fake.press(message, data, user=user)
        else:
            await fake.send_text(line or TELEGRAM_MIX[0], user=user)  # type: ignore[arg-type]
        await until(lambda: fake.activity[user] > before, self._telegram_changed)


async def start_bot(folder: Path, discord: FakeDiscord, telegram: FakeTelegram, root: Path):
    """``roadmap-bot run`` for both fakes, its output to a log file in ``folder``."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TELEGRAM_"))},
        "PYTHONPATH": str(root),
        "DATABASE_PATH": str(folder / "db.sqlite3"),
        "LOG_LEVEL": "WARNING",
        "DISCORD_TOKEN": DISCORD_TOKEN,
        "DISCORD_API_BASE": discord.api_base,
        "DISCORD_GATEWAY_URL": discord.gateway_url,
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BASE_URL": telegram.base_url,
    }
    log = (folder / "bot.log").open("wb")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=folder, env=env, stdout=log, stderr=log
    )


async def soak(commands: int, rate: float, every: int, window: int, root: Path) -> None:
    discord, telegram = SoakDiscord(DISCORD_TOKEN), SoakTelegram(TELEGRAM_TOKEN)
    await discord.start()
    await telegram.start()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        process = await start_bot(folder, discord, telegram, root)
        try:
            await discord.wait_for(
                lambda: discord.identifies and "lang" in discord.commands, PROCESS_START_SECONDS
            )
            await telegram.wait_for(lambda: telegram.commands and telegram.polls, 30)
            users = Users(discord, telegram)
            await run_traffic(users, process.pid, commands, rate, every, window)
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), 30)
            await discord.close()
            await telegram.close()
            errors = [
                line
                for line in (folder / "bot.log").read_text(errors="replace").splitlines()
                if "Traceback" in line or " ERROR " in line
            ]
            print(
                f"bot log: {len(errors)} error line(s)"
                + (f"; first: {errors[0]}" if errors else "")
            )


async def run_traffic(
    users: Users, pid: int, commands: int, rate: float, every: int, window: int
) -> None:
    idle = rss_mb(pid)
    curve: list[tuple[int, float]] = [(0, idle)]
    print(f"{'commands':>9} {'RSS MB':>8} {'vs idle':>8} {'rate/s':>8}")
    print(f"{0:>9,} {idle:8.1f} {1:8.2f}x {'-':>8}")
    slots = asyncio.Semaphore(window)
    pending: set[asyncio.Task[None]] = set()
    latencies: deque[float] = deque(maxlen=every)
    start = mark = time.perf_counter()

    async def one(number: int) -> None:
        began = time.perf_counter()
        try:
            await users.act(number)
        finally:
            latencies.append(time.perf_counter() - began)
            slots.release()

    for number in itertools.count():
        if number and number % every == 0:
            await asyncio.gather(*pending)  # the sample counts only answered commands
            rss = rss_mb(pid)
            now = time.perf_counter()
            curve.append((number, rss))
            print(f"{number:>9,} {rss:8.1f} {rss / idle:8.2f}x {every / (now - mark):8.0f}")
            mark = now
        if number == commands:
            break
        await slots.acquire()
        delay = start + number / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(number))
        pending.add(task)
        task.add_done_callback(pending.discard)
    elapsed = time.perf_counter() - start
    peak = max(rss for _, rss in curve)
    print(
        f"{commands:,} commands in {elapsed:.0f} s ({commands / elapsed:.0f}/s sustained, "
        f"{rate:.0f}/s asked); unanswered within {ANSWER_SECONDS:.0f} s: {users.unanswered}"
    )
    half = [rss for count, rss in curve if count >= commands // 2]
    growth = half[-1] - half[0] if half else float("nan")
    print(
        f"peak RSS {peak:.1f} MB ({peak / idle:.2f}x idle; goal < 100 MB: "
        f"{'met' if peak < 100 else 'NOT met'}); growth over the second half: {growth:+.1f} MB "
        f"(goal < 5 MB: {'met' if growth < 5 else 'NOT met'})"
    )
    if len(curve) > 2:
        steps = [b - a for (_, a), (_, b) in itertools.pairwise(curve[1:])]
        print(
            f"RSS change per {every:,} commands after the first: "
            f"median {statistics.median(steps):+.2f} MB, "
            f"min {min(steps):+.2f}, max {max(steps):+.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=300.0, help="commands per second asked")
    parser.add_argument("--every", type=int, default=10_000, help="sample RSS every N commands")
    parser.add_argument("--window", type=int, default=32, help="commands in flight at most")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run the bot from")
    args = parser.parse_args()
    asyncio.run(soak(args.commands, args.rate, args.every, args.window, args.root.resolve()))


if __name__ == "__main__":
    main()
