"""A real ``roadmap-bot run`` as an operator sees it: JSON logs, /healthz, /metrics, exit codes."""

from __future__ import annotations

import asyncio
import json
import re

import aiohttp
import pytest

from tests.conftest import DISCORD_TOKEN, start_bot_process, stop_bot_process
from tests.conftest import TELEGRAM_TOKEN as TOKEN

RUNNING = re.compile("roadmap-bot is running")
ADA = 4201
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
SERVING = re.compile(r"serving /metrics and /healthz on 127\.0\.0\.1:(\d+)")


class Bot:
    """A ``roadmap-bot run`` process logging JSON, with its /metrics port read from its log."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self.port = 0

    async def read_until(self, pattern: re.Pattern[str], seconds: float = 30) -> re.Match[str]:
        async def scan() -> re.Match[str]:
            assert self.process.stdout is not None
            while line := (await self.process.stdout.readline()).decode():
                self.lines.append(line)
                if match := pattern.search(json.loads(line)["message"]):
                    return match
            raise AssertionError("the bot exited:\n" + "".join(self.lines))

        return await asyncio.wait_for(scan(), seconds)

    async def get(self, path: str) -> tuple[int, str]:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{self.port}{path}") as response,
        ):
            return response.status, await response.text()

    async def exit_code(self, seconds: float = 30) -> int:
        """Wait for the process to end by itself."""
        return await asyncio.wait_for(self.process.wait(), seconds)

    async def finish(self, seconds: float = 30) -> str:
        """Wait for the exit (SIGTERM first if it is still running); all output, checked."""
        rest = await stop_bot_process(self.process, seconds)
        self.lines.extend(rest.splitlines(keepends=True))
        output = "".join(self.lines)
        assert TOKEN not in output and DISCORD_TOKEN not in output
        for line in self.lines:
            json.loads(line)  # every line is a JSON object, tracebacks included
        return output


async def start(tmp_path, settings: dict[str, str]) -> Bot:
    process = await start_bot_process(
        tmp_path, {"METRICS_PORT": "0", "LOG_FORMAT": "json", **settings}
    )
    bot = Bot(process)
    bot.port = int((await bot.read_until(SERVING)).group(1))
    return bot


async def test_healthz_and_metrics_of_a_running_bot(tmp_path, telegram) -> None:
    bot = await start(tmp_path, {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_BASE_URL": telegram.base_url})
    try:
        await bot.read_until(RUNNING)
        status, body = await bot.get("/healthz")
        assert status == 200, body
        assert json.loads(body) == {
            "status": "ok",
            "platforms": {"telegram": "connected"},
            "database": "ok",
        }
        await telegram.send_text("/lang python", user=ADA)
        await telegram.replies(ADA, 1)
        status, body = await bot.get("/metrics")
        assert status == 200
        assert 'roadmap_bot_platform_connected{platform="telegram"} 1.0' in body
        assert 'roadmap_bot_command_seconds_count{command="lang",platform="telegram"} 1.0' in body
    finally:
        output = await bot.finish()
    assert bot.process.returncode == 0, output


async def test_telegram_keeps_polling_through_errors_and_exits_3_when_the_token_is_revoked(
    tmp_path, telegram
) -> None:
    bot = await start(tmp_path, {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_BASE_URL": telegram.base_url})
    try:
        await bot.read_until(RUNNING)
        telegram.fail("getUpdates", 502, "Bad Gateway")  # transient: polling goes on
        await telegram.send_text("/help", user=ADA)  # ends the long poll in flight
        await telegram.wait_for(
            lambda: any(c.method == "getUpdates" and c.error for c in telegram.calls)
        )
        polls = telegram.polls
        await telegram.wait_for(lambda: telegram.polls > polls)
        assert bot.process.returncode is None
        assert (await bot.get("/healthz"))[0] == 200

        telegram.token = "987654321:revoked-revoked-revoked-revoked-xx"
        await telegram.send_text("/help", user=ADA)
        assert await bot.exit_code() == 3
    finally:
        output = await bot.finish()
    assert "telegram stopped for good: Telegram no longer accepts the bot token" in output
    assert "Exiting with status 3" in output


async def test_a_second_telegram_poller_with_the_same_token_is_refused_and_exits_3(
    tmp_path, telegram
) -> None:
    """Telegram lets one getUpdates consumer per token: the newcomer says why and exits 3."""
    settings = {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_BASE_URL": telegram.base_url}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = await start(tmp_path / "a", settings)
    second: Bot | None = None
    try:
        await first.read_until(RUNNING)
        await telegram.send_text("/help", user=ADA)
        await telegram.replies(ADA, 1)
        second = await start(tmp_path / "b", settings)
        assert await second.exit_code() == 3
        await telegram.send_text("/help", user=ADA)  # the first poller still answers
        await telegram.replies(ADA, 1, after=1)
        assert first.process.returncode is None
    finally:
        first_output = await first.finish()
        second_output = await second.finish() if second is not None else ""
    assert first.process.returncode == 0, first_output
    assert (
        "telegram stopped for good: another process is polling Telegram with this token"
        " (409 Conflict)" in second_output
    )
    assert "use webhook mode (TELEGRAM_WEBHOOK_URL) to run several processes" in second_output


async def test_discord_resumes_after_a_transient_close_and_exits_3_on_close_code_4004(
    tmp_path, discord
) -> None:
    bot = await start(
        tmp_path,
        {
            "DISCORD_TOKEN": DISCORD_TOKEN,
            "DISCORD_API_BASE": discord.api_base,
            "DISCORD_GATEWAY_URL": discord.gateway_url,
        },
    )
    try:
        await bot.read_until(RUNNING)
        await discord.sockets[-1].close(code=4000)  # "unknown error": Discord says reconnect
        await bot.read_until(re.compile("Discord: shard 0 disconnected"))
        await bot.read_until(re.compile("Discord: shard 0 resumed"))
        assert discord.resumes == 1
        assert json.loads((await bot.get("/healthz"))[1])["platforms"] == {"discord": "connected"}
        body = (await bot.get("/metrics"))[1]
        assert 'roadmap_bot_platform_connected{platform="discord"} 1.0' in body

        await discord.sockets[-1].close(code=4004, message=b"Authentication failed.")
        assert await bot.exit_code() == 3
    finally:
        output = await bot.finish()
    assert "discord stopped for good: Discord rejected the bot token (DISCORD_TOKEN)" in output


def test_pip_install_ships_every_package_of_the_source_tree() -> None:
    """Every folder of bot/ and adapters/ with an __init__.py is a package pyproject.toml names.

    A package left out installs without error and fails only on import ("No module named
    bot.questions"), far from the change that made it.
    """
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(root).parts)
        for top in ("bot", "adapters")
        for init in (root / top).rglob("__init__.py")
    }
    assert found - listed == set(), f"pyproject.toml does not name {sorted(found - listed)}"


def test_the_image_build_copies_everything_pip_install_needs() -> None:
    """Every package folder and file pyproject.toml names is COPYed into the Docker build."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text())
    setuptools = project["tool"]["setuptools"]
    needed = {"pyproject.toml", project["project"]["readme"]}
    needed |= {
        setuptools["package-dir"].get(p, p.replace(".", "/")) for p in setuptools["packages"]
    }
    copied = set()
    for line in (root / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY ") and "--from" not in line:
            copied.update(line.split()[1:-1])
    missing = {path for path in needed if not any(path.split("/")[0] == c for c in copied)}
    assert not missing, f"Dockerfile does not COPY {sorted(missing)}"
    ignored = (root / ".dockerignore").read_text().split()
    assert not {path.split("/")[0] for path in needed} & set(ignored)
