"""The subjects of a question: which of the names it mentions it asks about.

Background mentions give way ("I learned Flask at uni, is Django better?" asks about Django);
"it" and "them" point at names told before; a name that only describes a need, a likeness or
a kind ("serverless containers", "a rails-like framework", "a real database server") is no
subject when others are named.
"""

from __future__ import annotations

from itertools import pairwise

from bot.background import (
    NEED_MARKERS,
    OWNERS,
    asking_segments,
    dummy_it,
    is_background,
    pointed_at,
    wanted,
)
from bot.intent_cues import (
    BE_WORDS,
    asked_what_it_is,
    compared_with_the_unnamed,
    named_for_definition,
    points_at_a_step,
    weighed_against_another_way,
)
from bot.lexicon import Lexicon
from bot.mentions import Mention, near_step_word
from bot.use_cases import UseCaseRanker
from bot.wording import (
    CHAT_OPENERS,
    CLAUSE_STARTS,
    COMPARATIVES,
    COMPARE_CUES,
    LEARN_WORDS,
    LIKENESS_CUES,
    NAME_POINTERS,
    OR_ELSEWHERE,
    PLURAL_POINTERS,
    POINTERS,
    REQUESTED,
    ROADMAP_WORDS,
    SIDE_BY_SIDE,
    STEP_TAILS,
    STOP,
    WHAT_WORDS,
    Message,
    Word,
)

#: Words of a list of examples ("jwt, oauth etc", "like jwt and oauth").
LISTING = frozenset({"like", "such", "as", "eg", "ie", "etc", "and", "or", "including"})
#: Closing a list of examples ("mysql mongo that lot", "jwt oauth and so on").
LIST_TAILS = frozenset({"that", "lot", "those", "stuff", "things", "so", "on", "all"})
#: Before a name, wanting to try it ("i wanna try graphql").
TRYING = frozenset({"try", "trying", "wanna", "want"})
#: Picking one of the names told before ("which one makes more sense").
WHICH_ONE = frozenset({"which", "one"})
#: Opening a part that picks between the names told just before it ("fiber or gin, which one").
PICKING = frozenset({"which", "wich"})
#: Before a name, someone recommending it ("someone said gin is nice", "my lead swears by").
RECOMMENDING = frozenset(
    {"said", "says", "told", "tells", "recommended", "recommends", "suggested", "suggests"}
    | {"swears", "reckons", "mentioned", "mentions"}
)
#: How many words may stand between such a word and the name ("told me to try").
RECOMMEND_GAP = 3
#: After a name, a word setting it apart from what is built with it ("java itself").
ITSELF = frozenset({"itself", "themselves", "alone"})
#: Before a name set apart by "itself", these set it aside ("the idea, not jenkins itself").
NOT_THIS = frozenset({"not", "nor"})
#: Before a language, these say it is used with no framework ("plain java", "vanilla js").
PLAIN = frozenset({"plain", "normal", "vanilla", "regular", "pure", "bare", "raw"})
#: Words saying that what follows is true of two names at once ("both document dbs").
BOTH = frozenset({"both", "each"})


def opening_peers(lexicon: Lexicon, words: tuple[Word, ...], mentions: list[Mention]) -> bool:
    """Whether the message opens with two names of one kind side by side, neither the other's.

    "monolith microservices 3 person team", "django flask small team": the two weighed, what
    follows only the setting ("gin go basics" is Gin, made in Go).
    """
    if len(mentions) < 2:
        return False
    one, other = mentions[:2]
    first = next((i for i, w in enumerate(words) if w.text not in CHAT_OPENERS), None)
    return (
        one.start == first
        and other.start == one.end
        and _peers(lexicon, one, other)
        and not lexicon.family(one.id, other.id)
    )


def _peers(lexicon: Lexicon, one: Mention, other: Mention, *, lacking: bool = False) -> bool:
    """Whether two names are different roadmap names of one kind ("mysql", "postgres").

    With ``lacking``, technology the roadmap lacks counts too ("fiber", "gin").
    """
    kind = lexicon.kind_of(one)
    return (
        one.id != other.id
        and (lacking or not (one.not_covered or other.not_covered))
        and kind is not None
        and lexicon.kind_of(other) == kind
    )


def _asked_if_alike_but(words: tuple[Word, ...], mentions: list[Mention]) -> list[Mention]:
    """Technology the roadmap lacks, asked if it is like a roadmap name "but with" another.

    "is supabase like firebase but with sql underneath", "anyone tried supabase? is it like
    firebase but with sql": Supabase; the others only describe it.
    """
    for at in range(1, len(words) - 2):
        if not (words[at - 1].text in BE_WORDS and words[at + 1].text == "like"):
            continue
        likened = next((m for m in mentions if m.start == at + 2), None)
        if likened is None or "but" not in {w.text for w in words[likened.end : likened.end + 2]}:
            continue
        named = [m for m in mentions if m.start == at]
        if not named and words[at].text in POINTERS:
            named = [m for m in mentions if m.end <= at][-1:]  # "it": the one told before
        # a roadmap name so likened is compared ("is flask like django but smaller")
        return [m for m in named if m.not_covered]
    return []


