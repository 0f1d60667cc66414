"""Reading a message once: its names and subjects, where it asks, the kind and the need it tells.

The reading (:class:`Reading`) is what every rule stage (:mod:`bot.questions.rules`) and the
learned models' second opinions (:mod:`bot.questions.opinions`) decide from.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass

from bot.background import is_background, question_sentence
from bot.intent_cues import BE_WORDS, Requests, idiom_positions, read_requests, started_on
from bot.knowledge import Knowledge
from bot.lexicon import Lexicon
from bot.mentions import Mention, Names
from bot.names import NameFinder
from bot.phrases import word_pair_positions
from bot.subjects import SubjectFinder
from bot.use_cases import UseCaseRanker
from bot.wording import (
    BACKGROUND_AFTER,
    BUILD_WORDS,
    INDEFINITE_ARTICLES,
    KIND_OF,
    LEARN_WORDS,
    LEARNING_PHRASES_BY_START,
    PICKING,
    POINTERS,
    PROJECT_NOUNS,
    ROADMAP_WORDS,
    STEP_TAILS,
    STEP_WORDS,
    STRONG_OVERVIEW,
    USE_CASE_CUES,
    WHAT_IS,
    WHAT_WORDS,
    Message,
    Word,
)

#: How far before a kind word a step word makes it a step ("the part of the languages").
STEP_REACH = 3

#: A kind word at most this many words after a build word is what is built ("build an
#: invoicing tool"), unless asked for.
KIND_GAP = 4
#: The use-case words a message's words stand for: weight and source word, by stem.
Terms = dict[str, tuple[float, str]]


#: A kind word opening a message and followed by one of these is the kind asked for.
KIND_FOLLOWED_BY = frozenset({"for", "with", "that", "which"})
#: "like the banks do", "like the big companies have": a part of a sentence from "like" to one
#: of these, ending it, gives an example of who has the need; its words are not the need.
EXAMPLE_VERBS = frozenset({"do", "does", "did", "have", "has", "had"})
#: ...within this many words after "like"...
EXAMPLE_GAP = 5
#: ...unless "like" follows one of these: "i would like", "i'd like" is wanting.
WOULD = frozenset({"would", "id", "wed", "youd"})


def _example_words(words: Sequence[Word]) -> set[int]:
    """Positions of the words of an example of who has the need ("like the banks do")."""
    found: set[int] = set()
    for i, word in enumerate(words):
        if word.text != "like" or (i and words[i - 1].text in WOULD):
            continue
        for end in range(i + 2, min(i + EXAMPLE_GAP + 1, len(words))):
            if words[end].segment != word.segment:
                break
            last = end + 1 == len(words) or words[end + 1].segment != word.segment
            if words[end].text in EXAMPLE_VERBS and last:
                found.update(range(i, end + 1))
                break
    return found


#: "What is this ... called": the words asking for a name, not telling a need.
NAME_ASKED = frozenset({"called", "named"})


def _name_asked_words(words: Sequence[Word]) -> set[int]:
    """Positions of the words asking what a thing is called ("what is this style called").

    The word for the thing ("style", "approach") and "called" tell no need: "called" is no
    call to an API.
    """
    found: set[int] = set()
    for i, word in enumerate(words):
        if word.text not in NAME_ASKED:
            continue
        if i + 1 < len(words) and words[i + 1].sentence == word.sentence:
            continue  # not the sentence's last word: "what is that approach called?"
        if not any(w.text in WHAT_IS and w.sentence == word.sentence for w in words[:i]):
            continue
        found.add(i)
        if i >= 2 and words[i - 2].text in POINTERS | {"the"}:
            found.add(i - 1)  # "this style", "that approach"
    return found


#: How many words after a name may ask what it is good for ("is good for what").
GOOD_FOR_WHAT_SPAN = 4
#: After a name (and "is"), these with "for" and a question word ask what it is for.
FIT_WORDS = frozenset({"good", "used", "useful", "best"})


def _good_for_what(after: Sequence[str]) -> bool:
    """Whether the words after a name ask what it is for ("is good for what", "is for what")."""
    if after and after[0] in BE_WORDS:
        after = after[1:]
    if after and after[0] in FIT_WORDS:  # "is for what purpose" as "is good for what"
        after = after[1:]
    return len(after) >= 2 and after[0] == "for" and after[1] in WHAT_WORDS


@dataclass(frozen=True, slots=True)
class KindWord:
    """The word naming a kind of thing ("which database", "we need a framework"), if any."""

    #: Where the kind word stands, and its kind.
    at: int | None
    kind: str | None
    #: Positions of kind words asked for ("which database", "what kind of language").
    asked: list[int]
    #: Positions of kind words introduced as a thing wanted ("we need a framework").
    introduced: list[int]

    @property
    def asked_for(self) -> bool:
        """Whether the kind word is one asked for."""
        return self.at in self.asked

    @property
    def only_mentioned(self) -> bool:
        """Whether the kind word is neither asked for nor introduced ("run the db locally").

        Then it is part of the need (what is run), and only context for the pick's kind.
        """
        return self.at is not None and not (self.asked or self.introduced)


@dataclass(frozen=True, slots=True)
class Reading:
    """A message read once: its names, where it asks, the kind and the need it tells.

    What every stage of :meth:`Rules.decide <bot.questions.rules.Rules.decide>` decides from.
    """

    question: str
    message: Message
    names: Names
    #: The names kept, a topic's name before a word for a step read as the step.
    mentions: list[Mention]
    #: The sentence that asks (:func:`bot.background.question_sentence`).
    focus: int
    #: The mentions the question is about, best first; the roadmap's topics among them and
    #: those naming technology it does not cover.
    subjects: list[Mention]
    topic_ids: tuple[str, ...]
    uncovered: list[Mention]
    #: Where a learning phrase starts ("get better at"), with its length in words.
    improving: dict[int, int]
    #: The words that are neither names nor cue words used in another sense.
    rest: list[Word]
    #: Where words stand in a use case's word pair with a neighbour ("machine learning").
    paired: frozenset[int]
    requests: Requests
    kind: KindWord
    #: The need's words: all of them (less the kind asked for), and without the names when
    #: topics are named.
    all_terms: Terms
    terms: Terms
    #: The asking sentence's words (less idioms), as a set and in order.
    focus_words: set[str]
    focus_texts: list[str]
    #: "what ... build": asked what to build; with no tool or kind named, a request for
    #: something to build ("what should i build to practise").
    asks_to_build: bool
    build_request: bool

    def asks_path_of_the_uncovered(self) -> bool:
        """Whether the path asked for is that of technology the roadmap lacks, to be learnt.

        "I've been asked to learn Flutter properly. Where do I start, what's the path?", "...
        where do I start with Jenkins?"; not when this roadmap is named in the asking sentence
        ("... the big picture of this roadmap?").
        """
        words = self.message.words
        started = started_on(words)
        return ROADMAP_WORDS.isdisjoint(self.focus_words) and any(
            m.not_covered
            and m.start
            and (words[m.start - 1].stem in LEARN_WORDS or m.start in started)
            for m in self.mentions
        )

    def asked_what_for(self) -> tuple[str, ...]:
        """The topics asked what they are (for) where the question tells no need of its own.

        "my uncle's hotel site is in php. what is php good for nowadays?": from its question
        word on, the asking sentence names the topic and no need, so the need words told
        before it are background and do not pick a topic.
        """
        words = self.message.words
        texts = self.message.texts
        good_for_what = tuple(  # "go is good for what kind of work?": asked after its name
            m.id
            for m in self.subjects
            if words[m.start].sentence == self.focus
            and m.id in self.topic_ids
            and _good_for_what(texts[m.end : m.end + GOOD_FOR_WHAT_SPAN])
        )
        if good_for_what:
            return good_for_what
        asking = next(
            (i for i, w in enumerate(words) if w.sentence == self.focus and w.text in WHAT_WORDS),
            None,
        )
        if asking is None:
            return ()
        after = {w.stem for w in words[asking:] if w.sentence == self.focus}
        if any(  # a general word ("good for these days") tells no need of its own
            source in after for weight, source in self.terms.values() if weight >= 1
        ):
            return ()
        return tuple(
            m.id
            for m in self.subjects
            if m.start > asking and words[m.start].sentence == self.focus and m.id in self.topic_ids
        )


class Reader:
    """Reads messages with the answerer's indexes: one :class:`Reading` a message."""

    def __init__(
        self,
        knowledge: Knowledge,
        lexicon: Lexicon,
        ranker: UseCaseRanker,
        name_finder: NameFinder,
        subject_finder: SubjectFinder,
    ) -> None:
        """A reader with the answerer's indexes."""
        self.knowledge = knowledge
        self.lexicon = lexicon
        self.ranker = ranker
        self.name_finder = name_finder
        self.subject_finder = subject_finder

    def read(self, question: str, message: Message) -> Reading:
        """Read a message once: its names and subjects, where it asks, its kind and need."""
        names = self.name_finder.find(message)
        mentions = [self.name_finder.step_of(message, m) for m in names.kept]
        focus = question_sentence(message)
        subjects = self.subject_finder.find(message, mentions, focus)
        named = {i for m in mentions for i in range(m.start, m.end)}
        texts = message.texts
        improving = {  # "how to get better at sql", "how do i get into docker": where it starts
            at: len(phrase)
            for at, text in enumerate(texts)
            for phrase in LEARNING_PHRASES_BY_START.get(text, ())
            if texts[at : at + len(phrase)] == phrase
        }
        idioms = idiom_positions(message, mentions, improving)
        rest = [w for i, w in enumerate(message.words) if i not in named and i not in idioms]
        requests = read_requests(message, focus, subjects, rest)
        topic_ids = tuple(dict.fromkeys(m.id for m in subjects if m.id in self.knowledge.topics))
        kind = self._kind_word(message, focus, names, mentions, requests.about)
        paired = word_pair_positions(message.words, self.ranker.pairs)
        all_terms, terms = self._need_terms(
            message, focus, names, mentions, kind, topic_ids, paired
        )
        focus_texts = [
            w.text for i, w in enumerate(message.words) if w.sentence == focus and i not in idioms
        ]
        focus_words = set(focus_texts)
        asks_to_build = "what" in focus_texts and bool(
            (BUILD_WORDS - {"code"}) & set(focus_texts[focus_texts.index("what") :])
        )
        build_request = (  # "what should i build to practise", not "making a chat app, what db"
            asks_to_build and not {"with", "using", "use"} & focus_words and kind.kind is None
        )
        return Reading(
            question,
            message,
            names,
            mentions,
            focus,
            subjects,
            topic_ids,
            [m for m in subjects if m.not_covered],
            improving,
            rest,
            paired,
            requests,
            kind,
            all_terms,
            terms,
            focus_words,
            focus_texts,
            asks_to_build,
            build_request,
        )

    def _kind_word(
        self,
        message: Message,
        focus: int,
        names: Names,
        mentions: list[Mention],
        about: Set[int],
    ) -> KindWord:
        """The kind of thing the message names, best the one asked for ("which database")."""
        words = message.words
        in_topics = {
            i
            for m in mentions
            if m.id in self.knowledge.topics
            or m.not_covered
            or self.name_finder.as_step(message, m, focus)
            for i in range(m.start, m.end)
        }  # "the databases part": the step, not the kind asked for
        kinds = [
            i
            for i, w in enumerate(words)
            if w.sentence in about
            and w.stem in self.lexicon.kinds
            and i not in in_topics
            and i not in names.dropped
            and not (i and words[i - 1].text == "to")
            # "a good practice project", "a database project": what a project is about
            and not (i + 1 < len(words) and words[i + 1].text in PROJECT_NOUNS)
            # "i finished the part of the languages", "the frameworks section": a step
            and not (i + 1 < len(words) and words[i + 1].text in STEP_TAILS)
            and not any(w.text in STEP_WORDS for w in words[max(i - STEP_REACH, 0) : i])
        ]
        asked = [  # "which database", "what db", "best language": the kind asked for
            i
            for i in kinds
            if any(w.text in USE_CASE_CUES or w.text in PICKING for w in words[max(i - 2, 0) : i])
            or (  # "what kind of database", "which type of language"
                i >= 3
                and words[i - 1].text == "of"
                and words[i - 2].text in KIND_OF
                and words[i - 3].text in (USE_CASE_CUES | PICKING)
            )
            or (  # "db for gps pings", "database with no server to run"
                i == 0 and len(words) > 1 and words[1].text in KIND_FOLLOWED_BY
            )
        ]
        # "i'd like some practice": a kind word that is also a learning word is learning,
        # unless asked for ("which practice"; not "what project could help me practice")
        asked = [
            i
            for i in asked
            if words[i].text not in LEARN_WORDS
            or any(w.text in USE_CASE_CUES for w in words[max(i - 2, 0) : i])
        ]
        kinds = [i for i in kinds if i in asked or words[i].text not in LEARN_WORDS]
        kinds = [  # "postgres for a tiny cli tool", "best for a cli tool": what is built, not asked
            i
            for i in kinds
            if i in asked or "for" not in {w.text for w in words[max(i - 4, 0) : i]}
        ]
        kinds = [  # "i want to build an invoicing tool": the learner's product, not a kind
            i
            for i in kinds
            if i in asked or BUILD_WORDS.isdisjoint(w.text for w in words[max(i - KIND_GAP, 0) : i])
        ]
        introduced = [  # "we need a framework", not "the internal tools team"
            i for i in kinds if any(w.text in INDEFINITE_ARTICLES for w in words[max(i - 2, 0) : i])
        ]
        at = (asked or introduced or kinds)[0] if kinds else None
        kind = self.lexicon.kinds[words[at].stem] if at is not None else None
        return KindWord(at, kind, asked, introduced)

    def _need_terms(
        self,
        message: Message,
        focus: int,
        names: Names,
        mentions: list[Mention],
        kind: KindWord,
        topic_ids: tuple[str, ...],
        paired: Set[int],
    ) -> tuple[Terms, Terms]:
        """The need's words: all of them, and (with topics named) those beside the names.

        Left out: cue words (unless part of a use case's word pair, where ``paired`` holds),
        the kind asked for, names in their everyday sense, where the learner comes from and
        who they are.
        """
        words = message.words
        starting = {w.stem for w in words if w.sentence == focus} & (STRONG_OVERVIEW | {"start"})
        came_from = {  # "finished a react bootcamp, where should i start": the path, not a need
            i
            for m in mentions
            if starting and m.not_covered and is_background(m, words)
            for i in range(m.start, m.end)
        }
        roles = {  # "a java shop", "a python guy": who the learner is, not a need
            m.end for m in mentions if m.end < len(words) and words[m.end].text in BACKGROUND_AFTER
        }
        examples = _example_words(words) | _name_asked_words(words)
        need_at = [  # where the need may be; each word looked up once for both selections
            i
            for i, w in enumerate(words)
            if (w.text not in self.lexicon.cue_words or i in paired)
            and i not in roles
            and i not in examples
        ]
        expanded = self.ranker.expand(words[i].stem for i in need_at)
        # the kind asked for is not the need ("cloud"); one only mentioned is, beside other
        # words ("run database locally")
        kind_told = kind.only_mentioned and len(need_at) > 1
        all_terms = self.ranker.expanded_terms(
            word
            for i, word in zip(need_at, expanded, strict=True)
            if (i != kind.at or kind_told)
            and i not in names.dropped
            and i not in came_from
            and (kind.kind is not None or i not in names.unsure)
        )
        if not topic_ids:
            return all_terms, all_terms
        named = {i for m in mentions for i in range(m.start, m.end)}
        terms = self.ranker.expanded_terms(
            word for i, word in zip(need_at, expanded, strict=True) if i not in named
        )
        return all_terms, terms
