"""Train the open-questions decision model from the dev annotations, cross-validated by halves.

    .venv/bin/python scripts/train_questions.py [--dev ../shared/eval/dev] [--scorer PATH] [--write]

The annotated articles (those of dev/places and dev/quotes whose gold has open questions) are sorted
by set and name and split even/odd into halves A and B. For each half, a model is trained on the other
half (its threshold tuned there too) and the whole extractor is scored on the held-out half with the
kit's own scorer; the two held-out results and their sum are printed. Then one model is trained on all
the articles and, with --write, saved to generator/data/questions_model.json. A sentence is labelled
open when its text holds a keyword from every group of a gold item (core or optional), the scorer's
own test. A second-stage filter (generator/extract/questions/filter.py) is then fitted on the matters
the inner folds' models choose in the articles they were not fitted on, each labelled right when it
answers a gold item no likelier question took (the scorer's one-to-one matching). The fit is deterministic (Newton's method on an L2-penalised logistic loss from zero
weights; no random draws, so no seed to fix).
"""
from __future__ import annotations

import argparse
import dataclasses
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
from generator.extract.questions.decide import askable, build, choose, in_pool  # noqa: E402
from generator.extract.questions.filter import matter_features  # noqa: E402
from generator.extract.questions.matters import article_weights, pair_features, sentence_frequency  # noqa: E402
from generator.extract.questions.model import MODEL_PATH, Model, logistic  # noqa: E402
from generator.extract.questions.shared import Names  # noqa: E402
from generator.nlp import span_text  # noqa: E402

SETS = ("places", "quotes")
L2 = 3.0  # penalty on the weights (not the bias): about 80 features on some 400 sentences
PAIR_L2 = 3.0
# a small grid: on 27 articles a finer one picks noise (its choice moved held-out F1 by +-0.03)
THRESHOLDS = [0.4, 0.5, 0.6]  # the least probability a candidate without a rule cue needs
RULE_THRESHOLDS = [0.0]  # one with a 0.2 rule cue is always a candidate
SAME = [0.1, 0.15, 0.2, 0.3]  # the least probability of the same matter that makes a sentence a repeat
PER_TOKENS = [0, 60, 80, 100, 150]  # the article's question budget: at most 1 + tokens // this (0: none)
BETA = 1.0  # the settings maximise F-beta on the inner folds: below 1 weighs precision more
# folds of the training articles the settings are chosen by: with two, each scores ~13 articles, and the
# choice between neighbouring settings flipped with which half was held out
INNER_FOLDS = 3
FILTER_L2 = 3.0  # eight features on some 200 chosen matters
# the least probability of the second-stage filter a chosen matter needs (0.0: keep all)
FILTER_THRESHOLDS = [0.0, 0.2, 0.3, 0.4, 0.5, 0.6]


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


class Article:
    """One annotated article: its parse, candidates, gold items, and each pool sentence's gold matches."""

    def __init__(self, doc, gold: dict, scorer) -> None:
        self.doc, self.gold = doc, gold["open_questions"]
        self.items = self.gold["core"] + self.gold.get("optional", [])
        self.candidates = find_candidates(doc)
        self.pool = [c for c in self.candidates if in_pool(c)]
        self.fits = [frozenset(j for j, g in enumerate(self.items) if scorer.groups_match(g["groups"], span_text(c.sent)))
                     for c in self.pool]
        self.idf, self.df = article_weights(self.candidates), sentence_frequency(self.candidates)
        self.names = Names(doc)
        self.built: dict[tuple[int, ...], object] = {}
        asks = askable(self.names)
        self.askable = {c.index: asks(c) for c in self.pool}

    def questions(self, model: Model) -> list[dict]:
        out = []
        for group in choose(self.candidates, model, lambda c: self.askable[c.index]):
            key = tuple(c.index for c in group)
            if key not in self.built:
                self.built[key] = build(group, self.names)
            question = self.built[key]
            if question is not None:
                out.append({"question": question.question, "evidence": question.evidence})
        return out


def sentence_rows(articles: list[Article]) -> list[tuple[dict[str, float], float]]:
    """(features, label) for every pool sentence: open when it holds a keyword of every group of a gold
    item (core or optional), the scorer's own test."""
    return [(c.features, 1.0 if fits else 0.0) for a in articles for c, fits in zip(a.pool, a.fits)]


