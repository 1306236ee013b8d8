"""Provenance from untrusted documents made safe: web addresses, dates, names, entry page names."""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import time
import unicodedata
from urllib.parse import quote, urlsplit, urlunsplit

from generator.inputs.text import parse_date, slug_of

MAX_URL = 2000
MAX_NAME = 120  # a publisher or author name longer than this is a sentence, not a name
MAX_AUTHORS = 12
ISO_PREFIX = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# characters that are legal in a URL but can end a Markdown link or an HTML attribute early
URL_UNSAFE = "()<>\"'`\\ {}|^[]"


def web_url(value: object) -> str | None:
    """An absolute http(s) address with a host, or None: javascript:, data:, file: and relative
    addresses are dropped, never shown as links."""
    if not isinstance(value, str):
        return None
    text = CONTROL.sub("", value).strip()
    if not text or len(text) > MAX_URL:
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    path = quote(parts.path, safe="/%:@!$&*+,;=-._~", encoding="utf-8")
    query = quote(parts.query, safe="/%:@!$&*+,;=?-._~", encoding="utf-8")
    fragment = quote(parts.fragment, safe="/%:@!$&*+,;=?-._~", encoding="utf-8")
    netloc = parts.netloc.encode("idna", errors="ignore").decode() if not parts.netloc.isascii() else parts.netloc
    if any(ch in netloc for ch in URL_UNSAFE):
        return None
    return urlunsplit((parts.scheme.lower(), netloc, path, query, fragment))


def clean_name(value: object) -> str | None:
    """A publisher or author name as one plain line, or None when empty or not a name."""
    if not isinstance(value, str):
        return None
    text = " ".join(CONTROL.sub(" ", unicodedata.normalize("NFC", value)).split()).strip(" ,;|·-–—")
    if not text or len(text) > MAX_NAME:
        return None
    return text


def clean_authors(values: object, publisher: str | None = None) -> list[str]:
    """Author names, once each, in order; 'A; B' strings are split; the publisher is not an author."""
    if isinstance(values, str):
        values = values.split(";")
    if not isinstance(values, (list, tuple)):
        return []
    names: list[str] = []
    for value in values:
        for part in value.split(";") if isinstance(value, str) else [value]:
            name = clean_name(part)
            if name and name.casefold() not in {n.casefold() for n in names} and (
                    not publisher or name.casefold() != publisher.casefold()):
                names.append(name)
    return names[:MAX_AUTHORS]


def document_date(value: object, today: dt.date | None = None) -> tuple[str | None, str | None]:
    """A date as documents write it ('2023-03-14', '2023-03-14T07:30:00Z', RFC 822 as in RSS, a
    time.struct_time from feedparser) -> (ISO date or None, warning or None)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, time.struct_time):
        try:
            return parse_date(dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat(), today)
        except ValueError:
            return None, "the document's date is not a real calendar date; treated as undated"
    if not isinstance(value, str):
        return None, "the document's date is not text; treated as undated"
    match = ISO_PREFIX.match(value)
    if match:
        return parse_date(match.group(1), today)
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None:
        shown = " ".join(value.split())[:40]
        return None, f"date {shown!r} is not a date this reader understands; treated as undated"
    return parse_date(parsed.date().isoformat(), today)


def entry_slug(headline: str, date: str | None, identity: str) -> str:
    """A page name for one entry of a feed or export: its date and headline, like the example
    article's file name; a hash of its identity when the headline has nothing Latin in it."""
    slug = slug_of(f"{date or ''} {headline}")
    title_part = slug.removeprefix(slug_of(date or "")).strip("-")
    if title_part:
        return slug
    digest = hashlib.sha256(identity.encode("utf-8", "replace")).hexdigest()[:10]
    return f"{date}-entry-{digest}" if date else f"entry-{digest}"
