"""A few minutes' memory of each person's last answer in each chat, for follow-up questions.

"and Flask?", "resources for it" or "compare them" refer to the previous answer for that person
in that chat. Kept in memory only (nothing on disk), bounded, and forgotten after
``FOLLOW_UP_SECONDS`` by the injected clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.clock import Clock
from bot.limits import FOLLOW_UP_MEMORY, FOLLOW_UP_SECONDS
from bot.lru import LruCache
from bot.messages import Request
from bot.understanding import Understanding


class Conversations:
    """The last understood question per (platform, chat, user), for a few minutes."""

    def __init__(self, clock: Clock, size: int = FOLLOW_UP_MEMORY) -> None:
        self._clock = clock
        self._last: LruCache[tuple[str, str, str], tuple[datetime, Understanding]] = LruCache(size)

    @staticmethod
    def _key(request: Request) -> tuple[str, str, str]:
        return (request.platform, request.chat_id, request.user_id)

    def previous(self, request: Request) -> Understanding | None:
        """The last answer to this person in this chat, if it is recent enough."""
        entry = self._last.get(self._key(request))
        if entry is None:
            return None
        when, understanding = entry
        if self._clock.now() - when > timedelta(seconds=FOLLOW_UP_SECONDS):
            self._last.pop(self._key(request))
            return None
        return understanding

    def remember(self, request: Request, understanding: Understanding) -> None:
        """Keep a confident answer as the one follow-ups refer to."""
        if understanding.confident and understanding.topic_ids:
            self._last.put(self._key(request), (self._clock.now(), understanding))
