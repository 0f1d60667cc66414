"""Meaning by static word vectors: how close a message is to a text, whatever words it uses.

The vectors (``bot/data/word_vectors.npz``, made by ``scripts/build_word_vectors.py``) were
distilled from a sentence model: one vector per piece of its WordPiece vocabulary, weighted by
the piece's rarity. A text is tokenised as the model does (lowercase, accents stripped,
punctuation split off, each word cut greedily into the longest pieces of the vocabulary), and
its vector is the mean of its pieces' vectors, made unit length. "my site got hacked" lands
near "protecting an application from hacks and data breaches" though they share no word the
use-case index would match. No model runs: a text costs a dictionary look-up per word and one
small sum.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Set
from functools import cache
from pathlib import Path

import numpy as np

from bot.lru import LruCache

#: The vectors shipped with the bot (language data, not roadmap data).
VECTORS_PATH = Path(__file__).resolve().parent / "data" / "word_vectors.npz"
#: Longest word cut into pieces (the model's tokenizer treats longer ones as unknown).
MAX_WORD_CHARS = 100
#: Words whose pieces are remembered (words people type recur).
PIECES_CACHE = 16_384
#: A word, or one character of punctuation or symbol: the model splits punctuation off words.
_WORDS = re.compile(r"[^\W_]+|[^\w\s]|_")


def normalised(text: str) -> str:
    """Lowercase, without accents or control characters: the text as the model reads it."""
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(
        char for char in text if unicodedata.category(char) not in ("Mn", "Cc", "Cf", "Co", "Cs")
    )


class WordVectors:
    """A WordPiece vocabulary and one vector for each piece."""

    def __init__(self, vocabulary: list[str], rows: np.ndarray, scales: np.ndarray) -> None:
        """``rows[i] * scales[i]`` is the vector of ``vocabulary[i]`` (int8 rows keep it small)."""
        self.ids = {piece: index for index, piece in enumerate(vocabulary)}
        self.rows = rows
        self.scales = scales.astype(np.float32)
        self._pieces: LruCache[str, tuple[int, ...]] = LruCache(PIECES_CACHE)

    @classmethod
    def load(cls, path: Path = VECTORS_PATH) -> WordVectors:
        """Read vectors written by ``scripts/build_word_vectors.py`` (int8 rows, row scales)."""
        with np.load(path, allow_pickle=False) as data:
            vocabulary = data["vocabulary"].tobytes().decode().split("\n")
            return cls(vocabulary, data["vectors"], data["scales"])

    def pieces(self, word: str) -> tuple[int, ...]:
        """The vocabulary pieces of one normalised word, longest first; none if it cannot be cut.

        As the model's tokenizer: take the longest known start, then the longest known
        continuation ("##" piece) of the rest, and so on.
        """
        return self._pieces.remembered(word, self._cut)

    def _cut(self, word: str) -> tuple[int, ...]:
        found: list[int] = []
        if len(word) <= MAX_WORD_CHARS:
            start = 0
            while start < len(word):
                prefix = "##" if start else ""
                for end in range(len(word), start, -1):
                    index = self.ids.get(prefix + word[start:end])
                    if index is not None:
                        found.append(index)
                        start = end
                        break
                else:
                    found = []  # a part no piece covers: the whole word is unknown
                    break
        return tuple(found)

    def tokens(self, text: str, ignored: Set[str] = frozenset()) -> list[int]:
        """The vocabulary ids of a text's pieces in order, without unknown and ``ignored`` words."""
        return [
            index
            for word in _WORDS.findall(normalised(text))
            if word not in ignored
            for index in self.pieces(word)
        ]

    def embed(self, text: str, ignored: Set[str] = frozenset()) -> np.ndarray | None:
        """The text's unit vector, or None when no piece of it is known (or they cancel out).

        ``ignored`` words (such as "what", "should") are left out: they say nothing of the
        meaning and would pull every text towards every other.
        """
        ids = self.tokens(text, ignored)
        if not ids:
            return None
        total = self.scales[ids] @ self.rows[ids].astype(np.float32)
        length = float(np.linalg.norm(total))
        if not length or not np.isfinite(length):
            return None
        return total / length


@cache
def word_vectors() -> WordVectors:
    """The shipped vectors, read once per process."""
    return WordVectors.load()


class TextIndex:
    """Labelled texts (say a topic's use cases) as unit vectors, to find the closest to a text."""

    def __init__(
        self, vectors: WordVectors, texts: Iterable[tuple[str, str]], ignored: Set[str]
    ) -> None:
        self.vectors = vectors
        self.ignored = ignored
        grouped: dict[str, list[tuple[str, np.ndarray]]] = {}
        for label, text in texts:
            vector = vectors.embed(text, ignored)
            if vector is not None:
                grouped.setdefault(label, []).append((text, vector))
        #: Each label with the rows of its texts (start, end) in the matrix.
        self.spans: dict[str, tuple[int, int]] = {}
        self.texts: list[str] = []
        rows: list[np.ndarray] = []
        for label, entries in grouped.items():
            self.spans[label] = (len(rows), len(rows) + len(entries))
            for text, vector in entries:
                self.texts.append(text)
                rows.append(vector)
        self._matrix = np.array(rows, dtype=np.float32).reshape(len(rows), -1)

    def closest(self, text: str) -> dict[str, tuple[float, str]]:
        """Per label, the cosine similarity of its closest text to ``text``, and that text.

        Empty when the text has no known word.
        """
        vector = self.vectors.embed(text, self.ignored)
        if vector is None:
            return {}
        similarities = (self._matrix @ vector).tolist()
        found: dict[str, tuple[float, str]] = {}
        for label, (start, end) in self.spans.items():
            row = max(range(start, end), key=similarities.__getitem__)
            found[label] = (similarities[row], self.texts[row])
        return found
