"""Logging set-up: useful lines for the operator, and secrets redacted wherever they appear."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

#: Loggers that print request URLs (which carry Telegram's token) at INFO.
NOISY_LOGGERS = ("httpx", "httpcore", "telegram.ext.Updater", "discord.gateway", "discord.http")
#: Anything shaped like a Telegram bot token, even one we were not told about.
_TELEGRAM_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}")
REDACTED = "[redacted]"


class RedactingFormatter(logging.Formatter):
    """A formatter that removes known secrets and token-shaped strings from every line."""

    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self.secrets = tuple(sorted((s for s in secrets if s), key=len, reverse=True))

    def format(self, record: logging.LogRecord) -> str:
        """Format the record, then redact."""
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret and token-shaped string replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _TELEGRAM_TOKEN.sub(REDACTED, text)


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    """Log to stderr at ``level``, redacting ``secrets``; keep chatty HTTP loggers at WARNING."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
