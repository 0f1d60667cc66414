"""The use-case ranker: words and phrases of a need against topics' use cases."""

from __future__ import annotations

import functools
import operator

from hypothesis import given, settings
from hypothesis import strategies as st

from bench import scaled_knowledge
from bot.knowledge import Knowledge, parse_knowledge, stem
from bot.use_cases import GENERAL_WORD_SHARE, REST_SHARE, UseCaseRanker
from bot.wording import GENERAL_WORDS, STOP

#: Words of needs, some shared by many topics (so scores tie), some by few.
NEED_WORDS = [
    "fast",
    "api",
    "data",
    "real",
    "time",
    "web",
    "app",
    "scale",
    "team",
    "secure",
    "bank",
    "chat",
    "game",
    "store",
]
_RANKERS: dict[int, UseCaseRanker] = {}


def _ranker(knowledge: Knowledge) -> UseCaseRanker:
    """One ranker per knowledge object (hypothesis calls a test many times)."""
    return _RANKERS.setdefault(id(knowledge), UseCaseRanker(knowledge, ignored=STOP))


def test_words_side_by_side_in_a_use_case_count_as_a_phrase(knowledge: Knowledge) -> None:
    """ "real time" fits a real-time use case better than "time" and "real" apart."""
    ranker = UseCaseRanker(knowledge, ignored=STOP)
    phrase = ranker.terms([stem("real"), stem("time")])
    apart = ranker.terms([stem("time"), stem("real")])
    assert set(phrase) - set(apart) == {ranker.pair_key("real", "time")}
    together, loose = ranker.rank(phrase, limit=1)[0], ranker.rank(apart, limit=1)[0]
    assert together.topic_id == loose.topic_id
    assert together.score > loose.score
    assert together.terms == loose.terms  # a phrase is no extra word of the message


def test_two_words_side_by_side_can_be_a_need_word(knowledge: Knowledge) -> None:
    """ "black friday" stands for a sale's traffic spike; "friday" or "black" alone for nothing."""
    ranker = UseCaseRanker(knowledge, ignored=STOP)
    spike = ranker.key("spikes")
    assert spike in ranker.terms([stem("black"), stem("friday")])
    assert spike not in ranker.terms([stem("friday"), stem("black")])
    assert not ranker.terms([stem("black")])  # a word of a need, not a misspelt "back"


@given(words=st.lists(st.sampled_from(NEED_WORDS), min_size=1, max_size=6), limit=st.integers(0, 6))
@settings(max_examples=200, deadline=None)
def test_the_first_few_are_the_first_of_the_whole_ranking(
    knowledge: Knowledge, words: list[str], limit: int
) -> None:
    """A limit orders only the best scores: same topics, same order, ties in roadmap order."""
    ranker = _ranker(knowledge)
    terms = ranker.terms([stem(word) for word in words])
    assert ranker.rank(terms, limit=limit) == ranker.rank(terms)[:limit]
    allowed = set(list(knowledge.topics)[::3])
    assert ranker.rank(terms, allowed, limit) == ranker.rank(terms, allowed)[:limit]


@functools.cache
def _doubled() -> UseCaseRanker:
    """A ranker over two copies of every topic: each score ties with its copy's."""
    text = scaled_knowledge.scaled_text(2, scaled_knowledge.SOURCE.read_bytes())
    return UseCaseRanker(parse_knowledge(text), ignored=STOP)


def _scored_plainly(
    ranker: UseCaseRanker, terms: dict[str, tuple[float, str]], allowed: set[str] | None
) -> list[tuple[str, float]]:
    """Every (allowed) topic scored term by term over all postings, best first, ties in order.

    A learner's word (itself and the use-case words it stands for) counts its best fully and
    the rest REST_SHARE; a phrase counts on its own; sums run in the order of the terms, as
    the ranker's.
    """
    scores: dict[str, float] = {}
    stood_for: dict[str, dict[str, list[float]]] = {}
    for term, (weight, source) in terms.items():
        for topic_id, (field, _) in ranker.postings.get(term, {}).items():
            gain = ranker.idf[term] * field * ranker.norm[topic_id] * weight
            if " " not in term:
                stood_for.setdefault(source, {}).setdefault(topic_id, []).append(gain)
            else:
                scores[topic_id] = scores.get(topic_id, 0.0) + gain
    for by_topic in stood_for.values():
        for topic_id, gains in by_topic.items():
            top, total = max(gains), functools.reduce(operator.add, gains)
            scores[topic_id] = scores.get(topic_id, 0.0) + top + (total - top) * REST_SHARE
    order = {topic_id: place for place, topic_id in enumerate(ranker.knowledge.topics)}
    kept = [t for t in scores if allowed is None or t in allowed]
    return [(t, scores[t]) for t in sorted(kept, key=lambda t: (-scores[t], order[t]))]


