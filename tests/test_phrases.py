"""Phrases found in a message's words: canned replies' phrases and use cases' word pairs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge import Canned
from bot.phrases import as_tasks, by_first_word, phrase_in, phrases_found, word_pair_positions
from bot.wording import Word, common_english, split_message, without_guesses

STEMS = st.sampled_from(["machin", "learn", "job", "background", "queue", "the"])


def words_of(stems: list[str]) -> list[Word]:
    return [Word(stem, stem, 0, 0) for stem in stems]


def test_a_word_done_or_made_as_a_task_is_no_subject_of_its_own() -> None:
    assert as_tasks(["they", "do", "different", "jobs"]) == ["they", "do", "different", ""]
    assert as_tasks(["a", "few", "jobs", "to", "build"]) == ["a", "few", "", "to", "build"]
    assert as_tasks(["how", "do", "jobs", "pay"]) == ["how", "do", "jobs", "pay"]
    assert as_tasks(["jobs", "to", "apply", "for"]) == ["jobs", "to", "apply", "for"]


@given(st.lists(st.sampled_from(["do", "to", "build", "jobs", "the", "pay"]), max_size=8))
def test_tasks_keep_the_words_in_place(texts: list[str]) -> None:
    kept = as_tasks(texts)
    assert len(kept) == len(texts)
    assert all(k in ("", t) for k, t in zip(kept, texts, strict=True))


def test_a_word_pairs_with_the_word_before_or_after_it() -> None:
    words = split_message("i want machine learning jobs").words
    pairs = {("machine", "learning")}
    assert word_pair_positions(words, pairs) == {2, 3}


@given(st.lists(STEMS, min_size=1, max_size=8), st.sets(st.tuples(STEMS, STEMS), max_size=6))
def test_a_word_pair_position_is_any_neighbouring_pair_of_the_word(
    stems: list[str], pairs: set[tuple[str, str]]
) -> None:
    words = words_of(stems)
    paired = word_pair_positions(words, pairs)
    for at in range(len(words)):
        neighbours = [
            (stems[i], stems[i + 1]) for i in (at - 1, at) if i >= 0 and i + 1 < len(stems)
        ]
        assert (at in paired) == any(pair in pairs for pair in neighbours)


def test_a_phrase_matches_in_order_with_at_most_one_word_between() -> None:
    words = ["thank", "you", "so", "much"]
    assert phrase_in(("thank", "so"), words, set(words))
    assert not phrase_in(("thank", "much"), words, set(words))
    assert not phrase_in(("you", "thank"), words, set(words))


def test_phrases_are_found_in_the_order_the_message_has_them() -> None:
    bye = Canned("bye", ("bye",), "Bye!")
    thanks = Canned("thanks", ("thank you",), "You're welcome!")
    found = phrases_found(by_first_word([bye, thanks]), ["thank", "you", "and", "bye"])
    assert [entry.id for entry, _ in found] == ["thanks", "bye"]


def test_a_dash_between_words_parts_a_sentence_as_a_comma_does() -> None:
    for dash in ("—", "–", "-", "--"):
        message = split_message(f"my node app crashes {dash} what is express")
        segments = {w.text: w.segment for w in message.words}
        assert segments["crashes"] < segments["what"] == segments["express"]
        assert message.sentences == 1
    joined = split_message("a server-side app").words  # a hyphen inside a word parts nothing
    assert {w.segment for w in joined} == {0}


def test_brackets_between_words_set_an_aside_apart_as_commas_do() -> None:
    message = split_message("my manager (we run magento) keeps talking about caching")
    segments = {w.text: w.segment for w in message.words}
    assert segments["manager"] < segments["magento"] < segments["keeps"]
    assert message.sentences == 1
    opening = split_message("what is gin? (not the drink)").words  # no word before: no part
    assert {w.segment for w in opening if w.sentence == 1} == {1}


@given(st.lists(st.sampled_from(["a", "b", "(", ")", "[", "]", " ", ","]), max_size=12))
def test_brackets_never_change_the_words_of_a_message(typed: list[str]) -> None:
    text = "".join(typed)
    bare = text.translate(str.maketrans("()[]", "    "))
    assert split_message(text).texts == split_message(bare).texts


def test_shorthand_stands_for_its_words_but_not_among_letters_spelt_out() -> None:
    assert split_message("can u help w my api").texts == ("can", "you", "help", "with", "my", "api")
    assert split_message("u r a genius").texts == ("you", "are", "a", "genius")
    assert split_message("what is a w s").texts == ("what", "is", "a", "w", "s")
    assert split_message("is j w t safe").texts == ("is", "j", "w", "t", "safe")
    assert split_message("txt them b4 the slot").texts == ("text", "them", "before", "the", "slot")


def test_a_dropped_g_is_put_back_only_where_that_makes_a_word() -> None:
    assert split_message("it keeps crashin, im goin mad").texts == (
        *("it", "keeps", "crashing", "im", "going", "mad"),
    )
    # words that are words, and names, stay as typed
    assert split_message("thin kotlin basin admin").texts == ("thin", "kotlin", "basin", "admin")


@given(st.sampled_from(sorted(w for w in common_english() if w.endswith("ing") and len(w) > 4)))
def test_every_common_word_ending_in_ing_is_read_from_its_dropped_g_form(word: str) -> None:
    typed = word[:-1]
    expected = typed if typed in common_english() else word
    assert split_message(typed).texts == (expected,)


def test_a_capital_letter_or_one_compared_is_a_name_not_shorthand() -> None:
    assert split_message("is R good for backends").texts == ("is", "r", "good", "for", "backends")
    assert split_message("r vs python").texts == ("r", "vs", "python")
    # a sentence's first word, and a sentence in capitals, are capitals by habit
    assert split_message("R u a bot?").texts == ("are", "you", "a", "bot")
    assert split_message("WHY R U SO SLOW").texts == ("why", "are", "you", "so", "slow")
    assert split_message("is it on? R u there").texts == ("is", "it", "on", "are", "you", "there")


def test_words_typed_in_capitals_are_told_apart_only_where_the_sentence_is_not() -> None:
    def capitals(text: str) -> list[str]:
        message = split_message(text)
        return [message.texts[at] for at in sorted(message.capitals)]

    assert capitals("whats REST and is it like SOAP? WHY IS REST SO HARD") == ["rest", "soap"]
    assert capitals("whats the deal with rest") == []
    # a word expanded from shorthand keeps where it was typed in capitals in line
    assert capitals("whats REST n how is it like soap") == ["rest"]
    message = without_guesses(split_message("what is GIN, a GO thing? is GIN fast"))
    assert [message.texts[at] for at in sorted(message.capitals)] == ["gin", "gin"]


@given(st.lists(st.sampled_from(["REST", "rest", "GO", "u", "whats", "API", "the"]), max_size=12))
def test_capitals_point_at_words_typed_in_capitals(typed: list[str]) -> None:
    message = split_message(" ".join(["so", *typed]))
    upper = sum(len(w) for w in typed if w.isupper())
    if upper * 2 > sum(len(w) for w in typed) + len("so"):
        assert not message.capitals  # a sentence in capitals: how it is typed
    else:
        assert {message.texts[at] for at in message.capitals} == {
            w.lower() for w in typed if w.isupper()
        }


@given(st.lists(st.sampled_from(["w", "u", "r", "n", "a", "i", "x", "j", "api", "db"]), max_size=8))
def test_a_shorthand_letter_is_kept_only_beside_a_letter_that_is_no_word(typed: list[str]) -> None:
    texts = split_message(" ".join(typed)).texts
    letters = {"x", "j"}  # one-letter words that are neither shorthand nor words
    expected: list[str] = []
    for at, word in enumerate(typed):
        near = typed[max(at - 1, 0) : at] + typed[at + 1 : at + 2]
        spelt = word in {"w", "u", "r", "n"} and any(n in letters for n in near)
        long = {"w": "with", "u": "you", "r": "are", "n": "and"}.get(word, word)
        expected.append(word if spelt else long)
    assert list(texts) == expected
