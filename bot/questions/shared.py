"""What the rule stages and the second opinions share.

The answerer's indexes, and the answers several stages build: a clearly told need, technology
the roadmap does not cover.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace

from bot.knowledge import Knowledge, NotCovered
from bot.lexicon import Lexicon
from bot.mentions import Mention
from bot.names import NameFinder
from bot.needs import NeedMatcher
from bot.questions.reading import Reading
from bot.small_talk import TalkReader
from bot.understanding import Intent, Outcome, Understanding
from bot.use_cases import UseCaseRanker
from bot.wording import Message

#: At most this many topics are set side by side in a comparison.
MAX_COMPARED = 3
#: At most this many choices are offered back (names picked among, an answer doubted).
MAX_CHOICES = 3


@dataclass(frozen=True, slots=True)
class Shared:
    """The answerer's indexes, and the helpers several stages use."""

    knowledge: Knowledge
    lexicon: Lexicon
    ranker: UseCaseRanker
    needs: NeedMatcher
    name_finder: NameFinder
    talk: TalkReader

    def asks_own_kind(self, read: Reading) -> bool:
        """Whether the kind asked for is the named topics' own ("which database after sqlite")."""
        kind = read.kind
        return bool(
            kind.asked_for and read.topic_ids and not self.kind_differs(read.topic_ids, kind.kind)
        )

    def confident_need(
        self, question: str, message: Message, kind: str | None, told: Set[int]
    ) -> Understanding | None:
        """A need told so clearly that it answers what to learn or where to start.

        Parts telling what the learner has done ("i finished a python course and built a
        scraper") are their background, not a need.
        """
        need = self.clear_need(question, message, kind, told)
        return need if need is not None and need.confident else None

    def clear_need(
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

    def fit_naming(self, read: Reading, positions: Iterable[int], least_terms: int) -> bool:
        """Whether the need's best fit also has every word at ``positions`` in its texts.

        The fit must match ``least_terms`` of the need's words, on a use case. Words of another
        subject or technology ("taxes", "stripe") that the roadmap's own use cases name are
        part of the need, not a sign of something else.
        """
        fits = self.ranker.rank(read.all_terms, limit=1)
        if not fits or not fits[0].use_case or fits[0].terms < least_terms:
            return False
        words, topic, postings = read.message.words, fits[0].topic_id, self.ranker.postings
        keys = {self.ranker.key(words[at].stem) for at in positions}
        return bool(keys) and all(topic in postings.get(key, ()) for key in keys)

    def compared(self, topic_ids: Iterable[str]) -> tuple[str, ...]:
        """Of names set side by side, those sharing a kind where two or more do, at most three.

        "python scripts at work; django or flask?": Django and Flask; "go faster than python":
        both, each its own kind.
        """
        named = tuple(dict.fromkeys(topic_ids))
        kinds = [self.knowledge.topics[t].kind for t in named]
        shared = tuple(t for t, k in zip(named, kinds, strict=True) if kinds.count(k) >= 2)
        return (shared if len(shared) >= 2 else named)[:MAX_COMPARED]

    def kind_differs(self, topic_ids: tuple[str, ...], kind: str) -> bool:
        """True when the question asks for a kind of thing other than what it names."""
        return all(t not in self.needs.kind_members.get(kind, ()) for t in topic_ids)

    def not_covered(self, question: str, subjects: list[Mention]) -> Understanding:
        """Technology the roadmap does not cover, named with the topics it does (if any)."""
        uncovered = [m for m in subjects if m.not_covered]
        entries = tuple(dict.fromkeys(self.lexicon.technology(uncovered)))
        covered = tuple(dict.fromkeys(m.id for m in subjects if m.id in self.knowledge.topics))
        return Understanding(
            question, Intent.UNKNOWN, covered, Outcome.NOT_COVERED, not_covered=entries
        )
