"""Direct quotations and their speakers."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.models import Quote


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every pair of double quotation marks in the body, with its speaker resolved."""
    return []
