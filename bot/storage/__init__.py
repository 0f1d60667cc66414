"""Everything the bot keeps, behind one interface per store (:mod:`bot.storage.base`).

``await open_storage(target)`` opens the SQLite file at a path (:mod:`bot.storage.sqlite`, the
embedded default) or the PostgreSQL database at a ``postgresql://`` URL
(:mod:`bot.storage.postgres`), for several processes sharing one database. Both share their SQL
(:mod:`bot.storage.sql`, :mod:`bot.storage.reminders`, :mod:`bot.storage.reviews`). Close the
storage with ``await storage.close()`` or use it as ``async with await open_storage(t) as s``.
"""

from __future__ import annotations

from pathlib import Path

from bot.storage.base import Storage, StorageError
from bot.storage.postgres import PostgresStorage, is_postgres_url
from bot.storage.sqlite import SqliteStorage

__all__ = ["Storage", "StorageError", "open_storage"]


async def open_storage(target: Path | str) -> Storage:
    """Open and migrate the database at ``target``: a ``postgresql://`` URL, or an SQLite path.

    An SQLite file (and its folder) is created if needed. Raises :class:`StorageError` if the
    database cannot be used; an existing one of another program is never changed.
    """
    if is_postgres_url(target):
        return await PostgresStorage.open(str(target))
    return await SqliteStorage.open(Path(target))
