"""Quotations that run over several paragraphs: one quote with one speaker, linked to its first paragraph."""
from __future__ import annotations

from spacy.tokens import Doc

from generator import nlp
from generator.extract.persons import Speaker
from generator.extract.persons.words import FIRST_PERSON, SPOKEN_VERBS
from generator.extract.quotes.attribution import Piece
from generator.extract.quotes.words import SECOND_PERSON


def chains(doc: Doc, pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces grouped into quotations: a piece alone, or the parts of one that goes on (an unclosed
    opening mark continued by a paragraph, or a sentence, that opens with the same mark)."""
    grouped: list[list[Piece]] = []
    taken: set[int] = set()
    for piece in pieces:
        if id(piece) in taken:
            continue
        chain = [piece]
        while chain[-1].following is not None and not speaks_anew(chain, chain[-1].following):
            chain.append(chain[-1].following)
        if len(chain) > 1 and is_excerpt(doc, pieces, chain):
            chain = [piece]  # running text quoted from elsewhere: each part is judged on its own
        taken.update(id(p) for p in chain)
        grouped.append(chain)
    return grouped


def speaks_anew(chain: list[Piece], after: Piece) -> bool:
    """The next part names its own, different speaker: a mark left open by mistake, not one quotation
    (a pronoun there, "he added", is read as the same speaker)."""
    named = after.own and after.subject is not None and after.subject.pos_ == "PROPN"
    here = after.speaker.speaker if named and after.speaker else None
    before = {p.speaker.speaker for p in chain if p.speaker and p.speaker.speaker}
    return bool(here and before and here not in before)


def is_excerpt(doc: Doc, pieces: list[Piece], chain: list[Piece]) -> bool:
    """Paragraphs of another text quoted whole ("The Times reports:" and its paragraphs in marks): the
    first paragraph is quoted whole, is not attributed in its own sentence, and nobody in it speaks in
    the first or second person (a later part may hold a quote the excerpt itself reports)."""
    whole = nlp.text_of(doc)
    first = chain[0]
    if first.own or whole[doc.user_data["paragraph_starts"][first.paragraph - 1]:first.marks.opener].strip():
        return False
    if spoken_intro(doc, first):
        return False
    nested = {i for p in pieces if p.depth for i in range(p.start, p.end)}
    persons = FIRST_PERSON | SECOND_PERSON
    return not any(doc[i].lower_ in persons for i in range(first.start, first.end) if i not in nested)


def spoken_intro(doc: Doc, first: Piece) -> bool:
    """The paragraph before ends "…said:" or "…told reporters:": what follows is speech, even in the
    third person ("The man was taken to hospital."), not another publication's text."""
    i = first.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in ("\u201c", '"', "\u2018", "'")):
        i -= 1
    if i < 0 or doc[i].text != ":":
        return False
    sentence = next(s for s in nlp.sentences(doc) if s.start <= i < s.end)
    return any(t.lower_ in SPOKEN_VERBS and t.pos_ in ("VERB", "AUX") for t in sentence)


def chain_speaker(chain: list[Piece]) -> Speaker:
    """The speaker of a quotation: the first part attributed in its own sentence, else the first named."""
    speakers = [p.speaker for p in chain if p.speaker is not None]
    own = [p.speaker for p in chain if p.own and p.speaker is not None and p.speaker.speaker]
    named = [s for s in speakers if s.speaker]
    described = [s for s in speakers if s.role]
    return (own or named or described or speakers or [Speaker()])[0]
