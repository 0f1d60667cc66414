"""The name index: its shortcuts give exactly what scoring every name would."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from string import ascii_lowercase, digits

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from bot.gram_filter import GramFilter, bigrams, least_common, least_shared
from bot.knowledge import Knowledge
from bot.lru import LruCache
from bot.matching import _CANDIDATES, ByLength, Match, NameIndex, _prefix_score
from bot.names import PLACE_CACHE, NameFinder
from bot.questions import QuestionAnswerer
from bot.text import normalize

#: Few letters, so that typed strings often come close to names.
LETTERS = "abcdeilnoprstu "
names = st.text(alphabet=LETTERS, min_size=1, max_size=16)


def linear_fuzzy(index: NameIndex, phrase: str, cutoff: float) -> tuple[str, float] | None:
    """``NameIndex.fuzzy`` the plain way (name and score): every name scored, the first best."""
    hit = process.extractOne(phrase, index.names, scorer=fuzz.ratio, score_cutoff=cutoff)
    return None if hit is None else (hit[0], float(hit[1]))


def named(match: Match | None) -> tuple[str, float] | None:
    return None if match is None else (match.name, match.score)


@given(
    entries=st.lists(st.tuples(names, st.sampled_from("xyz")), min_size=1, max_size=40),
    phrase=st.text(alphabet=LETTERS, max_size=20),
    cutoff=st.sampled_from([0, 50, 60, 75, 85, 88, 99.5, 100]),
)
@settings(max_examples=400, deadline=None)
def test_fuzzy_gives_what_scoring_every_name_gives(entries, phrase, cutoff) -> None:
    index = NameIndex(entries)
    found = index.fuzzy(phrase, cutoff)
    assert named(found) == linear_fuzzy(index, phrase, cutoff)
    if found is not None:  # the id of the first entry with that name
        assert found.id == next(t for n, t in entries if normalize(n) == found.name)


@given(
    entries=st.lists(st.tuples(names, st.sampled_from("xyz")), min_size=1, max_size=40),
    phrase=st.text(alphabet=LETTERS, max_size=20).map(normalize),
    cutoff=st.sampled_from([0, 50, 75, 85, 88, 100]),
)
@settings(max_examples=400, deadline=None)
def test_fuzzy_alike_is_the_best_match_when_it_has_as_many_words(entries, phrase, cutoff) -> None:
    index = NameIndex(entries)
    best = index.fuzzy(phrase, cutoff)
    alike = best is not None and len(best.name.split()) == len(phrase.split())
    assert index.fuzzy_alike(phrase, cutoff) == (best if alike else None)
    index._by_words = {}  # as for many names: all scored at once
    assert index.fuzzy_alike(phrase, cutoff) == (best if alike else None)


def test_fuzzy_on_the_roadmap_matches_the_linear_scan(knowledge: Knowledge) -> None:
    index = knowledge.topic_names
    for phrase in ["pyhton", "postgrs", "dokcer", "djnago", "kubernets", "javscript", "go"]:
        for cutoff in (75, 85):
            assert named(index.fuzzy(phrase, cutoff)) == linear_fuzzy(index, phrase, cutoff)


MISSPELT_PHRASES = [
    "rubi on rails",
    "mongdb atlas",
    "microsoft azzure",
    "spring bot",
    "react natve",
    "google clod platform",
    "django flsk",
    "django tutorial",
    "postgres database",
    "docker compse file",
]


def test_misspelt_names_skip_only_indexes_that_cannot_match_word_by_word(
    knowledge: Knowledge, monkeypatch
) -> None:
    finder = NameFinder(QuestionAnswerer(knowledge).lexicon)
    pruned = [finder._fuzzy_name(phrase) for phrase in MISSPELT_PHRASES]
    assert False in finder._in_place._data.values()  # some index was not scored
    finder._in_place = LruCache(PLACE_CACHE)
    monkeypatch.setattr(finder, "_alike_in_place", lambda key: True)  # every index scored
    assert pruned == [finder._fuzzy_name(phrase) for phrase in MISSPELT_PHRASES]
    assert [m.id for m in pruned if m] == [
        "rails",
        "mongodb",
        "azure",
        "spring-boot",
        "~react-native",
        "gcp",
    ]


#: Names and queries of every kind: few letters (so that they often come close), spaces, odd
#: Unicode (accents, combining marks, CJK, emoji, astral characters), repeated bigrams.
odd_text = st.one_of(
    st.text(
        alphabet=st.one_of(st.sampled_from(LETTERS + "aaee"), st.characters(codec="utf-8")),
        max_size=24,
    ),
    st.text(alphabet="ab ", max_size=16),  # the same bigrams again and again
)
CUTOFFS = [0, 50, 60, 66.7, 70, 75, 84, 85, 88, 99.5, 100]


@given(first=odd_text, second=odd_text, cutoff=st.sampled_from(CUTOFFS))
@settings(max_examples=1000, deadline=None)
def test_strings_alike_share_what_the_bounds_say(first, second, cutoff) -> None:
    """The bounds the name filter prunes with hold for every pair that reaches a cutoff."""
    if fuzz.ratio(first, second) >= cutoff:
        characters = sum((Counter(first) & Counter(second)).values())
        assert characters >= least_common(len(first), len(second), cutoff)
        pairs = sum((Counter(bigrams(first)) & Counter(bigrams(second))).values())
        assert pairs >= least_shared(len(first), len(second), cutoff)


def spelling_variants(texts: list[str]) -> list[list[str]]:
    """The strings as a name index scores them: as given, without spaces, words sorted."""
    return [
        texts,
        [text.replace(" ", "") for text in texts],
        [" ".join(sorted(text.split())) for text in texts],
    ]


@given(
    texts=st.lists(odd_text, max_size=80),
    query=odd_text,
    cutoff=st.sampled_from(CUTOFFS),
    scorer=st.sampled_from([fuzz.ratio, fuzz.token_sort_ratio]),
)
@settings(max_examples=600, deadline=None)
def test_filtered_hits_are_the_plain_scans(texts, query, cutoff, scorer) -> None:
    for variant in spelling_variants(texts):
        filtered = ByLength(variant, filter_from=0)
        plain = ByLength(variant, filter_from=math.inf)
        assert filtered.hits(query, scorer, cutoff) == plain.hits(query, scorer, cutoff)


def reference_bit_sets(parts: list[set[str]]) -> dict[str, int]:
    """Each part's bit set the plain way: a bit for each string (position) having it."""
    every = set().union(*parts)
    return {part: sum(1 << at for at, found in enumerate(parts) if part in found) for part in every}


