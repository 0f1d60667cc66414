"""An exact candidate filter for plain fuzzy similarity: the bigrams a name must share.

``fuzz.ratio`` of strings ``a`` and ``b`` is ``200 * L / (len(a) + len(b))``, where ``L`` is
the length of their longest common subsequence. Take the subsequence: a bigram (two adjacent
characters) of ``a`` survives in ``b`` unless one of its characters is not in it (each of the
``len(a) - L`` such characters ends at most two bigrams) or ``b`` has characters between the
two (each of the ``len(b) - L`` characters of ``b`` outside it parts at most one pair). So the
bigrams ``a`` and ``b`` share, counted with repeats, are at least ``3 * L - len(a) - len(b) - 1``,
and a name sharing fewer than that with a query, for the smallest ``L`` its length allows at a
cutoff, cannot reach the cutoff: it need not be scored. Above a cutoff of 200/3 the bound
prunes; at 85, a seven-letter typo must share four or five of its six bigrams with a name.

A name is counted, for each bigram it has, as often as the query has it: never fewer than
the bigrams they share with repeats. Counts are taken for all names at once with Python
integers as bit sets (one per bigram, a bit per name): adding them up plane by plane
(bit-sliced), then comparing the counts with each length's threshold, costs a few dozen
operations on integers as wide as the names in range, however many names there are.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
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


def least_shared(length: int, other: int, cutoff: float) -> int:
    """Bigrams strings of these lengths share at least when ``fuzz.ratio`` reaches ``cutoff``."""
    common = math.ceil(cutoff * (length + other) / 200 - 1e-6)  # rounding never excludes a hit
    return 3 * common - length - other - 1


class BigramFilter:
    """Which strings of a list sorted by length may reach a ``fuzz.ratio`` cutoff for a query."""

    def __init__(self, texts: list[str], lengths: list[int]) -> None:
        """Index ``texts``, sorted by length; ``lengths`` are theirs."""
        self._lengths = lengths
        #: Each length's positions: (first, past the last).
        self._spans: dict[int, tuple[int, int]] = {}
        at = 0
        for length, group in groupby(lengths):
            size = sum(1 for _ in group)
            self._spans[length] = (at, at + size)
            at += size
        positions: defaultdict[str, list[int]] = defaultdict(list)
        for position, text in enumerate(texts):
            for gram in set(map(add, text, text[1:])):
                positions[gram].append(position)
        #: Each bigram's strings, as a bit set of their positions.
        self._names: dict[str, int] = {}
        for gram, found in positions.items():
            digits = bytearray(b"0") * (found[-1] + 1)
            for position in found:
                digits[position] = ord("1")
            digits.reverse()
            self._names[gram] = int(digits, 2)

    def candidates(self, query: str, cutoff: float, start: int, end: int) -> list[int] | None:
        """Positions in ``start:end`` whose strings may score ``cutoff`` or more, in order.

        ``start`` and ``end`` bound whole lengths. ``None`` when the bound prunes too little
        to be worth it: score all of them.
        """
        if start >= end:
            return []
        unfiltered = 0  # the positions of lengths the bound cannot prune, as a bit set
        thresholds: dict[int, int] = {}  # bigrams to share: the positions it applies to
        for length in range(self._lengths[start], self._lengths[end - 1] + 1):
            span = self._spans.get(length)
            if span is None:
                continue
            mask = ((1 << (span[1] - span[0])) - 1) << (span[0] - start)
            need = least_shared(len(query), length, cutoff)
            if need <= 0:
                unfiltered |= mask
            else:
                thresholds[need] = thresholds.get(need, 0) | mask
        if not thresholds:
            return None
        width = end - start
        in_range = (1 << width) - 1
        planes: list[int] = []  # planes[i]: the strings whose count of shared bigrams has bit i
        for gram, repeats in Counter(bigrams(query)).items():
            names = self._names.get(gram)
            if names is None:
                continue
            # counted as often as the query has it: never fewer than the bigrams shared
            for _ in range(repeats):
                carry = (names >> start) & in_range
                for plane, bits in enumerate(planes):
                    planes[plane] = bits ^ carry
                    carry &= bits
                    if not carry:
                        break
                else:
                    if carry:
                        planes.append(carry)
        found = unfiltered
        for need, mask in thresholds.items():
            if need >> len(planes):
                continue  # more than any string shares
            above, equal = 0, mask  # counts whose top bits are above / equal to need's
            for plane in range(len(planes) - 1, -1, -1):
                if need >> plane & 1:
                    equal &= planes[plane]
                else:
                    above |= equal & planes[plane]
            found |= above | equal
        if found.bit_count() > _MOST * width:
            return None
        packed = found.to_bytes((width + 7) >> 3, "little")
        return [
            start + (byte.start() << 3) + bit
            for byte in _NONZERO.finditer(packed)
            for bit in _BITS[packed[byte.start()]]
        ]
