"""Understanding free-text questions: which topics they name and what they ask about them.

Everything roadmap-specific comes from the knowledge base (topic names, kinds, use cases,
benefits, the roadmap's title); only English question words live here.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.knowledge import Knowledge
from bot.matching import NameIndex
from bot.text import normalize

#: Fuzzy score (0-100) a phrase needs to count as naming a topic.
MENTION_CUTOFF = 85
#: Below MENTION_CUTOFF but above this, a phrase is offered as "did you mean".
NEAR_MISS_CUTOFF = 72
#: Fuzzy score for a question word to match a use-case word or a cue word.
WORD_CUTOFF = 84
#: In a fuzzy multi-word match, how alike each pair of words must be.
WORD_PAIR_CUTOFF = 70
#: Longest phrase (in words) looked up as a topic name.
MAX_PHRASE_WORDS = 3
#: Use-case ranking: a topic needs at least this share of the question's key words.
USE_CASE_MIN_SCORE = 0.34
#: How many topics a use-case answer names.
USE_CASE_TOPICS = 3


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _wordset(
    """a an the i im me my we you your it its is are was be to of in on at for with and or but do
    does did how what whats which who why when where can could should shud would will pls please
    about tell explain show give get need want use using used like good best better vs versus more
    most some sum any this that these those there here just so very really thing things stuff kind
    type sort one ones know"""
)
_COMPARE_CUES = _wordset(
    "vs versus compare comparison compared difference differences diff between against or better"
)
_RESOURCE_CUES = _wordset(
    """resource resources docs doc documentation tutorial tutorials course courses book books guide
    guides link links material materials read reading study learn lern reference official manual
    where"""
)
_PROJECT_CUES = _wordset("project projects idea ideas build practice portfolio create")
_USE_CASE_CUES = _wordset(
    "best good better suited ideal recommend recommended should shud which wich"
)
_OVERVIEW_CUES = _wordset(
    """roadmap start begin beginner beginners first next path overview steps step skills become
    career new where"""
)
#: After one of these, a name that is also an everyday word (a knowledge file's
#: ``common_words``: "i go", "the rest") is not taken as naming a topic.
_VERB_CONTEXT = _wordset("i to you we they it should can will let lets must wanna gonna the of")
#: Greetings and thanks: a question made only of these (and stop words) is small talk.
_SMALL_TALK = _wordset("hi hello hey hiya yo thanks thank thx ty cheers bye goodbye help")


class Outcome(enum.StrEnum):
    """How a question was dealt with: what the core may record and the eval scores."""

    #: A confident answer from the roadmap.
    ANSWERED = "answered"
    #: Unsure between a few readings: they are offered as choices.
    ASKED_BACK = "asked_back"
    #: It names technology this roadmap does not cover.
    NOT_COVERED = "not_covered"
    #: A greeting, thanks or a question about the bot itself.
    SMALL_TALK = "small_talk"
    #: Not about the roadmap, or not understood.
    REFUSED = "refused"


class Intent(enum.StrEnum):
    """What a question asks for."""

    TOPIC = "topic"
    COMPARE = "compare"
    USE_CASE = "use_case"
    RESOURCES = "resources"
    PROJECTS = "projects"
    OVERVIEW = "overview"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Understanding:
    """What a question was understood to ask: an intent and the topics, best first."""

    question: str
    intent: Intent
    topic_ids: tuple[str, ...]
    confident: bool
    reasons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The roadmap step the question is about as a whole ("what is devops"), if any.
    section_id: str | None = None
    #: For "which framework for python": the topic whose children ``topic_ids`` are.
    parent_id: str | None = None
    #: A greeting, thanks or "what can you do": not a question about the roadmap.
    small_talk: bool = False

    @property
    def outcome(self) -> Outcome:
        """How the question was dealt with."""
        if self.confident:
            return Outcome.ANSWERED
        if self.small_talk:
            return Outcome.SMALL_TALK
        return Outcome.ASKED_BACK if self.topic_ids else Outcome.REFUSED


@dataclass(frozen=True, slots=True)
class _Mention:
    id: str
    name: str
    score: float
    start: int
    end: int
    weak: bool


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _same_words(phrase: str, name: str) -> bool:
    """Whether a fuzzy phrase match holds word by word (so "app backend" is not "php backend")."""
    left, right = phrase.split(), name.split()
    return len(left) == len(right) and all(
        a == b or fuzz.ratio(a, b) >= WORD_PAIR_CUTOFF for a, b in zip(left, right, strict=True)
    )


def _is_small_talk(words: list[str]) -> bool:
    """Greetings, thanks, or a question about the bot itself ("what can you do")."""
    return (
        bool(words)
        and all(w in _STOP or w in _SMALL_TALK for w in words)
        and bool(_SMALL_TALK & set(words) or "you" in words)
    )


def _words(text: str) -> list[str]:
    return normalize(text.replace("-", " ")).split()


class QuestionAnswerer:
    """Understands questions about one knowledge base; build once, ask many times."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.topic_names = knowledge.topic_names
        self.kinds = {
            _stem(word): kind for kind, words in knowledge.kinds.items() for word in (kind, *words)
        }
        title_words = {_stem(w) for w in _words(knowledge.info.title)} - _STOP
        self.overview_cues = _OVERVIEW_CUES | title_words
        # Inverted index of use-case words: word -> topic -> (weight, the use case it came from).
        self.use_words: dict[str, dict[str, tuple[float, str]]] = defaultdict(dict)
        for topic in knowledge.topics.values():
            for weight, texts in ((1.0, topic.use_cases), (0.6, topic.benefits), (0.8, topic.tags)):
                for text in texts:
                    for word in {_stem(w) for w in _words(text)} - _STOP:
                        current = self.use_words[word].get(topic.id)
                        if current is None or current[0] < weight:
                            self.use_words[word][topic.id] = (weight, text)
        self.vocabulary = list(self.use_words)
        self.cue_vocabulary = sorted(
            _COMPARE_CUES | _RESOURCE_CUES | _PROJECT_CUES | self.overview_cues | set(self.kinds)
        )
        self.comparison_phrases = {
            " ".join(_words(alias)): comparison.topic_ids
            for comparison in knowledge.comparisons
            for alias in comparison.aliases
        }

    def understand(self, question: str) -> Understanding:
        """Work out the intent and the topics of ``question``."""
        words = _words(question)
        mentions = self._mentions(words, self.topic_names)
        named = {i for m in mentions for i in range(m.start, m.end)}
        cues = self._cues([w for i, w in enumerate(words) if i not in named])
        topic_ids = tuple(dict.fromkeys(m.id for m in mentions))
        kind = next((self.kinds[c] for c in cues if c in self.kinds), None)
        asks_which = bool(_USE_CASE_CUES & set(words)) or (kind is not None and "what" in words)

        if len(topic_ids) >= 2 and (
            cues & _COMPARE_CUES or (len(topic_ids) == 2 and "or" in words)
        ):
            return Understanding(question, Intent.COMPARE, topic_ids[:3], True)
        compared = self._named_comparison(words) if len(topic_ids) < 2 else None
        if compared:
            return Understanding(question, Intent.COMPARE, compared, True)
        asks_other_kind = bool(kind and asks_which and self._topic_kind_differs(topic_ids, kind))
        if topic_ids and asks_other_kind:
            children = tuple(
                child.id for child in self.knowledge.children(topic_ids[0]) if child.kind == kind
            )
            if children:
                reasons = {c: self.knowledge.topics[c].use_cases for c in children}
                return Understanding(
                    question, Intent.USE_CASE, children, True, reasons, parent_id=topic_ids[0]
                )
        if topic_ids and not asks_other_kind:
            if cues & _PROJECT_CUES:
                return Understanding(question, Intent.PROJECTS, topic_ids[:1], True)
            if cues & _RESOURCE_CUES:
                return Understanding(question, Intent.RESOURCES, topic_ids[:1], True)
            return Understanding(question, Intent.TOPIC, topic_ids, True)
        section_id = next(
            (
                m.id
                for m in self._mentions(words, self.knowledge.section_names, named)
                if not self._is_overview_phrase(m.name)
            ),
            None,
        )
        section = self.knowledge.section(section_id) if section_id else None
        step_topics = section.topic_ids if section else ()
        if cues & _PROJECT_CUES:
            return Understanding(
                question, Intent.PROJECTS, step_topics, True, section_id=section_id
            )
        if asks_which:
            ranked, reasons = self._rank_use_cases(words, kind, exclude=set(topic_ids))
            if ranked:
                return Understanding(question, Intent.USE_CASE, ranked, True, reasons)
        if section_id:
            return Understanding(question, Intent.TOPIC, step_topics, True, section_id=section_id)
        if cues & self.overview_cues:
            return Understanding(question, Intent.OVERVIEW, (), True)
        if _is_small_talk(words):
            return Understanding(question, Intent.UNKNOWN, (), False, small_talk=True)
        near = self._near_misses(words)
        return Understanding(question, Intent.UNKNOWN, near, False)

    def _is_overview_phrase(self, name: str) -> bool:
        """Whether a name only names the roadmap as a whole ("what is backend")."""
        return all(w in _STOP or _stem(w) in self.overview_cues for w in name.split())

    def _topic_kind_differs(self, topic_ids: tuple[str, ...], kind: str) -> bool:
        """True when the question asks for a kind of thing other than what it names."""
        return all(self.knowledge.topics[t].kind != kind for t in topic_ids)

    def _cues(self, words: list[str]) -> set[str]:
        found: set[str] = set()
        for word in words:
            stem = _stem(word)
            if stem in self.cue_vocabulary or word in self.cue_vocabulary:
                found.add(stem if stem in self.cue_vocabulary else word)
            elif len(word) >= 5:
                hit = process.extractOne(
                    stem, self.cue_vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF
                )
                if hit is not None:
                    found.add(hit[0])
        return found

    def _named_comparison(self, words: list[str]) -> tuple[str, ...]:
        """The topics of a comparison whose alias the question contains ("which cloud provider")."""
        padded = f" {' '.join(words)} "
        found = [phrase for phrase in self.comparison_phrases if f" {phrase} " in padded]
        return self.comparison_phrases[max(found, key=len)] if found else ()

    def _mentions(
        self, words: list[str], index: NameIndex, skip: Set[int] = frozenset()
    ) -> list[_Mention]:
        """The names of ``index`` the question mentions, left to right, longest phrases first."""
        taken = [i in skip for i in range(len(words))]
        found: list[_Mention] = []
        for size in range(MAX_PHRASE_WORDS, 0, -1):
            for start in range(len(words) - size + 1):
                end = start + size
                if any(taken[start:end]):
                    continue
                phrase_words = words[start:end]
                if all(w in _STOP for w in phrase_words):
                    continue
                phrase = " ".join(phrase_words)
                mention = self._lookup(index, phrase, start, end)
                if mention is not None:
                    found.append(mention)
                    taken[start:end] = [True] * size
        kept = [m for m in found if not (m.weak and self._used_as_english(m, words))]
        return sorted(kept, key=lambda m: m.start)

    def _lookup(self, index: NameIndex, phrase: str, start: int, end: int) -> _Mention | None:
        weak = end - start == 1 and phrase in self.knowledge.common_words
        *head, last = phrase.split()
        exact = index.exact(phrase) or index.exact(" ".join([*head, _stem(last)]))
        if exact is not None:
            return _Mention(exact, phrase, 100.0, start, end, weak)
        if (
            len(phrase.replace(" ", "")) < 4
            or phrase.split()[0] in _STOP
            or phrase.split()[-1] in _STOP
        ):
            return None
        hit = index.fuzzy(phrase, MENTION_CUTOFF)
        if hit is None or not _same_words(phrase, hit.name):
            return None
        return _Mention(hit.id, hit.name, hit.score, start, end, weak)

    @staticmethod
    def _used_as_english(mention: _Mention, words: list[str]) -> bool:
        before = words[mention.start - 1] if mention.start > 0 else ""
        return before in _VERB_CONTEXT

    def _near_misses(self, words: list[str]) -> tuple[str, ...]:
        near: dict[str, float] = {}
        for word in words:
            if word in _STOP or len(word) < 4:
                continue
            hit = self.topic_names.fuzzy(word, NEAR_MISS_CUTOFF)
            if hit is not None and hit.score > near.get(hit.id, 0):
                near[hit.id] = hit.score
        return tuple(sorted(near, key=lambda i: -near[i]))[:3]

    def _rank_use_cases(
        self, words: list[str], kind: str | None, exclude: set[str]
    ) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
        keys = [_stem(w) for w in words if w not in _STOP and _stem(w) not in self.kinds]
        keys = [k for k in keys if k not in _USE_CASE_CUES and k not in self.cue_vocabulary]
        if not keys:
            return (), {}
        scores: dict[str, float] = defaultdict(float)
        reasons: dict[str, list[str]] = defaultdict(list)
        for key in dict.fromkeys(keys):
            hits = process.extract(
                key, self.vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=3
            )
            best_per_topic: dict[str, tuple[float, str]] = {}
            for word, score, _ in hits:
                for topic_id, (weight, text) in self.use_words[word].items():
                    value = weight * score / 100
                    if value > best_per_topic.get(topic_id, (0.0, ""))[0]:
                        best_per_topic[topic_id] = (value, text)
            for topic_id, (value, text) in best_per_topic.items():
                scores[topic_id] += value
                if text not in reasons[topic_id]:
                    reasons[topic_id].append(text)
        topics = self.knowledge.topics
        candidates = {
            topic_id: score / len(keys)
            for topic_id, score in scores.items()
            if (kind is None or topics[topic_id].kind == kind) and topic_id not in exclude
        }
        ranked = sorted(
            (t for t, s in candidates.items() if s >= USE_CASE_MIN_SCORE),
            key=lambda t: (-candidates[t], list(topics).index(t)),
        )[:USE_CASE_TOPICS]
        return tuple(ranked), {t: tuple(reasons[t]) for t in ranked}
