"""A reminder engine in a process of its own, "sending" by appending lines to a file.

For kill tests: ``python -m tests.fakes.file_sender DATABASE SENT_FILE RATE`` (DATABASE: an
SQLite path or a PostgreSQL URL). Each delivery
appends ``<user id> <pid>\\n`` with one ``write`` to a file opened with ``O_APPEND``, so what a
SIGKILL leaves in the file is exactly what was sent. It prints ``ready`` once running.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.clock import SystemClock
from bot.config import Settings
from bot.core import Core
from bot.delivery import Delivery
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.messages import Reply
from bot.serve import reminder_engine
from bot.storage import open_storage

#: Seconds between polls (a lease lasts a few polls, so a dead sender's leases end quickly).
POLL_SECONDS = 0.2


class FileOutbox:
    """An outbox whose sends are lines appended to a file."""

    platform = "telegram"
    per_chat_interval = 0.0

    def __init__(self, path: Path, rate: float) -> None:
        self.overall_rate = rate
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    async def deliver(self, delivery: Delivery, reply: Reply) -> None:
        os.write(self._fd, f"{delivery.user_id} {os.getpid()}\n".encode())


async def main(database: str, sent: Path, rate: float) -> None:
    storage = await open_storage(database)
    clock = SystemClock()
    core = Core(load_knowledge(bundled_knowledge_path()), storage, clock=clock)
    settings = Settings(reminder_poll_seconds=POLL_SECONDS)
    engine = reminder_engine(core, {"telegram": FileOutbox(sent, rate)}, settings)
    print("ready", flush=True)
    try:
        await engine.run_forever()
    finally:
        await storage.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])))
