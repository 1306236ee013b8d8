"""What the open-questions extractor borrows from the quotes and persons extractors (one place to re-point)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from generator.extract.quotes import find_spans
from generator.extract.persons import People, pronoun_gender


def quotation_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the article's outermost quotations, those running over sentences and
    paragraphs too, in order."""
    return sorted((span.opener, span.closer) for span in find_spans(doc) if span.depth == 0)


class Names:
    """He/she -> the nearest compatible person the article names (the people index is built on first use)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: People | None = None

    def __call__(self, token: Token) -> str | None:
        if pronoun_gender(token) is None:
            return None
        if self.people is None:
            self.people = People(self.doc, set())
        key = self.people.antecedent(token)
        return self.people.fullest(key) if key else None
