"""Figures that matter: counts, money, percentages, with what they count and their hedges."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.models import Figure


def extract_figures(doc: Doc) -> list[Figure]:
    """Numbers with what they count, where, according to whom, and their qualifier."""
    return []
