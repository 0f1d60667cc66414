"""Rule stages about kinds of things, technology not covered, and comparisons."""

from __future__ import annotations

from collections.abc import Sequence, Set
from itertools import pairwise

from bot.background import asking_segments, is_background, names_a_need, pointed_at
from bot.intent_cues import (
    ASKING_WORDS,
    BE_WORDS,
    asked_what_it_is,
    asks_how_it_works,
    asks_how_the_thing_told_works,
    asks_yes_no,
    only_in_passing,
    wants_something,
    weighed_against_another_way,
)
from bot.mentions import Mention, material_follows
from bot.questions.findings import Asked, ProjectsAsked
from bot.questions.reading import Reading
from bot.questions.shared import MAX_COMPARED, Shared
from bot.subjects import opening_peers
from bot.understanding import Intent, Understanding
from bot.wording import (
    ARTICLES,
    CHAT_OPENERS,
    COMPARATIVES,
    COMPARE_CUES,
    EQUATING,
    IDEA_SENSES,
    IDEA_WORDS,
    IN_THE_ROADMAP,
    INDEFINITE_ARTICLES,
    INTRODUCING,
    LEARN_WORDS,
    LIKENESS_CUES,
    MATERIAL,
    NAME_POINTERS,
    OR_ELSEWHERE,
    PLURAL_POINTERS,
    PRACTICE,
    PRACTICE_THINGS,
    PREFERRED_TO,
    PROJECT_NOUNS,
    RESOURCE_CUES,
    ROADMAP_WORDS,
    SIDE_BY_SIDE,
    SOFTWARE_THINGS,
    THE_PATH,
    WHAT_WORDS,
    Message,
    Word,
    here_placed,
    roadmap_placed,
    wordset,
)

#: Words pointing back at technology told before ("is that part of the roadmap").
POINTING_BACK = wordset("it that those them these they e")  # pidgin "e dey inside?"
#: Before a pointing word and a part, these ask whether it is in the roadmap ("is that part").
IS_WORDS = wordset("is are isnt arent")
#: After a pointing word, these make it point at a part of the roadmap ("that part").
ROADMAP_PARTS = wordset("part parts section sections chapter step steps area bit side")
#: Shortly before a name, these make the name what is asked about ("how does nginx work",
#: "which wordpress plugin").
ABOUT_NAME = wordset("does do is are what whats which about use using learn try start started need")
#: Shortly before technology the roadmap lacks, trouble with it ("fix wordpress plugin
#: conflict"; "out" of "sort out a wordpress plugin conflict").
TROUBLESHOOTING = wordset(
    "fix fixing debug debugging troubleshoot troubleshooting repair resolve out"
)
#: At most this many words between a troubleshooting word and the name ("fix the old ...").
TROUBLESHOOTING_GAP = 2
#: Before a name closing the sentence that asks, these make it what the asked work is done in
#: ("how do i make a backup of a sql server database", "add a plugin in wordpress").
DONE_IN = wordset("in of into")
#: Verbs of making a thing, before technology the roadmap lacks that it is made on ("how do i
#: make a shopify store", "how ya make a wordpress plugin", "how do i set up a shopify app").
MAKING = wordset("make build create set setup code configure install")
#: At most this many words between "how" and such a verb ("how do i make", "how ya make").
HOW_GAP = 3
#: Before a language the roadmap lacks, these make it what a roadmap thing is built in.
WRITTEN_IN = wordset("in with using")
#: Kinds of topic that are themselves what work is built with, so never built in a language.
BUILT_WITH = frozenset({"language", "framework"})
#: Before "project", these make it the learner's own project, not a request for projects.
OWNED = frozenset({"my", "our", "this", "his", "her", "their", "most", "many", "all", "every"})
#: One of these at most this many words before "project" makes it one the learner has or
#: means ("enough for a small side project"), not projects asked for ("firebase side project").
OWNED_PROJECT_GAP = 4
HAVING_PROJECT = frozenset({"for", "in"})
#: Just after "project", these say what a project is or does: one the learner has.
PROJECT_BEING = frozenset({"uses", "is", "needs", "has", "runs", "was", "requires"})
#: After "project", these make it a job or a way of working, not projects asked for ("I'm the
#: project manager").
PROJECT_WORK = frozenset({"manager", "managers", "management", "lead", "coordinator", "owner"})
#: After "project", these make it the learner's ("which fits a hobby project like this").
LIKE_MINE = frozenset({("like", "this"), ("like", "mine"), ("like", "ours"), ("of", "mine")})
#: After two names of a kind, these ask which of them to pick ("which one", "who's right").
PICKING_ONE = frozenset({"which", "who", "whos"})
#: After "best", words that leave it the pick itself ("whats best", "best for a shop"), not
#: the best of something else ("the best way to host them").
BEST_OF_THEM = frozenset({"for", "one", "choice", "option", "pick", "bet", "here", "overall"})
#: Technology the roadmap lacks is part of a need where a use case naming it matches this many
#: of the message's words (the name among them).
NAMED_NEED_TERMS = 3


