"""The storage interfaces: one per store, each naming only domain types.

Every method takes a ``user_key`` (``"telegram:42"``) where it is about one user: users are
namespaced by platform and a method only ever touches the rows of the user it is given. For a
learner's data (checklist, review, reminder, ...) that key is the *learner key*
(:meth:`IdentityStore.learner`): identities linked across platforms share one. Each
implementation reads the database for every answer (no process-local copy is trusted), so
several bot processes sharing one database see each other's changes at once.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import TracebackType
from typing import Any, Self

from bot.linking import LinkResult, Unlinked
from bot.reminder_model import Claim, ClaimBatch, Reminder, Snooze
from bot.spaced import ReviewState
from bot.unanswered import UnansweredQuestion
from bot.users import UserRecord


class StorageError(Exception):
    """The database cannot be used; the message names it (never a password) and what to do."""


class UserStore(ABC):
    """A user's record: track and time zone."""

    @abstractmethod
    async def get_user(self, user_key: str) -> UserRecord:
        """The user's record (a blank one for an unknown user; nothing is stored)."""

    @abstractmethod
    async def set_track(self, user_key: str, track: str | None) -> None:
        """Choose the user's track (a language topic id), or ``None`` for the whole roadmap."""

    @abstractmethod
    async def set_timezone(self, user_key: str, zone: str | None) -> None:
        """Set the user's IANA time zone name (or ``None`` to clear it)."""


class ChecklistStore(ABC):
    """Ticked items and the days something was ticked."""

    @abstractmethod
    async def done_items(self, user_key: str) -> frozenset[str]:
        """Ids of every item the user ticked, including ones no longer in the knowledge file."""

    @abstractmethod
    async def checklist_state(self, user_key: str) -> tuple[UserRecord, frozenset[str]]:
        """The user's record and :meth:`done_items`, read together (one query)."""

    @abstractmethod
    async def mark_done(self, user_key: str, item_id: str, at: datetime, local_date: date) -> bool:
        """Tick an item and enter it into review; ``True`` if it was not ticked before.

        Durable when it returns.
        """

    @abstractmethod
    async def mark_undone(self, user_key: str, item_id: str) -> bool:
        """Untick an item (and take it out of review); ``True`` if it was ticked before.

        Durable when it returns.
        """

    @abstractmethod
    async def reset_progress(self, user_key: str) -> None:
        """Untick everything, clear the activity history and the review (the track is kept)."""

    @abstractmethod
    async def activity_dates(self, user_key: str) -> list[date]:
        """Local dates on which the user ticked something, oldest first (for streaks)."""

    @abstractmethod
    async def carry_over(self, renamed: Mapping[str, str]) -> int:
        """Move every learner's ticks, review state and track from former ids to current ones.

        ``renamed`` maps a former topic id to its current id (the knowledge file's ``renamed``).
        A learner who holds both keeps one (the current id's). Returns how many rows moved.
        """


class NoticeStore(ABC):
    """One-off messages shown with a user's next reply."""

    @abstractmethod
    async def add_notice(self, user_key: str, text: str) -> None:
        """Queue a one-off message to show with the user's next reply."""

    @abstractmethod
    async def take_notices(self, user_key: str) -> list[str]:
        """Return and delete the user's pending notices, oldest first (cheap when none)."""


