"""Daily learning reminders: schedule math, the delivery engine and the reminder message.

The engine (:class:`bot.reminders.engine.ReminderEngine`) claims due reminders from storage,
builds each message with :func:`bot.reminders.message.build_reminder` and hands it to the
:class:`bot.delivery.Outbox` of the platform that owns the chat.

The engine depends on :mod:`bot.storage.reminders`, which in turn needs the schedule math in
:mod:`bot.reminders.schedule`. So that importing the store (or the schedule) never drags the
engine in half-way, this package imports the engine and the message module only when one of
their names is first asked for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.reminders.engine import ReminderEngine, RunStats
    from bot.reminders.message import build_reminder

__all__ = ["ReminderEngine", "RunStats", "build_reminder"]

#: Where each public name lives.
_HOMES = {
    "ReminderEngine": "bot.reminders.engine",
    "RunStats": "bot.reminders.engine",
    "build_reminder": "bot.reminders.message",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
