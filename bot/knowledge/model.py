"""The knowledge base's model: a roadmap's steps, topics and comparisons, and the lookups on them.

Loaded and validated by :mod:`bot.knowledge.loader`; the format is in ``docs/knowledge-format.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from bot.limits import MATCH_CONFIDENT, STEM_CACHE
from bot.matching import NameIndex
from bot.quizzes import ReviewQuestion
from bot.text import normalize

TRACK_KIND = "language"
#: A typo of a not-covered name is recognised only for names typed at least this long.
NOT_COVERED_TYPO_CHARS = 6


@dataclass(frozen=True, slots=True)
class Resource:
    """A link to learning material."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Topic:
    """One thing to learn: a language, a framework, a database, a concept, a tool."""

    id: str
    title: str
    kind: str
    section_id: str
    summary: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()
    use_cases: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    projects: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()
    everyday_words: tuple[str, ...] = ()
    #: Words that confirm the software sense of its everyday names ("admin" for Django).
    software_words: tuple[str, ...] = ()
    #: Names so general that they stand for it only where a message names nothing else
    #: ("server": "is mongodb a server or a database" asks about MongoDB).
    broad_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A step of the roadmap, holding topics in learning order."""

    id: str
    title: str
    summary: str
    shared: bool
    topic_ids: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    projects: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()
    everyday_words: tuple[str, ...] = ()
    software_words: tuple[str, ...] = ()
    broad_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NotCovered:
    """Technology learners meet that this roadmap does not cover (say so; never a look-alike)."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    #: Names that are also everyday words ("rust"): they need software context to count.
    common_words: tuple[str, ...] = ()
    #: Words that confirm the software sense of those names ("partition" for Kafka).
    software_words: tuple[str, ...] = ()
    #: Words that point to the everyday sense of those names ("bells" for a falcon).
    everyday_words: tuple[str, ...] = ()
    #: Roadmap topics genuinely related to it (nginx: the hosting environment).
    related: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Its id: its name, normalised ("amazon-sqs"); unlike its place in the list, stable."""
        return "-".join(normalize(self.name).split())


@dataclass(frozen=True, slots=True)
class Canned:
    """A fixed reply to small talk or to a subject outside the roadmap, with its phrases."""

    id: str
    phrases: tuple[str, ...]
    reply: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """A curated answer to "A vs B": how they differ and when to pick which."""

    id: str
    topic_ids: tuple[str, ...]
    summary: str
    choose: tuple[tuple[str, str], ...]
    differences: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoadmapInfo:
    """What the roadmap as a whole is."""

    id: str
    title: str
    summary: str
    source_title: str = ""
    source_author: str = ""
    source_url: str = ""
    conclusion: str = ""
    examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words around the roadmap that help understand what learners write (all optional)."""

    #: Words that show a message is about software ("code", "backend").
    software_words: frozenset[str] = frozenset()
    not_covered: tuple[NotCovered, ...] = ()
    #: A learner's word for a need -> the roadmap's words for it ("bank" -> "financial").
    need_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    small_talk: tuple[Canned, ...] = ()
    #: Subjects around learning that the roadmap does not cover (salaries, hardware).
    outside: tuple[Canned, ...] = ()


#: The indexes :class:`Knowledge` builds on first use.
_INDEXES = ("topic_names", "section_names", "common_words", "not_covered_names", "language_names")


