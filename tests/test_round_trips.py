"""How many times a checklist command waits on the database, pinned so it cannot creep back up.

Each PostgreSQL round trip costs a network hop and a server statement; the bench
(bench/bench_checklist.py) measured a /done making eleven. The counter wraps the storage's
:class:`~bot.storage.sql.Database`: one round trip per read or write, and in a transaction one
for ``BEGIN``, one per statement and one for ``COMMIT``. SQLite's ``write_all`` is one queued
group commit, so it counts one there.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.storage import open_storage
from bot.storage import postgres as pg
from tests.conftest import START, make_request


class RoundTrips:
    """Counts the round trips a storage's database makes while installed on it."""

    def __init__(self, db: Any) -> None:
        self.count = 0
        self._inside = False  # SQLite's read_one calls read: that is one round trip
        on_postgres = isinstance(db, pg.Database)
        for name in ("read", "read_one", "write", "write_returning"):
            if hasattr(db, name):
                setattr(db, name, self._counted(getattr(db, name)))
        if not on_postgres:  # PostgreSQL's write_all runs a transaction, counted there
            db.write_all = self._counted(db.write_all)
        db.transaction = self._transaction(db.transaction)

    def _counted(self, method: Callable[..., Any]) -> Callable[..., Any]:
        async def call(*args: Any, **kwargs: Any) -> Any:
            if self._inside:
                return await method(*args, **kwargs)
            self.count += 1
            self._inside = True
            try:
                return await method(*args, **kwargs)
            finally:
                self._inside = False

        return call

    def _transaction(self, transaction: Callable[[], Any]) -> Callable[[], Any]:
        @asynccontextmanager
        async def counted() -> AsyncIterator[Any]:
            self.count += 2  # BEGIN and COMMIT
            async with transaction() as tx:
                for name in ("execute", "executemany", "fetchall"):
                    setattr(tx, name, self._counted(getattr(tx, name)))
                yield tx

        return counted


@pytest.fixture
async def storage(database):
    async with await open_storage(database) as opened:
        yield opened


@pytest.fixture
def trips(storage) -> RoundTrips:
    return RoundTrips(storage.db)


# The learner key, the record with the ticks, the change (PostgreSQL: one statement; SQLite: a
# quick read of the tick, then the queued write) and the pending notices.
DONE = {"postgresql": 4, "sqlite": 5}
# The learner key, the record with the ticks (the reply's progress adds the change to them),
# and for SQLite the quick read of the tick, and the notices.
ALREADY = {"postgresql": 4, "sqlite": 4}


@pytest.mark.parametrize("command", ["done", "undo"])
async def test_a_tick_or_untick_waits_on_the_database_a_pinned_number_of_times(
    core, storage, trips, database, command
) -> None:
    backend = "postgresql" if isinstance(database, str) else "sqlite"
    if command == "undo":
        await core.handle(make_request("done", "sql"))
    trips.count = 0
    reply = await core.handle(make_request(command, "sql"))
    assert reply.title.endswith("ticked")  # "SQL ticked" / "SQL unticked"
    assert trips.count == DONE[backend]
    trips.count = 0
    again = await core.handle(make_request(command, "sql"))
    assert "was" in again.title  # "was already ticked" / "was not ticked"
    assert trips.count == ALREADY[backend]


@pytest.mark.parametrize(("command", "expected"), [("progress", 4), ("next", 3), ("done", 3)])
async def test_reading_commands_read_the_checklist_once(
    core, storage, trips, command, expected
) -> None:
    """The learner key, the record and ticks together, (/progress: the streak days), notices."""
    await core.handle(make_request("done", "sql"))
    trips.count = 0
    await core.handle(make_request(command))
    assert trips.count == expected


async def test_the_progress_after_a_tick_counts_every_tick_another_process_made(
    core, storage
) -> None:
    """The reply's progress is the ticks read with the record, plus this command's change."""
    await core.handle(make_request("done", "sql"))
    await storage.mark_done("telegram:42", "go", START, START.date())  # another process's tick
    unticked = await core.handle(make_request("undo", "sql"))
    assert "(1 of " in " ".join(unticked.blocks)
    ticked = await core.handle(make_request("done", "sql"))
    assert "(2 of " in " ".join(ticked.blocks)
