"""Log output: text or JSON lines, with secrets redacted either way."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError
from bot.logs import REDACTED, Redactor, setup_logging

TOKEN = "123456789:AAExampleExampleExampleExampleExample_x"
SECRET = 'discord"secret\\with-quotes'


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_level_logger_message_and_exception(capsys, restore_logging) -> None:
    setup_logging("INFO", [SECRET], "json")
    log = logging.getLogger("roadmap_bot.test")
    log.info("GET https://api.telegram.org/bot%s/getUpdates", TOKEN)
    try:
        raise RuntimeError(f"login failed for {SECRET}")
    except RuntimeError:
        log.exception("adapter crashed")
    log.debug("not shown at INFO")
    lines = capsys.readouterr().err.splitlines()
    entries = [json.loads(line) for line in lines]
    assert [e["level"] for e in entries] == ["INFO", "ERROR"]
    assert entries[0]["logger"] == "roadmap_bot.test"
    assert entries[0]["message"] == f"GET https://api.telegram.org/bot{REDACTED}/getUpdates"
    assert entries[1]["message"] == "adapter crashed"
    assert "RuntimeError: login failed for [redacted]" in entries[1]["exception"]
    assert entries[0]["time"].endswith("+00:00")
    output = "\n".join(lines)
    assert TOKEN not in output and "secret" not in output


def test_text_is_the_default_and_redacts_too(capsys, restore_logging) -> None:
    setup_logging("INFO", [SECRET], Settings.from_env({}, env_file=Path("/nonexistent")).log_format)
    logging.getLogger("x").warning("token %s and %s", TOKEN, SECRET)
    line = capsys.readouterr().err.strip()
    assert line.endswith(f"WARNING x: token {REDACTED} and {REDACTED}")


def test_log_format_setting_is_checked() -> None:
    settings = Settings.from_env({"LOG_FORMAT": " JSON "}, env_file=Path("/nonexistent"))
    assert settings.log_format == "json"
    with pytest.raises(SettingsError, match="LOG_FORMAT must be one of text, json"):
        Settings.from_env({"LOG_FORMAT": "yaml"}, env_file=Path("/nonexistent"))


def test_a_guarded_library_logs_no_secret_to_any_handler(caplog) -> None:
    library = logging.getLogger("roadmap_bot_test_library.http")
    redactor = Redactor()
    redactor.add(SECRET)
    redactor.guard(("roadmap_bot_test_library",))
    with caplog.at_level(logging.INFO):  # pytest's own handler, not one setup_logging made
        library.info("GET /bot%s/getMe with %s", TOKEN, SECRET)
        try:
            raise RuntimeError(SECRET)
        except RuntimeError:
            library.exception("failed")
    assert caplog.messages[0] == f"GET /bot{REDACTED}/getMe with {REDACTED}"
    assert SECRET not in caplog.text and TOKEN not in caplog.text