@given(
    data=st.data(),
    weights=st.lists(st.sampled_from([1.0, 1.0, 0.9, 0.45]), min_size=1, max_size=25),
    allowed_size=st.sampled_from([None, 1, 3, 40, 400]),
    limit=st.sampled_from([None, 0, 1, 2, 3, 5]),
)
@settings(max_examples=150, deadline=None)
def test_the_ranking_is_the_plain_scoring_of_every_topic(
    data: st.DataObject, weights: list[float], allowed_size: int | None, limit: int | None
) -> None:
    """Whatever is asked (all topics, a few, the first ``limit``; again from memory), the
    ranking is every topic scored plainly, sorted: the same topics, the same floats."""
    ranker = _doubled()
    topics = list(ranker.knowledge.topics)
    # the words of two topics' use cases (so that topics match several), and one of none
    two = data.draw(st.lists(st.sampled_from(topics), min_size=2, max_size=2))
    keys = st.sampled_from(
        [*sorted(k for k, posting in ranker.postings.items() if {*two} & {*posting}), "nosuch"]
    )
    terms = {data.draw(keys): (weight, data.draw(st.sampled_from("abcd"))) for weight in weights}
    allowed = None
    if allowed_size is not None:
        allowed = set(data.draw(st.permutations(topics))[:allowed_size]) | {"no-such-topic"}
    for where, first in ((allowed, limit), (None, None), (allowed, limit), (None, 3)):
        ranked = ranker.rank(terms, where, first)  # the second and later from memory
        assert [(fit.topic_id, fit.score) for fit in ranked] == _scored_plainly(
            ranker, terms, where
        )[:first]


def test_a_phrase_is_not_a_word_to_correct_a_typo_to(knowledge: Knowledge) -> None:
    ranker = UseCaseRanker(knowledge, ignored=STOP)
    assert all(" " not in word for word in ranker.vocabulary)


def test_a_word_read_as_an_ignored_word_is_no_use_case_word(knowledge: Knowledge) -> None:
    """ "needing" is read as "need", a word of every message: it matches no use case."""
    ranker = UseCaseRanker(knowledge, ignored=STOP | {"tool"})
    assert ranker.key("needing") == ranker.key("need")
    assert not {"needing", "knowing", "tooling"} & ranker.words
    assert ranker.key("need") not in ranker.postings
    assert not ranker.rank(ranker.terms([stem("needing")]))


def test_one_word_standing_for_several_use_case_words_is_one_piece_of_evidence(
    knowledge: Knowledge,
) -> None:
    """ "bank" stands for "financial" and "transactions": more than either, less than two words."""
    ranker = UseCaseRanker(knowledge, ignored=STOP)
    financial, transactions = ranker.key("financial"), ranker.key("transactions")

    def sql(terms: dict[str, tuple[float, str]]) -> float:
        return next(f for f in ranker.rank(terms) if f.topic_id == "sql").score

    one = sql({financial: (0.9, "bank")})
    both = sql({financial: (0.9, "bank"), transactions: (0.9, "bank")})
    two_words = sql({financial: (0.9, "bank"), transactions: (0.9, "ledger")})
    assert one < both < two_words
    # the word itself is in a use case too: still one piece of evidence, not two
    itself = sql({ranker.key("bank"): (1.0, "bank")})
    bank = sql(ranker.terms([stem("bank")]))
    assert max(itself, both) < bank < itself + both


def test_a_common_english_word_is_half_the_evidence_of_its_use_case_word(
    knowledge: Knowledge,
) -> None:
    """ "never" or "night" found in a use case says little: "night shifts, never sleep"."""
    ranker = UseCaseRanker(knowledge, ignored=STOP)
    for word in ("never", "day"):
        assert word in GENERAL_WORDS
        key = ranker.key(word)
        assert key in ranker.postings, word  # the knowledge file's use cases use the word
        assert ranker.terms([stem(word)])[key] == (GENERAL_WORD_SHARE, stem(word))
    assert ranker.terms([stem("bank")])[ranker.key("bank")][0] == 1.0
    assert ranker.terms([stem("real"), stem("time")])[ranker.pair_key("real", "time")][0] == 1.0


def test_a_word_most_topics_share_tells_little_about_the_need(knowledge: Knowledge) -> None:
    """BM25's rarity: a word in most topics' use cases weighs a fraction of a rare one."""
    ranker = UseCaseRanker(knowledge, ignored=STOP)
    half = len(knowledge.topics) / 2
    shared = [ranker.idf[w] for w, topics in ranker.postings.items() if len(topics) > half]
    rare = [ranker.idf[w] for w, topics in ranker.postings.items() if len(topics) == 1]
    assert shared and rare
    assert min(rare) > 5 * max(shared)


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from([*NEED_WORDS, "sql", "nosql", "install", "learn"]), min_size=1)
)
def test_the_reasons_of_a_fit_are_its_use_cases_and_benefits_never_a_tag(
    knowledge: Knowledge, words: list[str]
) -> None:
    """A tag ("sql" on MySQL) can make a topic fit, but a learner is only shown what it is for."""
    ranker = _ranker(knowledge)
    for fit in ranker.rank(ranker.terms([stem(w) for w in words])):
        topic = knowledge.topics[fit.topic_id]
        assert set(fit.reasons) <= {*topic.use_cases, *topic.benefits}
