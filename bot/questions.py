"""Understanding free-text questions: what they ask about, and what they ask.

The whole message decides. Names that are also everyday words count only with software
context; technology the roadmap does not cover is recognised as such; background mentions
("I learned Flask at uni") give way to the subject of the question; a need in the learner's own
words finds the topics whose use cases fit. Everything roadmap-specific comes from the knowledge
file; only English question words live in :mod:`bot.wording`.

:meth:`QuestionAnswerer._understand` reads a message once, then runs it through named stages
until one decides. What the stages read with lives beside this module:

- :mod:`bot.lexicon`: the roadmap's words and names, built once per knowledge
- :mod:`bot.names` and :mod:`bot.mentions`: the names a message mentions, and in which sense
- :mod:`bot.subjects` and :mod:`bot.background`: which of them it asks about
- :mod:`bot.intent_cues`: single signs of what it asks for
- :mod:`bot.small_talk` and :mod:`bot.phrases`: small talk and subjects outside the roadmap
- :mod:`bot.learned`: the models' second opinions on the stages' reading, and their doubt
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, replace
from functools import cache, partial
from itertools import pairwise
from operator import itemgetter
from typing import Any

from bot.background import (
    DONE_BEFORE,
    OWNERS,
    asking_segments,
    is_background,
    names_a_need,
    owned_it,
    question_sentence,
    wanted,
)
from bot.intent_cues import (
    ASKING_WORDS,
    BE_WORDS,
    BUILT_WITH,
    DOING,
    WANTING,
    Requests,
    asks_about_doubtful,
    asks_definition,
    asks_fit,
    asks_how_it_works,
    asks_something_to_build,
    asks_yes_no,
    idiom_positions,
    only_in_passing,
    read_requests,
    wants_something,
)
from bot.knowledge import Knowledge, NotCovered, Section, compiled
from bot.learned import (
    WRONG,
    AnswerSignals,
    Learned,
    intent_features,
    load_companion,
    need_features,
)
from bot.lexicon import Lexicon, kinds_by_word
from bot.mentions import (
    Mention,
    Names,
    near_step_word,
)
from bot.names import NameFinder
from bot.needs import USE_CASE_TOPICS, NeedMatcher
from bot.phrases import word_pair_positions
from bot.small_talk import TalkReader
from bot.subjects import SubjectFinder
from bot.understanding import Intent, Outcome, Understanding
from bot.use_cases import UseCaseRanker
from bot.wording import (
    BACKGROUND_AFTER,
    BUILD_WORDS,
    COMPARATIVES,
    COMPARE_CUES,
    IDEA_SENSES,
    IDEA_WORDS,
    INCIDENTAL_OVERVIEW,
    KIND_OF,
    LEARN_WAYS,
    LEARN_WORDS,
    LEARNING_PHRASES_BY_START,
    LIKENESS_CUES,
    MATERIAL,
    NAME_POINTERS,
    PICKING,
    PLURAL_POINTERS,
    POINTERS,
    PRACTICE,
    PRACTICE_THINGS,
    PREFERRED_TO,
    PROJECT_CUES,
    PROJECT_NOUNS,
    QUESTION_STARTS,
    RESOURCE_CUES,
    START_LINKS,
    STARTING,
    STEP_WORDS,
    STOP,
    STRONG_OVERVIEW,
    USE_CASE_CUES,
    WHAT_WORDS,
    Message,
    Word,
    split_message,
    without_guesses,
    wordset,
)

#: At most this many topics are set side by side in a comparison.
MAX_COMPARED = 3
#: How sure the intent model must be to overrule the rules' intent.
SECOND_OPINION = 0.8
#: ...and to turn a roadmap answer into "that is not something this roadmap covers".
SURELY_OUTSIDE = 0.9
#: How sure the need model must be for its pick to lead a need's answer.
NEED_PICK = 0.4
#: ...and how sure of another pick than the rules' to ask back between the two.
NEED_DOUBT = 0.15
#: How likely the doubt model must find a confident answer wrong to ask it back instead.
DOUBT_ASK = 0.5
#: ...and to ask it back when the answer is the only choice there is ("is this what you mean?").
DOUBT_CONFIRM = 0.6
#: Intents whose confident answers the doubt model weighs: those about a topic.
DOUBTED = frozenset({Intent.TOPIC, Intent.USE_CASE, Intent.RESOURCES, Intent.PROJECTS})
#: Intents whose topics are not what the message names (a need's best fits; none): a sure
#: "what is it" reading looks again (_as_topic).
FOUND_ELSEWHERE = frozenset({Intent.USE_CASE, Intent.OVERVIEW})
#: Outcomes of a need the intent model's sure reading of what a thing is may answer again.
ASKED_OR_ANSWERED = frozenset({Outcome.ANSWERED, Outcome.ASKED_BACK})
#: A follow-up is a short message: at most this many words.
FOLLOW_UP_WORDS = 8
#: The roadmap itself named: a step named with it is the step ("languages in the roadmap").
ROADMAP_WORDS = frozenset({"roadmap"})
#: "what comes after": the next step of the path.
COMING = frozenset({"come", "comes", "follows"})
#: Between two names, words saying one is the other ("nestjs is just express").
EQUATING = frozenset({"is", "are", "just", "basically", "simply", "only", "like", "really"})
#: Words of asking for a way to act ("what do i need to learn", "how do we stop it").
WAYS = WANTING | DOING | LEARN_WORDS
#: Words asking for an introduction to something.
INTRODUCING = frozenset({"intro", "introduction", "basics", "explained"})
#: Shortly before a name, these make the name what is asked about ("how does nginx work").
ABOUT_NAME = wordset("does do is are what whats about use using learn try start started")
#: Before "project", these make it the learner's own project, not a request for projects.
OWNED = frozenset({"my", "our", "this", "his", "her", "their", "most", "many", "all", "every"})
#: One of these at most this many words before "project" makes it one the learner has or
#: means ("enough for a small side project"), not projects asked for ("firebase side project").
OWNED_PROJECT_GAP = 4
HAVING_PROJECT = frozenset({"for", "in"})
#: Words that introduce a thing asked for ("we need a framework").
ARTICLES = frozenset({"a", "an"})
#: After two names of a kind, these ask which of them to pick ("which one", "who's right").
PICKING_ONE = frozenset({"which", "who", "whos"})
#: In a question after names, these pick among them ("which one", "which would you pick").
CHOOSING = frozenset({"which"})
MAX_CHOICES = 3
#: Between two names, these set them side by side ("go or java").
SIDE_BY_SIDE = frozenset({"or", "vs", "versus"})


#: The use-case words a message's words stand for: weight and source word, by stem.
_Terms = dict[str, tuple[float, str]]
#: The need model's probability of each topic for one message, worked out when first asked.
_NeedChances = Callable[[], dict[str, float]]


@dataclass(frozen=True, slots=True)
class _KindWord:
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


@dataclass(frozen=True, slots=True)
class _Reading:
    """A message read once: its names, where it asks, the kind and the need it tells.

    What every stage of :meth:`QuestionAnswerer._understand` decides from.
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
    kind: _KindWord
    #: The need's words: all of them (less the kind asked for), and without the names when
    #: topics are named.
    all_terms: _Terms
    terms: _Terms
    #: The asking sentence's words (less idioms), as a set and in order.
    focus_words: set[str]
    focus_texts: list[str]
    #: "what ... build": asked what to build; with no tool or kind named, a request for
    #: something to build ("what should i build to practise").
    asks_to_build: bool
    build_request: bool


@dataclass(frozen=True, slots=True)
class _Asked:
    """What the asking sentence asks for, once neither small talk nor another subject."""

    #: Names set side by side ("or", "vs", a comparing word).
    compare: bool
    #: What a name is ("what is couchdb"), and whether a name there is asked itself.
    asks_what: bool
    names_itself: bool
    #: Stems of the asking sentence ("order" only in learning talk).
    focus_stems: set[str]
    #: The message talks about software (a software word, a name or a word of the title).
    software_talk: bool
    #: What to learn next ("what should i learn next", "what comes after the db step").
    learn_next: bool
    #: "the best way to learn sql": material.
    learn_way: bool


