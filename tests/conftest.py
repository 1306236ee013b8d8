"""Shared fixtures: the spaCy pipeline loaded once per test session, and Doc helpers."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from generator import nlp as nlp_module
from generator.models import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "articles" / "2022-04-12-putin-peace-talks-dead-end.txt"


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def make_doc(paragraphs: list[str], date: str | None = "2022-04-12") -> Doc:
    """Parse a list of paragraph strings as one article."""
    article = Article(source="t.txt", slug="t", date=date, headline="t", paragraphs=list(paragraphs))
    return nlp_module.parse(article)


@pytest.fixture(scope="session")
def doc_of(nlp):
    """make_doc, with the model already loaded."""
    return make_doc


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is not there (a fresh clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is only beside a development checkout)")
    return path
