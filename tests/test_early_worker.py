"""The extraction worker `briefing build` starts as it starts (spaCy loads while the build lists the
articles and prepares the site): the same site as a build without it, never left running, and a
failed build still leaves docs/ as it was."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import generator.build as build_module
import generator.lifecycle as lifecycle
import generator.site as site_module
from generator.build import run_build
from generator.errors import BriefingError
from tests.test_incremental import ARTICLES, tree


@pytest.fixture
def workers(monkeypatch):
    """Every EarlyWorker the builds start, and how many articles each was handed."""
    started: list[lifecycle.EarlyWorker] = []
    handed: list[int] = []
    real_init, real_run = lifecycle.EarlyWorker.__init__, lifecycle.EarlyWorker.run

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        started.append(self)

    def run(self, items, *args, **kwargs):
        handed.append(len(items))
        return real_run(self, items, *args, **kwargs)

    monkeypatch.setattr(lifecycle.EarlyWorker, "__init__", init)
    monkeypatch.setattr(lifecycle.EarlyWorker, "run", run)
    return started, handed


def write_articles(folder: Path, articles: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")


def alive(worker: lifecycle.EarlyWorker) -> list[int]:
    assert worker.processes, "the worker was started"
    return [p.pid for p in worker.processes if p.is_alive()]


@pytest.mark.parametrize("threads", [1, 2], ids=["forked", "from-the-fork-server"])
def test_a_rebuild_through_the_early_worker_equals_a_clean_build(tmp_path, monkeypatch, nlp, workers, threads):
    # one thread: the worker is forked; another thread running: it comes from the fork server
    monkeypatch.setattr(lifecycle.threading, "active_count", lambda: threads)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    started, handed = workers
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    write_articles(articles, ARTICLES)
    first = run_build(articles, docs, jobs=2, early=True)
    assert first.extracted == 3 and not first.errors
    (articles / "2024-03-04-bridge.txt").write_text(
        ARTICLES["2024-03-04-bridge.txt"].replace("Tomas Reilly", "Orla Nagle"), encoding="utf-8")
    report = run_build(articles, docs, jobs=2, early=True)
    assert (report.extracted, report.cached) == (1, 2) and not report.errors
    assert handed == [3, 1]  # both builds' articles went to the worker started with them
    assert (docs / "people/orla-nagle.md").exists() and not (docs / "people/tomas-reilly.md").exists()
    run_build(articles, tmp_path / "clean")  # in this process, no worker, no state: a clean site
    assert tree(docs) == tree(tmp_path / "clean")
    assert len(started) == 2 and not any(alive(w) for w in started)


def test_nothing_to_extract_stops_the_worker_unused(tmp_path, monkeypatch, nlp, workers):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    started, handed = workers
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    write_articles(articles, ARTICLES)
    run_build(articles, docs)
    report = run_build(articles, docs, jobs=2, early=True)
    assert (report.extracted, report.cached) == (0, 3)
    assert len(started) == 1 and handed == [] and not alive(started[0])


@pytest.mark.parametrize("limit", ["EARLY_ITEMS", "EARLY_CHARS"])
def test_more_articles_than_the_worker_takes_go_to_a_pool(tmp_path, monkeypatch, nlp, workers, limit):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(build_module, limit, 2 if limit == "EARLY_ITEMS" else 300)  # the three are 150-200 bytes each
    started, handed = workers
    articles = tmp_path / "articles"
    write_articles(articles, ARTICLES)
    report = run_build(articles, tmp_path / "docs", jobs=2, early=True)
    assert report.extracted == 3 and handed == [] and not alive(started[0])


def test_no_worker_for_one_job_or_without_asking(tmp_path, monkeypatch, nlp, workers):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    started, _ = workers
    articles = tmp_path / "articles"
    write_articles(articles, ARTICLES)
    run_build(articles, tmp_path / "one", jobs=1, early=True)
    run_build(articles, tmp_path / "two", jobs=2)
    assert started == []


def test_a_build_whose_articles_all_fail_with_the_site_prepared_meanwhile_leaves_docs_as_it_was(
        tmp_path, monkeypatch, nlp, workers):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    prepared = []
    real_prepare = site_module.prepare_site
    monkeypatch.setattr(site_module, "prepare_site", lambda *a, **k: prepared.append(real_prepare(*a, **k))
                        or prepared[-1])
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    write_articles(articles, ARTICLES)
    run_build(articles, docs)
    before = tree(docs)
    for path in articles.iterdir():
        path.unlink()
    write_articles(articles, {"a-empty.txt": "", "b-empty.txt": "   \n"})
    with pytest.raises(BriefingError, match="no article could be extracted"):
        run_build(articles, docs, jobs=2, early=True)
    assert prepared, "the site was prepared while the worker extracted"
    assert tree(docs) == before
    assert not any(p.name.endswith(".tmp") for p in docs.rglob("*"))


def _die(item):  # the worker's task in the next test: the process ends as an out-of-memory kill would end it
    os._exit(1)


def test_a_worker_that_dies_names_its_articles_and_the_rest_is_built(tmp_path, monkeypatch, nlp, workers):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    write_articles(articles, ARTICLES)
    run_build(articles, docs)
    (articles / "2024-04-02-school.txt").write_text(ARTICLES["2024-04-02-school.txt"] + "\nMore pupils came.\n",
                                                    encoding="utf-8")
    monkeypatch.setattr(build_module, "extract_one", _die)
    report = run_build(articles, docs, jobs=2, early=True)
    assert [(Path(e.path).name, e.message) for e in report.errors] == [
        ("2024-04-02-school.txt", build_module.WORKER_DIED["error"])]
    assert report.cached == 2 and len(report.briefings) == 2
    started, handed = workers
    assert handed == [1] and not alive(started[-1])


def test_what_the_worker_extracted_is_kept_when_preparing_the_site_fails(tmp_path, monkeypatch, nlp, workers):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    write_articles(articles, ARTICLES)
    docs.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (docs / "briefings").symlink_to(tmp_path / "elsewhere")  # refused: docs/ is checked meanwhile
    with pytest.raises(BriefingError, match="must be a real folder"):
        run_build(articles, docs, jobs=2, early=True)
    assert workers[1] == [3]
    (docs / "briefings").unlink()
    report = run_build(articles, docs, jobs=2, early=True)
    assert (report.extracted, report.cached) == (0, 3)  # the three were cached by the failed build


def _terminate(item):  # the worker's task below: a SIGTERM to the worker alone
    os.kill(os.getpid(), signal.SIGTERM)
    return {"error": "still running after SIGTERM"}


def test_a_sigterm_to_the_forked_worker_ends_it_and_is_not_the_builds(tmp_path, monkeypatch, nlp, workers):
    # the build's own handler (SIGTERM stops the build) must not be the forked worker's
    monkeypatch.setattr(lifecycle.threading, "active_count", lambda: 1)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    write_articles(articles, ARTICLES)
    run_build(articles, docs)
    (articles / "2024-04-02-school.txt").write_text(ARTICLES["2024-04-02-school.txt"] + "\nMore pupils came.\n",
                                                    encoding="utf-8")
    monkeypatch.setattr(build_module, "extract_one", _terminate)
    with lifecycle.stop_signals_raise():
        report = run_build(articles, docs, jobs=2, early=True)
    assert [e.message for e in report.errors] == [build_module.WORKER_DIED["error"]]
    assert workers[1] == [1]
