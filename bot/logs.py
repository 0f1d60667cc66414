"""Logging set-up: useful lines for the operator, and secrets redacted wherever they appear."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime

#: Loggers that print request URLs (which carry Telegram's token) at INFO.
NOISY_LOGGERS = ("httpx", "httpcore", "telegram.ext.Updater", "discord.gateway", "discord.http")
#: Anything shaped like a Telegram bot token, even one we were not told about.
_TELEGRAM_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}")
REDACTED = "[redacted]"
#: The values LOG_FORMAT accepts.
LOG_FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """A formatter that removes known secrets and token-shaped strings from every line."""

    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self.secrets = tuple(sorted((s for s in secrets if s), key=len, reverse=True))

    def format(self, record: logging.LogRecord) -> str:
        """Format the record, then redact."""
        return redact(super().format(record), self.secrets)


class JsonFormatter(RedactingFormatter):
    """One JSON object per line: ``time``, ``level``, ``logger``, ``message`` (``exception``).

    Every value is redacted before it is encoded, so a secret is caught even where JSON would
    escape it.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__("%(message)s", secrets)

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line."""
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        redacted = {key: redact(value, self.secrets) for key, value in entry.items()}
        return json.dumps(redacted, ensure_ascii=False)


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret and token-shaped string replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _TELEGRAM_TOKEN.sub(REDACTED, text)


def setup_logging(level: str, secrets: Iterable[str], log_format: str = "text") -> None:
    """Log to stderr at ``level`` as text or JSON lines, redacting ``secrets``.

    Chatty HTTP loggers are kept at WARNING.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonFormatter(secrets) if log_format == "json" else RedactingFormatter(TEXT_FORMAT, secrets)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
