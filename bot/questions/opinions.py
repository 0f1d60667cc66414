"""The learned models' second opinions on the rules' answer, and their doubt about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from operator import itemgetter

from bot.background import is_background
from bot.learned import WRONG, AnswerSignals, Learned, intent_features, need_features
from bot.mentions import Names, near_step_word
from bot.needs import USE_CASE_TOPICS
from bot.questions.reading import Reading
from bot.questions.rules import Rules
from bot.questions.shared import MAX_CHOICES, Shared
from bot.understanding import Intent, Outcome, Understanding
from bot.wording import STOP, WHAT_WORDS, Message

#: How sure the intent model must be to overrule the rules' intent.
SECOND_OPINION = 0.8
#: ...and to turn a roadmap answer into "that is not something this roadmap covers".
SURELY_OUTSIDE = 0.9
#: How sure the need model must be for its pick to lead a need's answer.
NEED_PICK = 0.35
#: ...and how sure of another pick than the rules' to ask back between the two.
NEED_DOUBT = 0.15
#: ...and how sure of a pick of another kind than the one a message introduces ("run a
#: database locally without installing it": Docker).
KIND_GIVES_WAY = 0.8
#: Where the rules give no roadmap answer, a need is answered when the intent model leans to
#: it this much and the need model is this sure of its pick ("scrape competitor prices daily").
LEANING_TO_NEED = 0.5
CLEAR_PICK = 0.5
#: How sure the intent model must be of a need to answer the rules' topic as its pick, where it
#: is the need's best fit.
TOPIC_AS_NEED = 0.6
#: How likely the doubt model must find a confident answer wrong to ask it back instead.
DOUBT_ASK = 0.3
#: ...and to ask it back when the answer is the only choice there is ("is this what you mean?").
DOUBT_CONFIRM = 0.6
#: Intents whose confident answers the doubt model weighs: those about a topic.
DOUBTED = frozenset({Intent.TOPIC, Intent.USE_CASE, Intent.RESOURCES, Intent.PROJECTS})
#: Intents whose topics are not what the message names (a need's best fits; none): a sure
#: "what is it" reading looks again (_as_topic).
FOUND_ELSEWHERE = frozenset({Intent.USE_CASE, Intent.OVERVIEW})
#: Intents about a topic named: a sure reading of them, where the rules read a need, answers
#: the topic the message names, as a "what is it" reading does.
ABOUT_A_TOPIC = frozenset({Intent.PROJECTS, Intent.RESOURCES})
#: Outcomes of a need the intent model's sure reading of what a thing is may answer again.
ASKED_OR_ANSWERED = frozenset({Outcome.ANSWERED, Outcome.ASKED_BACK})
#: The need model's probability of each topic for one message, worked out when first asked.
NeedChances = Callable[[], dict[str, float]]


class SecondOpinions:
    """The learned models' second opinions on what the rules decide, and their doubt."""

    def __init__(self, shared: Shared, rules: Rules) -> None:
        """Opinions on the answers of ``rules`` (read again, where small talk is not).

        The models themselves are passed with each message: the answerer's may change.
        """
        self.shared = shared
        self.rules = rules

    def weigh(
        self, read: Reading, rules: Understanding, learned: Learned
    ) -> tuple[Understanding, AnswerSignals | None]:
        """The rules' answer after the models' second opinion, and what the doubt model reads.

        The signals are None for an answer that is not a confident one about a topic.
        """
        message = read.message
        intents = learned.intent.probabilities(
            self.features_for_intent(read.message, read.names, read.focus)
        )
        need_model = learned.need

        @cache
        def needs() -> dict[str, float]:
            """The need model's probabilities: worked out once, where first asked for."""
            return need_model.probabilities(
                self.features_for_need(read.message, read.names, read.focus)
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
            kind_asked=read.kind.kind if read.kind.asked_for else None,
        )

    def doubted(
        self, answer: Understanding, signals: AnswerSignals | None, learned: Learned | None
    ) -> Understanding:
        """The answer, or, where the doubt model finds it likely wrong, asked back.

        The choices are the answer's topics, the need model's pick (where it leans to one),
        then the topics the message asks about and names: at most three, and of the kind asked
        for, if one is. With no choice but the answer itself, it is asked back only where the
        model is surer (DOUBT_CONFIRM).
        """
        doubt = learned.doubt if learned is not None else None
        if signals is None or doubt is None:
            return answer
        wrong = doubt.probabilities(signals.features())[WRONG]
        if wrong < DOUBT_ASK:
            return answer
        pick, chance = signals.needs[0]
        others = ((pick,) if chance >= NEED_DOUBT else ()) + (*signals.subjects, *signals.named)
        kind = signals.kind_asked if answer.intent is Intent.USE_CASE else None
        choices = [  # "best language for microservices": languages, not Microservices
            *answer.topic_ids[:2],
            *(
                t
                for t in others
                if t in self.shared.knowledge.topics and self.shared.needs.fits_kind(t, kind)
            ),
        ]
        choices = list(dict.fromkeys(choices))[:MAX_CHOICES]
        if len(choices) < 2 and wrong < DOUBT_CONFIRM:
            return answer
        return replace(
            answer,
            topic_ids=tuple(choices),
            outcome=Outcome.ASKED_BACK,
            close_call=False,
        )

    def features_for_intent(self, message: Message, names: Names, focus: int) -> frozenset[str]:
        """A message's intent features, each name standing as its kind."""
        masked: dict[int, str | None] = {at: "N_everyday" for at in names.dropped}
        for mention in names.kept:
            if mention.not_covered:
                label = "N_uncovered"
            elif mention.id in self.shared.knowledge.topics:
                label = f"N_{self.shared.knowledge.topics[mention.id].kind}"
            else:
                label = "N_section"
            masked[mention.start] = label
            masked.update((at, None) for at in range(mention.start + 1, mention.end))
        return intent_features(message, masked, focus)

    @staticmethod
    def features_for_need(message: Message, names: Names, focus: int) -> frozenset[str]:
        """A message's need features: its stems (the asking sentence's also apart), its names."""
        named = {at for m in names.kept for at in range(m.start, m.end)}
        words = [w for at, w in enumerate(message.words) if at not in named and w.text not in STOP]
        asking = [w.stem for w in words if w.sentence == focus]
        return need_features([w.stem for w in words], (m.id for m in names.kept), asking)

    def _second_opinion(
        self,
        read: Reading,
        decided: Understanding,
        intents: dict[str, float],
        needs: NeedChances,
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
            again = self.rules.decide(read, talk=False)
            if again.outcome is not Outcome.REFUSED or intent == Intent.USE_CASE:
                decided = again
        if (
            decided.small_talk
            or decided.intent is Intent.COMPARE
            or (decided.outcome is Outcome.ASKED_BACK and decided.intent is Intent.UNKNOWN)
        ):
            return decided  # small talk, comparisons, which name is meant
        reads_need = intent == Intent.USE_CASE
        # a need where the rules give no roadmap answer: the intent model sure of it, or
        # leaning to it while the need model is clearly sure of its pick (and the question
        # asks about no technology the roadmap lacks: "how do apache virtual hosts work?")
        words = read.message.words
        sure_of_need = reads_need and (
            sure
            or (
                chance >= LEANING_TO_NEED
                and max(needs().values()) >= CLEAR_PICK
                and all(words[m.start].sentence != read.focus for m in read.uncovered)
            )
        )
        if decided.canned is not None or decided.outcome is Outcome.NOT_COVERED:
            # an outside subject or technology it lacks, unless both models know the need
            return self._need_instead(read, decided, needs) if sure_of_need else decided
        if sure and intent != decided.intent:
            decided = self._as_intent(read, decided, Intent(intent), chance)
        if decided.outcome is Outcome.REFUSED:
            return self._need_instead(read, decided, needs) if sure_of_need else decided
        if decided.intent is Intent.USE_CASE:
            return self._need_pick(read, decided, reads_need, needs)
        if reads_need and chance >= TOPIC_AS_NEED and decided.intent is Intent.TOPIC:
            return self._topic_as_need(read, decided)
        return decided

    def _topic_as_need(self, read: Reading, decided: Understanding) -> Understanding:
        """The rules' topic answered as the need's pick, where it is the need's best fit.

        "store user uploaded images s3", "logs from 12 containers in one place": a need told
        with the name of what fits it gets the pick and the use case it matched. Never where
        the message asks what a thing is ("what is oauth").
        """
        if not decided.confident or read.focus_words & WHAT_WORDS:
            return decided
        topic = decided.topic_ids[0]
        fits = self.shared.ranker.rank(read.all_terms, limit=1)
        if not fits or fits[0].topic_id != topic or not fits[0].use_case:
            return decided
        return Understanding(
            read.question, Intent.USE_CASE, (topic,), reasons={topic: fits[0].reasons}
        )

    def _need_instead(
        self, read: Reading, decided: Understanding, needs: NeedChances
    ) -> Understanding:
        """The need model's pick where the rules gave no roadmap answer, if it is sure of one."""
        answer = self._need_pick(read, replace(decided, topic_ids=()), reads_need=True, needs=needs)
        return answer if answer.confident else decided

    def _as_intent(
        self, read: Reading, decided: Understanding, intent: Intent, chance: float
    ) -> Understanding:
        """The rules' findings answered as ``intent`` (as they were when it cannot be)."""
        question, topics = read.question, decided.topic_ids
        if intent is Intent.UNKNOWN:
            if chance < SURELY_OUTSIDE:
                return decided
            if decided.confident and set(decided.topic_ids) & set(read.topic_ids):
                return decided  # "hello? anyone there? i need help with mongodb"
            if read.uncovered:  # "how make android app in kotlin": what it lacks, said so
                return self.shared.not_covered(question, read.subjects or read.uncovered)
            return Understanding(question, Intent.UNKNOWN, (), Outcome.REFUSED)
        if intent is Intent.USE_CASE:
            if (
                decided.intent is Intent.TOPIC
                and decided.topic_ids[:1] == read.asked_what_for()[:1]
            ):
                return decided  # "what is php good for nowadays": the topic, not a need
            return self.shared.needs.use_case(question, read.all_terms, read.kind.kind) or decided
        if intent is Intent.OVERVIEW:
            return Understanding(question, Intent.OVERVIEW, ())
        if intent is Intent.TOPIC and decided.intent in FOUND_ELSEWHERE:
            return self._as_topic(read, decided)
        if intent in ABOUT_A_TOPIC and decided.intent in FOUND_ELSEWHERE:
            # "hands-on project for learning docker": projects for the topic named, where one
            # is, not for the need's best fit
            found = self._as_topic(read, decided)
            if found is not decided:
                return replace(found, intent=intent)
        if intent is Intent.COMPARE and decided.intent in FOUND_ELSEWHERE:
            # "decide between rest and graphql for our app: the differences?": the names, in
            # the order told, set side by side; never the need's fits
            topics_named = (m.id for m in read.mentions if m.id in self.shared.knowledge.topics)
            named = self.shared.compared(topics_named)
            return Understanding(question, Intent.COMPARE, named) if len(named) > 1 else decided
        if not topics or (intent is Intent.COMPARE and len(topics) < 2):
            return decided
        if intent is Intent.COMPARE:
            return Understanding(question, Intent.COMPARE, self.shared.compared(topics))
        if decided.section_id is None:
            topics = topics[:1]
        return Understanding(question, intent, topics, section_id=decided.section_id)

    def _as_topic(self, read: Reading, decided: Understanding) -> Understanding:
        """What a thing is, where the rules read a need or the overview.

        The thing is the topic or step the message names and does not come from ("what does
        the databases part cover", never "just finished the databases section, what now"), and
        for a need never its best fit. A need asked back is answered as the choice the message
        asks about where the message asks what a thing is ("we use mongo, what even is
        postgres"), if one is, or else as the name the asking sentence names ("... what small
        projects should i practise first with django?"); not a question of fit ("is mongo good
        for a banking app"). A need asked for one of a name's own children ("which framework
        for php") stays.
        """
        if decided.parent_id is not None or decided.outcome not in ASKED_OR_ANSWERED:
            return decided
        words = read.message.words
        asked = [m.id for m in read.subjects if not is_background(m, words)]
        if decided.outcome is Outcome.ASKED_BACK:
            if not read.focus_words & WHAT_WORDS:  # "is mongo good for a banking app": a fit
                return decided
            # the choice asked about, or what the asking sentence names ("i want my own shop
            # backend one day. what small projects should i practise first with django?")
            asked = [t for t in decided.topic_ids if t in asked] or [
                m.id
                for m in read.subjects
                if words[m.start].sentence == read.focus and m.id in asked
            ]
        topic = next((t for t in asked if t in read.topic_ids), None)
        if topic is not None:
            return Understanding(read.question, Intent.TOPIC, (topic,))
        steps = (  # "the databases part", not "which database for a bank" (a pick of a kind)
            self.shared.knowledge.section(m.id)
            for m in read.mentions
            if near_step_word(words, m) and not is_background(m, words)
        )
        step = next((s for s in steps if s is not None), None)
        if step is None:
            return decided
        return Understanding(read.question, Intent.TOPIC, step.topic_ids, section_id=step.id)

    def _need_pick(
        self, read: Reading, decided: Understanding, reads_need: bool, needs: NeedChances
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
            child = pick in self.shared.knowledge.topics and (
                self.shared.knowledge.topics[pick].parent == decided.topic_ids[0]
            )
            if not (child and chance >= NEED_PICK):
                return decided  # "nosql for a product catalog": the name asked about fits
        if not confident and not reads_need:
            return decided  # an asked-back need the intent model does not read as one
        if decided.parent_id is not None:
            return decided  # "which framework for python": one of the name's own children
        # the kind asked for limits the pick; one only told ("run the db locally") does not,
        # nor one introduced, where the need model is sure ("run a db locally, no install")
        told = read.kind.only_mentioned or (not read.kind.asked_for and chance >= KIND_GIVES_WAY)
        kind = None if told else read.kind.kind
        if pick not in self.shared.knowledge.topics or not self.shared.needs.fits_kind(pick, kind):
            return decided
        if chance < NEED_PICK and not confident:
            return decided  # leaning, not sure, and the rules already ask back
        reasons = {
            fit.topic_id: fit.reasons for fit in self.shared.ranker.rank(read.all_terms, {pick})
        }
        reasons = {**decided.reasons, **reasons}
        topics = (pick, *(t for t in decided.topic_ids if t != pick))[:USE_CASE_TOPICS]
        if chance < NEED_PICK and self.shared.needs.same_family(decided.topic_ids[0], pick):
            # NoSQL or MongoDB: both fit, one the other's kind; the lean leads, the rules' is close
            return Understanding(
                read.question, Intent.USE_CASE, topics, reasons=reasons, close_call=True
            )
        if chance < NEED_PICK:
            choices = (decided.topic_ids[0], pick)
            return Understanding(
                read.question, Intent.USE_CASE, choices, Outcome.ASKED_BACK, reasons=reasons
            )
        return Understanding(read.question, Intent.USE_CASE, topics, reasons=reasons)
