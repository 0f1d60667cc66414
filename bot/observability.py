"""What an operator watches: Prometheus metrics, a health verdict, and the HTTP server for both.

The bot records into :data:`metrics` (one per process, like a logger)::

    from bot import observability
    observability.metrics.command("telegram", "done", seconds)

``roadmap-bot run`` serves ``/metrics`` (Prometheus text) and ``/healthz`` on ``METRICS_PORT``
when it is set (:class:`MetricsServer`). Label values are bounded: a command is its registry name
or ``unknown``, an outcome or error kind is one of a fixed set; no label ever carries a user id or
message text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from prometheus_client import (
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
)
from prometheus_client.exposition import choose_encoder
from prometheus_client.metrics_core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.clock import Clock, SystemClock

if TYPE_CHECKING:  # aiohttp is imported by a process that serves metrics, when it starts to
    from aiohttp import web

log = logging.getLogger(__name__)

#: The label every command outside the registry is counted under.
UNKNOWN = "unknown"
#: Reminder outcomes (``unknown`` for any other).
REMINDER_OUTCOMES = frozenset({"sent", "skipped", "failed", "disabled", "withdrawn", "uncertain"})
#: Kinds of send error, and what any other kind is counted as.
SEND_ERROR_KINDS = frozenset(
    {"permanent", "transient", "uncertain", "retry_after", "chat_moved", "other"}
)
#: Seconds a database probe may take before /healthz calls the database unreachable.
DATABASE_PROBE_TIMEOUT = 5.0

_LAG_BUCKETS = (1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 10800, float("inf"))
_STORAGE_BUCKETS = (
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, float("inf"),
)  # fmt: skip

#: ``() -> [(shard, seconds), ...]``: gateway heartbeat latencies, read at scrape time.
LatencySource = Callable[[], Iterable[tuple[int, float]]]


class _GatewayLatency(Collector):
    """Reads each platform's gateway latencies when scraped (nothing to keep up to date)."""

    def __init__(self) -> None:
        self.sources: dict[str, LatencySource] = {}

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "roadmap_bot_gateway_latency_seconds",
            "Heartbeat round trip of each gateway shard (Discord)",
            labels=["platform", "shard"],
        )
        for platform, source in self.sources.items():
            try:
                latencies = list(source())
            except Exception:  # a scrape must not fail because a client is mid-reconnect
                log.debug("gateway latency of %s unavailable", platform, exc_info=True)
                continue
            for shard, seconds in latencies:
                if seconds == seconds and seconds != float("inf"):  # not NaN (no heartbeat yet)
                    family.add_metric([platform, str(shard)], seconds)
        yield family


