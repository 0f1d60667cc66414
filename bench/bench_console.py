"""The terminal chat's own cost: piped lines through the console adapter against the bare core.

Both run in this process on the same core and the same lines (commands and free text): the
baseline parses each line (a new string, as if read) and awaits ``core.handle``; the console
adapter reads the lines from a file, asks the core and writes every rendered reply to a file.
Each round times both, which goes first alternating from round to round and the garbage
collector emptied before each, so the machine's load and the core's warm caches fall on both
alike; the overhead is the median over rounds of console / baseline, in CPU time of the process
(all its threads), which a busy machine disturbs less than wall time (also shown), with the
quartiles and the extremes of the rounds; the ratio of the best rounds is the least disturbed by
other processes. The knowledge is frozen out of the collector's way as the bot does after loading.
Goal (issue #13): under 15 %.

Run: python bench/bench_console.py [--lines 2000] [--rounds 31]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapters.console import PLATFORM, ConsoleAdapter  # noqa: E402
from bot.commands import parse_command_line  # noqa: E402
from bot.core import Core  # noqa: E402
from bot.knowledge import bundled_knowledge_path, load_knowledge  # noqa: E402
from bot.messages import ChatKind, Request  # noqa: E402
from bot.storage import open_storage  # noqa: E402

LINES = [
    "/lang python",
    "/compare django vs flask",
    "which db for a social app",
    "/roadmap",
    "/topic dokcer",
    "/help",
]
USER = "bench"


def clocks() -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds)."""
    return time.process_time(), time.perf_counter()


def since(start: tuple[float, float]) -> tuple[float, float]:
    """(CPU, wall) seconds since ``start``."""
    now = clocks()
    return now[0] - start[0], now[1] - start[1]


async def bare_core(core: Core, lines: list[str]) -> tuple[float, float]:
    """(CPU, wall) seconds for the core alone to answer ``lines``.

    Each line is a new string, as read from input (the console reads them from a file): the same
    string objects every round would come with their hashes already computed.
    """
    lines = "\n".join(lines).split("\n")
    start = clocks()
    for line in lines:
        parsed = parse_command_line(line)
        request = Request(PLATFORM, USER, USER, ChatKind.PRIVATE, parsed.command, parsed.args, USER)
        await core.handle(request)  # the very request the console adapter makes of the line
    return since(start)


async def console(core: Core, lines: list[str], folder: Path) -> tuple[float, float]:
    """(CPU, wall) seconds for the console adapter to answer ``lines`` read from a file."""
    source, sink = folder / "in.txt", folder / "out.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with source.open(encoding="utf-8") as stdin, sink.open("w", encoding="utf-8") as stdout:
        adapter = ConsoleAdapter(core, stdin, stdout, interactive=False, user_id=USER)
        start = clocks()
        await adapter.run()
        elapsed = since(start)
    assert sink.read_text(encoding="utf-8").count("\n\n") >= len(lines)  # every reply written
    return elapsed


async def main(count: int, rounds: int) -> None:
    lines = [LINES[i % len(LINES)] for i in range(count)]
    knowledge = load_knowledge(bundled_knowledge_path())
    gc.freeze()  # as the bot does after loading (bot.cli): the collector never scans it again
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        async with await open_storage(folder / "bench.sqlite3") as storage:
            core = Core(knowledge, storage)
            await bare_core(core, lines[:100])  # warm up
            samples = []
            for round_ in range(rounds):
                timed = {}
                for which in ("core", "console")[:: 1 if round_ % 2 else -1]:
                    gc.collect()
                    timed[which] = await (
                        bare_core(core, lines) if which == "core" else console(core, lines, folder)
                    )
                samples.append((timed["core"], timed["console"]))
    load = ", ".join(f"{each:.2f}" for each in os.getloadavg())
    print(f"load average (1, 5, 15 min) at the end: {load}, on {os.cpu_count()} CPUs")
    per_line = [min(sample[which][0] for sample in samples) / count * 1e6 for which in (0, 1)]
    middle = [
        statistics.median(sample[which][0] for sample in samples) / count * 1e6 for which in (0, 1)
    ]
    print(
        f"CPU per line over {rounds} rounds of {count} lines: core alone {middle[0]:.1f} µs "
        f"(best round {per_line[0]:.1f}), console {middle[1]:.1f} µs (best round "
        f"{per_line[1]:.1f}); best rounds' ratio {per_line[1] / per_line[0]:.3f}x"
    )
    for index, what in enumerate(("CPU", "wall")):
        ratios = [run[index] / base[index] for base, run in samples]
        low, _, high = statistics.quantiles(ratios) if len(ratios) > 1 else (ratios[0],) * 3
        middle = statistics.median(ratios)
        print(
            f"console adapter, {what:>4}: {middle:.3f}x the core alone (quartiles "
            f"{low:.3f}-{high:.3f}, range {min(ratios):.3f}-{max(ratios):.3f}), "
            f"overhead {middle - 1:+.1%} (goal < +15%)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=31)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.lines, arguments.rounds))