@given(texts=st.lists(odd_text, max_size=80))
@settings(max_examples=300, deadline=None)
def test_bit_sets_hold_the_strings_having_each_part(texts) -> None:
    texts.sort(key=len)
    index = GramFilter(texts, [len(text) for text in texts])
    repeated = [  # a character once per repeat: "e", then "e2", "e3"...
        {
            character + (str(seen) if seen > 1 else "")
            for character, repeats in Counter(text).items()
            for seen in range(1, repeats + 1)
        }
        for text in texts
    ]
    assert index._characters == reference_bit_sets(repeated)
    pairs = [{text[at : at + 2] for at in range(len(text) - 1)} for text in texts]
    assert index._bigrams == reference_bit_sets(pairs)


@given(entries=st.lists(st.tuples(odd_text, st.just("x")), max_size=60))
@settings(max_examples=300, deadline=None)
def test_names_with_words_sorted_share_what_they_would_build(entries) -> None:
    """Sorting a normalized name's words keeps its characters: their index shares the names'."""
    names = NameIndex(entries).names
    texts = [" ".join(sorted(name.split())) for name in names]
    alone = ByLength(texts, filter_from=0)
    shared = ByLength(texts, filter_from=0, anagrams=ByLength(names, filter_from=0))
    assert vars(shared._filter) == vars(alone._filter)
    shared._filter = alone._filter = None
    assert vars(shared) == vars(alone)


