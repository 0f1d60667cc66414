"""Pacing: keep sends to a platform under its overall rate and each chat's interval."""

from __future__ import annotations

import asyncio
import math
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager

from bot.clock import Clock


class Pacer:
    """Hands out send slots at most ``rate`` per second, in the order they were asked for.

    Two rules together. Slots keep to one schedule, one interval apart: a turn taken late by
    less than an interval (a sleep that overslept, a slow body before it) keeps its slot, so
    such delays do not add up to a lower rate; a turn later than that starts a new schedule.
    And no second ever holds more than ``rate`` turns (rounded up): a turn that would be one too
    many waits until the oldest of them is a second old, so catching up never bursts.

    Waiters queue on a lock, so only one of them sleeps at a time: with a ``ManualClock`` the
    clock then advances by exactly the gaps between slots.
    """

    def __init__(self, clock: Clock, rate: float) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._clock = clock
        self._interval = 1.0 / rate
        #: The schedule: its first slot (a timestamp) and how many of its slots were taken.
        self._origin: float | None = None
        self._taken = 0
        #: When the last ``rate`` (rounded up) turns were taken.
        self._recent: deque[float] = deque(maxlen=math.ceil(rate))
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        """Return when the next slot has come."""
        async with self.turn():
            pass

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Enter when the next slot has come; the next slot waits until the body is done.

        What must happen just before a send (recording it as attempted) goes in the body, so
        the sends themselves keep to the schedule.
        """
        async with self._lock:
            now = self._clock.now().timestamp()
            slot = None if self._origin is None else self._origin + self._taken * self._interval
            start = now if slot is None else slot
            if len(self._recent) == self._recent.maxlen:
                start = max(start, self._recent[0] + 1.0)
            if start > now:
                await self._clock.sleep(start - now)
                now = max(self._clock.now().timestamp(), start)  # a clock rounding down
            if slot is None or now - slot >= self._interval:
                self._origin, self._taken = now, 0  # idle, or far behind: a new schedule
            self._taken += 1
            self._recent.append(now)
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