class Metrics:
    """Every metric the bot exports, in a registry of its own."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock: Clock = clock or SystemClock()
        self.registry = CollectorRegistry()
        for collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
            self.registry.register(collector)
        on = {"registry": self.registry}
        self._command_seconds = Histogram(
            "roadmap_bot_command_seconds",
            "Time to answer a command, by platform and command (count: commands handled)",
            ["platform", "command"],
            **on,
        )
        #: Each (platform, command)'s histogram child: ``labels()`` costs more than observing.
        self._command_timers: dict[tuple[str, str], Histogram] = {}
        self._command_failures = Counter(
            "roadmap_bot_command_failures_total",
            "Commands that failed on the bot's side",
            ["platform", "command"],
            **on,
        )
        self._answers = Counter(
            "roadmap_bot_answers_total",
            "Free-text questions answered, by intent and whether the answer was confident",
            ["intent", "confident"],
            **on,
        )
        self._unanswered = Counter(
            "roadmap_bot_unanswered_questions_total",
            "Free-text questions the bot found nothing for",
            **on,
        )
        self._reminders_due = Counter(
            "roadmap_bot_reminders_due_total", "Reminders that fell due", ["platform"], **on
        )
        self._reminders = Counter(
            "roadmap_bot_reminders_total",
            "Reminders by outcome and platform",
            ["platform", "outcome"],
            **on,
        )
        self._reminder_lag = Histogram(
            "roadmap_bot_reminder_lag_seconds",
            "How late a reminder was sent after its time",
            ["platform"],
            buckets=_LAG_BUCKETS,
            **on,
        )
        self._send_errors = Counter(
            "roadmap_bot_send_errors_total",
            "Messages a platform did not take, by kind of failure",
            ["platform", "kind"],
            **on,
        )
        self._connected = Gauge(
            "roadmap_bot_platform_connected",
            "1 while the platform's connection is up",
            ["platform"],
            **on,
        )
        self._storage_seconds = Histogram(
            "roadmap_bot_storage_seconds",
            "Time of a storage operation",
            ["operation"],
            buckets=_STORAGE_BUCKETS,
            **on,
        )
        self._storage_timers: dict[str, Histogram] = {}
        self._answer_counters: dict[tuple[str, bool], Counter] = {}
        self._latency = _GatewayLatency()
        self.registry.register(self._latency)
        self._commands: set[str] = set()
        #: platform -> when it went down (``None``: it is up).
        self._down_since: dict[str, datetime | None] = {}

    # --- recording --------------------------------------------------------------------------

    def known_commands(self, names: Iterable[str]) -> None:
        """Allow these command names as label values; any other is counted as ``unknown``."""
        self._commands.update(names)

    def command(self, platform: str, command: str, seconds: float, *, failed: bool = False) -> None:
        """One command answered in ``seconds`` (``failed``: it hit an error on our side)."""
        name = command if command in self._commands else UNKNOWN
        timer = self._command_timers.get((platform, name))
        if timer is None:
            timer = self._command_timers[platform, name] = self._command_seconds.labels(
                platform, name
            )
        timer.observe(seconds)
        if failed:
            self._command_failures.labels(platform, name).inc()

    def question(self, intent: str, *, confident: bool, unanswered: bool) -> None:
        """One free-text question understood as ``intent`` (a fixed set of names)."""
        counter = self._answer_counters.get((intent, confident))
        if counter is None:
            counter = self._answer_counters[intent, confident] = self._answers.labels(
                intent, "true" if confident else "false"
            )
        counter.inc()
        if unanswered:
            self._unanswered.inc()

    def reminder_due(self, platform: str, count: int = 1) -> None:
        """``count`` reminders fell due and were claimed for sending."""
        self._reminders_due.labels(platform).inc(count)

    def reminder(
        self, platform: str, outcome: str, *, count: int = 1, lag_seconds: float | None = None
    ) -> None:
        """``count`` reminders' outcome (:data:`REMINDER_OUTCOMES`); a sent one with its lag."""
        label = outcome if outcome in REMINDER_OUTCOMES else UNKNOWN
        self._reminders.labels(platform, label).inc(count)
        if lag_seconds is not None:
            self._reminder_lag.labels(platform).observe(max(lag_seconds, 0.0))

    def send_error(self, platform: str, kind: str) -> None:
        """A message the platform did not take (see :data:`SEND_ERROR_KINDS`)."""
        self._send_errors.labels(platform, kind if kind in SEND_ERROR_KINDS else "other").inc()

    @contextmanager
    def storage(self, operation: str) -> Iterator[None]:
        """Time the block as one storage ``operation`` (a fixed name chosen by the caller)."""
        timer = self._storage_timers.get(operation)
        if timer is None:
            timer = self._storage_timers[operation] = self._storage_seconds.labels(operation)
        start = time.perf_counter()
        try:
            yield
        finally:
            timer.observe(time.perf_counter() - start)

    def expect_platform(self, platform: str) -> None:
        """A configured platform, down until :meth:`connected` says otherwise."""
        self._down_since.setdefault(platform, self.clock.now())
        self._connected.labels(platform).set(0 if self._down_since[platform] else 1)

    def connected(self, platform: str, up: bool) -> None:
        """The platform's connection went up or down (repeating the same state is harmless)."""
        if up:
            self._down_since[platform] = None
        elif self._down_since.get(platform) is None:
            self._down_since[platform] = self.clock.now()
        self._connected.labels(platform).set(1 if up else 0)

    def watch_gateway_latency(self, platform: str, source: LatencySource) -> None:
        """Export ``source()``'s shard latencies at every scrape."""
        self._latency.sources[platform] = source

    # --- reading ----------------------------------------------------------------------------

    def down_for(self) -> dict[str, float | None]:
        """Each configured platform: seconds it has been down, or ``None`` while it is up."""
        now = self.clock.now()
        return {
            platform: None if since is None else (now - since).total_seconds()
            for platform, since in self._down_since.items()
        }

    def value(self, name: str, **labels: str) -> float:
        """A sample's current value (0 if never recorded): for tests and the benchmarks."""
        return self.registry.get_sample_value(name, labels) or 0.0


