"""A learned second opinion on what a message asks for: a topic, a need, material, projects...

The answerer's rules read a message clause by clause; this model reads it as a whole. It is a
logistic regression over the message's words and word pairs (those of the asking sentence
apart), with every name replaced by its kind ("N_language", "N_database", "N_uncovered"), so
it learns how learners ask, not which technology they name. `scripts/train_intent_model.py`
trains it on the tune half of the eval set and writes it beside the knowledge file as
``<name>.intents.json``; a roadmap without one is read by the rules alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from bot.wording import Message

#: The version of the file format this code reads.
FORMAT = 1
#: What a companion model file's name ends with, after the knowledge file's stem.
SUFFIX = ".intents.json"


class IntentModelError(Exception):
    """A model file that cannot be used; ``str()`` names the file and what is wrong."""


def features(message: Message, masked: Mapping[int, str | None], focus: int) -> frozenset[str]:
    """The features of a message: its words and word pairs, the asking sentence's apart.

    ``masked`` maps a word's position to what stands for it (a name's kind, for the name's
    first word) or to None (the name's other words, dropped).
    """
    tokens: list[str] = []
    in_focus: list[str] = []
    for at, word in enumerate(message.words):
        token = masked.get(at, word.text)
        if token is None:
            continue
        tokens.append(token)
        if word.sentence == focus:
            in_focus.append(token)
    found = {f"u:{t}" for t in tokens} | {f"b:{a}_{b}" for a, b in pairwise(tokens)}
    found |= {f"f:{t}" for t in in_focus} | {f"fb:{a}_{b}" for a, b in pairwise(in_focus)}
    if in_focus:
        found.add(f"start:{in_focus[0]}")
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class IntentModel:
    """Weights per feature for each intent, and a bias per intent."""

    intents: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]

    def probabilities(self, found: Iterable[str]) -> dict[str, float]:
        """How likely each intent is, given a message's features (softmax of the scores)."""
        scores = list(self.bias)
        weights = self.weights
        for feature in found:
            row = weights.get(feature)
            if row is not None:
                scores = [score + weight for score, weight in zip(scores, row, strict=True)]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {intent: e / total for intent, e in zip(self.intents, exps, strict=True)}

    def to_json(self) -> str:
        """The model as the JSON text a companion file holds."""
        data = {
            "format": FORMAT,
            "intents": list(self.intents),
            "bias": [round(b, 4) for b in self.bias],
            "weights": {f: [round(w, 4) for w in row] for f, row in sorted(self.weights.items())},
        }
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "<model>") -> IntentModel:
        """Read a model; raise :class:`IntentModelError` naming ``source`` when it is broken."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, this bot reads {FORMAT}")
            intents = tuple(str(i) for i in data["intents"])
            bias = tuple(float(b) for b in data["bias"])
            weights = data["weights"]  # rows of numbers, as JSON gives them: read as they are
            rows = weights.values()
            if len(bias) != len(intents) or any(len(row) != len(intents) for row in rows):
                raise ValueError("every row needs one number per intent")
            if not all(type(w) in (float, int) for row in rows for w in row):
                raise ValueError("weights must be numbers")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise IntentModelError(f"{source}: not an intent model: {error}") from None
        return cls(intents, bias, weights)


def companion_path(knowledge_path: str | Path) -> Path:
    """Where the model for a knowledge file lives: ``roadmap.yaml`` -> ``roadmap.intents.json``."""
    path = Path(knowledge_path)
    return path.with_name(path.stem + SUFFIX)


def load_companion(knowledge_path: str | Path | None) -> IntentModel | None:
    """The model beside a knowledge file, or None when it has none."""
    if not knowledge_path:
        return None
    path = companion_path(knowledge_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise IntentModelError(f"{path}: cannot read it: {error}") from None
    return IntentModel.from_json(text, str(path))