class ReminderStore(ABC):
    """Daily reminders: the user's setting, and due reminders leased to a sender.

    A claim is a lease held by a ``holder`` (one reminder engine) until it is attempted,
    given back, or runs out; see :mod:`bot.reminders.engine` for why.
    """

    @abstractmethod
    async def set_reminder(self, reminder: Reminder, now: datetime) -> Reminder:
        """Create or replace the user's reminder; return it as stored, with its next due time.

        The last local date sent is read from the stored row in the same transaction and carried
        into the new zone; ``reminder``'s own is ignored.
        """

    @abstractmethod
    async def get(self, user_key: str) -> Reminder | None:
        """The user's reminder, enabled or not, if they ever set one."""

    @abstractmethod
    async def move_zone(self, user_key: str, zone: str, now: datetime) -> datetime | None:
        """Move an enabled reminder to ``zone``; its next due time, or ``None`` if it was off."""

    @abstractmethod
    async def disable(
        self, user_key: str, reason: str | None, now: datetime, version: int | None = None
    ) -> bool:
        """Turn the reminder off (if still at ``version``, when given); ``True`` if it was on."""

    @abstractmethod
    async def is_current(self, user_key: str, version: int) -> bool:
        """Whether the user's reminder is still on and unchanged since it was at ``version``."""

    @abstractmethod
    async def move_chat(self, platform: str, old_chat_id: str, new_chat_id: str) -> int:
        """Point every reminder in a chat that got a new id at the new id; how many moved."""

    @abstractmethod
    async def claim_due(
        self,
        now: datetime,
        max_lateness: timedelta,
        limits: Mapping[str, int],
        holder: str,
        lease_until: datetime,
    ) -> ClaimBatch:
        """Lease up to ``limits[platform]`` due reminders of each platform to ``holder``.

        Oldest first, each platform within its own limit; reminders leased by another holder
        are skipped until their lease ends, even when several processes claim at once. Rows
        missed by more than ``max_lateness`` are moved on (their day counts as handled) and
        counted in :attr:`ClaimBatch.skipped`.
        """

    @abstractmethod
    async def attempt(self, claim: Claim) -> bool:
        """Record the claim's day as sent, just before its send; ``False`` if no longer held."""

    @abstractmethod
    async def unattempt(self, claim: Claim) -> bool:
        """Undo :meth:`attempt` for a send known never to have begun; ``True`` if undone."""

    @abstractmethod
    async def renew(self, holder: str, until: datetime) -> None:
        """Extend every lease ``holder`` still holds to ``until``."""

    @abstractmethod
    async def release(self, holder: str) -> int:
        """Give back every lease ``holder`` holds (claims never attempted); how many."""

    @abstractmethod
    async def export_user(self, user_key: str) -> dict[str, Any]:
        """The user's reminder as JSON-ready values (empty if they have none)."""

    @abstractmethod
    async def forget_user(self, user_key: str) -> None:
        """Delete the user's reminder."""


@dataclass(frozen=True, slots=True)
class Answered:
    """What an answer did: ``counted`` unless it was answered before (or never asked).

    ``state`` is the topic's review state afterwards, ``None`` if the topic is not in review.
    """

    counted: bool
    state: ReviewState | None


class ReviewStore(ABC):
    """Spaced review: each ticked topic's schedule, and the questions asked."""

    @abstractmethod
    async def get(self, user_key: str, topic_id: str) -> ReviewState | None:
        """The topic's review state, or ``None`` if it is not in the learner's review."""

    @abstractmethod
    async def states(self, user_key: str) -> list[ReviewState]:
        """Every topic in the learner's review, soonest due first."""

    @abstractmethod
    async def due(self, user_key: str, today: date) -> list[ReviewState]:
        """Topics due on or before ``today``, longest overdue first."""

    @abstractmethod
    async def ask(self, user_key: str, question_id: str, at: datetime) -> None:
        """Remember that a question was put to the learner (its answer may count once)."""

    @abstractmethod
    async def answer(
        self, user_key: str, question_id: str, topic_id: str, right: bool, today: date
    ) -> Answered:
        """Count an answer to an asked question: move the topic's review, mark today active."""

    @abstractmethod
    async def export_user(self, user_key: str) -> list[dict[str, Any]]:
        """The learner's review schedule as JSON-ready values."""


class SnoozeStore(ABC):
    """Snoozed daily reminders and each learner's "this evening" time."""

    @abstractmethod
    async def evening(self, user_key: str) -> time | None:
        """The learner's "this evening" time, if they set one."""

    @abstractmethod
    async def set_evening(self, user_key: str, at: time | None, now: datetime) -> None:
        """Set (or with ``None`` clear) the learner's "this evening" time."""

    @abstractmethod
    async def snooze(
        self, user_key: str, day: date, due: datetime, now: datetime
    ) -> tuple[bool, Snooze]:
        """Snooze the reminder of ``day`` until ``due``; ``(True, the snooze)`` if done.

        ``(False, the earlier snooze)`` if that day's reminder was snoozed before.
        """

    @abstractmethod
    async def claim_due(
        self, now: datetime, max_lateness: timedelta, platforms: Iterable[str]
    ) -> list[tuple[str, date]]:
        """Claim (at most once, even across processes) the snoozes due at ``now``.

        Only learners whose reminder is on ``platforms``; returns ``(user_key, local date)``
        for each to send; those missed by more than ``max_lateness`` are claimed unreturned.
        """

    @abstractmethod
    async def export_user(self, user_key: str) -> dict[str, Any]:
        """The learner's evening time and last snooze as JSON-ready values."""


