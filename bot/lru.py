"""A small least-recently-used cache: the one bounded memory the bot and its adapters share."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LruCache(Generic[K, V]):
    """A dict that forgets its least recently used entries beyond ``size``."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        """The value for ``key`` (now the most recently used), or ``None``."""
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        """Store ``value``, forgetting the least recently used entries beyond the size."""
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self._size:
            self._data.popitem(last=False)

    def pop(self, key: K) -> None:
        """Forget ``key`` if present."""
        self._data.pop(key, None)

    def put_if_absent(self, key: K, value: V) -> V:
        """The cached value for ``key``, storing ``value`` first if there is none."""
        current = self.get(key)
        if current is None:
            self.put(key, value)
            return value
        return current
