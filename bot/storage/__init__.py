"""Per-user storage behind a small interface, so another backend (PostgreSQL) can be added later.

``await open_storage(path)`` returns the SQLite implementation (:mod:`bot.storage.sqlite`).
Close it with ``await storage.close()`` or use it as ``async with await open_storage(path) as s``.
Every method takes a ``user_key`` (``"telegram:42"``): users are namespaced by platform and a
method only ever touches the rows of the user it is given.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from bot.storage.reminders import SqliteReminderStore
    from bot.storage.reviews import SqliteReviewStore
    from bot.storage.snoozes import SqliteSnoozeStore
    from bot.storage.unanswered import SqliteUnansweredStore


class StorageError(Exception):
    """The database cannot be used; the message names the file and what to do about it."""


@dataclass(frozen=True, slots=True)
class UserRecord:
    """What the bot keeps about a user besides their checklist.

    ``created`` is ``None`` for a user the bot has stored nothing about yet.
    """

    user_key: str
    track: str | None = None
    timezone: str | None = None
    created: datetime | None = None


class Storage(ABC):
    """Everything the core stores about users."""

    #: The reminder store (``bot.storage.reminders``), sharing this storage's database.
    reminders: SqliteReminderStore
    #: The spaced-review store (``bot.storage.reviews``): ticked topics enter it on tick.
    reviews: SqliteReviewStore
    #: Snoozed daily reminders and the learner's evening time (``bot.storage.snoozes``).
    snoozes: SqliteSnoozeStore
    #: The questions the bot could not answer (``bot.storage.unanswered``): linked to no user.
    unanswered: SqliteUnansweredStore

    @abstractmethod
    async def get_user(self, user_key: str) -> UserRecord:
        """The user's record (a blank one for an unknown user; nothing is stored)."""

    @abstractmethod
    async def set_track(self, user_key: str, track: str | None) -> None:
        """Choose the user's track (a language topic id), or ``None`` for the whole roadmap."""

    @abstractmethod
    async def set_timezone(self, user_key: str, zone: str | None) -> None:
        """Set the user's IANA time zone name (or ``None`` to clear it)."""

    @abstractmethod
    async def done_items(self, user_key: str) -> frozenset[str]:
        """Ids of every item the user ticked, including ones no longer in the knowledge file."""

    @abstractmethod
    async def mark_done(self, user_key: str, item_id: str, at: datetime, local_date: date) -> bool:
        """Tick an item and enter it into review; ``True`` if it was not ticked before.

        Durable when it returns.
        """

    @abstractmethod
    async def mark_undone(self, user_key: str, item_id: str) -> bool:
        """Untick an item (and take it out of review); ``True`` if it was ticked before.

        Durable when it returns.
        """

    @abstractmethod
    async def reset_progress(self, user_key: str) -> None:
        """Untick everything, clear the activity history and the review (the track is kept)."""

    @abstractmethod
    async def activity_dates(self, user_key: str) -> list[date]:
        """Local dates on which the user ticked something, oldest first (for streaks)."""

    @abstractmethod
    async def carry_over(self, renamed: Mapping[str, str]) -> int:
        """Move every learner's ticks, review state and track from former ids to current ones.

        ``renamed`` maps a former topic id to its current id (the knowledge file's ``renamed``).
        A learner who holds both keeps one (the current id's). Returns how many rows moved.
        Call it before serving anyone: it bypasses per-user caches.
        """

    @abstractmethod
    async def export_user(self, user_key: str) -> dict[str, Any]:
        """All of the user's data as JSON-ready values, reminders included."""

    @abstractmethod
    async def forget_user(self, user_key: str) -> None:
        """Delete all of the user's data, reminders included."""

    @abstractmethod
    async def add_notice(self, user_key: str, text: str) -> None:
        """Queue a one-off message to show with the user's next reply."""

    @abstractmethod
    async def take_notices(self, user_key: str) -> list[str]:
        """Return and delete the user's pending notices, oldest first (cheap when none)."""

    @abstractmethod
    async def ping(self) -> None:
        """Raise if the database does not answer a trivial query (for /healthz)."""

    @abstractmethod
    async def close(self) -> None:
        """Finish pending writes and release the database."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


async def open_storage(path: Path) -> Storage:
    """Open (creating it and its folder if needed) and migrate the SQLite database at ``path``.

    Raises :class:`StorageError` if the file cannot be used; it is never overwritten.
    """
    from bot.storage.sqlite import SqliteStorage

    return await SqliteStorage.open(path)
