"""JSON Lines exports (.jsonl) -> one Article per line: an object with `text` and optional
`title`, `date`, `url`, `source` (the publisher) and `authors`. A bad line is refused with its
number; the other lines still build."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.errors import ArticleError
from generator.inputs.files import read_capped
from generator.inputs.meta import clean_authors, clean_name, document_date, entry_slug, web_url
from generator.inputs.text import CONTROL, MAX_BYTES, build_article, split_blocks
from generator.models import Article

MAX_EXPORT_BYTES = 200_000_000  # an export of many thousands of articles
FIELDS = ("text", "title", "date", "url", "source", "authors")


def read_jsonl(path: Path, today: dt.date | None = None) -> tuple[list[tuple[str, Article]], list[ArticleError]]:
    """Every usable line of an export as an Article ("line N" says where), and a refusal naming
    the line for each one that is not."""
    raw = read_capped(path, MAX_EXPORT_BYTES, what="JSON Lines files")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:100_000]:
        raise ArticleError(path, "looks like a binary file (it contains NUL bytes), not JSON Lines")
    entries, errors = [], []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        label = f"line {number}"
        try:
            entries.append((label, read_line(line, path, label, today)))
        except ArticleError as exc:
            errors.append(exc)
    if not entries and not errors:
        raise ArticleError(path, "is empty (no lines with articles)")
    return entries, errors


def read_line(line: bytes, path: Path, label: str, today: dt.date | None) -> Article:
    """One line -> Article, or ArticleError naming the file and line."""
    where = f"{path} ({label})"
    if len(line) > MAX_BYTES * 2:  # JSON escapes can double the text's size
        raise ArticleError(where, f"is over {MAX_BYTES * 2 / 1e6:.0f} MB; articles over "
                                  f"{MAX_BYTES / 1e6:.0f} MB are refused")
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ArticleError(where, "is not valid UTF-8 (JSON Lines files are UTF-8)") from exc
    except (ValueError, RecursionError) as exc:
        detail = f": {exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise ArticleError(where, f"is not valid JSON{detail}") from exc
    if not isinstance(record, dict):
        raise ArticleError(where, f"is a JSON {type(record).__name__}, not an object with a \"text\" field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(where, 'has no "text" (a string holding the article)')
    for name in ("title", "date", "url", "source"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ArticleError(where, f'has a "{name}" that is not a string')
    authors = record.get("authors")
    if authors is not None and not (isinstance(authors, str) or
                                    (isinstance(authors, list) and all(isinstance(a, str) for a in authors))):
        raise ArticleError(where, 'has "authors" that are neither a string nor a list of strings')
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > MAX_BYTES:
        raise ArticleError(where, f"holds over {MAX_BYTES / 1e6:.0f} MB of text; "
                                  f"articles over {MAX_BYTES / 1e6:.0f} MB are refused")
    blocks = split_blocks(text.split("\n"))
    title = " ".join(CONTROL.sub("", record.get("title") or "").split())
    warnings: list[str] = []
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        warnings.append(f"fields not read: {', '.join(unknown[:8])}")
    date, problem = document_date(record.get("date"), today)
    if problem:
        warnings.append(problem)
    if date is None:
        warnings.append("the line gives no date; relative dates are left unresolved")
    publisher = clean_name(record.get("source"))
    article = build_article(blocks, source=path.name, slug="", date=date, warnings=warnings, path=where,
                            headline=title or None, publisher=publisher,
                            authors=clean_authors(authors, publisher), url=web_url(record.get("url")))
    article.slug = entry_slug(article.headline, date, f"{path.name}#{record.get('url') or line[:300]!r}")
    return article
