"""Out-of-fold answers on tune: how a change to the answerer moves questions it was not trained on.

The bundled models have seen every tune question, so tune scored with them flatters. Here each
tune question is answered by intent and need models trained without its fold, and a doubt
model trained without that fold's answers (the folds of ``scripts/train_models.py``).

Run (from the project root; needs the ``test`` extra):

- ``python bench/cross_validate.py build MODELS`` trains the five fold models (about 11 minutes
  on two cores) and pickles them to the file MODELS. Rebuild after a change to what the models
  read (names, wording, the knowledge file, tune questions): their features move with it.
- ``python bench/cross_validate.py score MODELS OUT.json`` answers tune (about 20 s) and
  writes each question's verdict and answer, then prints the totals.
- ``python bench/cross_validate.py diff BEFORE.json AFTER.json`` prints how many answers moved
  from one verdict to another (``W>R 3``: three wrong answers became right) and each moved
  question.

Tune only: the validation and holdout sets are never read here.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge import bundled_knowledge_path, load_knowledge  # noqa: E402
from bot.learned import Learned  # noqa: E402
from bot.questions import QuestionAnswerer  # noqa: E402
from scripts.train_models import (  # noqa: E402
    FOLDS,
    doubt_rows,
    examples,
    fold_models,
    fold_of,
    train_doubt,
)
from tests.evaluation import TUNE_SETS, load_entries, verdict  # noqa: E402

LETTERS = {"right": "R", "asked_back": "A", "refused": "F", "wrong": "W"}


def build(target: Path) -> None:
    """Train each fold's models and pickle them to ``target``."""
    path = bundled_knowledge_path()
    intents, needs = examples(path)
    pairs = fold_models(intents, needs)
    rows = doubt_rows(path, pairs)
    models = [
        Learned(
            pair.intent,
            pair.need,
            "",
            train_doubt([(row, label) for fold, row, label in rows if fold != k]),
        )
        for k, pair in enumerate(pairs)
    ]
    target.write_bytes(pickle.dumps(models))
    print(f"{target}: {FOLDS} fold models")


def score(models_file: Path, out: Path) -> None:
    """Answer each tune question with its fold's models; write the verdicts, print totals."""
    models = pickle.loads(models_file.read_bytes())
    knowledge = load_knowledge(bundled_knowledge_path())
    answerers = [QuestionAnswerer(knowledge, learned) for learned in models]
    answers = {}
    for entry in load_entries(TUNE_SETS):
        understanding = answerers[fold_of(entry["q"])].understand(entry["q"])
        answers[entry["q"]] = {
            "verdict": str(verdict(understanding, entry)),
            "intent": str(understanding.intent),
            "topics": list(understanding.topic_ids),
            "section": understanding.section_id,
            "outcome": str(understanding.outcome),
            "expected": [entry["intent"], entry.get("topics") or [], entry.get("section")],
            "style": entry["style"],
            "kind": entry["kind"],
        }
    out.write_text(json.dumps(answers, ensure_ascii=False, indent=0), encoding="utf-8")
    totals = Counter(LETTERS[a["verdict"]] for a in answers.values())
    print(" ".join(f"{letter} {totals[letter]:,}" for letter in LETTERS.values()))


def diff(before_file: Path, after_file: Path) -> None:
    """Print the verdict moves between two scored runs, then each moved question."""
    before = json.loads(before_file.read_text(encoding="utf-8"))
    after = json.loads(after_file.read_text(encoding="utf-8"))
    moved = [q for q in after if q in before and before[q]["verdict"] != after[q]["verdict"]]

    def move(q: str) -> str:
        return f"{LETTERS[before[q]['verdict']]}>{LETTERS[after[q]['verdict']]}"

    print(" ".join(f"{m} {n}" for m, n in Counter(map(move, moved)).most_common()) or "no moves")
    for q in sorted(moved, key=move):
        a = after[q]
        print(f"{move(q)} [{a['style']}/{a['kind']}] {q!r}")
        print(f"    now {a['outcome']} {a['intent']} {a['topics']} {a['section']}")
        print(f"    expected {a['expected']}")


def main() -> None:
    """Run the command given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build").add_argument("models", type=Path)
    scoring = commands.add_parser("score")
    scoring.add_argument("models", type=Path)
    scoring.add_argument("out", type=Path)
    diffing = commands.add_parser("diff")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        build(args.models)
    elif args.command == "score":
        score(args.models, args.out)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
