"""Rule stages for a named topic: material, projects, or the topic itself."""

from __future__ import annotations

from bot.background import is_background, owned_it, wanted
from bot.intent_cues import (
    ASKING_WORDS,
    BE_WORDS,
    BUILT_WITH,
    asked_what_it_is,
    asks_fit,
    asks_how_it_works,
    asks_something_to_build,
    asks_yes_no,
    started_on,
    wants_something,
)
from bot.mentions import Mention
from bot.questions.findings import Asked, ProjectsAsked, Requested
from bot.questions.reading import Reading
from bot.questions.shared import Shared
from bot.understanding import Intent, Understanding
from bot.wording import (
    BUILD_WORDS,
    IDEA_WORDS,
    INTRODUCING,
    LEAD_INS,
    LEARN_WAYS,
    LEARN_WORDS,
    MATERIAL,
    NAME_POINTERS,
    PLURAL_POINTERS,
    POINTERS,
    RESOURCE_CUES,
    STANDING_WINDOW,
    USE_CASE_CUES,
    asks_how_it_stands,
)

#: After "is that", these ask whether a claim told before is true: a question about the name
#: the claim is about.
TRUTH_WORDS = frozenset({"right", "true", "correct", "accurate", "legit"})


def _claim_checked(read: Reading) -> bool:
    """Whether the asking sentence asks if a claim is true ("jwt encrypts data. is that right?")."""
    words = read.message.words
    return any(
        be.sentence == read.focus
        and be.text in BE_WORDS
        and pointer.text in POINTERS
        and truth.text in TRUTH_WORDS
        for be, pointer, truth in zip(words, words[1:], words[2:], strict=False)
    )


def _asked_of_its_first_name(read: Reading) -> bool:
    """Whether the asking sentence asks yes or no of the name it opens with.

    "is node ok for a first backend?" asks about Node, not for one of its frameworks.
    """
    words = read.message.words
    at = next(
        (i for i, w in enumerate(words) if w.sentence == read.focus and w.text not in LEAD_INS),
        None,
    )
    return (
        at is not None
        and words[at].text in BE_WORDS
        and any(m.start == at + 1 for m in read.subjects)
    )


