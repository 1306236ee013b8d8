"""Which sentences may stand in a summary: whole statements in the newsroom's voice, no boilerplate."""
from __future__ import annotations

from spacy.tokens import Span

from generator.extract.quotes.marks import classify
from generator.extract.summary.words import BOILERPLATE, BULLET, BYLINE, DATELINE, DOUBLE_MARK, STATEMENT_END
from generator.nlp import span_text

MIN_WORDS, MAX_SENTENCE_WORDS = 7, 55
MAX_QUOTED = 0.5  # a sentence mostly inside quotation marks is a speaker's words, not the story's
LIST_ITEMS, LIST_PUNCTUATION = 4, 0.2  # this many separators, and this many per word: a line-up or a list
CAPITALISED = 0.6  # share of capitalised words above this (names, headings): a line-up or a caption
UPPER_CASE = 0.6  # share of letters in capitals above this: a shouted heading


def clean_text(sent: Span, first: bool = False) -> str:
    """The sentence as shown: spaces collapsed, the dateline before the lead's first word dropped."""
    text = " ".join(span_text(sent).split())
    if first:
        text = DATELINE.sub("", text, count=1)
    return text


def marks_share(text: str) -> float:
    """Share of the sentence's characters inside quotation marks, read from the sentence alone: a
    first mark that closes means the quotation began earlier, an opener left open runs to the end.
    Catches what pairing over the paragraph lets go (a source that reopens every sentence of a quote)."""
    marks = [found.start() for found in DOUBLE_MARK.finditer(text)]
    if not marks:
        return 0.0
    inside = classify(text, marks[0]) == "close"
    start, total = 0, 0
    for at in marks:
        if inside:
            total += at - start
        else:
            start = at
        inside = not inside
    if inside:
        total += len(text) - start
    return total / len(text)


def rejection(text: str, quoted: float = 0.0, verb: bool = True) -> str | None:
    """Why the sentence cannot stand in a summary, or None when it can (`quoted`: the share of its
    words inside quotation marks as the quotes extractor pairs them; `verb`: the parse found one)."""
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_SENTENCE_WORDS:
        return "length"
    if not STATEMENT_END.search(text):
        return "not a statement"  # a question, a lead-in to a list (colon) or an unpunctuated line
    if BOILERPLATE.search(text) or BYLINE.match(text):
        return "boilerplate"
    if max(quoted, marks_share(text)) >= MAX_QUOTED:
        return "quotation"
    letters = [c for c in text if c.isalpha()]
    if sum(c.isupper() for c in letters) > UPPER_CASE * max(len(letters), 1):
        return "heading"
    if text[0].islower() or BULLET.match(text):
        return "fragment"  # a piece of a sentence the parser split off, or an item of a list
    separators = text.count(", ") + 2 * text.count("; ")
    if separators >= LIST_ITEMS and separators > LIST_PUNCTUATION * len(words):
        return "list"
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) >= MIN_WORDS and sum(w[0].isupper() for w in alpha) > CAPITALISED * len(alpha):
        return "list"
    if not verb:
        return "no verb"
    return None
