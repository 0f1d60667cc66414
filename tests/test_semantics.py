"""Static word vectors: the model's tokenisation, text vectors, and closeness of meaning."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge import Knowledge, load_knowledge
from bot.questions import STOP
from bot.semantics import TextIndex, WordVectors, word_vectors

FRONTEND = Path(__file__).parent / "data" / "frontend-roadmap.yaml"


def tiny(pieces: list[str]) -> WordVectors:
    """Vectors for a hand-made vocabulary: piece i points along axis i."""
    rows = np.eye(len(pieces), dtype=np.int8) * 127
    return WordVectors(pieces, rows, np.full(len(pieces), 1 / 127, dtype=np.float32))


def test_words_are_cut_greedily_into_the_longest_known_pieces() -> None:
    """As the model's WordPiece tokenizer: "unaffable" is un + ##aff + ##able."""
    vectors = tiny(["un", "##aff", "##able", "##a", "##ffable"])
    assert vectors.tokens("unaffable") == [0, 1, 2]
    assert vectors.tokens("unaffablea") == [0, 1, 2, 3]
    # "una" is the longest known start, and nothing continues it: greedy, no going back, so
    # the whole word is unknown (as the model's tokenizer makes it [UNK])
    assert tiny(["un", "##aff", "##able", "una"]).tokens("unaffable") == []


def test_text_is_read_as_the_model_reads_it() -> None:
    """Lowercase, accents stripped, punctuation split off, unknown words left out."""
    vectors = tiny(["hello", "!", "cafe", "##s"])
    assert vectors.tokens("HELLO!  Café, zzz") == [
        vectors.ids["hello"],
        vectors.ids["!"],
        vectors.ids["cafe"],
    ]
    assert vectors.tokens("cafes") == [vectors.ids["cafe"], vectors.ids["##s"]]
    assert vectors.tokens("hello there", ignored={"hello"}) == []


def test_a_text_vector_is_the_unit_mean_of_its_pieces() -> None:
    vectors = tiny(["red", "green", "blue"])
    vector = vectors.embed("red green green")
    assert vector is not None
    assert np.allclose(vector, np.array([1, 2, 0]) / math.sqrt(5))
    assert vectors.embed("purple") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_text_gives_a_finite_unit_vector_or_none(text: str) -> None:
    vector = word_vectors().embed(text, STOP)
    if vector is not None:
        assert np.all(np.isfinite(vector))
        assert abs(float(np.linalg.norm(vector)) - 1) < 1e-4


def _closest(knowledge: Knowledge, need: str) -> list[str]:
    """Topics by how close their use cases and benefits come to the need, closest first."""
    index = TextIndex(
        word_vectors(),
        (
            (topic.id, text)
            for topic in knowledge.topics.values()
            for text in (*topic.use_cases, *topic.benefits)
        ),
        STOP,
    )
    closest = index.closest(need)
    return sorted(closest, key=lambda topic_id: -closest[topic_id][0])


@pytest.mark.parametrize(
    ("need", "topic_id"),
    [
        ("client wants login with facebook on their app", "oauth"),
        ("build and run my tests in the cloud whenever i push", "ci-cd"),
        ("it outgrew my laptop and has to stay up day and night cheaply", "hosting-environment"),
        ("run my app exactly the same on every machine", "docker"),
    ],
)
def test_a_need_in_other_words_is_closest_to_its_topic(
    knowledge: Knowledge, need: str, topic_id: str
) -> None:
    """None of these shares a use-case word with the topic beyond the everyday ones."""
    assert _closest(knowledge, need)[0] == topic_id


@pytest.mark.parametrize(
    ("need", "topic_id"),
    [
        ("a huge codebase many people work on, find mistakes before it runs", "typescript"),
        ("sprinkle a bit of interactivity onto pages we already have", "vue"),
    ],
)
def test_another_roadmap_needs_no_code_change(need: str, topic_id: str) -> None:
    assert _closest(load_knowledge(FRONTEND), need)[0] == topic_id


def test_the_closest_text_comes_with_its_similarity() -> None:
    index = TextIndex(word_vectors(), [("a", "cheap hosting"), ("a", "quantum physics")], STOP)
    similarity, text = index.closest("inexpensive hosting")["a"]
    assert text == "cheap hosting"
    assert 0 < similarity <= 1
    assert index.closest("what is the") == {}  # only ignored words: no meaning to compare
