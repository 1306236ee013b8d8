"""Accuracy against the hand-annotated evaluation kit in ../shared/eval (skipped in a bare clone).

These guard the levels the project has reached; docs/accuracy.md has the full numbers.
"""
from __future__ import annotations

import shutil

import pytest

from generator.evaluate import evaluate, load_scorer
from tests.conftest import EXAMPLE, shared_path


LOCAL_F1, LOCAL_COORDINATES = 0.845, 0.888  # on every fourth dev/places-local article (0.850, 0.893)


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
    ("locations", 12 / 12, 0.95),  # all 12, and the 14 listed all right
    ("figures", 6 / 7, 0.8),
    # lowered from 7/7 (0.65): the same-matter model of 0.3.0 merges restatements into one question, which
    # raised precision here to 0.80 but folds two gold matters into their neighbours' questions (5/7);
    # held-out dev recall and precision both rose with it (docs/accuracy.md)
    # 4/7 since 'targets' that are aimed at stopped opening a plan: "Do most armies use phosphorus munitions
    # to illuminate targets ...?" answered the gold's phosphorus item by its keywords without asking it
    # 5/7 at 0.89 since a repeat must speak of every sentence of its matter (complete linkage): the war-crime
    # 'fake' denial is no longer lost to the lead question's full matter
    # 6/7 since the model was retrained (with judgement-q and the budget; neither alone makes the difference on
    # this article): the warning that phosphorus bombs may be used becomes the chemical-weapons question's
    # second sentence, and the scorer finds the item in that evidence, not in a phosphorus question of its own
    ("open_questions", 6 / 7, 0.85),
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
    result = evaluate(shared_path("eval", "dev", "quotes"), scorer)
    scores = result["quotes"]
    # reached 0.996 / 0.968 / 0.977; precision is capped by quotes the gold skipped (docs/accuracy.md)
    assert scores["recall"] >= 0.99 and scores["precision"] >= 0.965 and scores["speaker_accuracy"] >= 0.975, scores
    questions = result["open_questions"]  # the 10 articles annotated with them
    # recall floor 0.77 -> 0.74: the second-stage filter of 0.4.0 drops one found item here (22 -> 21 of 28)
    # and more wrong ones (precision 0.661 -> 0.792); held out, pooled it loses 1 of 122 items
    assert questions["recall"] >= 0.74 and questions["precision"] >= 0.78, questions  # 0.750 / 0.792


def test_dev_places(scorer, nlp):
    result = evaluate(shared_path("eval", "dev", "places"), scorer)
    scores = result["locations"]
    assert scores["f1"] >= 0.92 and scores["acc_coords"] >= 0.924, scores  # 0.924 / 0.927
    questions = result["open_questions"]  # the 44 articles annotated with them
    # precision floor 0.80 -> 0.79: complete linkage finds 4 more items here (recall 0.798 -> 0.840) and
    # asks 7 more questions (0.825 -> 0.800, exactly at the old floor); held out, pooled precision fell 0.01
    # back to 0.80: the quoted-evaluation feature and the per-article budget ask one wrong question fewer
    # recall floor 0.82 -> 0.81: the second-stage filter drops two found items (79 -> 77 of 94) and raises
    # precision 0.805 -> 0.844 (held out, pooled: recall 0.811 -> 0.803, precision 0.765 -> 0.800)
    assert questions["recall"] >= 0.81 and questions["precision"] >= 0.83, questions  # 0.819 / 0.844


def test_dev_places_local(scorer, nlp, tmp_path):
    """Local papers (LGL): every fourth article by sorted name, to keep the suite's time (the whole set
    is in docs/accuracy.md)."""
    local = shared_path("eval", "dev", "places-local")
    for folder in ("articles", "gold"):
        (tmp_path / folder).mkdir()
    for gold in sorted((local / "gold").glob("*.json"))[::4]:
        shutil.copy(gold, tmp_path / "gold" / gold.name)
        shutil.copy(local / "articles" / f"{gold.stem}.txt", tmp_path / "articles" / f"{gold.stem}.txt")
    scores = evaluate(tmp_path, scorer)["locations"]
    assert scores["f1"] >= LOCAL_F1 and scores["acc_coords"] >= LOCAL_COORDINATES, scores


def test_dev_html_bodies():
    """Saved web pages: the body read from each page against the hand-cut body, with the kit's own
    score_html.py measure (4-word shingles, averaged per page). Every page is built or refused by
    name with a reason; trafilatura alone (comments included) scores 0.955 here."""
    import importlib.util
    import json

    from generator.errors import ArticleError
    from generator.inputs import read_one

    html_set = shared_path("eval", "dev", "html")
    spec = importlib.util.spec_from_file_location("score_html", shared_path("eval", "score_html.py"))
    score_html = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_html)
    truth = json.loads((html_set / "truth.json").read_text(encoding="utf-8"))
    counts, refused = [], []
    for key in sorted(truth):
        try:
            body = "\n".join(read_one(html_set / "pages" / f"{key}.html").paragraphs)
        except ArticleError as exc:
            assert exc.message and exc.path.endswith(f"{key}.html")
            refused.append(key)
            body = ""
        counts.append(score_html.page_counts(truth[key]["articleBody"], body))
    p = sum(score_html.precision(*c) for c in counts) / len(counts)
    r = sum(score_html.recall(*c) for c in counts) / len(counts)
    assert 2 * p * r / (p + r) >= 0.96, (p, r, refused)
    assert len(refused) <= 1, refused


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
