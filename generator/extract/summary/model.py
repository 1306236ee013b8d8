"""The fitted sentence scorer: a logistic model over the features, read from data/summary_weights.json."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

WEIGHTS = Path(__file__).resolve().parent.parent.parent / "data" / "summary_weights.json"


@dataclass(frozen=True)
class Scorer:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def logit(self, row: list[float]) -> float:
        """Log-odds that a sentence belongs in a summary people would write."""
        return self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.mean, self.scale))


@functools.lru_cache(maxsize=1)
def load_scorer(path: Path = WEIGHTS) -> Scorer:
    """The shipped weights (scripts/fit_summary_weights.py writes them)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Scorer(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]),
                  tuple(data["weights"]), float(data["bias"]))
