"""make_briefing: every section is filled, and one failing extractor costs only its own section."""
from __future__ import annotations

import generator.briefing as briefing_module
from generator import gazetteer
from generator.models import Article


def make(nlp_parse, paragraphs):
    article = Article(source="t.txt", slug="t", date="2022-04-12", headline="Flooding", paragraphs=paragraphs)
    return briefing_module.make_briefing(article, nlp_parse(article), gazetteer.load())


PARAGRAPHS = ["Floods in Porto Alegre killed at least 37 people on Monday, officials said.",
              "“We have lost everything,” said Maria Souza, a shop owner."]


def test_sections_are_filled(nlp):
    from generator.nlp import parse

    b = make(parse, PARAGRAPHS)
    assert b.summary and b.quotes and b.locations and b.figures and b.people and b.dates
    assert b.quotes[0].speaker == "Maria Souza"


def test_a_failing_extractor_empties_only_its_section(nlp, monkeypatch):
    from generator.nlp import parse

    def broken(doc):
        raise IndexError("list index out of range")

    monkeypatch.setattr(briefing_module, "extract_figures", broken)
    b = make(parse, PARAGRAPHS)
    assert b.figures == []
    assert b.quotes and b.locations
    assert any("figures could not be extracted (IndexError" in w for w in b.warnings)