def pair_rows(articles: list[Article]) -> list[tuple[dict[str, float], float]]:
    """(pair features, label) for every two pool sentences of an article that both match gold items: the
    same matter when no two different items can be given to them (one prediction answers one item)."""
    rows = []
    for a in articles:
        for i in range(len(a.pool)):
            for j in range(i + 1, len(a.pool)):
                fi, fj = a.fits[i], a.fits[j]
                features = pair_features(a.pool[i], a.pool[j], a.idf, a.df)
                if fi and fj and features is not None:
                    rows.append((features, 1.0 if len(fi | fj) == 1 else 0.0))
    return rows


def fit(rows, l2: float) -> tuple[dict[str, float], float]:
    """L2-penalised logistic regression by Newton's method (deterministic)."""
    names = sorted({n for f, _ in rows for n in f})
    x = numpy.array([[f.get(n, 0.0) for n in names] + [1.0] for f, _ in rows])
    y = numpy.array([label for _, label in rows])
    beta = numpy.zeros(x.shape[1])
    penalty = l2 * numpy.eye(x.shape[1])
    penalty[-1, -1] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + numpy.exp(-(x @ beta)))
        gradient = x.T @ (p - y) + penalty @ beta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = numpy.linalg.solve(hessian, gradient)
        beta -= step
        if numpy.abs(step).max() < 1e-8:
            break
    return {n: round(float(w), 4) for n, w in zip(names, beta[:-1])}, round(float(beta[-1]), 4)


def score_articles(model: Model, articles: list[Article], scorer) -> list[int]:
    """[core found, core, predictions right, predictions] over the articles."""
    totals = [0, 0, 0, 0]
    for a in articles:
        m = scorer.score_open_questions(a.gold, {"open_questions": a.questions(model)})
        for k, key in enumerate(("gold_found", "gold", "predicted_right", "predicted")):
            totals[k] += m[key]
    return totals


def f1(totals: list[int], beta: float = 1.0) -> float:
    """F-beta of [core found, core, predictions right, predictions] (F1 by default)."""
    recall = totals[0] / max(1, totals[1])
    precision = totals[2] / max(1, totals[3])
    b2 = beta * beta
    return (1 + b2) * recall * precision / (b2 * precision + recall) if recall + precision else 0.0


def fitted(articles: list[Article]) -> tuple[dict[str, float], float, dict[str, float], float]:
    """The sentence model's and the pair model's weights and biases, fitted on `articles`."""
    weights, bias = fit(sentence_rows(articles), L2)
    pair_weights, pair_bias = fit(pair_rows(articles), PAIR_L2)
    return weights, bias, pair_weights, pair_bias


def grid() -> list[tuple[float, float, float, int]]:
    return [(t, r, s, b) for t in THRESHOLDS for r in RULE_THRESHOLDS for s in SAME for b in PER_TOKENS]


def train_base(articles: list[Article], scorer) -> Model:
    """Both models fitted on `articles`; the selection settings (thresholds, same matter) those that score
    best when chosen by cross-validation inside `articles` (fitted on two thirds of them, scored on the
    third left out, for each third in turn), so that they are not tuned to weights fitted on the articles they are scored on."""
    totals = {setting: [0, 0, 0, 0] for setting in grid()}
    for k in range(INNER_FOLDS):
        fold = articles[k::INNER_FOLDS]
        rest = [a for i, a in enumerate(articles) if i % INNER_FOLDS != k]
        weights = fitted(rest)
        for setting in grid():
            model = Model(*weights[:2], *setting[:2], *weights[2:], setting[2], len(rest), setting[3])
            totals[setting] = [a + b for a, b in zip(totals[setting], score_articles(model, fold, scorer))]
    best = max(grid(), key=lambda setting: (round(f1(totals[setting], BETA), 9), -grid().index(setting)))
    weights = fitted(articles)
    return Model(*weights[:2], *best[:2], *weights[2:], best[2], len(articles), best[3])


def matter_rows(a: Article, model: Model) -> list[tuple[dict[str, float], dict]]:
    """(filter features, question) for each matter `model` chooses in `a` that a question is worded for,
    likeliest first."""
    rows = []
    for group, features in matter_features(choose(a.candidates, model, lambda c: a.askable[c.index]),
                                           model, a.idf, a.df):
        key = tuple(c.index for c in group)
        if key not in a.built:
            a.built[key] = build(group, a.names)
        question = a.built[key]
        if question is not None:
            rows.append((features, {"question": question.question, "evidence": question.evidence}))
    return rows


