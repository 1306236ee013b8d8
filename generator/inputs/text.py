"""Read an input file into an Article: date, headline, dateline, credits, paragraphs. No NLP."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any

from generator.errors import ArticleError
from generator.inputs.files import read_capped
from generator.models import Article

MAX_BYTES = 2_000_000  # far above any news article; keeps the parser's memory bounded
MAX_HEADLINE_WORDS = 20  # a first block longer than this is the lead paragraph, not a headline
WRAPPED_LINE = 60  # a line this long that stops mid-sentence was hard-wrapped

DATE_LINE = re.compile(r"^\s*date\s+(\S+)\s*(.*)$", re.IGNORECASE)
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# "KYIV, Ukraine (AP) —", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "WASHINGTON ―": capitalised place,
# optional region/date parts and agency, then a dash.
DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z.'’\- ]{1,40}[A-Z.]"
    r"(?:,\s*[A-Z][A-Za-z0-9.'’\- ]{1,30})*"
    r"(?:\s*\([A-Za-z.&\- ]{1,30}\))?)"
    r"\s*(?:[—―–]\s*|--\s*|-\s+)(?=[A-Z0-9“\"‘'])"  # "— ", "--At", "- ": then the text starts
)
CREDIT = re.compile(
    r"^[*_(\s]*(additional reporting|reporting by|writing by|editing by|compiled by|"
    r"associated press writers?\b|follow .{1,40} on (twitter|x)\b|"
    r"copyright \d{4}|©)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_article(path: Path, today: dt.date | None = None) -> Article:
    """Read one article file; raise ArticleError naming the file when it cannot be used."""
    raw = read_capped(path, MAX_BYTES, hint=" (split it into articles)")
    text, warnings = decode(path, raw)
    return parse_article(text, source=path.name, slug=slugify(path.stem),
                         path=path, warnings=warnings, today=today)


def decode(path: Path, raw: bytes) -> tuple[str, list[str]]:
    """Bytes -> text. UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    warnings: list[str] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(path, "starts with a UTF-16 mark but is not valid UTF-16") from exc
    elif b"\x00" in raw:
        raise ArticleError(path, "looks like a binary file (it contains NUL bytes), not a text article")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            warnings.append("not valid UTF-8; read as Windows-1252/Latin-1")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    controls = len(CONTROL.findall(text))
    if text.strip() and controls > max(8, len(text) // 100):
        raise ArticleError(path, "looks like a binary file (many control characters), not a text article")
    text = CONTROL.sub("", text).replace("\ufffd", "")
    if not text.strip():
        raise ArticleError(path, "is empty (no article text)")
    return text, warnings


def parse_article(text: str, source: str, slug: str, path: Path | None = None,
                  warnings: list[str] | None = None, today: dt.date | None = None) -> Article:
    """Split decoded text into date, headline, dateline, credits and body paragraphs."""
    warnings = list(warnings or [])
    lines = text.split("\n")
    date = None
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ArticleError(path or source, "is empty (no article text)")
    match = DATE_LINE.match(lines[first])
    if match:
        date, problem = parse_date(match.group(1), today)
        if problem:
            warnings.append(problem)
        lines[first] = match.group(2)
    else:
        warnings.append("no date line; relative dates are left unresolved")

    blocks = split_blocks(lines)
    if not [b for b in blocks if not CREDIT.match(b)]:
        raise ArticleError(path or source, "has a date line but no article text")
    return build_article(blocks, source=source, slug=slug, date=date, warnings=warnings, path=path)


def build_article(blocks: list[str], source: str, slug: str, date: str | None, warnings: list[str],
                  path: Path | str | None = None, headline: str | None = None, **provenance: Any) -> Article:
    """Paragraphs -> Article: credit lines set apart, the headline (given, or the short first block,
    or the lead's first sentence) and the dateline of the first paragraph. Every reader ends here."""
    credits = [b for b in blocks if CREDIT.match(b)]
    blocks = [b for b in blocks if not CREDIT.match(b)]
    if not blocks:
        raise ArticleError(path or source, "has no article text")
    if headline:
        paragraphs = blocks
    elif looks_like_headline(blocks[0]) and len(blocks) > 1:
        headline, paragraphs = blocks[0], blocks[1:]
    else:
        headline, paragraphs = shorten(first_sentence(blocks[0])), blocks
    dateline = None
    found = DATELINE.match(paragraphs[0])
    if found and len(found.group("dateline").split()) <= 8:
        dateline = found.group("dateline").strip()
        paragraphs[0] = paragraphs[0][found.end():]
        if not paragraphs[0].strip():
            paragraphs.pop(0)
    if not paragraphs:
        paragraphs = [headline]
    return Article(source=source, slug=slug, date=date, headline=headline.strip(),
                   paragraphs=paragraphs, dateline=dateline, credits=credits, warnings=warnings,
                   **provenance)


def parse_date(value: str, today: dt.date | None) -> tuple[str | None, str | None]:
    """Validate an ISO date; return (date or None, warning or None)."""
    match = ISO_DATE.match(value)
    if not match:
        return None, f"date {value!r} is not YYYY-MM-DD; treated as undated"
    try:
        parsed = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None, f"date {value!r} is not a real calendar date; treated as undated"
    if parsed > (today or dt.date.today()):
        return parsed.isoformat(), f"date {value} is in the future"
    return parsed.isoformat(), None


def split_blocks(lines: list[str]) -> list[str]:
    """Lines -> paragraphs. Blank lines separate paragraphs; inside a block each line is a
    paragraph unless it is a hard-wrapped continuation: the previous line does not end a
    sentence and either is long (wrapped) or this one starts in lower case."""
    paragraphs: list[str] = []
    current: list[str] = []
    previous = ""
    for line in lines + [""]:
        stripped = " ".join(line.split())
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            previous = ""
            continue
        continuation = bool(current) and (
            not SENTENCE_END.search(previous)
            and (len(previous) >= WRAPPED_LINE or stripped[:1].islower()))
        if current and not continuation:
            paragraphs.append(" ".join(current))
            current = []
        current.append(stripped)
        previous = stripped
    return paragraphs


def looks_like_headline(block: str) -> bool:
    """A short first block is a headline; a long one is the lead paragraph."""
    return len(block.split()) <= MAX_HEADLINE_WORDS


def first_sentence(text: str) -> str:
    match = re.search(r"(?<=[a-z0-9\"”’)][.!?])\s+(?=[A-Z“\"])", text)
    return text[: match.start()] if match else text


def shorten(text: str, words: int = 40) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + "…"


def slug_of(text: str) -> str:
    """Text -> lowercase ASCII letters, digits and dashes only (at most 80); '' when nothing Latin is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def slugify(stem: str) -> str:
    """A file stem -> a safe page name, never empty."""
    return slug_of(stem) or "article-" + hashlib.sha256(stem.encode()).hexdigest()[:8]
