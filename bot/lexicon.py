"""The words and names questions about one roadmap are read with, built once per knowledge.

Every name of the roadmap's topics, steps and the technology it does not cover; the words
that tell software talk, kinds of things, cue words and everyday senses; the phrases of small
talk and of subjects outside the roadmap. Plain data (it is kept with compiled knowledge,
:func:`bot.knowledge.compiled.derived`), with the lookups that need nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.knowledge import Knowledge, NotCovered, stem
from bot.matching import ByLength, NameIndex
from bot.mentions import NOT_COVERED_PREFIX, Mention, misspellings, text_words
from bot.phrases import by_first_word
from bot.text import normalize
from bot.wording import (
    BUILD_WORDS,
    COMPARE_CUES,
    LEARN_WAYS,
    LEARN_WORDS,
    OR_ELSEWHERE,
    OVERVIEW_CUES,
    PROJECT_CUES,
    QUESTION_STARTS,
    RESOURCE_CUES,
    STOP,
    USE_CASE_CUES,
    Message,
    Word,
)

#: A message with no software word is about something else when at least this many of its other
#: words, and at least half, are foreign to the roadmap ("spring onions, raw or cooked"; not
#: "python decorators").
FOREIGN_WORDS = 2


def kinds_by_word(knowledge: Knowledge) -> dict[str, str]:
    """Each kind of thing ("database") by the stems of its words ("db", "databas")."""
    return {
        stem(normalize(word)): kind
        for kind, words in knowledge.kinds.items()
        for word in (kind, *words)
    }


def _everyday_senses(
    knowledge: Knowledge,
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """By entry id: everyday names (misspellings too), misspellings alone, everyday signs.

    Steps, topics and technology the roadmap lacks (its ids prefixed with
    :data:`~bot.mentions.NOT_COVERED_PREFIX`) alike.
    """
    common_names: dict[str, frozenset[str]] = {}
    misspelt: dict[str, frozenset[str]] = {}
    everyday: dict[str, frozenset[str]] = {}
    for entry in (*knowledge.sections, *knowledge.topics.values()):
        common = frozenset(normalize(w) for w in entry.common_words)
        misspelt[entry.id] = misspellings(entry.aliases, common)
        common_names[entry.id] = common | misspelt[entry.id]
        everyday[entry.id] = frozenset(entry.everyday_words)
    for entry in knowledge.vocabulary.not_covered:
        common = frozenset(normalize(w) for w in entry.common_words)
        entry_id = f"{NOT_COVERED_PREFIX}{entry.key}"
        misspelt[entry_id] = misspellings(entry.aliases, common)
        common_names[entry_id] = common | misspelt[entry_id]
        everyday[entry_id] = frozenset(entry.everyday_words)
    return common_names, misspelt, everyday


def _exact_names(indexes: Sequence[NameIndex]) -> dict[str, str]:
    """Every name, also without spaces, with its id; the first index to name it wins."""
    exact: dict[str, str] = {}
    for index in indexes:
        for name in index.names:
            target = index.exact_key(name)
            if target is not None:
                exact.setdefault(name, target)
                exact.setdefault(name.replace(" ", ""), target)
    return exact


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The words names of one number of words have at one place (first, second, ...)."""

    exact: frozenset[str]
    by_length: ByLength

    def alike(self, word: str, cutoff: float) -> bool:
        """Whether ``word`` is one of them or scores ``cutoff`` (``fuzz.ratio``) against one."""
        return word in self.exact or bool(self.by_length.hits(word, fuzz.ratio, cutoff))


def _place_words(index: NameIndex) -> dict[int, tuple[PlaceWords, ...]]:
    """By a number of words from two up: the words at each place of names that long."""
    places: dict[int, list[set[str]]] = {}
    for name in index.names:
        words = name.split()
        if len(words) > 1:
            for at, word in enumerate(words):
                places.setdefault(len(words), [set() for _ in words])[at].add(word)
    return {
        count: tuple(PlaceWords(frozenset(place), ByLength(sorted(place))) for place in found)
        for count, found in places.items()
    }