def _choice_opening(
    lexicon: Lexicon, words: tuple[Word, ...], mentions: list[Mention]
) -> list[Mention]:
    """Two names of one kind set side by side as the whole first sentence of several.

    "mysql or postgres? in my job the boss say mysql is enough, is true?": the two weighed,
    what follows only the setting. So too as the first part of one sentence asked "which"
    about ("fiber or gin, which one for golang api"), technology the roadmap lacks among them.
    """
    if len(mentions) < 2 or not words:
        return []
    one, other = mentions[:2]
    after = words[other.end] if other.end < len(words) else None
    by_sentence = words[-1].sentence != 0
    by_part = (
        not by_sentence
        and after is not None
        and after.segment != words[other.start].segment
        and after.text in PICKING
    )
    if not (by_sentence or by_part):
        return []
    opening = [
        at
        for at, w in enumerate(words)
        if (w.sentence == 0 if by_sentence else w.segment == words[one.start].segment)
        and w.text not in CHAT_OPENERS
    ]
    if opening != [*range(one.start, one.end), one.end, *range(other.start, other.end)]:
        return []
    if words[one.end].text not in SIDE_BY_SIDE or not _peers(lexicon, one, other, lacking=by_part):
        return []
    return [one, other]


def recommended_by_someone(words: tuple[Word, ...], mention: Mention) -> bool:
    """Whether someone is told recommending the name just before it ("my lead swears by go")."""
    return any(
        w.text in RECOMMENDING and w.segment == words[mention.start].segment
        for w in words[max(mention.start - RECOMMEND_GAP, 0) : mention.start]
    )


def _recommended_then_asked(message: Message, mentions: list[Mention], focus: int) -> list[Mention]:
    """The one name someone recommended, when the question after it asks what "it" is.

    "i run plex in containers and someone said gin is nice for a little go api, whats it
    about": Gin, not the learner's containers nor what Gin is for.
    """
    words = message.words
    last = words[-1] if words else None
    if last is None or last.sentence != focus:
        return []
    parts: dict[int, set[str]] = {}  # "what's it good for, compared to just scripts?"
    for w in words:
        if w.sentence == focus:
            parts.setdefault(w.segment, set()).add(w.text)
    asking = next(  # not "which one makes more sense for something like this": a pick
        (
            at
            for at, part in parts.items()
            if part & POINTERS and part & WHAT_WORDS and "which" not in part
        ),
        None,
    )
    if asking is None or any(words[m.start].segment >= asking for m in mentions):
        return []
    recommended = {m.id for m in mentions if recommended_by_someone(words, m)}
    if len(recommended) != 1:
        return []
    chosen = [m for m in mentions if m.id in recommended]
    later = [m for m in mentions if m.start > chosen[-1].start and m.id not in recommended]
    if any(  # "friend said fastapi but what about flask": the one named after
        words[m.start].segment != words[chosen[-1].start].segment
        or any(w.text in CLAUSE_STARTS for w in words[chosen[-1].end : m.start])
        for m in later
    ):
        return []
    return chosen


def _distance(mention: Mention, positions: list[int]) -> tuple[int, bool]:
    """How far a mention stands from the nearest of ``positions`` (question words), in words.

    On a tie, a mention after the question word is nearer ("we use x, what is y for": y).
    """
    return min(
        (at - mention.end, True) if at >= mention.end else (mention.start - at - 1, False)
        for at in positions
    )


def _points_back(
    words: tuple[Word, ...], main: list[Mention], narrowed: list[Mention], asking: int
) -> list[Mention]:
    """The name asked about earlier in the sentence that "it" in the asking part points at.

    "what even is spring boot, is it just java": "it" is Spring Boot, Java only what it is
    weighed against; empty when the asking part has no such "it" or nothing was asked before.
    """
    first = narrowed[0].start
    points = any(
        w.segment == asking and w.text in NAME_POINTERS and not dummy_it(words, at)
        for at, w in enumerate(words[:first])
    )
    if not points:
        return []
    asked = {  # the earlier segments of the sentence that ask what something is
        w.segment
        for w in words
        if w.sentence == words[first].sentence and w.segment < asking and w.text in WHAT_WORDS
    }
    return [m for m in main if words[m.start].segment in asked][-1:]


