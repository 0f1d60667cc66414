"""A small least-recently-used cache: the one bounded memory the bot and its adapters share."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")

#: Marks a key the cache does not hold (so a cached ``None`` is told from a miss).
_ABSENT = object()


class LruCache(Generic[K, V]):
    """A dict that forgets its least recently used entries beyond ``size``; values may be None."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        """How many entries are held."""
        return len(self._data)

    def get(self, key: K, default: D | None = None) -> V | D | None:
        """The value for ``key`` (now the most recently used), or ``default`` when not held."""
        value = self._data.get(key, _ABSENT)
        if value is _ABSENT:
            return default
        self._data.move_to_end(key)
        return value  # type: ignore[return-value]

    def put(self, key: K, value: V) -> None:
        """Store ``value``, forgetting the least recently used entries beyond the size."""
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self._size:
            self._data.popitem(last=False)

    def pop(self, key: K) -> None:
        """Forget ``key`` if present."""
        self._data.pop(key, None)

    def remembered(self, key: K, make: Callable[..., V], *args: object) -> V:
        """The cached value for ``key``, made by ``make(key, *args)`` and stored if not held."""
        data = self._data  # written out, not through get and put: this runs per word asked
        value = data.get(key, _ABSENT)
        if value is _ABSENT:
            value = data[key] = make(key, *args)
            if len(data) > self._size:
                data.popitem(last=False)
        else:
            data.move_to_end(key)
        return value  # type: ignore[return-value]
