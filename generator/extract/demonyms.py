"""Countries an article concerns only through demonyms ("Ukrainian forces" -> Ukraine).

They are not places the article mentions, so the briefing does not list them as places; the
site counts them on the country's page. Demonyms come from data/demonyms.tsv (built by
scripts/build_demonyms.py from countryinfo).
"""
from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Doc

from generator.gazetteer import Gazetteer
from generator.models import Location
from generator.nlp import paragraph_of


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (as capitalised in English) -> ISO 3166 alpha-2 country code."""
    text = resources.files("generator").joinpath("data", "demonyms.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines()[1:] if "\t" in line)


def extract_demonym_countries(doc: Doc, gazetteer: Gazetteer, listed: list[Location]) -> list[Location]:
    """Countries named only by demonym (NORP entities), minus countries already listed as places."""
    table = demonyms()
    listed_codes = {loc.country for loc in listed if loc.kind == "country"}
    found: dict[str, Location] = {}
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        code = table.get(ent.text.strip())
        if code is None or code in listed_codes:
            continue
        if code not in found:
            country = gazetteer.country(code)
            if country is None:
                continue
            found[code] = Location(name=country.name, kind="country", lat=country.lat, lon=country.lon,
                                   country=code, country_name=country.name, geonameid=country.id)
        paragraph = paragraph_of(doc, ent)
        if paragraph not in found[code].paragraphs:
            found[code].paragraphs.append(paragraph)
    return list(found.values())
