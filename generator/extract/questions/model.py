"""The learned part of the decision: a logistic model over a candidate's features, read from a data file."""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "questions_model.json"


@dataclass(frozen=True)
class Model:
    """Weights per feature name, a bias, and the selection settings tuned with them."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5  # the least probability a candidate needs
    rule_threshold: float = 0.5  # the same for a candidate with a rule cue
    pair_weights: dict[str, float] = field(default_factory=dict)  # two sentences on the same matter
    pair_bias: float = 0.0
    same: float = 0.5  # the least probability of the same matter at which a weaker sentence is not asked again
    trained_on: int = 0  # annotated articles it was fitted on
    per_tokens: int = 0  # an article asks at most 1 + (its tokens // per_tokens) questions (0: no budget)
    filter_weights: dict[str, float] = field(default_factory=dict)  # a second look at each chosen matter (none: keep all)
    filter_bias: float = 0.0
    filter_threshold: float = 0.0  # the least probability a chosen matter needs to be kept

    def probability(self, features: dict[str, float]) -> float:
        """How likely a candidate sentence leaves open a matter the annotators ask about."""
        return logistic(self.bias, self.weights, features)

    def same_matter(self, features: dict[str, float]) -> float:
        """How likely two sentences (described by `matters.pair_features`) ask about one matter."""
        return logistic(self.pair_bias, self.pair_weights, features)

    def budget(self, tokens: int) -> int | None:
        """The most questions an article of `tokens` tokens asks; None when there is no budget."""
        return 1 + tokens // self.per_tokens if self.per_tokens else None

    def keeps(self, features: dict[str, float]) -> bool:
        """Does the filter keep a chosen matter (described by `filter.matter_features`)?"""
        return not self.filter_weights or logistic(self.filter_bias, self.filter_weights, features) >= self.filter_threshold

    def to_dict(self) -> dict:
        return {"filter_bias": self.filter_bias, "filter_threshold": self.filter_threshold,
                "filter_weights": dict(sorted(self.filter_weights.items())), "bias": self.bias, "threshold": self.threshold, "rule_threshold": self.rule_threshold,
                "same": self.same, "trained_on": self.trained_on, "per_tokens": self.per_tokens,
                "weights": dict(sorted(self.weights.items())), "pair_bias": self.pair_bias,
                "pair_weights": dict(sorted(self.pair_weights.items()))}

    @classmethod
    def from_dict(cls, data: dict) -> "Model":
        return cls(weights={k: float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]),
                   threshold=float(data.get("threshold", 0.5)), rule_threshold=float(data.get("rule_threshold", 0.5)),
                   pair_weights={k: float(v) for k, v in data.get("pair_weights", {}).items()},
                   pair_bias=float(data.get("pair_bias", 0.0)), same=float(data.get("same", 0.5)), trained_on=int(data.get("trained_on", 0)),
                   per_tokens=int(data.get("per_tokens", 0)),
                   filter_weights={k: float(v) for k, v in data.get("filter_weights", {}).items()},
                   filter_bias=float(data.get("filter_bias", 0.0)), filter_threshold=float(data.get("filter_threshold", 0.0)))


def logistic(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def default_model() -> Model:
    """The model shipped in generator/data (made by scripts/train_questions.py)."""
    return Model.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
