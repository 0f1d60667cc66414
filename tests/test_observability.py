"""/metrics and /healthz, served for real on 127.0.0.1, and what the metrics record."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest

from bot.clock import ManualClock
from bot.config import Settings, SettingsError
from bot.observability import Health, Metrics, MetricsServer
from tests.conftest import START


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def metrics(clock) -> Metrics:
    return Metrics(clock)


async def serve(health: Health) -> MetricsServer:
    server = MetricsServer(health, "127.0.0.1", 0)
    await server.start()
    return server


async def get(server: MetricsServer, path: str) -> tuple[int, str, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{server.port}{path}") as response,
    ):
        return response.status, response.headers["Content-Type"], await response.text()


async def test_metrics_endpoint_serves_prometheus_text_with_bounded_labels(metrics) -> None:
    metrics.known_commands(["done", "ask"])
    metrics.command("telegram", "done", 0.02)
    metrics.command("telegram", "done", 0.03, failed=True)
    metrics.command("discord", "user-4242 typed this", 0.01)
    metrics.question("compare", confident=True, unanswered=False)
    metrics.question("unknown", confident=False, unanswered=True)
    metrics.reminder_due("telegram", 3)
    metrics.reminder("telegram", "sent", lag_seconds=12.5)
    metrics.reminder("telegram", "exploded")
    metrics.send_error("discord", "permanent")
    metrics.send_error("discord", "whatever 42")
    metrics.expect_platform("discord")
    metrics.connected("telegram", True)
    metrics.watch_gateway_latency("discord", lambda: [(0, 0.042), (1, float("nan"))])
    with metrics.storage("mark_done"):
        pass
    server = await serve(Health(metrics, grace_seconds=60))
    try:
        status, content_type, body = await get(server, "/metrics")
    finally:
        await server.stop()
    assert status == 200 and content_type.startswith("text/plain")
    lines = body.splitlines()
    expected = [
        'roadmap_bot_command_seconds_count{command="done",platform="telegram"} 2.0',
        'roadmap_bot_command_seconds_count{command="unknown",platform="discord"} 1.0',
        'roadmap_bot_command_failures_total{command="done",platform="telegram"} 1.0',
        'roadmap_bot_answers_total{confident="true",intent="compare"} 1.0',
        'roadmap_bot_answers_total{confident="false",intent="unknown"} 1.0',
        "roadmap_bot_unanswered_questions_total 1.0",
        'roadmap_bot_reminders_due_total{platform="telegram"} 3.0',
        'roadmap_bot_reminders_total{outcome="sent",platform="telegram"} 1.0',
        'roadmap_bot_reminders_total{outcome="unknown",platform="telegram"} 1.0',
        'roadmap_bot_reminder_lag_seconds_bucket{le="15.0",platform="telegram"} 1.0',
        'roadmap_bot_send_errors_total{kind="permanent",platform="discord"} 1.0',
        'roadmap_bot_send_errors_total{kind="other",platform="discord"} 1.0',
        'roadmap_bot_platform_connected{platform="discord"} 0.0',
        'roadmap_bot_platform_connected{platform="telegram"} 1.0',
        'roadmap_bot_gateway_latency_seconds{platform="discord",shard="0"} 0.042',
        'roadmap_bot_storage_seconds_count{operation="mark_done"} 1.0',
    ]
    for line in expected:
        assert line in lines, line
    # Nothing typed becomes a label value. Only names and labels are searched: sample values
    # include wall-clock timestamps (the *_created samples), which may contain any digits.
    names_and_labels = "\n".join(
        line.rpartition(" ")[0] for line in lines if line and not line.startswith("#")
    )
    assert "4242" not in names_and_labels
    assert "whatever" not in names_and_labels and "exploded" not in names_and_labels
    assert 'shard="1"' not in body  # no heartbeat yet: no sample rather than NaN
    assert "process_cpu_seconds_total" in body


async def test_healthz_is_ok_while_platforms_are_up_or_within_grace(metrics, clock) -> None:
    metrics.expect_platform("discord")
    metrics.expect_platform("telegram")
    metrics.connected("telegram", True)
    server = await serve(Health(metrics, grace_seconds=60))
    try:
        clock.advance(60)
        status, content_type, body = await get(server, "/healthz")
        assert status == 200 and content_type.startswith("application/json")
        assert '"discord": "reconnecting (60s)"' in body and '"telegram": "connected"' in body

        clock.advance(1)
        status, _, body = await get(server, "/healthz")
        assert status == 503 and '"discord": "disconnected for 61s"' in body

        metrics.connected("discord", True)
        assert (await get(server, "/healthz"))[0] == 200
        metrics.connected("telegram", False)
        clock.advance(30)
        metrics.connected("telegram", False)  # still down: the outage started 30 s ago
        clock.advance(31)
        status, _, body = await get(server, "/healthz")
        assert status == 503 and '"telegram": "disconnected for 61s"' in body
    finally:
        await server.stop()


async def test_healthz_is_503_when_the_database_fails_or_hangs(metrics) -> None:
    async def broken() -> None:
        raise ConnectionRefusedError("postgresql://user:hunter2@db/bot refused")

    async def hanging() -> None:
        await asyncio.Event().wait()

    for probe, reason in [(broken, "ConnectionRefusedError"), (hanging, "TimeoutError")]:
        server = await serve(
            Health(metrics, grace_seconds=60, database_probe=probe, probe_timeout=0.05)
        )
        try:
            status, _, body = await get(server, "/healthz")
        finally:
            await server.stop()
        assert status == 503
        assert f'"database": "unreachable ({reason})"' in body
        assert "hunter2" not in body


async def test_a_taken_port_raises_and_leaves_nothing_listening(metrics) -> None:
    first = await serve(Health(metrics, grace_seconds=60))
    try:
        second = MetricsServer(Health(metrics, grace_seconds=60), "127.0.0.1", first.port)
        with pytest.raises(OSError):
            await second.start()
    finally:
        await first.stop()


def test_metrics_settings() -> None:
    none = Path("/nonexistent")
    default = Settings.from_env({}, env_file=none)
    assert default.metrics_port is None and default.metrics_host == "127.0.0.1"
    settings = Settings.from_env(
        {"METRICS_PORT": "9100", "METRICS_HOST": "0.0.0.0", "HEALTH_GRACE_SECONDS": "30"},
        env_file=none,
    )
    assert (settings.metrics_port, settings.metrics_host, settings.health_grace_seconds) == (
        9100,
        "0.0.0.0",
        30.0,
    )
    with pytest.raises(SettingsError, match="METRICS_PORT"):
        Settings.from_env({"METRICS_PORT": "http"}, env_file=none)
    with pytest.raises(SettingsError, match="HEALTH_GRACE_SECONDS"):
        Settings.from_env({"HEALTH_GRACE_SECONDS": "soon"}, env_file=none)


@pytest.fixture
def recorded(monkeypatch, clock) -> Metrics:
    """A fresh process-wide Metrics that the bot records into during the test."""
    from bot import observability

    fresh = Metrics(clock)
    monkeypatch.setattr(observability, "metrics", fresh)
    return fresh


async def test_the_core_records_commands_questions_and_failures(
    recorded, knowledge, storage, clock, monkeypatch
) -> None:
    from bot.core import Core
    from tests.conftest import say

    core = Core(knowledge, storage, clock=clock)  # registers the command names
    await say(core, "/lang python", platform="telegram")
    await say(core, "/secret-user-command 4242", platform="telegram")
    await say(core, "django or flask?", platform="discord")
    await say(core, "what is the airspeed of an unladen swallow", platform="discord")

    async def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(core.commands, "next", replace(core.commands["next"], handler=broken))
    await say(core, "/next", platform="console")

    def count(command: str, platform: str) -> float:
        labels = {"platform": platform, "command": command}
        return recorded.value("roadmap_bot_command_seconds_count", **labels)

    assert count("lang", "telegram") == 1
    assert count("unknown", "telegram") == 1
    assert count("ask", "discord") == 2
    assert count("next", "console") == 1
    assert recorded.value("roadmap_bot_command_failures_total", platform="console", command="next")
    assert recorded.value("roadmap_bot_answers_total", intent="compare", confident="true") == 1
    assert recorded.value("roadmap_bot_unanswered_questions_total") == 1
    # nothing a user typed becomes a label value
    samples = [sample for metric in recorded.registry.collect() for sample in metric.samples]
    text = "\n".join(str(sample.labels) for sample in samples)
    assert "secret" not in text and "4242" not in text and "swallow" not in text


class ScriptedOutbox:
    """Sends to every chat, except that a chat's scripted errors are raised first."""

    platform = "telegram"
    overall_rate = 30.0
    per_chat_interval = 1.0

    def __init__(self, failures: dict[str, list[Exception]]) -> None:
        self.failures = failures
        self.sent: list[str] = []

    async def deliver(self, delivery, reply) -> None:
        if self.failures.get(delivery.chat_id):
            raise self.failures[delivery.chat_id].pop(0)
        self.sent.append(delivery.chat_id)