def _compared_by(mention: Mention, words: tuple[Word, ...], mentions: list[Mention]) -> bool:
    """Whether a name is a comparative that two others set side by side are compared by.

    "whats faster, go or node"; "anyone use bun instead of node? faster?": alone in its
    sentence, after two names told before it; "fastapi or flask for my sensors? which one is
    faster": in a sentence picking between two set side by side before it.
    """
    if words[mention.start].text not in COMPARATIVES:
        return False
    sentence = words[mention.start].sentence
    alone = (mention.start == 0 or words[mention.start - 1].sentence != sentence) and (
        mention.end == len(words) or words[mention.end].sentence != sentence
    )
    if alone and len({m.id for m in mentions if words[m.start].sentence < sentence}) > 1:
        return True
    picking = any(w.text in PICKING and w.sentence == sentence for w in words)
    return any(
        b.start == a.end + 1
        and (words[a.end].text in SIDE_BY_SIDE or words[a.end].text in OR_ELSEWHERE)
        and (
            words[a.start].sentence == sentence or (picking and words[a.start].sentence < sentence)
        )
        and mention not in (a, b)
        for a, b in pairwise(mentions)
    )


def _plural(mention: Mention, words: tuple[Word, ...]) -> bool:
    """Whether a name is told as a plural ("microservices", "containers")."""
    last = words[mention.end - 1]
    return last.stem != last.text


#: Word pairs that correct what was just said ("i mean go vs java", "no wait").
CORRECTIONS = frozenset({("i", "mean"), ("i", "meant"), ("no", "wait")})


def _corrected_at(words: tuple[Word, ...]) -> int:
    """Where the last correction of what was said ends ("... no wait, i mean"), else 0."""
    return max(
        (at + 2 for at, (a, b) in enumerate(pairwise(words)) if (a.text, b.text) in CORRECTIONS),
        default=0,
    )


def _defined_alone(words: tuple[Word, ...], narrowed: list[Mention], asking: int) -> bool:
    """Whether the asking part only asks what its one name is.

    "... says gcp is better than aws for data, what is gcp": the comparison is told, the
    question is what gcp is.
    """
    asked = {w.text for w in words if w.segment == asking}
    return (
        len({m.id for m in narrowed}) == 1
        and named_for_definition(words, narrowed[0])
        and not asked & (COMPARE_CUES | POINTERS | PLURAL_POINTERS)
    )


#: Words joining names into one setting ("a java or kotlin service").
JOINING = frozenset({"or", "and"})
#: Before the names of a purpose, after "for" ("for a java service", "for our node app").
PURPOSE_OWNERS = OWNERS | {"a", "an"}


