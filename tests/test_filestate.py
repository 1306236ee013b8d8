"""The stat shortcut of rebuilds: an article file is hashed again whenever its stat (device, inode,
size, mtime, ctime) differs from the one recorded, and only then; edits that keep the size and put
the mtime back, and files replaced by others, are still found."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

import generator.filestate as filestate
from generator.build import run_build
from generator.filestate import FileRecords

TEXT = " date 2024-05-06 Ferry timetable changes on Monday\n\nThe ferry to Inishmore will leave at nine.\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def settled(monkeypatch):
    """Records kept at once (no wait for the racy window); a pause makes later writes land on a
    later clock tick than the recorded ones, as they would for a person editing a file."""
    monkeypatch.setattr(filestate, "RACY_NS", 0)
    return lambda: time.sleep(0.05)


@pytest.fixture
def reads(monkeypatch):
    """The files hashed (read) by the records."""
    seen: list[str] = []
    real = filestate.hash_file

    def spy(path):
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(filestate, "hash_file", spy)
    return seen


def digest_now(db: Path, path: Path) -> str:
    records = FileRecords(db)
    try:
        return records.digest(path, os.stat(path))
    finally:
        records.save()
        records.close()


def test_an_unchanged_file_is_not_read_again(tmp_path, settled, reads):
    article = tmp_path / "a.txt"
    article.write_bytes(b"first version")
    settled()
    assert digest_now(tmp_path / "r.sqlite", article) == sha(b"first version")
    assert digest_now(tmp_path / "r.sqlite", article) == sha(b"first version")
    assert reads == ["a.txt"]


@pytest.mark.parametrize("change", ["same size, mtime put back", "replaced, same size and mtime", "grown"])
def test_a_changed_file_is_read_again(tmp_path, settled, reads, change):
    article = tmp_path / "a.txt"
    article.write_bytes(b"first version")
    settled()
    db = tmp_path / "r.sqlite"
    assert digest_now(db, article) == sha(b"first version")
    before = os.stat(article)
    settled()
    if change == "same size, mtime put back":
        article.write_bytes(b"first versioN")
        os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
        expected = b"first versioN"
    elif change == "replaced, same size and mtime":
        other = tmp_path / "b.tmp"
        other.write_bytes(b"other version")
        os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
        os.replace(other, article)
        expected = b"other version"
    else:
        with article.open("ab") as handle:
            handle.write(b", longer")
        expected = b"first version, longer"
    assert os.stat(article).st_mtime_ns == before.st_mtime_ns or change == "grown"
    assert digest_now(db, article) == sha(expected)
    assert reads == ["a.txt", "a.txt"]


def test_a_file_changed_just_now_is_not_trusted_next_time(tmp_path, reads):
    article = tmp_path / "a.txt"
    article.write_bytes(b"written a moment ago")  # within RACY_NS: a second write could keep its stat
    db = tmp_path / "r.sqlite"
    digest_now(db, article)
    digest_now(db, article)
    assert reads == ["a.txt", "a.txt"]


def test_records_that_cannot_be_kept_cost_only_the_shortcut(tmp_path, settled, reads):
    article = tmp_path / "a.txt"
    article.write_bytes(b"text")
    settled()
    (tmp_path / "r.sqlite").mkdir()  # not a database
    assert digest_now(tmp_path / "r.sqlite", article) == sha(b"text")
    assert digest_now(tmp_path / "r.sqlite", article) == sha(b"text")
    assert reads == ["a.txt", "a.txt"]


def test_a_corrupt_record_file_is_started_again(tmp_path, settled, reads):
    article = tmp_path / "a.txt"
    article.write_bytes(b"text")
    settled()
    (tmp_path / "r.sqlite").write_bytes(b"not a database, only some bytes " * 200)
    assert digest_now(tmp_path / "r.sqlite", article) == sha(b"text")
    assert digest_now(tmp_path / "r.sqlite", article) == sha(b"text")
    assert reads == ["a.txt"]  # the second build trusts the record the first one wrote


def test_a_gone_file_is_forgotten(tmp_path, settled):
    article = tmp_path / "a.txt"
    article.write_bytes(b"text")
    settled()
    db = tmp_path / "r.sqlite"
    digest_now(db, article)
    records = FileRecords(db)
    records.keep_only(set())
    records.save()
    records.close()
    assert FileRecords(db).rows == {}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "2024-05-06-ferry.txt").write_text(TEXT, encoding="utf-8")
    return articles, tmp_path / "docs"


def test_a_build_with_everything_cached_starts_no_workers(project, settled, nlp):
    articles, docs = project
    run_build(articles, docs, jobs=1)
    report = run_build(articles, docs, jobs=2)  # nothing to extract: no pool of zero workers
    assert (report.extracted, report.cached) == (0, 1)


def test_a_rebuild_reads_only_the_changed_article(project, settled, reads, nlp):
    articles, docs = project
    (articles / "2024-05-07-bridge.txt").write_text(TEXT.replace("Inishmore", "Inisheer").replace("05-06", "05-07"),
                                                    encoding="utf-8")
    settled()
    run_build(articles, docs)
    reads.clear()
    ferry = articles / "2024-05-06-ferry.txt"
    before = os.stat(ferry)
    settled()
    ferry.write_text(TEXT.replace("nine", "ten."), encoding="utf-8")  # the same size
    os.utime(ferry, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = run_build(articles, docs)
    assert reads == ["2024-05-06-ferry.txt"]
    assert (report.extracted, report.cached) == (1, 1)
    assert "ten." in next((docs / "briefings").glob("*ferry*.md")).read_text(encoding="utf-8")


def test_a_file_rewritten_after_listing_is_cached_under_the_bytes_read(project, settled, monkeypatch, nlp):
    """The worker keys the cache by the digest of what it read: a file rewritten between the
    build's listing and the worker's read is not cached under its old bytes' key."""
    import generator.build as build

    articles, docs = project
    ferry = articles / "2024-05-06-ferry.txt"
    real = build.extract_all

    def rewrite_first(items, *args, **kwargs):
        ferry.write_text(TEXT.replace("nine", "half past ten"), encoding="utf-8")
        return real(items, *args, **kwargs)

    monkeypatch.setattr(build, "extract_all", rewrite_first)
    report = run_build(articles, docs, jobs=1)
    assert (report.extracted, report.errors) == (1, [])
    page = next((docs / "briefings").glob("*ferry*.md"))
    assert "half past ten" in page.read_text(encoding="utf-8")
    monkeypatch.setattr(build, "extract_all", real)
    settled()
    again = run_build(articles, docs, jobs=1)  # the new bytes are found in the cache
    assert (again.extracted, again.cached) == (0, 1)
    assert "half past ten" in page.read_text(encoding="utf-8")


def test_a_file_rewritten_while_it_is_read_is_not_cached(project, settled, monkeypatch, nlp):
    import generator.inputs as inputs

    articles, docs = project
    ferry = articles / "2024-05-06-ferry.txt"
    real = inputs.read_one

    def read_then_rewrite(path, *args, **kwargs):
        article = real(path, *args, **kwargs)
        ferry.write_text(TEXT.replace("nine", "eleven"), encoding="utf-8")
        return article

    monkeypatch.setattr(inputs, "read_one", read_then_rewrite)
    report = run_build(articles, docs, jobs=1)
    assert report.extracted == 0
    assert [str(e) for e in report.errors] and "changed while it was being read" in str(report.errors[0])
    monkeypatch.setattr(inputs, "read_one", real)
    settled()
    again = run_build(articles, docs, jobs=1)
    assert (again.extracted, again.errors) == (1, [])
    assert "eleven" in next((docs / "briefings").glob("*ferry*.md")).read_text(encoding="utf-8")