def test_the_filter_leaves_few_names_of_the_roadmap_to_score(knowledge: Knowledge) -> None:
    names = ByLength(knowledge.topic_names.names, filter_from=0)
    for typo in ["postgrs", "javascirpt", "pyhton"]:
        for cutoff in (85, 60):  # bigrams prune the first, characters the second
            hits = names.hits(typo, fuzz.ratio, cutoff)
            assert hits  # the topic is found, having been scored...
            kept = names._filter.candidates(typo, cutoff, 0, len(names._texts))
            assert kept is not None and len(kept) < len(names._texts) / 10  # ...with few others
            assert {position for _, position in hits} <= {names._order[at] for at in kept}


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
@settings(max_examples=500, deadline=None)
def test_ascii_text_normalizes_as_accented_text_does(text: str) -> None:
    """ASCII text takes a faster path; an accent (dropped) sends it down the general one."""
    folded = normalize(text)
    assert folded == normalize(text + "\u0301")
    assert folded == " ".join(folded.split())
    assert not set(folded) - set(ascii_lowercase + digits + "+# ")


def linear_search(
    index: NameIndex, entries: list[tuple[str, str]], query: str, limit: int, cutoff: float
) -> list[Match]:
    """``NameIndex.search`` as it was: three scorers over every name, then prefixes."""
    targets: dict[str, str] = {}
    for name, target in entries:
        if normalize(name):
            targets.setdefault(normalize(name), target)
    names = index.names
    key = normalize(query)
    if not key:
        return []
    best: dict[str, Match] = {}
    exact = index.exact(key)
    if exact is not None:
        best[exact] = Match(exact, key, 100.0)
    scores: dict[int, float] = {}
    compact = key.replace(" ", "")
    searches = [(key, names, fuzz.ratio), (key, names, fuzz.token_sort_ratio)]
    if len(compact) > 3:
        searches.append((compact, [n.replace(" ", "") for n in names], fuzz.ratio))
    for text, choices, scorer in searches:
        for _, score, position in process.extract(
            text, choices, scorer=scorer, limit=_CANDIDATES, score_cutoff=cutoff
        ):
            scores[position] = max(scores.get(position, 0.0), float(score))
    ordered = sorted(names)
    if len(key) >= 3:
        position = bisect_left(ordered, key)
        while position < len(ordered) and ordered[position].startswith(key):
            at = names.index(ordered[position])
            scores[at] = max(scores.get(at, 0.0), _prefix_score(key, ordered[position]))
            position += 1
    for position, score in scores.items():
        target = targets[names[position]]
        if score >= cutoff and (target not in best or best[target].score < score):
            best[target] = Match(target, names[position], score)
    return sorted(best.values(), key=lambda match: -match.score)[:limit]


@given(
    entries=st.lists(st.tuples(names, st.sampled_from("vwxyz")), min_size=1, max_size=60),
    query=st.text(alphabet=LETTERS, max_size=20),
    limit=st.sampled_from([1, 3, 25]),
    cutoff=st.sampled_from([0, 50, 60, 88]),
)
@settings(max_examples=400, deadline=None)
def test_search_gives_what_scoring_every_name_gives(entries, query, limit, cutoff) -> None:
    index = NameIndex(entries)
    expected = linear_search(index, entries, query, limit, cutoff)
    assert index.search(query, limit, cutoff) == expected


@given(
    entries=st.lists(st.tuples(names, st.sampled_from("xyz")), max_size=40),
    query=st.text(alphabet=LETTERS, max_size=20),
)
@settings(max_examples=200, deadline=None)
def test_a_retargeted_index_is_the_index_of_the_new_ids(entries, query) -> None:
    retargeted = NameIndex(entries).retargeted(str.upper)
    built = NameIndex((name, target.upper()) for name, target in entries)
    for field in ("_exact", "_names", "_targets", "_sorted", "_index_of"):
        assert getattr(retargeted, field) == getattr(built, field)
    assert retargeted.resolve(query) == built.resolve(query)
    assert retargeted.fuzzy_alike(normalize(query), 75) == built.fuzzy_alike(normalize(query), 75)
