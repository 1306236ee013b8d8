"""Direct quotations: pair the quotation marks of each paragraph, attribute each quote, keep the speech."""
from __future__ import annotations

from spacy.tokens import Doc

from generator import nlp
from generator.extract.persons import People
from generator.extract.quotes.attribution import Piece, attribute, place
from generator.extract.quotes.marks import Marks, find_spans, pair_marks, quote_text, quoted_tokens
from generator.extract.quotes.speech import speech_flags
from generator.models import Quote

__all__ = ["Marks", "Piece", "extract_quotes", "find_spans", "pair_marks", "quote_text", "quoted_tokens"]


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every pair of double quotation marks in the body that holds speech, with its speaker resolved."""
    whole = nlp.text_of(doc)
    marks = [m for m in find_spans(doc) if any(c.isalnum() for c in quote_text(whole, m))]
    if not marks:
        return []
    # titles and scare quotes stay in until here: their words are quoted, not speakers
    pieces = place(doc, marks)
    attribute(doc, pieces, People(doc, quoted_tokens(doc)))
    speech = speech_flags(doc, whole, pieces)
    return [Quote(text=quote_text(whole, p.marks), speaker=p.speaker.speaker, paragraph=p.paragraph,
                  role=p.speaker.role, speaker_kind=p.speaker.kind, cue=p.speaker.cue)
            for p, keep in zip(pieces, speech) if keep]