class Knowledge:
    """A loaded roadmap: sections, topics and comparisons, with the lookups the core needs."""

    def __init__(
        self,
        info: RoadmapInfo,
        sections: Sequence[Section],
        topics: Sequence[Topic],
        comparisons: Sequence[Comparison],
        path: str = "",
        kinds: Mapping[str, Sequence[str]] | None = None,
        reviews: Mapping[str, Sequence[ReviewQuestion]] | None = None,
        vocabulary: Vocabulary | None = None,
        renamed: Mapping[str, str] | None = None,
    ) -> None:
        self.info = info
        #: Former topic ids and the current id each became: learners' ticks, reviews and track
        #: are carried over on start (:meth:`bot.storage.Storage.carry_over`).
        self.renamed: dict[str, str] = dict(renamed or {})
        self.vocabulary = vocabulary or Vocabulary()
        #: Review questions per topic id (topics without questions are left out).
        self.reviews: dict[str, tuple[ReviewQuestion, ...]] = {
            topic_id: tuple(questions) for topic_id, questions in (reviews or {}).items()
        }
        #: Every review question by its id.
        self.questions: dict[str, ReviewQuestion] = {
            question.id: question for questions in self.reviews.values() for question in questions
        }
        #: Every kind of topic, each with the other words people use for it.
        self.kinds: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (kinds or {}).items()}
        self.sections: tuple[Section, ...] = tuple(sections)
        self.path = path
        by_id = {topic.id: topic for topic in topics}
        self._sections_by_id = {section.id: section for section in self.sections}
        # Topics in learning order: section by section.
        self.topics: dict[str, Topic] = {
            topic_id: by_id[topic_id] for section in self.sections for topic_id in section.topic_ids
        }
        self.comparisons: tuple[Comparison, ...] = tuple(comparisons)
        self._comparisons_by_pair = {
            frozenset(comparison.topic_ids): comparison for comparison in self.comparisons
        }
        #: What other modules build from this knowledge, by name (the answerer's indexes): kept
        #: with a compiled copy (:func:`bot.knowledge.compiled.derived`).
        self.derived: dict[str, Any] = {}

    def build_indexes(self) -> None:
        """Build the name indexes now rather than on first use (so a compiled copy holds them)."""
        for name in _INDEXES:
            getattr(self, name)  # a cached property: built on first use, then kept

    @cached_property
    def topic_names(self) -> NameIndex:
        """Fuzzy index over every topic's id, title and aliases."""
        return NameIndex(
            (name, topic.id)
            for topic in self.topics.values()
            for name in (topic.id, topic.title, *topic.aliases)
        )

    @cached_property
    def section_names(self) -> NameIndex:
        """Fuzzy index over every section's id, title and aliases."""
        return NameIndex(
            (name, section.id)
            for section in self.sections
            for name in (section.id, section.title, *section.aliases)
        )

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Names of topics and steps that are also everyday words ("go", "rest"), normalized."""
        return frozenset(
            normalize(word)
            for entry in (*self.sections, *self.topics.values())
            for word in entry.common_words
        )

    @cached_property
    def not_covered_names(self) -> NameIndex:
        """Exact index over the names of technology the roadmap does not cover (ids: keys)."""
        return NameIndex(
            (name, entry.key)
            for entry in self.vocabulary.not_covered
            for name in (entry.name, *entry.aliases)
        )

    @cached_property
    def not_covered_by_key(self) -> dict[str, NotCovered]:
        """Technology the roadmap does not cover, by :attr:`NotCovered.key`."""
        return {entry.key: entry for entry in self.vocabulary.not_covered}

    def not_covered_named(self, query: str) -> NotCovered | None:
        """The not-covered technology ``query`` names: exactly, or a close typo of a long name."""
        target = self.not_covered_names.exact(query)
        key = normalize(query)
        if target is None and len(key) >= NOT_COVERED_TYPO_CHARS:
            hit = self.not_covered_names.fuzzy(key, MATCH_CONFIDENT)
            target = hit.id if hit else None
        return self.not_covered_by_key[target] if target is not None else None

    @cached_property
    def language_names(self) -> NameIndex:
        """Fuzzy index over the languages (the topics that can be tracks)."""
        return NameIndex(
            (name, topic.id)
            for topic in self.languages
            for name in (topic.id, topic.title, *topic.aliases)
        )

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, if any."""
        return self.topics.get(topic_id)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, if any."""
        return self._sections_by_id.get(section_id)

    def section_topics(self, section: Section) -> list[Topic]:
        """The topics of a section, in order."""
        return [self.topics[topic_id] for topic_id in section.topic_ids]

    @cached_property
    def languages(self) -> tuple[Topic, ...]:
        """Topics that can be chosen as a track (kind ``language``), in roadmap order."""
        return tuple(topic for topic in self.topics.values() if topic.kind == TRACK_KIND)

    def children(self, topic_id: str) -> list[Topic]:
        """Topics whose parent is ``topic_id`` (a language's frameworks), in roadmap order."""
        return list(self._children.get(topic_id, ()))

    @cached_property
    def _children(self) -> dict[str, tuple[Topic, ...]]:
        """Each parent's children, in roadmap order (a large roadmap asks for them per need)."""
        children: dict[str, list[Topic]] = {}
        for topic in self.topics.values():
            if topic.parent is not None:
                children.setdefault(topic.parent, []).append(topic)
        return {parent: tuple(topics) for parent, topics in children.items()}

    def descendants(self, topic_id: str) -> list[Topic]:
        """Children, grandchildren and so on, in roadmap order."""
        found: dict[str, Topic] = {}
        waiting = [topic_id]
        while waiting:
            for child in self._children.get(waiting.pop(), ()):
                if child.id != topic_id and child.id not in found:
                    found[child.id] = child
                    waiting.append(child.id)
        order = {tid: place for place, tid in enumerate(self.topics)}
        return sorted(found.values(), key=lambda topic: order[topic.id])

    def checklist(self, track: str | None) -> list[Topic]:
        """The checklist items for a track (a language id), or the whole roadmap for ``None``."""
        if track is None or track not in self.topics:
            return list(self.topics.values())
        on_track = {track} | {topic.id for topic in self.descendants(track)}
        return [
            topic
            for topic in self.topics.values()
            if topic.id in on_track or self._sections_by_id[topic.section_id].shared
        ]

    def comparison(self, topic_ids: Sequence[str]) -> Comparison | None:
        """The curated comparison covering exactly these topics, or one that includes them."""
        wanted = frozenset(topic_ids)
        exact = self._comparisons_by_pair.get(wanted)
        if exact is not None:
            return exact
        if not wanted:
            return self.comparisons[0] if self.comparisons else None
        including = self.comparisons_of(next(iter(wanted)))
        return next((c for c in including if wanted <= frozenset(c.topic_ids)), None)

    def comparisons_of(self, topic_id: str) -> tuple[Comparison, ...]:
        """The comparisons ``topic_id`` is part of, in order."""
        return self._comparisons_of.get(topic_id, ())

    @cached_property
    def _comparisons_of(self) -> dict[str, tuple[Comparison, ...]]:
        """Each topic's comparisons, in order (a large roadmap has thousands to scan)."""
        of: dict[str, list[Comparison]] = {}
        for comparison in self.comparisons:
            for topic_id in dict.fromkeys(comparison.topic_ids):
                of.setdefault(topic_id, []).append(comparison)
        return {topic_id: tuple(comparisons) for topic_id, comparisons in of.items()}

    def projects(self, topic: Topic) -> tuple[str, ...]:
        """Project ideas for a topic, falling back to its section's."""
        return topic.projects or self._sections_by_id[topic.section_id].projects

    def resources(self, topic: Topic) -> tuple[Resource, ...]:
        """Resources for a topic, falling back to its section's."""
        return topic.resources or self._sections_by_id[topic.section_id].resources


def lost_ids(previous: Knowledge, current: Knowledge) -> list[str]:
    """Topic ids learners of ``previous`` may hold that ``current`` neither has nor forwards."""
    held = [*previous.topics, *previous.renamed]
    return [i for i in held if i not in current.topics and i not in current.renamed]


@lru_cache(maxsize=STEM_CACHE)
def stem(word: str) -> str:
    """A crude English stem: plurals folded ("databases" -> "database", "stories" -> "story").

    Cached: every word of every question is stemmed, most of them again and again.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word
