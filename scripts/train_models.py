"""Train the answerer's learned models (:mod:`bot.learned`): the intent, need and doubt models.

Each is a multinomial logistic regression, fitted by full-batch gradient descent with an L2
penalty (deterministic: the same data give the same file). Features seen in fewer than two
examples are left out, and so are weights too small to change an answer.

- intent: the tune questions (tests/data/eval_questions.yaml and tests/data/eval/tune.yaml) and
  the intent each asks for;
- need: each use case and benefit of the knowledge file, labelled with its topic, and the tune
  questions about a need, labelled with their best fit;
- doubt: the confident answers to the tune questions, each labelled right or wrong, as the
  answerer gives them with intent and need models trained without that question (five folds,
  trained side by side): how answers go on questions the models have not seen.

Run: python scripts/train_models.py [--knowledge knowledge/roadmap.yaml] [--check]
(writes ``<knowledge stem>.learned.json`` beside the knowledge file; ``--check`` only reports
whether the file there is what training gives today). Needs NumPy (the ``test`` extra). The
file records a fingerprint of the examples and settings it was trained on; a test fails when the
tune questions or the knowledge file move on without retraining.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge import load_knowledge  # noqa: E402
from bot.learned import RIGHT, WRONG, Learned, LinearModel, companion_path  # noqa: E402
from bot.questions import QuestionAnswerer  # noqa: E402
from tests.evaluation import TUNE_SETS, Verdict, load_entries, verdict  # noqa: E402

#: Per model, the L2 penalty and the steps of gradient descent, chosen by 5-fold
#: cross-validation on tune (answers moved on questions held out of training); then the step
#: size.
INTENT_PENALTY, INTENT_STEPS = 1e-4, 1200
NEED_PENALTY, NEED_STEPS = 3e-4, 800
DOUBT_PENALTY, DOUBT_STEPS = 1e-3, 1000
#: The doubt model learns from answers by models trained on the other folds of tune.
FOLDS = 5
STEP_SIZE = 1.0
#: A feature must appear in this many questions to be learnt from.
MIN_QUESTIONS = 2
#: A feature whose weights are all under this is left out of the file; the need model, with
#: forty labels to a row, keeps only features that speak clearly for or against one.
SMALLEST_WEIGHT = 0.02
SMALLEST_NEED_WEIGHT = 0.1


def train(
    rows: list[frozenset[str]],
    labels: list[str],
    smallest: float = SMALLEST_WEIGHT,
    penalty: float = INTENT_PENALTY,
    steps: int = INTENT_STEPS,
) -> LinearModel:
    """Fit a model to feature sets and their labels."""
    seen = Counter(feature for row in rows for feature in row)
    vocabulary = sorted(f for f, n in seen.items() if n >= MIN_QUESTIONS)
    column = {feature: at for at, feature in enumerate(vocabulary)}
    intents = sorted(set(labels))  # the labels, in a fixed order
    # each question's features as column numbers (the bias last): a sparse 0/1 matrix
    columns = [[*sorted(column[f] for f in row if f in column), len(vocabulary)] for row in rows]
    starts = np.cumsum([0, *(len(c) for c in columns[:-1])])
    cols = np.fromiter((c for row in columns for c in row), dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), [len(c) for c in columns])
    y = np.eye(len(intents))[[intents.index(label) for label in labels]]
    w = np.zeros((len(vocabulary) + 1, len(intents)))
    for _ in range(steps):
        scores = np.add.reduceat(w[cols], starts, axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - y)[owner] / len(rows)
        gradient = np.stack(
            [np.bincount(cols, weights=error[:, k], minlength=len(w)) for k in range(len(intents))],
            axis=1,
        )
        w -= STEP_SIZE * (gradient + penalty * w)
    weights = {
        feature: tuple(float(v) for v in w[at])
        for feature, at in column.items()
        if np.abs(w[at]).max() >= smallest
    }
    return LinearModel(tuple(intents), tuple(float(v) for v in w[-1]), weights)


Rows = list[tuple[frozenset[str], str]]


def examples(knowledge_path: Path) -> tuple[Rows, Rows]:
    """What each model learns from: (features, label) rows for the intent and need models."""
    knowledge = load_knowledge(knowledge_path)
    answerer = QuestionAnswerer(knowledge, beside=False)  # its reading of names: what they see
    entries = load_entries(TUNE_SETS)
    read = [answerer.learned_features(entry["q"]) for entry in entries]
    intents = [(intent, entry["intent"]) for entry, (intent, _) in zip(entries, read, strict=True)]
    needs = [  # the knowledge file's own words for each topic's needs, then learners' words
        (answerer.learned_features(text)[1], topic.id)
        for topic in knowledge.topics.values()
        for text in (*topic.use_cases, *topic.benefits)
    ]
    needs += [
        (need, entry["topics"][0])
        for entry, (_, need) in zip(entries, read, strict=True)
        if entry["intent"] == "use_case" and entry["topics"]
    ]
    return intents, needs


def train_pair(intents: Rows, needs: Rows) -> Learned:
    """The intent and need models trained on these rows."""
    intent = train([row for row, _ in intents], [label for _, label in intents])
    need = train(
        [row for row, _ in needs],
        [label for _, label in needs],
        smallest=SMALLEST_NEED_WEIGHT,
        penalty=NEED_PENALTY,
        steps=NEED_STEPS,
    )
    return Learned(intent, need)


def fold_of(question: str) -> int:
    """Which of the folds a tune question is in (by its text, like the eval split)."""
    return int(hashlib.sha256(question.encode("utf-8")).hexdigest(), 16) % FOLDS


def fold_models(intents: Rows, needs: Rows) -> list[Learned]:
    """Per fold of tune, the intent and need models trained without that fold's questions.

    ``intents`` and ``needs`` are :func:`examples`' rows; the knowledge file's own need rows
    are in every fold's training.
    """
    entries = load_entries(TUNE_SETS)
    asked = [entry for entry in entries if entry["intent"] == "use_case" and entry["topics"]]
    folds = [fold_of(entry["q"]) for entry in entries]
    need_folds = [None] * (len(needs) - len(asked)) + [fold_of(entry["q"]) for entry in asked]
    training = [
        (
            [row for row, fold in zip(intents, folds, strict=True) if fold != k],
            [row for row, fold in zip(needs, need_folds, strict=True) if fold != k],
        )
        for k in range(FOLDS)
    ]
    with ProcessPoolExecutor(min(FOLDS, os.cpu_count() or 1)) as pool:
        return list(pool.map(train_pair, *zip(*training, strict=True)))


def doubt_rows(
    knowledge_path: Path, models: list[Learned]
) -> list[tuple[int, frozenset[str], str]]:
    """Each confident answer's fold, signals and label (right or wrong).

    A question is answered by ``models[its fold]`` (:func:`fold_models`), trained without it,
    as a learner's new question is.
    """
    entries = load_entries(TUNE_SETS)
    knowledge = load_knowledge(knowledge_path)
    rows = []
    for k, learned in enumerate(models):
        answerer = QuestionAnswerer(knowledge, learned)
        for entry in entries:
            if fold_of(entry["q"]) != k:
                continue
            answer, signals = answerer.answer_signals(entry["q"])
            if signals is not None:
                wrong = verdict(answer, entry) is Verdict.WRONG
                rows.append((k, signals.features(), WRONG if wrong else RIGHT))
    return rows


def train_doubt(rows: Rows) -> LinearModel:
    """The doubt model fitted to (signals, right or wrong) rows."""
    labels = [label for _, label in rows]
    return train([row for row, _ in rows], labels, penalty=DOUBT_PENALTY, steps=DOUBT_STEPS)


def fingerprint(intents: Rows, needs: Rows) -> str:
    """A digest of the examples and settings of training: it changes when either does."""
    settings = (INTENT_PENALTY, INTENT_STEPS, NEED_PENALTY, NEED_STEPS, STEP_SIZE, MIN_QUESTIONS)
    data = [settings, SMALLEST_WEIGHT, SMALLEST_NEED_WEIGHT, DOUBT_PENALTY, DOUBT_STEPS, FOLDS]
    data += [[sorted(row), label] for rows in (intents, needs) for row, label in rows]
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def main() -> None:
    """Train the models and write (or, with --check, compare) the companion file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge" / "roadmap.yaml")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    intents, needs = examples(args.knowledge)
    doubts = doubt_rows(args.knowledge, fold_models(intents, needs))
    doubt = train_doubt([(row, label) for _, row, label in doubts])
    pair = train_pair(intents, needs)
    model = Learned(pair.intent, pair.need, fingerprint(intents, needs), doubt)
    target = companion_path(args.knowledge)
    text = model.to_json()
    if args.check:
        same = target.is_file() and target.read_text(encoding="utf-8") == text
        print(f"{target}: {'up to date' if same else 'differs from training today'}")
        sys.exit(0 if same else 1)
    target.write_text(text, encoding="utf-8")
    print(
        f"{target}: intent model {len(model.intent.weights):,} features,"
        f" need model {len(model.need.weights):,} features over {len(model.need.labels)} topics"
    )


if __name__ == "__main__":
    main()
