"""The reminder engine: claim due reminders, build their messages, deliver them paced.

Why it is shaped this way:

* **At most once per local day, losing only what may have been sent.** A send has no
  idempotency key, so after a crash nobody can tell whether a message in flight arrived. A claim
  is therefore a lease (see :mod:`bot.storage.reminders`) and the day is recorded only just
  before the send (:meth:`~bot.storage.base.ReminderStore.attempt`). A claim never
  attempted is given back on a clean stop, or its lease runs out after a crash (``LEASE_POLLS``
  polls after its last renewal) and any engine claims it again, within the lateness window.
  Reminders missed by more than ``reminder_max_lateness_minutes`` are skipped, and only the
  latest missed day is ever considered, so a restart never floods anyone.
* **Claim only what can be sent soon.** Each claim of a platform covers what its outbox's
  ``overall_rate`` lets it send in ``CLAIM_AHEAD_SECONDS``, and at most two claims' worth is
  pending at a time, so few reminders sit leased and a backlog on one platform never keeps
  another's from being claimed.
* **Nothing slow holds up anything else.** Each chat is served by its own task, spaced by the
  outbox's ``per_chat_interval``, under one :class:`Pacer` per platform; a chat lets go of its
  delivery slot while it waits out a backoff or retry-after.
* **Only failures known to mean "not sent" are retried.** An outcome that may have delivered
  (an attempt longer than ``DELIVERY_TIMEOUT_SECONDS``, a connection lost after the request went
  out: :class:`UncertainDeliveryError`) is counted as uncertain and never retried.

:meth:`ReminderEngine.stop` promises that every claim ends whole: either attempted (its day
recorded; the send was made or was under way) or given back, due again for the next poll of any
engine. A stop never starts a send; a send already under way is cancelled and counts as sent.
"""

from __future__ import annotations

import asyncio
import logging
import math
import uuid
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from bot import observability
from bot.clock import Clock
from bot.config import Settings
from bot.delivery import (
    ChatMoved,
    Delivery,
    DeliveryError,
    Outbox,
    PermanentDeliveryError,
    RetryAfter,
    UncertainDeliveryError,
)
from bot.messages import Reply, user_key_of
from bot.reminder_model import Claim, Reminder
from bot.reminders.pacing import ChatSpacing, Pacer
from bot.storage.base import ReminderStore, Storage

log = logging.getLogger(__name__)

#: Most reminders claimed per platform in one transaction.
CLAIM_BATCH = 1000
#: A platform's claim covers what its overall rate lets it send in this many seconds.
CLAIM_AHEAD_SECONDS = 10.0
#: Most reminders of one platform claimed but not yet delivered (also capped at two claims).
MAX_PENDING = 2 * CLAIM_BATCH
#: A lease lasts this many polls after its last renewal (each poll renews the engine's leases).
LEASE_POLLS = 4
#: Seconds (real time) one delivery attempt may take; after that its outcome is uncertain.
DELIVERY_TIMEOUT_SECONDS = 30.0
#: Chats of one platform being delivered to at the same time.
MAX_CONCURRENT_CHATS = 64
#: Tries per message (first attempt included) before giving up for the day.
MAX_DELIVERY_ATTEMPTS = 5
#: Backoff after the first transient failure; doubles each time, up to MAX_BACKOFF_SECONDS.
BASE_BACKOFF_SECONDS = 1.0
MAX_BACKOFF_SECONDS = 60.0
#: Longest RetryAfter the engine will honour for a reminder before giving up on it.
MAX_RETRY_AFTER_SECONDS = 300.0
#: What the user reads after their reminder was turned off; ``{reason}`` is filled in.
TURNED_OFF_NOTICE = (
    "Your daily reminder was turned off because I couldn't message you: {reason} "
    "— send /remind HH:MM to turn it back on."
)


