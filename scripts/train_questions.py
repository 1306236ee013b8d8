"""Train the open-questions decision model from the dev annotations, cross-validated by halves.

    .venv/bin/python scripts/train_questions.py [--dev ../shared/eval/dev] [--scorer PATH] [--write]

The annotated articles (those of dev/places and dev/quotes whose gold has open questions) are sorted
by set and name and split even/odd into halves A and B. For each half, a model is trained on the other
half (its threshold tuned there too) and the whole extractor is scored on the held-out half with the
kit's own scorer; the two held-out results and their sum are printed. Then one model is trained on all
the articles and, with --write, saved to generator/data/questions_model.json. A sentence is labelled
open when its text holds a keyword from every group of a gold item (core or optional), the scorer's
own test. The fit is deterministic (Newton's method on an L2-penalised logistic loss from zero
weights; no random draws, so no seed to fix).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import nlp  # noqa: E402
from generator.articles import read_article  # noqa: E402
from generator.extract.questions.candidates import find_candidates  # noqa: E402
from generator.extract.questions.decide import extract_open_questions, in_pool  # noqa: E402
from generator.extract.questions.model import MODEL_PATH, Model  # noqa: E402
from generator.nlp import span_text  # noqa: E402

SETS = ("places", "quotes")
L2 = 3.0  # penalty on the weights (not the bias): about 80 features on some 400 sentences
THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]  # for a candidate without a rule cue
RULE_THRESHOLDS = [0.0, 0.3, 0.45]  # for one with
OVERLAP = 2


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotated(dev: Path) -> list[tuple[str, Path, dict]]:
    """(key, article path, gold) for every dev article annotated with open questions, sorted by key."""
    out = []
    for name in SETS:
        for gold_path in sorted((dev / name / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if "open_questions" in gold:
                out.append((f"{name}/{gold_path.stem}", dev / name / "articles" / f"{gold_path.stem}.txt", gold))
    return sorted(out, key=lambda item: item[0])


def examples(docs, golds, scorer) -> list[tuple[int, dict[str, float], float]]:
    """(article index, features, label) for every candidate in the pool."""
    rows = []
    for i, (doc, gold) in enumerate(zip(docs, golds)):
        items = gold["open_questions"]["core"] + gold["open_questions"].get("optional", [])
        for candidate in find_candidates(doc):
            if not in_pool(candidate):
                continue
            text = span_text(candidate.sent)
            label = 1.0 if any(scorer.groups_match(g["groups"], text) for g in items) else 0.0
            rows.append((i, candidate.features, label))
    return rows


def fit(rows, names: list[str]) -> tuple[numpy.ndarray, float]:
    """L2-penalised logistic regression by Newton's method (deterministic)."""
    x = numpy.array([[f.get(n, 0.0) for n in names] + [1.0] for _, f, _ in rows])
    y = numpy.array([label for _, _, label in rows])
    beta = numpy.zeros(x.shape[1])
    penalty = L2 * numpy.eye(x.shape[1])
    penalty[-1, -1] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + numpy.exp(-(x @ beta)))
        gradient = x.T @ (p - y) + penalty @ beta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = numpy.linalg.solve(hessian, gradient)
        beta -= step
        if numpy.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def score_articles(model: Model, docs, golds, scorer) -> list[int]:
    """[core found, core, predictions right, predictions] over the articles."""
    totals = [0, 0, 0, 0]
    for doc, gold in zip(docs, golds):
        questions = [{"question": q.question, "evidence": q.evidence} for q in extract_open_questions(doc, model)]
        m = scorer.score_open_questions(gold["open_questions"], {"open_questions": questions})
        for k, key in enumerate(("gold_found", "gold", "predicted_right", "predicted")):
            totals[k] += m[key]
    return totals


def f1(totals: list[int]) -> float:
    recall = totals[0] / max(1, totals[1])
    precision = totals[2] / max(1, totals[3])
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def train(indices: list[int], rows, docs, golds, scorer) -> Model:
    """A model fitted on the articles in `indices`, its threshold the one scoring best on them."""
    chosen = set(indices)
    subset = [r for r in rows if r[0] in chosen]
    names = sorted({n for _, f, _ in subset for n in f})
    weights, bias = fit(subset, names)
    base = {n: round(float(w), 4) for n, w in zip(names, weights)}
    best = None
    for threshold in THRESHOLDS:
        for rule_threshold in RULE_THRESHOLDS:
            model = Model(base, round(bias, 4), threshold, rule_threshold, OVERLAP, len(indices))
            result = score_articles(model, [docs[i] for i in indices], [golds[i] for i in indices], scorer)
            if best is None or f1(result) > best[0] + 1e-9:
                best = (f1(result), model)
    return best[1]


def line(label: str, totals: list[int]) -> str:
    return (f"| {label} | {totals[0] / max(1, totals[1]):.3f} ({totals[0]}/{totals[1]}) "
            f"| {totals[2] / max(1, totals[3]):.3f} ({totals[2]}/{totals[3]}) | {f1(totals):.3f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--write", action="store_true", help=f"save the model trained on all to {MODEL_PATH}")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    items = annotated(args.dev)
    golds = [g for _, _, g in items]
    nlp.load()
    docs = [nlp.parse(read_article(path)) for _, path, _ in items]
    rows = examples(docs, golds, scorer)
    halves = {"A": [i for i in range(len(items)) if i % 2 == 0], "B": [i for i in range(len(items)) if i % 2 == 1]}
    print(f"{len(items)} annotated articles, {len(rows)} candidate sentences, "
          f"{int(sum(r[2] for r in rows))} labelled open\n")
    print("| held out | recall | precision | F1 |\n|---|---|---|---|")
    pooled = [0, 0, 0, 0]
    for name, held in halves.items():
        other = halves["B" if name == "A" else "A"]
        model = train(other, rows, docs, golds, scorer)
        result = score_articles(model, [docs[i] for i in held], [golds[i] for i in held], scorer)
        pooled = [a + b for a, b in zip(pooled, result)]
        print(line(f"half {name} ({len(held)} articles; trained on the other, thresholds {model.threshold} / {model.rule_threshold})", result))
    print(line("both halves held out (pooled)", pooled))
    model = train(list(range(len(items))), rows, docs, golds, scorer)
    print(line(f"all articles, model trained on all (thresholds {model.threshold} / {model.rule_threshold}; in-sample)",
               score_articles(model, docs, golds, scorer)))
    if args.write:
        data = model.to_dict()
        MODEL_PATH.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