#: The process's metrics. Replace it (tests) before anything records into it.
metrics = Metrics()


@dataclass(frozen=True, slots=True)
class HealthReport:
    """The verdict /healthz gives, and why."""

    healthy: bool
    platforms: dict[str, str]
    database: str

    def as_json(self) -> dict[str, object]:
        """The body of the /healthz response."""
        return {
            "status": "ok" if self.healthy else "unhealthy",
            "platforms": self.platforms,
            "database": self.database,
        }


class Health:
    """The health verdict: a platform down past the grace period, or no database, is unhealthy."""

    def __init__(
        self,
        metrics: Metrics,
        *,
        grace_seconds: float,
        database_probe: Callable[[], Awaitable[object]] | None = None,
        probe_timeout: float = DATABASE_PROBE_TIMEOUT,
    ) -> None:
        self.metrics = metrics
        self.grace_seconds = grace_seconds
        self.database_probe = database_probe
        self.probe_timeout = probe_timeout

    async def check(self) -> HealthReport:
        """Look at every platform and probe the database."""
        platforms = {}
        healthy = True
        for platform, down in sorted(self.metrics.down_for().items()):
            if down is None:
                platforms[platform] = "connected"
            elif down <= self.grace_seconds:
                platforms[platform] = f"reconnecting ({down:.0f}s)"
            else:
                platforms[platform] = f"disconnected for {down:.0f}s"
                healthy = False
        database = "ok"
        if self.database_probe is not None:
            try:
                await asyncio.wait_for(self.database_probe(), self.probe_timeout)
            except Exception as error:  # any failure means unreachable; the reason is logged
                log.warning("health: the database did not answer: %s", type(error).__name__)
                database = f"unreachable ({type(error).__name__})"
                healthy = False
        return HealthReport(healthy, platforms, database)


class MetricsServer:
    """Serves ``/metrics`` and ``/healthz`` over HTTP on ``host:port`` (port 0: any free one)."""

    def __init__(self, health: Health, host: str, port: int) -> None:
        self.health = health
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Start listening; ``port`` is the real port afterwards. Raises ``OSError`` if taken."""
        from aiohttp import web

        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._healthz)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        try:
            await site.start()
        except OSError:
            await self.stop()
            raise
        server = site._server
        if server is not None and getattr(server, "sockets", None):
            self.port = server.sockets[0].getsockname()[1]
        log.info("serving /metrics and /healthz on %s:%d", self.host, self.port)

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def _metrics(self, request: web.Request) -> web.Response:
        from aiohttp import web

        encoder, content_type = choose_encoder(request.headers.get("Accept", ""))
        body = encoder(self.health.metrics.registry)
        return web.Response(body=body, headers={"Content-Type": content_type})

    async def _healthz(self, request: web.Request) -> web.Response:
        from aiohttp import web

        report = await self.health.check()
        return web.json_response(report.as_json(), status=200 if report.healthy else 503)
