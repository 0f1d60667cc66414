"""Reminder dispatch by three bot processes against Telegram's overall ceiling (about 30/s).

Three real ``roadmap-bot run`` processes (Telegram webhook mode, as several processes run) share
one PostgreSQL database (embedded, on loopback) and the loopback fake Telegram, which records
when each message arrives. Reminders for ``--messages`` users fall due at once; the processes
must send them all, together never faster than the ceiling, and not much slower either:

- mean rate, first to last arrival, as a ratio of the ceiling (target: 0.95 to 1.00);
- the busiest one-second window (any start), as a ratio of the ceiling (target: at most 1.00).

The ceiling is Telegram's published guidance for broadcasts, restated here independently of
the adapter's own pacing constant so that a mistake there cannot hide.

Run: PYTHONPATH=. python bench/bench_dispatch.py [--messages 600] [--processes 3]
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.storage import open_storage  # noqa: E402
from tests.conftest import TELEGRAM_TOKEN  # noqa: E402
from tests.fakes.telegram_api import FakeTelegram  # noqa: E402
from tests.fleet import (  # noqa: E402
    ELECTED,
    add_due_reminders,
    received,
    start_fleet,
    stop_fleet,
    wait_until,
)
from tests.postgres_server import Server  # noqa: E402

#: Telegram's overall limit for broadcasts, in messages per second.
CEILING = 30.0
#: Users of the reminders start here (clear of anything else in the fake's records).
FIRST_USER = 1


def busiest_window(arrivals: list[float], seconds: float = 1.0) -> int:
    """The most arrivals in any window of ``seconds`` (half-open: [t, t + seconds))."""
    return max(
        (
            bisect.bisect_left(arrivals, start + seconds, lo=i) - i
            for i, start in enumerate(arrivals)
        ),
        default=0,
    )


async def measure(messages: int, processes: int) -> None:
    """Run the dispatch and print its figures."""
    server = Server()
    fake = FakeTelegram(TELEGRAM_TOKEN)
    await fake.start()
    users = range(FIRST_USER, FIRST_USER + messages)
    with tempfile.TemporaryDirectory() as folder:
        database_url = server.database()
        storage = await open_storage(database_url)  # migrated before the processes start
        bots = await start_fleet(Path(folder), processes, fake, database_url)
        try:
            started = time.perf_counter()
            await add_due_reminders(storage, users, datetime.now(UTC))
            await wait_until(
                lambda: min(received(fake, users).values()) >= 1,
                messages / CEILING * 3 + 60,
                f"{messages} reminders",
            )
            elapsed = time.perf_counter() - started
            senders = [bot.name for bot in bots if bot.logged(ELECTED)]
        finally:
            await stop_fleet(bots)
            await storage.close()
            await fake.close()
            server.stop()
    arrivals = sorted(
        call.at for call in fake.calls_to("sendMessage") if int(call.params["chat_id"]) in users
    )
    counts = received(fake, users)
    duplicates = sum(count - 1 for count in counts.values() if count > 1)
    mean = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0])
    busiest = busiest_window(arrivals)
    mean_ok = 0.95 <= mean / CEILING <= 1.0
    busiest_ok = busiest <= CEILING
    print(
        f"{processes} processes, {messages} reminders in {elapsed:.1f} s, sent by"
        f" {', '.join(senders) or 'nobody'} (elected); duplicates: {duplicates}\n"
        f"mean rate      {mean:6.2f} msg/s = {mean / CEILING:.3f} of the ceiling ({CEILING:g}/s)"
        f" -> {'OK' if mean_ok else 'OUT OF BOUNDS'} (target 0.95-1.00)\n"
        f"busiest 1-s window {busiest:3d} msgs = {busiest / CEILING:.3f} of the ceiling"
        f" -> {'OK' if busiest_ok else 'OUT OF BOUNDS'} (target <= 1.00)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--processes", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(measure(args.messages, args.processes))


if __name__ == "__main__":
    main()
