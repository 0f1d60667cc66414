"""Which topics a need told in the learner's own words points to: the use-case decisions.

The answerer (:mod:`bot.questions`) reads a message and works out its need (weighed words, from
:class:`~bot.use_cases.UseCaseRanker`) and the kind of thing asked for; :class:`NeedMatcher`
decides what that need is answered with: the best fits, a parent's children, a choice to ask
back, or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from bot.knowledge import Knowledge, NotCovered, stem
from bot.text import normalize
from bot.understanding import Intent, Outcome, Understanding
from bot.use_cases import Fit, UseCaseRanker
from bot.wording import LEARN_WORDS

#: A use-case answer needs at least this score (a sum of word rarities)...
USE_CASE_MIN_SCORE = 1.4
#: ...and a runner-up within this share of the best is mentioned (and makes a close call).
RUNNER_UP_SHARE = 0.8
#: A need stated without any question word must score this many times the minimum.
STRONG_NEED = 3
#: Without a question word, a kind word is only context when a topic of another kind fits this
#: many times better ("my db queries are slow": performance, not a database).
CONTEXT_KIND = 1.5
#: A runner-up this close (share of the best score) makes it ask back with both as choices...
ASK_BACK_SHARE = 0.9
#: ...or this close, when the need is told in more than NOISY_NEED words: each background
#: word adds to every score by chance, so a long message needs a clearer lead.
NOISY_ASK_BACK_SHARE = 0.75
NOISY_NEED = 3
#: ...or this close, when the best fit rests on one word of the message only: a single word
#: ("articles", "near") is thin evidence, and a close second reading is as likely.
THIN_ASK_BACK_SHARE = 0.65
#: A pick that matched at least this many of the question's words, and more of them than the
#: runner-up, is confident however close the scores (the runner-up fits a part of the need).
LEAD_WORDS = 3
#: A need told with a name fits one of the name's children ("python" and serving a model:
#: Flask) when the child fits this many times better than the named topic itself.
CHILD_LEAD = 1.5
#: A need told with a name, fitting another topic this many times better than the name, is
#: asked back with both ("i know python, how do i stop bots": security or Python?).
NAMED_LEAD = 2
#: A need told beside a name draws the answer away from the name only when it scores this many
#: times the minimum: the name is the clearer signal ("my team runs k8s, what is docker").
NAMED_NEED = 2
#: A need told among words foreign to the roadmap must score this many times a strong one, and
#: is answered only when clear: such words match use cases by chance ("moving house, which box").
FOREIGN_NEED = 2
#: How many topics a use-case answer names.
USE_CASE_TOPICS = 3


class NeedMatcher:
    """The use-case decisions over one knowledge base and its ranker; build once, ask many times."""

    def __init__(self, knowledge: Knowledge, ranker: UseCaseRanker) -> None:
        self.knowledge = knowledge
        self.ranker = ranker
        #: The topics of each kind (what "which database" may pick from). A topic whose id is
        #: another topic's tag ("sql" for MySQL) is a category of that kind...
        self.kind_members: dict[str, set[str]] = {kind: set() for kind in knowledge.kinds}
        #: ...and the topics tagged with it are its members, in roadmap order ("sql": MySQL,
        #: PostgreSQL, SQLite).
        self.category_members: dict[str, list[str]] = {}
        for topic in knowledge.topics.values():
            self.kind_members.setdefault(topic.kind, set()).add(topic.id)
            for tag in topic.tags:
                if tag in knowledge.topics:
                    self.kind_members[topic.kind].add(tag)
                    self.category_members.setdefault(tag, []).append(topic.id)

    def use_case(
        self,
        question: str,
        terms: dict[str, tuple[float, str]],
        kind: str | None,
        *,
        strong: bool = False,
        rare: bool = False,
        asked: bool = True,
        context: bool = True,
        among: Set[str] | None = None,
        foreign: bool = False,
    ) -> Understanding | None:
        """The topics whose use cases fit the need best.

        ``strong`` asks for a clear need (no question words at all); ``rare`` for a need as
        telling, though it may rest on one word (then offered back); without ``asked`` (no
        "which", "best", "for"), a kind word may be context ("my db queries are slow"), so the
        best fit of any kind wins when it fits far better. Without ``context`` (no software
        word, no kind of thing named), one matching word is not a need ("which yoga class"),
        and a need less clear than a strong one is offered back ("sell on ebay or etsy?").
        ``among`` limits the picks to these topics ("which cloud provider for a windows shop").
        A need told among ``foreign`` words is answered only when far clearer, never asked back.
        """
        allowed = self.kind_members.get(kind) if kind else among
        shown = max(USE_CASE_TOPICS, 2)  # the picks, and the runner-up that may ask back
        ranked = self.ranker.rank(terms, allowed, shown)
        if allowed is not None and not asked:
            anywhere = self.ranker.rank(terms, limit=shown)
            if anywhere and (not ranked or anywhere[0].score > ranked[0].score * CONTEXT_KIND):
                ranked = anywhere
        least = USE_CASE_MIN_SCORE * (STRONG_NEED if strong or rare else 1)
        least *= FOREIGN_NEED if foreign else 1
        lead = next((f for f in ranked if f.evidence >= least and f.terms >= 2), None)
        if strong and among is None and lead is not None and lead.terms > ranked[0].terms:
            # "run my app the same on every machine": a clear need of more words leads one
            # word ("machine", of machine learning) that scores higher by chance
            ranked = [lead, *(fit for fit in ranked if fit is not lead)]
        if not ranked:
            return None
        top = ranked[0]
        if top.evidence < least or (strong and top.terms < 2):
            return None
        one_benefit = top.terms < 2 and not top.use_case
        if not asked and one_benefit and top.evidence < USE_CASE_MIN_SCORE * STRONG_NEED:
            return None  # one word matching a benefit is a need only when it is rare enough
        if not context and top.terms < 2 and not top.use_case:
            return None
        best = ranked[0]
        picks = [
            fit for fit in ranked[:USE_CASE_TOPICS] if fit.score >= best.score * RUNNER_UP_SHARE / 2
        ]
        close = len(ranked) > 1 and ranked[1].score >= best.score * RUNNER_UP_SHARE
        noisy = len({source for _, source in terms.values()}) > NOISY_NEED
        share = (
            THIN_ASK_BACK_SHARE
            if best.terms < 2
            else NOISY_ASK_BACK_SHARE
            if noisy
            else ASK_BACK_SHARE
        )
        anything = kind is None and among is None  # any topic of any kind may be the pick
        if (
            (
                len(ranked) > 1
                and ranked[1].score >= best.score * share
                and not (best.terms >= LEAD_WORDS and best.terms > ranked[1].terms)
                and not self.same_family(best.topic_id, ranked[1].topic_id)
            )
            or (anything and best.terms < 2)
            or (not context and not self._strong(best))
        ):
            if foreign:
                return None
            return Understanding(
                question,
                Intent.USE_CASE,
                tuple(fit.topic_id for fit in picks),
                Outcome.ASKED_BACK,
                reasons={fit.topic_id: fit.reasons for fit in picks},
            )
        return Understanding(
            question,
            Intent.USE_CASE,
            tuple(fit.topic_id for fit in picks),
            reasons={fit.topic_id: fit.reasons for fit in picks},
            close_call=close,
        )

    def fits_kind(self, topic_id: str, kind: str | None) -> bool:
        """Whether a topic may be the pick for a need asking for ``kind`` (any, when None)."""
        return kind is None or topic_id in self.kind_members.get(kind, ())

    @staticmethod
    def _strong(fit: Fit) -> bool:
        """Whether a fit is as clear as a need told with no question word at all."""
        return fit.terms >= 2 and fit.evidence >= USE_CASE_MIN_SCORE * STRONG_NEED

    def kind_choices(self, kind: str, terms: dict[str, tuple[float, str]]) -> tuple[str, ...]:
        """A few topics of a kind to offer when the need fits none well: best fits first."""
        members = self.kind_members.get(kind, set())
        fitted = [fit.topic_id for fit in self.ranker.rank(terms, members, USE_CASE_TOPICS)]
        rest = sorted(  # topics of the kind itself before its categories ("sql" for databases)
            (t for t in self.knowledge.topics if t in members and t not in fitted),
            key=lambda t: self.knowledge.topics[t].kind != kind,
        )
        return tuple([*fitted, *rest][:USE_CASE_TOPICS])

    def same_family(self, first: str, second: str) -> bool:
        """Whether one topic is the other's parent or category ("nosql" for MongoDB)."""
        a, b = self.knowledge.topics[first], self.knowledge.topics[second]
        return a.parent == b.id or b.parent == a.id or a.id in b.tags or b.id in a.tags

    def children(
        self, question: str, parent_id: str, kind: str, terms: dict[str, tuple[float, str]]
    ) -> Understanding | None:
        """The parent's children of a kind ("which framework for python"), best fit first."""
        children = [c.id for c in self.knowledge.children(parent_id) if c.kind == kind]
        return self._best_first(question, children, terms, parent_id) if children else None

    def related_of_kind(
        self,
        question: str,
        technology: Sequence[NotCovered],
        kind: str,
        terms: dict[str, tuple[float, str]],
    ) -> Understanding | None:
        """The topics of a kind related to technology the roadmap lacks, best fit first.

        "wordpress plugin language": PHP; "lamp stack db": MySQL.
        """
        members = self.kind_members.get(kind, set())
        related = [t for entry in technology for t in entry.related if t in members]
        related = list(dict.fromkeys(related))
        return self._best_first(question, related, terms) if related else None

    def _best_first(
        self,
        question: str,
        topic_ids: list[str],
        terms: dict[str, tuple[float, str]],
        parent_id: str | None = None,
    ) -> Understanding:
        """A use-case answer of these topics, the best fit of the need first."""
        fits = {fit.topic_id: fit for fit in self.ranker.rank(terms, set(topic_ids))}
        ordered = sorted(topic_ids, key=lambda t: -fits[t].score if t in fits else 0.0)
        reasons = {
            t: fits[t].reasons if t in fits else self.knowledge.topics[t].use_cases for t in ordered
        }
        return Understanding(
            question, Intent.USE_CASE, tuple(ordered), reasons=reasons, parent_id=parent_id
        )

    def child_for_need(
        self, question: str, parent_id: str, terms: dict[str, tuple[float, str]]
    ) -> Understanding | None:
        """The named topic's child or member made for the need told with it.

        "serve a model, python": Flask, a child; "learn sql without installing anything":
        SQLite, a database of the category SQL.
        """
        members = self.category_members.get(parent_id)
        if members and terms:
            answer = self._member_for_need(question, parent_id, members, terms)
            if answer is not None:
                return answer
        children = {c.id for c in self.knowledge.children(parent_id)}
        if not children or not terms:
            return None
        best = self._leading_fit(terms, children, parent_id)
        if best is None or not best.use_case:
            return None
        anywhere = self.ranker.rank(terms, limit=1)
        if anywhere and anywhere[0].score >= best.score * CHILD_LEAD:
            return None  # "new devs have diff node versions": another topic fits, not a child
        return self.children(question, parent_id, self.knowledge.topics[best.topic_id].kind, terms)

    def _leading_fit(
        self, terms: dict[str, tuple[float, str]], family: Set[str], head_id: str
    ) -> Fit | None:
        """The family's best fit of the need, when it clearly beats the topic heading the family.

        It must fit on two terms or more with enough evidence, and score ``CHILD_LEAD`` times
        the head's own fit (a parent for its children, a category for its members).
        """
        fits = self.ranker.rank(terms, {*family, head_id})
        best = fits[0] if fits else None
        if best is None or best.topic_id == head_id or best.terms < 2:
            return None
        head = next((fit.score for fit in fits if fit.topic_id == head_id), 0.0)
        if best.evidence < USE_CASE_MIN_SCORE or best.score < head * CHILD_LEAD:
            return None
        return best

    def _member_for_need(
        self,
        question: str,
        category_id: str,
        members: list[str],
        terms: dict[str, tuple[float, str]],
    ) -> Understanding | None:
        """The category's member whose use case names the category and the need told with it.

        "learn sql without installing anything": SQLite's "Learning SQL with nothing to
        install". Not "excel analyst learning sql" (learning it is no need a member meets), nor
        "nosql for a product catalog" (no use case names NoSQL: the category is asked about).
        """
        category_topic = self.knowledge.topics[category_id]
        title = normalize(category_topic.title)
        named = {**self.ranker.terms(stem(word) for word in title.split()), **terms}
        best = self._leading_fit(named, set(members), category_id)
        if best is None:
            return None
        # the learner's need, learning words aside, meets a use case of that member which names
        # the category as its tags and names call it ("sql", "SQL Databases")
        needs = {t: v for t, v in terms.items() if v[1] not in LEARN_WORDS}
        own = self.ranker.rank(needs, set(members), 1)
        if not own or own[0].topic_id != best.topic_id or own[0].evidence < USE_CASE_MIN_SCORE:
            return None
        member = self.knowledge.topics[best.topic_id]
        names = {category_id, title, *(normalize(alias) for alias in category_topic.aliases)}
        if not any(
            f" {name} " in f" {normalize(use_case)} "
            for use_case in own[0].reasons
            if use_case in member.use_cases
            for name in names
        ):
            return None
        of_kind = [t for t in members if self.knowledge.topics[t].kind == member.kind]
        return self._best_first(question, of_kind, named)

    def elsewhere(
        self,
        question: str,
        topic_ids: tuple[str, ...],
        terms: dict[str, tuple[float, str]],
        *,
        settle: bool = False,
        fit: bool = False,
        told: bool = False,
    ) -> Understanding | None:
        """Asks back when a need told with a name fits another topic far better than the name.

        With ``settle`` (the names are only context: what the learner has), a clear fit is the
        answer rather than one of two choices. With ``fit`` (the name is asked about as fit for
        the need: "postgres for location search"), a name that fits best is the use-case answer.
        """
        # The best fit and the name's own fit: all that is weighed below (not every topic). A
        # name asked about as fit for the need is weighed against its own kind ("mongo for a
        # bank": another database, not a language).
        kind = self.knowledge.topics[topic_ids[0]].kind
        rivals = self.kind_members.get(kind) if fit else None
        fits = [*self.ranker.rank(terms, rivals, 1), *self.ranker.rank(terms, {topic_ids[0]})]
        if not fits:
            return None
        best = fits[0]
        if fit:
            answer = self._fit_of_name(question, topic_ids[0], fits)
            if answer is not None:
                return answer
        if best.topic_id in topic_ids:
            return None
        if told and self.knowledge.topics[best.topic_id].kind == kind:
            return None  # "express error handling middleware": their framework's, not Gin's
        one_word = best.terms < 2 and (told or best.evidence < USE_CASE_MIN_SCORE * STRONG_NEED)
        if best.evidence < USE_CASE_MIN_SCORE * NAMED_NEED or one_word or not best.use_case:
            return None
        named = next((fit.score for fit in fits if fit.topic_id == topic_ids[0]), 0.0)
        if named * (1 if settle else NAMED_LEAD) >= best.score:
            return None
        if settle:
            answer = self.use_case(question, terms, None)
            if answer is not None and answer.confident and answer.topic_ids[0] not in topic_ids:
                return answer
        choices = (best.topic_id, topic_ids[0])
        reasons = {fit.topic_id: fit.reasons for fit in fits if fit.topic_id in choices}
        return Understanding(
            question, Intent.USE_CASE, choices, Outcome.ASKED_BACK, reasons=reasons
        )

    def _fit_of_name(self, question: str, named: str, fits: list[Fit]) -> Understanding | None:
        """How a name asked about as fit for a need fits it ("firebase for a chat app").

        The name's use case is the answer when it fits about as well as the best fit (or is
        of its family); otherwise the need is weighed as any need told with a name.
        """
        best = fits[0]
        if not best.use_case or best.evidence < USE_CASE_MIN_SCORE:
            return None
        mine = next((f for f in fits if f.topic_id == named), None)
        if (
            mine is not None
            and mine.use_case
            and mine.evidence >= USE_CASE_MIN_SCORE
            and (
                mine.score >= best.score * RUNNER_UP_SHARE or self.same_family(named, best.topic_id)
            )
        ):
            return Understanding(question, Intent.USE_CASE, (named,), reasons={named: mine.reasons})
        return None

    def around(
        self,
        question: str,
        technology: Sequence[NotCovered],
        names: Set[str],
        terms: dict[str, tuple[float, str]],
        kind: str | None,
    ) -> Understanding | None:
        """A need told around technology the roadmap lacks ("tests on every push to github").

        Answered when the need fits a topic the technology is related to (or a child of one),
        or a use case that names it (one of ``names``, the words it is written with).
        """
        related = self._related(technology)
        answer = self.use_case(question, terms, kind)
        if answer is not None and answer.confident:
            reason_words = {  # its use case names the technology ("sign in with Google, GitHub")
                word
                for reason in answer.reasons.get(answer.topic_ids[0], ())
                for word in normalize(reason).split()
            }
            named_in_use_case = bool(names & reason_words) and len(terms) > 2
            if answer.topic_ids[0] in related or named_in_use_case:
                return answer
        if kind is None and related:  # the need among the technology's related topics
            answer = self.use_case(question, terms, None, strong=True, among=related)
            if answer is not None and answer.confident and self._a_pick(answer.topic_ids[0], terms):
                return answer
        return None

    def beside(
        self,
        answer: Understanding,
        technology: Sequence[NotCovered],
        terms: dict[str, tuple[float, str]],
    ) -> bool:
        """Whether a need told beside technology the roadmap lacks is clear enough to answer.

        A pick the technology is related to (or a child of one) is; another pick must match
        at least LEAD_WORDS of the message's words: "we use rabbitmq between services. how do
        we make sure messages are not lost" is about the broker, not about chat apps.
        """
        top = answer.topic_ids[0]
        if top in self._related(technology):
            return True
        fits = self.ranker.rank(terms, {top})
        return bool(fits) and fits[0].terms >= LEAD_WORDS

    def _related(self, technology: Sequence[NotCovered]) -> set[str]:
        """The topics the technology is related to, and their children."""
        related: set[str] = set()
        for entry in technology:
            for topic_id in entry.related:
                related.add(topic_id)
                related.update(c.id for c in self.knowledge.children(topic_id))
        return related

    def _a_pick(self, topic_id: str, terms: dict[str, tuple[float, str]]) -> bool:
        """Whether the topic fits the need well enough to be among the picks of any kind."""
        best = self.ranker.rank(terms, limit=1)
        mine = self.ranker.rank(terms, {topic_id})
        return bool(best and mine) and mine[0].score >= best[0].score * RUNNER_UP_SHARE / 2
