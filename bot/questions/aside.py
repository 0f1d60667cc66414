"""The first rule stages: small talk, and subjects outside the roadmap, set aside."""

from __future__ import annotations

from collections.abc import Sequence, Set
from itertools import pairwise

from bot.background import is_background, wanted
from bot.intent_cues import (
    ASKING_WORDS,
    DEFINING,
    FIELD_PEOPLE,
    asked_what_it_is,
    asks_how_they_differ,
    asks_what_the_field_is,
)
from bot.mentions import Mention, material_follows
from bot.questions.reading import Reading
from bot.questions.shared import Shared
from bot.understanding import Intent, Outcome, Understanding
from bot.wording import (
    LEARN_WORDS,
    LEARNING_MATERIAL,
    PLURAL_POINTERS,
    POINTERS,
    PROJECT_CUES,
    QUESTION_STARTS,
    REQUESTED,
    SIDE_BY_SIDE,
    STARTING,
    STOP,
    STRONG_OVERVIEW,
    WHAT_WORDS,
    Word,
)

#: An outside subject's words stand in a need where they and this many of its words match
#: one topic's use cases.
STRONG_USE_CASE_TERMS = 3


def _before_a_purpose(words: Sequence[Word], segments: Set[int]) -> list[Word]:
    """The words of ``segments``, each up to its "for" ("which one | for a first real job")."""
    kept: list[Word] = []
    purposed: set[int] = set()
    for word in words:
        if word.segment not in segments or word.segment in purposed:
            continue
        if word.text == "for":
            purposed.add(word.segment)
        else:
            kept.append(word)
    return kept


#: Between a name and a career word, how senior the job is ("golang fresher salary").
SENIORITY = frozenset(
    {"fresher", "freshers", "junior", "senior", "entry", "level", "intern", "internship", "mid"}
)
JOB_WORDS = FIELD_PEOPLE | SENIORITY


def _outside_of_the_name(words: Sequence[Word], mention: Mention, outside_at: Set[int]) -> bool:
    """Whether an outside subject's word follows a name as the name's own.

    "aws certification worth it", "django developer salary", "php rates per hour", "golang
    fresher salary".
    """
    at = mention.end
    while at < len(words) and words[at].text in JOB_WORDS:
        at += 1
    return at in outside_at and words[at].segment == words[mention.start].segment


