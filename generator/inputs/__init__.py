"""Readers, one per input kind, that turn a saved file into Article objects (no NLP).

text.py: the plain-text seed format (.txt); html.py: saved web pages (.html, .htm, .html.gz);
feeds.py: RSS and Atom files (.xml, .rss, .atom), one article per entry; jsonl.py: JSON Lines
exports (.jsonl), one article per line. files.py decides which files are articles at all.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.errors import ArticleError
from generator.inputs.files import KINDS, article_paths, input_kind, input_stem
from generator.models import Article

MULTI_KINDS = {"feeds", "jsonl"}  # one file holds many articles: read in the main process, per entry

__all__ = ["KINDS", "MULTI_KINDS", "article_paths", "input_kind", "input_stem", "is_multi", "read_entries",
           "read_one"]


def is_multi(path: Path) -> bool:
    """True for the kinds whose files hold many articles (feeds, JSON Lines)."""
    return input_kind(path) in MULTI_KINDS


def read_one(path: Path, today: dt.date | None = None) -> Article:
    """Read a file that holds one article (.txt, or a web page); ArticleError names the file."""
    kind = input_kind(path)
    if kind == "html":
        from generator.inputs.html import read_page

        return read_page(path, today)
    if kind in MULTI_KINDS:
        entries, errors = read_entries(path, today)
        if errors or len(entries) != 1:
            raise errors[0] if errors else ArticleError(path, f"holds {len(entries)} articles, not one")
        return entries[0][1]
    from generator.inputs.text import read_article

    return read_article(path, today)


def read_entries(path: Path, today: dt.date | None = None
                 ) -> tuple[list[tuple[str, Article]], list[ArticleError]]:
    """Every article in a file with where it is ("entry 3", "line 7"; "" for a whole file), and a
    refusal per entry (or for the whole file) that cannot be used: one bad entry of a feed or bad
    line of an export does not cost the others."""
    kind = input_kind(path)
    try:
        if kind == "feeds":
            from generator.inputs.feeds import read_feed

            return read_feed(path, today)
        if kind == "jsonl":
            from generator.inputs.jsonl import read_jsonl

            return read_jsonl(path, today)
        return [("", read_one(path, today))], []
    except ArticleError as exc:
        return [], [exc]
