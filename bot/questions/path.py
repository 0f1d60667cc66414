"""Rule stages about the path, and needs told around names.

What the asking sentence asks for (:class:`~bot.questions.findings.Asked`); where to start, what
comes next; a need asked beside names told before it; others of a kind.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from bot.background import DONE_BEFORE, is_background, wanted
from bot.intent_cues import asks_definition, compared_with_the_unnamed, points_at_a_step
from bot.mentions import Mention
from bot.questions.findings import Asked
from bot.questions.reading import Reading
from bot.questions.shared import MAX_CHOICES, Shared
from bot.subjects import recommended_by_someone
from bot.understanding import Intent, Outcome, Understanding
from bot.wording import (
    IN_THE_ROADMAP,
    LEARN_WORDS,
    NAME_POINTERS,
    PLURAL_POINTERS,
    POINTERS,
    PROJECT_CUES,
    PROJECT_NOUNS,
    RESOURCE_CUES,
    STARTING,
    STRONG_OVERVIEW,
    THE_PATH,
    USE_CASE_CUES,
    Message,
    roadmap_placed,
)

#: "what comes after": the next step of the path.
COMING = frozenset({"come", "comes", "follows"})
#: In a question after names, these pick among them ("which one", "which would you pick").
CHOOSING = frozenset({"which"})
#: ...and these two together ("is one better than the other").
ONE_AND_OTHER = frozenset({"one", "other"})
#: ...and these, after names two people recommend ("... another says nosql. what is better?",
#: Tagalog "ano ang mas fit").
WEIGHING = frozenset({"better", "best", "mas"})
#: In the asking sentence, words asking how names told before differ: no need.
DIFFERING = frozenset({"difference", "differences", "diff", "differ", "differs", "compare"})


def _by_itself(message: Message) -> set[str]:
    """Words told as "<word> by <word>", a manner: "explain step by step" asks for no steps."""
    texts = message.texts
    return {
        message.words[at].stem
        for at in range(len(texts) - 2)
        if texts[at + 1] == "by" and texts[at] == texts[at + 2]
    }


def _or_between_names(message: Message, mentions: list[Mention]) -> bool:
    """Whether an "or" stands between names of one sentence ("django or flask?").

    Also after a list of names ("postgres, mongo or something else"); not "any good docs or
    tutorials": choosing between things that are no names.
    """
    words = message.words
    for at, w in enumerate(words):
        if w.text != "or":
            continue
        told = [m for m in mentions if words[m.start].sentence == w.sentence]
        before = [m for m in told if m.end <= at]
        listed = len({m.id for m in before}) >= 2 and before[-1].end == at
        if listed or (before and any(m.start > at for m in told)):
            return True
    return False


class PathStages:
    """Where to start, what comes next, and needs told around names."""

    def __init__(self, shared: Shared) -> None:
        """The stages, reading with ``shared``'s indexes and helpers."""
        self.shared = shared

    def what_is_asked(self, read: Reading) -> Asked:
        """What the asking sentence asks for: a comparison, what a name is, the next step."""
        message, focus, focus_words = read.message, read.focus, read.focus_words
        compare = (
            read.requests.comparing and not compared_with_the_unnamed(message.words)
        ) or _or_between_names(message, read.mentions)
        asks_what = asks_definition(message, focus, read.subjects, focus_words)
        # "what is java itself known for": the name asked about, not one of its children
        names_itself = (
            asks_what
            and not focus_words & USE_CASE_CUES
            and any(message.words[m.start].sentence == focus for m in read.subjects)
        )
        focus_stems = {w.stem for w in message.words if w.sentence == focus} - _by_itself(message)
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
            or any(w.stem in self.shared.lexicon.title_words for w in message.words)
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
        return Asked(
            compare, asks_what, names_itself, focus_stems, software_talk, learn_next, learn_way
        )

    def where_to_start(self, read: Reading, asked: Asked) -> Understanding | None:
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
            and any(w.stem in self.shared.lexicon.title_words for w in message.words)
            and read.kind.kind is None
            and not read.build_request
            and not focus_words & (RESOURCE_CUES | PROJECT_CUES)
            and not any(message.words[m.start].sentence == read.focus for m in subjects)
            and not any(wanted(m, message.words) for m in subjects)
            and not any(
                self.shared.knowledge.section(m.id) for m in subjects
            )  # "the monitoring part"
            and not (subjects and focus_words & NAME_POINTERS)  # "... spring boot. is it next?"
        ):
            return Understanding(read.question, Intent.OVERVIEW, ())
        return None

    def need_beside_names(self, read: Reading, asked: Asked) -> Understanding | None:
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
            and not points_at_a_step(message.words, focus)  # "what is in that section?"
            and not focus_words & DIFFERING  # "... how should i explain the difference?"
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
                and not self.shared.kind_differs(read.topic_ids, kind.kind)
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
        # "one bloke says use sqlite, another says postgresql. which is better?": names others
        # recommend are among the choice too, and all told before "is one better than the other"
        one_or_other = focus_words >= ONE_AND_OTHER
        advised = [
            m
            for m in read.mentions
            if m not in subjects
            and message.words[m.start].sentence != focus
            and (one_or_other or recommended_by_someone(message.words, m))
        ]
        told = sorted(subjects + advised, key=lambda m: m.start)
        weighed = bool(focus_words & WEIGHING) and (
            len({m.id for m in told if recommended_by_someone(message.words, m)}) > 1
        )
        picks = bool(focus_words & CHOOSING) or one_or_other or weighed
        choice = self._choice(told, picks, kind.kind)
        if choice:
            return Understanding(read.question, Intent.COMPARE, choice)
        if self._choice_among_uncovered(read):
            return self.shared.not_covered(read.question, subjects)
        return self.shared.needs.use_case(
            read.question, read.all_terms, kind.kind, asked=not in_passing
        )

    def others_of_the_kind(self, read: Reading, asked: Asked) -> Understanding | None:
        """Others of the kind asked for than the ones told, offered back.

        "two years with php and laravel, tired of it. what language should i learn next?",
        "which database after sqlite".
        """
        message, subjects, topic_ids = read.message, read.subjects, read.topic_ids
        if not (
            self.shared.asks_own_kind(read)
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
            t
            for t in self.shared.needs.kind_choices(read.kind.kind, read.terms)
            if t not in topic_ids
        )
        if others:
            return Understanding(read.question, Intent.USE_CASE, others, Outcome.ASKED_BACK)
        return None

    def what_comes_next(self, read: Reading, asked: Asked) -> Understanding | None:
        """The overview, for the whole path or what to learn next, unless a clear need decides.

        "i finished a python course. what does the full path look like?", "done python, what
        next?"; "my queries got slow after the table hit 10m rows, what do i learn": the need.
        """
        message, focus_words, doubtful = read.message, read.focus_words, read.names.doubtful
        subjects, kind = read.subjects, read.kind.kind
        path_asked = (  # "i finished a python course. what does the full path look like?"
            message.sentences > 1
            and asked.software_talk  # not "... can someone explain step by step?"
            and bool(asked.focus_stems & THE_PATH)
            and kind is None
            and not doubtful
            and all(message.words[m.start].sentence != read.focus for m in subjects)
            and not focus_words & (POINTERS | PLURAL_POINTERS | RESOURCE_CUES | PROJECT_CUES)
            and not read.asks_path_of_the_uncovered()
            # "... InfluxDB I no see am at all. E dey inside the roadmap?": its cover, asked
            and not (
                read.uncovered
                and (
                    focus_words & IN_THE_ROADMAP
                    or roadmap_placed([w for w in message.words if w.sentence == read.focus])
                )
            )
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
                    for m in subjects
                )  # "what should i learn after js", "i know python, what next": done already
            )
        ):
            return None
        learnt = {  # "after learning sql what next": the name learnt is no need either
            i
            for m in read.mentions
            if is_background(m, message.words)
            for i in range(m.start, m.end)
        } | {  # "slow after the table hit 10m rows, what do i learn": "after" tells when
            i for i, w in enumerate(message.words) if w.text in DONE_BEFORE
        }
        need = (
            None
            if path_asked
            else self.shared.confident_need(
                read.question, message, kind, read.requests.told | learnt
            )
        )
        return need or Understanding(read.question, Intent.OVERVIEW, ())

    def _choice_among_uncovered(self, read: Reading) -> bool:
        """Whether a "which" picks among names of one kind told before, some not covered.

        "fastapi or flask?? which one", "one friend said rabbitmq, another kafka. which one
        should i pick": what the roadmap lacks is said, not a need weighed.
        """
        subjects = read.subjects
        return (
            bool(read.focus_words & CHOOSING)
            and read.kind.kind is None
            and len(subjects) > 1
            and bool(read.uncovered)
            and len({self.shared.lexicon.kind_of(m) for m in subjects}) == 1
        )

    def _choice(
        self,
        subjects: list[Mention],
        picks: bool,
        kind: str | None,
    ) -> tuple[str, ...]:
        """The names told before a question that picks among them ("which one would you pick").

        Two or more topics of one kind, and no other kind asked for; else nothing.
        """
        if not picks:
            return ()
        named = [m.id for m in subjects if m.id in self.shared.knowledge.topics]
        kinds = Counter(self.shared.knowledge.topics[t].kind for t in dict.fromkeys(named))
        shared, count = kinds.most_common(1)[0] if kinds else (None, 0)
        if count < 2 or (kind is not None and kind != shared):
            return ()
        ids = [t for t in dict.fromkeys(named) if self.shared.knowledge.topics[t].kind == shared]
        return tuple(ids[:MAX_CHOICES])
