"""People and organisations named in the article."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.models import Organisation, Person


def extract_people(doc: Doc, exclude: set[str] = frozenset()) -> list[Person]:
    return []


def extract_organisations(doc: Doc, exclude: set[str] = frozenset()) -> list[Organisation]:
    return []
