"""Fuzzy lookup of names users type: typo-tolerant, with "did you mean" suggestions.

Cascading thresholds: one strong hit answers directly; otherwise up to a few suggestions.
"""

from __future__ import annotations

import copy
import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.gram_filter import GramFilter
from bot.limits import MATCH_CONFIDENT, MATCH_SUGGEST, SUGGESTIONS
from bot.text import normalize

#: A hit this far ahead of the runner-up is taken even below MATCH_CONFIDENT.
CLEAR_LEAD = 10
#: ...as long as it scores at least this.
MATCH_LIKELY = 75
#: A lookup that changes data (ticking an item) takes a fuzzy hit only for input this long...
STRICT_MIN_CHARS = 5
#: ...scoring at least MATCH_CONFIDENT and this far ahead of the runner-up; else it asks back.
STRICT_LEAD = 10


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate for what the user meant."""

    id: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of a lookup: the match, or suggestions when unsure."""

    match: Match | None
    suggestions: tuple[Match, ...]


#: How many candidates each scorer contributes before they are merged.
_CANDIDATES = 12


def _prefix_score(query: str, name: str) -> float:
    """A strong score for a name that starts with what was typed (autocomplete-style input)."""
    return max(90.0 - 0.5 * (len(name) - len(query)), MATCH_LIKELY + 1)


def _length_range(length: int, cutoff: float) -> tuple[float, float]:
    """The name lengths whose plain similarity to a string of ``length`` can reach ``cutoff``.

    ``fuzz.ratio`` is ``200 * LCS / (sum of lengths)``, and a common subsequence is no longer
    than the shorter string, so a name too short or too long for the cutoff cannot reach it.
    """
    if cutoff <= 0:
        return 0, math.inf
    shortest = math.ceil(length * cutoff / (200 - cutoff) - 1e-9) if cutoff < 200 else math.inf
    longest = math.floor(length * (200 - cutoff) / cutoff + 1e-9)
    return shortest, longest


#: The fewest strings in a length range worth filtering (bot/gram_filter.py) before scoring:
#: rapidfuzz scores some ten million a second, and filtering costs some tens of microseconds.
FILTER_FROM = 1024


class ByLength:
    """Strings shortest first, so a fuzzy scorer sees only the lengths that can reach a cutoff.

    Holds for ``fuzz.ratio`` and ``fuzz.token_sort_ratio`` of normalized strings (one space
    between words, so sorting the words keeps the length). Of a long list, ``fuzz.ratio``
    scores only the strings sharing enough characters and bigrams with the query to reach the
    cutoff (:mod:`bot.gram_filter`): the same hits, sooner.
    """

    def __init__(
        self, texts: list[str], filter_from: float = FILTER_FROM, anagrams: ByLength | None = None
    ) -> None:
        """Index ``texts``; filter them when at least ``filter_from`` are in range.

        ``anagrams`` is an index of strings with the same characters as these, text for text
        (their words in another order, so as long): its order and character bit sets are shared.
        """
        if anagrams is None:
            self._order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
            self._lengths = [len(texts[i]) for i in self._order]
        else:
            self._order, self._lengths = anagrams._order, anagrams._lengths
        self._texts = [texts[i] for i in self._order]
        self._filter_from = filter_from
        shared = anagrams._filter if anagrams is not None else None
        self._filter = (
            GramFilter(self._texts, self._lengths, shared) if len(texts) >= filter_from else None
        )

    def hits(
        self, query: str, scorer: Callable[..., float], cutoff: float
    ) -> list[tuple[float, int]]:
        """(score, position in the original list) of every string scoring ``cutoff`` or more."""
        shortest, longest = _length_range(len(query), cutoff)
        start = bisect_left(self._lengths, shortest)
        end = bisect_right(self._lengths, longest)
        kept = None
        if self._filter is not None and scorer is fuzz.ratio and end - start >= self._filter_from:
            kept = self._filter.candidates(query, cutoff, start, end)
        if kept is None:
            kept = range(start, end)
            choices = self._texts[start:end]
        else:
            choices = [self._texts[position] for position in kept]
        found = process.extract(query, choices, scorer=scorer, score_cutoff=cutoff, limit=None)
        return [(float(score), self._order[kept[offset]]) for _, score, offset in found]

    def best(
        self, query: str, scorer: Callable[..., float], cutoff: float
    ) -> tuple[float, int] | None:
        """(score, position) of the best string scoring ``cutoff`` or more; of equals, the first.

        What ``process.extractOne`` over the strings in their given order finds, sooner.
        """
        hits = self.hits(query, scorer, cutoff)
        return max(hits, key=lambda hit: (hit[0], -hit[1])) if hits else None


