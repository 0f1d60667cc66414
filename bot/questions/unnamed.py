"""Rule stages for a message naming no topic: steps, the overview, needs, the last resort."""

from __future__ import annotations

from collections.abc import Sequence, Set
from itertools import pairwise

from bot.background import OWN_STACK, OWNERS
from bot.intent_cues import (
    ASKING_WORDS,
    DOING,
    WANTING,
    asked_what_it_is,
    asks_what_the_field_is,
)
from bot.mentions import Mention
from bot.questions.findings import Asked, ProjectsAsked, Requested, StepAsked
from bot.questions.reading import Reading
from bot.questions.shared import Shared
from bot.understanding import Intent, Outcome, Understanding
from bot.wording import (
    BUILD_WORDS,
    INCIDENTAL_OVERVIEW,
    LEARN_WORDS,
    NAME_POINTERS,
    POINTERS,
    PROJECT_CUES,
    ROADMAP_WORDS,
    STARTING,
    STEP_WORDS,
    STOP,
    STRONG_OVERVIEW,
    USE_CASE_CUES,
    Message,
    wordset,
)

#: Beside a kind that names a step, words asking what there is of it ("types of databases",
#: "what databases do devs normally use", "databases list"): the step as a whole, no need.
SURVEYING = wordset(
    """type types kind kinds sort sorts normal normally usual usually typical typically common
    commonly popular main mainstream standard know list lists"""
)
#: Words that take the whole of the roadmap named after them ("whole roadmap in short").
WHOLE = frozenset({"whole", "full", "entire", "complete", "all"})
#: Words of asking for a way to act ("what do i need to learn", "how do we stop it").
WAYS = WANTING | DOING | LEARN_WORDS


#: Words that ask what to learn for the field instead of what it is ("what does a backend dev
#: need to know").
FIELD_LEARNT = WANTING | frozenset({"know", "knows", "expected", "should", "skill", "roadmap"})


#: After the roadmap's word, these ask what it holds ("does this roadmap teach"), no material.
TEACHING = frozenset({"teach", "teaches"})
#: After the roadmap named in its sentence, these point at it ("the roadmap, which parts it has").
ROADMAP_IT = frozenset({"it", "its"})


def _restated(
    read: Reading, others: list[Mention], steps: Sequence[str], title_words: Set[str]
) -> bool:
    """Whether these names are steps of the field named only after it, saying it again.

    "what is backend, the server side?"; not "what does api integration mean, and what does a
    backend dev do ...", where the step is named before the field too.
    """
    words = read.message.words
    field_at = next(
        (at for at, w in enumerate(words) if w.sentence == read.focus and w.stem in title_words),
        len(words),
    )
    before = {m.id for m in read.mentions if m.start < field_at}
    after = {m.id for m in read.mentions if m.start > field_at}
    return all(m.id in steps and m.id in after - before for m in others)


