"""Which files are articles: kinds by suffix, regular files inside the folder only, capped reads."""
from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from generator.errors import ArticleError
from generator.inputs import article_paths, input_kind, input_stem, read_one
from generator.inputs.files import read_capped

STORY = " date 2023-01-05 Tram line reopens\n\nThe tram line between the station and the port reopened on Thursday.\n"


@pytest.mark.parametrize("name, kind, stem", [
    ("a.txt", "text", "a"),
    ("Saved Page.HTML", "html", "Saved Page"),
    ("page.htm", "html", "page"),
    ("page.html.gz", "html", "page"),
    ("world.rss", "feeds", "world"),
    ("world.atom", "feeds", "world"),
    ("export.xml", "feeds", "export"),
    ("scrape.jsonl", "jsonl", "scrape"),
    ("notes.md", None, "notes"),
    ("photo.jpg", None, "photo"),
    ("archive.gz", None, "archive"),
])
def test_input_kind_by_suffix(name, kind, stem):
    assert input_kind(Path(name)) == kind
    assert input_stem(Path(name)) == stem


def test_only_regular_files_inside_the_folder_are_articles(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text(STORY, encoding="utf-8")
    (articles / "real.txt").write_text(STORY, encoding="utf-8")
    (articles / "alias.txt").symlink_to(articles / "real.txt")  # a link inside the folder is fine
    (articles / "leak.txt").symlink_to(outside)
    (articles / "passwd.html").symlink_to("/etc/passwd")
    (articles / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (articles / "folder.txt").mkdir()
    os.mkfifo(articles / "pipe.txt")
    (articles / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (articles / "readme.md").write_text("# not an article\n", encoding="utf-8")
    paths, refused = article_paths(articles)
    assert [p.name for p in paths] == ["alias.txt", "real.txt"]
    messages = {Path(e.path).name: e.message for e in refused}
    assert set(messages) == {"leak.txt", "passwd.html", "dangling.txt", "folder.txt", "pipe.txt"}
    assert "outside" in messages["leak.txt"] and str(outside) in messages["leak.txt"]
    assert "outside" in messages["passwd.html"]
    assert "link to nothing" in messages["dangling.txt"]
    assert "a folder" in messages["folder.txt"]
    assert "FIFO" in messages["pipe.txt"]


def test_reading_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="FIFO"):
        read_one(fifo)


def test_a_gzip_bomb_is_refused_before_it_fills_memory(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb") as handle:
        for _ in range(50):
            handle.write(b"<p>" + b"a" * 1_000_000 + b"</p>")
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(ArticleError, match="uncompressed"):
        read_capped(bomb, 10_000_000)


def test_a_file_that_is_not_gzip_is_refused_by_name(tmp_path):
    fake = tmp_path / "page.html.gz"
    fake.write_bytes(b"<html><body><p>plain, not compressed</p></body></html>")
    with pytest.raises(ArticleError) as caught:
        read_one(fake)
    assert caught.value.path == str(fake) and "cannot be read" in caught.value.message


def test_size_limit_names_the_size(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 500_000)
    with pytest.raises(ArticleError, match=r"file is 2\.5 MB; articles over 2 MB are refused"):
        read_one(big)