def _sorted_words(text: str) -> str:
    """A normalized ``text`` with its words sorted: what ``fuzz.token_sort_ratio`` compares."""
    return " ".join(sorted(text.split()))


class NameIndex:
    """Names (ids, titles, aliases) of things, each pointing at an id."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._exact: dict[str, str] = {}
        names: dict[str, str] = {}
        for name, target in entries:
            key = normalize(name)
            if not key:
                continue
            self._exact.setdefault(key, target)
            self._exact.setdefault(key.replace(" ", ""), target)
            names.setdefault(key, target)
        self._names = list(names)
        self._targets = [names[name] for name in self._names]
        self._sorted = sorted(self._names)
        self._index_of = {name: index for index, name in enumerate(self._names)}
        # A large roadmap has tens of thousands of names: a fuzzy match scores only the
        # lengths that can reach its cutoff.
        self._by_length = ByLength(self._names)
        # A name of one word is its own compact form: only the others are indexed again, run
        # together ("node js" as "nodejs"); a compact query is scored against both.
        self._spaced = [index for index, name in enumerate(self._names) if " " in name]
        self._one_word = [" " not in name for name in self._names]
        self._compact_by_length = ByLength(
            [self._names[index].replace(" ", "") for index in self._spaced]
        )
        # fuzz.token_sort_ratio is fuzz.ratio of the words sorted: sorted once here, not per query.
        self._sorted_words_by_length = ByLength(
            [_sorted_words(name) for name in self._names], anagrams=self._by_length
        )
        #: For :meth:`fuzzy_alike`: the names of each number of words (counted as spaces).
        by_words: dict[int, list[str]] = {}
        for name in self._names:
            by_words.setdefault(name.count(" "), []).append(name)
        self._by_words = {spaces: ByLength(names) for spaces, names in by_words.items()}

    @property
    def names(self) -> list[str]:
        """Every normalized name."""
        return self._names

    def retargeted(self, target: Callable[[str], str]) -> NameIndex:
        """The same names, each id replaced by ``target(id)``: their indexes are shared."""
        index = copy.copy(self)
        index._exact = {key: target(found) for key, found in self._exact.items()}
        index._targets = [target(found) for found in self._targets]
        return index

    def exact(self, name: str) -> str | None:
        """The id whose name is exactly ``name`` (after normalising), if any."""
        return self.exact_key(normalize(name))

    def exact_key(self, key: str) -> str | None:
        """The id whose name is exactly ``key``, an already normalized name, if any."""
        return self._exact.get(key) or self._exact.get(key.replace(" ", ""))

    def search(
        self, query: str, limit: int = SUGGESTIONS, cutoff: float = MATCH_SUGGEST
    ) -> list[Match]:
        """The best ``limit`` ids for ``query``, best first, one entry per id."""
        return self._search(normalize(query), limit, cutoff)

    def _search(self, key: str, limit: int, cutoff: float) -> list[Match]:
        """:meth:`search` for an already normalized ``key``."""
        if not key:
            return []
        best: dict[str, Match] = {}
        exact = self.exact(key)
        if exact is not None:
            best[exact] = Match(exact, key, 100.0)
        scores: dict[int, float] = {}
        compact = key.replace(" ", "")
        plain = self._by_length.hits(key, fuzz.ratio, cutoff)
        found = [  # fuzz.ratio of the key, of its words sorted (token_sort_ratio), run together
            plain,
            self._sorted_words_by_length.hits(_sorted_words(key), fuzz.ratio, cutoff),
        ]
        if len(compact) > 3:
            found.append(self._compact_hits(compact, plain if compact == key else None, cutoff))
        for hits in found:
            for score, index in heapq.nsmallest(_CANDIDATES, hits, key=lambda h: (-h[0], h[1])):
                scores[index] = max(scores.get(index, 0.0), score)
        if len(key) >= 3:
            position = bisect_left(self._sorted, key)
            while position < len(self._sorted) and self._sorted[position].startswith(key):
                name = self._sorted[position]
                index = self._index_of[name]
                scores[index] = max(scores.get(index, 0.0), _prefix_score(key, name))
                position += 1
        for index, score in scores.items():
            target = self._targets[index]
            if score >= cutoff and (target not in best or best[target].score < score):
                best[target] = Match(target, self._names[index], score)
        return sorted(best.values(), key=lambda match: -match.score)[:limit]

    def _compact_hits(
        self, compact: str, plain: list[tuple[float, int]] | None, cutoff: float
    ) -> list[tuple[float, int]]:
        """(score, position) of every name run together scoring ``cutoff`` against ``compact``.

        ``plain`` are the hits of ``compact`` among the names as given, if already scored.
        """
        if plain is None:
            plain = self._by_length.hits(compact, fuzz.ratio, cutoff)
        hits = [(score, index) for score, index in plain if self._one_word[index]]
        spaced = self._compact_by_length.hits(compact, fuzz.ratio, cutoff)
        return hits + [(score, self._spaced[position]) for score, position in spaced]

    def fuzzy(self, phrase: str, cutoff: float) -> Match | None:
        """The single best plain-similarity match for an already normalized phrase, if any.

        Of names scoring alike, the first one given wins.
        """
        best = self._by_length.best(phrase, fuzz.ratio, cutoff)
        if best is None:
            return None
        score, index = best
        return Match(self._targets[index], self._names[index], score)

    def fuzzy_alike(self, phrase: str, cutoff: float) -> Match | None:
        """:meth:`fuzzy`, when its match has as many words as ``phrase``; else None. Sooner.

        The names of as many words are scored first; only when one reaches the cutoff are all
        scored again, from just below its score (no lower one can be the best).
        """
        if self._by_words and phrase:
            alike = self._by_words.get(phrase.count(" "))
            hit = alike.best(phrase, fuzz.ratio, cutoff) if alike is not None else None
            if hit is None:
                return None  # the best match, if any, has another number of words
            cutoff = max(hit[0] - 1, 0)  # from just below: rapidfuzz may miss the very score
        best = self.fuzzy(phrase, cutoff)
        return best if best is not None and len(best.name.split()) == len(phrase.split()) else None

    def resolve(self, query: str, limit: int = SUGGESTIONS, *, strict: bool = False) -> Resolution:
        """Decide what ``query`` names: a confident match, or suggestions to choose from.

        ``strict`` is for lookups that change data: short or partial input ("git", "cloud")
        then gets suggestions instead of a guess, while a typo of a whole name still matches.
        """
        key = normalize(query)
        exact = self.exact_key(key)
        if exact is not None:
            return Resolution(Match(exact, key, 100.0), ())
        found = self._search(key, max(limit, 2), MATCH_SUGGEST)
        if not found:
            return Resolution(None, ())
        best = found[0]
        runner_up = found[1].score if len(found) > 1 else 0.0
        if strict:
            sure = (
                len(key) >= STRICT_MIN_CHARS
                and best.score >= MATCH_CONFIDENT
                and best.score - runner_up >= STRICT_LEAD
            )
        else:
            sure = (
                best.score >= MATCH_CONFIDENT and (best.score == 100 or best.score > runner_up)
            ) or (best.score >= MATCH_LIKELY and best.score - runner_up >= CLEAR_LEAD)
        return Resolution(best, ()) if sure else Resolution(None, tuple(found[:limit]))

    def complete(self, prefix: str, limit: int) -> list[str]:
        """Ids for autocompletion: all (in order) for an empty prefix, else the best matches."""
        if not normalize(prefix):
            return list(dict.fromkeys(self._targets))[:limit]
        return [match.id for match in self.search(prefix, limit=limit, cutoff=50)]
