"""Saved web pages (.html, .htm, .html.gz) -> Article, with trafilatura: body, headline, date,
authors, site name and canonical URL. Offline: nothing the page links to is fetched."""
from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
import unicodedata
from pathlib import Path

from generator.errors import ArticleError
from generator.inputs import words
from generator.inputs.files import input_stem, read_capped
from generator.inputs.markup import cut_elements, strip_inline_blobs
from generator.inputs.meta import clean_authors, clean_name, document_date, web_url
from generator.inputs.text import (
    CONTROL, DATE_LINE, MAX_BYTES, build_article, first_sentence, shorten, slugify,
)
from generator.models import Article

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 40_000_000  # a page saved with its images inlined ("single file") can be this big
MAX_MARKUP_BYTES = 6_000_000  # what is left once scripts, styles and inline images are cut
MIN_WORDS = 30  # a page whose main text is shorter than a news brief holds no article
SIGN_IN_WORDS = 150  # a page not marked as an article, asking for a password, with less text: a login wall
LISTING_TEASERS = 6  # headline links with a blurb each, on a page that is not marked as an article
LONG_PARAGRAPH_WORDS = 40  # ... and with no paragraph this long, is an index page
CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{1,40})""", re.I)
PASSWORD = re.compile(r"""<input\b[^>]{0,500}?type\s*=\s*["']?password""", re.I)
NOT_FREE = re.compile(r""""isAccessibleForFree"\s*:\s*"?false""", re.I)
WORD = re.compile(r"[^\W\d_]+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def read_page(path: Path, today: dt.date | None = None) -> Article:
    """Read one saved web page; raise ArticleError naming the file when it holds no article."""
    raw = read_capped(path, MAX_PAGE_BYTES, what="web pages")
    markup, warnings = decode_page(path, raw)
    return parse_page(markup, source=path.name, slug=slugify(input_stem(path)), path=path,
                      warnings=warnings, today=today)


def decode_page(path: Path, raw: bytes) -> tuple[str, list[str]]:
    """Bytes -> text: a byte-order mark, else the charset the page declares, else UTF-8, else a
    guess; a page that is not text at all (NUL bytes, control characters) is refused."""
    warnings: list[str] = []
    if not raw.strip():
        raise ArticleError(path, "is empty (no article text)")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), warnings
            except UnicodeDecodeError as exc:
                name = codec.upper().removesuffix("-SIG")
                raise ArticleError(path, f"starts with a {name} mark but is not valid {name}") from exc
    if b"\x00" in raw[:1_000_000]:
        raise ArticleError(path, "looks like a binary file (it contains NUL bytes), not a web page")
    head = raw[:4096]
    declared = CHARSET.search(head) or XML_ENCODING.search(head)
    codec = declared_codec(declared.group(1).decode("ascii")) if declared else None
    text = None
    for attempt in filter(None, [codec, "utf-8"]):
        try:
            text = raw.decode(attempt)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        guess = guess_codec(raw)
        text = raw.decode(guess, errors="replace")
        said = (f"is declared as {declared.group(1).decode('ascii')} but is not" if declared
                else "declares no charset and is not UTF-8")
        warnings.append(f"the page {said}; read as {guess}")
    sample = text[:200_000]
    if len(CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ArticleError(path, "looks like a binary file (many control characters), not a web page")
    return text, warnings


def declared_codec(name: str) -> str | None:
    """A declared charset -> a Python codec, or None when Python does not know it. Pages that say
    ISO-8859-1 or ASCII are read as Windows-1252, as browsers read them."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def guess_codec(raw: bytes) -> str:
    """The likeliest encoding of bytes that are not UTF-8. charset-normalizer tells scripts apart
    (Cyrillic, Greek, CJK); among Latin-script guesses Windows-1252 is taken, as browsers do,
    because a few accented letters cannot tell the Latin code pages apart."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:300_000]).best()
    except (ImportError, LookupError):
        return "cp1252"
    if best is None:
        return "cp1252"
    letters = [c for c in str(best) if ord(c) > 127 and c.isalpha()]
    latin = sum("LATIN" in unicodedata.name(c, "") for c in letters)
    return "cp1252" if latin >= len(letters) / 2 else best.encoding


def parse_page(markup: str, source: str, slug: str, path: Path | None = None,
               warnings: list[str] | None = None, today: dt.date | None = None) -> Article:
    """Decoded HTML -> Article; refused, with the reason, when the page holds no article."""
    import trafilatura

    where = path or source
    warnings = list(warnings or [])
    date_line = DATE_LINE.match(markup.lstrip()[:200])
    markup = strip_inline_blobs(cut_elements(markup, "script", keep=lambda tag: "ld+json" in tag.lower()))
    if len(markup) > MAX_MARKUP_BYTES:
        raise ArticleError(where, f"holds {len(markup) / 1e6:.0f} MB of markup besides scripts, styles and "
                                  f"inline images; web pages over {MAX_MARKUP_BYTES / 1e6:.0f} MB are refused")
    try:
        # extensive_search off: a date from the page's markup (meta tags, <time>, the address),
        # never one guessed from its text ("© 2023" is not a publication date)
        doc = trafilatura.bare_extraction(
            markup, include_comments=False, with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - the parser's failure on a hostile page is a refusal
        log.debug("trafilatura failed on %s", where, exc_info=True)
        raise ArticleError(where, f"could not be read as a web page ({type(exc).__name__})") from exc
    body = (doc.text if doc else "") or ""
    paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    refuse_non_article(where, markup, doc, paragraphs)
    if sum(len(p) for p in paragraphs) > MAX_BYTES:
        raise ArticleError(where, f"holds over {MAX_BYTES / 1e6:.0f} MB of article text; "
                                  f"articles over {MAX_BYTES / 1e6:.0f} MB are refused")
    publisher = clean_name(doc.sitename) if doc.sitename and "/" not in doc.sitename else None
    publisher = publisher or clean_name(doc.hostname)
    headline = clean_title(doc.title or "", publisher) or shorten(first_sentence(paragraphs[0]))
    if len(paragraphs) > 1 and same_text(paragraphs[0], headline):
        paragraphs = paragraphs[1:]
    date, problem = document_date(doc.date, today)
    if date is None and date_line:
        date, problem = document_date(date_line.group(1), today)
    if problem:
        warnings.append(problem)
    if date is None:
        warnings.append("the page gives no publication date; relative dates are left unresolved")
    teaser = bool(NOT_FREE.search(markup))
    if teaser:
        warnings.append("the page marks the article as for subscribers only: this is the part shown "
                        "without signing in")
    return build_article(paragraphs, source=source, slug=slug, date=date, warnings=warnings, path=path,
                         headline=headline, publisher=publisher,
                         authors=clean_authors(doc.author, publisher), url=web_url(doc.url), teaser=teaser)


def refuse_non_article(where: Path | str, markup: str, doc: object, paragraphs: list[str]) -> None:
    """Raise ArticleError, with the reason, for a page that holds no article: nothing readable, a
    sign-in form, a few words only, or an index page (a list of headline links with blurbs)."""
    count = sum(word_count(p) for p in paragraphs)
    if not paragraphs:
        raise ArticleError(where, "holds no article text (no main text found in the page)")
    # an article's own markup outweighs the rest: news pages often carry a sign-in form in their
    # header and a list of headline links beside a short story
    marked = (words.ARTICLE_TYPE.search(str(getattr(doc, "pagetype", "") or ""))
              or words.PUBLISHED_META.search(markup))
    if not marked and PASSWORD.search(markup) and count < SIGN_IN_WORDS:
        raise ArticleError(where, f"is a sign-in page (it asks for a password), not an article "
                                  f"({count} words of text)")
    if count < MIN_WORDS:
        raise ArticleError(where, f"holds only {count} words of text, not an article "
                                  f"(an empty page, a login or paywall wall?)")
    if not marked and max(word_count(p) for p in paragraphs) < LONG_PARAGRAPH_WORDS:
        teasers = len(words.HEADLINE_LINK.findall(markup))
        if teasers >= LISTING_TEASERS:
            raise ArticleError(where, f"is an index page ({teasers} headline links with short blurbs "
                                      f"and no article text), not an article")


def word_count(text: str) -> int:
    """Words of any script: runs of letters, and two CJK characters for a word (no spaces there)."""
    return len(WORD.findall(CJK.sub(" ", text))) + len(CJK.findall(text)) // 2


def clean_title(title: str, publisher: str | None) -> str:
    """The page title without the site name that pages append or prepend ('Headline | Site')."""
    title = " ".join(title.split())
    cuts = list(words.TITLE_SEPARATOR.finditer(title))
    if not publisher or not cuts:
        return title
    site = publisher.casefold()
    last, first = title[cuts[-1].end():].casefold(), title[:cuts[0].start()].casefold()
    if last and (site in last or last in site):
        return title[:cuts[-1].start()].strip() or title
    if first and (site in first or first in site):
        return title[cuts[0].end():].strip() or title
    return title


def same_text(a: str, b: str) -> bool:
    return WORD.findall(a.casefold()) == WORD.findall(b.casefold())
