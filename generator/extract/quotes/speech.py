"""Which quoted spans are speech: titles of works, scare quotes and block-quoted text are not."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.extract.quotes.attribution import Piece
from generator.extract.quotes.verbs import is_cue
from generator.extract.quotes.words import (
    FINITE_TAGS, GOVERNOR_STEPS, MODIFIER_DEPS, PHRASE_MAX_WORDS, SCARE_MAX_WORDS, SPEECH_NOUNS, TITLE_INTRODUCERS, TITLE_LABELS, TITLE_MAX_WORDS, TITLE_SMALL_WORDS, WORK_NOUNS,
)

WORD = re.compile(r"[^\W_]+")


def inside(doc: Doc, opener: int, closer: int) -> Span:
    """The tokens between a pair of marks (an empty span when the marks hug nothing)."""
    return doc.char_span(opener + 1, closer, alignment_mode="contract") or doc[0:0]


def is_title(doc: Doc, whole: str, opener: int, closer: int) -> bool:
    """A short capitalised run in quotes is a composition title ("Face the Nation"), not speech."""
    tokens = [t for t in inside(doc, opener, closer) if not t.is_punct and not t.is_space]
    text = " ".join(whole[opener + 1:closer].split()).rstrip()
    if not tokens or len(tokens) > TITLE_MAX_WORDS or text.endswith(("!", "?")) or ". " in text:
        return False
    if tokens[0].text[0].isupper() and names_work(doc, tokens[0].i, tokens[-1].i):
        return True
    words = [t for t in tokens if t.is_alpha]
    if len(words) == 1 and words[0].pos_ != "PROPN":
        return False
    title_case = bool(words) and all(t.text[0].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in words)
    named = all(t.ent_type_ in TITLE_LABELS for t in words)
    return title_case and (named or not any(t.pos_ in ("PRON", "AUX") for t in tokens))


def names_work(doc: Doc, first: int, last: int) -> bool:
    """A noun naming a kind of work just before or after the marks: her column, “…”; the “…” radio show."""
    before = [t for t in doc[max(0, first - 3):first] if not t.is_punct and not t.is_space][-1:]
    after = [t for t in doc[last + 1:last + 5] if not t.is_space]
    if after and after[0].is_punct and after[0].text not in "”\"'":
        after = []  # "…,” is thoughtful": the sentence goes on past the marks
    after = [t for t in after if not t.is_punct][:2]
    return any(t.lower_ in WORK_NOUNS for t in before + after) or any(t.lower_ in TITLE_INTRODUCERS for t in before)


def is_sentence(tokens: Span, alone: bool) -> bool:
    """The quote is a clause someone uttered: a whole sentence, or a capitalised clause with a finite verb."""
    words = [t for t in tokens if WORD.search(t.text)]
    if not words:
        return False
    return alone or (words[0].text[0].isupper() and any(t.tag_ in FINITE_TAGS for t in words))


def governed(tokens: Span) -> bool:
    """A reporting verb or speech noun above the quote in the parse: called him a “bully”, his claim of “fraud”."""
    start, end = tokens.start, tokens.end
    for top in tokens:
        if start <= top.head.i < end and top.head.i != top.i:
            continue
        node, steps = top, 0
        while node.head.i != node.i and steps < GOVERNOR_STEPS:
            node, steps = node.head, steps + 1
            if start <= node.i < end:
                continue
            if is_cue(node) or (node.lower_ in SPEECH_NOUNS and node.pos_ == "NOUN"):
                return True
    return False


def is_scare_quote(tokens: Span, cue: Token | None, alone: bool) -> bool:
    """A few words in quotes that nobody is reported to say: a term, a nickname, irony ("so-called")."""
    size = len(WORD.findall(tokens.text))
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    if size > (PHRASE_MAX_WORDS if verbless else SCARE_MAX_WORDS) or is_sentence(tokens, alone):
        return False
    if is_modifier(tokens):
        return True
    if cue is not None and is_cue(cue):
        return False
    return not governed(tokens)


def is_modifier(tokens: Span) -> bool:
    """The quoted words qualify a noun outside the marks: “quack” cures, the “fact-checking” website."""
    start, end = tokens.start, tokens.end
    tops = [t for t in tokens if not start <= t.head.i < end and not t.is_punct]
    return len(tops) == 1 and tops[0].dep_ in MODIFIER_DEPS and tops[0].head.pos_ in ("NOUN", "PROPN") \
        and tops[0].head.i >= end


def is_block_text(whole: str, opener: int, paragraph_start: int, closed: bool, continues: bool) -> bool:
    """A whole paragraph opening a multi-paragraph quotation that never closes: quoted running text
    (an excerpt of another article), not one pair of marks around something said."""
    return not closed and continues and not whole[paragraph_start:opener].strip()


def speech_flags(doc: Doc, whole: str, pieces: list[Piece]) -> list[bool]:
    """For each piece: does it hold speech (not a title, scare quote, block-quoted text, or a quote
    nested in a quote that is already reported)?"""
    starts = doc.user_data["paragraph_starts"]
    speech = [not (is_title(doc, whole, p.marks.opener, p.marks.closer)
                   or is_scare_quote(inside(doc, p.marks.opener, p.marks.closer), p.cue, p.alone)
                   or is_block_text(whole, p.marks.opener, starts[p.paragraph - 1], p.marks.closed, p.marks.continues))
              for p in pieces]
    for k, piece in enumerate(pieces):
        if piece.depth and any(speech[j] and other.depth < piece.depth and other.marks.opener < piece.marks.opener
                               and other.marks.closer >= piece.marks.closer for j, other in enumerate(pieces)):
            speech[k] = False
    return speech
