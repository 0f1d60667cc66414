"""Running the bot: the chat platforms, the terminal chat, reminders and the metrics server."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import signal
import sys
from collections.abc import AsyncIterator, Mapping

from bot import observability
from bot.config import Settings
from bot.core import Core
from bot.delivery import Outbox, PlatformAdapter
from bot.knowledge import Knowledge
from bot.reminders.engine import ReminderEngine
from bot.reminders.message import ReminderWriter
from bot.startup import INTERRUPTED, PLATFORMS, Failure, open_storage_or_fail, platforms
from bot.storage import Storage

log = logging.getLogger("roadmap_bot")

SETUP_HINT = "set DISCORD_TOKEN and/or TELEGRAM_TOKEN, see .env.example"
#: The exit status when a running platform adapter stopped for good (say, its token revoked).
EXIT_PLATFORM_LOST = 3


async def open_core(knowledge: Knowledge, settings: Settings) -> tuple[Core, Storage]:
    """Open the database, carry learners' data over renamed topic ids, and make the core."""
    storage = await open_storage_or_fail(settings)
    try:
        moved = await storage.carry_over(knowledge.renamed)
        core = Core(knowledge, storage, settings=settings)
        await core.unanswered.prune()
    except BaseException:
        await storage.close()
        raise
    if moved:
        log.info("carried %d ticks, reviews and tracks over to renamed topic ids", moved)
    return core, storage


async def run_console(knowledge: Knowledge, settings: Settings, *, note: str = "") -> int:
    """Chat in the terminal (or answer piped lines), with reminders printed as they fall due.

    Returns the exit status: 0, or :data:`INTERRUPTED` when Ctrl-C ended the chat.
    """
    from adapters.console import ConsoleAdapter

    core, storage = await open_core(knowledge, settings)
    try:
        console = ConsoleAdapter(core)
        if console.interactive:
            print(note or f"{knowledge.info.title}: type /help, a question, or /quit.")
        async with _reminders(core, settings, {console.platform: console.outbox}):
            await console.run()
    finally:
        await core.close()
        await storage.close()
    return INTERRUPTED if console.interrupted else 0


def console(knowledge: Knowledge, settings: Settings) -> int:
    """``roadmap-bot console``: chat in this terminal, or answer piped lines."""
    return asyncio.run(run_console(knowledge, settings))


def run(knowledge: Knowledge, settings: Settings) -> int:
    """Start every configured platform; with none, chat in the terminal if there is one."""
    enabled = platforms(settings)
    if not enabled:
        if sys.stdin.isatty():
            note = f"No chat platform configured ({SETUP_HINT}); chatting here. /help, /quit."
            return asyncio.run(run_console(knowledge, settings, note=note))
        raise Failure(
            f"no chat platform configured and no terminal to chat in: {SETUP_HINT}, "
            "or use `roadmap-bot console` to pipe commands in"
        )
    return asyncio.run(_serve(knowledge, settings, enabled))


async def _serve(knowledge: Knowledge, settings: Settings, enabled: list[str]) -> int:
    core, storage = await open_core(knowledge, settings)
    adapters: list[PlatformAdapter] = []
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    server: observability.MetricsServer | None = None
    status = 0
    try:
        server = await _serve_metrics(settings, storage)
        for name in enabled:
            observability.metrics.expect_platform(name)
        for name in enabled:
            module = importlib.import_module(PLATFORMS[name][0])
            adapter: PlatformAdapter = module.create_adapter(core, settings)
            await adapter.start()
            adapters.append(adapter)
            observability.metrics.connected(adapter.platform, True)
            log.info("%s adapter started", name)
        outboxes = {adapter.platform: adapter.outbox for adapter in adapters}
        async with _reminders(core, settings, outboxes):
            log.info("roadmap-bot is running (%s); stop with Ctrl+C or SIGTERM", ", ".join(enabled))
            status = await _until_stopped(stop, adapters)
        log.info("stopping")
    finally:
        for adapter in reversed(adapters):
            try:
                await adapter.stop()
            except Exception:
                log.exception("%s adapter did not stop cleanly", adapter.platform)
        if server is not None:
            await server.stop()
        await core.close()
        await storage.close()
    return status


async def _until_stopped(stop: asyncio.Event, adapters: list[PlatformAdapter]) -> int:
    """Wait for a stop signal (status 0) or an adapter that failed for good (status 3)."""
    stopping = asyncio.create_task(stop.wait())
    failures = {asyncio.create_task(adapter.wait_failed()): adapter for adapter in adapters}
    try:
        done, _ = await asyncio.wait({stopping, *failures}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (stopping, *failures):
            task.cancel()
    for task, adapter in failures.items():
        if task in done and not task.cancelled():
            observability.metrics.connected(adapter.platform, False)
            log.critical(
                "%s stopped for good: %s. Exiting with status %d so a supervisor can restart"
                " the bot or alert",
                adapter.platform,
                task.result(),
                EXIT_PLATFORM_LOST,
            )
            return EXIT_PLATFORM_LOST
    return 0


async def _serve_metrics(
    settings: Settings, storage: Storage
) -> observability.MetricsServer | None:
    """Serve /metrics and /healthz when METRICS_PORT is set."""
    if settings.metrics_port is None:
        return None
    health = observability.Health(
        observability.metrics,
        grace_seconds=settings.health_grace_seconds,
        database_probe=storage.ping,
    )
    server = observability.MetricsServer(health, settings.metrics_host, settings.metrics_port)
    try:
        await server.start()
    except OSError as error:
        raise Failure(
            f"cannot serve /metrics on {settings.metrics_host}:{settings.metrics_port}"
            f" (METRICS_HOST, METRICS_PORT): {error.strerror or error}"
        ) from None
    return server


def reminder_writer(core: Core) -> ReminderWriter:
    """What writes reminders from ``core``'s storage and roadmap, dated by its clock."""
    return ReminderWriter(core.storage, core.knowledge, core.clock)


def reminder_engine(
    core: Core, outboxes: Mapping[str, Outbox], settings: Settings | None = None
) -> ReminderEngine:
    """A reminder engine over ``core``'s storage and clock (``settings``: the core's if none)."""
    return ReminderEngine(
        core.storage,
        reminder_writer(core).for_claim,
        outboxes,
        core.clock,
        settings or core.settings,
    )


@contextlib.asynccontextmanager
async def _reminders(
    core: Core, settings: Settings, outboxes: dict[str, Outbox]
) -> AsyncIterator[ReminderEngine]:
    """Run the reminder engine in the background for as long as the block runs."""
    engine = reminder_engine(core, outboxes, settings)
    task = asyncio.create_task(engine.run_forever(), name="reminders")
    try:
        yield engine
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