#: Between "is django a" and the kind word, at most this many words ("a programming language").
OF_THE_KIND_GAP = 3


def _asked_if_of_the_kind(read: Reading) -> bool:
    """Whether a name is asked if it is of the kind: what it is, not another of that kind.

    "is django a programming language or what" asks what Django is.
    """
    words, at = read.message.words, read.kind.at
    return at is not None and any(
        m.start
        and words[m.start - 1].text in BE_WORDS
        and m.end < at <= m.end + OF_THE_KIND_GAP
        and words[m.end].text in INDEFINITE_ARTICLES
        for m in read.subjects
    )


def _or_elsewhere_between(texts: Sequence[str], subjects: list[Mention]) -> bool:
    """Whether "or" in another language stands alone between two names, as told.

    Only there ("express o nestjs per iniziare", "laravel na symfony"): elsewhere such a word is
    too often part of a name ("o auth") or a word of its own.
    """
    told = sorted(subjects, key=lambda m: m.start)
    return any(b.start == a.end + 1 and texts[a.end] in OR_ELSEWHERE for a, b in pairwise(told))


def _named_again_in_short(message: Message, mention: Mention, focus: int) -> bool:
    """Whether the asking sentence, after the one naming it, names the technology by one word.

    "... one Microsoft Access file for the masterpoints. Where can I learn Access forms?": the
    technology is what is asked about, not the trouble told around it.
    """
    name_words = set(mention.name.split())
    return (
        len(name_words) > 1
        and message.words[mention.start].sentence < focus
        and any(w.sentence == focus and w.text in name_words for w in message.words)
    )


def _best_picked(message: Message, focus: int) -> bool:
    """Whether the asking sentence asks for the best one itself ("whats best", "best for me")."""
    words = message.words
    return any(
        w.text == "best"
        and w.sentence == focus
        and (
            at + 1 == len(words)
            or words[at + 1].sentence != focus
            or words[at + 1].text in BEST_OF_THEM
        )
        for at, w in enumerate(words)
    )


