"""UK-style copy, where single marks quote (‘…’) and double marks nest: told apart from apostrophes."""
from __future__ import annotations

import re

from generator.extract.quotes.words import (
    AS_DOUBLE, AS_SINGLE, CLOSE_MARKS, CLOSING_CONTEXT, OPEN_MARKS, OPENING_CONTEXT, SINGLE_CLOSERS,
    SINGLE_OPENERS, STRAIGHT_MARK,
)

DOUBLE_MARKS = OPEN_MARKS | CLOSE_MARKS | {STRAIGHT_MARK}
PUNCTUATION = frozenset(",.;:!?")
SINGLE_MARK = re.compile("[" + re.escape("".join(sorted(SINGLE_OPENERS))) + "]")
SINGLE_CLOSER = re.compile("[" + re.escape("".join(sorted(SINGLE_CLOSERS))) + "]")
SWAP = str.maketrans(AS_SINGLE)
DOUBLE_OPENER = re.compile("[" + "".join(sorted(OPEN_MARKS)) + "]")


def opens(text: str, i: int) -> bool:
    """A single mark at a word's start before a word or a nested mark (an apostrophe does not open:
    it sits inside a word, ends one, or stands for missing digits, ’90s)."""
    if text[i] not in SINGLE_OPENERS:
        return False
    left = text[i - 1] if i else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    if not (left in OPENING_CONTEXT or left in DOUBLE_MARKS):
        return False
    if text[i] == "'" and not (right.isupper() or right.isdigit() and not text[i + 1:i + 4].rstrip("s").isdigit()):
        return False  # a straight one opens only a capitalised quote: 'em, '90s are words
    return right.isalnum() or right in DOUBLE_MARKS or right in "…."


def closes(text: str, i: int) -> bool:
    """A single mark after a word or punctuation and before a space, punctuation or the end."""
    if text[i] not in SINGLE_CLOSERS or not i or text[i - 1].isspace():
        return False
    right = text[i + 1] if i + 1 < len(text) else " "
    return right in CLOSING_CONTEXT or right in DOUBLE_MARKS


def looks_possessive(text: str, i: int) -> bool:
    """“the players’ union”: a mark after an s and before a lower-case word reads as an apostrophe."""
    return text[i - 1] in "sS" and text[i + 1:i + 2] == " " and text[i + 2:i + 3].islower()


def single_primary(text: str) -> bool:
    """The copy quotes with single marks: more single openers than double ones (as many, when the
    first quotation opens with a single mark, ‘… “…” …’)."""
    singles = [m.start() for m in SINGLE_MARK.finditer(text) if opens(text, m.start())]
    doubles = [m.start() for m in DOUBLE_OPENER.finditer(text)]
    straight = text.count(STRAIGHT_MARK) // 2
    count = len(doubles) + straight
    if len(singles) != count:
        return len(singles) > count
    return bool(singles) and not straight and singles[0] < doubles[0]


def as_double(text: str) -> str:
    """The paragraph with its quoting single marks swapped for double ones and its double marks for
    single ones (same length, same offsets), so that one pairer reads both styles."""
    chars = list(text.translate(SWAP))
    closers = [m.start() for m in SINGLE_CLOSER.finditer(text) if closes(text, m.start())]
    ends = frozenset(closers)
    marks = sorted({m.start() for m in SINGLE_MARK.finditer(text)} | ends)
    open_at = None
    for i in marks:  # only the single marks can open or close
        if open_at is None and opens(text, i):
            open_at, chars[i] = i, AS_DOUBLE["open"]
        elif open_at is not None and i in ends and not premature(text, i, closers):
            open_at, chars[i] = None, AS_DOUBLE["close"]
    return "".join(chars)


def premature(text: str, i: int, closers: list[int]) -> bool:
    """A possessive-looking closer with another closer later in the paragraph, or one right after the
    punctuation that follows it ("not the fans’,’ he said"): the quote goes on."""
    if looks_possessive(text, i) and closers[-1] > i:
        return True
    return text[i - 1] in "sS" and text[i + 1:i + 2] in PUNCTUATION and i + 2 in closers
