"""UK-style copy, where single marks quote (‘…’) and double marks nest: told apart from apostrophes."""
from __future__ import annotations

import bisect
import re

from generator.extract.quotes.words import (
    AS_DOUBLE, AS_SINGLE, CLOSE_MARKS, CLOSING_CONTEXT, OPEN_MARKS, OPENING_CONTEXT, SINGLE_CLOSERS,
    SINGLE_OPENERS, STRAIGHT_MARK,
)
from generator.extract.ranges import inside

DOUBLE_MARKS = OPEN_MARKS | CLOSE_MARKS | {STRAIGHT_MARK}
PUNCTUATION = frozenset(",.;:!?")
SINGLE_MARK = re.compile("[" + re.escape("".join(sorted(SINGLE_OPENERS))) + "]")
SINGLE_CLOSER = re.compile("[" + re.escape("".join(sorted(SINGLE_CLOSERS))) + "]")
SWAP = str.maketrans(AS_SINGLE)


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
    """The copy quotes with single marks: more outermost single quotations than double ones (a pair
    nested in the other kind does not count: “… ‘the Wall’ …” is US copy, ‘… “the Wall” …’ UK copy);
    as many, when the first outermost quotation opens with a single mark."""
    singles, doubles = single_spans(text), double_spans(text)
    # a mark of one kind never sits at the other kind's opener, so "inside" needs no strict variant
    singles_out = [a for a, _ in singles if not inside(doubles, a)]
    doubles_out = [a for a, _ in doubles if not inside(singles, a)]
    if len(singles_out) != len(doubles_out):
        return len(singles_out) > len(doubles_out)
    return bool(singles_out) and singles_out[0] < doubles_out[0]


def double_spans(text: str) -> list[tuple[int, int]]:
    """Where double marks quote: each opener to its closer (a straight mark opens and closes in turn)."""
    spans, open_at = [], None
    for i, ch in enumerate(text):
        if ch in OPEN_MARKS or ch == STRAIGHT_MARK and open_at is None:
            open_at = i if open_at is None else open_at
        elif open_at is not None and (ch in CLOSE_MARKS or ch == STRAIGHT_MARK):
            spans.append((open_at, i))
            open_at = None
    return spans + ([(open_at, len(text))] if open_at is not None else [])


def single_spans(text: str) -> list[tuple[int, int]]:
    """Where single marks quote: each opener to its closer, told apart from apostrophes (an opener
    never closed runs to the end)."""
    closers = [m.start() for m in SINGLE_CLOSER.finditer(text) if closes(text, m.start())]
    ends = frozenset(closers)
    spans, open_at = [], None
    for i in sorted({m.start() for m in SINGLE_MARK.finditer(text)} | ends):
        if open_at is None and opens(text, i):
            open_at = i
        elif open_at is not None and i in ends and not premature(text, i, closers):
            spans.append((open_at, i))
            open_at = None
    return spans + ([(open_at, len(text))] if open_at is not None else [])


def as_double(text: str) -> str:
    """The paragraph with its quoting single marks swapped for double ones and its double marks for
    single ones (same length, same offsets), so that one pairer reads both styles."""
    chars = list(text.translate(SWAP))
    for start, end in single_spans(text):
        chars[start] = AS_DOUBLE["open"]
        if end < len(text):
            chars[end] = AS_DOUBLE["close"]
    return "".join(chars)


def premature(text: str, i: int, closers: list[int]) -> bool:
    """A possessive-looking closer with another closer later in the paragraph, or one right after the
    punctuation that follows it ("not the fans’,’ he said"): the quote goes on. UK copy writes plural
    possessives with the closing mark ("the players’ Union", "the teams’ 3-0 win"): before any word, such
    a mark is an apostrophe when the next closer follows with no opener between (else it would close nothing)."""
    if looks_possessive(text, i) and closers[-1] > i:
        return True
    if text[i - 1] in "sS" and text[i + 1:i + 2] == " " and text[i + 2:i + 3].isalnum():
        later = closers[bisect.bisect_right(closers, i):]
        if later and not any(opens(text, k) for k in range(i + 1, later[0])):
            return True
    return text[i - 1] in "sS" and text[i + 1:i + 2] in PUNCTUATION and i + 2 in closers
