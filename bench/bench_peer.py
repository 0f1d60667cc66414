"""Side by side with a peer: errbot answering a one-dictionary-lookup command, and this bot.

errbot runs in its own virtualenv (never a dependency of this project), its TestBot timing
``!lookup python`` from push to reply (bench/peer_errbot.py). This bot's core answers in this
process: lookups (/lang, /compare, /topic with a typo) and free text (the eval questions, short
and long messages). Rounds alternate errbot and this bot so the machine's load falls on both;
each figure is a p99 divided by errbot's p99 of the same round (median over rounds, and the
lowest and highest round).

Goals (issue #13): lookups p99 at most 1/20 of errbot's (ratio <= 0.05); free text p99 at most
errbot's (ratio <= 1), long messages included.

Setup once: python -m venv /work/errbot-venv && /work/errbot-venv/bin/pip install errbot pytest
Run: python bench/bench_peer.py [--errbot-python /work/errbot-venv/bin/python] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core import Core  # noqa: E402
from bot.knowledge import bundled_knowledge_path, load_knowledge  # noqa: E402
from bot.messages import ChatKind, Request  # noqa: E402
from bot.storage import open_storage  # noqa: E402

EVAL = ROOT / "tests" / "data" / "eval"
#: How many distinct users ask (follow-ups refer to a user's own previous answer).
USERS = 500


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` quantile of ``samples`` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def workloads() -> dict[str, list[tuple[str | None, str]]]:
    """(command, args) lines per workload."""
    questions = [
        entry
        for name in ("tune.yaml", "holdout.yaml")
        for entry in yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))
    ]
    return {
        "/lang python": [("lang", "python")],
        "/compare django vs flask": [("compare", "django vs flask")],
        "/topic postgrs (typo)": [("topic", "postgrs"), ("topic", "dokcer"), ("topic", "djnago")],
        "free text, short": [(None, e["q"]) for e in questions if e["style"] != "long"],
        "free text, long": [(None, e["q"]) for e in questions if e["style"] == "long"],
    }


async def latencies(core: Core, lines: list[tuple[str | None, str]], count: int) -> list[float]:
    """Seconds per answer for ``count`` requests cycling through ``lines``."""
    samples = []
    for index in range(count):
        command, args = lines[index % len(lines)]
        user = str(index % USERS)
        request = Request("bench", user, user, ChatKind.PRIVATE, command, args)
        start = time.perf_counter()
        await core.handle(request)
        samples.append(time.perf_counter() - start)
    return samples


def errbot_p99(python: str, count: int) -> float:
    """errbot's p99 latency for ``count`` one-lookup commands, in a fresh process."""
    result = subprocess.run(
        [python, str(ROOT / "bench" / "peer_errbot.py"), str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return percentile(json.loads(result.stdout), 0.99)


async def main(python: str, rounds: int, count: int) -> None:
    loads = workloads()
    knowledge = load_knowledge(bundled_knowledge_path())
    ratios: dict[str, list[float]] = {name: [] for name in loads}
    ours: dict[str, list[float]] = {name: [] for name in loads}
    peers = []
    with tempfile.TemporaryDirectory() as folder:
        async with await open_storage(Path(folder) / "bench.sqlite3") as storage:
            core = Core(knowledge, storage)
            for lines in loads.values():
                await latencies(core, lines, len(lines))  # warm up
            for _ in range(rounds):
                peer = errbot_p99(python, count)
                peers.append(peer)
                for name, lines in loads.items():
                    p99 = percentile(await latencies(core, lines, count), 0.99)
                    ours[name].append(p99)
                    ratios[name].append(p99 / peer)
    print(
        f"errbot TestBot, one dictionary lookup: p99 {statistics.median(peers) * 1e3:.3f} ms "
        f"(median of {rounds} rounds of {count}; {min(peers) * 1e3:.3f}-{max(peers) * 1e3:.3f})"
    )
    for name in loads:
        goal = 1.0 if name.startswith("free text") else 0.05
        middle = statistics.median(ratios[name])
        print(
            f"{name:<26} p99 {statistics.median(ours[name]) * 1e3:7.3f} ms = {middle:6.3f}x "
            f"errbot's ({min(ratios[name]):.3f}-{max(ratios[name]):.3f}); goal <= {goal}: "
            f"{'met' if middle <= goal else 'NOT met'}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errbot-python", default="/work/errbot-venv/bin/python")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=2000, help="requests per figure and round")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.errbot_python, arguments.rounds, arguments.count))
