"""Checklist throughput: 1,000 users sending /done, /undo and /progress at once through core.handle.

Figures are ratios against plain sqlite3 measured in the same run on the same kind of file
(WAL, the storage's synchronous setting): a single connection doing one upsert and one COMMIT
per operation. Run: ``PYTHONPATH=. python bench/bench_checklist.py [--users N] [--commands N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from bot.clock import ManualClock
from bot.core import Core
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.messages import ChatKind, Request
from bot.storage import open_storage
from bot.storage.sqlite import SYNCHRONOUS

UPSERT = (
    "INSERT INTO checklist (user_key, item_id, done_at) VALUES (?, ?, ?) "
    "ON CONFLICT (user_key, item_id) DO UPDATE SET done_at = excluded.done_at"
)
START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
NOW = START.isoformat()


async def fresh_database(folder: Path, name: str, users: int) -> Path:
    path = folder / name
    async with await open_storage(path):
        pass
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO users (user_key, created_at) VALUES (?, ?)",
            [(f"bench:{n}", NOW) for n in range(users)],
        )
    connection.close()
    return path


def plain_sqlite(path: Path, ops: list[tuple[str, str]], synchronous: str) -> float:
    """Upserts per second on one plain sqlite3 connection, one COMMIT each."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute(f"PRAGMA synchronous = {synchronous}")
    start = time.perf_counter()
    for user_key, item in ops:
        connection.execute("BEGIN")
        connection.execute(UPSERT, (user_key, item, NOW))
        connection.execute("COMMIT")
    elapsed = time.perf_counter() - start
    connection.close()
    return len(ops) / elapsed


async def naive_aiosqlite(path: Path, ops: list[tuple[str, str]]) -> float:
    """The same through aiosqlite, one COMMIT each (the design this storage replaces)."""
    async with aiosqlite.connect(path) as connection:
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        start = time.perf_counter()
        for user_key, item in ops:
            await connection.execute(UPSERT, (user_key, item, NOW))
            await connection.commit()
        elapsed = time.perf_counter() - start
    return len(ops) / elapsed


def scripts(users: int, per_user: int, seed: int) -> list[list[tuple[str, str]]]:
    """Each user's commands: /done and /undo of random items (by id, as buttons send them)."""
    items = [topic.id for topic in load_knowledge(bundled_knowledge_path()).topics.values()]
    rng = random.Random(seed)
    choices = ["done", "done", "undo", "progress"]
    return [
        [
            (command, "" if command == "progress" else rng.choice(items))
            for command in rng.choices(choices, k=per_user)
        ]
        for _ in range(users)
    ]


async def through_core(
    path: Path | str, plan: list[list[tuple[str, str]]], rate: float | None, seed: int
) -> tuple[float, list[float]]:
    """Run every user's script through ``core.handle``; commands per second and latencies (s).

    Without ``rate`` every user sends its next command as soon as the last one is answered
    (saturation: latency is then mostly queueing, ``users / throughput`` on average). With a
    ``rate``, commands arrive as a Poisson stream of that many per second overall, spread round
    robin over the users (open loop: latency is what one command costs under that load).
    """
    latencies: list[float] = []
    async with await open_storage(path) as storage:
        core = Core(load_knowledge(bundled_knowledge_path()), storage, clock=ManualClock(START))

        async def send(number: int, command: str, args: str) -> None:
            request = Request("bench", str(number), str(number), ChatKind.PRIVATE, command, args)
            began = time.perf_counter()
            await core.handle(request)
            latencies.append(time.perf_counter() - began)

        async def user(number: int, script: list[tuple[str, str]]) -> None:
            for command, args in script:
                await send(number, command, args)

        start = time.perf_counter()
        if rate is None:
            await asyncio.gather(*(user(n, script) for n, script in enumerate(plan)))
        else:
            rng = random.Random(seed)
            arrivals = [
                (n, command, args)
                for step in range(max(map(len, plan)))
                for n, script in enumerate(plan)
                if step < len(script)
                for command, args in [script[step]]
            ]
            tasks, due = [], start
            for n, command, args in arrivals:
                due += rng.expovariate(rate)
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(send(n, command, args)))
            await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - start
    return sum(map(len, plan)) / elapsed, latencies


