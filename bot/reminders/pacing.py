"""Pacing: keep sends to a platform under its overall rate and each chat's interval."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager

from bot.clock import Clock


class Pacer:
    """Hands out send slots at most ``rate`` per second, in the order they were asked for.

    Waiters queue on a lock, so only one of them sleeps at a time: with a ``ManualClock`` the
    clock then advances by exactly the gaps between slots.
    """

    def __init__(self, clock: Clock, rate: float) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._clock = clock
        self._interval = 1.0 / rate
        self._next: float | None = None
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        """Return when the next slot has come."""
        async with self.turn():
            pass

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Enter when the next slot has come; the next slot waits until the body is done.

        What must happen just before a send (recording it as attempted) goes in the body, so
        the sends themselves stay one interval apart.
        """
        async with self._lock:
            now = self._clock.now().timestamp()
            if self._next is not None and self._next > now:
                await self._clock.sleep(self._next - now)
                now = max(self._clock.now().timestamp(), self._next)
            self._next = now + self._interval
            yield


class ChatSpacing:
    """Leaves at least ``interval`` seconds between two sends to the same chat, across tasks.

    It remembers each chat's last send only while it still matters: entries older than the
    interval are dropped, so memory follows the chats sent to in the last ``interval`` seconds.
    """

    def __init__(self, clock: Clock, interval: float) -> None:
        self._clock = clock
        self._interval = interval
        self._last: OrderedDict[Hashable, float] = OrderedDict()  # oldest send first

    def __len__(self) -> int:
        return len(self._last)

    async def wait(self, chat: Hashable) -> None:
        """Return when ``chat`` may get its next message."""
        last = self._last.get(chat)
        now = self._clock.now().timestamp()
        if last is not None and now < last + self._interval:
            await self._clock.sleep(last + self._interval - now)

    def sent(self, chat: Hashable) -> None:
        """Note that a message just went to ``chat``; forget chats whose interval has passed."""
        now = self._clock.now().timestamp()
        self._last[chat] = now
        self._last.move_to_end(chat)
        while self._last:
            oldest, at = next(iter(self._last.items()))
            if at + self._interval > now:
                break
            del self._last[oldest]
