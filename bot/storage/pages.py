"""Pages of long replies in SQL: the ``pages`` table (see :class:`bot.storage.base.PageStore`)."""

from __future__ import annotations

from datetime import datetime

from bot.storage.base import PageStore, StoredPages
from bot.storage.sql import Database

_PRUNE = "DELETE FROM pages WHERE expires_at < ?"
_PUT = (
    "INSERT INTO pages (message, user_key, body, shown, expires_at) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (message) DO UPDATE SET user_key = excluded.user_key, body = excluded.body,"
    " shown = excluded.shown, expires_at = excluded.expires_at"
)


class SqlPageStore(PageStore):
    """The pages of paginated messages, in a :class:`bot.storage.sql.Database`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def put(
        self, message: str, pages: StoredPages, expires_at: datetime, now: datetime
    ) -> None:
        """Remember what ``message`` shows until ``expires_at``; forget what expired by ``now``."""
        row = (message, pages.user_key, pages.body, pages.shown, int(expires_at.timestamp()))
        await self._db.write_all(
            [(_PRUNE, (int(now.timestamp()),)), (_PUT, row)], key=pages.user_key
        )

    async def get(self, message: str, now: datetime) -> StoredPages | None:
        """What ``message`` shows, or ``None`` if unknown or expired."""
        row = await self._db.read_one(
            "SELECT user_key, body, shown FROM pages WHERE message = ? AND expires_at >= ?",
            (message, int(now.timestamp())),
        )
        return None if row is None else StoredPages(row[0], row[1], row[2])

    async def drop(self, message: str) -> None:
        """Forget ``message`` (it shows a single page now)."""
        await self._db.write("DELETE FROM pages WHERE message = ?", (message,))
