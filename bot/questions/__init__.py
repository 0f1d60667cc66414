"""Understanding free-text questions: what they ask about, and what they ask.

The whole message decides. Names that are also everyday words count only with software
context; technology the roadmap does not cover is recognised as such; background mentions
("I learned Flask at uni") give way to the subject of the question; a need in the learner's own
words finds the topics whose use cases fit. Everything roadmap-specific comes from the knowledge
file; only English question words live in :mod:`bot.wording`.

:class:`QuestionAnswerer` reads a message once, runs it through the rules' named stages until
one decides, then lets the learned models give a second opinion. Its parts, in this package:

- :mod:`bot.questions.reading`: the message read once (:class:`~bot.questions.reading.Reading`)
- :mod:`bot.questions.rules`: the stages in their order, in groups by what they weigh:
  :mod:`~bot.questions.aside` (small talk, other subjects), :mod:`~bot.questions.path` (the
  path, needs told around names), :mod:`~bot.questions.kinds` (kinds, technology not
  covered, comparisons), :mod:`~bot.questions.named` (material, projects, the named topic),
  :mod:`~bot.questions.unnamed` (no topic named: steps, the overview, needs); what they find
  on the way in :mod:`~bot.questions.findings`, what they share in
  :mod:`~bot.questions.shared`
- :mod:`bot.questions.opinions`: the learned models' second opinions, and their doubt
- :mod:`bot.questions.follow_ups`: a short message read against the last answer

What the stages read with lives beside this package:

- :mod:`bot.lexicon`: the roadmap's words and names, built once per knowledge
- :mod:`bot.names` and :mod:`bot.mentions`: the names a message mentions, and in which sense
- :mod:`bot.subjects` and :mod:`bot.background`: which of them it asks about
- :mod:`bot.intent_cues`: single signs of what it asks for
- :mod:`bot.small_talk` and :mod:`bot.phrases`: small talk and subjects outside the roadmap
- :mod:`bot.learned`: the models the second opinions and the doubt come from
"""

from __future__ import annotations

import copy
from functools import partial
from typing import Any

from bot.background import question_sentence
from bot.knowledge import Knowledge, compiled
from bot.learned import AnswerSignals, Learned, load_companion
from bot.lexicon import Lexicon, kinds_by_word
from bot.names import NameFinder
from bot.needs import NeedMatcher
from bot.questions.follow_ups import read_follow_up
from bot.questions.opinions import SecondOpinions
from bot.questions.reading import Reader
from bot.questions.rules import Rules
from bot.questions.shared import Shared
from bot.small_talk import TalkReader
from bot.subjects import SubjectFinder
from bot.understanding import Intent, Understanding
from bot.use_cases import UseCaseRanker
from bot.wording import (
    COMPARE_CUES,
    EXAMPLE_WORDS,
    PROJECT_CUES,
    QUESTION_STARTS,
    RESOURCE_CUES,
    STOP,
    USE_CASE_CUES,
    Message,
    split_message,
    without_guesses,
)

__all__ = ["QuestionAnswerer"]

#: A follow-up is a short message: at most this many words.
FOLLOW_UP_WORDS = 8