class NamedStages:
    """Material or projects for what is named, a need beside it, or the topic."""

    def __init__(self, shared: Shared) -> None:
        """The stages, reading with ``shared``'s indexes and helpers."""
        self.shared = shared

    def requested(self, read: Reading, asked: Asked, projects: ProjectsAsked) -> Requested:
        """Whether material or projects are asked for, from the request words."""
        message, requests, topic_ids = read.message, read.requests, read.topic_ids
        requesting, request_sentences = requests.requesting, requests.request_sentences
        cues = requests.cues
        asks_for_kind = read.kind.kind is not None and bool(USE_CASE_CUES & cues or "what" in cues)
        built_with = any(  # "what to build with go"; not "... making websites. what would using
            # it on the server look like" nor "is js enough to build an api with node"
            w.text in BUILD_WORDS
            and w.sentence in request_sentences
            and any(v.text in BUILT_WITH and v.sentence == w.sentence for v in requesting[at:])
            for at, w in enumerate(requesting)
        )
        request = requests.request_cues  # what the request words say, from the sentence asking
        wants_projects = projects.asked or (
            not asks_for_kind
            and bool(
                (frozenset() if projects.opinion else IDEA_WORDS) & request
                or (built_with and not asks_yes_no(read.focus_texts))
                or asks_something_to_build(requesting, request_sentences)
                or (
                    BUILD_WORDS & request
                    and "what" in request
                    and "use" not in request
                    and not topic_ids
                )
            )
        )
        # "where do i start with (the) docker"
        started = {m.start for m in read.subjects} & started_on(message.words)
        wants_projects = wants_projects or (read.build_request and bool(topic_ids))
        # "what is express actually, and what would i build with it": what it is (its card shows
        # what to build with it); projects asked for by name are still projects
        wants_projects = wants_projects and (projects.asked or not asked.asks_what)
        resources = bool(
            RESOURCE_CUES & request
            or ((LEARN_WORDS & request or read.improving) and LEARN_WAYS & request)
            or asked.learn_way
            or (started and not asked.compare)
        ) and not (wants_projects and BUILD_WORDS & request)
        # "what project would teach us the login flow": the project teaches, no material asked
        resources = resources and not (projects.asked and not MATERIAL & request)
        # "i keep reading about couchdb. what is it?": what it is asked, no material
        resources = resources and not (
            asked.asks_what and not requests.focus_cues & (RESOURCE_CUES | LEARN_WORDS)
        )
        unnamed_request = (  # "our backend is one express app ... what should i read about?"
            message.sentences > 1
            and all(message.words[m.start].sentence != read.focus for m in read.subjects)
            and not read.focus_words & (POINTERS | PLURAL_POINTERS)
            and not any(wanted(m, message.words) for m in read.subjects)
        )
        return Requested(resources, wants_projects, asks_for_kind, unnamed_request)

    def need_beside_topic(
        self, read: Reading, asked: Asked, requested: Requested
    ) -> Understanding | None:
        """A need told with a named topic that its child, or another topic, fits far better.

        "serve a model, python": the child made for it; "our rails app is deployed by hand.
        what should we learn to stop that": the need, the name only context.
        """
        question, message, focus, topic_ids = (
            read.question,
            read.message,
            read.focus,
            read.topic_ids,
        )
        if not (
            topic_ids
            and (not requested.resources or requested.unnamed_request)
            and not requested.projects
            and read.kind.kind is None
        ):
            return None
        # "what is node.js and why would a team choose it", "so what's express.js exactly, a
        # server? a library?": the names asked what they are, their own subjects
        defined = {
            m.id
            for m in read.subjects
            if asked_what_it_is(message.words, m, after=False)
            and not is_background(m, message.words)  # not "what do go devs use"
        }
        answer = (
            None
            if asked.names_itself
            or topic_ids[0] in defined
            or asks_how_it_works(read.focus_texts)  # "node.js is javascript on a server? how?"
            or read.asked_what_for()
            or _asked_of_its_first_name(read)
            else self.shared.needs.child_for_need(question, topic_ids[0], read.terms)
        )
        points_back = message.sentences > 1 and bool(read.focus_words & POINTERS)
        wants_to_do = wants_something(message, read.requests.cues, read.subjects)
        told = [m for m in read.subjects if m.id in self.shared.knowledge.topics]
        focused = [m for m in told if message.words[m.start].sentence == focus]
        context = self._only_context(read, told)
        about = (
            any(  # "what should i know about database management": asks about it
                (m.start and message.words[m.start - 1].text == "about")
                or wanted(m, message.words)  # "i want to learn aws, is that a bad idea"
                or (  # "deployed on heroku, docker what for"; not "what do go devs use"
                    asked_what_it_is(message.words, m) and not is_background(m, message.words)
                )
                or any(  # "is nestjs worth it for backend": how it stands; "mongodb basics"
                    (asks_how_it_stands(message.words, at) or message.words[at].text in INTRODUCING)
                    and message.words[at].segment == message.words[m.start].segment
                    for at in range(m.end, min(m.end + STANDING_WINDOW, len(message.words)))
                )
                for m in focused
            )
            or any(m.id in defined for m in told)
            or _claim_checked(read)
        )
        if (
            answer is None
            and not asked.asks_what
            and not about
            and ((wants_to_do and not points_back) or context)
        ):
            answer = self.shared.needs.elsewhere(
                question,
                topic_ids,
                read.terms,
                settle=context,
                fit=asks_fit(message.texts, focused),
            )
        elif (
            answer is None
            and not about  # "friend says learn pyhton for backend, good idea?"
            and not asked.asks_what  # "explain microservices real quick"
            and not read.focus_words & ASKING_WORDS
            and not (focused and focus in message.questions)  # "is go hard to pick up?"
            and not points_back
        ):
            # "express api keeps crashing and i only hear it from users": a situation told
            # with a name, asking nothing about it, whose need fits elsewhere
            answer = self.shared.needs.elsewhere(question, topic_ids, read.terms, told=True)
        if (
            answer is None
            and not about
            and not requested.resources
            and self._named_in_passing(read, topic_ids[0])
        ):
            answer = self.shared.needs.elsewhere(
                question, topic_ids, read.terms, settle=True
            ) or self._own_need(read, topic_ids[0])
        if answer is not None and (answer.confident or not requested.resources):
            return answer  # material for the name, unless the need clearly fits elsewhere
        return None

    def _own_need(self, read: Reading, topic_id: str) -> Understanding | None:
        """A clear need that the topic named in passing fits best, as its use case.

        "domain name point to my server how": the hosting environment, for the need.
        """
        answer = self.shared.needs.use_case(read.question, read.terms, None, strong=True)
        if answer is not None and answer.confident and answer.topic_ids[0] == topic_id:
            return answer
        return None

    def _named_in_passing(self, read: Reading, topic_id: str) -> bool:
        """Whether a topic is named only by an everyday word of it, not asked what it is.

        "how does a phone app talk to its server": a word, not Network and Hosting; never
        its own name or a misspelling of it ("dokcer vs vm").
        """
        topic = self.shared.knowledge.topics[topic_id]
        misspelt = self.shared.lexicon.misspelt.get(topic_id, frozenset())
        return all(
            m.ambiguous
            and m.name not in (topic.id, topic.title.lower())
            and m.name not in misspelt
            and not asked_what_it_is(read.message.words, m, after=False)
            for m in read.mentions
            if m.id == topic_id
        )

    @staticmethod
    def _only_context(read: Reading, told: list[Mention]) -> bool:
        """Whether the topics ``told`` only set the scene of a question that asks about none.

        "our rails app is deployed by hand. what should we learn to stop that"; not "how does
        express compare? is there dependency injection?" (asked about too), nor "... what is
        it for" (pointed at; not "our app is slow when we hit it").
        """
        message, focus = read.message, read.focus
        pointed = any(
            w.sentence == focus and w.text in NAME_POINTERS and not owned_it(message.words, at)
            for at, w in enumerate(message.words)
        )
        return not pointed and all(
            (
                message.words[m.start].sentence != focus
                and message.words[m.start].sentence not in message.questions
            )
            or is_background(m, message.words)
            for m in told
        )

    def projects_for_name(
        self, read: Reading, requested: Requested, projects: ProjectsAsked
    ) -> Understanding | None:
        """Projects for the name just before a project word ("aws deployment project")."""
        question, named = read.question, projects.named
        if not requested.projects or requested.resources or named is None:
            return None
        step = self.shared.knowledge.section(named.id)
        clear = [  # "aws deployment project", "auth project with jwt": the step's topic
            m.id
            for m in read.subjects
            if step is not None and m.id in step.topic_ids and not m.ambiguous
        ]
        if clear:
            return Understanding(question, Intent.PROJECTS, (clear[0],))
        if step is not None and not self.shared.lexicon.is_overview_phrase(named.name):
            return Understanding(question, Intent.PROJECTS, step.topic_ids, section_id=named.id)
        if named.id in self.shared.knowledge.topics:
            return Understanding(question, Intent.PROJECTS, (named.id,))
        return None

    def topic(self, read: Reading, requested: Requested) -> Understanding | None:
        """The named topic: its material, its projects, or the topic itself."""
        question, topic_ids = read.question, read.topic_ids
        if not topic_ids:
            return None
        if requested.resources:
            return Understanding(question, Intent.RESOURCES, topic_ids[:1])
        if requested.projects:
            return Understanding(question, Intent.PROJECTS, topic_ids[:1])
        asked = {  # "i only ever touched express, so what is gin": gin first
            m.id
            for m in read.mentions
            if m.id in topic_ids and asked_what_it_is(read.message.words, m, after=False)
        }
        if len(asked) == 1 and topic_ids[0] not in asked:
            topic_ids = (*asked, *(t for t in topic_ids if t not in asked))
        reasons = {
            fit.topic_id: fit.reasons
            for fit in self.shared.ranker.rank(read.terms, set(topic_ids[:1]))
        }
        return Understanding(question, Intent.TOPIC, topic_ids, reasons=reasons)
