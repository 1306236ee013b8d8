"""The same mkdocs.yml and docs/ built by MkDocs and by Zensical: same pages, feed, maps, search."""
from __future__ import annotations

import html
import json
import re

import pytest

from generator.render import slugify

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def article(page: str) -> str:
    """A page's content as the engine rendered it, whitespace and the skip-link anchor aside."""
    body = ARTICLE.search(page).group(1)
    body = re.sub(r'<a id="__skip" tabindex="-1"></a>', "", body)
    return re.sub(r"\s+", " ", body).strip()


@pytest.fixture(scope="module")
def both(example_site, zensical_site):
    mkdocs_project, briefings, mkdocs_result, _ = example_site
    zensical_project, _, zensical_result = zensical_site
    assert mkdocs_result.returncode == 0, mkdocs_result.stdout + mkdocs_result.stderr
    assert zensical_result.returncode == 0, zensical_result.stdout + zensical_result.stderr
    return mkdocs_project / "site", zensical_project / "site", briefings


def test_zensical_builds_the_same_pages(both):
    mkdocs_site, zensical_site, briefings = both
    pages = ["index.html", "map/index.html", "people/index.html", "archive/index.html",
             *(f"briefings/{b.slug}/index.html" for b in briefings)]
    for rel in pages:
        ours = (mkdocs_site / rel).read_text(encoding="utf-8")
        theirs = (zensical_site / rel).read_text(encoding="utf-8")
        assert article(ours) == article(theirs), rel


def test_zensical_site_has_the_feed(both):
    mkdocs_site, zensical_site, briefings = both
    feed = (zensical_site / "feed.xml").read_bytes()
    assert feed == (mkdocs_site / "feed.xml").read_bytes()
    assert feed.count(b"<item>") == min(30, len(briefings))


def test_zensical_site_has_the_maps(both):
    _, zensical_site, briefings = both
    page = (zensical_site / "map/index.html").read_text(encoding="utf-8")
    points = json.loads(html.unescape(re.search(r'class="briefing-map[^"]*"[^>]*data-points="([^"]*)"', page).group(1)))
    located = {slugify(loc.name) for b in briefings for loc in [*b.locations, *b.implied_places] if loc.lat is not None}
    assert {p["url"].split("/")[-2] for p in points} == located
    assert (zensical_site / "assets/vendor/leaflet/leaflet.js").is_file()
    assert "assets/javascripts/briefing-map.js" in page


def test_zensical_site_has_pagefind_search_and_no_index_of_its_own(both):
    _, zensical_site, _ = both
    assert (zensical_site / "pagefind/pagefind.js").is_file()
    assert list((zensical_site / "pagefind").glob("pagefind.*.pf_meta"))
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/briefing-search.js" in home
    own = zensical_site / "search.json"  # Zensical writes an empty one when search is off
    assert not own.exists() or json.loads(own.read_text(encoding="utf-8")).get("items") == []