@dataclass(slots=True)
class RunStats:
    """What one :meth:`ReminderEngine.run_once` (or the deliveries of one poll) did."""

    claimed: int = 0
    skipped: int = 0
    sent: int = 0
    failed: int = 0
    disabled: int = 0
    retries: int = 0
    #: Attempts that may or may not have arrived (never retried).
    uncertain: int = 0
    #: Given up because the user turned the reminder off, changed or deleted it meanwhile.
    withdrawn: int = 0


#: A chat as the engine queues it: (platform, chat id or "dm:<user id>").
ChatKey = tuple[str, str]
#: Writes the message a claim delivers (:meth:`bot.reminders.message.ReminderWriter.for_claim`).
ReminderBuilder = Callable[[Claim], Awaitable[Reply]]


@dataclass(slots=True)
class _Job:
    """A claimed reminder waiting in its chat's queue."""

    claim: Claim
    stats: RunStats


class _Slot:
    """A chat task's hold on one of its platform's delivery slots, let go while it sleeps."""

    def __init__(self, slots: asyncio.Semaphore) -> None:
        self._slots = slots
        self._held = False

    async def __aenter__(self) -> _Slot:
        await self._slots.acquire()
        self._held = True
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._held:
            self._held = False
            self._slots.release()

    async def pause(self, clock: Clock, seconds: float) -> None:
        """Sleep ``seconds`` on ``clock`` without the slot; hold it again before returning."""
        self._held = False
        self._slots.release()
        await clock.sleep(seconds)
        await self._slots.acquire()
        self._held = True


