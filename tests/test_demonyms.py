"""Countries named only by demonym count for the country but are not listed as places."""
from __future__ import annotations

import pytest

from generator import gazetteer
from generator.extract.demonyms import demonyms, extract_demonym_countries
from generator.extract.places import extract_locations


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load()


@pytest.mark.parametrize("demonym, code", [
    ("Ukrainian", "UA"), ("Ukrainians", "UA"), ("British", "GB"), ("Dutch", "NL"),
    ("Israelis", "IL"), ("Chinese", "CN"), ("Swiss", "CH"),
])
def test_demonym_table(demonym, code):
    assert demonyms()[demonym] == code


def test_demonym_only_country_is_implied_not_listed(doc_of, gaz):
    doc = doc_of(["Kenyan runners dominated the race in Berlin on Sunday.",
                  "The Kenyan team's coach said the course was fast."])
    listed = extract_locations(doc, gaz)
    implied = extract_demonym_countries(doc, gaz, listed)
    assert "Kenya" not in [loc.name for loc in listed]
    assert [(loc.name, loc.country, loc.kind, loc.paragraphs) for loc in implied] == [
        ("Kenya", "KE", "country", [1, 2])]
    assert implied[0].lat is not None


def test_country_already_listed_is_not_implied_again(doc_of, gaz):
    doc = doc_of(["Ukrainian forces pushed back Russian troops near Kharkiv, in eastern Ukraine."])
    implied = extract_demonym_countries(doc, gaz, extract_locations(doc, gaz))
    assert "UA" not in [loc.country for loc in implied]


def test_site_lists_the_briefing_on_the_implied_country_page():
    from generator.models import Briefing, Location
    from generator.site import build_index

    kenya = Location(name="Kenya", kind="country", lat=-1.28, lon=36.82, country="KE",
                     country_name="Kenya", paragraphs=[1])
    briefing = Briefing(source="a.txt", slug="a", date="2022-04-12", headline="Race", dateline=None,
                        summary=["Kenyan runners won."], quotes=[], locations=[], figures=[],
                        open_questions=[], people=[], organisations=[], dates=[],
                        paragraphs=["Kenyan runners won."], implied_places=[kenya])
    index = build_index([briefing])
    entity = next(e for e in index.places.values() if e.name == "Kenya")
    assert list(entity.mentions) == ["a"]
