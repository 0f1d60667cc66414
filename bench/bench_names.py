"""Fuzzy name lookups at scale: the name filter (bot/gram_filter.py) against scoring every name.

For each factor (bench/scaled_knowledge.py), a few thousand runs of one to three words of the
eval questions (tune and holdout: only timed here, never inspected) are looked up in the topic
and section names: as misspelt names the way the answerer does (``NameIndex.fuzzy`` at the
mention and near-miss cutoffs), and as a command's argument (``NameIndex.search``, three
scorers at the suggestion cutoff). Each lookup goes once through the index as built (names
filtered by the characters and bigrams they share with the phrase) and once through the same
names scored in full by length range, the baseline, in the same run and alternating; both
must give the same matches (checked). Printed: CPU time per lookup (mean, p50, p99) and the
ratio to the baseline; the filters' build time and pickled size against those of the names'
plain length indexes.

Run: python bench/bench_names.py [--factors 10 100]
"""

from __future__ import annotations

import argparse
import gc
import math
import pickle
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scaled_knowledge import scaled_file  # noqa: E402
from bot.knowledge import loader  # noqa: E402
from bot.matching import ByLength, NameIndex  # noqa: E402
from bot.text import normalize  # noqa: E402

EVAL = ROOT / "tests" / "data" / "eval"
#: The answerer's cutoffs for a misspelt name (bot/names.py: mention, near miss).
CUTOFFS = (85, 75)


def phrases(count: int) -> list[str]:
    """``count`` distinct runs of one to three words of the eval questions, normalized, spread."""
    found: dict[str, None] = {}
    for name in ("tune.yaml", "holdout.yaml"):
        for entry in yaml.safe_load((EVAL / name).read_text(encoding="utf-8")) or []:
            words = normalize(entry["q"]).split()
            for size in (1, 2, 3):
                for at in range(len(words) - size + 1):
                    found[" ".join(words[at : at + size])] = None
    every = list(found)
    return every[:: max(1, len(every) // count)][:count]


#: The length indexes of a name index.
LISTS = ("_by_length", "_compact_by_length", "_sorted_words_by_length")


def given(names: ByLength) -> list[str]:
    """The strings of a length index in the order it was given them."""
    return [text for _, text in sorted(zip(names._order, names._texts, strict=True))]


def plain(index: NameIndex) -> NameIndex:
    """A copy of ``index`` whose lookups score every name in the length range."""
    copy = pickle.loads(pickle.dumps(index))
    for name in LISTS:
        setattr(copy, name, ByLength(given(getattr(index, name)), filter_from=math.inf))
    return copy


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` quantile of ``samples`` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(
    lookups: list[Callable[[NameIndex], object]], index: NameIndex, baseline: NameIndex
) -> tuple[list[float], list[float]]:
    """CPU seconds of each lookup through ``index`` and through ``baseline``, alternating."""
    filtered_s: list[float] = []
    plain_s: list[float] = []
    for lookup in lookups:
        start = time.thread_time()
        got = lookup(index)
        middle = time.thread_time()
        expected = lookup(baseline)
        filtered_s.append(middle - start)
        plain_s.append(time.thread_time() - middle)
        assert got == expected, "the filter changed a match"
    return filtered_s, plain_s


def figures(filtered_s: list[float], plain_s: list[float]) -> str:
    """Mean, p50 and p99 of ``filtered_s``, each with its ratio to ``plain_s``'s."""
    mean, mean_plain = sum(filtered_s) / len(filtered_s), sum(plain_s) / len(plain_s)
    parts = [f"mean {mean * 1e6:7.1f} us ({mean / mean_plain:5.2f}x the full scan)"]
    for share in (0.5, 0.99):
        value, base = percentile(filtered_s, share), percentile(plain_s, share)
        parts.append(f"p{round(share * 100)} {value * 1e6:7.1f} us ({value / base:5.2f}x)")
    return "  ".join(parts)


def measure(factor: int, asked: list[str]) -> None:
    """Print lookup and build figures at ``factor``."""
    knowledge = loader.load_knowledge(scaled_file(factor))
    for label, index in (("topics", knowledge.topic_names), ("sections", knowledge.section_names)):
        baseline = plain(index)
        fuzzy = [partial(NameIndex.fuzzy, phrase=p, cutoff=c) for p in asked for c in CUTOFFS]
        search = [partial(NameIndex.search, query=phrase) for phrase in asked]
        print(f"{factor:>4}x {label:<8} {len(index.names):>6} names")
        print(f"      fuzzy  {figures(*timed(fuzzy, index, baseline))}")
        print(f"      search {figures(*timed(search, index, baseline))}")
        gc.collect()
        texts = [given(getattr(index, name)) for name in LISTS]
        start = time.perf_counter()
        built = [ByLength(names) for names in texts]
        build = time.perf_counter() - start
        start = time.perf_counter()
        for names in texts:
            ByLength(names, filter_from=math.inf)
        build_plain = time.perf_counter() - start
        size = len(pickle.dumps([b._filter for b in built], protocol=pickle.HIGHEST_PROTOCOL))
        size_plain = len(
            pickle.dumps([getattr(baseline, n) for n in LISTS], protocol=pickle.HIGHEST_PROTOCOL)
        )
        print(
            f"      build {build:.3f} s ({build / build_plain:5.1f}x the length indexes alone)"
            f"  filters pickled {size / 1e6:.2f} MB ({size / size_plain:4.2f}x the length indexes)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--phrases", type=int, default=3000, help="phrases looked up")
    args = parser.parse_args()
    asked = phrases(args.phrases)
    for factor in args.factors:
        measure(factor, asked)


if __name__ == "__main__":
    main()
