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
    ("quotes", 13 / 13, 0.95),
    ("locations", 11 / 12, 0.85),
    ("figures", 6 / 7, 0.8),
    ("open_questions", 5 / 7, 0.7),
    ("people", 11 / 11, 0.95),
])
def test_example_article_sections(example_scores, section, recall, precision):
    scores = example_scores[section]
    assert scores["recall"] >= round(recall, 3) - 1e-9, scores
    assert scores["precision"] >= precision, scores


def test_example_article_summary(example_scores):
    assert example_scores["summary"]["facts_covered"] >= 0.8
    assert example_scores["summary"]["within_length"] == 1.0


def test_example_article_speakers(example_scores):
    assert example_scores["quotes"]["speaker_accuracy"] >= 1.0, example_scores["quotes"]


def test_dev_quotes(scorer, nlp):
    scores = evaluate(shared_path("eval", "dev", "quotes"), scorer)["quotes"]
    assert scores["recall"] >= 0.99 and scores["precision"] >= 0.96 and scores["speaker_accuracy"] >= 0.97, scores


def test_dev_places(scorer, nlp):
    scores = evaluate(shared_path("eval", "dev", "places"), scorer)["locations"]
    assert scores["f1"] >= 0.80 and scores["acc_coords"] >= 0.70, scores
