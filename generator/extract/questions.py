"""Open questions: claims the article leaves unverified, denied, alleged or under investigation."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.models import OpenQuestion


def extract_open_questions(doc: Doc) -> list[OpenQuestion]:
    """Sentences with uncertainty cues, turned into questions with their evidence."""
    return []