class QuestionAnswerer:
    """Understands questions about one knowledge base; build once, ask many times.

    Its indexes are built once per knowledge object (and kept with a compiled one, see
    :func:`bot.knowledge.compiled.derived`): a test that changes how they are built needs a
    knowledge object of its own.
    """

    def __init__(
        self, knowledge: Knowledge, learned: Learned | None = None, *, beside: bool = True
    ) -> None:
        """An answerer for ``knowledge``; its indexes are shared with others of the same one.

        ``learned`` (the intent and need models) defaults to those beside the knowledge file,
        unless ``beside`` is false (the rules alone).
        """
        # built once per knowledge, and kept with a compiled one: a later start reads it
        built = compiled.derived(knowledge, "answerer", partial(self._build, knowledge))
        self.knowledge = knowledge
        self.lexicon: Lexicon = built["lexicon"]
        # the indexes are shared with other answerers of this knowledge, what it remembers is not
        self.ranker = copy.copy(built["ranker"])  # a new stemmer and memory (its __setstate__)
        self.name_finder = NameFinder(self.lexicon)
        needs = NeedMatcher(knowledge, self.ranker)
        shared = Shared(
            knowledge, self.lexicon, self.ranker, needs, self.name_finder, TalkReader(self.lexicon)
        )
        subject_finder = SubjectFinder(self.lexicon, self.ranker)
        self.reader = Reader(knowledge, self.lexicon, self.ranker, self.name_finder, subject_finder)
        self.rules = Rules(shared)
        self.opinions = SecondOpinions(shared, self.rules)
        self.learned = learned or (load_companion(knowledge.path) if beside else None)

    def _build(self, knowledge: Knowledge) -> dict[str, Any]:
        """The indexes questions are read with: the lexicon and the use-case ranker."""
        ranker = UseCaseRanker(
            knowledge, ignored=STOP | EXAMPLE_WORDS | set(kinds_by_word(knowledge))
        )
        return {"lexicon": Lexicon(knowledge, ranker.words), "ranker": ranker}

    def understand(self, question: str, previous: Understanding | None = None) -> Understanding:
        """Work out the outcome, intent and topics of ``question``.

        ``previous`` is the same person's last answer in this chat: a follow-up ("and Flask?",
        "resources for it", "compare them") is read against it.
        """
        message = self._message(question)
        fresh = self._understand(question, message)
        if previous is None or not previous.topic_ids or len(message.words) > FOLLOW_UP_WORDS:
            return fresh
        return read_follow_up(self.ranker, question, message, fresh, previous) or fresh

    def _message(self, question: str) -> Message:
        """A question split into words, misspelt cue words mended, guesses set aside."""
        return without_guesses(self.name_finder.spell(split_message(question)))

    def guess_intent(self, question: str) -> Intent:
        """What a question seems to ask for, from its cue words alone (for one not answered)."""
        message = self.name_finder.spell(split_message(question))
        cues = set(message.texts) | {w.stem for w in message.words}
        for words, intent in (
            (COMPARE_CUES, Intent.COMPARE),
            (RESOURCE_CUES, Intent.RESOURCES),
            (PROJECT_CUES, Intent.PROJECTS),
            (USE_CASE_CUES | set(self.lexicon.kinds), Intent.USE_CASE),
            (QUESTION_STARTS, Intent.TOPIC),
        ):
            if words & cues:
                return intent
        return Intent.UNKNOWN

    def _understand(self, question: str, message: Message) -> Understanding:
        """What one message asks: read once, decided by the rules, then a second opinion.

        The reading (:meth:`Reader.read <bot.questions.reading.Reader.read>`) holds its names,
        where it asks, the kind and the need it tells; the rules decide from it
        (:meth:`Rules.decide <bot.questions.rules.Rules.decide>`); the intent model may
        overrule the rules' intent, and an answer the doubt model finds likely wrong is asked
        back (:class:`~bot.questions.opinions.SecondOpinions`).
        """
        answer, signals = self._answer_and_signals(question, message)
        return self.opinions.doubted(answer, signals, self.learned)

    def answer_signals(self, question: str) -> tuple[Understanding, AnswerSignals | None]:
        """A question's answer before the doubt model weighs it, and what that model reads.

        The signals are None where it reads nothing: with no models, or for an answer that is
        not a confident one about a topic. (The doubt model is trained on these.)
        """
        return self._answer_and_signals(question, self._message(question))

    def _answer_and_signals(
        self, question: str, message: Message
    ) -> tuple[Understanding, AnswerSignals | None]:
        read = self.reader.read(question, message)
        rules = self.rules.decide(read)
        if self.learned is None:
            return rules, None
        return self.opinions.weigh(read, rules, self.learned)

    def learned_features(self, question: str) -> tuple[frozenset[str], frozenset[str]]:
        """What the intent and need models read of a question (also what they learn from)."""
        message = self._message(question)
        names = self.name_finder.find(message)
        focus = question_sentence(message)
        return (
            self.opinions.features_for_intent(message, names, focus),
            self.opinions.features_for_need(message, names, focus),
        )