class AsideStages:
    """Small talk, names in their everyday sense, subjects outside the roadmap."""

    def __init__(self, shared: Shared) -> None:
        """The stages, reading with ``shared``'s indexes and helpers."""
        self.shared = shared

    def small_talk_or_everyday(self, read: Reading, talk: bool = True) -> Understanding | None:
        """Small talk (if ``talk``), or names used only in their everyday sense.

        Names used only in their everyday sense are refused, unless the message tells a clear
        need.
        """
        message, names = read.message, read.names
        canned = self.shared.talk.small_talk(message, read.mentions, names.unsure) if talk else None
        if canned is not None:
            return Understanding(
                read.question, Intent.UNKNOWN, (), Outcome.SMALL_TALK, canned=canned
            )
        told_everyday = set(names.everyday) - names.beside_only
        if names.everyday and (
            not read.mentions
            # "I'm a Django dev. My pet python hasn't eaten in two weeks": the names kept are
            # only who the learner is
            or (
                told_everyday
                and not read.requests.comparing  # "... flask is lighter. how do they differ?"
                and all(is_background(m, message.words) for m in read.mentions)
            )
        ):
            # "works on my machine but not on the server": read as everyday only from the word
            # beside the name, a clear need (with the name's own words) is still answered; so
            # it is where a kind is asked for ("puppet show tickets never double booked which db")
            clear = (
                self.shared.clear_need(
                    read.question, message, read.kind.kind, names.unsure | names.dropped
                )
                if (set(names.everyday) <= names.beside_only or read.kind.asked_for)
                and not names.foreign
                else None
            )
            return clear or Understanding(read.question, Intent.UNKNOWN, (), Outcome.REFUSED)
        return None

    def outside_roadmap(self, read: Reading) -> Understanding | None:
        """A subject outside the roadmap asked about ("should i buy a new laptop?").

        Refused with its canned reply, unless the roadmap is asked about after all, or the
        outside words only say where a software need happens.
        """
        message, focus, subjects = read.message, read.focus, read.subjects
        outside, hits, outside_at = self.shared.talk.outside_subject(
            message, needs=read.kind.kind is not None, paired=read.paired
        )
        asking = [w for w in message.words if w.sentence == focus]
        asked_outside = (  # "a bootcamp teaching java. is 16 GB of RAM enough?": the laptop
            message.sentences > 1
            and self.shared.talk.outside_words(asking)
            and all(message.words[m.start].sentence != focus for m in subjects)
            # "... MySQL ... PostgreSQL. For our roof jobs, what is the difference between
            # them?": the names told before are what it asks about
            and not asks_how_they_differ({w.text for w in asking})
        )
        kinds = {self.shared.lexicon.kind_of(m) for m in subjects}
        paired = (  # "i freelance ... narrowed it down to rails and django. which suits me?"
            len({m.id for m in subjects}) > 1
            and len(kinds) == 1
            and not self.shared.talk.outside_words(asking)  # not "java or python, which pays"
        )
        owned = (  # not "jwt interview prep resources": material for the name asked for
            bool(subjects)
            and not any(w.text in REQUESTED for w in message.words)
            and all(_outside_of_the_name(message.words, m, outside_at) for m in subjects)
        )
        # "docker tutorials free ones pls, nothin paid": the name's material is asked for
        material = any(material_follows(message.texts, m, LEARNING_MATERIAL) for m in subjects)
        everyday = all(m.ambiguous for m in subjects) and not paired and not material
        if outside is None or not (asked_outside or owned or everyday):
            return None
        evidence = sum(  # "... when i run docker. should i buy a new laptop?": the asking
            (
                w.stem in self.shared.lexicon.software
                or w.stem in self.shared.lexicon.overview_cues
            )  # sentence's own
            and w.stem not in self.shared.lexicon.title_words
            for w in (asking if asked_outside else message.words)
        ) + (  # "scala worth learning for backend jobs?": not covered, first
            0 if asked_outside else len(read.uncovered)
        )
        # "stripe checkout for allotment plot rent": technology the roadmap lacks outweighs
        # as many outside words (unless they are what a later sentence asks)
        lacking = bool(read.uncovered) and not asked_outside
        if (subjects and (hits < evidence or (hits == evidence and lacking))) or (
            self._roadmap_asked_beside(read, asking)
        ):
            return None
        if self.shared.fit_naming(read, outside_at, STRONG_USE_CASE_TERMS):
            return None  # "taxes and discounts at checkout": a use case names them all
        # "our app shows live football scores. what would you build the backend with?":
        # the outside word is where the need happens; the question asks for the need
        names, mentions = read.names, read.mentions
        aside = (
            message.sentences > 1
            and not self.shared.talk.outside_words(asking)
            and (focus in message.questions or bool(ASKING_WORDS & read.focus_words))
            and self.shared.talk.asks_for_software(asking)
            # a software situation told around the need: a software word or a name
            and bool(
                names.software
                or names.doubtful
                or any(m.id in self.shared.knowledge.topics for m in mentions)
            )
            # "a job offer from a company using elixir": about elixir
            and not any(m.not_covered for m in mentions)
        ) or self.shared.talk.asked_beside_outside(
            message, focus, names, mentions, read.kind.asked_for, outside_at
        )
        clear = (
            self.shared.clear_need(
                read.question,
                message,
                read.kind.kind,
                names.dropped | outside_at,
                background=True,
            )
            if aside
            else None
        )
        return clear or Understanding(
            read.question, Intent.UNKNOWN, (), Outcome.REFUSED, canned=outside
        )

    def _roadmap_asked_beside(self, read: Reading, asking: list[Word]) -> bool:
        """Whether a message with outside words still asks about the roadmap or its names.

        ``asking`` holds the words of the sentence that asks.
        """
        message, focus, subjects = read.message, read.focus, read.subjects
        bare = all(w.text in STOP or w.text in QUESTION_STARTS for w in asking)
        requested = [  # a bare "what do you suggest?" asks for what the sentence before asks
            w for w in message.words if w.sentence == focus or (bare and w.sentence == focus - 1)
        ]
        # "... with laravel for my portfolio. any project ideas that would show an employer
        # i can do more?": what the projects are for may be told with outside words
        projects_for_a_name = any(
            m.id in self.shared.knowledge.topics and not is_background(m, message.words)
            for m in subjects
        ) and any(w.text in PROJECT_CUES for w in asking)
        roadmap_question = (
            message.sentences > 1
            and (not self.shared.talk.outside_words(asking) or projects_for_a_name)
            and (
                any(message.words[m.start].sentence == focus for m in subjects)
                or any(w.stem in STRONG_OVERVIEW for w in asking)
                or read.build_request  # "... before applying for jobs. what could i build?"
                or bool(  # "i'd like to practise go ... any project ideas?", "after my
                    # django tutorial i want to make a real project. what do you suggest?"
                    subjects and any(w.text in PROJECT_CUES for w in requested)
                )
                or bool(subjects and {w.text for w in asking} & (POINTERS | PLURAL_POINTERS))
                # "switching careers from teaching. what should i learn first to become a
                # backend developer?": what to learn in the roadmap's own field
                or (  # "... where do i start with backend?"
                    any(w.stem in LEARN_WORDS or w.stem in STARTING for w in asking)
                    and any(w.stem in self.shared.lexicon.title_words for w in asking)
                )
                # "i want to switch careers. what does a backend developer do?": the field
                or asks_what_the_field_is(asking, self.shared.lexicon.title_words)
            )
        )
        # "backend roadmap overview for job seekers": the roadmap named by its title and asked
        # for with another word of the whole path, the outside words saying who it is for;
        # not "backend roadmap salary"
        title_words = self.shared.lexicon.title_words
        roadmap_named = any(
            a.stem in title_words and b.stem in title_words & STRONG_OVERVIEW
            for a, b in pairwise(asking)
        ) and any(w.stem in STRONG_OVERVIEW - title_words for w in asking)
        learning = any(  # "my boss wants me to learn django by monday": django, not the boss
            wanted(m, message.words) and message.words[m.start].sentence == focus for m in subjects
        )
        asked_segments = {w.segment for w in message.words if w.text in WHAT_WORDS}
        side_by_side = (
            any(  # "go or java for a backend job in germany": the two compared
                a.id != b.id
                and b.start == a.end + 1
                and message.words[a.end].text in SIDE_BY_SIDE
                and self.shared.lexicon.kind_of(a) == self.shared.lexicon.kind_of(b)
                for a, b in pairwise(subjects)
            )
            # ... unless asked about: "which pays more, x or y"; not "which one for a job"
            and not self.shared.talk.outside_words(_before_a_purpose(message.words, asked_segments))
        )
        built_with_name = read.asks_to_build and any(  # "what should i build with django to
            message.words[m.start].sentence == focus
            for m in subjects  # get hired"
        )
        words = message.words
        defined = any(  # "... at my job everything is microsoft ..., what is azure exactly",
            # "my team lead wants firebase, is firebase an actual backend", "monolith
            # definition for an interview answer": what it is for told after "for"
            (
                asked_what_it_is(words, m, after=False)
                or _asked_is(words, m)
                or (m.end < len(words) and words[m.end].text in DEFINING)
            )
            and not self.shared.talk.outside_words(
                _before_a_purpose(words, {words[m.start].segment})
            )
            for m in subjects
            if m.id in self.shared.knowledge.topics
        )
        return (
            roadmap_question
            or roadmap_named
            or learning
            or side_by_side
            or built_with_name
            or defined
        )


def _asked_is(words: tuple[Word, ...], mention: Mention) -> bool:
    """Whether a part of a sentence opens by asking whether the name is something ("is x a")."""
    at = mention.start
    return (
        at > 0
        and words[at - 1].text in ("is", "are")
        and (at == 1 or words[at - 2].segment != words[at - 1].segment)
    )