class ReminderEngine:
    """Sends due reminders through the registered outboxes (one per platform).

    It claims them from ``storage`` and has ``build`` write each one's message.
    """

    def __init__(
        self,
        storage: Storage,
        build: ReminderBuilder,
        outboxes: Mapping[str, Outbox],
        clock: Clock,
        settings: Settings,
    ) -> None:
        self.storage = storage
        self.store = storage.reminders
        self.build = build
        self.outboxes = dict(outboxes)
        self.clock = clock
        self.settings = settings
        self._pacers = {
            name: Pacer(self.clock, outbox.overall_rate) for name, outbox in self.outboxes.items()
        }
        self._spacing = {
            name: ChatSpacing(self.clock, outbox.per_chat_interval)
            for name, outbox in self.outboxes.items()
        }
        self._slots = {name: asyncio.Semaphore(MAX_CONCURRENT_CHATS) for name in self.outboxes}
        self._limits = {
            name: max(1, min(CLAIM_BATCH, math.ceil(outbox.overall_rate * CLAIM_AHEAD_SECONDS)))
            for name, outbox in self.outboxes.items()
        }
        #: Who this engine is in the leases it takes.
        self.holder = uuid.uuid4().hex
        self._queues: dict[ChatKey, deque[_Job]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._pending = dict.fromkeys(self.outboxes, 0)
        self._progress = asyncio.Event()
        self._claiming: asyncio.Future[frozenset[str]] | None = None

    @property
    def pending(self) -> int:
        """Reminders claimed and not yet delivered (or given up on), all platforms together."""
        return sum(self._pending.values())

    async def poll(self) -> RunStats:
        """Claim what is due now (while a batch fits) and start delivering it in the background.

        Returns without waiting for the deliveries; they add to the stats as they finish.
        """
        stats = RunStats()
        await self._claim(stats)
        return stats

    async def run_once(self) -> RunStats:
        """Claim and deliver every reminder due now; return when all deliveries are done."""
        stats = RunStats()
        while backlog := await self._claim(stats):
            await self._wait_until(self._room_for(backlog))
        await self.wait_idle()
        return stats

    async def run_forever(self) -> None:
        """Poll every ``reminder_poll_seconds`` (sooner while a backlog waits) until cancelled.

        A failed poll is logged. On cancellation the engine stops (see :meth:`stop`).
        """
        try:
            while True:
                stats = RunStats()
                backlog: frozenset[str] = frozenset()
                try:
                    backlog = await self._claim(stats)
                except Exception:
                    log.exception("reminder poll failed")
                if stats.claimed or stats.skipped:
                    log.info("reminder poll: claimed %d, skipped %d", stats.claimed, stats.skipped)
                await self._nap(backlog)
        finally:
            await self.stop()

    async def _nap(self, backlog: frozenset[str]) -> None:
        """Wait for the next poll: ``reminder_poll_seconds``, or less once a backlog fits."""
        if not backlog:
            await self.clock.sleep(self.settings.reminder_poll_seconds)
            return
        nap = asyncio.ensure_future(self.clock.sleep(self.settings.reminder_poll_seconds))
        room = asyncio.ensure_future(self._wait_until(self._room_for(backlog)))
        try:
            await asyncio.wait((nap, room), return_when=asyncio.FIRST_COMPLETED)
        finally:
            nap.cancel()
            room.cancel()

    async def wait_idle(self) -> None:
        """Return when every claimed reminder has been delivered or given up on."""
        await self._wait_until(lambda: self.pending == 0)

    async def stop(self) -> None:
        """End every claim whole: cancel the deliveries and give back what was never attempted.

        A claim under way finishes first; a send already recorded as attempted is made (or
        was under way and counts as sent: at most once); the rest are due again at once.
        """
        if self._claiming is not None:  # let a claim under way take its leases
            await asyncio.gather(self._claiming, return_exceptions=True)
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        try:
            released = await self.store.release(self.holder)
        except Exception:
            log.exception("could not give back the unsent reminders (their leases will expire)")
            return
        if released:
            log.info("released %d claimed reminders never attempted, for the next poll", released)

    def _has_room(self, platform: str) -> bool:
        """Whether another claim of ``platform`` fits in its pending budget."""
        limit = self._limits[platform]
        return self._pending[platform] + limit <= min(MAX_PENDING, 2 * limit)

    def _room_for(self, platforms: frozenset[str]) -> Callable[[], bool]:
        """A test of whether another batch of any of ``platforms`` fits."""
        return lambda: any(self._has_room(platform) for platform in platforms)

    async def _wait_until(self, ready: Callable[[], bool]) -> None:
        while not ready():
            self._progress.clear()
            await self._progress.wait()

    async def _claim(self, stats: RunStats) -> frozenset[str]:
        """Claim batches while they fit; the platforms that stopped for room with more maybe due.

        Shielded from cancellation: a claim cut off mid-transaction would lose what it claimed,
        so :meth:`stop` lets it finish and then releases its claims.
        """
        self._claiming = asyncio.ensure_future(self._claim_batches(stats))
        return await asyncio.shield(self._claiming)

    async def _claim_batches(self, stats: RunStats) -> frozenset[str]:
        """The claim loop of :meth:`_claim`: each platform within its own pending budget."""
        lateness = timedelta(minutes=self.settings.reminder_max_lateness_minutes)
        lease = timedelta(seconds=LEASE_POLLS * self.settings.reminder_poll_seconds)
        if self.pending:
            await self.store.renew(self.holder, self.clock.now() + lease)
        senders = await self.storage.senders(frozenset(self.outboxes))
        # queued last: no wait once queueing starts
        snoozed = await self._claim_snoozes(lateness, senders)
        maybe_due = senders
        while ready := [
            name for name in self.outboxes if name in maybe_due and self._has_room(name)
        ]:
            now = self.clock.now()
            limits = {name: self._limits[name] for name in ready}
            batch = await self.store.claim_due(now, lateness, limits, self.holder, now + lease)
            stats.claimed += len(batch.claims)
            stats.skipped += batch.skipped
            if batch.skipped:
                log.info("skipped %d reminders missed by more than %s", batch.skipped, lateness)
                observability.metrics.reminder("all", "skipped", count=batch.skipped)
            for claim in batch.claims:
                self._enqueue(claim, stats)
            maybe_due = (maybe_due - frozenset(ready)) | batch.full
        for claim in snoozed:
            stats.claimed += 1
            self._enqueue(claim, stats)
        return maybe_due

    async def _claim_snoozes(self, lateness: timedelta, senders: frozenset[str]) -> list[Claim]:
        """Claim the snoozed reminders due now whose reminder is still on (any pending budget)."""
        claims = []
        snoozes = self.storage.snoozes
        for user_key, day in await snoozes.claim_due(self.clock.now(), lateness, senders):
            reminder = await self.store.get(user_key)
            if reminder is not None and reminder.enabled and reminder.platform in senders:
                claims.append(Claim(reminder, day, reminder.next_due, "", snoozed=True))
        return claims

    def _enqueue(self, claim: Claim, stats: RunStats) -> None:
        """Queue a claim behind its chat's others; start the chat's task if it has none."""
        reminder = claim.reminder
        chat = reminder.chat_id if reminder.chat_id is not None else f"dm:{reminder.user_id}"
        key = (reminder.platform, chat)
        observability.metrics.reminder_due(reminder.platform)
        self._pending[reminder.platform] += 1
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(_Job(claim, stats))
            return
        queue = self._queues[key] = deque([_Job(claim, stats)])
        task = asyncio.create_task(self._serve_chat(key, queue), name=f"reminders {key}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        # A task cancelled before its first step never runs its own clean-up.
        task.add_done_callback(lambda _: self._drop_chat(key, queue))

    async def _serve_chat(self, key: ChatKey, queue: deque[_Job]) -> None:
        """Deliver one chat's queued reminders in order, spaced; a failure stops only its own."""
        try:
            async with _Slot(self._slots[key[0]]) as slot:
                while queue:
                    job = queue[0]
                    try:
                        await self._deliver(job, key, slot)
                    except Exception:
                        log.exception("%s: reminder delivery failed", job.claim.reminder.user_key)
                        observability.metrics.reminder(key[0], "failed")
                        job.stats.failed += 1
                    finally:
                        queue.popleft()
                        self._settle(key, 1)
        finally:
            self._drop_chat(key, queue)

    def _drop_chat(self, key: ChatKey, queue: deque[_Job]) -> None:
        """Forget a chat's queue once its task is over, settling what it left (once)."""
        if self._queues.get(key) is queue:
            del self._queues[key]
            self._settle(key, len(queue))

    def _settle(self, chat: ChatKey, count: int) -> None:
        """Note that ``count`` claimed reminders of ``chat`` are done with."""
        self._pending[chat[0]] -= count
        self._progress.set()

    async def _deliver(self, job: _Job, chat: ChatKey, slot: _Slot) -> None:
        """Send one reminder with retries; raises only if storage fails (or on cancellation).

        The chat's delivery ``slot`` is let go while waiting to retry.
        """
        claim, stats = job.claim, job.stats
        reminder = claim.reminder
        try:
            reply = await self.build(claim)
        except Exception:
            log.exception("could not build the reminder for %s", reminder.user_key)
            observability.metrics.reminder(reminder.platform, "failed")
            stats.failed += 1
            return
        outbox, pacer = self.outboxes[reminder.platform], self._pacers[reminder.platform]
        spacing = self._spacing[reminder.platform]
        delivery = Delivery(
            reminder.platform, reminder.user_id, reminder.chat_id, reminder.user_name
        )
        for attempt in range(1, MAX_DELIVERY_ATTEMPTS + 1):
            await spacing.wait(chat)
            async with pacer.turn():
                if attempt == 1 and not claim.snoozed:  # a snooze was recorded when claimed
                    held = await _record_attempt(self.store, claim)
                else:
                    held = await self.store.is_current(reminder.user_key, reminder.version)
            if not held:
                log.info("%s: reminder claimed elsewhere, off or changed", reminder.user_key)
                observability.metrics.reminder(reminder.platform, "withdrawn")
                stats.withdrawn += 1
                return
            if attempt > 1:
                stats.retries += 1
            try:
                await _attempt(outbox, delivery, reply)
            except RetryAfter as error:
                spacing.sent(chat)
                if error.seconds > MAX_RETRY_AFTER_SECONDS:
                    break
                await slot.pause(self.clock, error.seconds)
            except ChatMoved as error:
                await self.store.move_chat(
                    reminder.platform, delivery.chat_id or "", error.new_chat_id
                )
                log.info("%s: chat moved to a new id, retrying there", reminder.user_key)
                delivery = replace(delivery, chat_id=error.new_chat_id)
            except UncertainDeliveryError as error:
                spacing.sent(chat)
                log.warning(
                    "%s: reminder may or may not have arrived (%s); not retried",
                    reminder.user_key,
                    error,
                )
                observability.metrics.reminder(reminder.platform, "uncertain")
                stats.uncertain += 1
                return
            except PermanentDeliveryError as error:
                if await self._turn_off(reminder, str(error) or type(error).__name__):
                    observability.metrics.reminder(reminder.platform, "disabled")
                    stats.disabled += 1
                else:
                    observability.metrics.reminder(reminder.platform, "withdrawn")
                    stats.withdrawn += 1
                return
            except DeliveryError as error:  # transient, or an unclassified failure
                log.info("%s: delivery failed (%s), attempt %d", reminder.user_key, error, attempt)
                spacing.sent(chat)
                if attempt < MAX_DELIVERY_ATTEMPTS:
                    await slot.pause(
                        self.clock,
                        min(BASE_BACKOFF_SECONDS * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS),
                    )
            except Exception:
                log.exception("%s: outbox crashed while sending a reminder", reminder.user_key)
                break
            else:
                spacing.sent(chat)
                lag = (self.clock.now() - reminder.next_due).total_seconds()
                observability.metrics.reminder(reminder.platform, "sent", lag_seconds=lag)
                stats.sent += 1
                return
        log.warning("%s: gave up on today's reminder", reminder.user_key)
        observability.metrics.reminder(reminder.platform, "failed")
        stats.failed += 1

    async def _turn_off(self, reminder: Reminder, reason: str) -> bool:
        """Disable an undeliverable reminder and tell the user why next time; ``True`` if done.

        A reminder that is already gone (the user sent /forget meanwhile), off, or changed since
        the claim (it may point somewhere else now) is left alone: no notice is queued, as that
        would recreate the user.
        """
        user_key = reminder.user_key
        if not await self.store.disable(user_key, reason, self.clock.now(), reminder.version):
            log.info("%s: undeliverable reminder was already off, changed or deleted", user_key)
            return False
        log.warning("%s: turned the daily reminder off: %s", user_key, reason)
        # Told to the identity it went to (a learner linked across platforms has several).
        recipient = user_key_of(reminder.platform, reminder.user_id)
        await self.storage.add_notice(recipient, TURNED_OFF_NOTICE.format(reason=reason))
        return True


async def _record_attempt(store: ReminderStore, claim: Claim) -> bool:
    """Record the claim as attempted; ``False`` if it is no longer held.

    If the caller is cancelled meanwhile (a stop), the send will not be made, so a record
    that went through is undone: the claim is given back whole, never left half done.
    """
    recording = asyncio.ensure_future(store.attempt(claim))
    try:
        return await asyncio.shield(recording)
    except asyncio.CancelledError:
        if await recording:
            await store.unattempt(claim)
        raise


async def _attempt(outbox: Outbox, delivery: Delivery, reply: Reply) -> None:
    """One send; one that takes longer than ``DELIVERY_TIMEOUT_SECONDS`` may have arrived."""
    try:
        async with asyncio.timeout(DELIVERY_TIMEOUT_SECONDS):
            await outbox.deliver(delivery, reply)
    except TimeoutError:
        observability.metrics.send_error(delivery.platform, UncertainDeliveryError.kind)
        raise UncertainDeliveryError(f"no answer within {DELIVERY_TIMEOUT_SECONDS:g} s") from None
    except DeliveryError as error:
        observability.metrics.send_error(delivery.platform, error.kind)
        raise
    except Exception:
        observability.metrics.send_error(delivery.platform, DeliveryError.kind)
        raise
