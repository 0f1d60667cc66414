"""What the answerer remembers in memory stays bounded, however many different words come."""

from __future__ import annotations

from bot.knowledge import Knowledge
from bot.questions import SPELL_CACHE, QuestionAnswerer
from bot.use_cases import FUZZY_CACHE


def gibberish(number: int) -> str:
    """A distinct made-up word of at least six letters for each number."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    while True:
        number, digit = divmod(number, len(letters))
        word += letters[digit] + "o"
        if not number and len(word) >= 6:
            return word


def test_many_different_words_do_not_grow_the_answerers_memory(knowledge: Knowledge) -> None:
    answerer = QuestionAnswerer(knowledge)
    count = 3 * max(FUZZY_CACHE, SPELL_CACHE)
    for number in range(count):
        answerer.understand(f"which database for a {gibberish(number)} app")
    assert len(answerer.ranker._fuzzy) <= FUZZY_CACHE
    assert len(answerer._spelling) <= SPELL_CACHE
    assert len(answerer._fuzzy_names) <= SPELL_CACHE
