"""The learned part of the decision: a logistic model over a candidate's features, read from a data file."""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "questions_model.json"


@dataclass(frozen=True)
class Model:
    """Weights per feature name, a bias, and the selection settings tuned with them."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5  # the least probability a candidate needs
    rule_threshold: float = 0.5  # the same for a candidate with a rule cue
    overlap: int = 2  # content words two questions may share before the weaker is a repeat
    trained_on: int = 0  # annotated articles it was fitted on

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "rule_threshold": self.rule_threshold,
                "overlap": self.overlap,
                "trained_on": self.trained_on, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict) -> "Model":
        return cls(weights={k: float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]),
                   threshold=float(data.get("threshold", 0.5)), rule_threshold=float(data.get("rule_threshold", 0.5)),
                   overlap=int(data.get("overlap", 2)),
                   trained_on=int(data.get("trained_on", 0)))


@functools.lru_cache(maxsize=1)
def default_model() -> Model:
    """The model shipped in generator/data (made by scripts/train_questions.py)."""
    return Model.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
