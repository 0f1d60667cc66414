"""The roadmap-bot command line, run as a real process the way users run it."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.logs import REDACTED, Redactor

ROOT = Path(__file__).resolve().parents[1]


def bot_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a bot process: no platform tokens, the worktree importable."""
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TELEGRAM_"))}
    clean_env["PYTHONPATH"] = str(ROOT)
    clean_env.update(env or {})
    return clean_env


def run_bot(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=bot_env(env),
        cwd=cwd or ROOT,
        timeout=60,
        check=False,
    )


def test_ask_json_reads_questions_from_stdin(tmp_path: Path) -> None:
    result = run_bot(
        "ask",
        "--json",
        stdin="django vs flask\n\ntell me a joke\nwhich db for a library system\n",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["q"] for r in records] == [
        "django vs flask",
        "tell me a joke",
        "which db for a library system",
    ]
    assert records[0]["intent"] == "compare" and records[0]["confident"] is True
    assert [t["id"] for t in records[0]["topics"]] == ["django", "flask"]
    assert records[0]["topics"][0]["title"] == "Django" and "Django vs Flask" in records[0]["reply"]
    assert records[1]["intent"] == "unknown" and records[1]["confident"] is False
    assert records[2]["intent"] == "use_case" and records[2]["topics"][0]["id"] == "mysql"


def test_ask_one_question_in_plain_text(tmp_path: Path) -> None:
    result = run_bot("ask", "what", "is", "graphql", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("GraphQL")


def test_console_keeps_progress_across_runs(tmp_path: Path) -> None:
    env = {"DATABASE_PATH": str(tmp_path / "deep" / "folder" / "bot.sqlite3")}
    first = run_bot(
        "console", stdin="/track python\n/done djnago\n/done flask\n", env=env, cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr
    second = run_bot("console", stdin="/progress\n", env=env, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Python" in second.stdout and "2/" in second.stdout


def test_console_answers_every_piped_line(tmp_path: Path) -> None:
    lines = [
        "/start",
        "/roadmap",
        "/lang python",
        "/compare sql vs nosql",
        "/resources docker",
        "/projects go",
        "/ask best language for real time apps",
        "who won the world cup",
        "/nonsense",
    ]
    result = run_bot(
        "console", stdin="\n".join(lines) + "\n", env={"DATABASE_PATH": str(tmp_path / "db")}
    )
    assert result.returncode == 0, result.stderr
    for expected in [
        "Welcome",
        "Essential Programming Languages",
        "Python",
        "SQL Databases vs NoSQL",
        "Resources: Docker",
        "Project ideas: Go",
        "JavaScript",
        "I only know the roadmap",
        "Unknown command",
    ]:
        assert expected in result.stdout, expected


CHAT_PLATFORMS = ("discord", "telegram", "adapters.discord", "adapters.telegram")
REMINDER_ENGINE = "bot.reminders.engine"


#: Runs ``python -m bot ARGS…`` and, at exit, writes the names in ``sys.modules`` to ``argv[1]``
#: (``-X importtime`` would miss modules loaded through ``importlib.import_module``).
LIST_MODULES = """
import atexit, runpy, sys
listing = sys.argv.pop(1)
atexit.register(lambda: open(listing, "w").write("\\n".join(sys.modules)))
sys.argv[0] = "roadmap-bot"
runpy.run_module("bot", run_name="__main__", alter_sys=True)
"""


def imported_by(
    tmp_path: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> set[str]:
    """The modules a ``roadmap-bot`` process has imported when it exits."""
    listing = tmp_path / "modules.txt"
    result = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, str(listing), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=bot_env(env),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(listing.read_text().split("\n"))


def loaded(modules: set[str], *packages: str) -> set[str]:
    """The ``modules`` that are one of ``packages`` or inside one."""
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)}


@pytest.mark.parametrize(
    "args", [("ask", "what is python"), ("validate",)], ids=["ask", "validate"]
)
def test_ask_and_validate_load_no_chat_platform_nor_reminder_engine(tmp_path, args) -> None:
    modules = imported_by(tmp_path, *args)
    assert "bot.knowledge" in modules  # the listing is real
    assert loaded(modules, *CHAT_PLATFORMS, REMINDER_ENGINE, "aiohttp", "aiosqlite") == set()


def test_console_loads_no_chat_platform(tmp_path: Path) -> None:
    env = {"DATABASE_PATH": str(tmp_path / "db")}
    modules = imported_by(tmp_path, "console", stdin="/lang go\n", env=env)
    assert REMINDER_ENGINE in modules  # reminders are printed in the terminal chat
    assert loaded(modules, *CHAT_PLATFORMS) == set()


def read_only(folder: Path) -> list[str]:
    """Make ``folder`` read-only for a child process; the command prefix to run that child with.

    Permission bits are enough for an ordinary user. Root ignores them, so it gets a read-only
    bind mount in a private mount namespace instead (skipped where that is not allowed).
    """
    folder.chmod(0o555)
    probe = folder / "probe"
    try:
        probe.touch()
    except PermissionError:
        return []
    probe.unlink()
    script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    prefix = ["unshare", "--mount", "sh", "-c", script, str(folder)]
    if shutil.which("unshare") is None:
        pytest.skip("root, and no unshare to make a read-only folder with")
    check = subprocess.run([*prefix, "touch", str(probe)], capture_output=True, check=False)
    if check.returncode == 0 or b"Read-only" not in check.stderr:
        pytest.skip("root, and not allowed to mount a read-only folder")
    return prefix


@pytest.mark.parametrize("existing", [False, True])
def test_a_read_only_folder_is_named_as_the_reason_the_bot_cannot_start(
    tmp_path: Path, existing: bool
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "bot.sqlite3"
    if existing:
        assert run_bot("console", stdin="/track python\n", env={"DATABASE_PATH": str(path)})
    prefix = read_only(folder)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "bot", "console"],
            input="/lang python\n",
            capture_output=True,
            text=True,
            env=bot_env({"DATABASE_PATH": str(path)}),
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert f"the folder {folder} is read-only" in result.stderr
    assert "damaged" not in result.stderr and "move it away" not in result.stderr.casefold()
    assert "Traceback" not in result.stderr


def test_run_without_tokens_or_terminal_explains_what_to_do(tmp_path: Path) -> None:
    result = run_bot("run", env={"DATABASE_PATH": str(tmp_path / "db")})
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr and "TELEGRAM_TOKEN" in result.stderr


def test_broken_knowledge_file_stops_the_bot_with_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "roadmap.yaml"
    broken.write_text("version: 1\nroadmap: {id: x, title: X}\nsections: []\ntopics: []\n")
    result = run_bot(
        "console", env={"KNOWLEDGE_PATH": str(broken), "DATABASE_PATH": str(tmp_path / "db")}
    )
    assert result.returncode == 2
    assert f"{broken}:2: roadmap.summary: is required" in result.stderr
    assert not (tmp_path / "db").exists()


def test_env_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    from bot.config import Settings

    (tmp_path / ".env").write_text("LOG_LEVEL=debug\nDATABASE_PATH=/from/dotenv\n")
    settings = Settings.from_env({"DATABASE_PATH": "/from/env"}, env_file=tmp_path / ".env")
    assert settings.log_level == "DEBUG" and str(settings.database_path) == "/from/env"
    assert "secret-token" not in repr(Settings(telegram_token="secret-token"))


@pytest.mark.parametrize("value", ["abc", "-1"])
def test_bad_numeric_settings_are_reported(value: str) -> None:
    from bot.config import Settings, SettingsError

    with pytest.raises(SettingsError, match="DISCORD_GUILD_ID"):
        Settings.from_env({"DISCORD_GUILD_ID": value}, env_file=Path("/nonexistent"))


def test_log_lines_never_contain_secrets() -> None:
    token = "123456789:AAExampleExampleExampleExampleExample_x"
    redactor = Redactor()
    redactor.add("discord-secret")
    formatter = logging.Formatter("%(message)s")
    for message in [
        f"GET https://api.telegram.org/bot{token}/getUpdates",
        "login with discord-secret ok",
    ]:
        record = logging.LogRecord("x", logging.INFO, __file__, 1, message, None, None)
        assert redactor.filter(record)
        line = formatter.format(record)
        assert token not in line and "discord-secret" not in line and REDACTED in line


def test_console_survives_input_that_is_not_utf8(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=b"/topic caf\xe9\n/lang go\n",
        capture_output=True,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "TELEGRAM_"))},
            "PYTHONPATH": str(ROOT),
            "PYTHONIOENCODING": "utf-8",
            "DATABASE_PATH": str(tmp_path / "db.sqlite3"),
        },
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert "couldn't find a topic" in out
    assert "Go (Golang)" in out  # the next line is still answered


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["ask", "what is django"], b""),
        (["ask", "--json"], b"django vs flask\nwhat is go\n"),
        (["console"], b"/lang python\n/roadmap\n"),
    ],
)
def test_a_reader_that_goes_away_ends_the_command_quietly(
    tmp_path: Path, args: list[str], stdin: bytes
) -> None:
    # `roadmap-bot ask … | head -n 1` where head is gone before the answer is written: the
    # read end is closed before the process writes anything, so every write meets a broken pipe.
    reader, writer = os.pipe()
    os.close(reader)
    with open(tmp_path / "stderr", "wb") as stderr:
        result = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            input=stdin,
            stdout=writer,
            stderr=stderr,
            env=bot_env({"DATABASE_PATH": str(tmp_path / "db.sqlite3")}),
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    os.close(writer)
    errors = (tmp_path / "stderr").read_text()
    assert result.returncode == 0, errors
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors


def test_unanswered_lists_what_the_bot_could_not_answer_grouped(
    tmp_path: Path, database: Path | str
) -> None:
    """On SQLite and on PostgreSQL (``database`` is a path or a postgresql:// URL)."""
    key = "DATABASE_PATH" if isinstance(database, Path) else "DATABASE_URL"
    env = {key: str(database)}
    questions = "what is scala\nWhat is Scala?\nhow do i tune a guitar\nwhat is django\n"
    assert run_bot("console", stdin=questions, env=env, cwd=tmp_path).returncode == 0
    result = run_bot("unanswered", "--json", "--since", "7", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["since_days"] == 7 and report["recording"] is True
    assert report["questions"] == 3
    assert [(g["count"], g["outcome"]) for g in report["groups"]] == [
        (2, "not_covered"),
        (1, "refused"),
    ]
    scala = report["groups"][0]
    assert scala["text"].casefold().startswith("what is scala")
    assert scala["platforms"] == ["console"] and scala["intent"] == "topic"
    assert scala["last_seen"].endswith("+00:00")
    text = run_bot("unanswered", env=env, cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("3 unanswered questions recorded, in 2 groups")
    assert "2× " in text.stdout and "how do i tune a guitar" in text.stdout


def test_unanswered_recording_off_and_bad_since(tmp_path: Path) -> None:
    env = {"DATABASE_PATH": str(tmp_path / "bot.sqlite3"), "UNANSWERED_LOG": "off"}
    assert run_bot("console", stdin="what is scala\n", env=env, cwd=tmp_path).returncode == 0
    result = run_bot("unanswered", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Recording is off" in result.stdout and "No unanswered questions" in result.stdout
    bad = run_bot("unanswered", "--since", "soon", env=env, cwd=tmp_path)
    assert bad.returncode == 2 and "--since" in bad.stderr
