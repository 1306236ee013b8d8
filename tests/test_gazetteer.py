"""Tests for the offline gazetteer: names, abbreviations and kinds."""
from __future__ import annotations

import pytest

from generator import gazetteer as gaz


@pytest.fixture(scope="module")
def g() -> gaz.Gazetteer:
    return gaz.load()


@pytest.mark.parametrize("text, key", [
    ("St. John's", "st johns"),
    ("Île-de-France", "ile de france"),
    ("U.S.", "us"),
    ("Kyiv", "kyiv"),
])
def test_name_key(text: str, key: str) -> None:
    assert gaz.name_key(text) == key


@pytest.mark.parametrize("name, feature, cc, lat, lon", [
    ("Nairobi", "PC", "KE", -1.28, 36.82),
    ("Kyiv", "PC", "UA", 50.45, 30.52),
    ("Kiev", "PC", "UA", 50.45, 30.52),  # an alternate name of the same city
    ("Ukraine", "C", "UA", None, None),
    ("Manitoba", "A1", "CA", 55.0, -97.0),
    ("Ky.", "A1", "US", None, None),  # AP state abbreviation
    ("U.S.", "C", "US", None, None),
    ("UK", "C", "GB", None, None),
    ("Donbas", "R", "UA", 48.0, 38.5),  # curated region
])
def test_lookup_finds(g: gaz.Gazetteer, name: str, feature: str, cc: str, lat, lon) -> None:
    places = [p for p in g.lookup(name) if p.feature == feature and p.cc == cc]
    assert places, name
    if lat is not None:
        assert abs(places[0].lat - lat) < 0.5 and abs(places[0].lon - lon) < 0.5


@pytest.mark.parametrize("name", ["us", "Us"])
def test_abbreviations_match_only_as_written(g: gaz.Gazetteer, name: str) -> None:
    assert not any(p.feature == "C" and p.cc == "US" for p in g.lookup(name))


@pytest.mark.parametrize("name, kind", [
    ("Tokyo", "city"),
    ("Ontario", "region"),
    ("France", "country"),
])
def test_kinds(g: gaz.Gazetteer, name: str, kind: str) -> None:
    assert kind in {p.kind for p in g.lookup(name)}


def test_index_is_cached(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    first = gaz.Gazetteer()
    assert list(tmp_path.glob("gazetteer-*.sqlite"))
    assert gaz.Gazetteer().lookup("Lagos") == first.lookup("Lagos")
