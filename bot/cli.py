"""The ``roadmap-bot`` command line: run, console, ask, unanswered and validate.

Each command imports only what it needs: ``ask`` and ``validate`` load neither a chat platform
nor the reminder engine nor the database; running the bot is :mod:`bot.serve`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot import __version__
from bot.config import Settings, SettingsError
from bot.delivery import AdapterStartError
from bot.knowledge import (
    Knowledge,
    KnowledgeError,
    bundled_knowledge_path,
    load_knowledge,
    lost_ids,
)
from bot.logs import setup_logging
from bot.messages import render_plain
from bot.startup import INTERRUPTED, Failure, open_storage_or_fail, platforms

log = logging.getLogger("roadmap_bot")


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
    backup = commands.add_parser(
        "backup", help="copy the SQLite database, consistently, while the bot keeps running"
    )
    backup.add_argument("path", type=Path, help="the new file (never overwritten)")
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
        chat_here = command == "console" or (command == "run" and not platforms(settings))
        level = settings.log_level or ("WARNING" if chat_here else "INFO")
        setup_logging(level, settings.secrets, settings.log_format)
        if command == "backup":
            return backup(settings, args.path)
        if command == "unanswered":
            return asyncio.run(list_unanswered(settings, args.since, as_json=args.json))
        knowledge = _load(settings)
        if command == "ask":
            return ask(knowledge, " ".join(args.question), as_json=args.json)
        from bot import serve

        if command == "console":
            return serve.console(knowledge, settings)
        return serve.run(knowledge, settings)
    except (Failure, SettingsError, KnowledgeError, AdapterStartError) as error:
        print(f"roadmap-bot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return INTERRUPTED


def _load(settings: Settings) -> Knowledge:
    path = settings.knowledge_path or bundled_knowledge_path()
    knowledge = load_knowledge(path)
    # It lives as long as the process: keep the garbage collector from scanning it ever again.
    gc.freeze()
    return knowledge


def backup(settings: Settings, target: Path) -> int:
    """Copy the SQLite database to ``target`` (a new file) while the bot may be running."""
    from bot.storage import StorageError
    from bot.storage.sqlite import backup as copy

    if settings.database_url:
        raise Failure(
            "backup copies the SQLite file; for PostgreSQL (DATABASE_URL) use pg_dump, "
            "see docs/deploy.md"
        )
    try:
        copy(settings.database_path, target)
    except StorageError as error:
        raise Failure(str(error)) from None
    print(f"{settings.database_path} copied to {target}")
    return 0


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
    async with await open_storage_or_fail(settings) as storage:
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
