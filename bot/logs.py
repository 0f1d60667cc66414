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


class Redactor(logging.Filter):
    """Rewrites log records without the secrets it knows and token-shaped strings.

    The one redaction mechanism: :func:`setup_logging` puts it on its handler, so every line
    written is clean; an adapter that hands a secret to a chatty library also puts it on that
    library's loggers (:meth:`guard`), so records are clean before any handler sees them (a
    handler that :func:`setup_logging` did not make, say). The rewrite happens before anything
    is formatted, so a secret is caught even where JSON would escape it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._secrets: tuple[str, ...] = ()

    def add(self, *secrets: str) -> None:
        """Redact ``secrets`` from now on (longest first, so none is left half-replaced)."""
        known = {*self._secrets, *(secret for secret in secrets if secret)}
        self._secrets = tuple(sorted(known, key=len, reverse=True))

    def guard(self, prefixes: tuple[str, ...]) -> None:
        """Filter every logger whose name starts with one of ``prefixes``, existing or not."""
        existing = [n for n in logging.root.manager.loggerDict if n.startswith(prefixes)]
        for name in {*existing, *prefixes}:
            logger = logging.getLogger(name)
            if self not in logger.filters:
                logger.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message, traceback and stack without secrets; keep the record."""
        message = record.getMessage()
        clean = redact(message, self._secrets)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self._secrets)
        return True


#: The process's redactor: every secret any part of the bot knows is added here.
REDACTOR = Redactor()


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ``time``, ``level``, ``logger``, ``message`` (``exception``)."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line."""
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


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
    REDACTOR.add(*secrets)
    handler = logging.StreamHandler()
    handler.addFilter(REDACTOR)
    json_lines = log_format == "json"
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
