"""Ranking topics by how well their use cases and benefits fit a need written in learners' words.

A BM25-style sum over the question's words: each word that appears in a topic's ``use_cases``,
``benefits`` or ``tags`` adds its rarity (inverse document frequency) times the field's weight,
scaled down for topics with many such words (BM25's length normalisation). Words meet by their
English stem (Snowball), so "authenticate" finds "authentication".
Words are read through the knowledge file's ``need_words`` first ("bank" -> "financial",
"transactions"), and the score is never divided by the length of the message, so background
sentences do not push a clear need under the cut-off.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Container, Iterable, Set
from dataclasses import dataclass
from itertools import pairwise

import Stemmer
from rapidfuzz import fuzz

from bot.knowledge import Knowledge, stem
from bot.lru import LruCache
from bot.matching import ByLength
from bot.text import normalize
from bot.wording import GENERAL_WORDS, is_common_english

#: How much each field counts.
FIELD_WEIGHTS = (("use_cases", 1.0), ("tags", 0.8), ("benefits", 0.7))
#: A word the learner wrote counts fully; a word it stands for (``need_words``) a little less.
EXPANSION_WEIGHT = 0.9
#: A use-case word matched through a common English word (bot.wording.GENERAL_WORDS) counts
#: this share: "never" or "day" found in a use case is weak evidence of a need.
GENERAL_WORD_SHARE = 0.5
#: The common English words as the answerer hands them over (plural-folded).
_GENERAL = frozenset(map(stem, GENERAL_WORDS))
#: One learner's word stands for several use-case words ("bank": itself, financial,
#: transactions): its best counts fully, the others this share, so one word is not several
#: pieces of evidence ("cli" found itself and through "local" is one piece).
REST_SHARE = 0.5
#: Two of the question's words side by side that stand side by side in a use case ("real time",
#: "machine learning") add this share of the phrase's rarity on top of the two words.
PAIR_WEIGHT = 0.5
#: Fuzzy score (0-100) for a misspelt word to count as a use-case word.
WORD_CUTOFF = 88
#: Shortest word looked up fuzzily.
FUZZY_MIN_CHARS = 5
#: A name this short that is also an everyday word ("go", "rest") is not read in the other
#: words its stem stands for ("going", "resting").
SHORT_NAME_CHARS = 4
#: BM25's length normalisation: a topic with many use-case words matches more by chance, so
#: each match counts less (0 ignores length, 1 divides by it fully).
LENGTH_WEIGHT = 0.75
#: An ``allowed`` set this small is scored topic by topic (unless the need's scores are held).
FEW_ALLOWED = 32
#: How many needs' scores of every topic are remembered (a list of floats each).
SCORED_CACHE = 4
#: The ranker's helpers: made anew, never pickled.
HELPERS = ("_stemmer", "_expansions", "_scored")
#: How many word stems are remembered.
STEM_CACHE = 8192
#: Typed words whose use-case words (exact, by need or nearest) are remembered (the least
#: recently used are forgotten first; about 150 bytes each).
EXPANSION_CACHE = 16_384
#: A term not found yet: no weight.
_NOTHING = (0.0, "")
#: A question's (stemmed) word, its index key and the use-case words it stands for (weighted).
Expanded = tuple[str, str, list[tuple[str, float]]]


@dataclass(frozen=True, slots=True)
class Fit:
    """How well one topic fits: its score and the texts (use cases, benefits) that matched."""

    topic_id: str
    score: float
    reasons: tuple[str, ...]
    #: How many of the question's words matched (a word and what it stands for count once).
    terms: int = 0
    #: Whether one of them matched a use case (not only a benefit or a tag).
    use_case: bool = False
    #: The score before length normalisation: how much of the need it matched at all.
    evidence: float = 0.0


@dataclass(frozen=True, slots=True)
class _Need:
    """A question's terms as scoring reads them: phrases, and each word with what it stands for."""

    #: (index key, weight) of the phrases, which count fully, in the question's order.
    words: list[tuple[str, float]]
    #: Per learner's word, the (index key, weight) of the use-case words it is and stands for:
    #: the best counts fully, the rest REST_SHARE ("shop": shop, e-commerce, store, catalogs).
    groups: list[list[tuple[str, float]]]

    @classmethod
    def of(cls, terms: dict[str, tuple[float, str]], known: Container[str]) -> _Need:
        """The need of ``terms``, without the words no use case has."""
        words: list[tuple[str, float]] = []
        groups: dict[str, list[tuple[str, float]]] = {}
        for term, (weight, source) in terms.items():
            if term not in known:
                continue
            if " " in term:  # a phrase is evidence of its own
                words.append((term, weight))
            else:
                groups.setdefault(source, []).append((term, weight))
        return cls(words, list(groups.values()))