class UnnamedStages:
    """A step, the overview, a need, or what is left, when no topic is named."""

    def __init__(self, shared: Shared) -> None:
        """The stages, reading with ``shared``'s indexes and helpers."""
        self.shared = shared

    def step_asked(self, read: Reading, asked: Asked, requested: Requested) -> StepAsked:
        """The roadmap step a message names, and whether it (or the whole path) is asked for."""
        message, focus, focus_words, focus_stems = (
            read.message,
            read.focus,
            read.focus_words,
            asked.focus_stems,
        )
        section_id = next(
            (
                m.id
                for m in read.subjects
                if self.shared.knowledge.section(m.id)
                and not self.shared.lexicon.is_overview_phrase(m.name)
            ),
            None,
        )
        section = self.shared.knowledge.section(section_id) if section_id else None
        # "what does the databases part cover", "resources for the auth section": the step
        # itself is asked for, not a need
        named_step = any(
            m.id == section_id and self.shared.name_finder.as_step(message, m, focus)
            for m in read.subjects
        )
        step_asked = section is not None and (
            ((requested.resources or requested.projects) and not read.kind.asked_for)
            or named_step
            or bool(focus_words & ROADMAP_WORDS)  # "which languages are in the roadmap"
            or self._surveyed(read, section_id)
        )
        # "what are the main parts of backend", "list the sections": the roadmap's steps
        # "I keep seeing this roadmap. what does it cover, the big stages?": "it" points at the
        # roadmap named in the sentence just before
        roadmap_pointed = bool(focus_words & POINTERS) and any(
            w.text in ROADMAP_WORDS and w.sentence == focus - 1 for w in message.words
        )
        steps = (  # not "which part covers that": a need; not "which part of town"
            asked.software_talk
            and section is None
            and bool(focus_stems & STEP_WORDS)
            and not read.topic_ids
            and (not focus_words & POINTERS or roadmap_pointed)
        )
        overview = bool(steps or focus_stems & self.shared.lexicon.overview_cues) and (
            roadmap_pointed or not self._off_subject(message, focus, [])
        )
        starting_point = (  # "new to backend. where do i start?", not "new to the city"
            asked.software_talk
            and bool(focus_stems & STARTING)
            and "where" in focus_words
            and not BUILD_WORDS & read.requests.cues
        )
        strong = (
            bool(focus_stems & STRONG_OVERVIEW)
            or steps
            or starting_point
            or (asked.learn_next and not read.names.doubtful)
        )
        return StepAsked(
            section_id, section, named_step, step_asked, steps, overview, starting_point, strong
        )

    def field_asked(self, read: Reading, requested: Requested) -> Understanding | None:
        """The step named after the roadmap's field, asked what the field itself is or does.

        "what even is backend lol", "wat does a backend dev even do all day": the field's own
        step answers; what to learn for it ("what should i learn for backend", "what skills
        does a backend developer need") is the overview's.
        """
        section_id = self.shared.lexicon.field_section
        if section_id is None:
            return None
        section = self.shared.knowledge.section(section_id)
        title_words = self.shared.lexicon.title_words
        words = read.message.words
        asking = [w for w in words if w.sentence == read.focus]
        stems = {w.stem for w in asking}
        others = [  # subjects of the asking sentence other than the field's own step
            m for m in read.subjects if words[m.start].sentence == read.focus and m.id != section_id
        ]
        if (
            read.kind.kind is not None
            or requested.resources
            or requested.projects
            or (others and not _restated(read, others, section.topic_ids, title_words))
            or stems & (self.shared.lexicon.overview_cues - title_words | LEARN_WORDS)
            or read.focus_words & FIELD_LEARNT
        ):
            return None
        if not asks_what_the_field_is(asking, title_words):
            return None
        return Understanding(read.question, Intent.TOPIC, section.topic_ids, section_id=section_id)

    def step_with_its_examples(self, read: Reading, requested: Requested) -> Understanding | None:
        """A step named as one, then some of its own topics as the learner's guesses of it.

        "whats the databases bit cover then, sql an that?", "what all's in the API part then,
        rest and graphql and what else": what the step holds, not the topics guessed, which
        follow it in the same sentence, after a comma; not "in the databases part, what is
        sql?" (the topic is asked about), nor "I'm at the basics part and it keeps saying
        application logic" (a topic of the step met there). Asked about in a later sentence,
        the step holds several topics told ("the part about deployment, the one with docker and
        cloud stuff. What will I be learning in that whole section?"); one told is the topic.
        """
        message, knowledge = read.message, self.shared.knowledge
        named = next(
            (
                m
                for m in read.mentions
                if knowledge.section(m.id)
                and not self.shared.lexicon.is_overview_phrase(m.name)
                and self.shared.name_finder.as_step(message, m, read.focus)
            ),
            None,
        )
        if named is None or not read.subjects:
            return None
        section = knowledge.section(named.id)
        at = message.words[named.start]
        if at.sentence != read.focus and len({m.id for m in read.subjects}) < 2:
            return None  # "... the basics ..., 'server, network an hosting environment' ... Wuh
            # exactly dat part about?": the one topic told, asked about later
        if not all(
            m.start > named.start
            and m.id in section.topic_ids
            and message.words[m.start].sentence == at.sentence
            and message.words[m.start].segment != at.segment  # "..., sql an that?"
            and not asked_what_it_is(message.words, m)
            for m in read.subjects
        ):
            return None
        asked = StepAsked(
            section_id=named.id,
            section=section,
            named_step=True,
            step_asked=True,
            steps=False,
            overview=False,
            starting_point=False,
            strong=False,
        )
        return self.step(read, requested, asked)

    def overview(self, read: Reading, asked: Asked, step: StepAsked) -> Understanding | None:
        """The whole path, asked for with a strong cue (unless a clear need is where to start)."""
        if not (step.section is None and step.overview and step.strong and read.kind.kind is None):
            return None
        # "our login page got hacked. where do we start?": a clear need is where to start;
        # "... splitting the system into separately deployed parts. does the roadmap have a
        # name for that?": the need told before is what the roadmap is asked about
        words = read.message.words
        # not "what does this (backend) roadmap hold", nor "... this backend roadmap, which big
        # parts it has": those point at the roadmap
        points_back = read.message.sentences > 1 and any(
            w.sentence == read.focus
            and w.text in POINTERS
            and not any(v.text in ROADMAP_WORDS for v in words[at + 1 : at + 3])
            and not (
                w.text in ROADMAP_IT
                and any(v.text in ROADMAP_WORDS and v.sentence == w.sentence for v in words[:at])
            )
            for at, w in enumerate(words)
        )
        starting = step.starting_point and not asked.focus_stems & STRONG_OVERVIEW
        need = (
            self.shared.confident_need(
                read.question, read.message, read.kind.kind, read.requests.told
            )
            if (starting or points_back) and not step.steps
            else None
        )
        return need or Understanding(read.question, Intent.OVERVIEW, ())

    def _surveyed(self, read: Reading, section_id: str | None) -> bool:
        """Whether a step named by its kind is asked what it holds ("types of databases").

        The need's words only ask what there is of it or name the field ("what databases do
        backend devs normally use"); "which database is most popular for startups" has a need.
        """
        lexicon = self.shared.lexicon
        sources = {source for _, source in read.all_terms.values()}
        return (
            bool(read.focus_words & SURVEYING)
            and all(lexicon.names_a_kind(m) for m in read.subjects if m.id == section_id)
            and all(s in SURVEYING or s in lexicon.software for s in sources)
        )

    def need_asked(
        self, read: Reading, requested: Requested, step: StepAsked
    ) -> Understanding | None:
        """A need asked for with a need word, a kind, or software context ("what db for x")."""
        names, cues, kind = read.names, read.requests.cues, read.kind.kind
        asked_need = bool(
            USE_CASE_CUES & cues
            or BUILD_WORDS & cues
            or ("for" in cues and ((names.software and not self._learners_only(read)) or kind))
            or (kind and "what" in cues)
        )
        sources = {source for _, source in read.all_terms.values()}
        if (
            (asked_need or kind is not None)
            and not requested.projects
            and not step.step_asked
            and not names.foreign
            and (names.software or kind is not None or len(sources) >= 2 or USE_CASE_CUES & cues)
        ):
            answer = self.shared.needs.use_case(
                read.question,
                read.all_terms,
                kind,
                asked=asked_need and not read.kind.only_mentioned,
                context=bool(names.software or kind is not None),
            )
            # "backend basics for total beginners": a step named by its own name beats a need
            # too weak to answer
            unsure = answer is not None and answer.outcome is Outcome.ASKED_BACK
            return None if unsure and self._named_by_name(read, step) else answer
        return None

    def _learners_only(self, read: Reading) -> bool:
        """Whether the only software words tell who learns ("chess openings for beginners")."""
        lexicon = self.shared.lexicon
        learners = lexicon.overview_cues - lexicon.title_words  # not "backend for live bids"
        software = [w for w in read.message.words if lexicon.is_software(w)]
        return (
            bool(software)
            and not read.mentions
            and all(w.text in learners or w.stem in learners for w in software)
        )

    def _named_by_name(self, read: Reading, step: StepAsked) -> bool:
        """Whether the step is named by a name of its own ("backend basics").

        Several words ("programming languages"), not a kind word, nor one as common as "api".
        """
        return step.section is not None and any(
            m.id == step.section_id
            and m.end - m.start > 1
            and not self.shared.lexicon.names_a_kind(m)
            for m in read.subjects
        )

    def need_with_no_name(
        self, read: Reading, asked: Asked, projects: ProjectsAsked, step: StepAsked
    ) -> Understanding | None:
        """A clear need with no topic named ("stop bots spamming my api").

        The step's word "api" is where the need is, not what is asked about. "client wants
        'login with facebook', what do i learn": a clear need decides what to learn; only the
        roadmap asked for by name ("what are the steps") is the overview.
        """
        names, doubtful, focus_words = read.names, read.names.doubtful, read.focus_words
        what_to_learn = bool(asked.focus_stems & LEARN_WORDS) and not step.strong
        about_step = step.step_asked or (
            (step.section is not None or (step.overview and not what_to_learn))
            and "what" in focus_words
        )
        if (
            read.topic_ids
            or names.everyday
            or about_step
            or projects.first
            or (not read.mentions and self.shared.lexicon.foreign_beside_title(read.message))
        ):  # software word, no name: not a need of this roadmap
            return None
        # "scrape competitor prices daily" is a need among words foreign to the roadmap; "which
        # route from hanoi to hue" is not: among them a need must be far clearer
        answer = self.shared.needs.use_case(
            read.question, read.all_terms, read.kind.kind, strong=True, foreign=names.foreign
        )
        if answer is not None and doubtful and answer.topic_ids[0] in doubtful:
            # "django admin panel": the name's own use case settles its sense; it is asked about
            named = answer.topic_ids[0]
            return Understanding(read.question, Intent.TOPIC, (named,), reasons=answer.reasons)
        rival = (  # "spring dependency injection": a message led by a name is Spring's, if any
            answer is not None
            and 0 in names.unsure
            and any(
                self.shared.knowledge.topics[d].kind
                == self.shared.knowledge.topics[answer.topic_ids[0]].kind
                for d in doubtful
            )
        )
        # "a go kart track opened near me": among foreign words, an unsure name's own use case
        # or a far clearer need; "nearby search" alone is neither
        if answer is not None and not rival:
            return answer
        return None

    def kind_choices(
        self, read: Reading, requested: Requested, step: StepAsked
    ) -> Understanding | None:
        """The topics of the kind asked for, offered back ("which database should i use")."""
        kind = read.kind.kind
        by_kind_word = step.section is not None and all(
            self.shared.lexicon.names_a_kind(m) for m in read.subjects if m.id == step.section_id
        )
        if (
            (step.section is None or (by_kind_word and read.all_terms))
            and requested.asks_for_kind
            and kind is not None
            and not requested.projects
            and not step.step_asked
        ):
            choices = self.shared.needs.kind_choices(kind, read.all_terms)
            if choices:
                return Understanding(read.question, Intent.USE_CASE, choices, Outcome.ASKED_BACK)
        return None

    def owned_step(self, read: Reading, step: StepAsked) -> Understanding | None:
        """A step's name for a thing of the learner's ("when our api throws 500s"): a need.

        With no need found, the step is offered back: it may still be what they mean.
        """
        section = step.section
        owned_step = any(  # "when our api throws 500s", "the api keys": a thing of theirs
            m.id == step.section_id
            and m.start > 0
            and read.message.words[m.start - 1].text in OWNERS
            for m in read.subjects
        )
        if section is None or not owned_step or step.named_step or step.step_asked:
            return None
        answer = self.shared.needs.use_case(
            read.question, read.all_terms, read.kind.kind, rare=True
        )
        if answer is not None:
            return answer
        return Understanding(
            read.question,
            Intent.TOPIC,
            section.topic_ids,
            Outcome.ASKED_BACK,
            section_id=step.section_id,
        )

    def step(self, read: Reading, requested: Requested, step: StepAsked) -> Understanding | None:
        """The step named: its material, its projects, or what it holds."""
        if step.section is None:
            return None
        # "what does the monitoring bit teach": what the step holds, not material for it
        holds = (
            step.named_step
            and any(  # "what does it teach", not "what should i read"
                a == "what" and b in ("does", "do") for a, b in pairwise(read.focus_texts)
            )
        ) or any(  # "which languages does this roadmap teach": what it holds
            a in ROADMAP_WORDS and b in TEACHING for a, b in pairwise(read.focus_texts)
        )
        material = requested.resources and not holds
        intent = (
            Intent.RESOURCES
            if material
            else Intent.PROJECTS
            if requested.projects
            else Intent.TOPIC
        )
        return Understanding(
            read.question, intent, step.section.topic_ids, section_id=step.section_id
        )

    def last_resort(
        self, read: Reading, asked: Asked, requested: Requested, step: StepAsked
    ) -> Understanding:
        """What is left: projects, a doubtful name, the overview, or a refusal.

        A doubtful topic's name is offered back; technology the roadmap lacks is said to be
        not covered.
        """
        question, message, names = read.question, read.message, read.names
        doubtful, focus_words = names.doubtful, read.focus_words
        beyond_projects = any(  # "a science fair next week. any project ideas?": not software
            self.shared.lexicon.is_software(w) and w.text not in PROJECT_CUES for w in message.words
        )
        if (
            requested.projects
            and not self._off_subject(message, read.focus, read.mentions)
            and (message.sentences == 1 or beyond_projects or bool(read.mentions))
        ):
            return Understanding(question, Intent.PROJECTS, ())
        if doubtful and (len(doubtful) > 1 or not names.foreign):  # two names: software
            return Understanding(question, Intent.UNKNOWN, doubtful, Outcome.ASKED_BACK)
        if names.everyday or doubtful:
            return Understanding(question, Intent.UNKNOWN, (), Outcome.REFUSED)
        if names.doubtful_uncovered and not names.foreign:  # "how do i set up stripe?"
            return self.shared.not_covered(question, list(names.doubtful_uncovered))
        # "how do i create a new instagram account": "new" or "first" alone, in no software
        # talk, is no question about the roadmap
        learning_asked = bool(
            asked.focus_stems & self.shared.lexicon.overview_cues - INCIDENTAL_OVERVIEW
        )
        if step.overview and (names.software or (message.sentences == 1 and learning_asked)):
            # "what should i do next", after sentences about Spanish lessons, is not the roadmap
            return Understanding(question, Intent.OVERVIEW, ())
        if names.software and focus_words & ASKING_WORDS and focus_words & WAYS:
            # "my site got hacked, what do i need to learn": a way asked for in a software
            # situation; a need on one telling word is offered back rather than refused
            answer = self.shared.needs.use_case(question, read.all_terms, read.kind.kind, rare=True)
            if answer is not None:
                return answer
        near, typos = self.shared.name_finder.near_misses(read.rest)
        if near and names.foreign:  # a misspelt name is no reason to ask back among other words
            content = [w for w in self.shared.lexicon.content(read.rest) if w.text not in typos]
            near = () if self.shared.lexicon.mostly_foreign(message.words, content) else near
        if near:
            return Understanding(question, Intent.UNKNOWN, near, Outcome.ASKED_BACK)
        return Understanding(question, Intent.UNKNOWN, (), Outcome.REFUSED)

    def _off_subject(self, message: Message, focus: int, mentions: list[Mention]) -> bool:
        """Whether the asking sentence is about something else: unknown words, no roadmap words.

        Never where it names the roadmap itself ("whole roadmap in short").
        """
        if self._roadmap_itself(message, focus):
            return False
        named = {i for m in mentions for i in range(m.start, m.end)}
        content = [
            w
            for i, w in enumerate(message.words)
            if w.sentence == focus and i not in named and w.text not in STOP
        ]
        known = [
            w
            for w in content
            if w.text in self.shared.lexicon.cue_words
            or w.stem in self.shared.lexicon.software
            or w.stem in self.shared.lexicon.overview_cues
            or w.text in STEP_WORDS
        ]
        return len(content) - len(known) > len(known) or (bool(content) and not known)

    def _roadmap_itself(self, message: Message, focus: int) -> bool:
        """Whether the asking sentence names the roadmap itself, not one of the learner's own.

        "whole roadmap in short", "gimme the roadmap summary"; not "product roadmap template
        for q3", "our roadmap", "what is it about, the roadmap".
        """
        words = [w for w in message.words if w.sentence == focus]
        if any(w.text == "about" for w in words):
            return False
        for at, word in enumerate(words):
            if word.text not in ROADMAP_WORDS:
                continue
            if any(w.text in NAME_POINTERS for w in words[:at]):
                return False
            before = words[at - 1] if at else None
            return before is None or (
                (before.text in STOP and before.text not in OWN_STACK)
                or before.text in WHOLE
                or before.stem in self.shared.lexicon.title_words
            )
        return False
