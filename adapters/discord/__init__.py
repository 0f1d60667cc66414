"""The Discord adapter: slash commands in, core requests out, replies as embeds.

``create_adapter(core, settings)`` is what ``roadmap-bot run`` calls when ``DISCORD_TOKEN`` is set.
"""

from __future__ import annotations

from adapters.discord.client import DiscordAdapter, DiscordOutbox, DiscordStartError
from bot.config import Settings
from bot.core import Core

__all__ = ["DiscordAdapter", "DiscordOutbox", "DiscordStartError", "create_adapter"]


def create_adapter(core: Core, settings: Settings) -> DiscordAdapter:
    """The Discord adapter for ``core``, configured from ``settings`` (token, guild, shards)."""
    return DiscordAdapter(core, settings)