class UseCaseRanker:
    """An inverted index of use-case words for one knowledge base."""

    def __init__(self, knowledge: Knowledge, ignored: Set[str]) -> None:
        self.knowledge = knowledge
        self._helpers()
        #: Every (plural-folded) word of the use cases, benefits and tags.
        self.words: set[str] = set()
        #: Pairs of adjacent (plural-folded) words in those texts ("machine learning").
        self.pairs: set[tuple[str, str]] = set()
        #: word stem -> topic -> (weight, the text it came from)
        self.postings: dict[str, dict[str, tuple[float, str]]] = defaultdict(dict)
        lengths: dict[str, int] = {}
        # a word read as an ignored one is ignored too ("needing" is "need", "kinds" is "kind")
        ignored_keys = {self.key(stem(word)) for word in ignored}
        for topic in knowledge.topics.values():
            seen: set[str] = set()
            for name, weight in FIELD_WEIGHTS:
                for text in getattr(topic, name):
                    folded = [
                        None if word in ignored or self.key(word) in ignored_keys else word
                        for word in (stem(w) for w in normalize(text.replace("-", " ")).split())
                    ]
                    pairs = [(a, b) for a, b in pairwise(folded) if a and b]
                    self.pairs.update(pairs)
                    for a, b in pairs:
                        key = self.pair_key(a, b)
                        current = self.postings[key].get(topic.id)
                        if current is None or current[0] < weight * PAIR_WEIGHT:
                            self.postings[key][topic.id] = (weight * PAIR_WEIGHT, text)
                    for word in set(folded) - {None}:
                        self.words.add(word)
                        key = self.key(word)
                        seen.add(key)
                        current = self.postings[key].get(topic.id)
                        if current is None or current[0] < weight:
                            self.postings[key][topic.id] = (weight, text)
            lengths[topic.id] = len(seen)
        count = len(knowledge.topics)
        #: BM25's rarity: a word most topics share tells next to nothing about the need.
        self.idf = {
            word: math.log(1 + (count - len(topics) + 0.5) / (len(topics) + 0.5))
            for word, topics in self.postings.items()
        }
        average = max(sum(lengths.values()) / max(len(lengths), 1), 1.0)
        #: Per topic, what each of its matches is multiplied by (BM25's length normalisation).
        self.norm = {
            topic_id: 1 / (1 - LENGTH_WEIGHT + LENGTH_WEIGHT * length / average)
            for topic_id, length in lengths.items()
        }
        self.vocabulary = sorted(key for key in self.postings if " " not in key)
        self._vocabulary_by_length = ByLength(self.vocabulary)
        #: A learner's word (or two side by side: "black friday") -> the use-case words it
        #: stands for, all as index keys.
        self.needs = {
            " ".join(self.key(stem(w)) for w in word.split()): tuple(
                self.key(stem(t)) for t in targets
            )
            for word, targets in knowledge.vocabulary.need_words.items()
        }
        #: Index keys of short names that are also everyday words ("go", "rest"; not plurals
        #: such as "logs"): another word that stems to one ("going", "resting") is that word,
        #: not the name.
        self._short_names = {
            self.key(word): word
            for topic in knowledge.topics.values()
            for word in topic.common_words
            if len(word) <= SHORT_NAME_CHARS and stem(word) == word and " " not in word
        }
        #: The words of two-word needs: each is a word of its own, never a misspelt one.
        self._phrase_words = {part for need in self.needs if " " in need for part in need.split()}
        self._position = {topic_id: position for position, topic_id in enumerate(knowledge.topics)}
        #: Per index key, each topic's part of a match before the question word's weight:
        #: (topic's place, rarity times field weight times length normalisation), for scoring.
        self._gains = {
            term: [
                (self._position[t], self.idf[term] * field * self.norm[t])
                for t, (field, _) in topics.items()
            ]
            for term, topics in self.postings.items()
        }
        self._topic_ids = list(knowledge.topics)
        #: The first keys of the two-word keys and needs: only after one is a pair looked up.
        self._pair_starts = {
            pair.split(" ", 1)[0] for pair in (*self.postings, *self.needs) if " " in pair
        }

    def _helpers(self) -> None:
        """The stemmer and the memories of expansions and scores: made anew, never pickled."""
        self._stemmer = Stemmer.Stemmer("english", STEM_CACHE)
        #: Words people type are endless: their expansions are remembered within a bound.
        self._expansions: LruCache[str, tuple[str, list[tuple[str, float]]]] = LruCache(
            EXPANSION_CACHE
        )
        #: The last needs' scores of every topic (by place): the answerer ranks one need
        #: several times (among a kind, then among all, then the best alone).
        self._scored: LruCache[tuple[tuple[str, tuple[float, str]], ...], list[float]] = LruCache(
            SCORED_CACHE
        )

    def __getstate__(self) -> dict[str, object]:
        """The index as plain data, for a compiled knowledge's cache (no helpers)."""
        return {k: v for k, v in vars(self).items() if k not in HELPERS}

    def __setstate__(self, state: dict[str, object]) -> None:
        """The index read back from the cache, with its helpers made anew."""
        self.__dict__.update(state)
        self._helpers()

    def key(self, word: str) -> str:
        """The index key of a plural-folded word: its English stem ("authenticating": "authent")."""
        return self._stemmer.stemWord(word)

    def pair_key(self, first: str, second: str) -> str:
        """The index key of two (plural-folded) words side by side."""
        return f"{self.key(first)} {self.key(second)}"

    def terms(self, words: Iterable[str]) -> dict[str, tuple[float, str]]:
        """The use-case words a question's (stemmed) words stand for: weight and source word.

        Two words side by side that stand side by side in a use case also count as a phrase,
        and two that are a need word together ("black friday") stand for its words.
        """
        return self.expanded_terms(self.expand(words))

    def expand(self, words: Iterable[str]) -> list[Expanded]:
        """Each (stemmed) word with its index key and the use-case words it stands for."""
        words = list(words)
        remembered, expansion_of = self._expansions.remembered, self._expansion
        # the key serves the pair before and after it; words people type recur, also within
        # a message: each looked up once
        expanded = {word: (word, *remembered(word, expansion_of)) for word in dict.fromkeys(words)}
        return list(map(expanded.__getitem__, words))

    def expanded_terms(self, expanded: Iterable[Expanded]) -> dict[str, tuple[float, str]]:
        """:meth:`terms` of words already expanded (:meth:`expand`), as words read twice."""
        found: dict[str, tuple[float, str]] = {}
        known = found.get
        pair_starts = self._pair_starts
        previous = previous_word = None
        for word, key, expansion in expanded:
            share = GENERAL_WORD_SHARE if word in _GENERAL else 1.0
            for term, weight in expansion:
                weight *= share
                if weight > known(term, _NOTHING)[0]:
                    found[term] = (weight, word)
            if previous in pair_starts:
                pair = f"{previous} {key}"
                if pair in self.postings:
                    found[pair] = (1.0, word)
                needed = self.needs.get(pair, ())
                if needed:  # "text message": an SMS, not the words' own (no real-time chat)
                    for term in [
                        t
                        for t, (_, w) in found.items()
                        if w in (word, previous_word) and t not in (key, previous)
                    ]:
                        del found[term]
                for term in needed:
                    if known(term, _NOTHING)[0] < EXPANSION_WEIGHT:
                        found[term] = (EXPANSION_WEIGHT, word)
            previous, previous_word = key, word
        return found

    def _expansion(self, word: str) -> tuple[str, list[tuple[str, float]]]:
        """One question word's index key and the use-case words it stands for."""
        key = self.key(word)
        expanded = [(target, EXPANSION_WEIGHT) for target in self.needs.get(key, ())]
        if self._short_names.get(key, word) != word:  # "going on nine years": no go
            return key, expanded
        if key in self.postings:
            return key, [(key, 1.0), *expanded]
        if (
            not expanded
            and len(key) >= FUZZY_MIN_CHARS
            and key not in self._phrase_words
            and not is_common_english(word)  # "entered" is no misspelt "center"
        ):
            hit = self._vocabulary_by_length.best(key, fuzz.ratio, WORD_CUTOFF)
            if hit:
                return key, [(self.vocabulary[hit[1]], 1.0)]
        return key, expanded

    def rank(
        self,
        terms: dict[str, tuple[float, str]],
        allowed: Set[str] | None = None,
        limit: int | None = None,
    ) -> list[Fit]:
        """Topics (only ``allowed`` ones, if given) by score, best first (the first ``limit``).

        A few ``allowed`` topics are scored one by one; otherwise every topic is, once per need
        (remembered for the next ranking of it). The reasons only for the topics kept.
        """
        if limit is not None and limit <= 0:
            return []
        key = tuple(terms.items())
        scores = self._scored.get(key)
        if scores is None and allowed is not None and len(allowed) <= FEW_ALLOWED:
            need = _Need.of(terms, self.postings)
            found = [
                (-score, place)
                for topic_id in allowed
                if (place := self._position.get(topic_id)) is not None
                and (score := self._score(need, topic_id)) is not None
            ]
        else:
            if scores is None:
                scores = self._scores(terms)
                self._scored.put(key, scores)
            found = self._best(scores, allowed, limit)
        ranked = sorted(found) if limit is None else heapq.nsmallest(limit, found)
        ids = self._topic_ids
        return [self._fit(ids[place], -score, terms) for score, place in ranked]

    def _scores(self, terms: dict[str, tuple[float, str]]) -> list[float]:
        """Every topic's score (by place; 0 for no match), a word of the need at a time.

        The same sums in the same order as :meth:`_score` (one topic's), so the same floats.
        """
        need = _Need.of(terms, self.postings)
        scores = [0.0] * len(self._topic_ids)
        for term, weight in need.words:
            for place, gain in self._gains[term]:
                scores[place] += gain * weight
        for group in need.groups:
            if len(group) == 1:  # its one word counts fully: top + (top - top) * REST_SHARE
                (term, weight), *_ = group
                for place, gain in self._gains[term]:
                    scores[place] += gain * weight
                continue
            totals: dict[int, float] = {}
            tops: dict[int, float] = {}
            for term, weight in group:
                for place, gain in self._gains[term]:
                    part = gain * weight
                    if place in totals:
                        totals[place] += part
                        tops[place] = max(tops[place], part)
                    else:
                        totals[place] = tops[place] = part
            for place, total in totals.items():
                top = tops[place]
                scores[place] = scores[place] + top + (total - top) * REST_SHARE
        return scores

    def _score(self, need: _Need, topic_id: str) -> float | None:
        """One topic's score (None if nothing matches it): the sums of :meth:`_scores`."""
        score, hit = 0.0, False
        for term, weight in need.words:
            posting = self.postings[term].get(topic_id)
            if posting is not None:
                score += self.idf[term] * posting[0] * self.norm[topic_id] * weight
                hit = True
        for group in need.groups:
            parts = [
                self.idf[term] * posting[0] * self.norm[topic_id] * weight
                for term, weight in group
                if (posting := self.postings[term].get(topic_id)) is not None
            ]
            if parts:
                total = parts[0]
                for part in parts[1:]:
                    total += part
                top = max(parts)
                score = score + top + (total - top) * REST_SHARE
                hit = True
        return score if hit else None

    def _best(
        self, scores: list[float], allowed: Set[str] | None, limit: int | None
    ) -> list[tuple[float, int]]:
        """(minus score, place) of the matching (allowed) topics that may be the first ``limit``."""
        if allowed is not None:
            position = self._position
            return [
                (-scores[place], place)
                for topic_id in allowed
                if (place := position.get(topic_id)) is not None and scores[place]
            ]
        if limit is None:
            return [(-score, place) for place, score in enumerate(scores) if score]
        found: list[tuple[float, int]] = []
        for score in sorted(set(heapq.nlargest(limit, scores)), reverse=True):
            place = -1
            while score and len(found) < limit:  # the topics of this score, in roadmap order
                try:
                    place = scores.index(score, place + 1)
                except ValueError:
                    break
                found.append((-score, place))
        return found

    def _fit(self, topic_id: str, score: float, terms: dict[str, tuple[float, str]]) -> Fit:
        """One ranked topic's fit: what of the question matched it, and where."""
        evidence = 0.0
        reasons: dict[str, float] = {}
        matched: set[str] = set()
        use_case = False
        norm = self.norm[topic_id]
        tags = self.knowledge.topics[topic_id].tags  # why it matched, but no reason to quote
        stands_for: dict[str, float] = {}  # per learner's word, its best term (as in rank)
        for term, (weight, source) in terms.items():
            hit = self.postings.get(term, {}).get(topic_id)
            if hit is None:
                continue
            field_weight, text = hit
            raw = self.idf[term] * field_weight * weight
            if " " not in term:
                top = stands_for.get(source, 0.0)
                raw = raw - top * (1 - REST_SHARE) if raw > top else raw * REST_SHARE
                stands_for[source] = max(top, self.idf[term] * field_weight * weight)
            evidence += raw
            matched.add(source)
            if text not in tags:
                reasons[text] = reasons.get(text, 0.0) + raw * norm
            use_case = use_case or field_weight == FIELD_WEIGHTS[0][1]
        return Fit(
            topic_id,
            score,
            tuple(sorted(reasons, key=lambda text: -reasons[text])),
            len(matched),
            use_case,
            evidence,
        )
