"""Free-text latency at the 500-character limit, this checkout against another, alternating.

The messages are bench_core's: each long tune message repeated up to the limit. Each child
process (one per checkout and round, in turn, so the machine's load falls on them alike) times
``QuestionAnswerer.understand`` over them: a first pass with a new answerer (every phrase new
to its memories, as in real traffic) and then three more passes (bench_core's measure, where a
memory too small to hold one pass helps nothing). Figures are p50/p99 in milliseconds of CPU
time of the answering thread (on a shared machine, wall-clock tails mostly measure the
scheduler), and the median over rounds of this checkout's per-round ratio to the other's.

Run: python bench/long_messages.py --compare OTHER_CHECKOUT [--rounds 3]
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

#: What a child process runs from a checkout; it prints its percentiles as JSON.
CHILD = """
import json, time
from pathlib import Path
import yaml
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.limits import MAX_ARGS_CHARS
from bot.questions import QuestionAnswerer

entries = yaml.safe_load(Path(TUNE).read_text(encoding="utf-8"))
texts = [e["q"] for e in entries if e["style"] == "long"]
full = [((t + " ") * (MAX_ARGS_CHARS // len(t) + 1))[:MAX_ARGS_CHARS] for t in texts]
answerer = QuestionAnswerer(load_knowledge(bundled_knowledge_path()))
samples = []
for question in full * 4:
    start = time.thread_time()
    answerer.understand(question)
    samples.append(time.thread_time() - start)

def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1e3

first = samples[: len(full)]
print(json.dumps({
    "first p50": percentile(first, 0.5), "first p99": percentile(first, 0.99),
    "all p50": percentile(samples, 0.5), "all p99": percentile(samples, 0.99),
}))
"""
FIGURES = ("first p50", "first p99", "all p50", "all p99")


def timed(root: Path, tune: Path, cache: Path) -> dict[str, float]:
    """One child's percentiles, running ``root``'s code over ``tune``'s long messages."""
    env = {**os.environ, "PYTHONPATH": str(root), "XDG_CACHE_HOME": str(cache)}
    child = CHILD.replace("TUNE", repr(str(tune)))
    # run in the checkout: ``python -c`` imports from the working directory first
    result = subprocess.run(
        [sys.executable, "-c", child], env=env, cwd=root, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, required=True, help="the other checkout")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    tune = ROOT / "tests" / "data" / "eval" / "tune.yaml"  # the same messages for both
    roots = {"this": ROOT, "other": args.compare.resolve()}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    with tempfile.TemporaryDirectory() as cache:
        for _ in range(args.rounds):
            for name, root in roots.items():
                runs[name].append(timed(root, tune, Path(cache) / name))
    for name in roots:
        medians = "   ".join(
            f"{f} {statistics.median(r[f] for r in runs[name]):.2f}" for f in FIGURES
        )
        print(f"{name:<6} {medians}   (ms, median of {args.rounds} rounds)")
    ratios = []
    for figure in FIGURES:
        each = [t[figure] / o[figure] for t, o in zip(runs["this"], runs["other"], strict=True)]
        ratios.append(f"{figure} {statistics.median(each):.2f}x ({min(each):.2f}-{max(each):.2f})")
    print("this / other, per round:  " + "   ".join(ratios))


if __name__ == "__main__":
    main()