async def test_the_reminder_engine_records_due_outcomes_lag_and_send_errors(
    recorded, knowledge, storage, clock
) -> None:
    from datetime import timedelta

    from bot.config import Settings
    from bot.core import Core
    from bot.delivery import PermanentDeliveryError, TransientDeliveryError
    from bot.serve import reminder_engine
    from tests.conftest import make_request

    core = Core(knowledge, storage, clock=clock)
    for user in ("1", "2", "3"):
        await core.handle(make_request("remind", "10:00 utc", user=user))
    outbox = ScriptedOutbox(
        {"2": [TransientDeliveryError("502")], "3": [PermanentDeliveryError("blocked")]}
    )
    engine = reminder_engine(core, {outbox.platform: outbox}, Settings())
    clock.set(START.replace(hour=10) + timedelta(seconds=5))
    await engine.run_once()
    assert sorted(outbox.sent) == ["1", "2"]

    def value(name: str, **labels: str) -> float:
        return recorded.value(name, platform="telegram", **labels)

    assert value("roadmap_bot_reminders_due_total") == 3
    assert value("roadmap_bot_reminders_total", outcome="sent") == 2
    assert value("roadmap_bot_reminders_total", outcome="disabled") == 1
    assert value("roadmap_bot_send_errors_total", kind="transient") == 1
    assert value("roadmap_bot_send_errors_total", kind="permanent") == 1
    assert value("roadmap_bot_reminder_lag_seconds_count") == 2
    assert value("roadmap_bot_reminder_lag_seconds_bucket", le="1.0") == 0
    # each went out at least 5 s after 10:00 (the manual clock also runs through the backoff)
    assert value("roadmap_bot_reminder_lag_seconds_sum") >= 2 * 5