class KindStages:
    """Kinds asked for, technology the roadmap lacks, names compared."""

    def __init__(self, shared: Shared) -> None:
        """The stages, reading with ``shared``'s indexes and helpers."""
        self.shared = shared

    def projects_asked(self, read: Reading) -> ProjectsAsked:
        """Projects asked for by a project word, not the learner's own ("my side project")."""
        words, requests = read.message.words, read.requests
        opinion = any(  # "is that a good idea", "the idea behind it": not project ideas
            w.text in IDEA_WORDS and i and words[i - 1].text in IDEA_SENSES
            for i, w in enumerate(words)
        )
        project_at = [  # "ideas for a project", not "enough for my side project"
            i
            for i, w in enumerate(words)
            if w.sentence in requests.request_sentences
            and i not in requests.told
            and (
                w.text in PROJECT_NOUNS
                or (w.text in PRACTICE_THINGS and i and words[i - 1].text in PRACTICE)
            )
            and not {
                v.text for v in words[max(i - OWNED_PROJECT_GAP, 0) : i] if v.sentence == w.sentence
            }
            & (OWNED | HAVING_PROJECT)  # "my first project", "in a small side project"
            and tuple(v.text for v in words[i + 1 : i + 3])
            not in LIKE_MINE  # "a project like this"
            and not (  # "new project uses mongo": a project that is, not one asked for
                i + 1 < len(words)
                and words[i + 1].text in PROJECT_BEING | PROJECT_WORK
                and words[i + 1].segment == w.segment
            )
        ]
        defined = [  # "a node project crashes, what is express": what is asked after it
            words[m.start] for m in read.mentions if asked_what_it_is(words, m, after=False)
        ]
        project_at = [
            i
            for i in project_at
            if not any(
                d.sentence == words[i].sentence and d.segment > words[i].segment for d in defined
            )
        ]
        asked = bool(project_at)
        # "a deployment project", "docker exercises": the name just before is what they are for
        named = next((m for m in read.mentions if m.end in project_at), None)
        # "a deployment project with the cloud": projects asked for, not a kind
        return ProjectsAsked(opinion, asked, named, asked and not read.kind.asked_for)

    def _asks_other_kind(self, read: Reading, asked: Asked, projects: ProjectsAsked) -> bool:
        """Whether a kind other than the named topics' is asked for ("which framework for python").

        Not when the name itself is asked about with a kind in passing, nor projects first.
        """
        kind = read.kind
        return bool(
            read.topic_ids
            and kind.kind
            and self.shared.kind_differs(read.topic_ids, kind.kind)
            and not (asked.names_itself and not kind.asked_for)
            and not projects.first
            and not self._kind_of_uncovered(read)
            and not _asked_if_of_the_kind(read)
        )

    def _kind_of_uncovered(self, read: Reading) -> bool:
        """Whether the kind word says what technology the roadmap lacks is.

        "sim fony php framework", "quarkus java framework any good": that technology, of the
        kind, named just before the kind word with only roadmap names between.
        """
        kind = read.kind
        covered = {i for m in read.mentions if not m.not_covered for i in range(m.start, m.end)}
        return kind.at is not None and any(
            self.shared.lexicon.kind_of(m) == kind.kind
            and m.end <= kind.at
            and all(i in covered for i in range(m.end, kind.at))
            for m in read.uncovered
        )

    def within_the_kind(
        self, read: Reading, asked: Asked, projects: ProjectsAsked
    ) -> Understanding | None:
        """Another of the kind asked for, or the children of a kind of a name told.

        "it can't handle many websockets, which language is better at that"; "which framework
        for python"; "I know JavaScript well. Which framework should I use?".
        """
        question, kind, topic_ids = read.question, read.kind, read.topic_ids
        if self.shared.asks_own_kind(read):
            answer = self._instead(question, read.message, read.subjects, kind.at, read.terms)
            if answer is not None:
                return answer
        if self._asks_other_kind(read, asked, projects):
            children = self.shared.needs.children(question, topic_ids[0], kind.kind, read.terms)
            if children:
                return children
        if not topic_ids and kind.kind and not read.requests.comparing and not projects.first:
            # "I know JavaScript well. Which framework should I use?": the background's children
            known = [
                m.id
                for m in read.mentions
                if m.id in self.shared.knowledge.topics and m not in read.subjects
            ]
            for parent_id in dict.fromkeys(known):
                children = self.shared.needs.children(question, parent_id, kind.kind, read.terms)
                if children:
                    return children
        return None

    def asked_if_in_the_roadmap(self, read: Reading) -> Understanding | None:
        """Technology the roadmap lacks, asked whether the roadmap has it: not covered.

        "Is Symfony part of this roadmap?", "Does this roadmap cover automated testing, like
        unit and integration tests?": what is asked is the roadmap's cover, not a need.
        """
        told = [m for m in read.mentions if m.not_covered]
        if told and self._asked_if_in_the_roadmap(read, told):
            return self.shared.not_covered(read.question, told)
        return None

    def need_around_technology(self, read: Reading) -> Understanding | None:
        """A need told around technology the roadmap lacks, no topic named.

        "a language for a wordpress site": the name only describes the need; "tests on every
        push to github": the technology is only where the need happens.
        """
        question, message, uncovered = read.question, read.message, read.uncovered
        kind = read.kind.kind
        if not uncovered or read.topic_ids:
            return None
        needs = [m for m in uncovered if kind and names_a_need(message, m)]
        if needs and len(needs) == len(uncovered):
            answer = self.shared.needs.use_case(question, read.all_terms, kind)
            if answer is not None:
                return answer
        # "... put it online with fastapi. what is fastapi?", "... use the openai api. how dat
        # work?": the technology is asked about, not a need around it
        if (
            any(asked_what_it_is(message.words, m) for m in uncovered)
            or asks_how_the_thing_told_works(read.focus_texts)
            or any(_named_again_in_short(message, m, read.focus) for m in uncovered)
        ):
            return None
        if any(  # "how fi fix wordpress plugin conflict": its own trouble, asked about
            w.text in TROUBLESHOOTING and w.sentence == message.words[m.start].sentence
            for m in uncovered
            for w in message.words[max(m.start - 1 - TROUBLESHOOTING_GAP, 0) : m.start]
        ):
            return None
        if (
            wants_something(message, read.requests.cues, read.subjects)
            or only_in_passing(message, uncovered)
            or self._built_in(message, uncovered)
        ):
            return self._need_around(question, uncovered, read.all_terms, kind, message, read.focus)
        return None

    def not_covered_asked(self, read: Reading, asked: Asked) -> Understanding | None:
        """Technology the roadmap lacks, asked about: said to be not covered.

        Unless a need is asked in another sentence than the one naming it, and clearly fits.
        """
        question, message, focus = read.question, read.message, read.focus
        subjects, uncovered, topic_ids = read.subjects, read.uncovered, read.topic_ids
        kind = read.kind.kind
        comparing_sentences = {w.sentence for w in message.words if w.text in COMPARE_CUES}
        compared = [m for m in subjects if message.words[m.start].sentence in comparing_sentences]
        set_against = (  # not "a real db or just for testing"
            # not "... all in spreadsheets. I keep reading SQL versus NoSQL arguments": two
            # topics compared, apart from the technology
            (
                read.requests.comparing
                and (
                    any(m.not_covered for m in compared)
                    or sum(not m.not_covered for m in compared) < 2
                )
            )
            or any(  # "kotlin vs java"; not "rest or graphql, puppet ticket app": the setting
                message.words[i].text in SIDE_BY_SIDE
                for m in uncovered
                for i in (m.start - 1, m.end)
                if 0 <= i < len(message.words)
            )
            or _or_elsewhere_between(message.texts, subjects)  # "laravel na symfony gani poa"
        ) and not all(  # "gin vs express for a fast api": the need, not one of those compared
            names_a_need(message, m) for m in uncovered
        )
        if not uncovered or not (
            subjects[0].not_covered
            or (
                (asked.compare or self.set_side_by_side(read))
                and set_against
                and len(subjects) >= 2
            )
            or not topic_ids
            or self._built_in_a_language_it_lacks(read)
        ):
            return None
        if self._uncovered_only_background(read):
            return None  # "i do angular at work, someone said nestjs feels the same, what is it"
        defined = [m for m in subjects if asked_what_it_is(message.words, m)]
        if not set_against and defined and not any(m.not_covered for m in defined):
            return None  # "from minecraft modding, whats java like": what java is
        if set_against and self._defined_in_the_question(read, uncovered):
            return None  # "we used ms sql. what is postgresql good at compared to what i know"
        if not set_against and self._told_before_the_topic(read, uncovered):
            return None  # "jenkins at work, github actions basics": the topic, last
        if not set_against and self._material_of_a_topic(read):
            return None  # "flutter app firebase learning resources": the topic's material
        # "the app works on my macbook but crashes on the ubuntu server. how do we get the
        # same environment everywhere?": technology told in the situation, a need asked
        told_elsewhere = message.sentences > 1 and all(
            message.words[m.start].sentence != focus for m in uncovered
        )
        named = any(m.id in self.shared.knowledge.topics for m in read.mentions)
        if (
            told_elsewhere
            # "its system" owns; "it", "that", "them" point back at what was told
            and not (read.focus_words - {"its"}) & (NAME_POINTERS | PLURAL_POINTERS | COMPARE_CUES)
            and any(
                m.id in self.shared.knowledge.topics and message.words[m.start].sentence == focus
                for m in subjects
            )
        ):  # "... argue about kafka vs rabbitmq. not my question though: why microservices?"
            return None
        its_path = read.asks_path_of_the_uncovered()  # "asked to learn Flutter. Where to start?"
        roadmap_asked_of_it = self._roadmap_asked_of_it(read)  # "this is in roadmap?"
        if (
            told_elsewhere
            and read.focus_words & THE_PATH
            and not named
            and not its_path
            and not roadmap_asked_of_it
        ):
            # "I know HTML and CSS. ... the big picture of this roadmap?", "... looking at
            # this roadmap. can you give me the big picture of what's on it?": the roadmap;
            # not "My SQL is stuck in DB2. What resources does the roadmap recommend?"
            return None
        told_aside = (
            told_elsewhere
            and not read.focus_words & (NAME_POINTERS | PLURAL_POINTERS)
            and (focus in message.questions or bool(ASKING_WORDS & read.focus_words))
        )
        if told_aside and asked.focus_stems & THE_PATH and not its_path and not roadmap_asked_of_it:
            return None  # "I know some PowerShell. ... What's the first step and what after?"
        aside = {i for m in uncovered for i in range(m.start, m.end)}
        clear = (
            self.shared.clear_need(
                question,
                message,
                kind,
                read.names.dropped | aside,
                background=True,
                beside=self.shared.lexicon.technology(uncovered),
            )
            if told_aside and not its_path and not any(m.not_covered for m in defined)
            else None
        )
        # a close call is no reason to pass over the technology named, unless its name is
        # also a word ("parcels move"): then the need's fits are offered back
        if clear is not None and (clear.confident or all(m.ambiguous for m in uncovered)):
            return clear
        return (
            # "... a jenkins server for all their builds. where do i start with it": its path
            (None if its_path else self._named_in_a_use_case(read, uncovered))
            or self._related_of_kind(read, uncovered, set_against)
            or self.shared.not_covered(question, subjects)
        )

    @staticmethod
    def _roadmap_asked_of_it(read: Reading) -> bool:
        """Whether the asking sentence points back before it names the roadmap.

        "what is this mqtt? can i learn it in this roadmap?", "flutter ... this is in roadmap?":
        what was named is asked about; not "... this roadmap. what's on it?" or "the big picture
        of this backend roadmap" (the roadmap itself).
        """
        words = [w.text for w in read.message.words if w.sentence == read.focus]
        roadmap = next((i for i, w in enumerate(words) if w in ROADMAP_WORDS), None)
        return roadmap is not None and any(
            w in POINTING_BACK
            or (w == "this" and (words[at + 1] in BE_WORDS or (at and words[at - 1] in BE_WORDS)))
            for at, w in enumerate(words[: max(roadmap - 1, 0)])
        )

    @staticmethod
    def _asked_if_in_the_roadmap(read: Reading, uncovered: list[Mention]) -> bool:
        """Whether a part of a sentence asks if technology the roadmap lacks is in it.

        "Is Symfony part of this roadmap, and where does it fit next to Laravel?"; "someone
        said I should learn HL7. Is that part of this roadmap?": the technology, told before;
        not "what does that part of the roadmap cover" (a part of the roadmap pointed at).
        """
        words = read.message.words
        named = {words[m.start].segment for m in uncovered}
        first = words[min(m.start for m in uncovered)].segment
        topics = {words[m.start].segment for m in read.mentions if not m.not_covered}
        parts: dict[int, set[str]] = {}
        pointing: set[int] = set()
        for at, word in enumerate(words):
            parts.setdefault(word.segment, set()).add(word.text)
            following = words[at + 1].text if at + 1 < len(words) else ""
            before = words[at - 1].text if at else ""
            if word.text in POINTING_BACK and (
                following not in ROADMAP_PARTS or before in IS_WORDS  # "is that part of it"
            ):
                pointing.add(word.segment)
        # "Firebase I found in the roadmap, but Flutter I cannot find. Is it part of it?": "it"
        # after the asking word is the roadmap told before
        roadmap_told = not ROADMAP_WORDS.isdisjoint(read.message.texts)
        in_it = {
            word.segment
            for at, word in enumerate(words)
            if word.text in IN_THE_ROADMAP and "it" in read.message.texts[at + 1 : at + 3]
        }
        placed = roadmap_placed(words)
        here = here_placed(words)  # "is terraform on here or nah": here is this roadmap
        return any(
            (
                (
                    (said & IN_THE_ROADMAP or segment in placed)
                    and (not ROADMAP_WORDS.isdisjoint(said) or (roadmap_told and segment in in_it))
                )
                or segment in here
            )
            and segment not in topics
            and (segment in named or (segment in pointing and segment > first))
            for segment, said in parts.items()
        )

    def _defined_in_the_question(self, read: Reading, uncovered: list[Mention]) -> bool:
        """Whether the asking sentence asks what a roadmap topic is, the rest told before.

        "I come from C and C++. ... What is Java used for, and is it very different?": the
        technology the roadmap lacks, told only in earlier sentences, is what Java is set
        against, not the subject.
        """
        words = read.message.words
        return all(words[m.start].sentence < read.focus for m in uncovered) and any(
            words[m.start].sentence == read.focus
            and m.id in self.shared.knowledge.topics
            and asked_what_it_is(words, m, after=False)
            for m in read.subjects
        )

    def _built_in_a_language_it_lacks(self, read: Reading) -> bool:
        """Whether the asking sentence wants a roadmap thing done in a language it lacks.

        "How to start with web server in Rust?": Rust, not hosting; not "deploy it with
        Ansible" (a tool, not a language the work is written in), nor "nestjs basics with
        typescript" (a framework, in the language it is written in).
        """
        words = read.message.words
        return any(
            m.start > 0
            and words[m.start - 1].text in WRITTEN_IN
            and words[m.start].sentence == read.focus
            and self.shared.lexicon.kind_of(m) == "language"
            and any(
                not s.not_covered
                and s.end <= m.start
                and words[s.start].sentence == read.focus
                and self.shared.lexicon.kind_of(s) not in BUILT_WITH
                for s in read.subjects
            )
            for m in read.uncovered
        )

    @staticmethod
    def _uncovered_only_background(read: Reading) -> bool:
        """Whether technology the roadmap lacks is only the learner's background, a topic asked.

        "i do angular at work, someone said nestjs feels the same, what is it": NestJS; not
        "I've never used Redis. How do I set it up?", where "it" points back at Redis.
        """
        words = read.message.words
        if not all(is_background(m, words) for m in read.uncovered) or not any(
            not m.not_covered and not is_background(m, words) for m in read.subjects
        ):
            return False
        pointer = next(
            (
                i
                for i, w in enumerate(words)
                if w.sentence == read.focus and w.text in NAME_POINTERS
            ),
            None,
        )
        told = [m for m in read.mentions if pointer is not None and m.end <= pointer]
        return not told or not pointed_at(told, words).not_covered

    def _told_before_the_topic(self, read: Reading, uncovered: list[Mention]) -> bool:
        """Whether technology the roadmap lacks is only told before the part naming a topic.

        "jenkins at work, github actions basics": one sentence whose last part names a roadmap
        topic, the technology told in the parts before it and not asked what it is.
        """
        words = read.message.words
        if read.message.sentences != 1 or not words:
            return False
        last = words[-1].segment
        learnt = {  # "oracle dba learning postgres", "excel macros to php": what is learnt, or
            m.start  # moved to, after the background
            for m in read.mentions
            if m.start
            and (words[m.start - 1].stem in LEARN_WORDS or words[m.start - 1].text == "to")
        }
        topics = [
            m
            for m in read.mentions
            if m.id in self.shared.knowledge.topics
            and (words[m.start].segment == last or m.start in learnt)
            and not is_background(m, words)  # not "deploy to kubernets, docker part is done"
        ]
        return (
            bool(topics)
            and all(
                words[m.end - 1].segment < words[topics[-1].start].segment
                or (m.end <= topics[-1].start and topics[-1].start in learnt)
                for m in uncovered
            )
            and not any(asked_what_it_is(words, m) for m in uncovered)
        )

    def _related_of_kind(
        self, read: Reading, uncovered: list[Mention], set_against: bool
    ) -> Understanding | None:
        """A kind asked for beside technology the roadmap lacks: its related topics of the kind.

        "wordpress plugin language", "which db for a lamp stack": what the technology is
        built on or with, in the roadmap. Not where names are set side by side.
        """
        kind, at = read.kind.kind, read.kind.at
        if kind is None or at is None or set_against or len(uncovered) != 1:
            return None
        between = read.message.texts[uncovered[0].end : at]
        if BE_WORDS.intersection(between) or "as" in between:
            return None  # "airtable as a database": the technology itself, as one of the kind
        technology = self.shared.lexicon.technology(uncovered)
        if any(entry.kind == kind for entry in technology):
            return None  # "sql server db": the technology is itself of the kind
        return self.shared.needs.related_of_kind(read.question, technology, kind, read.all_terms)

    def _named_in_a_use_case(self, read: Reading, uncovered: list[Mention]) -> Understanding | None:
        """The need, where its best fit's use cases name the technology told with it.

        "pushed my .env with stripe keys to github by accident, help": a use case of security
        names what was pushed, so the need is the roadmap's, not the technology it lacks.
        """
        if read.focus_words & (WHAT_WORDS | COMPARE_CUES | SIDE_BY_SIDE) or asks_yes_no(
            read.focus_texts
        ):  # "what does nginx do", "is redis ok as the only store", "nginx or apache": asked
            return None
        words = read.message.words
        if any(
            all(
                w.text in MATERIAL
                for w in words[: m.start]
                if w.sentence == words[m.start].sentence
            )
            for m in uncovered
        ):  # "nginx reverse proxy config", "curso c# .net web api": what the message is about,
            # first or after the material asked for
            return None
        named = (at for m in uncovered for at in range(m.start, m.end))
        if not self.shared.fit_naming(read, named, NAMED_NEED_TERMS):
            return None
        answer = self.shared.needs.use_case(read.question, read.all_terms, read.kind.kind)
        return answer if answer is not None and answer.confident else None

    def set_side_by_side(self, read: Reading) -> bool:
        """Whether two names of a kind are weighed against each other with no comparing word.

        "is nestjs basically express", "why use graphql over rest", "spring boot and django,
        which one", "flask user here, is django heavier?".
        """
        subjects, texts, focus_words = read.subjects, read.message.texts, read.focus_words
        alike = len(subjects) >= 2 and self.shared.lexicon.kind_of(
            subjects[0]
        ) == self.shared.lexicon.kind_of(subjects[1])
        set_over = alike and any(  # "why use graphql over rest": one preferred to the other
            b.start == a.end + 1 and read.message.words[a.end].text in PREFERRED_TO
            for a, b in pairwise(subjects)
        )
        weighed = bool(focus_words & COMPARATIVES)  # "flask user here, is django heavier?"
        equated = any(  # "nestjs is just express with extra steps?", "... is nestjs just express"
            a.id != b.id
            and (BE_WORDS & set(between) or (a.start > 0 and texts[a.start - 1] in BE_WORDS))
            and set(between) <= EQUATING
            for a, b in pairwise(read.mentions)
            for between in [texts[a.end : b.start]]
        )
        or_between = _or_elsewhere_between(texts, subjects)  # "express o nestjs per iniziare"
        # "microservices, he says. is a monolith still alright, or should we split it up"
        or_else = any(
            weighed_against_another_way(read.message.words, s, read.mentions) for s in subjects
        )
        return alike and (
            next((t for t in texts if t not in CHAT_OPENERS), "") in ("is", "are")
            or bool(PICKING_ONE & focus_words)  # "bro says mongo, prof says postgres. whos right"
            or _best_picked(read.message, read.focus)  # "aws azure gcp whats best"
            or set_over
            or weighed
            or equated
            or or_between
            or or_else
            or opening_peers(self.shared.lexicon, read.message.words, subjects)
        )

    def comparison(self, read: Reading, asked: Asked) -> Understanding | None:
        """Named topics compared, the few of a kind asked to differ, or a named comparison."""
        question, topic_ids, kind = read.question, read.topic_ids, read.kind.kind
        if len(topic_ids) >= 2 and asked.compare:
            return Understanding(question, Intent.COMPARE, self.shared.compared(topic_ids))
        if not topic_ids and kind is not None and read.focus_words & LIKENESS_CUES:
            # "how do the cloud providers differ": the few of that kind, side by side
            members = [t.id for t in self.shared.knowledge.topics.values() if t.kind == kind]
            if 2 <= len(members) <= MAX_COMPARED:
                return Understanding(question, Intent.COMPARE, tuple(members))
        named = (
            self.shared.lexicon.named_comparison(read.message.texts) if len(topic_ids) < 2 else ()
        )
        if not named:
            return None
        alias_words = {
            word
            for phrase, ids in self.shared.lexicon.comparison_phrases.items()
            if ids == named
            for word in phrase.split()
        }
        need = self.shared.ranker.terms(
            w.stem
            for i, w in enumerate(read.message.words)
            if w.text not in self.shared.lexicon.cue_words
            and w.text not in alias_words
            and w.stem not in self.shared.lexicon.software
            and i not in read.names.dropped
        )
        answer = None
        if len({source for _, source in need.values()}) >= 2:  # a need, not a stray word
            answer = self.shared.needs.use_case(question, need, None, among=set(named))
        if answer is not None and answer.confident:
            return answer
        return Understanding(question, Intent.COMPARE, named)

    def need_of_another_kind(
        self, read: Reading, asked: Asked, projects: ProjectsAsked
    ) -> Understanding | None:
        """A need for a kind other than the named topics' ("a database for my django app")."""
        if self._asks_other_kind(read, asked, projects):
            return self.shared.needs.use_case(read.question, read.all_terms, read.kind.kind)
        return None

    def _instead(
        self,
        question: str,
        message: Message,
        subjects: list[Mention],
        kind_at: int,
        terms: dict[str, tuple[float, str]],
    ) -> Understanding | None:
        """Another of its kind for a need the named one is told to fail at, if one fits.

        "we wrote our backend in python but it can't handle many websockets, which language is
        better at that": the kind is asked in a later part that names nothing.
        """
        words = message.words
        asked = words[kind_at]
        if asked.segment not in asking_segments(message, asked.sentence) or any(
            (words[m.start].sentence, words[m.start].segment) >= (asked.sentence, asked.segment)
            for m in subjects
        ):
            return None
        kind = self.shared.lexicon.kinds[asked.stem]
        others = self.shared.needs.kind_members.get(kind, set()) - {m.id for m in subjects}
        answer = self.shared.needs.use_case(question, terms, None, among=others)
        return answer if answer is not None and answer.confident else None

    def _material_of_a_topic(self, read: Reading) -> bool:
        """Whether material is asked for right after a roadmap topic and after nothing it lacks.

        "flutter app firebase learning resources", "firebase docs links, app is in swift": the
        technology the roadmap lacks only says what the learner's app is made with.
        """
        words, texts = read.message.words, read.message.texts
        topics = [
            m for m in read.subjects if not m.not_covered and material_follows(texts, m, MATERIAL)
        ]
        return bool(topics) and all(
            # the app made with it ("flutter app"), or told apart ("..., app is in swift");
            # not "terraform aws tutorial", "mongoose mongodb schema tutorial"
            (m.end < len(texts) and texts[m.end] in SOFTWARE_THINGS)
            or all(
                (words[m.start].sentence, words[m.start].segment)
                != (words[t.start].sentence, words[t.start].segment)
                for t in topics
            )
            for m in read.uncovered
        )

    def _built_in(self, message: Message, uncovered: list[Mention]) -> bool:
        """Whether a thing made with technology the roadmap lacks is wanted for a need.

        "typescript backend for a big team": the name, a software word, then "for"; not
        "cassandra db for sensor data", where the word only says what the technology is.
        """
        words = message.words
        lexicon = self.shared.lexicon
        return any(
            m.end + 1 < len(words)
            and words[m.end + 1].text == "for"
            and (words[m.end].text in lexicon.software or words[m.end].stem in lexicon.kinds)
            and lexicon.kinds.get(words[m.end].stem) != lexicon.kind_of(m)
            for m in uncovered
        )

    def _need_around(
        self,
        question: str,
        uncovered: list[Mention],
        terms: dict[str, tuple[float, str]],
        kind: str | None,
        message: Message,
        focus: int,
    ) -> Understanding | None:
        """A need told around technology the roadmap lacks ("tests on every push to github").

        None when the question asks about the technology itself ("what is kafka"); otherwise
        :meth:`NeedMatcher.around <bot.needs.NeedMatcher.around>` weighs the need.
        """
        words = message.words
        if len({m.id for m in uncovered}) > 1:  # "nginx or apache": about the technologies
            return None
        if {w.text for w in words} & (RESOURCE_CUES | INTRODUCING):  # "an intro to kubernetes"
            return None
        if asks_how_it_works([w.text for w in words if w.sentence == focus]):
            return None  # "how do these platforms work"
        if any(  # "kubernetes? what is it": the technology itself
            (a.text, b.text in BE_WORDS, c.text in NAME_POINTERS) == ("what", True, True)
            for a, b, c in zip(words, words[1:], words[2:], strict=False)
            if a.sentence == focus
        ):
            return None
        opening = next((i for i, w in enumerate(words) if w.sentence == focus), None)
        if any(  # "cassandra db any good for time series?": the question opens with it
            m.start == opening and focus in message.questions for m in uncovered
        ):
            return None
        if any(  # "how does nginx work", "should we use kafka": asks about the technology
            words[m.start].sentence == focus
            and {w.text for w in words[max(m.start - 2, 0) : m.start]} & ABOUT_NAME
            for m in uncovered
        ):
            return None
        if any(_done_in(words, m, focus, self.shared.lexicon.software) for m in uncovered):
            return None
        if any(_made_on(words, m, focus) for m in uncovered):
            return None
        names = {words[m.start].text for m in uncovered}
        return self.shared.needs.around(
            question, self.shared.lexicon.technology(uncovered), names, terms, kind
        )


