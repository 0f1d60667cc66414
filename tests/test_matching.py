"""The name index: its shortcuts give exactly what scoring every name would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from bot.knowledge import Knowledge
from bot.matching import Match, NameIndex
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


def test_fuzzy_on_the_roadmap_matches_the_linear_scan(knowledge: Knowledge) -> None:
    index = knowledge.topic_names
    for phrase in ["pyhton", "postgrs", "dokcer", "djnago", "kubernets", "javscript", "go"]:
        for cutoff in (75, 85):
            assert named(index.fuzzy(phrase, cutoff)) == linear_fuzzy(index, phrase, cutoff)
