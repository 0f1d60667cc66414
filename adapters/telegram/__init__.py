"""The Telegram adapter: updates in, core requests out, replies as HTML messages.

``create_adapter(core, settings)`` is what ``roadmap-bot run`` calls when ``TELEGRAM_TOKEN`` is set.
"""

from __future__ import annotations

from adapters.telegram.app import TelegramAdapter, TelegramOutbox, TelegramStartError
from bot.config import Settings
from bot.core import Core

__all__ = ["TelegramAdapter", "TelegramOutbox", "TelegramStartError", "create_adapter"]


def create_adapter(core: Core, settings: Settings) -> TelegramAdapter:
    """The Telegram adapter for ``core``, set up from ``settings`` (token, base URL, webhook)."""
    return TelegramAdapter(core, settings)
