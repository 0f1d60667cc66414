"""Grouping unanswered questions: ``roadmap-bot unanswered`` over 10,000 (and 100,000) rows.

The rows are synthetic chat questions: a few hundred made-up subjects in question templates,
with random case, punctuation, typos and extra words, plus a share of noise. The baseline,
measured in the same run, groups the same rows by exact normalised text only (no fuzzy
matching); the ratio says what near-duplicate grouping costs on top. Target: 10,000 rows in
well under a few seconds. Run: ``python bench/bench_unanswered.py [--rows N ...]``.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.unanswered import UnansweredQuestion, comparison_key, group_questions

START = datetime(2026, 3, 2, tzinfo=UTC)
TEMPLATES = [
    "what is {x}",
    "what is {x}?",
    "tell me about {x}",
    "is {x} worth learning",
    "{x} vs {y}",
    "where can i learn {x}",
    "how do i start with {x} as a beginner",
    "which is better {x} or {y} for a startup",
    "how much does a {x} developer earn",
    "any good {x} tutorials",
    "i learned {y} at uni but my job uses {x}, what is it good for",
]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))


def noisy(text: str, rng: random.Random) -> str:
    """Random case, punctuation, a typo or an extra word now and then."""
    if rng.random() < 0.3:
        text = text.capitalize()
    if rng.random() < 0.2:
        at = rng.randrange(len(text))
        text = text[:at] + text[at + 1 :]
    if rng.random() < 0.2:
        text += " " + rng.choice(["pls", "thanks", "lol", "?!", "asap", "in 2026"])
    return text + rng.choice(["", "", "?", "!!", "..."])


def synthetic_rows(count: int, seed: int = 1) -> list[UnansweredQuestion]:
    rng = random.Random(seed)
    subjects = [word(rng) for _ in range(max(count // 25, 20))]
    rows = []
    for n in range(count):
        if rng.random() < 0.15:
            text = " ".join(word(rng) for _ in range(rng.randint(2, 12)))
        else:
            template = rng.choice(TEMPLATES)
            text = template.format(x=rng.choice(subjects), y=rng.choice(subjects))
        rows.append(
            UnansweredQuestion(
                noisy(text, rng),
                rng.choice(["telegram", "discord", "console"]),
                "topic",
                "refused",
                START + timedelta(seconds=n),
            )
        )
    return rows


def exact_groups(rows: list[UnansweredQuestion]) -> int:
    """The baseline: group by exact comparison key only."""
    groups: dict[str, list[UnansweredQuestion]] = {}
    for row in rows:
        groups.setdefault(comparison_key(row.text), []).append(row)
    return len(groups)


def best_of(repeat: int, fn, *args) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args()
    for count in args.rows:
        rows = synthetic_rows(count)
        baseline, exact = best_of(3, exact_groups, rows)
        fuzzy, groups = best_of(3, group_questions, rows)
        assert isinstance(groups, list)
        print(
            f"{count:>7} rows: grouped in {fuzzy:.3f} s ({len(groups)} groups; exact text only:"
            f" {baseline:.3f} s, {exact} groups; ratio {fuzzy / baseline:.1f}x)"
        )


if __name__ == "__main__":
    main()
