"""Score the extractors on a folder of articles with gold annotations.

    python -m generator.evaluate DIR [--scorer PATH] [--misses] [--json]

DIR holds articles/*.txt and gold/*.json (the layout of ../shared/eval/dev/*). The scoring
rules are the evaluation kit's own `score.py` (found beside the project in
../shared/eval/ or given with --scorer), so the numbers here are the numbers it reports.
Prints micro-averaged recall, precision and F1 per section, speaker accuracy for quotes and
coordinate accuracy for places, and the time spent per article.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

from generator import gazetteer, nlp
from generator.inputs.text import read_article
from generator.briefing import make_briefing
from generator.errors import BriefingError

DEFAULT_SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
COUNT_KEYS = ("gold", "predicted", "gold_found", "predicted_right")


def load_scorer(path: Path):
    if not path.exists():
        raise SystemExit(f"scorer not found: {path} (pass --scorer PATH to the evaluation kit's score.py)")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def add_counts(totals: dict, section: str, metrics: dict) -> None:
    t = totals.setdefault(section, {})
    if section == "summary":
        for key, value in (("facts", metrics["facts_covered"]), ("n", 1), ("within", int(metrics["within_length"]))):
            t[key] = t.get(key, 0) + value
        return
    for key in COUNT_KEYS:
        t[key] = t.get(key, 0) + metrics.get(key, 0)
    if section == "quotes":
        for key, value in metrics["counts"].items():
            t[key] = t.get(key, 0) + value
    if section == "locations":
        ok, total = (int(x) for x in metrics["coordinates_ok"].split("/"))
        t["coords_ok"] = t.get("coords_ok", 0) + ok
        t["coords_total"] = t.get("coords_total", 0) + total


def summarise(totals: dict) -> dict:
    result = {}
    for section, t in totals.items():
        if section == "summary":
            result[section] = {"facts_covered": round(t["facts"] / t["n"], 3),
                               "within_length": round(t["within"] / t["n"], 3)}
            continue
        recall = t["gold_found"] / t["gold"] if t["gold"] else 1.0
        precision = t["predicted_right"] / t["predicted"] if t["predicted"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        entry = {"recall": round(recall, 3), "precision": round(precision, 3), "f1": round(f1, 3),
                 "gold": t["gold"], "predicted": t["predicted"]}
        if section == "quotes" and t.get("named_found"):
            entry["speaker_accuracy"] = round(t["attributed"] / t["named_found"], 3)
        if section == "locations" and t.get("coords_total"):
            entry["acc_coords"] = round(t["coords_ok"] / t["coords_total"], 3)
        result[section] = entry
    return result


def evaluate(set_dir: Path, scorer, show_misses: bool = False) -> dict:
    """Extract every article that has a gold file and score it; return the micro-averages."""
    golds = sorted((set_dir / "gold").glob("*.json"))
    if not golds:
        raise SystemExit(f"no gold files under {set_dir / 'gold'}")
    gaz, totals, seconds = gazetteer.load(), {}, 0.0
    nlp.load()
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article_path = set_dir / "articles" / f"{gold_path.stem}.txt"
        started = time.perf_counter()
        try:
            article = read_article(article_path)
            brief = make_briefing(article, nlp.parse(article), gaz).to_dict()
        except BriefingError as exc:
            print(f"error: {exc}", file=sys.stderr)
            brief = {}
        except Exception as exc:  # noqa: BLE001 - score the rest; the failure is reported by name
            print(f"error: {article_path}: extraction failed ({type(exc).__name__}: {exc})", file=sys.stderr)
            brief = {}
        seconds += time.perf_counter() - started
        for section, metrics in scorer.score(gold, brief).items():
            add_counts(totals, section, metrics)
            if show_misses and metrics.get("misses"):
                print(f"{gold_path.stem} {section}: " + "; ".join(metrics["misses"]))
    result = {"articles": len(golds), "ms_per_article": round(1000 * seconds / len(golds))}
    result.update(summarise(totals))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("set_dir", type=Path, help="folder with articles/ and gold/")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="the evaluation kit's score.py")
    parser.add_argument("--misses", action="store_true", help="print every miss per article")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = evaluate(args.set_dir, load_scorer(args.scorer), args.misses)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
