"""A second look at the chosen matters: a small logistic model over each one's rank and nearness to likelier ones."""
from __future__ import annotations

import math

from generator.extract.questions.candidates import Candidate
from generator.extract.questions.matters import pair_features
from generator.extract.questions.model import Model

# past this rank every matter looks the same to the filter (an article seldom has more questions)
MAX_RANK = 8
# an article's length in tokens per question it may be expected to ask
TOKENS_PER_QUESTION = 200


def matter_features(groups: list[list[Candidate]], model: Model, idf: dict[str, float],
                    df: dict[str, int]) -> list[tuple[list[Candidate], dict[str, float]]]:
    """Each matter (its sentences, likeliest first) with what the filter weighs, likeliest matter first:
    its rank in the article and per article length, how sure the model is of its lead sentence and of its
    second one, how near it comes to a likelier matter, and whether it holds a rebuttal or a rule cue."""
    ranked = sorted(groups, key=lambda g: -model.probability(g[0].features))
    tokens = len(ranked[0][0].sent.doc) if ranked else 0
    out = []
    for rank, group in enumerate(ranked):
        lead = group[0]
        p = model.probability(lead.features)
        # a matter the pair model half-joins to a likelier one is often that one asked again
        near = 0.0
        for higher in ranked[:rank]:
            pair = pair_features(higher[0], lead, idf, df)
            if pair is not None:
                near = max(near, model.same_matter(pair))
        out.append((group, {
            "lead": p,
            "logit": math.log(p / (1 - p + 1e-9) + 1e-9) / 4,
            "rank": min(rank, MAX_RANK) / MAX_RANK,
            "density": min(3.0, rank / (1 + tokens / TOKENS_PER_QUESTION)) / 3,
            "near": near,
            "second": model.probability(group[1].features) if len(group) > 1 else 0.0,
            "response": 1.0 if any(c.response for c in group) else 0.0,
            "rule": 1.0 if lead.rules else 0.0,
        }))
    return out


def screen(groups: list[list[Candidate]], model: Model, idf: dict[str, float],
           df: dict[str, int]) -> list[list[Candidate]]:
    """The matters the filter keeps, in the order given; all of them when the model has no filter."""
    if not model.filter_weights:
        return groups
    kept = {id(group) for group, features in matter_features(groups, model, idf, df) if model.keeps(features)}
    return [group for group in groups if id(group) in kept]
