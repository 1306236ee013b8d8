"""RSS and Atom files (.xml, .rss, .atom) -> one Article per entry, with feedparser: title, link,
date, authors, the feed's title as publisher; an entry holding only a teaser is marked as one."""
from __future__ import annotations

import datetime as dt
import html
import io
import logging
from pathlib import Path
from typing import Any

from generator.errors import ArticleError
from generator.inputs import words
from generator.inputs.files import read_capped
from generator.inputs.markup import fragment_paragraphs
from generator.inputs.meta import clean_authors, clean_name, document_date, entry_slug, web_url
from generator.inputs.text import MAX_BYTES, build_article, first_sentence, shorten
from generator.models import Article

log = logging.getLogger(__name__)

MAX_FEED_BYTES = 50_000_000  # thousands of full-text entries
TEASER_WORDS = 150  # a summary shorter than this, with no full content beside it, is a teaser
SHORT_CONTENT_WORDS = 40  # a "full content" element shorter than this is a teaser all the same


def read_feed(path: Path, today: dt.date | None = None) -> tuple[list[tuple[str, Article]], list[ArticleError]]:
    """Every entry of a feed file as an Article ("entry N" says where), and a refusal per entry
    that cannot be used; the whole file is refused when it is no feed."""
    import feedparser

    raw = read_capped(path, MAX_FEED_BYTES, what="feeds")
    if not raw.strip():
        raise ArticleError(path, "is empty (no feed in it)")
    try:
        # a stream, never bytes or str: feedparser opens a str that looks like an address (a
        # download) or a file name, and bytes as a file name too
        parsed = feedparser.parse(io.BytesIO(raw), sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - a parser crash on a hostile file is a refusal
        log.debug("feedparser failed on %s", path, exc_info=True)
        raise ArticleError(path, f"could not be read as a feed ({type(exc).__name__})") from exc
    if not parsed.entries:
        if not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            reason = f" ({' '.join(str(problem).split())[:120]})" if problem else ""
            raise ArticleError(path, f"is not an RSS or Atom feed{reason}")
        raise ArticleError(path, "is a feed with no entries")
    feed = parsed.get("feed", {})
    publisher = clean_name(text_of(feed.get("title_detail"), feed.get("title")))
    entries, errors = [], []
    for number, entry in enumerate(parsed.entries, start=1):
        label = f"entry {number}"
        try:
            entries.append((label, read_entry(entry, path, label, publisher, today)))
        except ArticleError as exc:
            errors.append(exc)
        except Exception as exc:  # noqa: BLE001 - one odd entry must not cost the others
            log.debug("%s %s failed", path, label, exc_info=True)
            errors.append(ArticleError(f"{path} ({label})", f"could not be read ({type(exc).__name__}: {exc})"))
    return entries, errors


def read_entry(entry: Any, path: Path, label: str, publisher: str | None,
               today: dt.date | None) -> Article:
    """One feed entry -> Article: the longest content it carries (full text, else the summary)."""
    where = f"{path} ({label})"
    title = " ".join(text_of(entry.get("title_detail"), entry.get("title")).split())
    contents = [c for c in entry.get("content") or [] if isinstance(c, dict)]
    full = max((fragment_paragraphs(str(c.get("value") or "")) for c in contents),
               key=lambda ps: sum(len(p) for p in ps), default=[])
    summary = fragment_paragraphs(str(entry.get("summary") or ""))
    has_full = sum(len(p) for p in full) >= sum(len(p) for p in summary) and bool(full)
    paragraphs, truncated = drop_read_more(full if has_full else summary)
    if sum(len(p) for p in paragraphs) > MAX_BYTES:
        raise ArticleError(where, f"holds over {MAX_BYTES / 1e6:.0f} MB of text; "
                                  f"articles over {MAX_BYTES / 1e6:.0f} MB are refused")
    if not paragraphs and not title:
        raise ArticleError(where, "has neither a title nor any text")
    count = sum(len(p.split()) for p in paragraphs)
    teaser = truncated or count < (SHORT_CONTENT_WORDS if has_full else TEASER_WORDS)
    headline = title or shorten(first_sentence(paragraphs[0]))
    if paragraphs and title and paragraphs[0].casefold() == title.casefold() and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]
    warnings: list[str] = []
    date, problem = document_date(first(entry, "published_parsed", "updated_parsed", "created_parsed"), today)
    if date is None and not problem:
        date, problem = document_date(first(entry, "published", "updated", "created"), today)
    if problem:
        warnings.append(problem)
    if date is None:
        warnings.append("the feed entry gives no date; relative dates are left unresolved")
    if teaser:
        warnings.append(f"the feed holds only a teaser of this article ({count} words)"
                        + ("; the briefing covers that, not the whole story" if paragraphs else
                           ": its title is all there is"))
    # feedparser hands back some links and names still entity-escaped ("&gt;"): unescape, then
    # web_url percent-encodes what could end a link and text_of drops tags from names
    url = web_url(html.unescape(str(entry.get("link") or "")))
    source = entry.get("source") if isinstance(entry.get("source"), dict) else {}
    entry_publisher = clean_name(source.get("title")) or publisher
    names = [a.get("name") for a in entry.get("authors") or [] if isinstance(a, dict)] or [entry.get("author")]
    names = [text_of(None, html.unescape(str(name))) for name in names if name]
    identity = str(entry.get("id") or url or title or " ".join(paragraphs)[:200])
    return build_article(paragraphs or [headline], source=path.name,
                         slug=entry_slug(headline, date, f"{path.name}#{identity}"), date=date,
                         warnings=warnings, path=where, headline=headline, publisher=entry_publisher,
                         authors=clean_authors(names, entry_publisher), url=url, teaser=teaser)


def drop_read_more(paragraphs: list[str]) -> tuple[list[str], bool]:
    """The paragraphs without the 'Continue reading' lines feeds append; True when the text was cut
    short (such a line, or a trailing ellipsis)."""
    kept = [p for p in paragraphs if not words.READ_MORE.match(p)]
    truncated = len(kept) < len(paragraphs) or bool(kept and words.ELLIPSIS_END.search(kept[-1]))
    return kept, truncated


def text_of(detail: Any, value: Any) -> str:
    """A feed text construct as plain text: HTML ones ('type': 'text/html') lose their tags."""
    text = str(value or "")
    kind = str(detail.get("type") or "") if isinstance(detail, dict) else ""
    if "html" in kind or (not kind and "<" in text):
        return " ".join(fragment_paragraphs(text))
    return text


def first(entry: Any, *names: str) -> Any:
    """The first of the fields the entry really has (dict.get: feedparser's own get maps a missing
    updated date to the published one, with a deprecation warning)."""
    return next((dict.get(entry, name) for name in names if dict.get(entry, name)), None)
