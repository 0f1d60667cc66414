"""An exact candidate filter for plain fuzzy similarity: what a name must share with a query.

``fuzz.ratio`` of strings ``a`` and ``b`` is ``200 * L / (len(a) + len(b))``, where ``L`` is
the length of their longest common subsequence, so a cutoff asks for at least some ``L`` at each
length of ``b``. Two bounds follow, counts a name must reach both of to be worth scoring:

- characters: the subsequence is made of characters both have, so they share at least ``L``
  characters, counted with repeats;
- bigrams (two adjacent characters): a bigram of ``a`` survives in ``b`` unless one of its
  characters is not in the subsequence (each of the ``len(a) - L`` such characters ends at
  most two bigrams) or ``b`` has characters between the two (each of the ``len(b) - L``
  characters of ``b`` outside it parts at most one pair), so they share at least
  ``3 * L - len(a) - len(b) - 1`` bigrams, counted with repeats. Above a cutoff of 200/3 this
  is the stronger one: at 85, a seven-letter typo must share four or five of its six bigrams.

A name is counted, for each character it has, as many times as it and the query both have it
(for each bigram it has, as often as the query has it: repeated bigrams are rare): never fewer
than they share with repeats. Counts are taken for all names at once with Python
integers as bit sets (one per character or bigram, a bit per name): adding them up plane by
plane (bit-sliced), then comparing the counts with each length's threshold, costs a few dozen
operations on integers as wide as the names in range, however many names there are.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import groupby
from operator import add

#: Bytes of a bit set that hold some set bit.
_NONZERO = re.compile(rb"[^\x00]")
#: The set bits of each byte value, lowest first.
_BITS = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))
#: Filtering gives up (the caller scores every name in range) when more than this share passes.
_MOST = 0.25


def bigrams(text: str) -> list[str]:
    """The bigrams of ``text`` (two adjacent characters each), in order, with repeats."""
    return list(map(add, text, text[1:]))


def least_common(length: int, other: int, cutoff: float) -> int:
    """The shortest common subsequence of strings of these lengths ``fuzz.ratio`` allows."""
    return math.ceil(cutoff * (length + other) / 200 - 1e-6)  # rounding never excludes a hit


def least_shared(length: int, other: int, cutoff: float) -> int:
    """Bigrams strings of these lengths share at least when ``fuzz.ratio`` reaches ``cutoff``."""
    return 3 * least_common(length, other, cutoff) - length - other - 1


def characters(text: str) -> list[str]:
    """The characters of ``text``, a repeated one numbered (``"e"``, ``"e2"``, ...).

    Two strings share as many of these as characters counted with repeats.
    """
    unique = set(text)
    if len(unique) == len(text):  # no character twice, as in a third of the names
        return list(unique)
    found = []
    for character in unique:
        found.append(character)
        if (repeats := text.count(character)) > 1:
            found += [f"{character}{seen}" for seen in range(2, repeats + 1)]
    return found


def _bit_sets(parts: Sequence[Iterable[str]]) -> dict[str, int]:
    """For each part (a character or a bigram), the strings that have it: a bit per position.

    Each part's bits are set in a little-endian byte array, made an integer once at the end.
    """
    rows: defaultdict[str, bytearray] = defaultdict(partial(bytearray, (len(parts) + 7) >> 3))
    for position, found in enumerate(parts):
        byte, bit = position >> 3, 1 << (position & 7)
        for part in found:
            rows[part][byte] |= bit
    return {part: int.from_bytes(row, "little") for part, row in rows.items()}


def _counts(bit_sets: dict[str, int], parts: Counter[str], start: int, width: int) -> list[int]:
    """How many of ``parts`` each string in ``start:start + width`` has, as bit planes.

    Plane ``i`` holds the strings whose count has bit ``i``; a part is counted as often as
    ``parts`` has it.
    """
    in_range = (1 << width) - 1
    planes: list[int] = []
    for part, repeats in parts.items():
        names = bit_sets.get(part)
        if names is None:
            continue
        names = (names >> start) & in_range
        for _ in range(repeats):
            carry = names
            for plane, bits in enumerate(planes):
                planes[plane] = bits ^ carry
                carry &= bits
                if not carry:
                    break
            else:
                if carry:
                    planes.append(carry)
    return planes


def _reaching(planes: list[int], thresholds: dict[int, int]) -> int:
    """The strings whose count (in ``planes``) reaches the threshold their mask gives them."""
    found = 0
    for need, mask in thresholds.items():
        if need >> len(planes):
            continue  # more than any string has
        above, equal = 0, mask  # counts whose top bits are above / equal to need's
        for plane in range(len(planes) - 1, -1, -1):
            if need >> plane & 1:
                equal &= planes[plane]
            else:
                above |= equal & planes[plane]
        found |= above | equal
    return found


class GramFilter:
    """Which strings of a list sorted by length may reach a ``fuzz.ratio`` cutoff for a query."""

    def __init__(
        self, texts: list[str], lengths: list[int], anagrams: GramFilter | None = None
    ) -> None:
        """Index ``texts``, sorted by length; ``lengths`` are theirs.

        ``anagrams`` is a filter of strings with the same characters as these, position for
        position (their words in another order): its character bit sets are shared.
        """
        self._lengths = lengths
        #: Each length's positions: (first, past the last).
        self._spans: dict[int, tuple[int, int]] = {}
        at = 0
        for length, group in groupby(lengths):
            size = sum(1 for _ in group)
            self._spans[length] = (at, at + size)
            at += size
        self._characters = (
            _bit_sets([characters(text) for text in texts])
            if anagrams is None
            else anagrams._characters
        )
        self._bigrams = _bit_sets([set(bigrams(text)) for text in texts])

    def candidates(self, query: str, cutoff: float, start: int, end: int) -> list[int] | None:
        """Positions in ``start:end`` whose strings may score ``cutoff`` or more, in order.

        ``start`` and ``end`` bound whole lengths. ``None`` when the bounds prune too little
        to be worth it: score all of them.
        """
        if start >= end:
            return []
        width = end - start
        unfiltered = 0  # the positions of lengths no bound prunes, as a bit set
        unpaired = 0  # ... and of those only the character bound prunes
        # characters or bigrams to share: the positions that many applies to
        by_characters: dict[int, int] = {}
        by_bigrams: dict[int, int] = {}
        for length in range(self._lengths[start], self._lengths[end - 1] + 1):
            span = self._spans.get(length)
            if span is None:
                continue
            mask = ((1 << (span[1] - span[0])) - 1) << (span[0] - start)
            if (need := least_common(len(query), length, cutoff)) <= 0:
                unfiltered |= mask
                continue
            by_characters[need] = by_characters.get(need, 0) | mask
            if (need := least_shared(len(query), length, cutoff)) > 0:
                by_bigrams[need] = by_bigrams.get(need, 0) | mask
            else:
                unpaired |= mask
        if unfiltered.bit_count() > _MOST * width:
            return None  # at a cutoff of 0
        planes = _counts(self._characters, Counter(characters(query)), start, width)
        found = _reaching(planes, by_characters)
        if ((found & unpaired) | unfiltered).bit_count() > _MOST * width:
            return None  # too many already, where bigrams cannot narrow them down
        if by_bigrams and found:
            planes = _counts(self._bigrams, Counter(bigrams(query)), start, width)
            found &= _reaching(planes, by_bigrams) | unpaired
        found |= unfiltered
        if found.bit_count() > _MOST * width:
            return None
        packed = found.to_bytes((width + 7) >> 3, "little")
        return [
            start + (byte.start() << 3) + bit
            for byte in _NONZERO.finditer(packed)
            for bit in _BITS[packed[byte.start()]]
        ]
