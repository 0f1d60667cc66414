"""Settings, read from environment variables (and a ``.env`` file, if there is one).

Every setting is listed with a comment in ``.env.example``. Secrets (tokens) are kept out of
``repr()`` so they cannot leak into logs or tracebacks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

from bot.logs import LOG_FORMATS


class SettingsError(ValueError):
    """A setting has a value the bot cannot use."""


#: The shortest REMINDER_MAX_LATENESS_MINUTES accepted. A reminder is found up to one poll
#: (REMINDER_POLL_SECONDS) after its time, so a window shorter than that would skip them all.
MIN_REMINDER_LATENESS_MINUTES = 5
#: The words an on/off setting accepts.
SWITCH = {"on": True, "off": False, "true": True, "false": False, "1": True, "0": False}


def default_database_path() -> Path:
    """Where the SQLite file lives unless ``DATABASE_PATH`` says otherwise."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "roadmap-bot" / "roadmap-bot.sqlite3"


@dataclass(frozen=True)
class Settings:
    """All of the bot's settings."""

    knowledge_path: Path | None = None
    database_path: Path = field(default_factory=default_database_path)
    #: ``postgresql://user:password@host/db``: PostgreSQL instead of the SQLite file.
    database_url: str = field(default="", repr=False)
    #: Empty: INFO, or WARNING in a terminal chat (where log lines would interrupt it).
    log_level: str = ""
    log_format: str = "text"
    reminder_max_lateness_minutes: int = 180
    reminder_poll_seconds: float = 30.0
    discord_token: str = field(default="", repr=False)
    discord_guild_id: int | None = None
    discord_shard_count: int | None = None
    discord_shard_ids: tuple[int, ...] | None = None
    discord_api_base: str = ""
    discord_gateway_url: str = ""
    telegram_token: str = field(default="", repr=False)
    telegram_base_url: str = ""
    telegram_webhook_url: str = ""
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443
    telegram_webhook_secret: str = field(default="", repr=False)
    #: Serve /healthz and /metrics on this port (``None``: no HTTP server; 0: any free port).
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"
    #: How long a configured platform may stay disconnected before /healthz answers 503.
    health_grace_seconds: float = 120.0
    #: Record the free-text questions the bot could not answer (``roadmap-bot unanswered``).
    unanswered_log: bool = True
    #: Days an unanswered question is kept; 0 keeps none (and turns recording off).
    unanswered_retention_days: int = 90

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values that must never be printed or logged."""
        password = urlsplit(self.database_url).password if self.database_url else None
        return tuple(
            s
            for s in (
                self.discord_token,
                self.telegram_token,
                self.telegram_webhook_secret,
                self.database_url,
                password,
            )
            if s
        )

    @property
    def database(self) -> Path | str:
        """Where the storage lives: ``DATABASE_URL`` if set, else the SQLite file."""
        return self.database_url or self.database_path

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = None
    ) -> Settings:
        """Read settings from ``environ`` (default: the process environment) over ``env_file``.

        A ``.env`` file in the working directory is read when ``env_file`` is not given; real
        environment variables win over it.
        """
        values: dict[str, str] = {}
        dotenv = env_file if env_file is not None else Path(".env")
        if dotenv.is_file():
            values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
        values.update(os.environ if environ is None else environ)

        def text(name: str, default: str = "") -> str:
            return values.get(name, default).strip() or default

        def number(
            name: str, default: int | None, *, minimum: int = 0, why: str = ""
        ) -> int | None:
            raw = text(name)
            if not raw:
                return default
            try:
                value = int(raw)
            except ValueError:
                raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
            if value < minimum:
                raise SettingsError(f"{name} must be at least {minimum}, not {value}{why}")
            return value

        shard_ids_raw = text("DISCORD_SHARD_IDS")
        try:
            shard_ids = (
                tuple(int(part) for part in shard_ids_raw.replace(" ", "").split(",") if part)
                if shard_ids_raw
                else None
            )
        except ValueError:
            raise SettingsError(
                f"DISCORD_SHARD_IDS must be comma-separated numbers, not {shard_ids_raw!r}"
            ) from None
        shard_count = number("DISCORD_SHARD_COUNT", None, minimum=1)
        if shard_ids is not None and (
            shard_count is None or any(i >= shard_count for i in shard_ids)
        ):
            raise SettingsError(
                "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT, and every id below it"
            )
        knowledge = text("KNOWLEDGE_PATH")
        database = text("DATABASE_PATH")
        database_url = text("DATABASE_URL")
        if database_url and not database_url.startswith(("postgresql://", "postgres://")):
            raise SettingsError(
                "DATABASE_URL must be a postgresql:// URL (for SQLite, set DATABASE_PATH instead)"
            )
        try:
            poll = float(text("REMINDER_POLL_SECONDS", "30"))
        except ValueError:
            raise SettingsError("REMINDER_POLL_SECONDS must be a number of seconds") from None
        lateness = (
            number(
                "REMINDER_MAX_LATENESS_MINUTES",
                180,
                minimum=MIN_REMINDER_LATENESS_MINUTES,
                why=": reminders found later than that are skipped, and they are found up to a poll"
                " after their time",
            )
            or 180
        )
        if poll >= lateness * 60:
            raise SettingsError(
                f"REMINDER_POLL_SECONDS ({poll:g}) must be shorter than"
                f" REMINDER_MAX_LATENESS_MINUTES ({lateness} min), or every reminder is skipped"
            )
        log_format = text("LOG_FORMAT", "text").lower()
        if log_format not in LOG_FORMATS:
            raise SettingsError(
                f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}"
            )
        unanswered_log = text("UNANSWERED_LOG", "on").lower()
        if unanswered_log not in SWITCH:
            raise SettingsError(f"UNANSWERED_LOG must be on or off, not {unanswered_log!r}")
        try:
            grace = float(text("HEALTH_GRACE_SECONDS", "120"))
        except ValueError:
            raise SettingsError("HEALTH_GRACE_SECONDS must be a number of seconds") from None
        return cls(
            knowledge_path=Path(knowledge).expanduser() if knowledge else None,
            database_path=Path(database).expanduser() if database else default_database_path(),
            database_url=database_url,
            log_level=text("LOG_LEVEL").upper(),
            log_format=log_format,
            reminder_max_lateness_minutes=lateness,
            reminder_poll_seconds=max(poll, 0.1),
            discord_token=text("DISCORD_TOKEN"),
            discord_guild_id=number("DISCORD_GUILD_ID", None),
            discord_shard_count=shard_count,
            discord_shard_ids=shard_ids,
            discord_api_base=text("DISCORD_API_BASE"),
            discord_gateway_url=text("DISCORD_GATEWAY_URL"),
            telegram_token=text("TELEGRAM_TOKEN"),
            telegram_base_url=text("TELEGRAM_BASE_URL"),
            telegram_webhook_url=text("TELEGRAM_WEBHOOK_URL"),
            telegram_webhook_listen=text("TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1"),
            telegram_webhook_port=number("TELEGRAM_WEBHOOK_PORT", 8443, minimum=1) or 8443,
            telegram_webhook_secret=text("TELEGRAM_WEBHOOK_SECRET"),
            metrics_port=number("METRICS_PORT", None),
            metrics_host=text("METRICS_HOST", "127.0.0.1"),
            health_grace_seconds=max(grace, 0.0),
            unanswered_log=SWITCH[unanswered_log],
            unanswered_retention_days=number("UNANSWERED_RETENTION_DAYS", 90) or 0,
        )
