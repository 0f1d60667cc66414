"""The ``roadmap-bot`` command line: run, console, ask, unanswered and validate."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import json
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import TextIO

from bot import __version__, observability
from bot.config import Settings, SettingsError
from bot.core import Core
from bot.delivery import AdapterStartError, Outbox, PlatformAdapter
from bot.knowledge import (
    Knowledge,
    KnowledgeError,
    bundled_knowledge_path,
    load_knowledge,
    lost_ids,
)
from bot.logs import setup_logging
from bot.messages import render_plain
from bot.reminders.engine import ReminderEngine
from bot.storage import Storage

log = logging.getLogger("roadmap_bot")

#: Platforms ``run`` can start: name -> (adapter module, the setting that enables it).
PLATFORMS = {
    "discord": ("adapters.discord", "discord_token"),
    "telegram": ("adapters.telegram", "telegram_token"),
}
SETUP_HINT = "set DISCORD_TOKEN and/or TELEGRAM_TOKEN, see .env.example"
#: The exit status after Ctrl-C, as shells report a process ended by SIGINT (128 + 2).
INTERRUPTED = 130
#: The exit status when a running platform adapter stopped for good (say, its token revoked).
EXIT_PLATFORM_LOST = 3


class Failure(Exception):
    """A problem the user can fix; printed without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="roadmap-bot", description="A chat bot that teaches a learning roadmap."
    )
    parser.add_argument("--version", action="version", version=f"roadmap-bot {__version__}")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="start every platform whose token is configured (default)")
    commands.add_parser("console", help="chat with the bot in this terminal (or pipe lines in)")
    ask = commands.add_parser(
        "ask", help="answer one question (or, with --json, one per stdin line)"
    )
    ask.add_argument("--json", action="store_true", help="print JSON objects, one per line")
    ask.add_argument("question", nargs="*", help="the question")
    unanswered = commands.add_parser(
        "unanswered", help="the questions the bot could not answer, grouped by similarity"
    )
    unanswered.add_argument("--since", type=_days, metavar="DAYS", help="only the last DAYS days")
    unanswered.add_argument("--json", action="store_true", help="print one JSON document")
    validate = commands.add_parser("validate", help="check a knowledge file")
    validate.add_argument("path", nargs="?", type=Path, help="the file (default: the one in use)")
    validate.add_argument(
        "--previous",
        type=Path,
        help="the file as learners last had it: warn about topic ids gone without a forward",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``roadmap-bot`` script; returns the exit code.

    When the reader of standard output goes away (``roadmap-bot ask … | head -n 1``), the command
    ends quietly with status 0: the reader had all it wanted, so a pipeline under
    ``set -o pipefail`` still succeeds.
    """
    try:
        try:
            return _command(argv)
        finally:
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except BrokenPipeError:
        # Nothing more can be written; point stdout at /dev/null so the interpreter's own flush
        # at exit does not report the same broken pipe again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _command(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    try:
        if command == "validate":
            return validate(args.path, previous=args.previous)
        settings = Settings.from_env()
        # In a terminal chat, routine log lines would land in the middle of the conversation.
        chat_here = command == "console" or (command == "run" and not _platforms(settings))
        level = settings.log_level or ("WARNING" if chat_here else "INFO")
        setup_logging(level, settings.secrets, settings.log_format)
        if command == "unanswered":
            return asyncio.run(list_unanswered(settings, args.since, as_json=args.json))
        knowledge = _load(settings)
        if command == "ask":
            return ask(knowledge, " ".join(args.question), as_json=args.json)
        if command == "console":
            return asyncio.run(run_console(knowledge, settings))
        return run(knowledge, settings)
    except (Failure, SettingsError, KnowledgeError, AdapterStartError) as error:
        print(f"roadmap-bot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return INTERRUPTED


def _load(settings: Settings) -> Knowledge:
    path = settings.knowledge_path or bundled_knowledge_path()
    return load_knowledge(path)


def validate(path: Path | None, out: TextIO | None = None, *, previous: Path | None = None) -> int:
    """Check a knowledge file: exit code 0 when valid, 1 with file:line messages when not.

    With ``previous`` (the file learners last had), warn about every topic id they may hold
    that is gone without a forward in ``renamed`` (their ticks would stop counting).
    """
    out = out or sys.stdout
    target = path or Settings.from_env().knowledge_path or bundled_knowledge_path()
    try:
        knowledge = load_knowledge(target)
        before = load_knowledge(previous) if previous is not None else None
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return 1
    for lost in lost_ids(before, knowledge) if before is not None else ():
        print(
            f"{target}: warning: topic {lost!r} of {previous} is gone without a forward; "
            f"learners' ticks of it stop counting. Add it under renamed: with its new id.",
            file=out,
        )
    print(
        f"{target}: OK ({len(knowledge.sections)} sections, {len(knowledge.topics)} topics, "
        f"{len(knowledge.comparisons)} comparisons, {len(knowledge.questions)} review questions)",
        file=out,
    )
    return 0


def ask(knowledge: Knowledge, question: str, *, as_json: bool, out: TextIO | None = None) -> int:
    """Answer one question, or every stdin line with ``--json`` and no question."""
    from bot.features.ask import answer_reply
    from bot.questions import QuestionAnswerer

    out = out or sys.stdout
    answerer = QuestionAnswerer(knowledge)
    questions = [question] if question.strip() else None
    if questions is None:
        if not as_json:
            raise Failure("ask needs a QUESTION (or --json with questions on standard input)")
        questions = (line.rstrip("\n") for line in sys.stdin)
    for text in questions:
        if not text.strip():
            continue
        understanding = answerer.understand(text)
        reply = render_plain(answer_reply(knowledge, understanding))
        if not as_json:
            print(reply, file=out)
            continue
        record = {
            "q": text,
            "intent": understanding.intent.value,
            "confident": understanding.confident,
            "topics": [
                {"id": i, "title": knowledge.topics[i].title} for i in understanding.topic_ids
            ],
            "reply": reply,
        }
        print(json.dumps(record, ensure_ascii=False), file=out, flush=True)
    return 0


def _days(text: str) -> int:
    """A whole number of days, at least 1 (for ``--since``)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of days, at least 1: {text!r}")
    return int(text)


async def list_unanswered(
    settings: Settings, since_days: int | None, *, as_json: bool, out: TextIO | None = None
) -> int:
    """Print the questions the bot could not answer, grouped, after deleting expired ones."""
    from datetime import timedelta

    from bot.clock import SystemClock
    from bot.unanswered import UnansweredLog, format_report, group_questions

    clock = SystemClock()
    async with await _open_storage(settings) as storage:
        recorder = UnansweredLog(
            storage.unanswered,
            clock,
            enabled=settings.unanswered_log,
            retention_days=settings.unanswered_retention_days,
        )
        await recorder.prune()
        since = clock.now() - timedelta(days=since_days) if since_days else None
        groups = group_questions(await storage.unanswered.since(since))
    report = format_report(
        groups, since_days=since_days, as_json=as_json, recording=recorder.enabled
    )
    print(report, file=out or sys.stdout)
    return 0


async def _open_storage(settings: Settings) -> Storage:
    from bot.storage import StorageError, open_storage

    try:
        return await open_storage(settings.database)
    except StorageError as error:
        raise Failure(str(error)) from None


async def _open_core(knowledge: Knowledge, settings: Settings) -> tuple[Core, Storage]:
    storage = await _open_storage(settings)
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

    core, storage = await _open_core(knowledge, settings)
    try:
        console = ConsoleAdapter(core)
        if console.interactive:
            print(note or f"{knowledge.info.title}: type /help, a question, or /quit.")
        async with _reminders(core, settings, {console.platform: console.outbox}):
            await console.run()
    finally:
        await storage.close()
    return INTERRUPTED if console.interrupted else 0


def run(knowledge: Knowledge, settings: Settings) -> int:
    """Start every configured platform; with none, chat in the terminal if there is one."""
    enabled = _platforms(settings)
    if not enabled:
        if sys.stdin.isatty():
            note = f"No chat platform configured ({SETUP_HINT}); chatting here. /help, /quit."
            return asyncio.run(run_console(knowledge, settings, note=note))
        raise Failure(
            f"no chat platform configured and no terminal to chat in: {SETUP_HINT}, "
            "or use `roadmap-bot console` to pipe commands in"
        )
    return asyncio.run(_serve(knowledge, settings, enabled))


def _platforms(settings: Settings) -> list[str]:
    """The platforms whose token is configured."""
    return [name for name, (_, setting) in PLATFORMS.items() if getattr(settings, setting)]


async def _serve(knowledge: Knowledge, settings: Settings, platforms: list[str]) -> int:
    core, storage = await _open_core(knowledge, settings)
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
        for name in platforms:
            observability.metrics.expect_platform(name)
        for name in platforms:
            module = importlib.import_module(PLATFORMS[name][0])
            adapter: PlatformAdapter = module.create_adapter(core, settings)
            await adapter.start()
            adapters.append(adapter)
            observability.metrics.connected(adapter.platform, True)
            log.info("%s adapter started", name)
        outboxes = {adapter.platform: adapter.outbox for adapter in adapters}
        async with _reminders(core, settings, outboxes):
            log.info(
                "roadmap-bot is running (%s); stop with Ctrl+C or SIGTERM", ", ".join(platforms)
            )
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


@contextlib.asynccontextmanager
async def _reminders(
    core: Core, settings: Settings, outboxes: dict[str, Outbox]
) -> AsyncIterator[ReminderEngine]:
    """Run the reminder engine in the background for as long as the block runs."""
    engine = ReminderEngine(core, outboxes, core.clock, settings)
    task = asyncio.create_task(engine.run_forever(), name="reminders")
    try:
        yield engine
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
