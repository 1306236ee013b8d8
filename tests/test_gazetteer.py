"""Tests for the offline gazetteer: names, abbreviations and kinds."""
from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

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


@pytest.mark.parametrize("name, lat, lon", [
    ("Jiangsu", 33.0, 119.8),  # a few cities coded to Jiangsu lie 1,000 km west: they must not move its point
    ("Hebei", 38.7, 116.0),
])
def test_region_point_is_where_its_towns_are(g: gaz.Gazetteer, name: str, lat: float, lon: float) -> None:
    region = next(p for p in g.lookup(name) if p.feature == "A1")
    assert abs(region.lat - lat) < 1.5 and abs(region.lon - lon) < 1.5, (region.lat, region.lon)


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


@pytest.mark.parametrize("env, expected", [
    ({"BRIEFING_GAZETTEER_DIR": "/srv/gaz", "XDG_CACHE_HOME": "/x"}, "/srv/gaz"),
    ({"XDG_CACHE_HOME": "/x"}, "/x/briefing-generator"),
    ({"BRIEFING_CACHE_DIR": "/build-cache"}, None),  # the build cache's variable does not move the index
])
def test_cache_dir(monkeypatch, env: dict, expected: str | None) -> None:
    for name in ("BRIEFING_GAZETTEER_DIR", "XDG_CACHE_HOME", "BRIEFING_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    default = Path.home() / ".cache" / "briefing-generator"
    assert gaz.cache_dir() == (Path(expected) if expected else default)


def _open_and_look_up(folder: str) -> str:
    os.environ["BRIEFING_GAZETTEER_DIR"] = folder
    return gaz.Gazetteer().lookup("Lagos")[0].name


def test_concurrent_first_builds_share_one_index(tmp_path) -> None:
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        names = pool.map(_open_and_look_up, [str(tmp_path)] * 3)
    assert names == ["Lagos"] * 3
    assert len(list(tmp_path.glob("gazetteer-*.sqlite"))) == 1
    assert not list(tmp_path.glob("*.tmp"))  # no half-built file left behind
