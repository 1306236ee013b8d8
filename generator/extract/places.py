"""Places mentioned in the article, resolved against the offline gazetteer."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.gazetteer import Gazetteer
from generator.models import Location


def extract_locations(doc: Doc, gazetteer: Gazetteer) -> list[Location]:
    """Every place with its kind, country and coordinates, in order of first mention."""
    return []
