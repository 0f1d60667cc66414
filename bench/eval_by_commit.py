"""Which commits moved the answerer's scores: one aggregate line per commit, and what changed.

Run: python bench/eval_by_commit.py [--set validation|tune|holdout] COMMIT [COMMIT ...]
(e.g. ``$(git log --format=%h --reverse START..HEAD -- bot knowledge)``). Each commit's
answerer is checked out into a scratch worktree and scored on today's questions with today's
scoring, so the lines compare like with like. Each line has, per style, the in-scope right and
the confidently wrong shares, the verdict counts, and how many answers moved from one verdict to
another since the line before (``W>R:2``: two wrong answers became right). Only aggregates are
printed, never a question, so the validation and holdout sets stay unread.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "validation": ("tests/data/eval/validation.yaml",),
    "tune": ("tests/data/eval_questions.yaml", "tests/data/eval/tune.yaml"),
    "holdout": ("tests/data/eval/holdout.yaml",),
}
STYLES = ("keyword", "chat", "long")
LETTERS = {"right": "R", "asked_back": "A", "refused": "F", "wrong": "W"}

#: Run inside a commit's tree: one verdict per question, in order.
_SCORE = """
import json, sys
from pathlib import Path
from bot.knowledge import bundled_knowledge_path, load_knowledge
from bot.questions import QuestionAnswerer
from evaluation_today import in_scope, load_entries, verdict
answerer = QuestionAnswerer(load_knowledge(bundled_knowledge_path()))
rows = [
    (entry["style"], in_scope(entry), str(verdict(answerer.understand(entry["q"]), entry)))
    for entry in load_entries([Path(p) for p in sys.argv[1:]])
]
print(json.dumps(rows))
"""


def score(tree: Path, commit: str, files: list[Path]) -> list[tuple[str, bool, str]]:
    """The verdicts of ``commit``'s answerer on ``files``, scored as the current code scores."""
    subprocess.run(["git", "-C", str(tree), "checkout", "-qf", commit], check=True)
    shutil.copy(ROOT / "tests" / "evaluation.py", tree / "evaluation_today.py")
    done = subprocess.run(
        [sys.executable, "-c", _SCORE, *map(str, files)],
        cwd=tree,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    if done.returncode:
        raise SystemExit(f"{commit}: {done.stderr.strip().splitlines()[-1]}")
    return [tuple(row) for row in json.loads(done.stdout)]


def line(rows: list[tuple[str, bool, str]]) -> str:
    """Per style in-scope right / confidently wrong, then the verdict counts."""
    parts = []
    for style in STYLES:
        mine = [row for row in rows if row[0] == style]
        asked = [row for row in mine if row[1]]
        right = sum(row[2] == "right" for row in asked) / max(1, len(asked))
        wrong = sum(row[2] == "wrong" for row in mine) / max(1, len(mine))
        parts.append(f"{style} {100 * right:5.1f}/{100 * wrong:4.1f}")
    counts = Counter(row[2] for row in rows)
    verdicts = " ".join(f"{LETTERS[v]}{counts[v]}" for v in LETTERS)
    return f"{'  '.join(parts)}  {verdicts} n={len(rows)}"


def moves(before: list[tuple[str, bool, str]], after: list[tuple[str, bool, str]]) -> str:
    """How many answers changed verdict, by from and to."""
    moved = Counter((a[2], b[2]) for a, b in zip(before, after, strict=True) if a[2] != b[2])
    return " ".join(f"{LETTERS[a]}>{LETTERS[b]}:{n}" for (a, b), n in sorted(moved.items()))


def main() -> int:
    """Print one line per commit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="validation")
    parser.add_argument("commits", nargs="+")
    options = parser.parse_args()
    files = [ROOT / p for p in SETS[options.set]]
    commits = [  # named here, not in the scratch tree, whose HEAD moves
        subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{name}^{{commit}}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for name in options.commits
    ]
    print("commit   per style: in-scope right % / confidently wrong %; verdicts; moves")
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), "HEAD"],
            check=True,
        )
        try:
            before = None
            for commit in commits:
                rows = score(tree, commit, files)
                changed = f"  {moves(before, rows)}" if before and len(before) == len(rows) else ""
                print(f"{commit[:7]}  {line(rows)}{changed}", flush=True)
                before = rows
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
