"""Cost as the knowledge file grows: load time and answer latency at 1x, 10x and 100x the roadmap.

The larger files come from bench/scaled_knowledge.py (10x: 400 topics, 100x: 4,000). Knowledge
files are capped at MAX_KNOWLEDGE_BYTES (16 MiB), which the 100x file (10 MB) fits.

Figures, each against a baseline measured in the same run:
- load: the bot's loader against parsing the same YAML alone (libyaml), the loader with
  Python's garbage collector left running while it reads (as it was before), and a second load
  of the same file, compiled, from the cache (bot/knowledge/compiled.py; files of 64 KB or
  more, so all three; a temporary cache folder); then start-up: that second load and the
  answerer over it (bot/questions/), as the bot starts: its indexes come from the same cache
  entry (kept there when first built), and the cost of building them, as at a first start;
- answers, computed in this process without storage (the answerer and the reply it renders):
  free text (every eval question, short and long messages) and a /topic typo lookup, p50 and
  p99, each against the same figure at 1x (measured in the same run); each question is asked
  twice and timed both times: the second time as a running bot has seen most wordings before,
  the first as for wordings it has not (nothing remembered of earlier phrases). Answers are
  timed in CPU time of this thread: on a machine shared with other work, wall-clock tails
  mostly measure the scheduler.

Run: python bench/bench_scale.py [--factors 1 10 100] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scaled_knowledge import scaled_file  # noqa: E402
from bot.features.ask import answer_reply  # noqa: E402
from bot.knowledge import Knowledge, compiled, loader  # noqa: E402
from bot.questions import QuestionAnswerer  # noqa: E402

EVAL = ROOT / "tests" / "data" / "eval"
TYPOS = ["postgrs", "dokcer", "djnago", "kubernets", "javscript", "pyhton", "graphgl", "redsi"]


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


@compiled.collector_paused()
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
    knowledge = loader.load_knowledge(path)  # compiled into the cache, if large enough
    cached = seconds(lambda: loader.load_knowledge(path), rounds)
    QuestionAnswerer(knowledge)  # its indexes built, and kept in the cache entry
    indexes = seconds(lambda: QuestionAnswerer(loader.load_knowledge(path)), rounds)
    parsed = loader.parse_knowledge(text, path)  # not from the cache: nothing written back
    built = seconds(lambda: parsed.derived.clear() or QuestionAnswerer(parsed), rounds)
    base = statistics.median(parse)
    print(
        f"{factor:>4}x {len(knowledge.topics):>5} topics  YAML parse alone {spread(parse)}\n"
        f"      load {spread(load)} = {statistics.median(load) / base:5.2f}x the parse;  "
        f"with the collector running {spread(collecting)} = "
        f"{statistics.median(collecting) / base:5.2f}x the parse\n"
        f"      load again (compiled, cached) {spread(cached)} = "
        f"{statistics.median(cached) / base:5.2f}x the parse\n"
        f"      start-up (load again, then the answerer, its indexes cached) {spread(indexes)} = "
        f"{statistics.median(indexes) / base:5.2f}x the parse\n"
        f"      the answerer's indexes built (a first start) {spread(built)} = "
        f"{statistics.median(built) / base:5.2f}x the parse"
    )
    return knowledge


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` quantile of ``samples`` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def questions() -> list[str]:
    """Every eval question (tune and holdout halves: only timed here, never inspected)."""
    return [
        entry["q"]
        for name in ("tune.yaml", "holdout.yaml")
        for entry in yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))
    ]


def measure_answers(knowledge: Knowledge) -> dict[str, list[float]]:
    """CPU seconds per answer: free text (second and first asking) and typo lookups."""
    answerer = QuestionAnswerer(knowledge)
    asked = questions()
    timed: dict[str, list[float]] = {"free text": [], "first asking": [], "/topic typo": []}
    for name in ("first asking", "free text"):
        for question in asked:
            start = time.thread_time()
            answer_reply(knowledge, answerer.understand(question))
            timed[name].append(time.thread_time() - start)
    for _ in range(20):
        for typo in TYPOS:
            start = time.thread_time()
            knowledge.topic_names.resolve(typo)
            timed["/topic typo"].append(time.thread_time() - start)
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--rounds", type=int, default=3, help="loads per figure")
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="roadmap-bot-cache-")
    baseline: dict[str, list[float]] = {}
    for factor in args.factors:
        knowledge = measure_load(factor, args.rounds)
        answers = measure_answers(knowledge)
        baseline = baseline or measure_answers(knowledge)  # the first factor, measured again
        for name, samples in answers.items():
            p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
            base50, base99 = percentile(baseline[name], 0.5), percentile(baseline[name], 0.99)
            first = f"{args.factors[0]}x"
            print(
                f"      {name:<12} CPU p50 {p50 * 1e3:8.3f} ms ({p50 / base50:6.1f}x {first})"
                f"   p99 {p99 * 1e3:8.3f} ms ({p99 / base99:6.1f}x {first})"
            )
        del knowledge
        gc.collect()


if __name__ == "__main__":
    main()