def percentiles(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[max(int(len(ordered) * 0.99) - 1, 0)]
    return (
        f"p50 {statistics.median(ordered) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms, "
        f"max {ordered[-1] * 1000:.2f} ms"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--commands", type=int, default=10, help="commands per user")
    parser.add_argument("--baseline-ops", type=int, default=5000)
    parser.add_argument("--folder", type=Path, default=None, help="where the files go")
    options = parser.parse_args()
    users = options.users
    rng = random.Random(1)
    ops = [
        (f"bench:{rng.randrange(users)}", f"item-{rng.randrange(40)}")
        for _ in range(options.baseline_ops)
    ]
    with tempfile.TemporaryDirectory(dir=options.folder) as folder:
        base = Path(folder)
        plain = plain_sqlite(await fresh_database(base, "p1.sqlite3", users), ops, SYNCHRONOUS)
        plain_normal = plain_sqlite(await fresh_database(base, "p2.sqlite3", users), ops, "NORMAL")
        naive = await naive_aiosqlite(await fresh_database(base, "naive.sqlite3", users), ops)
        saturated, closed = await through_core(
            base / "closed.sqlite3", scripts(users, options.commands, 2), None, 3
        )
        offered = plain / 2
        achieved, opened = await through_core(
            base / "open.sqlite3", scripts(users, options.commands, 4), offered, 5
        )
    print(f"{users} users x {options.commands} commands (/done 50%, /undo 25%, /progress 25%)")
    print(
        f"plain sqlite3, upsert + COMMIT each, synchronous={SYNCHRONOUS}: {plain:8.0f} ops/s = 1.00"
    )
    print(f"plain sqlite3, upsert + COMMIT each, synchronous=NORMAL: {plain_normal:8.0f} ops/s")
    print(
        f"aiosqlite, COMMIT each, synchronous={SYNCHRONOUS}:         {naive:8.0f} ops/s = "
        f"{naive / plain:.2f}"
    )
    print(
        f"core.handle, all users at once (saturated):   {saturated:8.0f} cmd/s = "
        f"{saturated / plain:.2f} (vs NORMAL baseline {saturated / plain_normal:.2f})"
    )
    print(f"  latency (queueing for {users} clients): {percentiles(closed)}")
    print(f"core.handle at {offered:.0f} cmd/s offered (50% of baseline): {achieved:8.0f} cmd/s")
    print(f"  latency: {percentiles(opened)}")
    await postgres_figures(users, options.commands, ops, saturated)


async def postgres_figures(
    users: int, commands: int, ops: list[tuple[str, str]], sqlite_saturated: float
) -> None:
    """The same workload on PostgreSQL (durable: fsync and synchronous commits on), if possible.

    Baseline: raw asyncpg on one connection, one upsert per autocommitted statement.
    """
    try:
        import asyncpg

        from bot.storage.postgres import numbered
        from tests.postgres_server import Server

        server = Server(durable=True)
    except Exception as error:
        print(f"PostgreSQL: skipped ({error})")
        return
    try:
        url = server.database()
        await (await open_storage(url)).close()
        connection = await asyncpg.connect(url)
        await connection.executemany(
            "INSERT INTO users (user_key, created_at) VALUES ($1, $2)",
            [(f"bench:{n}", NOW) for n in range(users)],
        )
        start = time.perf_counter()
        for user_key, item in ops:
            await connection.execute(numbered(UPSERT), user_key, item, NOW)
        raw = len(ops) / (time.perf_counter() - start)
        await connection.close()
        saturated, closed = await through_core(
            server.database(), scripts(users, commands, 2), None, 3
        )
    finally:
        server.stop()
    print(f"PostgreSQL, raw asyncpg upsert each (durable):  {raw:8.0f} ops/s = 1.00")
    print(
        f"PostgreSQL core.handle, saturated:             {saturated:8.0f} cmd/s = "
        f"{saturated / raw:.2f} (SQLite's: {sqlite_saturated:.0f} cmd/s)"
    )
    print(f"  latency (queueing for {users} clients): {percentiles(closed)}")


if __name__ == "__main__":
    asyncio.run(main())
