"""Names a message mentions: what a mention is, and how a phrase is matched to a name.

A mention is a run of a message's words naming a topic, a roadmap step or technology the
roadmap does not cover (its id marked with :data:`NOT_COVERED_PREFIX`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.knowledge import Knowledge
from bot.text import normalize
from bot.wording import STEP_TAILS, STEP_WORDS, Word

#: An alias this many edits (a swap of neighbours is one) from an everyday name misspells it,
#: if the edits are fewer than half its letters.
MISSPELT_EDITS = 2
#: In a fuzzy multi-word match, how alike each pair of words must be.
WORD_PAIR_CUTOFF = 70
#: Prefix that marks a not-covered entry's id in the name index.
NOT_COVERED_PREFIX = "~"


@dataclass(frozen=True, slots=True)
class Mention:
    """A run of a message's words, ``start`` to ``end``, naming the entry ``id`` as ``name``.

    ``ambiguous``: the name counts only with context (an everyday word such as "go", or a
    phrase merely near a name).
    """

    id: str
    name: str
    start: int
    end: int
    ambiguous: bool

    @property
    def not_covered(self) -> bool:
        """Whether it names technology the roadmap does not cover."""
        return self.id.startswith(NOT_COVERED_PREFIX)


@dataclass(frozen=True, slots=True)
class Names:
    """The names a message mentions, after weighing everyday senses against software context."""

    kept: list[Mention]
    #: Topics named without context either way: worth asking back.
    doubtful: tuple[str, ...]
    #: Names used in their everyday sense.
    everyday: tuple[str, ...]
    #: How many words (and clear names) show the message is about software.
    software: int
    #: Positions of the words of names used in their everyday sense: not cues either.
    dropped: frozenset[int] = frozenset()
    #: Positions of the words of names left unsure: not need words either.
    unsure: frozenset[int] = frozenset()
    #: No software word, and the other words are mostly foreign to the roadmap: whatever it
    #: names or needs, the message is about something else ("my grandma's silver flask").
    foreign: bool = False
    #: Names read in their everyday sense only from the word beside them ("the server"), no
    #: everyday word: a clear need around them is still a need.
    beside_only: frozenset[str] = frozenset()
    #: Technology the roadmap lacks named as typed, without context either way ("how do i
    #: set up stripe"): said to be not covered rather than refused.
    doubtful_uncovered: tuple[Mention, ...] = ()


def text_words(knowledge: Knowledge) -> set[str]:
    """Every word of the roadmap's prose: summaries, use cases, benefits, comparisons."""
    texts = [knowledge.info.summary, knowledge.info.conclusion]
    for entry in (*knowledge.sections, *knowledge.topics.values()):
        texts.append(entry.summary)
        texts.extend(getattr(entry, "use_cases", ()))
        texts.extend(getattr(entry, "benefits", ()))
        texts.extend(entry.projects)
    for comparison in knowledge.comparisons:
        texts.extend((comparison.summary, *comparison.differences))
        texts.extend(advice for _, advice in comparison.choose)
    return {word for text in texts for word in normalize(text.replace("-", " ")).split()}


def misspellings(aliases: Iterable[str], common: Set[str]) -> frozenset[str]:
    """The aliases that misspell a name that is also an everyday word ("pyhton" for "python").

    Such a spelling is no surer than the word itself; a longer name holding the word
    ("nodejs", "monolithic") or one with a digit ("python3") is the software's own.
    """
    words = [word for word in common if " " not in word]
    return frozenset(
        alias
        for alias in map(normalize, aliases)
        if " " not in alias
        and alias not in common
        and not any(char.isdigit() for char in alias)
        and any(
            word not in alias
            and abs(len(alias) - len(word)) <= 1
            and (edits := OSA.distance(alias, word)) <= MISSPELT_EDITS
            and 2 * edits < len(alias)  # "jvm" is no misspelt "java"
            for word in words
        )
    )


def same_words(phrase: str, name: str) -> bool:
    """Whether a fuzzy phrase match holds word by word (so "app backend" is not "php backend")."""
    left, right = phrase.split(), name.split()
    return len(left) == len(right) and all(
        a == b or fuzz.ratio(a, b) >= WORD_PAIR_CUTOFF for a, b in zip(left, right, strict=True)
    )


def near_step_word(words: Sequence[Word], mention: Mention) -> bool:
    """Whether a word for a roadmap step is next to a name ("the auth section", "part on apis")."""
    after = words[mention.end].text if mention.end < len(words) else ""
    return after in STEP_TAILS or any(
        w.text in STEP_WORDS for w in words[max(mention.start - 2, 0) : mention.start]
    )


#: How many words after a name learning material may stand to be material for it.
MATERIAL_REACH = 2


def material_follows(texts: Sequence[str], mention: Mention, material: Set[str]) -> bool:
    """Whether a word of ``material`` closely follows the name ("docker tutorials")."""
    return not material.isdisjoint(texts[mention.end : mention.end + MATERIAL_REACH])
