"""How the core hands finished messages (reminders) to the adapter that owns a chat.

Each adapter registers an :class:`Outbox` for its platform. An outbox sends one reply and maps
its platform's failures onto the errors below, so the reminder engine can pace, retry and turn
reminders off without knowing any platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.messages import Reply


@dataclass(frozen=True, slots=True)
class Delivery:
    """Where a message goes: a chat, or (``chat_id`` is ``None``) the user's direct messages."""

    platform: str
    user_id: str
    chat_id: str | None
    user_name: str = ""


class DeliveryError(Exception):
    """A message could not be delivered."""

    #: How the send-error metric counts it.
    kind = "other"


class PermanentDeliveryError(DeliveryError):
    """It never will be: the user blocked the bot, closed DMs, or the chat is gone."""

    kind = "permanent"


class TransientDeliveryError(DeliveryError):
    """A failure known to mean "not sent" (connection refused, a 5xx answer): worth retrying."""

    kind = "transient"


class UncertainDeliveryError(DeliveryError):
    """The message may have been delivered (a timeout, a connection dropped after sending).

    Never retried: a retry could send it twice.
    """

    kind = "uncertain"


class RetryAfter(DeliveryError):
    """The platform asked us to wait ``seconds`` before trying again."""

    kind = "retry_after"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:g}s")
        self.seconds = seconds


class ChatMoved(DeliveryError):
    """The chat has a new id (a Telegram group upgraded to a supergroup)."""

    kind = "chat_moved"

    def __init__(self, new_chat_id: str) -> None:
        super().__init__(f"chat moved to {new_chat_id}")
        self.new_chat_id = new_chat_id


class Outbox(Protocol):
    """What an adapter offers the core for sending messages it did not reply to."""

    platform: str
    #: Messages per second the platform tolerates overall.
    overall_rate: float
    #: Seconds to leave between two messages to the same chat.
    per_chat_interval: float

    async def deliver(self, delivery: Delivery, reply: Reply) -> None:
        """Send ``reply``; raise a :class:`DeliveryError` subclass on failure."""
        ...


class AdapterStartError(Exception):
    """A platform adapter could not start (token refused, platform unreachable).

    Its message is shown to the operator as it is, so it never contains a secret.
    """


class PlatformAdapter(Protocol):
    """A running connection to one chat platform, as the runner (``roadmap-bot run``) sees it.

    Each ``adapters/<platform>`` package exposes ``create_adapter(core, settings)`` returning one.
    """

    platform: str
    outbox: Outbox

    async def start(self) -> None:
        """Connect, register commands and begin receiving updates; return once running.

        Raises :class:`AdapterStartError` (after cleaning up) when it cannot.
        """
        ...

    async def stop(self) -> None:
        """Disconnect cleanly."""
        ...

    async def wait_failed(self) -> str:
        """Wait until the adapter has stopped for good on its own; return why (no secrets).

        A revoked token ends it (the runner then exits non-zero so a supervisor restarts it or
        alerts); a transient disconnect does not: the adapter keeps reconnecting by itself.
        """
        ...
