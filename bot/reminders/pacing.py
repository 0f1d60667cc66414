"""Pacing: keep sends to a platform under its overall rate and each chat's interval."""

from __future__ import annotations

import asyncio

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
        async with self._lock:
            now = self._clock.now().timestamp()
            if self._next is not None and self._next > now:
                await self._clock.sleep(self._next - now)
                now = max(self._clock.now().timestamp(), self._next)
            self._next = now + self._interval


class ChatSpacer:
    """Leaves at least ``interval`` seconds between two sends to the same chat."""

    def __init__(self, clock: Clock, interval: float) -> None:
        self._clock = clock
        self._interval = interval
        self._last: float | None = None

    async def wait(self) -> None:
        """Return when this chat may get its next message."""
        now = self._clock.now().timestamp()
        if self._last is not None and now < self._last + self._interval:
            await self._clock.sleep(self._last + self._interval - now)

    def sent(self) -> None:
        """Note that a message just went out."""
        self._last = self._clock.now().timestamp()
