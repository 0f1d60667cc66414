"""Phrases found in a message's words: canned replies' phrases, use cases' word pairs.

The phrases of small talk and of subjects outside the roadmap match with at most one extra
word between their words; a use case's two-word phrase ("machine learning") matches side by
side.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from itertools import pairwise

from bot.knowledge import Canned
from bot.wording import Word, split_message

#: "do the job", "do different jobs": a task done, not the word's own subject.
DOING_TASKS = frozenset({"do", "does", "did", "doing"})
TASK_FILLERS = frozenset({"the", "a", "same", "different", "separate", "similar", "its", "their"})
#: After a word and "to", these make it a task to do ("a few little jobs to build").
TASK_VERBS = frozenset({"build", "make", "do", "code", "practise", "practice"})
Phrases = dict[str, list[tuple[Canned, tuple[str, ...]]]]


def by_first_word(entries: Sequence[Canned]) -> Phrases:
    """Each entry's phrases (as word tuples), grouped by their first word.

    A phrase's words are read as a message's are ("whats up": "what is up"), so that it is
    found in the words of messages.
    """
    grouped: Phrases = {}
    for entry in entries:
        for text in entry.phrases:
            phrase = split_message(text).texts
            if phrase:
                grouped.setdefault(phrase[0], []).append((entry, phrase))
    return grouped


def phrases_found(phrases: Phrases, words: Sequence[str]) -> list[tuple[Canned, tuple[str, ...]]]:
    """The phrases the words hold, each with its entry, in the order the message has them."""
    present = set(words)
    return [
        (entry, phrase)
        for first in dict.fromkeys(words)  # not a set's order: it changes with the hash seed
        if first in phrases
        for entry, phrase in phrases[first]
        if phrase_in(phrase, words, present)
    ]


def phrase_in(phrase: tuple[str, ...], words: Sequence[str], present: Set[str]) -> bool:
    """Whether the phrase's words occur in order, with at most one extra word between them."""
    if not present.issuperset(phrase):
        return False
    if len(phrase) == 1:
        return True
    for start, word in enumerate(words):
        if word != phrase[0]:
            continue
        position, gaps = start, 0
        for part in phrase[1:]:
            following = words[position + 1 : position + 3 - gaps]
            if part not in following:
                break
            step = following.index(part) + 1
            gaps += step - 1
            position += step
        else:
            return True
    return False


def as_tasks(texts: Sequence[str]) -> Sequence[str]:
    """The words, less those done as a task ("they do different jobs", "jobs to build").

    A word after "do" and a word such as "the" or "different", or before "to" and a word of
    making, is the task done, not the subject outside the roadmap it may name elsewhere
    ("jobs" in "how do jobs pay" stays).
    """
    made = "to" in texts
    if not made and DOING_TASKS.isdisjoint(texts):
        return texts  # most messages: nothing done as a task, nothing copied
    kept = list(texts)
    if made:
        for at in range(len(texts) - 2):
            if texts[at + 1] == "to" and texts[at + 2] in TASK_VERBS:
                kept[at] = ""
    if DOING_TASKS.isdisjoint(texts):
        return kept
    for at in range(2, len(texts)):
        between = texts[max(at - 3, 0) : at]
        for start, word in enumerate(between):
            if (
                word in DOING_TASKS
                and between[start + 1 :]
                and all(w in TASK_FILLERS for w in between[start + 1 :])
            ):
                kept[at] = ""
                break
    return kept


def word_pair_positions(words: Sequence[Word], pairs: Set[tuple[str, str]]) -> frozenset[int]:
    """Where words stand (stemmed) in one of ``pairs`` with a neighbour: one pass a message."""
    found: set[int] = set()
    for at, pair in enumerate(pairwise(w.stem for w in words)):
        if pair in pairs:
            found.update((at, at + 1))
    return frozenset(found)
