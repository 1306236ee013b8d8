"""Accuracy against the hand-annotated evaluation kit in ../shared/eval (skipped in a bare clone).

These guard the levels the project has reached; docs/accuracy.md has the full numbers.
"""
from __future__ import annotations

import shutil

import pytest

from generator.evaluate import evaluate, load_scorer
from tests.conftest import EXAMPLE, shared_path


@pytest.fixture(scope="module")
def scorer():
    return load_scorer(shared_path("eval", "score.py"))


@pytest.fixture(scope="module")
def example_scores(scorer, tmp_path_factory, nlp):
    gold = shared_path("eval", "gold", f"{EXAMPLE.stem}.json")
    folder = tmp_path_factory.mktemp("example-set")
    (folder / "articles").mkdir()
    (folder / "gold").mkdir()
    shutil.copy(EXAMPLE, folder / "articles" / EXAMPLE.name)
    shutil.copy(gold, folder / "gold" / gold.name)
    return evaluate(folder, scorer)


@pytest.mark.parametrize("section, recall, precision", [
    ("quotes", 12 / 13, 0.9),
    ("locations", 11 / 12, 0.85),
    ("figures", 6 / 7, 0.8),
    ("open_questions", 5 / 7, 0.7),
    ("people", 10 / 11, 0.85),
])
def test_example_article_sections(example_scores, section, recall, precision):
    scores = example_scores[section]
    assert scores["recall"] >= round(recall, 3) - 1e-9, scores
    assert scores["precision"] >= precision, scores


def test_example_article_summary(example_scores):
    assert example_scores["summary"]["facts_covered"] >= 0.8
    assert example_scores["summary"]["within_length"] == 1.0


def test_dev_quotes(scorer, nlp):
    scores = evaluate(shared_path("eval", "dev", "quotes"), scorer)["quotes"]
    assert scores["recall"] >= 0.90 and scores["speaker_accuracy"] >= 0.80, scores


def test_dev_places(scorer, nlp):
    scores = evaluate(shared_path("eval", "dev", "places"), scorer)["locations"]
    assert scores["f1"] >= 0.80 and scores["acc_coords"] >= 0.70, scores


@pytest.mark.parametrize("name, floor", [("summaries-cnn", (0.29, 0.10)), ("summaries-bbc", (0.53, 0.47))])
def test_dev_summaries_beat_the_lead(nlp, name, floor):
    """ROUGE F of the summaries against summaries people wrote, with the kit's score_summaries.py
    baselines: the lead cut to the same number of sentences, article by article, must score lower."""
    import importlib.util
    import json

    from generator import nlp as nlp_module
    from generator.extract.summary import summarize
    from generator.inputs.text import read_article

    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    folder = shared_path("eval", "dev", name)
    spec = importlib.util.spec_from_file_location("score_summaries", shared_path("eval", "score_summaries.py"))
    kit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kit)
    meta = folder / "set.json"
    has_headline = json.loads(meta.read_text())["headline"] if meta.exists() else True
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    ours, lead = [], []
    for path in sorted((folder / "articles").glob("*.txt")):
        article = read_article(path)
        summary = [text for text, _ in summarize(nlp_module.parse(article), article.headline)]
        ref = "\n".join(line.strip() for line in (folder / "refs" / path.name).read_text().splitlines())
        matched = kit.split_sentences(kit.body_of(str(path), has_headline))[:len(summary)]
        for out, got in ((summary, ours), (matched, lead)):
            s = scorer.score(ref, "\n".join(out))
            got.append((s["rouge1"].fmeasure, s["rouge2"].fmeasure))
    r1, r2 = (sum(x[k] for x in ours) / len(ours) for k in (0, 1))
    l1, l2 = (sum(x[k] for x in lead) / len(lead) for k in (0, 1))
    assert r1 > l1 and r2 > l2, (r1, r2, l1, l2)
    assert r1 >= floor[0] and r2 >= floor[1], (r1, r2)