def _by_first_word(phrases: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """Each phrase with its place among them, by its first word."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for place, phrase in enumerate(phrases):
        grouped.setdefault(phrase.split(" ", 1)[0], []).append((place, phrase))
    return grouped


class Lexicon:
    """The words and names of one roadmap's questions, with lookups on them."""

    def __init__(self, knowledge: Knowledge, ranker_words: Set[str]) -> None:
        """Build every index from ``knowledge``; ``ranker_words`` are its use cases' words."""
        self.knowledge = knowledge
        vocabulary = knowledge.vocabulary
        self.not_covered = vocabulary.not_covered
        self.topic_names = knowledge.topic_names
        self.section_names = knowledge.section_names
        #: The knowledge's, with its own ids, prefixed, so they never meet a topic id.
        self.not_covered_names = knowledge.not_covered_names.retargeted(
            lambda key: f"{NOT_COVERED_PREFIX}{key}"
        )
        #: By entry id: its names that are also everyday words (misspellings of them too), the
        #: aliases misspelling an everyday name ("pyhton": everyday only beside its signs), and
        #: the words that show the everyday sense.
        self.common, self.misspelt, self.everyday = _everyday_senses(knowledge)
        #: By entry id: the words that confirm the software sense of its everyday names.
        self.software_of = {
            entry.id: frozenset(entry.software_words)
            for entry in (*knowledge.sections, *knowledge.topics.values())
            if entry.software_words
        } | {
            f"{NOT_COVERED_PREFIX}{entry.key}": frozenset(entry.software_words)
            for entry in self.not_covered
            if entry.software_words
        }
        #: By entry id: its names too general to stand for it beside another name ("server").
        self.broad = {
            entry.id: frozenset(normalize(w) for w in entry.broad_words)
            for entry in (*knowledge.sections, *knowledge.topics.values())
            if entry.broad_words
        }
        self.software = vocabulary.software_words
        self.kinds = kinds_by_word(knowledge)
        self.title_words = {stem(w) for w in normalize(knowledge.info.title).split()} - STOP
        self.overview_cues = OVERVIEW_CUES | self.title_words
        #: The step named after the roadmap's own field ("what is backend"), if one is: what a
        #: learner asking what the field is gets.
        self.field_section = next(
            (
                section.id
                for section in knowledge.sections
                if any(
                    self.is_overview_phrase(alias)
                    and {stem(w) for w in alias.split()} & self.title_words
                    for alias in section.aliases
                )
            ),
            None,
        )
        self.small_talk = by_first_word(vocabulary.small_talk)
        self.outside = by_first_word(vocabulary.outside)
        chatter = {w for pairs in self.small_talk.values() for _, p in pairs for w in p}
        self.small_talk_starts = set(self.small_talk)
        self.cue_words = (
            COMPARE_CUES
            | RESOURCE_CUES
            | PROJECT_CUES
            | BUILD_WORDS
            | LEARN_WORDS
            | LEARN_WAYS
            | USE_CASE_CUES
            | QUESTION_STARTS
            | self.overview_cues
        )
        everyday_all = {w for words in self.everyday.values() for w in words}
        self.need_words = frozenset(vocabulary.need_words)
        indexes = (self.topic_names, self.not_covered_names, self.section_names)
        #: Every name (also without spaces) of topics, then not-covered technology, then steps.
        self.exact_names = _exact_names(indexes)
        #: For each of those indexes, the words at each place of its names of a few words: a
        #: phrase with a word like none at its place names none of them word by word.
        self.place_words = tuple(_place_words(index) for index in indexes)
        #: The most words of any name: the longest phrase looked up as one.
        self.longest_name = max(
            (len(name.split()) for index in indexes for name in index.names), default=1
        )
        #: Every word of every name: a phrase of several words must start with one.
        self.name_words = {
            word for index in indexes for name in index.names for word in name.split()
        }
        #: Words that are not names: never looked up fuzzily as a misspelt name.
        self.known_words = (text_words(knowledge) - self.name_words) | (
            STOP
            | self.cue_words
            | self.software
            | set(self.kinds)
            | {word for need in vocabulary.need_words for word in need.split()}
            | everyday_all
            | chatter
            | BUILD_WORDS
            | ranker_words
        )
        #: Words that belong to the roadmap's world; an everyday sense's word does not.
        self.roadmap_words = self.known_words - (everyday_all - ranker_words)
        self.spell_vocabulary = sorted(
            COMPARE_CUES
            | RESOURCE_CUES
            | PROJECT_CUES
            | LEARN_WORDS
            | OVERVIEW_CUES
            | QUESTION_STARTS
            | chatter  # "thnaks", "apreciate": small talk is typed in a hurry
        )
        self.spell_by_length = ByLength(self.spell_vocabulary)
        #: The topics of each curated comparison, by each of its phrases ("django vs flask").
        self.comparison_phrases = {
            normalize(alias.replace("-", " ")): comparison.topic_ids
            for comparison in knowledge.comparisons
            for alias in comparison.aliases
        }
        #: Each comparison phrase with its place among them, by its first word.
        self.comparisons_by_first_word = _by_first_word(self.comparison_phrases)

    def kind_of(self, mention: Mention) -> str | None:
        """The kind of the topic or technology a mention names."""
        if mention.not_covered:
            return self.uncovered(mention).kind
        topic = self.knowledge.topics.get(mention.id)
        return topic.kind if topic else None

    def family(self, one: str, other: str) -> bool:
        """Whether one topic is the other's parent ("gin" and "go", "django" and "python")."""
        topics = self.knowledge.topics
        return (one in topics and topics[one].parent == other) or (
            other in topics and topics[other].parent == one
        )

    def related(self, one: Mention, other: Mention) -> bool:
        """Whether technology the roadmap lacks lists the other's topic as related ("bun")."""
        return any(
            a.not_covered and b.id in self.uncovered(a).related
            for a, b in ((one, other), (other, one))
        )

    def names_a_kind(self, mention: Mention) -> bool:
        """A step named by a kind word ("frameworks"): a kind, when something else is named."""
        return self.knowledge.section(mention.id) is not None and all(
            stem(word) in self.kinds for word in mention.name.split()
        )

    def is_software(self, word: Word) -> bool:
        """Whether a word, as typed or stemmed, is one of software talk ("api", "deployed")."""
        return word.text in self.software or word.stem in self.software

    def content(self, words: Sequence[Word]) -> list[Word]:
        """The words that say what a message is about: no stop, cue or software words."""
        return [
            w
            for w in words
            if w.text not in STOP
            and w.text not in self.cue_words
            and not self.is_software(w)
            and not w.text.isdigit()
        ]

    def mostly_foreign(self, words: Sequence[Word], leftovers: Sequence[Word]) -> bool:
        """Whether the words beside names are mostly foreign to the roadmap and name no kind."""
        if any(w.stem in self.kinds for w in words):
            return False
        foreign = sum(
            w.text not in self.roadmap_words
            and w.stem not in self.roadmap_words
            and w.text not in self.exact_names
            for w in leftovers
        )
        return foreign >= FOREIGN_WORDS and 2 * foreign >= len(leftovers)

    def foreign_beside_title(self, message: Message) -> bool:
        """Whether the only software words are the roadmap's title words, among foreign ones.

        "our developer team is planning a party. any ideas for games?": the team, not the code.
        """
        software = [w for w in message.words if w.text in self.software or w.stem in self.software]
        return (
            bool(software)
            and all(w.stem in self.title_words for w in software)
            and self.mostly_foreign(message.words, self.content(message.words))
        )

    def is_overview_phrase(self, name: str) -> bool:
        """Whether a name only names the roadmap as a whole ("what is backend")."""
        return all(w in STOP or stem(w) in self.overview_cues for w in name.split())

    def technology(self, uncovered: list[Mention]) -> list[NotCovered]:
        """The technology the roadmap lacks that these mentions name."""
        return [self.uncovered(m) for m in uncovered]

    def uncovered(self, mention: Mention) -> NotCovered:
        """The technology the roadmap lacks that a mention of it names."""
        return self.knowledge.not_covered_by_key[mention.id.removeprefix(NOT_COVERED_PREFIX)]

    def kind_named_after(self, words: Sequence[Word], mention: Mention) -> bool:
        """Whether a kind word follows the name ("cassandra db", "spring framework")."""
        return mention.end < len(words) and words[mention.end].stem in self.kinds

    def named_comparison(self, words: Sequence[str]) -> tuple[str, ...]:
        """The topics of a comparison whose alias the question contains ("which cloud provider").

        "or" in another language is "or" ("express o nestjs", "laravel na symfony").
        """
        padded = f" {' '.join('or' if w in OR_ELSEWHERE else w for w in words)} "
        found = sorted(  # a phrase in the question starts at one of its words
            (place, phrase)
            for word in set(words)
            for place, phrase in self.comparisons_by_first_word.get(word, ())
            if f" {phrase} " in padded
        )
        return self.comparison_phrases[max((p for _, p in found), key=len)] if found else ()