async def test_sqlite_storage_times_reads_commits_and_transactions(recorded, tmp_path) -> None:
    from bot.storage import open_storage

    async with await open_storage(tmp_path / "bot.sqlite3") as storage:
        await storage.mark_done("telegram:1", "python", START, START.date())
        await storage.ping()
        async with storage.db.transaction() as transaction:
            await transaction.execute("SELECT 1")
    for operation in ("read", "commit", "transaction"):
        assert recorded.value("roadmap_bot_storage_seconds_count", operation=operation) >= 1


async def test_a_reminder_turned_off_between_claim_and_send_counts_as_withdrawn(
    recorded, knowledge, storage, clock
) -> None:
    from datetime import timedelta

    from bot.config import Settings
    from bot.core import Core
    from bot.serve import reminder_engine
    from tests.conftest import make_request

    core = Core(knowledge, storage, clock=clock)
    await core.handle(make_request("remind", "10:00 utc", user="1"))
    outbox = ScriptedOutbox({})
    engine = reminder_engine(core, {outbox.platform: outbox}, Settings())
    build, turned_off = engine.build, asyncio.Event()

    async def build_once_off(claim):  # the send starts only after the user turned it off
        await turned_off.wait()
        return await build(claim)

    engine.build = build_once_off
    clock.set(START.replace(hour=10) + timedelta(seconds=5))
    assert (await engine.poll()).claimed == 1
    await core.handle(make_request("remind", "off", user="1"))
    turned_off.set()
    await engine.wait_idle()
    assert outbox.sent == []
    labels = {"platform": "telegram", "outcome": "withdrawn"}
    assert recorded.value("roadmap_bot_reminders_total", **labels) == 1
