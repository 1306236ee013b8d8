"""Fit the place ranker (generator/data/place_ranker.tsv) on the development gold (run by hand).

    .venv/bin/python scripts/fit_place_ranker.py [--eval ../shared/eval] [--write]

Reads the evaluation kit's dev/places and dev/places-local (articles and gold, which stay outside the
repository). For every name of an article that the gold places (a gold name with coordinates), the
readings within the gold's tolerance (161 km) are right and the others wrong. The ranker is a conditional
logit (a softmax over a name's readings) fitted by full-batch gradient descent with an L2 penalty that
pulls the weights towards the hand-set START (each set's names weighing the same in all), for
two stages: `first` on features read from the names' best-known readings, `final` on features read
with `first`. Nothing is random: the halves are the articles' sorted file names, even and odd.

Cross-validation: fit on one half of both sets, score the other half end to end (score.py's place F1
and coordinates), swap; then fit on all articles and, with --write, write the weights.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import nlp  # noqa: E402
from generator.articles import read_article  # noqa: E402
from generator.extract.places import extract_locations, read_mentions  # noqa: E402
from generator.extract.places.candidates import candidates, prior_best  # noqa: E402
from generator.extract.places.context import Context  # noqa: E402
from generator.extract.places.resolution import FEATURES, STAGES, features, read_geography  # noqa: E402
from generator.gazetteer import load, name_key  # noqa: E402

SETS = ("places", "places-local")
OUT = ROOT / "generator" / "data" / "place_ranker.tsv"
L2 = 0.01
STEPS = 1500
RATE = 0.05
ROUNDS = 2  # refit after the mentions are read again with the new weights
# START: hand-set weights the fit starts from and is pulled towards. "spelling" stays near its start: only
# 14 of the 559 dev articles are spelled the Commonwealth way, too few to fit it, and a namesake in
# British news is what it is for.
START = {"population": 1.0, "country": 2.5, "district": -0.3, "capital": 2.0, "curated": 3.0, "alternate": -2.0,
         "country_share": 3.0, "state_named": 2.0, "county_named": 3.0, "state_towns": 0.5,
         "state_towns_for_region": 0.7, "county_towns": 0.5, "near": 1.0, "listed_alike": 2.0, "locale": 1.0,
         "spelling": 2.0, "short_form": 1.5}


@dataclasses.dataclass
class Item:
    name: str
    doc: object
    dateline: str | None
    gold: dict


def load_items(eval_dir: Path, cache: Path | None) -> list[Item]:
    """Every dev article parsed (kept in `cache` as spaCy DocBins, when given, to fit again quickly)."""
    from spacy.tokens import DocBin

    items = []
    for name in SETS:
        folder = eval_dir / "dev" / name
        golds = sorted((folder / "gold").glob("*.json"))
        articles = [read_article(folder / "articles" / (g.stem + ".txt")) for g in golds]
        stored = cache / f"{name}.spacy" if cache else None
        if stored and stored.exists():
            docs = list(DocBin().from_disk(stored).get_docs(nlp.load().vocab))
        else:
            docs = [nlp.parse(a) for a in articles]
            if stored:
                stored.parent.mkdir(parents=True, exist_ok=True)
                bin_ = DocBin(store_user_data=True)
                for d in docs:
                    d.user_data = {"paragraph_starts": d.user_data["paragraph_starts"]}
                    bin_.add(d)
                bin_.to_disk(stored)
        for g, a, d in zip(golds, articles, docs):
            d.user_data[nlp.HEADLINE_DOC] = nlp.parse_headline(a)  # a Doc of its own: not in the DocBin
            items.append(Item(f"{name}/{g.stem}", d, a.dateline, json.loads(g.read_text(encoding="utf-8"))["locations"]))
    return items


def gold_point(score, gold: dict, texts: list[str]) -> dict | None:
    """The core gold place one of `texts` names (score.py's matching), if it has coordinates."""
    for g in gold.get("core", []):
        names = {score.norm(n) for n in [g["name"], *g.get("aliases", [])]}
        for text in map(score.norm, texts):
            if text in names or any(text.startswith(n + " ") or text.endswith(" " + n) for n in names):
                return g if "lat" in g else None
    return None


def rows(score, items: list[Item], weights: dict, stage: str) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """(features, right, weight) per gold-placed name, each name's readings as rows; each set weighs the
    same in all (the local set has four times the names)."""
    gaz = load()
    out = []
    for item in items:
        _, context = read_mentions(item.doc, gaz, item.dateline, weights)
        if stage == "first":
            first = Context.of(context.voters, {id(m): prior_best(m.places) for m in context.voters})
            first.weights = weights
            read_geography(first, context.voters, stages=())
            first.voters, context = context.voters, first
        seen = set()
        for m in context.voters:
            key = name_key(m.text)
            if not m.places or key in seen:
                continue
            seen.add(key)
            g = gold_point(score, item.gold, [m.text, m.surface])
            if g is None:
                continue
            pool = candidates(m.places)
            tol = item.gold.get("coordinate_tolerance_km", 161)
            right = np.array([p.lat is not None and score.haversine_km(g["lat"], g["lon"], p.lat, p.lon) <= tol
                              for p in pool])
            if right.any() and not right.all():
                out.append((np.array([features(p, key, context, pool) for p in pool]), right, item.name.split("/")[0]))
    counts = {name: sum(1 for *_, n in out if n == name) for name in SETS}
    return [(x, r, len(out) / (len(SETS) * counts[n])) for x, r, n in out]


def fit(groups: list[tuple[np.ndarray, np.ndarray, float]], start: np.ndarray) -> np.ndarray:
    """Conditional logit by Adam on the weighted mean negative log-likelihood of a right reading, plus L2
    towards `start`."""
    X = np.vstack([x for x, _, _ in groups])
    y = np.concatenate([r for _, r, _ in groups]).astype(float)
    weight = np.array([w for *_, w in groups])
    sizes = np.array([len(r) for _, r, _ in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    prior = np.array([START.get(f, 0.0) for f in FEATURES])
    w, m, v = start.copy(), np.zeros_like(start), np.zeros_like(start)
    for step in range(1, STEPS + 1):
        s = X @ w
        e = np.exp(s - np.repeat(np.maximum.reduceat(s, starts), sizes))
        pa = e / np.repeat(np.add.reduceat(e, starts), sizes)
        ec = e * y
        pc = ec / np.repeat(np.add.reduceat(ec, starts), sizes)
        grad = ((pa - pc)[:, None] * X * np.repeat(weight, sizes)[:, None]).sum(0) / weight.sum() + 2 * L2 * (w - prior)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def fit_all(score, items: list[Item]) -> dict[str, tuple[float, ...]]:
    start = np.array([START.get(f, 0.0) for f in FEATURES])
    weights = {stage: tuple(start) for stage in STAGES}
    for _ in range(ROUNDS):
        first = fit(rows(score, items, weights, "first"), start)
        weights = {"first": tuple(first), "final": weights["final"]}
        final = fit(rows(score, items, weights, "final"), first)
        weights = {"first": tuple(first), "final": tuple(final)}
    return {stage: tuple(round(float(x), 4) for x in w) for stage, w in weights.items()}


def measure(score, items: list[Item], weights: dict | None) -> dict[str, str]:
    """Place F1 and coordinates per set, end to end, as score_set.py counts them."""
    gaz = load()
    out = {}
    for name in SETS:
        t = dict.fromkeys(("gold", "predicted", "gold_found", "predicted_right", "ok", "all"), 0)
        for item in (i for i in items if i.name.startswith(name + "/")):
            found = extract_locations(item.doc, gaz, item.dateline, weights)
            r = score.score_locations(item.gold, {"locations": [dataclasses.asdict(x) for x in found]})
            for k in ("gold", "predicted", "gold_found", "predicted_right"):
                t[k] += r[k]
            ok, total = map(int, r["coordinates_ok"].split("/"))
            t["ok"], t["all"] = t["ok"] + ok, t["all"] + total
        recall, precision = t["gold_found"] / max(1, t["gold"]), t["predicted_right"] / max(1, t["predicted"])
        f1 = 2 * recall * precision / max(1e-9, recall + precision)
        out[name] = f"F1 {f1:.3f} (R {recall:.3f} P {precision:.3f}), coordinates {t['ok'] / max(1, t['all']):.3f}"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write", action="store_true", help="write the weights fitted on all articles")
    parser.add_argument("--cache", type=Path, help="keep the parsed articles here between runs")
    args = parser.parse_args()
    sys.path.insert(0, str(args.eval))
    import score  # the evaluation kit's scorer

    items = load_items(args.eval, args.cache)
    halves = [[i for n, i in enumerate(items) if n % 2 == h] for h in (0, 1)]
    for name, line in measure(score, items, None).items():
        print(f"shipped weights, all articles, {name}: {line}")
    for held in (0, 1):
        for name, line in measure(score, halves[held], {s: tuple(START.get(f, 0.0) for f in FEATURES)
                                                       for s in STAGES}).items():
            print(f"hand-set START, half {held}, {name}: {line}")
        weights = fit_all(score, halves[1 - held])
        for name, line in measure(score, halves[held], weights).items():
            print(f"held-out half {held}, {name}: {line}")
    weights = fit_all(score, items)
    for name, line in measure(score, items, weights).items():
        print(f"all articles (fitted on all), {name}: {line}")
    if args.write:
        lines = ["# Weights of the place ranker (generator/extract/places/resolution.py), one row per feature;",
                 "# fitted by scripts/fit_place_ranker.py on the development gold.", "feature\t" + "\t".join(STAGES)]
        lines += [f + "\t" + "\t".join(str(weights[s][i]) for s in STAGES) for i, f in enumerate(FEATURES)]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
