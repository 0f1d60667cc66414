"""Side by side with a peer: errbot answering a one-dictionary-lookup command, and this bot.

errbot runs in its own virtualenv (never a dependency of this project), its TestBot timing
``!lookup python`` from push to reply (bench/peer_errbot.py). This bot's core answers in this
process, on SQLite: lookups (/lang, /compare, /topic with a typo) and free text (the eval
questions, short and long messages). Rounds alternate errbot and this bot so the machine's load
falls on both; each figure is a p99 divided by errbot's p99 of the same round (median over
rounds, and the lowest and highest round). Both wall time and CPU time of the process (all its
threads) are shown: on a machine shared with other work, wall-clock tails mostly measure the
scheduler. Between two messages the loop runs once, as a server's does while it waits for the
next one, so background work (the unanswered log's writes) is paid inside the run.

Lookup replies are reused (the core keeps the last 512 by command and arguments), so the
lookup lines measure a repeated lookup; the line "/topic typos, all different" cycles through
more distinct misspellings than that, so every one is built afresh (shown for information).

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
from bot.knowledge import Knowledge, bundled_knowledge_path, load_knowledge  # noqa: E402
from bot.messages import ChatKind, Request  # noqa: E402
from bot.storage import open_storage  # noqa: E402

EVAL = ROOT / "tests" / "data" / "eval"
#: How many distinct users ask (follow-ups refer to a user's own previous answer).
USERS = 500
#: Requests run unmeasured before each figure: errbot's side warms up with as many per round.
WARM_UP = 200


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` quantile of ``samples`` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def typos(knowledge: Knowledge) -> list[str]:
    """Distinct misspellings of the topics' titles: a letter dropped, doubled or swapped."""
    found: dict[str, None] = {}
    for topic in knowledge.topics.values():
        word = topic.title.casefold()
        for i in range(1, len(word) - 2):
            for typo in (
                word[:i] + word[i + 1 :],
                word[:i] + word[i] + word[i:],
                word[:i] + word[i + 1] + word[i] + word[i + 2 :],
            ):
                if typo != word and len(word) >= 5:
                    found.setdefault(typo)
    return list(found)


def workloads(knowledge: Knowledge) -> dict[str, list[tuple[str | None, str]]]:
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
        "/topic typos, all different": [("topic", typo) for typo in typos(knowledge)],
        "free text, short": [(None, e["q"]) for e in questions if e["style"] != "long"],
        "free text, long": [(None, e["q"]) for e in questions if e["style"] == "long"],
    }


async def latencies(
    core: Core, lines: list[tuple[str | None, str]], count: int
) -> list[tuple[float, float]]:
    """(wall, CPU) seconds per answer for ``count`` requests cycling through ``lines``."""
    samples = []
    for index in range(count):
        command, args = lines[index % len(lines)]
        user = str(index % USERS)
        request = Request("bench", user, user, ChatKind.PRIVATE, command, args)
        start, cpu = time.perf_counter(), time.process_time()
        await core.handle(request)
        samples.append((time.perf_counter() - start, time.process_time() - cpu))
        await asyncio.sleep(0)  # between messages a server waits for the next: background work runs
    return samples


def errbot_samples(python: str, count: int) -> list[tuple[float, float]]:
    """errbot's (wall, CPU) seconds for ``count`` one-lookup commands, in a fresh process."""
    result = subprocess.run(
        [python, str(ROOT / "bench" / "peer_errbot.py"), str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [tuple(sample) for sample in json.loads(result.stdout)]


def p99s(samples: list[tuple[float, float]]) -> tuple[float, float]:
    """(wall p99, CPU p99)."""
    return percentile([w for w, _ in samples], 0.99), percentile([c for _, c in samples], 0.99)


async def main(python: str, rounds: int, count: int) -> None:
    knowledge = load_knowledge(bundled_knowledge_path())
    loads = workloads(knowledge)
    ratios: dict[str, list[tuple[float, float]]] = {name: [] for name in loads}
    ours: dict[str, list[tuple[float, float]]] = {name: [] for name in loads}
    peers = []
    with tempfile.TemporaryDirectory() as folder:
        async with await open_storage(Path(folder) / "bench.sqlite3") as storage:
            core = Core(knowledge, storage)
            for lines in loads.values():
                await latencies(core, lines, len(lines))  # warm up
            for _ in range(rounds):
                peer = p99s(errbot_samples(python, count))
                peers.append(peer)
                for name, lines in loads.items():
                    await latencies(core, lines, WARM_UP)  # as errbot warms up in each round
                    await core.unanswered.flush()  # the earlier workloads' writes are theirs
                    mine = p99s(await latencies(core, lines, count))
                    ours[name].append(mine)
                    ratios[name].append((mine[0] / peer[0], mine[1] / peer[1]))
            await core.close()
    for column, what in enumerate(("wall", "CPU")):
        peer_p99 = [p[column] for p in peers]
        print(
            f"errbot TestBot, one dictionary lookup, {what} p99 "
            f"{statistics.median(peer_p99) * 1e3:.3f} ms (median of {rounds} rounds of {count}; "
            f"{min(peer_p99) * 1e3:.3f}-{max(peer_p99) * 1e3:.3f})"
        )
        for name in loads:
            goal = 1.0 if name.startswith("free text") else 0.05
            mine = [r[column] for r in ratios[name]]
            middle = statistics.median(mine)
            own = statistics.median(o[column] for o in ours[name])
            verdict = (
                "(information)"
                if "all different" in name
                else f"goal <= {goal}: {'met' if middle <= goal else 'NOT met'}"
            )
            print(
                f"  {name:<29} {what} p99 {own * 1e3:7.3f} ms = {middle:6.3f}x errbot's "
                f"({min(mine):.3f}-{max(mine):.3f}); {verdict}"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errbot-python", default="/work/errbot-venv/bin/python")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=2000, help="requests per figure and round")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.errbot_python, arguments.rounds, arguments.count))