def _chain(mentions: list[Mention], mention: Mention, words: tuple[Word, ...]) -> tuple[int, int]:
    """Where the run of names joined by "or" / "and" around ``mention`` starts and ends."""
    by_end = {m.end: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    start, end = mention.start, mention.end
    while start > 1 and words[start - 1].text in JOINING and start - 1 in by_end:
        start = by_end[start - 1].start
    while end + 1 < len(words) and words[end].text in JOINING and end + 1 in by_start:
        end = by_start[end + 1].end
    return start, end


#: Before a name, words setting it apart from what is asked ("good for, apart from rails").
EXCEPTING = (("apart", "from"), ("aside", "from"), ("other", "than"), ("besides",), ("except",))


def _set_apart(mention: Mention, words: tuple[Word, ...]) -> bool:
    """Whether the question sets a name apart ("what is ruby good for, apart from rails")."""
    before = tuple(w.text for w in words[max(mention.start - 2, 0) : mention.start])
    return any(before[-len(phrase) :] == phrase for phrase in EXCEPTING)


def _names_a_purpose(mention: Mention, words: tuple[Word, ...], mentions: list[Mention]) -> bool:
    """Whether a name only says what something is for ("... for a java or kotlin service").

    "for", an article or owner, the names, then a word of the thing in the same part.
    """
    start, end = _chain(mentions, mention, words)
    at = start - 1  # an article or owner first: "for caching sessions" names a need
    if at < 1 or words[at].text not in PURPOSE_OWNERS or words[at - 1].text != "for":
        return False
    if end >= len(words):
        return False
    thing = words[end]
    return (
        thing.segment == words[start].segment
        and thing.text not in STOP
        and all(m.start != end for m in mentions)
    )


class SubjectFinder:
    """Picks the subjects of questions about one roadmap among the names they mention."""

    def __init__(self, lexicon: Lexicon, ranker: UseCaseRanker) -> None:
        """A finder reading kinds from ``lexicon`` and use-case phrases from ``ranker``."""
        self.lexicon = lexicon
        self.ranker = ranker

    def find(self, message: Message, mentions: list[Mention], focus: int) -> list[Mention]:
        """The subjects, less names that are only part of a need, a likeness or a kind.

        Such a name stays when it is the only subject left but one of several.
        """
        words = message.words
        # "what is ruby good for, apart from rails": Rails is no subject; "whats faster, go or
        # node": "faster" only says how the two are compared
        mentions = [
            m for m in mentions if not _set_apart(m, words) and not _compared_by(m, words, mentions)
        ] or mentions
        # "typescript nestjs intro", "gin gonic golang": the framework, the language only what
        # it is written in
        mentions = [
            m
            for m in mentions
            if not self._written_in(m, mentions)
            and not self._parent_beside(m, words, mentions)
            and not self._plain_parent(m, words, mentions)
            and not self._said_of_both(m, words, mentions)
        ] or mentions
        # "gin or spring boot? no wait, i mean go vs java": the names after a correction
        corrected = _corrected_at(words)
        mentions = [m for m in mentions if m.start >= corrected] or mentions
        subjects = (
            self._set_apart_by_itself(words, mentions)
            or _asked_if_alike_but(words, mentions)
            or _choice_opening(self.lexicon, words, mentions)
            or _recommended_then_asked(message, mentions, focus)
            or self._about(message, mentions, focus)
        )
        narrowed = [
            m
            for m in subjects
            if not self._word_of_a_need(m, words, mentions)
            and not self._likened(m, words, mentions)
            and not self._of_a_kind(m, words)
        ] or (subjects if len(subjects) > 1 else [])
        # "what does spring boot do for a java or kotlin service": Java only says what for
        asked = [m for m in narrowed if not _names_a_purpose(m, words, mentions)]
        return asked or narrowed

    def _set_apart_by_itself(
        self, words: tuple[Word, ...], mentions: list[Mention]
    ) -> list[Mention]:
        """Where the one name set apart by "itself" from what is built with it is named.

        "now they want me on spring boot... but is java itself still worth it": Java; not a
        kind ("the database itself" is the one told before).
        """
        alone = {
            m.id
            for m in mentions
            if m.end < len(words)
            and words[m.end].text in ITSELF
            and not self.lexicon.names_a_kind(m)
            and not (m.start and words[m.start - 1].text in NOT_THIS)  # "not jenkins itself"
        }
        if len(alone) != 1 or COMPARE_CUES & {w.text for w in words}:
            return []
        return [m for m in mentions if m.id in alone]

    def _about(self, message: Message, mentions: list[Mention], focus: int) -> list[Mention]:
        """The mentions the question is about, in order; background mentions give way."""
        words = message.words
        after_topic = {  # "docker basics", "html/css basics": the technology's, not the step
            b.start
            for a, b in pairwise(mentions)
            if b.start == a.end
            and (a.id in self.lexicon.knowledge.topics or a.not_covered)
            and self.lexicon.knowledge.section(b.id) is not None
        }
        roadmap_named = {w.sentence for w in words if w.text in ROADMAP_WORDS}
        step_pointed = points_at_a_step(words, focus)
        mentions = [  # "the frameworks part" names the step; "frameworks" alone, the kind;
            # "what databases this roadmap have? i only know excel": the step; "next on the
            # list is databases ... what is in that section?": the step pointed at
            m
            for m in mentions
            if (
                not self.lexicon.names_a_kind(m)
                or near_step_word(words, m)
                or words[m.start].sentence in roadmap_named
                or (step_pointed and self.lexicon.knowledge.section(m.id) is not None)
                # "i know python now. any good books about databases?": the kind asked about
                or (
                    m.start
                    and words[m.start - 1].text == "about"
                    and words[m.start].sentence == focus
                )
                # "i chose python. now which projects can i do to practice databases?": the
                # one name of a sentence asking for material or projects
                or (
                    words[m.start].sentence == focus
                    and all(words[o.start].sentence < focus for o in mentions if o is not m)
                    and any(w.sentence == focus and w.text in REQUESTED for w in words)
                )
            )
            and m.start not in after_topic
        ] or mentions
        if not mentions:
            return []
        step = self._step_with_examples(words, mentions)
        if step is not None:
            return [step]
        background = {id(m) for m in mentions if is_background(m, words)}
        background.update(  # "from flask to django", "java to go": where the learner comes from
            id(a)
            for a, b in pairwise(mentions)
            if b.start == a.end + 1
            and words[a.end].text == "to"
            and self.lexicon.kind_of(a) == self.lexicon.kind_of(b)
        )
        background.update(id(m) for m in self._context_of_a_definition(words, mentions))
        if opening_peers(self.lexicon, words, mentions):  # "django flask small team"
            background -= {id(m) for m in mentions[:2]}
        in_focus = [m for m in mentions if words[m.start].sentence == focus]
        main = [m for m in in_focus if id(m) not in background]
        if main:
            return self._asked_in_focus(message, mentions, background, main, focus)
        return self._told_before(message, mentions, background, in_focus, focus)

    def _alike(self, mentions: list[Mention]) -> list[Mention]:
        """Of ``mentions``, those sharing a kind with another of them, when two names do."""
        kinds = [self.lexicon.kind_of(m) for m in mentions]
        alike = [
            m
            for m, kind in zip(mentions, kinds, strict=True)
            if kind is not None and kinds.count(kind) >= 2
        ]
        return alike if len({m.id for m in alike}) >= 2 else []

    def _step_with_examples(
        self, words: tuple[Word, ...], mentions: list[Mention]
    ) -> Mention | None:
        """A step named with a step word, its topics only listed after it as examples.

        "projects for the whole auth part, jwt oauth etc", "the auth part, like jwt and
        oauth", "the deployment part, like containers and cloud stuff? i want ...": the step is
        asked about, not the first of its topics.
        """
        knowledge = self.lexicon.knowledge
        for at, step in enumerate(mentions):
            section = knowledge.section(step.id)
            if section is None or not near_step_word(words, step):
                continue
            sentence = words[step.start].sentence
            after = [m for m in mentions[at + 1 :] if words[m.start].sentence == sentence]
            named = {i for m in after for i in range(m.start, m.end)}
            listing = words[step.end : after[0].start] if after else ()
            if (
                after
                and all(m.id in section.topic_ids or m.id == step.id for m in after)
                and all(w.text in STEP_TAILS | LISTING for w in listing)
                and all(
                    i in named or words[i].text in LISTING | LIST_TAILS
                    for i in range(after[0].start, len(words))
                    if words[i].sentence == sentence
                )
            ):
                return step
        return None

    def _context_of_a_definition(
        self, words: tuple[Word, ...], mentions: list[Mention]
    ) -> list[Mention]:
        """Technology the roadmap lacks, told beside a topic the message asks what it is.

        "can u explain what azure is, my company uses xamarin", "we use grpc ... but what
        even is graphql": what the learner works with is the setting of the question, unless
        it is asked what it is too.
        """
        defined = [
            m
            for m in mentions
            if m.id in self.lexicon.knowledge.topics and asked_what_it_is(words, m, after=False)
        ]
        uncovered = [m for m in mentions if m.not_covered]
        if not defined or any(asked_what_it_is(words, m, after=False) for m in uncovered):
            return []
        return uncovered

    def _asked_in_focus(
        self,
        message: Message,
        mentions: list[Mention],
        background: set[int],
        main: list[Mention],
        focus: int,
    ) -> list[Mention]:
        """The subjects when the asking sentence names some (``main``) beyond the background.

        A name told before joins them when "them" or "it" points at it, or when the sentence
        weighs its one name against one of its kind.
        """
        words = message.words
        sentence_words = {w.text for w in words if w.sentence == focus}
        # "express and nestjs is same thing? both is node no?": the comparison may be the
        # sentence before the pointer's
        compared_before = any(w.text in COMPARE_CUES for w in words if w.sentence == focus - 1)
        if (
            len(main) == 1
            and sentence_words & PLURAL_POINTERS
            and (sentence_words & COMPARE_CUES or compared_before)
        ):
            # "the node people say express, my friend says nestjs. how are the two different":
            # of the names told just before, those of one kind
            before = [m for m in mentions if words[m.start].sentence == focus - 1]
            earlier = [m for m in mentions if words[m.start].sentence < focus]
            # "I have read about both MySQL and PostgreSQL ... hosting firms offer MySQL. What
            # is the difference between them": failing the sentence before, any told before
            alike = self._alike(before) or self._alike(earlier)
            return [*(alike or before)[:2], *main]
        pointed_before = (
            any(  # "what is nosql and why choose it": "it" is nosql itself
                w.sentence == focus and w.text in POINTERS and not dummy_it(words, at)
                for at, w in enumerate(words[: main[0].start])
            )
            if len(main) == 1
            else False
        )
        if pointed_before and sentence_words & COMPARE_CUES:
            before = [  # "what does it solve compared to REST?": "it" is the one before
                m for m in mentions if words[m.start].sentence < focus and m.id != main[0].id
            ]
            return [*before[-1:], *main]
        if (
            len(main) == 1
            and (
                sentence_words & (LIKENESS_CUES | COMPARATIVES)
                or weighed_against_another_way(words, main[0], mentions)
            )
            and not compared_with_the_unnamed(words)
        ):
            kind = self.lexicon.kind_of(main[0])
            alike = [  # "firebase user here, is couchdb similar": set against the background;
                # "a consultant suggests microservices. what do we lose compared to the monolith"
                m
                for m in mentions
                if (id(m) in background or words[m.start].sentence < focus)
                and m.id != main[0].id
                and self.lexicon.kind_of(m) == kind
            ]
            if alike and kind is not None:
                return [alike[-1], *main]
        points_first = (
            len(main) == 1
            and any(  # "worth it over postgres", not "mongodb? is it"
                w.sentence == focus and w.text in NAME_POINTERS and not dummy_it(words, at)
                for at, w in enumerate(words[: main[0].start])
            )
        )
        if points_first and not main[0].not_covered:
            # "kafka at scale? worth it over postgres", "i use flask. is it good for rest apis?":
            # "it" is the name told before, the one after it only the context
            told_before = [m for m in mentions if words[m.start].sentence < focus]
            # "... says I should try NestJS. Before I spend my holidays on it, what kind of
            # project is NestJS made for?": "it" is the name asked about, told last before
            pointing_at_itself = bool(told_before) and (
                pointed_at(told_before, words).id == main[0].id
            )
            told = [m for m in told_before if m.id != main[0].id and not pointing_at_itself]
            # "... the bigger picture from this roadmap. what does its apis section cover?":
            # "its" is the roadmap's, told after every name
            roadmap_last = bool(told) and any(
                w.text in ROADMAP_WORDS and w.sentence < focus for w in words[told[-1].end :]
            )
            if told and not roadmap_last:
                return [pointed_at(told, words), *main]
        compared = bool(COMPARE_CUES & {w.text for w in words})
        defined = {m.id for m in main if asked_what_it_is(words, m, after=False)}
        if len(defined) == 1 and len({m.id for m in main}) > 1 and not compared:
            # "the startup uses node with x press and i feel lost what is x press doing": the
            # one asked what it is, the others told around it
            return [m for m in main if m.id in defined][-1:]
        for asking in asking_segments(message, focus):
            narrowed = [m for m in main if words[m.start].segment >= asking]
            if narrowed and (  # "i use mongo at work but want to learn sql, any course?"
                not compared
                or self._weighed_alone(message, main, narrowed, asking)
                or _defined_alone(words, narrowed, asking)
            ):
                return [*_points_back(words, main, narrowed, asking), *narrowed]
        # "my team does rest, i wanna try graphql, tutorials?": what is to be tried first;
        # "we use wordpress already, what is laravel for", "we run postgres + redis, lead
        # mentioned couchdb, what for": names told first give way to the roadmap's last name,
        # nearer the question words
        asked_at = [
            at for at, w in enumerate(words) if w.sentence == focus and w.text in WHAT_WORDS
        ]
        mixed = (  # not "redis for caching, how ...", "my dev says redis makes it faster"
            asked_at
            and not compared
            and len(main) >= 2
            and not main[-1].not_covered
            and not main[-1].ambiguous
            and words[main[-1].start - 1].text not in NEED_MARKERS
        )
        return sorted(
            main,
            key=lambda m: (
                not any(w.text in TRYING for w in words[max(m.start - 3, 0) : m.start]),
                _distance(m, asked_at) if mixed else (0, False),
            ),
        )

    def _told_before(
        self,
        message: Message,
        mentions: list[Mention],
        background: set[int],
        in_focus: list[Mention],
        focus: int,
    ) -> list[Mention]:
        """The subjects when the asking sentence names nothing beyond the background.

        What "it" or "them" points at, two of a kind told apart, else the names told nearest
        the question that are not where the learner comes from.
        """
        words = message.words
        sentence_words = {w.text for w in words if w.sentence == focus}
        earlier = [m for m in mentions if words[m.start].sentence <= focus]
        if sentence_words >= WHICH_ONE and not sentence_words & PLURAL_POINTERS:
            # "everyone says go is faster than java ... which one makes more sense"; not "a go
            # startup and a java team ... which one should i accept": the learner's offers
            pair = self._pointed_pair(earlier, background, words) or earlier[-2:]
            if len({m.id for m in pair}) == 2 and not {id(m) for m in pair} & background:
                return pair
        if sentence_words & PLURAL_POINTERS:
            # "I read about both MySQL and PostgreSQL ... hosting firms offer MySQL. What is the
            # difference between them?": the two of a kind, not the last two told
            compared = (
                list({m.id: m for m in self._alike(earlier)}.values())[-2:]
                if sentence_words & COMPARE_CUES
                else []
            )
            if compared:
                return compared
            pair = self._pointed_pair(earlier, background, words) or earlier[-2:]
            fresh = [m for m in earlier if id(m) not in background]
            if (  # "my nephew does kafka and kubernetes stuff and says i gotta understand
                # microservices. so what are they": the plural the roadmap has, told last
                fresh
                and _plural(fresh[-1], words)
                and not fresh[-1].not_covered
                and all(m.end <= fresh[-1].start for m in pair)
            ):
                return [fresh[-1]]
            if (  # "i learned python with a raspberry pi. my brother talks about
                # microservices. what are they?": the plural told last, alone in its sentence
                # or after technology the roadmap lacks ("we track deliveries in excel and a
                # consultant pitched microservices. what are they")
                len(pair) == 2
                and _plural(pair[1], words)
                and (
                    words[pair[0].start].sentence < words[pair[1].start].sentence
                    or (pair[0].not_covered and not _plural(pair[0], words))
                )
                and id(pair[1]) not in background
            ):
                return [pair[1]]
            if not (  # "i use angular and rxjs. the backend team loves graphql, why do they
                # like it?", "we've done python, next i want them to keep data in sqlite. what
                # could they build with it?": "they" is people, "it" the one name that is no
                # background
                sentence_words & NAME_POINTERS
                and len({m.id for m in fresh}) == 1
                and any(id(m) in background for m in pair)
            ):
                return pair
        told_apart = (  # "x for small apis. y is better. what's different?": two of a kind
            self._pointed_pair(earlier, background, words, across=True)
            if sentence_words & LIKENESS_CUES
            else []
        )
        if told_apart:
            return told_apart
        if sentence_words & POINTERS and earlier:
            steps = [m for m in earlier if self.lexicon.knowledge.section(m.id) is not None]
            if steps and points_at_a_step(words, focus):
                # "next lab is on auth and security. we did a spring project. what topics
                # does that part include?": the step told, not the nearest name; "under the
                # basics it says 'server, network and hosting environment' ... what is that
                # part about?": the one topic of the step told after it
                step = steps[-1]
                section = self.lexicon.knowledge.section(step.id)
                inner = {
                    m.id: m
                    for m in earlier
                    if m.start > step.start and section and m.id in section.topic_ids
                }
                return list(inner.values()) if len(inner) == 1 else [step]
            pointer = min(
                i for i, w in enumerate(words) if w.sentence == focus and w.text in POINTERS
            )
            known = {  # "what is it, ... for someone who knows php": not php; "our api uses
                # jwt and i wanna understand it": jwt, told before the pointer
                m.id
                for m in in_focus
                if id(m) in background and m.start > pointer
            }
            candidates = [m for m in earlier if m.id not in known] or earlier
            # "our api uses jwt ... understand it": a topic, not a step ("api") before it
            named = [
                m for m in candidates if self.lexicon.knowledge.section(m.id) is None
            ] or candidates
            return [pointed_at(named, words)]
        # Technology the roadmap lacks, told as background ("after a react course"), is not
        # the subject of a question that names nothing else.
        told = [m for m in mentions if id(m) not in background or not m.not_covered]
        # "i'm fine with mongodb but weak at sql. any tutorials?", "learned mysql in school but
        # my job uses postgres, anything i should know": the part after "but"
        contrasted = {w.segment for w in words if w.text in CLAUSE_STARTS}
        if any(words[m.start].sentence == focus for m in told):
            return sorted(
                (m for m in in_focus if m in told),
                key=lambda m: words[m.start].segment not in contrasted,
            )
        fresh = [m for m in mentions if id(m) not in background] or told
        latest = max((words[m.start].sentence for m in fresh), default=0)  # told nearest
        # "the team deploys with docker, and i was asked to learn ci/cd": what is to be learnt
        return sorted(
            fresh,
            key=lambda m: (
                words[m.start].sentence != latest,
                not wanted(m, words),
                words[m.start].segment not in contrasted,
            ),
        )

    def _weighed_alone(
        self, message: Message, main: list[Mention], narrowed: list[Mention], asking: int
    ) -> bool:
        """Whether the asking part weighs its names against no name told before it.

        "i use sessions in express, jwt better?": the part compares jwt with sessions, not with
        express, a thing of another kind; "i use flask, django better?" compares the two, and
        "whats deno, is it better than node" what "it" points at.
        """
        asked = {w.text for w in message.words if w.segment == asking}
        kinds = {self.lexicon.kind_of(m) for m in narrowed}
        return (
            bool(asked & COMPARE_CUES)
            and not asked & (POINTERS | PLURAL_POINTERS)
            and all(self.lexicon.kind_of(m) not in kinds for m in main if m not in narrowed)
        )

    def _pointed_pair(
        self,
        earlier: list[Mention],
        background: set[int],
        words: tuple[Word, ...],
        *,
        across: bool = False,
    ) -> list[Mention]:
        """What "they" or "them" points at: two names told together, the latest such pair.

        With ``across``, names told in different sentences count as told together, if two
        are of one kind.
        """
        named = [m for m in earlier if m.id in self.lexicon.knowledge.topics or m.not_covered]
        fresh = [m for m in named if id(m) not in background]
        candidates = fresh if len({m.id for m in fresh}) >= 2 else named
        by_sentence: dict[int, list[Mention]] = {}
        for mention in candidates:
            sentence = 0 if across else words[mention.start].sentence
            by_sentence.setdefault(sentence, []).append(mention)
        for sentence in sorted(by_sentence, reverse=True):
            first = {}
            for mention in by_sentence[sentence]:
                first.setdefault(mention.id, mention)
            if len(first) >= 2:
                told = list(first.values())
                alike = [  # of the names told together, two of one kind ("mysql and postgres")
                    [a, b]
                    for i, a in enumerate(told)
                    for b in told[i + 1 :]
                    if self.lexicon.kind_of(a) == self.lexicon.kind_of(b)
                ]
                if across:  # across sentences, the pair told nearest the question
                    return alike[-1] if alike else []
                return alike[0] if alike else told[:2]
        return []

    def _word_of_a_need(
        self, mention: Mention, words: tuple[Word, ...], mentions: list[Mention]
    ) -> bool:
        """Whether a name that is also a word stands in another topic's use case after a modifier.

        "serverless containers": the words of a use case of a cloud, not Docker asked about;
        "django flask diff": two names run together are two names, whatever a use case says.
        """
        if not mention.ambiguous or mention.end - mention.start != 1:
            return False
        at = mention.start  # the word before modifies it: "server side" is no need of a server
        if not at or words[at - 1].sentence != words[at].sentence:
            return False
        if any(other.end == at for other in mentions):
            return False
        posting = self.ranker.postings.get(
            self.ranker.pair_key(words[at - 1].stem, words[at].stem), {}
        )
        return bool(posting) and mention.id not in posting

    def _written_in(self, mention: Mention, mentions: list[Mention]) -> bool:
        """Whether technology the roadmap lacks only says what the topic after it is in.

        It is of the kind of that topic's parent: "typescript nestjs intro", "kotlin spring boot
        basics" ask about the framework named right after the language.
        """
        if not mention.not_covered:
            return False
        topics = self.lexicon.knowledge.topics
        kind = self.lexicon.kind_of(mention)
        return any(  # of the kind of the topic's parent: a language before a framework
            other.start == mention.end
            and other.id in topics
            and topics[other.id].parent in topics
            and topics[topics[other.id].parent].kind == kind
            for other in mentions
        )

    def _parent_beside(
        self, mention: Mention, words: tuple[Word, ...], mentions: list[Mention]
    ) -> bool:
        """Whether a topic only says what its child right beside it is made in.

        "gin gonic golang what is it", "python django intro" ask about the framework.
        """
        topics = self.lexicon.knowledge.topics
        return any(
            (other.start == mention.end or other.end == mention.start)
            and words[other.start].segment == words[mention.start].segment
            and other.id in topics
            and topics[other.id].parent == mention.id
            for other in mentions
        )

    def _plain_parent(
        self, mention: Mention, words: tuple[Word, ...], mentions: list[Mention]
    ) -> bool:
        """Whether a topic, said plain, is only what its child named too is set against.

        "now job want spring boot. what it give more than plain java?", "what is spring
        boot's approach compared to a plain java app?": the framework is asked about.
        """
        topics = self.lexicon.knowledge.topics
        return (
            mention.start > 0
            and words[mention.start - 1].text in PLAIN
            and any(
                other.id in topics and topics[other.id].parent == mention.id for other in mentions
            )
        )

    def _said_of_both(
        self, mention: Mention, words: tuple[Word, ...], mentions: list[Mention]
    ) -> bool:
        """Whether a topic only says what two of its children or members named too both are.

        "mongodb vs couchdb, whats the diff really, both document db na?": the two are compared.
        """
        topics = self.lexicon.knowledge.topics
        before = words[max(0, mention.start - 3) : mention.start]
        if not any(w.text in BOTH and w.sentence == words[mention.start].sentence for w in before):
            return False
        members = {
            other.id
            for other in mentions
            if other.id in topics
            and (topics[other.id].parent == mention.id or mention.id in topics[other.id].tags)
        }
        return len(members) >= 2

    def _of_a_kind(self, mention: Mention, words: tuple[Word, ...]) -> bool:
        """Whether a name that is also a word follows a kind word ("a real database server")."""
        at = mention.start
        return (
            mention.ambiguous
            and mention.end - at == 1
            and at > 0
            and words[at - 1].stem in self.lexicon.kinds
            and words[at - 1].text not in LEARN_WORDS  # "to practice docker": the name
            and words[at - 1].sentence == words[at].sentence
        )

    def _likened(self, mention: Mention, words: tuple[Word, ...], mentions: list[Mention]) -> bool:
        """Whether a name only says what another thing is like ("a rails-like php framework").

        Not one asked to be like another ("is flask like django").
        """
        end = mention.end
        if end + 1 >= len(words) or words[end].text != "like":
            return False
        if mention.start and words[mention.start - 1].text in BE_WORDS:
            return False
        following = words[end + 1]
        return following.stem in self.lexicon.kinds or any(m.start == end + 1 for m in mentions)
