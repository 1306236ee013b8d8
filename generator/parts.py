"""Very long articles are read in parts, so memory and time grow with the article's length, not
its square.

An article over LONG_ARTICLE characters (dev articles are at most 22,000; a 2 MB file parsed as one
spaCy Doc took 6 GB and minutes, and several extractors compare every mention with every other)
is cut at paragraph breaks into parts of at most PART_CHARS, each parsed and extracted on its own
as an article (two at a time, or in worker processes: build.extract_parts); the briefings are
merged with every paragraph number mapped back to the article's. A single paragraph longer than a part is cut at sentence ends. Articles up to
LONG_ARTICLE characters are read whole, exactly as before.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.models import SECTION_TYPES, Article, Briefing

LONG_ARTICLE = 100_000  # characters
PART_CHARS = 25_000  # characters per part: about the longest articles the extractors were built on
# a sentence end followed by the start of the next sentence (where a giant paragraph may be cut)
SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")

ExtractParts = Callable[[list[Article]], Iterable[Briefing]]  # part articles -> their briefings


@dataclass
class Part:
    """A piece of an article, as an article of its own."""

    article: Article
    numbers: list[int]  # paragraph i + 1 of the part is paragraph numbers[i] of the article


def is_long(article: Article) -> bool:
    return sum(len(p) + 2 for p in article.paragraphs) > LONG_ARTICLE


def split_article(article: Article, part_chars: int | None = None) -> list[Part]:
    """Paragraph-bounded parts of at most `part_chars` characters (a longer paragraph is cut)."""
    part_chars = part_chars or PART_CHARS
    parts: list[Part] = []
    texts: list[str] = []
    numbers: list[int] = []
    size = 0

    def close() -> None:
        nonlocal texts, numbers, size
        if texts:
            first = not parts
            parts.append(Part(dataclasses.replace(
                article, paragraphs=texts, credits=[], warnings=[],
                dateline=article.dateline if first else None), numbers))
        texts, numbers, size = [], [], 0

    for number, paragraph in enumerate(article.paragraphs, 1):
        for piece in split_paragraph(paragraph, part_chars):
            if size and size + len(piece) > part_chars:
                close()
            texts.append(piece)
            numbers.append(number)
            size += len(piece) + 2
    close()
    return parts


def split_paragraph(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut after a sentence where there is one."""
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(window, limit // 2)]
        cut = breaks[-1] if breaks else (window.rfind(" ") + 1 or limit)
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text] if text else pieces


def brief_in_parts(article: Article, extract_parts: ExtractParts, part_chars: int | None = None) -> Briefing:
    """Split the article, extract its parts (build.extract_parts: one or two Docs in memory at a
    time per process) and merge their briefings."""
    parts = split_article(article, part_chars)
    return merge(article, parts, list(extract_parts([part.article for part in parts])))


def merge(article: Article, parts: list[Part], briefings: list[Briefing]) -> Briefing:
    """One briefing for the whole article from its parts' briefings."""
    mapped = [_remap(b, part.numbers) for part, b in zip(parts, briefings)]
    first = mapped[0]
    sections = {}
    for name, item_type in SECTION_TYPES.items():
        items = [item for b in mapped for item in getattr(b, name)]
        keyed = "name" in {f.name for f in dataclasses.fields(item_type)}
        sections[name] = _merge_by_name(items) if keyed else items
    from generator.extract.quotes.repeats import without_repeats  # the NLP side, only once parts are read

    sections["quotes"] = without_repeats(sections["quotes"])  # a quote repeated in a later part is one, as in one Doc
    warnings = list(article.warnings)
    for b in mapped:
        warnings += [w for w in b.warnings if w not in warnings]
    warnings.append(f"a very long article ({sum(len(p) for p in article.paragraphs):,} characters): "
                    f"read in {len(parts)} parts; speakers and places are worked out within each part")
    return dataclasses.replace(
        first, **sections, source=article.source, slug=article.slug, date=article.date,
        headline=article.headline, dateline=article.dateline, paragraphs=list(article.paragraphs),
        credits=list(article.credits), warnings=warnings)


def _remap(value, numbers: list[int]):
    """A copy of a briefing or item with every paragraph number mapped through `numbers`."""
    def one(n):
        return numbers[n - 1] if isinstance(n, int) and 1 <= n <= len(numbers) else n

    changes = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if f.name == "paragraph" or f.name.endswith("_paragraph"):
            changes[f.name] = one(current)
        elif f.name == "paragraphs" or f.name.endswith("_paragraphs"):
            changes[f.name] = [one(n) for n in current]
        elif isinstance(current, list) and current and dataclasses.is_dataclass(current[0]):
            changes[f.name] = [_remap(item, numbers) for item in current]
    return dataclasses.replace(value, **changes)


def _merge_by_name(items: list) -> list:
    """Items of the same name found in several parts become one: paragraphs joined, mentions added."""
    merged: dict[str, object] = {}
    for item in items:
        seen = merged.get(item.name)
        if seen is None:
            merged[item.name] = item
            continue
        changes = {}
        for f in dataclasses.fields(item):
            mine, theirs = getattr(seen, f.name), getattr(item, f.name)
            if f.name == "paragraphs":  # 0 is the headline (a place only it names): kept when nothing else is
                changes[f.name] = sorted(set(mine) | set(theirs)) if 0 in mine and 0 in theirs else sorted(
                    (set(mine) | set(theirs)) - {0})
            elif f.name == "aliases":  # the other names each part's text uses for it
                changes[f.name] = mine + [a for a in theirs if a not in mine and a != seen.name]
            elif f.name == "paragraph":
                changes[f.name] = min(mine, theirs)
            elif f.name == "mentions":
                changes[f.name] = mine + theirs
            elif mine is None and theirs is not None:
                changes[f.name] = theirs
        merged[item.name] = dataclasses.replace(seen, **changes)
    return list(merged.values())