def matter_labels(a: Article, rows: list[tuple[dict[str, float], dict]], scorer) -> list[float]:
    """1 for a question that answers a gold item no likelier question took (the scorer matches one
    prediction to one item, so a second question on a taken item counts against precision)."""
    taken, labels = set(), []
    for _, question in rows:
        text = question["question"] + " " + question["evidence"]
        hits = [j for j, g in enumerate(a.items) if j not in taken and scorer.groups_match(g["groups"], text)]
        if hits:
            taken.add(hits[0])
        labels.append(1.0 if hits else 0.0)
    return labels


def score_rows(scored: list[tuple[Article, list]], weights: dict[str, float], bias: float, threshold: float,
               scorer) -> list[int]:
    """[core found, core, predictions right, predictions] keeping the rows the filter passes."""
    totals = [0, 0, 0, 0]
    for a, rows in scored:
        kept = [q for f, q in rows if logistic(bias, weights, f) >= threshold]
        m = scorer.score_open_questions(a.gold, {"open_questions": kept})
        for k, key in enumerate(("gold_found", "gold", "predicted_right", "predicted")):
            totals[k] += m[key]
    return totals


def train(articles: list[Article], scorer) -> Model:
    """The base model (`train_base`) and a second-stage filter over the matters it chooses: fitted on the
    matters the models of the inner folds choose in the articles they were not fitted on (so it learns
    from errors like those on new text), its threshold the one that scores best over those folds."""
    base = train_base(articles, scorer)
    scored = []
    for k in range(INNER_FOLDS):
        fold = articles[k::INNER_FOLDS]
        rest = [a for i, a in enumerate(articles) if i % INNER_FOLDS != k]
        weights = fitted(rest)
        model = dataclasses.replace(base, weights=weights[0], bias=weights[1], pair_weights=weights[2],
                                    pair_bias=weights[3], trained_on=len(rest))
        scored += [(a, matter_rows(a, model)) for a in fold]
    rows = [(f, y) for a, r in scored for (f, _), y in zip(r, matter_labels(a, r, scorer))]
    weights, bias = fit(rows, FILTER_L2)
    totals = {t: score_rows(scored, weights, bias, t, scorer) for t in FILTER_THRESHOLDS}
    best = max(FILTER_THRESHOLDS, key=lambda t: (round(f1(totals[t], BETA), 9), -FILTER_THRESHOLDS.index(t)))
    return dataclasses.replace(base, filter_weights=weights, filter_bias=bias, filter_threshold=best)


def line(label: str, totals: list[int]) -> str:
    return (f"| {label} | {totals[0] / max(1, totals[1]):.3f} ({totals[0]}/{totals[1]}) "
            f"| {totals[2] / max(1, totals[3]):.3f} ({totals[2]}/{totals[3]}) | {f1(totals):.3f} |")


def settings(model: Model) -> str:
    budget = f", a question per {model.per_tokens} tokens" if model.per_tokens else ""
    screen = f", filter at {model.filter_threshold}" if model.filter_weights else ""
    return f"thresholds {model.threshold} / {model.rule_threshold}, same matter {model.same}{budget}{screen}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--write", action="store_true", help=f"save the model trained on all to {MODEL_PATH}")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    items = annotated(args.dev)
    nlp.load()
    articles = [Article(nlp.parse(read_article(path)), gold, scorer) for _, path, gold in items]
    halves = {"A": articles[0::2], "B": articles[1::2]}
    rows = sentence_rows(articles)
    print(f"{len(items)} annotated articles, {len(rows)} candidate sentences, "
          f"{int(sum(label for _, label in rows))} labelled open, {len(pair_rows(articles))} pairs\n")
    print("| held out | recall | precision | F1 |\n|---|---|---|---|")
    pooled = [0, 0, 0, 0]
    for name, held in halves.items():
        model = train(halves["B" if name == "A" else "A"], scorer)
        result = score_articles(model, held, scorer)
        pooled = [a + b for a, b in zip(pooled, result)]
        print(line(f"half {name} ({len(held)} articles; trained on the other, {settings(model)})", result))
    print(line("both halves held out (pooled)", pooled))
    model = train(articles, scorer)
    print(line(f"all articles, model trained on all ({settings(model)}; in-sample)",
               score_articles(model, articles, scorer)))
    if args.write:
        data = model.to_dict()
        MODEL_PATH.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
