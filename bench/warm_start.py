"""Start-up: the knowledge file and its learned models loaded by a new process, cache warm and cold.

Each process imports the bot first (not timed), then times what a start reads: the knowledge
(``load_knowledge``), the learned models beside it (``load_companion``) and the answerer's
indexes (``QuestionAnswerer``). In each round, a first start finds an empty cache folder and
a second one the entries the first wrote. Each round starts one process per checkout,
in turn, so the machine's load falls on them alike; with ``--compare`` a checkout's figure is
also given as the median of its per-round ratios to the compared one's (quartiles after it).

Run: python bench/warm_start.py [--rounds 10] [--compare OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: What a child process runs: its imports, then the timed start; it prints milliseconds as JSON.
CHILD = """
import json, time
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.learned import load_companion
from bot.questions import QuestionAnswerer

path = bundled_knowledge_path()
start = time.perf_counter()
knowledge = load_knowledge(path)
loaded = time.perf_counter()
models = load_companion(path)
read = time.perf_counter()
QuestionAnswerer(knowledge, models)
done = time.perf_counter()
print(json.dumps({
    "knowledge": (loaded - start) * 1e3,
    "models": (read - loaded) * 1e3,
    "answerer": (done - read) * 1e3,
    "start": (done - start) * 1e3,
}))
"""
PARTS = ("knowledge", "models", "answerer", "start")


def timed(root: Path, cache: Path) -> dict[str, float]:
    """The milliseconds of each part of a start, in a new process running ``root``'s code."""
    env = {**os.environ, "PYTHONPATH": str(root), "XDG_CACHE_HOME": str(cache)}
    # run in the checkout: ``python -c`` imports from the working directory first
    result = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, cwd=root, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def line(name: str, samples: list[dict[str, float]]) -> str:
    """Each part's median over the samples."""
    parts = "   ".join(f"{p} {statistics.median(s[p] for s in samples):6.1f}" for p in PARTS)
    return f"{name:<22} {parts}   (ms, median of {len(samples)})"


def ratios(samples: list[dict[str, float]], others: list[dict[str, float]]) -> str:
    """Per part: the median of the per-round ratios, with their quartiles."""
    found = []
    for part in PARTS:
        each = [s[part] / o[part] for s, o in zip(samples, others, strict=True)]
        low, middle, high = statistics.quantiles(each) if len(each) > 1 else each * 3
        found.append(f"{part} {middle:.2f}x ({low:.2f}-{high:.2f})")
    return "   ".join(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--compare", type=Path, help="another checkout to time as well")
    args = parser.parse_args()
    roots = {"this checkout": ROOT} | ({"compared": args.compare.resolve()} if args.compare else {})
    first: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    warm: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    for _ in range(args.rounds):
        for name, root in roots.items():
            with tempfile.TemporaryDirectory() as cache:  # empty: the first start fills it
                first[name].append(timed(root, Path(cache)))
                warm[name].append(timed(root, Path(cache)))
    for name in roots:
        print(line(f"{name}, first", first[name]))
        print(line(f"{name}, warm", warm[name]))
    if args.compare:
        print(
            f"this checkout / compared, first: {ratios(first['this checkout'], first['compared'])}"
        )
        print(f"this checkout / compared, warm:  {ratios(warm['this checkout'], warm['compared'])}")


if __name__ == "__main__":
    main()