@dataclass(frozen=True, slots=True)
class _ProjectsAsked:
    """Projects asked for by a project word ("ideas for a project", "docker exercises")."""

    #: "is that a good idea", "the idea behind it": an opinion, not project ideas.
    opinion: bool
    asked: bool
    #: The name just before the project word: what the projects are for.
    named: Mention | None
    #: Projects asked for, and no kind ("a deployment project with the cloud").
    first: bool


@dataclass(frozen=True, slots=True)
class _Requested:
    """Material or projects wanted for what is named, once no comparison decided."""

    resources: bool
    projects: bool
    #: A kind of thing asked for ("what database ...").
    asks_for_kind: bool
    #: The request names nothing and points at nothing ("... what should i read about?").
    unnamed_request: bool


@dataclass(frozen=True, slots=True)
class _StepAsked:
    """A step of the roadmap, or the roadmap itself, asked about when no topic is named."""

    section_id: str | None
    section: Section | None
    #: The step named as a step ("the databases part").
    named_step: bool
    #: The step itself asked for: its material or projects, by name, or "in the roadmap".
    step_asked: bool
    #: The roadmap's steps asked for ("what are the main parts of backend").
    steps: bool
    #: An overview cue in a sentence about the roadmap, and a strong one.
    overview: bool
    starting_point: bool
    strong: bool


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
        self.needs = NeedMatcher(knowledge, self.ranker)
        self.name_finder = NameFinder(self.lexicon)
        self.subject_finder = SubjectFinder(self.lexicon, self.ranker)
        self.talk = TalkReader(self.lexicon)
        self.learned = learned or (load_companion(knowledge.path) if beside else None)

    def _build(self, knowledge: Knowledge) -> dict[str, Any]:
        """The indexes questions are read with: the lexicon and the use-case ranker."""
        ranker = UseCaseRanker(knowledge, ignored=STOP | set(kinds_by_word(knowledge)))
        return {"lexicon": Lexicon(knowledge, ranker.words), "ranker": ranker}

    # -- the whole question ----------------------------------------------------------------

    def understand(self, question: str, previous: Understanding | None = None) -> Understanding:
        """Work out the outcome, intent and topics of ``question``.

        ``previous`` is the same person's last answer in this chat: a follow-up ("and Flask?",
        "resources for it", "compare them") is read against it.
        """
        message = self._message(question)
        fresh = self._understand(question, message)
        if previous is None or not previous.topic_ids or len(message.words) > FOLLOW_UP_WORDS:
            return fresh
        return self._follow_up(question, message, fresh, previous) or fresh

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

    def _follow_up(
        self, question: str, message: Message, fresh: Understanding, previous: Understanding
    ) -> Understanding | None:
        """The follow-up reading of a short message, if it is one."""
        words = message.texts
        opener = words[:1] in (("and",), ("also",)) or words[:2] in (
            ("what", "about"),
            ("how", "about"),
        )
        pointing = bool(set(words) & (POINTERS | PLURAL_POINTERS))
        named = fresh.confident and fresh.intent is not Intent.OVERVIEW and fresh.topic_ids
        cues = set(words) | {w.stem for w in message.words}
        if named and opener and fresh.intent is Intent.TOPIC:
            new = fresh.topic_ids[0]
            if previous.intent is Intent.COMPARE and new not in previous.topic_ids:
                return Understanding(question, Intent.COMPARE, (previous.topic_ids[0], new))
            if previous.intent in (Intent.RESOURCES, Intent.PROJECTS):
                return Understanding(question, previous.intent, (new,))
            return None
        if named or fresh.small_talk or not (opener or pointing):
            return None  # thanks or an unrelated line is not about the last answer
        topics = previous.topic_ids
        if COMPARE_CUES & cues and len(topics) >= 2:
            return Understanding(question, Intent.COMPARE, topics[:3])
        if RESOURCE_CUES & cues:
            return Understanding(question, Intent.RESOURCES, topics[:1])
        if PROJECT_CUES & cues:
            return Understanding(question, Intent.PROJECTS, topics[:1])
        terms = self.ranker.terms(w.stem for w in message.words if w.text not in STOP)
        if terms:
            reasons = {fit.topic_id: fit.reasons for fit in self.ranker.rank(terms, {topics[0]})}
            return Understanding(question, Intent.TOPIC, topics[:1], reasons=reasons)
        return None

    def _understand(self, question: str, message: Message) -> Understanding:
        """What one message asks: read once, decided by the rules, then a second opinion.

        The reading (:meth:`_read`) holds its names, where it asks, the kind and the need it
        tells; the rules decide from it (:meth:`_decide`); the intent model may overrule the
        rules' intent (:meth:`_second_opinion`); an answer the doubt model finds likely wrong
        is asked back (:meth:`_doubted`).
        """
        return self._doubted(*self._answer_and_signals(question, message))

    def answer_signals(self, question: str) -> tuple[Understanding, AnswerSignals | None]:
        """A question's answer before the doubt model weighs it, and what that model reads.

        The signals are None where it reads nothing: with no models, or for an answer that is
        not a confident one about a topic. (The doubt model is trained on these.)
        """
        return self._answer_and_signals(question, self._message(question))

    def _answer_and_signals(
        self, question: str, message: Message
    ) -> tuple[Understanding, AnswerSignals | None]:
        read = self._read(question, message)
        rules = self._decide(read)
        if self.learned is None:
            return rules, None
        intents = self.learned.intent.probabilities(
            self._intent_features(read.message, read.names, read.focus)
        )
        need_model = self.learned.need

        @cache
        def needs() -> dict[str, float]:
            """The need model's probabilities: worked out once, where first asked for."""
            return need_model.probabilities(
                self._need_features(read.message, read.names, read.focus)
            )

        decided = self._second_opinion(read, rules, intents, needs)
        if not (
            decided.confident
            and decided.intent in DOUBTED
            and decided.topic_ids
            and decided.section_id is None
            and decided.parent_id is None
            and decided.canned is None
        ):
            return decided, None
        return decided, AnswerSignals(
            intent=decided.intent.value,
            topic=decided.topic_ids[0],
            rules_intent=rules.intent.value,
            intents=intents,
            needs=sorted(needs().items(), key=itemgetter(1), reverse=True)[:2],
            subjects=[m.id for m in read.subjects],
            named=[m.id for m in read.mentions],
            words=len(message.words),
            sentences=message.sentences,
            close_call=decided.close_call,
        )

    def _doubted(self, answer: Understanding, signals: AnswerSignals | None) -> Understanding:
        """The answer, or, where the doubt model finds it likely wrong, asked back.

        The choices are the answer's topics, the need model's pick (where it leans to one),
        then the topics the message asks about and names: at most three. With no choice but
        the answer itself, it is asked back only where the model is surer (DOUBT_CONFIRM).
        """
        doubt = self.learned.doubt if self.learned is not None else None
        if signals is None or doubt is None:
            return answer
        wrong = doubt.probabilities(signals.features())[WRONG]
        if wrong < DOUBT_ASK:
            return answer
        pick, chance = signals.needs[0]
        others = ((pick,) if chance >= NEED_DOUBT else ()) + (*signals.subjects, *signals.named)
        choices = [*answer.topic_ids[:2], *(t for t in others if t in self.knowledge.topics)]
        choices = list(dict.fromkeys(choices))[:MAX_CHOICES]
        if len(choices) < 2 and wrong < DOUBT_CONFIRM:
            return answer
        return replace(
            answer,
            topic_ids=tuple(choices),
            outcome=Outcome.ASKED_BACK,
            close_call=False,
        )

    def _decide(self, read: _Reading, talk: bool = True) -> Understanding:
        """What the rules decide the message asks, stage by stage: the first that decides.

        Small talk (unless ``talk`` is false) and other subjects are set aside first; then the
        path and needs told around names are weighed, then comparisons, material and projects
        for the names, and last what a message naming no topic asks of the roadmap.
        """
        decided = self._small_talk_or_everyday(read, talk) or self._outside_roadmap(read)
        if decided is not None:
            return decided
        asked = self._what_is_asked(read)
        decided = (
            self._where_to_start(read, asked)
            or self._need_beside_names(read, asked)
            or self._others_of_the_kind(read, asked)
            or self._what_comes_next(read, asked)
        )
        if decided is not None:
            return decided
        projects = self._projects_asked(read)
        decided = (
            self._within_the_kind(read, asked, projects)
            or self._need_around_technology(read)
            or self._not_covered_asked(read, asked)
        )
        if decided is not None:
            return decided
        asked = replace(asked, compare=asked.compare or self._set_side_by_side(read))
        decided = self._comparison(read, asked) or self._need_of_another_kind(read, asked, projects)
        if decided is not None:
            return decided
        requested = self._requested(read, asked, projects)
        decided = (
            self._need_beside_topic(read, asked, requested)
            or self._projects_for_name(read, requested, projects)
            or self._topic(read, requested)
        )
        if decided is not None:
            return decided
        step = self._step_asked(read, asked, requested)
        return (
            self._overview(read, asked, step)
            or self._need_asked(read, requested, step)
            or self._need_with_no_name(read, asked, projects, step)
            or self._kind_choices(read, requested, step)
            or self._owned_step(read, step)
            or self._step(read, requested, step)
            or self._last_resort(read, asked, requested, step)
        )

    def learned_features(self, question: str) -> tuple[frozenset[str], frozenset[str]]:
        """What the intent and need models read of a question (also what they learn from)."""
        message = self._message(question)
        names = self.name_finder.find(message)
        focus = question_sentence(message)
        return (
            self._intent_features(message, names, focus),
            self._need_features(message, names, focus),
        )

    def _intent_features(self, message: Message, names: Names, focus: int) -> frozenset[str]:
        """A message's intent features, each name standing as its kind."""
        masked: dict[int, str | None] = {at: "N_everyday" for at in names.dropped}
        for mention in names.kept:
            if mention.not_covered:
                label = "N_uncovered"
            elif mention.id in self.knowledge.topics:
                label = f"N_{self.knowledge.topics[mention.id].kind}"
            else:
                label = "N_section"
            masked[mention.start] = label
            masked.update((at, None) for at in range(mention.start + 1, mention.end))
        return intent_features(message, masked, focus)

    @staticmethod
    def _need_features(message: Message, names: Names, focus: int) -> frozenset[str]:
        """A message's need features: its stems (the asking sentence's also apart), its names."""
        named = {at for m in names.kept for at in range(m.start, m.end)}
        words = [w for at, w in enumerate(message.words) if at not in named and w.text not in STOP]
        asking = [w.stem for w in words if w.sentence == focus]
        return need_features([w.stem for w in words], (m.id for m in names.kept), asking)

    def _second_opinion(
        self,
        read: _Reading,
        decided: Understanding,
        intents: dict[str, float],
        needs: _NeedChances,
    ) -> Understanding:
        """The rules' reading, unless the learned models clearly read the message otherwise.

        The intent model reads the message as a whole; where it is sure of another intent,
        that intent is answered with what the rules found (their topics, or the need's best
        fit), and the need model then weighs a need's pick (``intents`` is how likely the
        intent model finds each intent). Small talk is read again without its talk where the
        model is sure of a roadmap question ("offline notes app, sync later"). What stays
        the rules':
        - comparisons (the model knows few ways of setting two things side by side);
        - which name is meant ("spring" in "what is spring like in paris": the model sees
          each name as its kind, never its everyday sense);
        - a need's pick read as a topic: a sure reading of what a thing is answers the topic
          or step the message asks about ("owasp top ten explained"), never the need's best
          fit; a need asked back only as the choice asked about; one for a name's own children
          stays;
        - a confident answer about a topic the message asks about, against a refusal
          ("hello? anyone there? i need help with mongodb").
        Where the rules give no roadmap answer (a refusal, an outside subject such as "our
        football club's site goes down", technology the roadmap lacks told around a need),
        the need is answered only where both models are sure of it and its fit.
        """
        intent, chance = max(intents.items(), key=itemgetter(1))
        sure = chance >= SECOND_OPINION
        if decided.small_talk and sure and intent != Intent.UNKNOWN:
            # "offline notes app, sync later": a need with a word of talk in it ("later")
            again = self._decide(read, talk=False)
            if again.outcome is not Outcome.REFUSED or intent == Intent.USE_CASE:
                decided = again
        if (
            decided.small_talk
            or decided.intent is Intent.COMPARE
            or (decided.outcome is Outcome.ASKED_BACK and decided.intent is Intent.UNKNOWN)
        ):
            return decided  # small talk, comparisons, which name is meant
        reads_need = intent == Intent.USE_CASE
        sure_of_need = sure and reads_need
        if decided.canned is not None or decided.outcome is Outcome.NOT_COVERED:
            # an outside subject or technology it lacks, unless both models know the need
            return self._need_instead(read, decided, needs) if sure_of_need else decided
        if sure and intent != decided.intent:
            decided = self._as_intent(read, decided, Intent(intent), chance)
        if decided.outcome is Outcome.REFUSED:
            return self._need_instead(read, decided, needs) if sure_of_need else decided
        if decided.intent is Intent.USE_CASE:
            return self._need_pick(read, decided, reads_need, needs)
        return decided

    def _need_instead(
        self, read: _Reading, decided: Understanding, needs: _NeedChances
    ) -> Understanding:
        """The need model's pick where the rules gave no roadmap answer, if it is sure of one."""
        answer = self._need_pick(read, replace(decided, topic_ids=()), reads_need=True, needs=needs)
        return answer if answer.confident else decided

    def _as_intent(
        self, read: _Reading, decided: Understanding, intent: Intent, chance: float
    ) -> Understanding:
        """The rules' findings answered as ``intent`` (as they were when it cannot be)."""
        question, topics = read.question, decided.topic_ids
        if intent is Intent.UNKNOWN:
            if chance < SURELY_OUTSIDE:
                return decided
            if decided.confident and set(decided.topic_ids) & set(read.topic_ids):
                return decided  # "hello? anyone there? i need help with mongodb"
            if read.uncovered:  # "how make android app in kotlin": what it lacks, said so
                return self._not_covered(question, read.subjects or read.uncovered)
            return Understanding(question, Intent.UNKNOWN, (), Outcome.REFUSED)
        if intent is Intent.USE_CASE:
            return self.needs.use_case(question, read.all_terms, read.kind.kind) or decided
        if intent is Intent.OVERVIEW:
            return Understanding(question, Intent.OVERVIEW, ())
        if intent is Intent.TOPIC and decided.intent in FOUND_ELSEWHERE:
            return self._as_topic(read, decided)
        if not topics or (intent is Intent.COMPARE and len(topics) < 2):
            return decided
        if intent is Intent.COMPARE:
            return Understanding(question, Intent.COMPARE, topics[:MAX_COMPARED])
        if decided.section_id is None:
            topics = topics[:1]
        return Understanding(question, intent, topics, section_id=decided.section_id)

    def _as_topic(self, read: _Reading, decided: Understanding) -> Understanding:
        """What a thing is, where the rules read a need or the overview.

        The thing is the topic or step the message names and does not come from ("what does
        the databases part cover", never "just finished the databases section, what now"), and
        for a need never its best fit. A need asked back is answered as the choice the message
        asks about where the message asks what a thing is ("we use mongo, what even is
        postgres"), if one is; not a question of fit ("is mongo good for a banking app"). A
        need asked for one of a name's own children ("which framework for php") stays.
        """
        if decided.parent_id is not None or decided.outcome not in ASKED_OR_ANSWERED:
            return decided
        words = read.message.words
        asked = [m.id for m in read.subjects if not is_background(m, words)]
        if decided.outcome is Outcome.ASKED_BACK:
            if not read.focus_words & WHAT_WORDS:  # "is mongo good for a banking app": a fit
                return decided
            asked = [t for t in decided.topic_ids if t in asked]  # the choice asked about
        topic = next((t for t in asked if t in read.topic_ids), None)
        if topic is not None:
            return Understanding(read.question, Intent.TOPIC, (topic,))
        steps = (  # "the databases part", not "which database for a bank" (a pick of a kind)
            self.knowledge.section(m.id)
            for m in read.mentions
            if near_step_word(words, m) and not is_background(m, words)
        )
        step = next((s for s in steps if s is not None), None)
        if step is None:
            return decided
        return Understanding(read.question, Intent.TOPIC, step.topic_ids, section_id=step.id)

    def _need_pick(
        self, read: _Reading, decided: Understanding, reads_need: bool, needs: _NeedChances
    ) -> Understanding:
        """A need's answer led by the need model's pick (of ``needs``), when it is sure enough.

        Where it leans to another pick than the rules' but is not sure, the learner chooses
        between the two.
        """
        pick, chance = max(needs().items(), key=itemgetter(1))
        confident = decided.outcome is Outcome.ANSWERED
        if chance < NEED_DOUBT or (confident and decided.topic_ids[:1] == (pick,)):
            return decided
        if confident and decided.topic_ids[0] in read.topic_ids:
            return decided  # "nosql for a product catalog": the name asked about fits
        if not confident and not reads_need:
            return decided  # an asked-back need the intent model does not read as one
        if decided.parent_id is not None:
            return decided  # "which framework for python": one of the name's own children
        if pick not in self.knowledge.topics or not self.needs.fits_kind(pick, read.kind.kind):
            return decided
        if chance < NEED_PICK and not confident:
            return decided  # leaning, not sure, and the rules already ask back
        reasons = {fit.topic_id: fit.reasons for fit in self.ranker.rank(read.all_terms, {pick})}
        reasons = {**decided.reasons, **reasons}
        if chance < NEED_PICK:
            choices = (decided.topic_ids[0], pick)
            return Understanding(
                read.question, Intent.USE_CASE, choices, Outcome.ASKED_BACK, reasons=reasons
            )
        topics = (pick, *(t for t in decided.topic_ids if t != pick))[:USE_CASE_TOPICS]
        return Understanding(read.question, Intent.USE_CASE, topics, reasons=reasons)

    # -- reading the message -----------------------------------------------------------------

    def _read(self, question: str, message: Message) -> _Reading:
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
        kind = self._kind_word(message, focus, names, mentions, requests.about, topic_ids)
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
        return _Reading(
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
        topic_ids: tuple[str, ...],
    ) -> _KindWord:
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
        kinds = [  # "postgres for a tiny cli tool": what is built, not the kind asked for
            i
            for i in kinds
            if i in asked
            or "for" not in {w.text for w in words[max(i - 4, 0) : i]}
            or not topic_ids
        ]
        introduced = [  # "we need a framework", not "the internal tools team"
            i for i in kinds if any(w.text in ARTICLES for w in words[max(i - 2, 0) : i])
        ]
        at = (asked or introduced or kinds)[0] if kinds else None
        kind = self.lexicon.kinds[words[at].stem] if at is not None else None
        return _KindWord(at, kind, asked, introduced)

    def _need_terms(
        self,
        message: Message,
        focus: int,
        names: Names,
        mentions: list[Mention],
        kind: _KindWord,
        topic_ids: tuple[str, ...],
        paired: Set[int],
    ) -> tuple[_Terms, _Terms]:
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
        need_at = [  # where the need may be; each word looked up once for both selections
            i
            for i, w in enumerate(words)
            if (w.text not in self.lexicon.cue_words or i in paired) and i not in roles
        ]
        expanded = self.ranker.expand(words[i].stem for i in need_at)
        all_terms = self.ranker.expanded_terms(  # the kind asked for is not the need ("cloud")
            word
            for i, word in zip(need_at, expanded, strict=True)
            if i != kind.at
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

    # -- small talk and other subjects -------------------------------------------------------

    def _small_talk_or_everyday(self, read: _Reading, talk: bool = True) -> Understanding | None:
        """Small talk (if ``talk``), or names used only in their everyday sense.

        Names used only in their everyday sense are refused, unless the message tells a clear
        need.
        """
        message, names = read.message, read.names
        canned = self.talk.small_talk(message, read.mentions) if talk else None
        if canned is not None and not asks_about_doubtful(message, names.unsure):
            return Understanding(
                read.question, Intent.UNKNOWN, (), Outcome.SMALL_TALK, canned=canned
            )
        if names.everyday and not read.mentions:
            # "works on my machine but not on the server": read as everyday only from the word
            # beside the name, a clear need (with the name's own words) is still answered
            clear = (
                self._clear_need(
                    read.question, message, read.kind.kind, names.unsure | names.dropped
                )
                if set(names.everyday) <= names.beside_only and not names.foreign
                else None
            )
            return clear or Understanding(read.question, Intent.UNKNOWN, (), Outcome.REFUSED)
        return None

    def _outside_roadmap(self, read: _Reading) -> Understanding | None:
        """A subject outside the roadmap asked about ("should i buy a new laptop?").

        Refused with its canned reply, unless the roadmap is asked about after all, or the
        outside words only say where a software need happens.
        """
        message, focus, subjects = read.message, read.focus, read.subjects
        outside, hits, outside_at = self.talk.outside_subject(
            message, needs=read.kind.kind is not None, paired=read.paired
        )
        asking = [w for w in message.words if w.sentence == focus]
        asked_outside = (  # "a bootcamp teaching java. is 16 GB of RAM enough?": the laptop
            message.sentences > 1
            and self.talk.outside_words(asking)
            and all(message.words[m.start].sentence != focus for m in subjects)
        )
        if outside is None or not (asked_outside or all(m.ambiguous for m in subjects)):
            return None
        evidence = sum(  # "... when i run docker. should i buy a new laptop?": the asking
            (
                w.stem in self.lexicon.software or w.stem in self.lexicon.overview_cues
            )  # sentence's own
            and w.stem not in self.lexicon.title_words
            for w in (asking if asked_outside else message.words)
        ) + (  # "scala worth learning for backend jobs?": not covered, first
            0 if asked_outside else len(read.uncovered)
        )
        if (hits < evidence and subjects) or self._roadmap_asked_beside(read, asking):
            return None
        # "our app shows live football scores. what would you build the backend with?":
        # the outside word is where the need happens; the question asks for the need
        names, mentions = read.names, read.mentions
        aside = (
            message.sentences > 1
            and not self.talk.outside_words(asking)
            and (focus in message.questions or bool(ASKING_WORDS & read.focus_words))
            and self.talk.asks_for_software(asking)
            # a software situation told around the need: a software word or a name
            and bool(
                names.software
                or names.doubtful
                or any(m.id in self.knowledge.topics for m in mentions)
            )
            # "a job offer from a company using elixir": about elixir
            and not any(m.not_covered for m in mentions)
        ) or self.talk.asked_beside_outside(
            message, focus, names, mentions, read.kind.asked_for, outside_at
        )
        clear = (
            self._clear_need(
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

    def _roadmap_asked_beside(self, read: _Reading, asking: list[Word]) -> bool:
        """Whether a message with outside words still asks about the roadmap or its names.

        ``asking`` holds the words of the sentence that asks.
        """
        message, focus, subjects = read.message, read.focus, read.subjects
        bare = all(w.text in STOP or w.text in QUESTION_STARTS for w in asking)
        requested = [  # a bare "what do you suggest?" asks for what the sentence before asks
            w for w in message.words if w.sentence == focus or (bare and w.sentence == focus - 1)
        ]
        roadmap_question = (
            message.sentences > 1
            and not self.talk.outside_words(asking)
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
                    and any(w.stem in self.lexicon.title_words for w in asking)
                )
            )
        )
        learning = any(  # "my boss wants me to learn django by monday": django, not the boss
            wanted(m, message.words) and message.words[m.start].sentence == focus for m in subjects
        )
        asked_segments = {w.segment for w in message.words if w.text in WHAT_WORDS}
        side_by_side = any(  # "go or java for a backend job in germany": the two compared
            a.id != b.id
            and b.start == a.end + 1
            and message.words[a.end].text in SIDE_BY_SIDE
            and self.lexicon.kind_of(a) == self.lexicon.kind_of(b)
            for a, b in pairwise(subjects)
        ) and not self.talk.outside_words(  # ... unless asked about: "which pays more, x or y"
            [w for w in message.words if w.segment in asked_segments]
        )
        built_with_name = read.asks_to_build and any(  # "what should i build with django to
            message.words[m.start].sentence == focus
            for m in subjects  # get hired"
        )
        return roadmap_question or learning or side_by_side or built_with_name

    # -- the path and needs told around names ------------------------------------------------

    def _what_is_asked(self, read: _Reading) -> _Asked:
        """What the asking sentence asks for: a comparison, what a name is, the next step."""
        message, focus, focus_words = read.message, read.focus, read.focus_words
        compare = bool(COMPARE_CUES & read.requests.cues) or "or" in {w.text for w in message.words}
        asks_what = asks_definition(message, focus, read.subjects, focus_words)
        # "what is java itself known for": the name asked about, not one of its children
        names_itself = (
            asks_what
            and not focus_words & USE_CASE_CUES
            and any(message.words[m.start].sentence == focus for m in read.subjects)
        )
        focus_stems = {w.stem for w in message.words if w.sentence == focus}
        if not any(w.text == "order" for w in message.words) or not (
            {w.stem for w in message.words} & LEARN_WORDS
            or focus_stems & (STRONG_OVERVIEW - {"order"})
        ):  # "customers have many orders", "one discount per order": not the learning order
            focus_stems.discard("order")
        # "what should i learn next", "i finished the languages section. what comes next?"
        # (told only in software talk: not "i finished my homework. what comes next?")
        software_talk = (
            read.names.software > 0
            or bool(read.mentions)
            or any(w.stem in self.lexicon.title_words for w in message.words)
        )
        learn_next = (  # not "i built a todo app. what should i build next?": projects
            bool(
                focus_stems & LEARN_WORDS
                or (read.requests.told and software_talk)
                or (focus_words & COMING and software_talk)  # "what comes after the db step"
                or "step" in focus_stems  # "what's the next step after apis"
            )
            and bool({"next", "after"} & focus_stems)
            and not read.build_request
            and not focus_words & PROJECT_NOUNS  # "what project should i try next
        )
        texts = message.texts
        learn_way = any(  # "best way to learn sql", "the best way to get started"
            a == "way" and b == "to" and (texts[i + 2] in LEARN_WORDS or i + 2 in read.improving)
            for i, (a, b) in enumerate(pairwise(texts[:-1]))
        )  # not "machine learning ... way to serve it"
        return _Asked(
            compare, asks_what, names_itself, focus_stems, software_talk, learn_next, learn_way
        )

    def _where_to_start(self, read: _Reading, asked: _Asked) -> Understanding | None:
        """The overview, for where to start or what comes next in the roadmap's own field.

        "I'm a QA tester ... I want to move into backend. Where should I start?": the path is
        asked for; the learner's background words are no need.
        """
        message, focus_words, subjects = read.message, read.focus_words, read.subjects
        first_step = any(a == "first" and b == "step" for a, b in pairwise(read.focus_texts))
        if (
            (
                (bool(asked.focus_stems & STARTING) and bool(focus_words & {"where", "how"}))
                or asked.learn_next
                or first_step
            )
            and any(w.stem in self.lexicon.title_words for w in message.words)
            and read.kind.kind is None
            and not read.build_request
            and not focus_words & (RESOURCE_CUES | PROJECT_CUES)
            and not any(message.words[m.start].sentence == read.focus for m in subjects)
            and not any(wanted(m, message.words) for m in subjects)
            and not any(self.knowledge.section(m.id) for m in subjects)  # "the monitoring part"
            and not (subjects and focus_words & NAME_POINTERS)  # "... spring boot. is it next?"
        ):
            return Understanding(read.question, Intent.OVERVIEW, ())
        return None

    def _need_beside_names(self, read: _Reading, asked: _Asked) -> Understanding | None:
        """A need asked in a sentence that names nothing, the names told before it.

        "one cofounder wants microservices. what architecture makes sense for us?"; names told
        before a "which" are picked among ("i use laravel at work and rails on side projects.
        which one is better").
        """
        message, focus, focus_words = read.message, read.focus, read.focus_words
        subjects, kind = read.subjects, read.kind
        if not (
            message.sentences > 1
            and subjects
            and all(message.words[m.start].sentence != focus for m in subjects)
            and not focus_words & (NAME_POINTERS | PLURAL_POINTERS)  # "made for this": the need
            and not asked.learn_way  # "the best way to get started": material
            and (
                focus_words & USE_CASE_CUES
                or (kind.asked_for and message.words[kind.at].sentence == focus)
            )
            and not focus_words & (RESOURCE_CUES | PROJECT_CUES)  # "the best docs": material
            and not read.build_request
            and not (  # "moving to aws. should i learn the cloud now": the named one's kind
                kind.kind
                and not kind.asked_for
                and not self._kind_differs(read.topic_ids, kind.kind)
            )
            and not asked.learn_next  # "what should i learn next": the path, not a need
            # "i use mongodb at work but i want to learn sql. where should i start?": the name
            # to be learnt is what is asked about
            and not any(wanted(m, message.words) for m in subjects)
        ):
            return None
        # A kind word in passing in the background ("my team's node.js tools") is context,
        # not the kind of thing asked for.
        in_passing = (
            kind.at is not None
            and not kind.asked_for
            and kind.at not in kind.introduced
            and message.words[kind.at].sentence != focus
        )
        choice = self._choice(subjects, focus_words, kind.kind)
        if choice:
            return Understanding(read.question, Intent.COMPARE, choice)
        return self.needs.use_case(read.question, read.all_terms, kind.kind, asked=not in_passing)

    def _others_of_the_kind(self, read: _Reading, asked: _Asked) -> Understanding | None:
        """Others of the kind asked for than the ones told, offered back.

        "two years with php and laravel, tired of it. what language should i learn next?",
        "which database after sqlite".
        """
        message, subjects, topic_ids = read.message, read.subjects, read.topic_ids
        if not (
            self._asks_own_kind(read)
            and (
                (
                    asked.learn_next
                    and all(message.words[m.start].sentence != read.focus for m in subjects)
                )
                or all(m.start and message.words[m.start - 1].text in DONE_BEFORE for m in subjects)
            )
        ):
            return None
        others = tuple(
            t for t in self.needs.kind_choices(read.kind.kind, read.terms) if t not in topic_ids
        )
        if others:
            return Understanding(read.question, Intent.USE_CASE, others, Outcome.ASKED_BACK)
        return None

    def _what_comes_next(self, read: _Reading, asked: _Asked) -> Understanding | None:
        """The overview, for the whole path or what to learn next, unless a clear need decides.

        "i finished a python course. what does the full path look like?", "done python, what
        next?"; "my queries got slow after the table hit 10m rows, what do i learn": the need.
        """
        message, focus_words, doubtful = read.message, read.focus_words, read.names.doubtful
        subjects, kind = read.subjects, read.kind.kind
        path_asked = (  # "i finished a python course. what does the full path look like?"
            message.sentences > 1
            and bool(asked.focus_stems & (STRONG_OVERVIEW - STARTING))
            and kind is None
            and not doubtful
            and all(message.words[m.start].sentence != read.focus for m in subjects)
            and not focus_words & (POINTERS | PLURAL_POINTERS | RESOURCE_CUES | PROJECT_CUES)
        )
        if not (
            path_asked
            or (
                asked.learn_next
                and kind is None
                and not doubtful
                and not (subjects and focus_words & NAME_POINTERS)  # "is it a good next step?"
                and not any(
                    focus_words & set(m.name.split())
                    and "after" not in message.texts[max(m.start - 2, 0) : m.start]
                    and not is_background(m, message.words)
                    for m in read.mentions
                )  # "what should i learn after js", "i know python, what next": done already
            )
        ):
            return None
        learnt = {  # "after learning sql what next": the name learnt is no need either
            i
            for m in read.mentions
            if is_background(m, message.words)
            for i in range(m.start, m.end)
        }
        need = (
            None
            if path_asked
            else self._confident_need(read.question, message, kind, read.requests.told | learnt)
        )
        return need or Understanding(read.question, Intent.OVERVIEW, ())

    # -- kinds, technology not covered, comparisons ------------------------------------------

    def _projects_asked(self, read: _Reading) -> _ProjectsAsked:
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
            and not {v.text for v in words[max(i - OWNED_PROJECT_GAP, 0) : i]}
            & (OWNED | HAVING_PROJECT)  # "my first project", "in a small side project"
        ]
        asked = bool(project_at)
        # "a deployment project", "docker exercises": the name just before is what they are for
        named = next((m for m in read.mentions if m.end in project_at), None)
        # "a deployment project with the cloud": projects asked for, not a kind
        return _ProjectsAsked(opinion, asked, named, asked and not read.kind.asked_for)

    def _asks_own_kind(self, read: _Reading) -> bool:
        """Whether the kind asked for is the named topics' own ("which database after sqlite")."""
        kind = read.kind
        return bool(
            kind.asked_for and read.topic_ids and not self._kind_differs(read.topic_ids, kind.kind)
        )

    def _asks_other_kind(self, read: _Reading, asked: _Asked, projects: _ProjectsAsked) -> bool:
        """Whether a kind other than the named topics' is asked for ("which framework for python").

        Not when the name itself is asked about with a kind in passing, nor projects first.
        """
        kind = read.kind
        return bool(
            read.topic_ids
            and kind.kind
            and self._kind_differs(read.topic_ids, kind.kind)
            and not (asked.names_itself and not kind.asked_for)
            and not projects.first
        )

    def _within_the_kind(
        self, read: _Reading, asked: _Asked, projects: _ProjectsAsked
    ) -> Understanding | None:
        """Another of the kind asked for, or the children of a kind of a name told.

        "it can't handle many websockets, which language is better at that"; "which framework
        for python"; "I know JavaScript well. Which framework should I use?".
        """
        question, kind, topic_ids = read.question, read.kind, read.topic_ids
        if self._asks_own_kind(read):
            answer = self._instead(question, read.message, read.subjects, kind.at, read.terms)
            if answer is not None:
                return answer
        if self._asks_other_kind(read, asked, projects):
            children = self.needs.children(question, topic_ids[0], kind.kind, read.terms)
            if children:
                return children
        if (
            not topic_ids
            and kind.kind
            and not COMPARE_CUES & read.requests.cues
            and not projects.first
        ):
            # "I know JavaScript well. Which framework should I use?": the background's children
            known = [
                m.id
                for m in read.mentions
                if m.id in self.knowledge.topics and m not in read.subjects
            ]
            for parent_id in dict.fromkeys(known):
                children = self.needs.children(question, parent_id, kind.kind, read.terms)
                if children:
                    return children
        return None

    def _need_around_technology(self, read: _Reading) -> Understanding | None:
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
            answer = self.needs.use_case(question, read.all_terms, kind)
            if answer is not None:
                return answer
        if (
            wants_something(message, read.requests.cues, read.subjects)
            or only_in_passing(message, uncovered)
            or self._built_in(message, uncovered)
        ):
            return self._need_around(question, uncovered, read.all_terms, kind, message, read.focus)
        return None

    def _not_covered_asked(self, read: _Reading, asked: _Asked) -> Understanding | None:
        """Technology the roadmap lacks, asked about: said to be not covered.

        Unless a need is asked in another sentence than the one naming it, and clearly fits.
        """
        question, message, focus = read.question, read.message, read.focus
        subjects, uncovered, topic_ids = read.subjects, read.uncovered, read.topic_ids
        kind = read.kind.kind
        set_against = (  # not "a real db or just for testing"
            bool(COMPARE_CUES & read.requests.cues)
            or any(
                message.words[i].text in SIDE_BY_SIDE
                for m in subjects
                for i in (m.start - 1, m.end)
                if 0 <= i < len(message.words)
            )
        ) and not all(  # "gin vs express for a fast api": the need, not one of those compared
            names_a_need(message, m) for m in uncovered
        )
        if not uncovered or not (
            subjects[0].not_covered
            or (asked.compare and set_against and len(subjects) >= 2)
            or not topic_ids
        ):
            return None
        # "the app works on my macbook but crashes on the ubuntu server. how do we get the
        # same environment everywhere?": technology told in the situation, a need asked
        told_aside = (
            message.sentences > 1
            and all(message.words[m.start].sentence != focus for m in uncovered)
            and not read.focus_words & (NAME_POINTERS | PLURAL_POINTERS)
            and (focus in message.questions or bool(ASKING_WORDS & read.focus_words))
        )
        aside = {i for m in uncovered for i in range(m.start, m.end)}
        clear = (
            self._clear_need(
                question,
                message,
                kind,
                read.names.dropped | aside,
                background=True,
                beside=self.lexicon.technology(uncovered),
            )
            if told_aside
            else None
        )
        # a close call is no reason to pass over the technology named, unless its name is
        # also a word ("parcels move"): then the need's fits are offered back
        if clear is not None and (clear.confident or all(m.ambiguous for m in uncovered)):
            return clear
        return self._not_covered(question, subjects)

    def _set_side_by_side(self, read: _Reading) -> bool:
        """Whether two names of a kind are weighed against each other with no comparing word.

        "is nestjs basically express", "why use graphql over rest", "spring boot and django,
        which one", "flask user here, is django heavier?".
        """
        subjects, texts, focus_words = read.subjects, read.message.texts, read.focus_words
        alike = len(subjects) >= 2 and self.lexicon.kind_of(subjects[0]) == self.lexicon.kind_of(
            subjects[1]
        )
        set_over = alike and any(  # "why use graphql over rest": one preferred to the other
            b.start == a.end + 1 and read.message.words[a.end].text in PREFERRED_TO
            for a, b in pairwise(subjects)
        )
        weighed = bool(focus_words & COMPARATIVES)  # "flask user here, is django heavier?"
        equated = any(  # "nestjs is just express with extra steps?"
            BE_WORDS & set(between) and set(between) <= EQUATING
            for a, b in pairwise(subjects)
            for between in [texts[a.end : b.start]]
        )
        return alike and (
            texts[:1] in (("is",), ("are",))
            or bool(PICKING_ONE & focus_words)  # "bro says mongo, prof says postgres. whos right"
            or set_over
            or weighed
            or equated
        )

    def _comparison(self, read: _Reading, asked: _Asked) -> Understanding | None:
        """Named topics compared, the few of a kind asked to differ, or a named comparison."""
        question, topic_ids, kind = read.question, read.topic_ids, read.kind.kind
        if len(topic_ids) >= 2 and asked.compare:
            kinds = [self.knowledge.topics[t].kind for t in topic_ids]
            shared = [t for t, k in zip(topic_ids, kinds, strict=True) if kinds.count(k) >= 2]
            compared = shared if len(shared) >= 2 else topic_ids  # "go faster than python"
            return Understanding(question, Intent.COMPARE, tuple(compared[:MAX_COMPARED]))
        if not topic_ids and kind is not None and read.focus_words & LIKENESS_CUES:
            # "how do the cloud providers differ": the few of that kind, side by side
            members = [t.id for t in self.knowledge.topics.values() if t.kind == kind]
            if 2 <= len(members) <= MAX_COMPARED:
                return Understanding(question, Intent.COMPARE, tuple(members))
        named = self.lexicon.named_comparison(read.message.texts) if len(topic_ids) < 2 else ()
        if not named:
            return None
        alias_words = {
            word
            for phrase, ids in self.lexicon.comparison_phrases.items()
            if ids == named
            for word in phrase.split()
        }
        need = self.ranker.terms(
            w.stem
            for i, w in enumerate(read.message.words)
            if w.text not in self.lexicon.cue_words
            and w.text not in alias_words
            and w.stem not in self.lexicon.software
            and i not in read.names.dropped
        )
        answer = None
        if len({source for _, source in need.values()}) >= 2:  # a need, not a stray word
            answer = self.needs.use_case(question, need, None, among=set(named))
        if answer is not None and answer.confident:
            return answer
        return Understanding(question, Intent.COMPARE, named)

    def _need_of_another_kind(
        self, read: _Reading, asked: _Asked, projects: _ProjectsAsked
    ) -> Understanding | None:
        """A need for a kind other than the named topics' ("a database for my django app")."""
        if self._asks_other_kind(read, asked, projects):
            return self.needs.use_case(read.question, read.all_terms, read.kind.kind)
        return None

    # -- material, projects and the named topic ----------------------------------------------

    def _requested(self, read: _Reading, asked: _Asked, projects: _ProjectsAsked) -> _Requested:
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
        started = {m.start for m in read.subjects} & {  # "where do i start with (the) docker"
            i + gap
            for i, (w, link) in enumerate(pairwise(message.words))
            if w.text in STARTING and link.text in START_LINKS
            for gap in (2, 3)
        }
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
        return _Requested(resources, wants_projects, asks_for_kind, unnamed_request)

    def _need_beside_topic(
        self, read: _Reading, asked: _Asked, requested: _Requested
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
        answer = (
            None
            if asked.names_itself
            else self.needs.child_for_need(question, topic_ids[0], read.terms)
        )
        points_back = message.sentences > 1 and bool(read.focus_words & POINTERS)
        wants_to_do = wants_something(message, read.requests.cues, read.subjects)
        told = [m for m in read.subjects if m.id in self.knowledge.topics]
        focused = [m for m in told if message.words[m.start].sentence == focus]
        context = self._only_context(read, told)
        about = any(  # "what should i know about database management": asks about it
            (m.start and message.words[m.start - 1].text == "about")
            or wanted(m, message.words)  # "i want to learn aws, is that a bad idea"
            for m in focused
        )
        if (
            answer is None
            and not asked.asks_what
            and not about
            and ((wants_to_do and not points_back) or context)
        ):
            answer = self.needs.elsewhere(
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
            answer = self.needs.elsewhere(question, topic_ids, read.terms, told=True)
        if answer is not None and (answer.confident or not requested.resources):
            return answer  # material for the name, unless the need clearly fits elsewhere
        return None

    @staticmethod
    def _only_context(read: _Reading, told: list[Mention]) -> bool:
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

    def _projects_for_name(
        self, read: _Reading, requested: _Requested, projects: _ProjectsAsked
    ) -> Understanding | None:
        """Projects for the name just before a project word ("aws deployment project")."""
        question, named = read.question, projects.named
        if not requested.projects or requested.resources or named is None:
            return None
        step = self.knowledge.section(named.id)
        clear = [  # "aws deployment project", "auth project with jwt": the step's topic
            m.id
            for m in read.subjects
            if step is not None and m.id in step.topic_ids and not m.ambiguous
        ]
        if clear:
            return Understanding(question, Intent.PROJECTS, (clear[0],))
        if step is not None and not self.lexicon.is_overview_phrase(named.name):
            return Understanding(question, Intent.PROJECTS, step.topic_ids, section_id=named.id)
        if named.id in self.knowledge.topics:
            return Understanding(question, Intent.PROJECTS, (named.id,))
        return None

    def _topic(self, read: _Reading, requested: _Requested) -> Understanding | None:
        """The named topic: its material, its projects, or the topic itself."""
        question, topic_ids = read.question, read.topic_ids
        if not topic_ids:
            return None
        if requested.resources:
            return Understanding(question, Intent.RESOURCES, topic_ids[:1])
        if requested.projects:
            return Understanding(question, Intent.PROJECTS, topic_ids[:1])
        reasons = {
            fit.topic_id: fit.reasons for fit in self.ranker.rank(read.terms, set(topic_ids[:1]))
        }
        return Understanding(question, Intent.TOPIC, topic_ids, reasons=reasons)

    # -- no topic named: steps, the overview, needs ------------------------------------------

    def _step_asked(self, read: _Reading, asked: _Asked, requested: _Requested) -> _StepAsked:
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
                if self.knowledge.section(m.id) and not self.lexicon.is_overview_phrase(m.name)
            ),
            None,
        )
        section = self.knowledge.section(section_id) if section_id else None
        # "what does the databases part cover", "resources for the auth section": the step
        # itself is asked for, not a need
        named_step = any(
            m.id == section_id and self.name_finder.as_step(message, m, focus)
            for m in read.subjects
        )
        step_asked = section is not None and (
            ((requested.resources or requested.projects) and not read.kind.asked_for)
            or named_step
            or bool(focus_words & ROADMAP_WORDS)  # "which languages are in the roadmap"
        )
        # "what are the main parts of backend", "list the sections": the roadmap's steps
        steps = (  # not "which part covers that": a need; not "which part of town"
            asked.software_talk
            and section is None
            and bool(focus_stems & STEP_WORDS)
            and not read.topic_ids
            and not focus_words & POINTERS
        )
        overview = bool(
            steps or focus_stems & self.lexicon.overview_cues
        ) and not self._off_subject(message, focus, [])
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
        return _StepAsked(
            section_id, section, named_step, step_asked, steps, overview, starting_point, strong
        )

    def _overview(self, read: _Reading, asked: _Asked, step: _StepAsked) -> Understanding | None:
        """The whole path, asked for with a strong cue (unless a clear need is where to start)."""
        if not (step.section is None and step.overview and step.strong and read.kind.kind is None):
            return None
        # "our login page got hacked. where do we start?": a clear need is where to start
        need = (
            self._confident_need(read.question, read.message, read.kind.kind, read.requests.told)
            if step.starting_point and not step.steps and not asked.focus_stems & STRONG_OVERVIEW
            else None
        )
        return need or Understanding(read.question, Intent.OVERVIEW, ())

    def _need_asked(
        self, read: _Reading, requested: _Requested, step: _StepAsked
    ) -> Understanding | None:
        """A need asked for with a need word, a kind, or software context ("what db for x")."""
        names, cues, kind = read.names, read.requests.cues, read.kind.kind
        asked_need = bool(
            USE_CASE_CUES & cues
            or BUILD_WORDS & cues
            or ("for" in cues and (names.software or kind))
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
            return self.needs.use_case(
                read.question,
                read.all_terms,
                kind,
                asked=asked_need,
                context=bool(names.software or kind is not None),
            )
        return None

    def _need_with_no_name(
        self, read: _Reading, asked: _Asked, projects: _ProjectsAsked, step: _StepAsked
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
            or (names.foreign and not doubtful)  # "which route from hanoi to hue": no
            or (not read.mentions and self.lexicon.foreign_beside_title(read.message))
        ):  # software word, no name: not a need of this roadmap
            return None
        answer = self.needs.use_case(read.question, read.all_terms, read.kind.kind, strong=True)
        if answer is not None and doubtful and answer.topic_ids[0] in doubtful:
            # "django admin panel": the name's own use case settles its sense; it is asked about
            named = answer.topic_ids[0]
            return Understanding(read.question, Intent.TOPIC, (named,), reasons=answer.reasons)
        rival = (  # "spring dependency injection": a message led by a name is Spring's, if any
            answer is not None
            and 0 in names.unsure
            and any(
                self.knowledge.topics[d].kind == self.knowledge.topics[answer.topic_ids[0]].kind
                for d in doubtful
            )
        )
        # "a go kart track opened near me": among foreign words, an unsure name allows only
        # its own use case, not another topic's ("nearby search")
        if answer is not None and not rival and not names.foreign:
            return answer
        return None

    def _kind_choices(
        self, read: _Reading, requested: _Requested, step: _StepAsked
    ) -> Understanding | None:
        """The topics of the kind asked for, offered back ("which database should i use")."""
        kind = read.kind.kind
        by_kind_word = step.section is not None and all(
            self.lexicon.names_a_kind(m) for m in read.subjects if m.id == step.section_id
        )
        if (
            (step.section is None or (by_kind_word and read.all_terms))
            and requested.asks_for_kind
            and kind is not None
            and not requested.projects
            and not step.step_asked
        ):
            choices = self.needs.kind_choices(kind, read.all_terms)
            if choices:
                return Understanding(read.question, Intent.USE_CASE, choices, Outcome.ASKED_BACK)
        return None

    def _owned_step(self, read: _Reading, step: _StepAsked) -> Understanding | None:
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
        answer = self.needs.use_case(read.question, read.all_terms, read.kind.kind, rare=True)
        if answer is not None:
            return answer
        return Understanding(
            read.question,
            Intent.TOPIC,
            section.topic_ids,
            Outcome.ASKED_BACK,
            section_id=step.section_id,
        )

    def _step(
        self, read: _Reading, requested: _Requested, step: _StepAsked
    ) -> Understanding | None:
        """The step named: its material, its projects, or what it holds."""
        if step.section is None:
            return None
        # "what does the monitoring bit teach": what the step holds, not material for it
        holds = step.named_step and any(  # "what does it teach", not "what should i read"
            a == "what" and b in ("does", "do") for a, b in pairwise(read.focus_texts)
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

    def _last_resort(
        self, read: _Reading, asked: _Asked, requested: _Requested, step: _StepAsked
    ) -> Understanding:
        """What is left: projects, a doubtful name, the overview, or a refusal.

        A doubtful topic's name is offered back; technology the roadmap lacks is said to be
        not covered.
        """
        question, message, names = read.question, read.message, read.names
        doubtful, focus_words = names.doubtful, read.focus_words
        beyond_projects = any(  # "a science fair next week. any project ideas?": not software
            (w.text in self.lexicon.software or w.stem in self.lexicon.software)
            and w.text not in PROJECT_CUES
            for w in message.words
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
            return self._not_covered(question, list(names.doubtful_uncovered))
        # "how do i create a new instagram account": "new" or "first" alone, in no software
        # talk, is no question about the roadmap
        learning_asked = bool(asked.focus_stems & self.lexicon.overview_cues - INCIDENTAL_OVERVIEW)
        if step.overview and (names.software or (message.sentences == 1 and learning_asked)):
            # "what should i do next", after sentences about Spanish lessons, is not the roadmap
            return Understanding(question, Intent.OVERVIEW, ())
        if names.software and focus_words & ASKING_WORDS and focus_words & WAYS:
            # "my site got hacked, what do i need to learn": a way asked for in a software
            # situation; a need on one telling word is offered back rather than refused
            answer = self.needs.use_case(question, read.all_terms, read.kind.kind, rare=True)
            if answer is not None:
                return answer
        near, typos = self.name_finder.near_misses(read.rest)
        if near and names.foreign:  # a misspelt name is no reason to ask back among other words
            content = [w for w in self.lexicon.content(read.rest) if w.text not in typos]
            near = () if self.lexicon.mostly_foreign(message.words, content) else near
        if near:
            return Understanding(question, Intent.UNKNOWN, near, Outcome.ASKED_BACK)
        return Understanding(question, Intent.UNKNOWN, (), Outcome.REFUSED)

    # -- what the stages share ---------------------------------------------------------------

    def _confident_need(
        self, question: str, message: Message, kind: str | None, told: Set[int]
    ) -> Understanding | None:
        """A need told so clearly that it answers what to learn or where to start.

        Parts telling what the learner has done ("i finished a python course and built a
        scraper") are their background, not a need.
        """
        need = self._clear_need(question, message, kind, told)
        return need if need is not None and need.confident else None

    def _clear_need(
        self,
        question: str,
        message: Message,
        kind: str | None,
        skipped: Set[int],
        *,
        background: bool = False,
        beside: Sequence[NotCovered] = (),
    ) -> Understanding | None:
        """A need told so clearly that a word of another subject around it does not hide it.

        The need is read from all the message's words but cue words and ``skipped`` ones, and
        must rest on at least two of them. With ``background`` (sentences about something else
        around the need), a close runner-up makes it ask back with both; so does a need told
        ``beside`` technology the roadmap lacks that does not fit it clearly.
        """
        terms = self.ranker.terms(
            w.stem
            for i, w in enumerate(message.words)
            if w.text not in self.lexicon.cue_words and i not in skipped
        )
        answer = self.needs.use_case(question, terms, kind, strong=True)
        if answer is not None and (
            (background and answer.close_call)
            or (beside and answer.confident and not self.needs.beside(answer, beside, terms))
        ):
            return replace(answer, outcome=Outcome.ASKED_BACK, close_call=False)
        return answer

    def _choice(
        self,
        subjects: list[Mention],
        focus_words: Set[str],
        kind: str | None,
    ) -> tuple[str, ...]:
        """The names told before a "which" that picks among them ("which one would you pick").

        Two or more topics of one kind, and no other kind asked for; else nothing.
        """
        if not focus_words & CHOOSING:
            return ()
        named = [m.id for m in subjects if m.id in self.knowledge.topics]
        kinds = Counter(self.knowledge.topics[t].kind for t in dict.fromkeys(named))
        shared, count = kinds.most_common(1)[0] if kinds else (None, 0)
        if count < 2 or (kind is not None and kind != shared):
            return ()
        ids = [t for t in dict.fromkeys(named) if self.knowledge.topics[t].kind == shared]
        return tuple(ids[:MAX_CHOICES])

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
        kind = self.lexicon.kinds[asked.stem]
        others = self.needs.kind_members.get(kind, set()) - {m.id for m in subjects}
        answer = self.needs.use_case(question, terms, None, among=others)
        return answer if answer is not None and answer.confident else None

    def _built_in(self, message: Message, uncovered: list[Mention]) -> bool:
        """Whether a thing made with technology the roadmap lacks is wanted for a need.

        "typescript backend for a big team": the name, a software word, then "for".
        """
        words = message.words
        return any(
            m.end + 1 < len(words)
            and words[m.end + 1].text == "for"
            and (
                words[m.end].text in self.lexicon.software
                or words[m.end].stem in self.lexicon.kinds
            )
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
        names = {words[m.start].text for m in uncovered}
        return self.needs.around(question, self.lexicon.technology(uncovered), names, terms, kind)

    def _off_subject(self, message: Message, focus: int, mentions: list[Mention]) -> bool:
        """Whether the asking sentence is about something else: unknown words, no roadmap words."""
        named = {i for m in mentions for i in range(m.start, m.end)}
        content = [
            w
            for i, w in enumerate(message.words)
            if w.sentence == focus and i not in named and w.text not in STOP
        ]
        known = [
            w
            for w in content
            if w.text in self.lexicon.cue_words
            or w.stem in self.lexicon.software
            or w.stem in self.lexicon.overview_cues
            or w.text in STEP_WORDS
        ]
        return len(content) - len(known) > len(known) or (bool(content) and not known)

    def _kind_differs(self, topic_ids: tuple[str, ...], kind: str) -> bool:
        """True when the question asks for a kind of thing other than what it names."""
        return all(t not in self.needs.kind_members.get(kind, ()) for t in topic_ids)

    def _not_covered(self, question: str, subjects: list[Mention]) -> Understanding:
        """Technology the roadmap does not cover, named with the topics it does (if any)."""
        uncovered = [m for m in subjects if m.not_covered]
        entries = tuple(dict.fromkeys(self.lexicon.technology(uncovered)))
        covered = tuple(dict.fromkeys(m.id for m in subjects if m.id in self.knowledge.topics))
        return Understanding(
            question, Intent.UNKNOWN, covered, Outcome.NOT_COVERED, not_covered=entries
        )
