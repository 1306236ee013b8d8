"""Figures: values, what they count, hedges; years, dates, times and names are not figures."""
from __future__ import annotations

import pytest

from generator.extract.figures import extract_figures
from generator.extract.numbers import words_value


@pytest.mark.parametrize("sentence, value, keyword, qualifier", [
    ("The flood has driven more than 2 million residents from their homes.", 2_000_000, "residents", "more than"),
    ("Officials said nine miners were killed in the collapse.", 9, "miners", None),
    ("Nearly two-thirds of all voters backed the measure.", 0.67, "voters", "nearly"),
    ("The storm left at least 40 villagers dead, the governor said.", 40, "villagers dead", "at least"),
    ("The clinic treats 50 to 60 patients a week.", 50, "patients", "between"),
    ("The device costs $12,500 each.", 12500, "costs", None),
    ("Unemployment rose to 4.5 per cent in March.", 4.5, "rose", None),
    ("The mayor said the toll could surpass 3,000.", 3000, "toll", "could surpass"),
    ("Rescuers pulled thousands of people from the rubble.", 1000, "people", "more than"),
    ("Their army is 10+ times larger than ours.", 10, "times larger", "more than"),
    ("The company owns twenty-three warehouses.", 23, "warehouses", None),
    ("More than a dozen trucks were stranded on the pass.", 12, "trucks", "more than"),
    ("Police arrested a 34-year-old driver at the scene.", 34, "driver", None),
])
def test_figure_values(doc_of, sentence, value, keyword, qualifier):
    figures = extract_figures(doc_of([sentence]))
    hits = [f for f in figures if f.value == value]
    assert hits, [(f.value, f.text) for f in figures]
    figure = hits[0]
    assert keyword in f"{figure.text} {figure.counts} {figure.context}"
    assert figure.qualifier == qualifier


@pytest.mark.parametrize("sentence, unit", [
    ("The deal is worth $45 million.", "USD"),
    ("Fares rose by 8 percent last year.", "percent"),
    ("The fine was 2,000 euros.", "EUR"),
])
def test_units(doc_of, sentence, unit):
    figures = extract_figures(doc_of([sentence]))
    assert [f.unit for f in figures] == [unit]


@pytest.mark.parametrize("sentence", [
    "The party has ruled the region since 1999.",
    "The meeting began at 8:40 a.m. on Tuesday.",
    "The treaty was signed on December 5 in Geneva.",
    "The company filed its annual report on Form 10-K under Section 1031.",
    "One official said the talks would resume.",
    "The two sides met again in Vienna.",
    "It was one of the worst storms in memory.",
    "In a third incident, shots were fired at a checkpoint.",
    "The vote was 7 to 2.",
    "The home side won 3-1 on Sunday.",
])
def test_not_figures(doc_of, sentence):
    assert extract_figures(doc_of([sentence])) == []


def test_source_and_paragraph(doc_of):
    doc = doc_of(["The river rose overnight.", "The mayor said 403 homes have been flooded."])
    [figure] = extract_figures(doc)
    assert (figure.value, figure.paragraph, figure.source) == (403, 2, "mayor")
    assert "homes" in figure.counts


@pytest.mark.parametrize("words, value", [
    (["10", "million"], 10_000_000),
    (["six"], 6),
    (["1.5"], 1.5),
    (["tens", "thousands"], 10_000),
    (["a", "dozen"], 12),
])
def test_words_value(words, value):
    assert words_value(words)[0] == value


@pytest.mark.parametrize("sentence, value, counts", [
    ("Their navy is 5 times larger than ours.", 5, "times larger"),
    ("Troops defended the port for more than two months, protecting it from (rebel) fighters.", 2,
     "defended port"),
    ("The storm left at least 40 villagers dead, the governor said.", 40, "villagers dead"),
    ("Officials said nine miners were killed in the collapse.", 9, "miners killed"),
    ("Unemployment fell from 6 per cent to 3 per cent.", 6, "fell"),
])
def test_counts_read_as_phrases(doc_of, sentence, value, counts):
    figures = [f for f in extract_figures(doc_of([sentence])) if f.value == value]
    assert figures and figures[0].counts == counts
    assert all(c.isalnum() or c in " '-’" for c in figures[0].counts)
