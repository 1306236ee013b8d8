"""Quotation marks: pair them within each paragraph, and link quotations that run over paragraphs."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from generator import nlp
from generator.extract.quotes.single import as_double, single_primary
from generator.extract.quotes.words import (
    CLOSE_MARKS, CLOSING_CONTEXT, LOW_OPENER, MARKUP, NEVER_CLOSES, OPEN_MARKS, OPENING_CONTEXT, SENTENCE_FINAL,
    STRAIGHT_MARK,
)

ALL_MARKS = OPEN_MARKS | CLOSE_MARKS | {STRAIGHT_MARK}
INCH_MARK = re.compile(r"\d['’]\d{1,2}$")  # 6'3" is a height, not a closing mark


@dataclass
class Marks:
    """One pair of marks: `opener`/`closer` are absolute offsets (closer = paragraph end if unclosed)."""

    opener: int
    closer: int
    paragraph: int
    closed: bool
    depth: int = 0  # 0 for an outermost quote, 1 for a quote inside another
    continues: bool = False  # unclosed, and the quotation goes on at the next opening mark of the same style
    runs_on: bool = False  # unclosed at the paragraph end, and the next paragraph opens with a mark of any style


def classify(text: str, i: int) -> str | None:
    """'open', 'close' or None (ambiguous) for the mark at text[i], from the characters around it."""
    mark = text[i]
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    if mark == STRAIGHT_MARK and INCH_MARK.search(text[max(0, i - 5):i]):
        return "skip"
    opens_left = left in OPENING_CONTEXT or left in ALL_MARKS or left in "‘'"
    closes_right = right in CLOSING_CONTEXT or right in ALL_MARKS or right in "’'"
    if opens_left and not closes_right:
        return "open"
    if closes_right and not opens_left:
        return "close"
    if mark in OPEN_MARKS:
        return "open"
    if mark in CLOSE_MARKS:
        return "close"
    return None


def pair_marks(text: str, offset: int, paragraph: int) -> list[Marks]:
    """Pair the double quotation marks of one paragraph; stray marks are skipped, never fatal."""
    spans: list[Marks] = []
    stack: list[tuple[int, str]] = []  # (position, mark) of open quotes, outermost first
    for i, char in enumerate(text):
        if char not in ALL_MARKS:
            continue
        kind = classify(text, i)
        if kind == "skip":
            continue
        if kind is None:  # a straight mark between two spaces: toggle
            kind = "close" if stack else "open"
        # a curly mark typed the wrong way round ("”Text.”", "“Text.“"): its position decides, as
        # for a straight mark; readers' letters and pasted text are full of them
        if kind == "close" and char in NEVER_CLOSES and not (stack and stack[-1][1] == LOW_OPENER):
            kind = "open"
        if kind == "open":
            if stack and (stack[-1][1] in OPEN_MARKS) == (char in OPEN_MARKS):
                start, _ = stack.pop()  # the same style cannot nest: the earlier opener was a stray ...
                if not stack and reopens(text, start, i):  # ... or its quotation goes on past a lost paragraph break
                    spans.append(Marks(offset + start, offset + i, paragraph, False, continues=True))
            stack.append((i, char))
            continue
        if not stack:
            continue  # a stray closer
        start, _ = stack.pop()
        spans.append(Marks(offset + start, offset + i, paragraph, True, depth=len(stack)))
    if stack:
        start, _ = stack[0]
        spans.append(Marks(offset + start, offset + len(text), paragraph, False))
    return sorted(spans, key=lambda s: s.opener)


def reopens(text: str, opener: int, i: int) -> bool:
    """A second opening mark at text[i] after a whole quoted sentence that began at text[opener]: the
    paragraph break between two paragraphs of one quotation was lost ("He said: "A. "B."")."""
    said = text[opener + 1:i].strip()
    return text[i - 1].isspace() and is_sentence_start(said) and said[-1:] in SENTENCE_FINAL


def is_sentence_start(said: str) -> bool:
    """Quoted words that begin a sentence (a fragment, "“damning by critics.", is a stray opener's)."""
    return said[:1].isupper() or said[:1].isdigit()


def find_spans(doc: Doc) -> list[Marks]:
    """Every quotation in the body, in reading order, multi-paragraph quotes linked; found once per Doc
    (the open-questions extractor reads them too)."""
    cached = doc.user_data.get("quote_spans")
    if cached is None:
        cached = doc.user_data["quote_spans"] = tuple(_pair_paragraphs(doc, nlp.text_of(doc)))
    return list(cached)


def _pair_paragraphs(doc: Doc, whole: str) -> list[Marks]:
    starts = doc.user_data["paragraph_starts"]
    ends = [start - len(nlp.SEPARATOR) for start in starts[1:]] + [len(whole)]
    spans: list[Marks] = []
    view = MARKUP.sub(lambda m: " " * len(m.group()), whole)
    if starts and single_primary(view[starts[0]:]):  # UK copy: its single marks are read as double ones, offsets unchanged
        view = view[:starts[0]] + "".join(as_double(view[start:end]) + view[end:after] for start, end, after
                                          in zip(starts, ends, [*starts[1:], len(view)]))
    for number, (start, end) in enumerate(zip(starts, ends), 1):
        spans.extend(pair_marks(view[start:end], start, number))
    for span in spans:
        if not span.closed and span.closer == ends[span.paragraph - 1] and span.paragraph < len(starts):
            following = view[starts[span.paragraph]:ends[span.paragraph]].lstrip()
            same_style = OPEN_MARKS if view[span.opener] in OPEN_MARKS else {STRAIGHT_MARK}
            span.runs_on = following[:1] in OPEN_MARKS | {STRAIGHT_MARK}
            span.continues = following[:1] in same_style and is_sentence_start(quote_text(whole, span))
    return spans


def quote_text(whole: str, span: Marks) -> str:
    """The words inside the marks, without the marks (`whole` is the Doc's text, nlp.text_of)."""
    return " ".join(whole[span.opener + 1:span.closer].split()).strip()




def quoted_tokens(doc: Doc) -> frozenset[int]:
    """The tokens inside outermost quotation marks (from the token holding the opener), once per Doc."""
    cached = doc.user_data.get("quoted_tokens")
    if cached is None:
        cached = doc.user_data["quoted_tokens"] = frozenset(
            i for marks in find_spans(doc) if marks.depth == 0 for i in range(*token_range(doc, marks)))
    return cached


def token_range(doc: Doc, marks: Marks) -> tuple[int, int]:
    """[first, end) tokens of a pair of marks: from the token holding the opener to the one holding the
    closer (to the paragraph's last token when it is unclosed)."""
    starts = doc.user_data.get("token_starts")
    if starts is None:
        starts = doc.user_data["token_starts"] = [t.idx for t in doc]
    first = bisect.bisect_right(starts, marks.opener) - 1
    end = bisect.bisect_right(starts, marks.closer if marks.closed else marks.closer - 1)
    return first, end
