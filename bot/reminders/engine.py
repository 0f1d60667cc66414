"""The reminder engine: claim due reminders, build their messages, deliver them paced.

Delivery is **at most once** per local day. A send has no idempotency key, so the engine cannot
tell whether a message that was in flight during a crash arrived. It therefore records the day as
sent atomically when it claims a reminder (see :meth:`SqliteReminderStore.claim_due`): a crash
between claim and send loses that day's reminder instead of sending it twice. Reminders missed
by more than ``Settings.reminder_max_lateness_minutes`` (the bot was down) are skipped, and
only the latest missed day is ever considered, so a restart never floods anyone.

Each platform's sends go through one :class:`Pacer` at the outbox's ``overall_rate``; sends to one
chat are spaced by its ``per_chat_interval``. Every chat is its own task (at most
``MAX_CONCURRENT_CHATS`` at once), so a chat that is being retried never holds up the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.config import Settings
from bot.delivery import (
    ChatMoved,
    Delivery,
    DeliveryError,
    Outbox,
    PermanentDeliveryError,
    RetryAfter,
)
from bot.messages import ChatKind
from bot.reminders.message import build_reminder
from bot.reminders.pacing import ChatSpacer, Pacer
from bot.storage.reminders import Claim

if TYPE_CHECKING:
    from bot.core import Core

log = logging.getLogger(__name__)

#: Reminders claimed per database transaction; each batch is delivered before the next claim.
CLAIM_BATCH = 1000
#: Chats being delivered to at the same time.
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
    """What one :meth:`ReminderEngine.run_once` did."""

    claimed: int = 0
    skipped: int = 0
    sent: int = 0
    failed: int = 0
    disabled: int = 0
    retries: int = 0


class ReminderEngine:
    """Sends due reminders through the registered outboxes (one per platform)."""

    def __init__(
        self,
        core: Core,
        outboxes: Mapping[str, Outbox],
        clock: Clock | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.core = core
        self.store = core.storage.reminders
        self.outboxes = dict(outboxes)
        self.clock: Clock = clock or core.clock
        self.settings = settings or core.settings
        self._pacers = {
            name: Pacer(self.clock, outbox.overall_rate) for name, outbox in self.outboxes.items()
        }

    async def run_once(self) -> RunStats:
        """Claim and deliver every reminder due now, batch by batch."""
        stats = RunStats()
        lateness = timedelta(minutes=self.settings.reminder_max_lateness_minutes)
        while True:
            batch = await self.store.claim_due(
                self.clock.now(), lateness, CLAIM_BATCH, self.outboxes
            )
            stats.claimed += len(batch.claims)
            stats.skipped += batch.skipped
            if batch.skipped:
                log.info("skipped %d reminders missed by more than %s", batch.skipped, lateness)
            await self._deliver_all(batch.claims, stats)
            if len(batch.claims) + batch.skipped < CLAIM_BATCH:
                return stats

    async def run_forever(self) -> None:
        """Run every ``reminder_poll_seconds`` until cancelled; one failed round is logged."""
        while True:
            try:
                stats = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("reminder round failed")
            else:
                if stats.claimed or stats.skipped:
                    log.info("reminder round: %s", stats)
            await self.clock.sleep(self.settings.reminder_poll_seconds)

    async def _deliver_all(self, claims: tuple[Claim, ...], stats: RunStats) -> None:
        by_chat: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in claims:
            reminder = claim.reminder
            chat = reminder.chat_id if reminder.chat_id is not None else f"dm:{reminder.user_id}"
            by_chat[(reminder.platform, chat)].append(claim)
        slots = asyncio.Semaphore(MAX_CONCURRENT_CHATS)

        async def chat_task(platform: str, chat_claims: list[Claim]) -> None:
            async with slots:
                spacer = ChatSpacer(self.clock, self.outboxes[platform].per_chat_interval)
                for claim in chat_claims:
                    await self._deliver(claim, spacer, stats)

        async with asyncio.TaskGroup() as group:
            for (platform, _), chat_claims in by_chat.items():
                group.create_task(chat_task(platform, chat_claims))

    async def _deliver(self, claim: Claim, spacer: ChatSpacer, stats: RunStats) -> None:
        """Send one reminder with retries; never raises (except on cancellation)."""
        reminder = claim.reminder
        try:
            reply = await build_reminder(
                self.core,
                reminder.user_key,
                claim.day,
                user_name=reminder.user_name,
                in_group=reminder.chat_kind is ChatKind.GROUP and reminder.chat_id is not None,
            )
        except Exception:
            log.exception("could not build the reminder for %s", reminder.user_key)
            stats.failed += 1
            return
        outbox, pacer = self.outboxes[reminder.platform], self._pacers[reminder.platform]
        delivery = Delivery(
            reminder.platform, reminder.user_id, reminder.chat_id, reminder.user_name
        )
        for attempt in range(1, MAX_DELIVERY_ATTEMPTS + 1):
            if attempt > 1:
                stats.retries += 1
            await spacer.wait()
            await pacer.wait()
            try:
                await outbox.deliver(delivery, reply)
            except RetryAfter as error:
                spacer.sent()
                if error.seconds > MAX_RETRY_AFTER_SECONDS:
                    break
                await self.clock.sleep(error.seconds)
            except ChatMoved as error:
                await self.store.move_chat(
                    reminder.platform, delivery.chat_id or "", error.new_chat_id
                )
                log.info("%s: chat moved to a new id, retrying there", reminder.user_key)
                delivery = replace(delivery, chat_id=error.new_chat_id)
            except PermanentDeliveryError as error:
                await self._turn_off(reminder.user_key, str(error) or type(error).__name__)
                stats.disabled += 1
                return
            except DeliveryError as error:  # transient, or an unclassified failure
                log.info("%s: delivery failed (%s), attempt %d", reminder.user_key, error, attempt)
                spacer.sent()
                if attempt < MAX_DELIVERY_ATTEMPTS:
                    await self.clock.sleep(
                        min(BASE_BACKOFF_SECONDS * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS)
                    )
            except Exception:
                log.exception("%s: outbox crashed while sending a reminder", reminder.user_key)
                break
            else:
                spacer.sent()
                stats.sent += 1
                return
        log.warning("%s: gave up on today's reminder", reminder.user_key)
        stats.failed += 1

    async def _turn_off(self, user_key: str, reason: str) -> None:
        """Disable a reminder that can never be delivered, and tell the user why next time."""
        log.warning("%s: turning the daily reminder off: %s", user_key, reason)
        await self.store.disable(user_key, reason, self.clock.now())
        await self.core.storage.add_notice(user_key, TURNED_OFF_NOTICE.format(reason=reason))
