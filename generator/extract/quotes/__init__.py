"""Direct quotations: pair the quotation marks of each paragraph, attribute each quote, keep the speech."""
from __future__ import annotations

from spacy.tokens import Doc

from generator import nlp
from generator.extract.persons import people_of
from generator.extract.quotes.attribution import Piece, attribute, place
from generator.extract.quotes.chains import chain_speaker, chains
from generator.extract.quotes.repeats import without_repeats
from generator.extract.quotes.marks import Marks, find_spans, pair_marks, quote_text, quoted_tokens  # noqa: F401
from generator.extract.quotes.speech import speech_flags
from generator.models import Quote

__all__ = ["Marks", "Piece", "extract_quotes", "find_spans", "pair_marks", "quote_text", "quoted_tokens"]


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every quotation in the body that holds speech, with its speaker resolved; one that runs over
    several paragraphs is one quote, linked to its first paragraph."""
    whole = nlp.text_of(doc)
    marks = [m for m in find_spans(doc) if any(c.isalnum() for c in quote_text(whole, m))]
    if not marks:
        return []
    # titles and scare quotes stay in until here: their words are quoted, not speakers
    pieces = place(doc, marks)
    attribute(doc, pieces, people_of(doc))
    speech = dict(zip(map(id, pieces), speech_flags(doc, whole, pieces)))
    quotes = []
    for chain in chains(doc, pieces):
        if len(chain) == 1 and not speech[id(chain[0])]:
            continue
        speaker = chain_speaker(chain)
        quotes.append(Quote(text=" ".join(quote_text(whole, p.marks) for p in chain), speaker=speaker.speaker,
                            paragraph=chain[0].paragraph, role=speaker.role, speaker_kind=speaker.kind,
                            cue=speaker.cue))
    return without_repeats(quotes)