class UnansweredStore(ABC):
    """The questions the bot could not answer, linked to no user (see :mod:`bot.unanswered`)."""

    @abstractmethod
    async def add(
        self,
        questions: Sequence[UnansweredQuestion],
        *,
        prune_before: datetime | None,
        keep: int,
    ) -> None:
        """Store questions; keep the newest ``keep`` rows, none before ``prune_before`` if given.

        Durable when it returns.
        """

    @abstractmethod
    async def prune(self, before: datetime) -> int:
        """Delete the questions asked before ``before``; how many."""

    @abstractmethod
    async def since(self, moment: datetime | None = None) -> list[UnansweredQuestion]:
        """The questions asked at or after ``moment`` (all when ``None``), oldest first."""


@dataclass(frozen=True, slots=True)
class StoredPages:
    """What a paginated message shows: for whom, the adapter's rendering, and which page."""

    user_key: str
    #: The pages and buttons as the adapter rendered them (its own JSON).
    body: str
    shown: int


class PageStore(ABC):
    """The pages of long replies, shared by every process so any of them can turn a page."""

    @abstractmethod
    async def put(
        self, message: str, pages: StoredPages, expires_at: datetime, now: datetime
    ) -> None:
        """Remember what ``message`` shows until ``expires_at``; forget what expired by ``now``."""

    @abstractmethod
    async def get(self, message: str, now: datetime) -> StoredPages | None:
        """What ``message`` shows, or ``None`` if unknown or expired."""

    @abstractmethod
    async def drop(self, message: str) -> None:
        """Forget ``message`` (it shows a single page now)."""


class IdentityStore(ABC):
    """Which learner each platform identity is, and the one-time codes that link them.

    Reads the database for every answer: processes sharing it never trust a copy.
    """

    @abstractmethod
    async def learner(self, user_key: str) -> str:
        """The learner key whose data ``user_key`` uses (its own key unless linked)."""

    @abstractmethod
    async def members(self, learner_key: str) -> list[str]:
        """Every identity of the learner: ``learner_key`` first, then the linked ones in order."""

    @abstractmethod
    async def issue(
        self, user_key: str, locator: str, digest: str, expires_at: datetime, now: datetime
    ) -> bool:
        """Store ``user_key``'s new code, replacing its earlier one.

        ``False`` if another live code has the locator (draw another code).
        """

    @abstractmethod
    async def redeem(self, user_key: str, locator: str, digest: str, now: datetime) -> LinkResult:
        """Link ``user_key`` to the code's issuer: its data merged into the issuer's learner.

        All in one transaction; failed tries are counted (see :mod:`bot.linking`).
        """

    @abstractmethod
    async def burn(self, locator: str, digest: str) -> bool:
        """Delete the live code if it is this one (shown where others read); ``True`` if so."""

    @abstractmethod
    async def unlink(self, user_key: str, now: datetime) -> Unlinked | None:
        """Separate ``user_key`` from its linked identities, each side keeping a copy of the data.

        ``None`` if it is linked to none.
        """


class Storage(UserStore, ChecklistStore, NoticeStore):
    """Everything the bot stores, in one database: the per-user stores and the shared ones."""

    #: Daily reminders, in the same database.
    reminders: ReminderStore
    #: Spaced review, in the same database: ticked topics enter it on tick.
    reviews: ReviewStore
    #: Snoozed reminders and evening times, in the same database.
    snoozes: SnoozeStore
    #: The questions the bot could not answer, in the same database: linked to no user.
    unanswered: UnansweredStore
    #: The pages of paginated messages, in the same database.
    pages: PageStore
    #: Linked identities and link codes, in the same database.
    identities: IdentityStore

    @abstractmethod
    async def export_user(self, user_key: str) -> dict[str, Any]:
        """All of the learner's data as JSON-ready values (``user_key`` is a learner key).

        Reminders, review and every linked identity included.
        """

    @abstractmethod
    async def forget_user(self, user_key: str) -> None:
        """Delete all of the learner's data and every identity linked to it.

        ``user_key`` is a learner key.
        """

    @abstractmethod
    async def ping(self) -> None:
        """Raise if the database does not answer a trivial query (for /healthz)."""

    async def senders(self, platforms: frozenset[str]) -> frozenset[str]:
        """The ``platforms`` whose reminders this process sends now (asked before each poll).

        So that several processes on one database keep each platform's rate limit, one process
        per platform sends: a backend shared by processes elects it. A file database serves one
        process, which sends them all.
        """
        return platforms

    @abstractmethod
    async def close(self) -> None:
        """Finish pending writes and release the database."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
