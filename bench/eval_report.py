"""How well the free-text answerer does on the eval sets: right / asked back / refused / wrong.

Run: python bench/eval_report.py [--misses] [--tune-only | --validation]. Prints one table for
the tune set (the questions the answerer may be tuned on) and one for the holdout set (kept
apart: only its aggregate is printed, never its questions), each per style and per kind, then
the targets each one misses, and how many wrong answers per style hold the expected topic or
step under another intent (a need answered as what the topic is). ``--validation`` prints the
validation set instead of the holdout (fresh questions kept out of tuning, measured after every
change; aggregate only, too).
``--misses`` also lists the tune questions that were not answered right.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge import bundled_knowledge_path, load_knowledge  # noqa: E402
from bot.questions import QuestionAnswerer  # noqa: E402
from tests.evaluation import (  # noqa: E402
    HOLDOUT_SETS,
    TUNE_SETS,
    VALIDATION_SETS,
    evaluate,
    load_entries,
)


def main() -> int:
    """Print the tables; exit 1 if the tune set misses a target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list tune questions not right")
    kept_apart = parser.add_mutually_exclusive_group()
    kept_apart.add_argument("--tune-only", action="store_true", help="skip the holdout set")
    kept_apart.add_argument(
        "--validation", action="store_true", help="the validation set instead of the holdout"
    )
    options = parser.parse_args()
    answerer = QuestionAnswerer(load_knowledge(bundled_knowledge_path()))
    status = 0
    sets = [("tune", TUNE_SETS)]
    if options.validation:
        sets.append(("validation", VALIDATION_SETS))
    elif not options.tune_only:
        sets.append(("holdout", HOLDOUT_SETS))
    for name, paths in sets:
        entries = load_entries(paths)
        if not entries:
            print(f"{name}: no questions\n")
            continue
        report = evaluate(answerer, entries)
        print(f"== {name}: {len(entries)} questions")
        print(report.table())
        print(report.wrong_framing_line())
        failures = report.failures()
        print("targets: " + ("all met" if not failures else "; ".join(failures)))
        if name == "tune":
            status = 1 if failures else 0
            if options.misses:
                for result, entry, understanding in report.misses:
                    print(
                        f"  {result:<10} [{entry['style']}/{entry['kind']}] {entry['q']!r} "
                        f"expected {entry['intent']} {entry.get('topics') or ''} "
                        f"{entry.get('section') or ''}-> {understanding.outcome} "
                        f"{understanding.intent} {understanding.topic_ids[:3]} "
                        f"{understanding.section_id or ''}"
                    )
        print()
    return status


if __name__ == "__main__":
    sys.exit(main())
