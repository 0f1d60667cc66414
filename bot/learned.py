"""Learned second opinions for the answerer's rules: what a message asks for, and what a need fits.

The rules read a message clause by clause; these models read it as a whole. Both are logistic
regressions over words, trained by `scripts/train_models.py` and kept beside the knowledge file
as ``<name>.learned.json``; a roadmap without one is read by the rules alone.

- The intent model reads a message's words and word pairs (the asking sentence's apart), every
  name standing as its kind ("N_language", "N_uncovered"): it learns how learners ask, not which
  technology they name. It is trained on the tune half of the eval set.
- The need model reads the word stems of a need (names as themselves; the asking sentence's
  apart, as the learner's background often fills the others) and gives the topic it fits;
  it is trained on the knowledge file's own use cases and benefits and on the tune questions
  about needs.
- The doubt model reads how a confident answer was reached (:class:`AnswerSignals`: how sure
  each model was, whether they agree with the rules, how long the message is) and gives how
  likely the answer is wrong; a likely wrong answer is asked back. It is trained on the tune
  questions' answers by models that did not see them (five folds).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any

from bot.knowledge import compiled
from bot.wording import Message

#: The version of the file format this code reads.
FORMAT = 1
#: What a companion file's name ends with, after the knowledge file's stem.
SUFFIX = ".learned.json"
#: Weights smaller than this are kept as 0.
SMALLEST = 0.01


class LearnedError(Exception):
    """A model file that cannot be used; ``str()`` names the file and what is wrong."""


def intent_features(
    message: Message, masked: Mapping[int, str | None], focus: int
) -> frozenset[str]:
    """What the intent model reads: words and word pairs, the asking sentence's apart.

    ``masked`` maps a word's position to what stands for it (a name's kind, for the name's
    first word) or to None (the name's other words, dropped).
    """
    tokens: list[str] = []
    in_focus: list[str] = []
    stems: list[str] = []
    for at, word in enumerate(message.words):
        token = masked.get(at, word.text)
        if token is None:
            continue
        tokens.append(token)
        if at not in masked:
            stems.append(word.stem)
        if word.sentence == focus:
            in_focus.append(token)
    found = [  # made by str methods in C, each once: a long message has a few hundred
        map("u:".__add__, set(tokens)),
        _pairs("b:", tokens),
        map("s:".__add__, set(stems)),
        map("f:".__add__, set(in_focus)),
        _pairs("fb:", in_focus),
    ]
    if in_focus:
        found.append((f"start:{in_focus[0]}",))
    return frozenset(chain.from_iterable(found))


def _pairs(prefix: str, tokens: list[str]) -> Iterator[str]:
    """``prefix`` and each two tokens side by side, joined by "_" (each pair once)."""
    return map(prefix.__add__, map("_".join, set(pairwise(tokens))))


def need_features(
    stems: Sequence[str], names: Iterable[str], asking: Iterable[str] = ()
) -> frozenset[str]:
    """What the need model reads: stems, stem pairs, names, and the asking sentence's stems."""
    found = {f"s:{s}" for s in stems} | {f"p:{a}_{b}" for a, b in pairwise(stems)}
    found |= {f"fs:{s}" for s in asking}
    return frozenset(found | {f"n:{name}" for name in names})


#: The doubt model's labels.
RIGHT, WRONG = "right", "wrong"


@dataclass(frozen=True, slots=True)
class AnswerSignals:
    """How a confident answer about a topic was reached: what the doubt model reads."""

    #: The answer's intent and first topic; the intent the rules read before the models.
    intent: str
    topic: str
    rules_intent: str
    #: The intent model's probability of each intent.
    intents: Mapping[str, float]
    #: The need model's two likeliest topics, with their probabilities.
    needs: Sequence[tuple[str, float]]
    #: The topics the message asks about, best first, and all it names.
    subjects: Sequence[str]
    named: Sequence[str]
    words: int
    sentences: int
    #: Whether a use-case answer's runner-up came close.
    close_call: bool
    #: The kind of thing the message asks for ("which language"), if any: not a feature, it
    #: limits the choices offered back.
    kind_asked: str | None = None

    def features(self) -> frozenset[str]:
        """The signals as features: each probability in tenths, counts in small bands.

        The two models' probabilities also count per intent answered ("use_case:need_p:4"):
        how sure the need model must be to trust a need's answer is not how sure it must be
        beside an answer about a topic named.
        """
        top_intent = max(self.intents, key=self.intents.__getitem__)
        (need, sure), (_, second) = self.needs[0], self.needs[1]
        intent_p, need_p = _tenths(self.intents.get(self.intent, 0.0)), _tenths(sure)
        found = {
            f"intent:{self.intent}",
            f"rules:{self.rules_intent}",
            f"intent_p:{intent_p}",
            f"need_p:{need_p}",
            f"{self.intent}:intent_p:{intent_p}",
            f"{self.intent}:need_p:{need_p}",
            f"need_gap:{_tenths(sure - second)}",
            f"words:{min(self.words.bit_length(), 8)}",
            f"sentences:{min(self.sentences, 4)}",
            f"subjects:{min(len(self.subjects), 3)}",
            f"named:{min(len(self.named), 3)}",
        }
        flags = {
            "models_agree": top_intent == self.intent,
            "rules_kept": self.rules_intent == self.intent,
            "need_fits": need == self.topic,
            "first_subject": self.subjects[:1] == [self.topic],
            "a_subject": self.topic in self.subjects,
            "named": self.topic in self.named,
            "close_call": self.close_call,
        }
        return frozenset(found | {flag for flag, on in flags.items() if on})


def _tenths(chance: float) -> int:
    """A probability in tenths, 0 to 9."""
    return min(int(chance * 10), 9)


def _short(weight: float) -> float | int:
    """A weight as the file keeps it: three places, and a plain 0 for one too small to count."""
    return round(weight, 3) if abs(weight) >= SMALLEST else 0


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Weights per feature for each label, and a bias per label."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]

    def probabilities(self, found: Iterable[str]) -> dict[str, float]:
        """How likely each label is, given the features found (softmax of the scores)."""
        weights = self.weights
        rows = list(filter(None, map(weights.get, found)))  # a row is never empty
        # per label (one column of rows): its bias plus the weights of the features found,
        # summed exactly, so in whatever order a set gives them (it changes with the hash seed)
        scores = list(map(math.fsum, zip(self.bias, *rows, strict=True)))
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def best(self, found: Iterable[str]) -> tuple[str, float]:
        """The likeliest label and its probability."""
        return max(self.probabilities(found).items(), key=itemgetter(1))

    def as_data(self) -> dict[str, Any]:
        """The model as plain data: weights to three places, those under 0.01 written as 0."""
        return {
            "labels": list(self.labels),
            "bias": [round(b, 4) for b in self.bias],
            "weights": {f: [_short(w) for w in row] for f, row in sorted(self.weights.items())},
        }

    @classmethod
    def from_data(cls, data: Any) -> LinearModel:
        """Read a model from plain data; raise ValueError, KeyError or TypeError if broken."""
        labels = tuple(str(label) for label in data["labels"])
        bias = tuple(float(b) for b in data["bias"])
        weights = data["weights"]  # rows of numbers, as JSON gives them: read as they are
        rows = weights.values()
        if len(bias) != len(labels) or any(len(row) != len(labels) for row in rows):
            raise ValueError("every row needs one number per label")
        if not {type(w) for w in chain.from_iterable(rows)} <= {float, int}:  # not bool
            raise ValueError("weights must be numbers")
        return cls(labels, bias, weights)


@dataclass(frozen=True, slots=True)
class Learned:
    """The learned models of one roadmap."""

    intent: LinearModel
    need: LinearModel
    #: A digest of what they were trained on (``scripts/train_models.py``), to tell when the
    #: tune questions or the knowledge file moved on without them.
    trained_on: str = ""
    #: How likely a confident answer is wrong; None in a file trained without it.
    doubt: LinearModel | None = None

    def to_json(self) -> str:
        """The models as the JSON text a companion file holds."""
        data = {
            "format": FORMAT,
            "trained_on": self.trained_on,
            "intent": self.intent.as_data(),
            "need": self.need.as_data(),
        }
        if self.doubt is not None:
            data["doubt"] = self.doubt.as_data()
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "<models>") -> Learned:
        """Read the models; raise :class:`LearnedError` naming ``source`` when broken."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, this bot reads {FORMAT}")
            intent = LinearModel.from_data(data["intent"])
            need = LinearModel.from_data(data["need"])
            doubt = LinearModel.from_data(data["doubt"]) if "doubt" in data else None
            if doubt is not None and set(doubt.labels) != {RIGHT, WRONG}:
                raise ValueError(f"the doubt model's labels are {RIGHT} and {WRONG}")
            return cls(intent, need, str(data.get("trained_on", "")), doubt)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise LearnedError(f"{source}: not a learned models file: {error}") from None


def companion_path(knowledge_path: str | Path) -> Path:
    """Where the models for a knowledge file live: ``roadmap.yaml`` -> ``roadmap.learned.json``."""
    path = Path(knowledge_path)
    return path.with_name(path.stem + SUFFIX)


def load_companion(knowledge_path: str | Path | None) -> Learned | None:
    """The models beside a knowledge file, or None when it has none.

    A large file read once (same bytes, same bot) comes from the compiled cache
    (:mod:`bot.knowledge.compiled`): unpickled in a third of its JSON parse.
    """
    if not knowledge_path:
        return None
    path = companion_path(knowledge_path)
    try:
        raw = path.read_bytes()
        learned = compiled.cached(raw, Learned)
        if learned is None:
            learned = Learned.from_json(raw.decode("utf-8"), str(path))
            compiled.keep(raw, learned)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise LearnedError(f"{path}: cannot read it: {error}") from None
    return learned
