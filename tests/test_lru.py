"""The bounded least-recently-used cache: bound, eviction order, and cached ``None`` values."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.lru import LruCache


def test_a_cached_none_is_held_not_made_again() -> None:
    cache: LruCache[str, str | None] = LruCache(4)
    made: list[str] = []

    def names_nothing(key: str) -> None:
        made.append(key)

    assert cache.remembered("zozozo", names_nothing) is None
    assert cache.remembered("zozozo", names_nothing) is None
    assert made == ["zozozo"]
    assert len(cache) == 1
    assert cache.get("zozozo", "absent") is None
    assert cache.get("other", "absent") == "absent"
    assert cache.get("other") is None


def test_remembered_passes_its_arguments_on_and_stores_the_result() -> None:
    cache: LruCache[str, tuple[str, int]] = LruCache(4)
    assert cache.remembered("key", lambda key, number: (key, number), 7) == ("key", 7)
    assert cache.get("key") == ("key", 7)


def test_the_least_recently_used_entry_is_forgotten_first() -> None:
    cache: LruCache[str, int] = LruCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 3)
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (1, 3)
    cache.pop("a")
    cache.pop("missing")
    assert len(cache) == 1


@given(st.integers(min_value=1, max_value=8), st.lists(st.integers(0, 20), max_size=60))
def test_the_cache_never_holds_more_than_its_size(size: int, keys: list[int]) -> None:
    cache: LruCache[int, int | None] = LruCache(size)
    for key in keys:
        assert cache.remembered(key, lambda k: None if k % 2 else k) == (None if key % 2 else key)
        assert len(cache) <= size
    assert len(cache) == min(size, len(set(keys)))