def _made_on(words: Sequence[Word], mention: Mention, focus: int) -> bool:
    """Whether the sentence that asks is how to make a thing on the technology.

    "How do I make a Shopify store and add products", "how ya make a wordpress plugin": how to
    use the technology itself; not "how do i make my discord bot stay online", a need.
    """
    at = mention.start
    if words[at].sentence != focus:
        return False
    if at > 0 and words[at - 1].text in INDEFINITE_ARTICLES:
        at -= 1
    if at > 1 and (words[at - 2].text, words[at - 1].text) == ("set", "up"):
        at -= 1
    if at < 2 or words[at - 1].text not in MAKING:
        return False
    return any(w.text == "how" for w in words[max(at - 2 - HOW_GAP, 0) : at - 1])


def _done_in(words: Sequence[Word], mention: Mention, focus: int, software: Set[str]) -> bool:
    """Whether the sentence that asks closes on the name as what its work is done in.

    "How do I make a proper backup of a SQL Server database?", "how do i add a page in
    wordpress": the technology's own work; not "tests on every push to github".
    """
    at = mention.start
    if at > 0 and words[at - 1].text in ARTICLES:
        at -= 1  # "of a sql server database": the word before the article
    after = [w for w in words[mention.end :] if w.sentence == focus]
    return (
        words[mention.start].sentence == focus
        and at > 0
        and words[at - 1].text in DONE_IN
        and (not after or (len(after) == 1 and after[0].text in software))
    )
