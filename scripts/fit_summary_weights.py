"""Fit the summary's sentence scorer on sets of articles with reference summaries.

    pip install -e '.[eval]'     # rouge-score: for fitting and evaluation only, never at run time
    python scripts/fit_summary_weights.py ../shared/eval/dev/summaries-cnn ../shared/eval/dev/summaries-bbc

Each SET holds articles/*.txt and refs/*.txt (one reference sentence a line), as
../shared/eval/score_summaries.py reads them. Every article is read and parsed as `briefing` does;
its candidate sentences are labelled by a greedy oracle (the sentences that together score the
best ROUGE-1 + ROUGE-2 F against the reference, at most five); a logistic model with an L2 penalty
is fitted by Newton's method on the labels of both sets pooled. Deterministic, with no random
step: articles in sorted file order, halves by even and odd position in each set, Newton from
zero weights. Prints the held-out halves (fit on one half, score the other, with
the shipped selection) and writes generator/data/summary_weights.json from all articles.
Pass --check to print the halves without writing, and --core-words 50,70,100 to print them for
other core budgets too (the length curve in docs/accuracy.md).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import nlp  # noqa: E402
from generator.articles import read_article  # noqa: E402
from generator.extract.summary.features import FEATURES  # noqa: E402
from generator.extract.summary.pipeline import prepare  # noqa: E402
from generator.extract.summary import select  # noqa: E402
from generator.extract.summary.select import MAX_SENTENCES, choose  # noqa: E402

OUT = ROOT / "generator" / "data" / "summary_weights.json"
L2 = 1.0  # a ridge on the standardised weights: keeps them small and the fit stable on 200 articles
NEWTON_STEPS = 30


def rouge_scorer():
    try:
        from rouge_score import rouge_scorer as module
    except ImportError:
        raise SystemExit("needs rouge-score: pip install -e '.[eval]'") from None
    return module.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


def f_scores(scorer, ref: list[str], out: list[str]) -> tuple[float, float]:
    if not out:
        return 0.0, 0.0
    s = scorer.score("\n".join(ref), "\n".join(out))
    return s["rouge1"].fmeasure, s["rouge2"].fmeasure


def oracle(scorer, texts: list[str], candidates: list[int], ref: list[str]) -> set[int]:
    """Greedy: add the candidate that most raises ROUGE-1 + ROUGE-2 F until none does."""
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < MAX_SENTENCES:
        pick = None
        for i in candidates:
            if i in chosen:
                continue
            value = sum(f_scores(scorer, ref, [texts[j] for j in sorted(chosen + [i])]))
            if value > best:
                best, pick = value, i
        if pick is None:
            break
        chosen.append(pick)
    return set(chosen)


def load_set(folder: Path, scorer) -> list[dict]:
    items = []
    for path in sorted((folder / "articles").glob("*.txt")):
        article = read_article(path)
        prepared = prepare(nlp.parse(article), article.headline)
        ref = [line.strip() for line in (folder / "refs" / path.name).read_text(encoding="utf-8").splitlines()
               if line.strip()]
        candidates = prepared.candidates or [0]
        labels = oracle(scorer, prepared.texts, candidates, ref)
        items.append({"prepared": prepared, "ref": ref, "candidates": candidates,
                      "rows": np.array(prepared.table.rows), "labels": labels})
        print(f"  {path.name}", file=sys.stderr, end="\r")
    return items


def fit(items: list[dict]) -> dict:
    x = np.vstack([it["rows"][it["candidates"]] for it in items])
    y = np.concatenate([[1.0 if i in it["labels"] else 0.0 for i in it["candidates"]] for it in items])
    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    penalty = L2 * np.diag(np.r_[np.ones(z.shape[1] - 1), 0.0])
    w = np.zeros(z.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-z @ w))
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        w -= np.linalg.solve(hessian, z.T @ (p - y) + penalty @ w)
    return {"features": list(FEATURES), "mean": [round(v, 6) for v in mean],
            "scale": [round(v, 6) for v in scale], "weights": [round(v, 6) for v in w[:-1]],
            "bias": round(float(w[-1]), 6)}


def summary_of(model: dict, it: dict) -> list[str]:
    prepared = it["prepared"]
    z = (it["rows"] - np.array(model["mean"])) / np.array(model["scale"])
    logits = list(z @ np.array(model["weights"]) + model["bias"])
    if not prepared.candidates:
        return prepared.texts[:1]
    chosen = choose(prepared.table, prepared.texts, prepared.candidates, logits, prepared.lead_is_title)
    return [prepared.texts[i] for i in chosen]


def main(argv: list[str]) -> int:
    folders = [Path(a) for i, a in enumerate(argv)
               if not a.startswith("--") and (i == 0 or argv[i - 1] != "--core-words")]
    if not folders:
        print(__doc__, file=sys.stderr)
        return 2
    scorer = rouge_scorer()
    nlp.load()
    sets = {}
    for folder in folders:
        print(f"reading {folder}", file=sys.stderr)
        sets[folder.name] = load_set(folder, scorer)
    shipped = select.CORE_WORDS
    budgets = [shipped]
    if "--core-words" in argv:
        budgets += [int(v) for v in argv[argv.index("--core-words") + 1].split(",") if int(v) != shipped]
    models = {held: fit([it for items in sets.values() for i, it in enumerate(items) if i % 2 != held])
              for held in (0, 1)}
    for budget in budgets:
        select.CORE_WORDS = budget
        report = {}
        for held, model in models.items():
            for name, items in sets.items():
                scores = [f_scores(scorer, it["ref"], summary_of(model, it)) for i, it in enumerate(items)
                          if i % 2 == held]
                report[f"{name} held-out {'even' if held == 0 else 'odd'}"] = [round(float(v), 4)
                                                                               for v in np.mean(scores, 0)]
        for key, (r1, r2) in report.items():
            print(f"core {budget:3} words  {key:40} R1 {r1:.4f}  R2 {r2:.4f}")
        if budget == shipped:
            shipped_report = report
    select.CORE_WORDS = shipped
    report = shipped_report
    if "--check" in argv:
        return 0
    model = fit([it for items in sets.values() for it in items])
    model["fitted_on"] = {name: len(items) for name, items in sets.items()}
    model["held_out"] = report
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
