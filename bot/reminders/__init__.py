"""Daily learning reminders: schedule math, the delivery engine and the reminder message.

The engine (:class:`bot.reminders.engine.ReminderEngine`) claims due reminders from storage,
builds each message with :func:`bot.reminders.message.build_reminder` and hands it to the
:class:`bot.delivery.Outbox` of the platform that owns the chat.
"""

from __future__ import annotations

from bot.reminders.engine import ReminderEngine, RunStats
from bot.reminders.message import build_reminder

__all__ = ["ReminderEngine", "RunStats", "build_reminder"]
