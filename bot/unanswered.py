"""Questions the bot could not answer, kept for the operator so the roadmap grows where needed.

Every free-text question it refused, found not covered or asked back about is recorded with its
text, platform, guessed intent, outcome and time, and with nothing that names a person: no user
id, no chat id, and the text scrubbed of mentions, e-mail addresses and long numbers (phone
numbers, ids) and cut to :data:`~bot.limits.UNANSWERED_TEXT_CHARS`. So ``/forget`` has nothing to
delete here. ``roadmap-bot unanswered`` lists them grouped by similarity (:func:`group_questions`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from rapidfuzz import fuzz, process

from bot.limits import (
    UNANSWERED_BATCH,
    UNANSWERED_BUFFER,
    UNANSWERED_GATHER_SECONDS,
    UNANSWERED_MAX_ROWS,
    UNANSWERED_TEXT_CHARS,
)
from bot.text import normalize, shorten
from bot.understanding import Intent, Outcome, Understanding
from bot.wording import STOP

if TYPE_CHECKING:
    from bot.clock import Clock

log = logging.getLogger(__name__)

#: The outcomes recorded: refused, not covered, and unsure (asked back).
RECORDED = frozenset({Outcome.REFUSED, Outcome.NOT_COVERED, Outcome.ASKED_BACK})
#: How alike (rapidfuzz token_set_ratio, 0-100) two questions must be to share a group.
SIMILAR = 85
#: token_set_ratio scores a subset 100 ("app" in every question with "app"): a shorter question
#: joins a longer one only when it has at least this share of the longer one's words.
MIN_WORD_SHARE = 0.5
#: Blocking: a question is compared only with groups sharing one of its rarest words...
BLOCK_WORDS = 2
#: ...and with at most this many groups per word (the most frequent ones).
MAX_CANDIDATES = 64
#: Other wordings shown per group.
EXAMPLES = 3

_PRIVATE = re.compile(
    r"(?P<mention><[@#][!&]?\d+>)"  # a Discord user, role or channel mention
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<handle>@\w+)"  # a Telegram or Discord @name
    r"|(?P<number>\+?\d(?:[ ().-]?\d){6,})"  # seven digits or more: a phone number or an id
)
_PLACEHOLDERS = {
    "mention": "@someone",
    "email": "<email>",
    "handle": "@someone",
    "number": "<number>",
}


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    """One recorded question: nothing in it names the person who asked."""

    text: str
    platform: str
    #: An :class:`~bot.understanding.Intent` value: what the question seemed to ask for.
    intent: str
    #: An :class:`~bot.understanding.Outcome` value (one of :data:`RECORDED`).
    outcome: str
    asked_at: datetime


def scrub(text: str) -> str:
    """``text`` without mentions, e-mail addresses and long numbers, cut to the stored length."""
    cleaned = _PRIVATE.sub(lambda match: _PLACEHOLDERS[match.lastgroup or "number"], text)
    return shorten(" ".join(cleaned.split()), UNANSWERED_TEXT_CHARS)


class QuestionStore(Protocol):
    """Where recorded questions go: ``Storage.unanswered`` (this module imports no storage)."""

    async def add(
        self,
        questions: Sequence[UnansweredQuestion],
        *,
        prune_before: datetime | None,
        keep: int,
    ) -> None:
        """Store questions, keeping the newest ``keep`` rows."""
        ...

    async def prune(self, before: datetime) -> int:
        """Delete the questions asked before ``before``; how many."""
        ...


class UnansweredLog:
    """Records the questions the bot could not answer, and prunes the old ones.

    Recording is on when ``enabled`` and ``retention_days`` is above 0. Rows older than the
    retention are deleted by :meth:`prune` (at start) and with the first write of each day.
    ``guess`` names what a question the answerer did not understand seems to ask for
    (:meth:`bot.questions.QuestionAnswerer.guess_intent`).

    Written behind: :meth:`record` only queues the question, so the learner's reply never waits
    for the database (nor for scrubbing and guessing its intent). A background write gathers
    the questions of :data:`~bot.limits.UNANSWERED_GATHER_SECONDS` (real time: it only batches
    commits), or writes at once when :data:`~bot.limits.UNANSWERED_BATCH` are queued, and stores
    them in one transaction; :meth:`flush` writes at once and waits (call it before closing the
    storage). At most :data:`~bot.limits.UNANSWERED_BUFFER` wait; a
    crash loses those.
    """

    def __init__(
        self,
        store: QuestionStore,
        clock: Clock,
        *,
        enabled: bool,
        retention_days: int,
        guess: Callable[[str], Intent] | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self.enabled = enabled and retention_days > 0
        self.retention = timedelta(days=retention_days)
        self._guess = guess
        self._pruned_on: date | None = None
        #: What each queued question was understood as, where and when it was asked.
        self._queued: list[tuple[Understanding, str, datetime]] = []
        self._dropped = 0
        self._writer: asyncio.Task[None] | None = None
        #: Set by :meth:`flush`: write now instead of waiting for more questions.
        self._now = asyncio.Event()

    async def record(self, understanding: Understanding, platform: str) -> bool:
        """Queue a question the bot could not answer; ``True`` if it was queued.

        Never raises and never waits for storage; a failure to store is logged.
        """
        if not self.enabled or understanding.outcome not in RECORDED:
            return False
        if len(self._queued) >= UNANSWERED_BUFFER:
            self._dropped += 1
            return False
        self._queued.append((understanding, platform, self._clock.now()))
        if len(self._queued) >= UNANSWERED_BATCH:
            self._now.set()  # a full batch: write without waiting out the gathering time
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_queued(), name="unanswered-log")
        return True

    async def flush(self) -> None:
        """Write every question queued so far now, and wait until it is stored (or logged)."""
        if self._writer is not None:
            self._now.set()
            await asyncio.shield(self._writer)

    async def _write_queued(self) -> None:
        """Store the queue batch by batch until it is empty, gathering each for a moment."""
        try:
            while self._queued:
                if not self._now.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._now.wait(), UNANSWERED_GATHER_SECONDS)
                batch, self._queued = self._queued, []
                await self._write(batch)
        finally:
            self._writer = None
            self._now.clear()

    def _stored(
        self, understanding: Understanding, platform: str, at: datetime
    ) -> UnansweredQuestion:
        """The row kept for a question: scrubbed, its intent guessed if the answerer had none."""
        intent = understanding.intent
        if intent is Intent.UNKNOWN and self._guess is not None:
            intent = self._guess(understanding.question)
        return UnansweredQuestion(
            scrub(understanding.question), platform, intent.value, understanding.outcome, at
        )

    async def _write(self, batch: list[tuple[Understanding, str, datetime]]) -> None:
        """Store a batch (scrubbed and guessed here, after the replies went out)."""
        if self._dropped:
            log.warning(
                "dropped %d unanswered question(s): too many waited to be written", self._dropped
            )
            self._dropped = 0
        now = self._clock.now()
        prune = now - self.retention if self._pruned_on != now.date() else None
        try:
            questions = []
            for queued in batch:
                questions.append(self._stored(*queued))
                await asyncio.sleep(0)  # a big batch never holds up the replies in between
            await self._store.add(questions, prune_before=prune, keep=UNANSWERED_MAX_ROWS)
        except Exception:
            log.warning("could not record %d unanswered question(s)", len(batch), exc_info=True)
            return
        self._pruned_on = now.date()

    async def prune(self) -> int:
        """Delete the rows older than the retention (every row when it is 0); how many."""
        now = self._clock.now()
        deleted = await self._store.prune(now - self.retention)
        self._pruned_on = now.date()
        return deleted


# -- grouping --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Group:
    """Questions alike enough to be one need, summarised for the operator."""

    questions: tuple[UnansweredQuestion, ...]
    #: The wording asked most often (the latest of equally frequent ones).
    representative: str
    #: Other wordings, most frequent first, at most :data:`EXAMPLES`.
    examples: tuple[str, ...]
    platforms: tuple[str, ...]
    last_seen: datetime
    #: The intent and outcome most of its questions had.
    intent: str
    outcome: str

    @property
    def count(self) -> int:
        """How many times it was asked."""
        return len(self.questions)

    def as_json(self) -> dict[str, Any]:
        """The group as JSON-ready values (its questions summarised, not listed)."""
        return {
            "text": self.representative,
            "count": self.count,
            "platforms": list(self.platforms),
            "last_seen": self.last_seen.isoformat(),
            "intent": self.intent,
            "outcome": self.outcome,
            "examples": list(self.examples),
        }


def comparison_key(text: str) -> str:
    """What two questions are compared by: normalised, common words left out (if any remain)."""
    words = normalize(text).split()
    return " ".join([word for word in words if word not in STOP] or words)


def group_questions(questions: Iterable[UnansweredQuestion]) -> list[Group]:
    """Group near-duplicate questions: most asked first, then the most recently seen.

    Questions with the same :func:`comparison_key` always share a group. Distinct keys are taken
    most frequent first; each joins the most similar group so far (token_set_ratio at least
    :data:`SIMILAR`) among those sharing one of its rarest words, or starts a group of its own.
    """
    by_key: dict[str, list[UnansweredQuestion]] = {}
    key_of: dict[str, str] = {}  # the same wording comes back often: normalise it once
    for question in questions:
        key = key_of.get(question.text)
        if key is None:
            key = key_of[question.text] = comparison_key(question.text)
        by_key.setdefault(key, []).append(question)
    keys = sorted(by_key, key=lambda key: (-len(by_key[key]), key))
    words = {key: frozenset(key.split()) for key in keys}
    frequency = Counter(word for key in keys for word in words[key])
    leaders: list[tuple[str, int]] = []  # a group's first key and its number of words
    members: list[list[str]] = []
    postings: dict[str, list[int]] = {}
    for key in keys:
        rarest = sorted(words[key], key=lambda word: (frequency[word], word))[:BLOCK_WORDS]
        candidates = dict.fromkeys(
            index for word in rarest for index in postings.get(word, ())[:MAX_CANDIDATES]
        )
        best = _closest(key, len(words[key]), {i: leaders[i] for i in candidates})
        if best is None:
            best = len(leaders)
            leaders.append((key, len(words[key])))
            members.append([])
            for word in words[key]:
                postings.setdefault(word, []).append(best)
        members[best].append(key)
    groups = [_summary([q for key in group for q in by_key[key]]) for group in members]
    groups.sort(key=lambda g: (-g.count, -g.last_seen.timestamp(), g.representative))
    return groups


def _closest(key: str, size: int, leaders: dict[int, tuple[str, int]]) -> int | None:
    """The most similar of the candidate groups (the earliest of equals), or ``None``.

    ``size`` is the number of words in ``key``; ``leaders`` holds each group's first key and
    its number of words.
    """
    if not leaders:
        return None
    best: tuple[float, int] | None = None
    for _, score, index in process.extract(
        key,
        {index: text for index, (text, _) in leaders.items()},
        scorer=fuzz.token_set_ratio,
        score_cutoff=SIMILAR,
        limit=None,
    ):
        other = leaders[index][1]
        if min(size, other) >= MIN_WORD_SHARE * max(size, other):
            best = max(best or (score, -index), (score, -index))
    return None if best is None else -best[1]


def _summary(questions: Sequence[UnansweredQuestion]) -> Group:
    counts: Counter[str] = Counter()
    latest: dict[str, datetime] = {}
    intents: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for q in questions:
        counts[q.text] += 1
        if q.text not in latest or q.asked_at > latest[q.text]:
            latest[q.text] = q.asked_at
        intents[q.intent] += 1
        outcomes[q.outcome] += 1
    wordings = sorted(counts, key=lambda text: (-counts[text], -latest[text].timestamp(), text))
    return Group(
        questions=tuple(questions),
        representative=wordings[0],
        examples=tuple(wordings[1 : 1 + EXAMPLES]),
        platforms=tuple(sorted({q.platform for q in questions})),
        last_seen=max(latest.values()),
        intent=max(intents, key=intents.__getitem__),
        outcome=max(outcomes, key=outcomes.__getitem__),
    )


def format_report(
    groups: Sequence[Group], *, since_days: int | None, as_json: bool, recording: bool
) -> str:
    """The ``roadmap-bot unanswered`` output: one JSON document, or text for a person."""
    total = sum(group.count for group in groups)
    if as_json:
        document = {
            "since_days": since_days,
            "recording": recording,
            "questions": total,
            "groups": [group.as_json() for group in groups],
        }
        return json.dumps(document, ensure_ascii=False, indent=2)
    period = f"in the last {since_days} days" if since_days else "recorded"
    lines = []
    if not recording:
        lines.append("Recording is off (UNANSWERED_LOG=off or UNANSWERED_RETENTION_DAYS=0).")
    if not groups:
        lines.append(f"No unanswered questions {period}.")
        return "\n".join(lines)
    lines.append(
        f"{total} unanswered questions {period}, in {len(groups)} groups, most frequent first:"
    )
    width = len(str(groups[0].count))
    indent = " " * (width + 2)
    for group in groups:
        lines.append("")
        lines.append(f"{group.count:>{width}}× {group.representative}")
        if group.examples:
            lines.append(indent + "also: " + "; ".join(f"“{text}”" for text in group.examples))
        seen = group.last_seen.strftime("%Y-%m-%d %H:%M UTC")
        lines.append(
            f"{indent}{', '.join(group.platforms)} · last seen {seen}"
            f" · intent {group.intent} · {group.outcome.replace('_', ' ')}"
        )
    return "\n".join(lines)
