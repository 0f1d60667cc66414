"""Command features. Each module exposes ``COMMANDS``, a list of :class:`bot.commands.Command`."""

from __future__ import annotations

from bot.commands import Command
from bot.features import ask, checklist, daily, knowledge, link, reminders, review


def all_commands() -> list[Command]:
    """Every command of every feature, in the order help and menus show them."""
    return [
        *knowledge.COMMANDS,
        *ask.COMMANDS,
        *checklist.COMMANDS,
        *review.COMMANDS,
        *reminders.COMMANDS,
        *daily.COMMANDS,
        *link.COMMANDS,
    ]
