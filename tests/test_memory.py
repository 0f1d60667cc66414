"""What the answerer remembers in memory stays bounded, however many different words come."""

from __future__ import annotations

from bot import names, use_cases
from bot.knowledge import Knowledge
from bot.questions import QuestionAnswerer


def gibberish(number: int) -> str:
    """A distinct made-up word of at least six letters for each number."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    while True:
        number, digit = divmod(number, len(letters))
        word += letters[digit] + "o"
        if not number and len(word) >= 6:
            return word


def test_many_different_words_do_not_grow_the_answerers_memory(
    knowledge: Knowledge, monkeypatch
) -> None:
    bound = 64
    for module, name in (
        (names, "SPELL_CACHE"),
        (names, "PHRASE_CACHE"),
        (names, "MISSPELT_CACHE"),
        (names, "PLACE_CACHE"),
        (use_cases, "EXPANSION_CACHE"),
    ):
        monkeypatch.setattr(module, name, bound)
    answerer = QuestionAnswerer(knowledge)
    for number in range(3 * bound):
        answerer.understand(f"which database for a {gibberish(number)} app")
        answerer.understand(f"django {gibberish(number)} app")  # a phrase's words by place
    assert len(answerer.name_finder._spelling) == bound
    assert len(answerer.name_finder._phrase_names) == bound
    assert len(answerer.name_finder._misspelt) == bound
    assert len(answerer.name_finder._in_place) == bound
    assert len(answerer.ranker._expansions) == bound


def test_a_phrase_forgotten_is_not_scored_against_every_name_again(
    knowledge: Knowledge, monkeypatch
) -> None:
    monkeypatch.setattr(names, "PHRASE_CACHE", 4)  # phrases are soon forgotten
    scored: list[str] = []
    fuzzy_name = names.NameFinder._fuzzy_name

    def counted(self, phrase):
        scored.append(phrase)
        return fuzzy_name(self, phrase)

    monkeypatch.setattr(names.NameFinder, "_fuzzy_name", counted)
    answerer = QuestionAnswerer(knowledge)
    first = answerer.understand("what is postgrsql")
    assert "postgrsql" in scored and first.topic_ids[:1] == ("postgresql",)
    answerer.understand("which database for a bank with many branches and tellers")
    assert "postgrsql" not in answerer.name_finder._phrase_names._data  # forgotten...
    scored.clear()
    again = answerer.understand("what is postgrsql")
    assert scored == [] and again == first  # ... but not scored again
