"""generator/site.py and the MkDocs site: pages written, ownership, determinism, strict build."""
from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.models import Briefing
from generator.render import GENERATED_MARKER, slugify
from generator.output import MANIFEST
from generator.site import write_site
from tests.conftest import HOSTILE_SLUG, load_fixture_briefings

FIXTURES = load_fixture_briefings()


def tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_writes_every_page(tmp_path):
    report = write_site(FIXTURES, tmp_path)
    files = set(tree(tmp_path))
    assert report.removed == 0 and report.unchanged == 0 and report.written == len(files) - 1  # manifest
    assert "index.md" in files and "map/index.md" in files and "archive/index.md" in files
    for b in FIXTURES:
        assert f"briefings/{b.slug}.md" in files
        twin = json.loads((tmp_path / f"briefings/{b.slug}.json").read_text(encoding="utf-8"))
        assert twin == b.to_dict()
        for loc in b.locations:
            assert f"places/{slugify(loc.name)}.md" in files
        for q in b.quotes:  # a person page for every named speaker
            assert f"people/{slugify(q.speaker)}.md" in files
        for org in b.organisations:
            assert f"organisations/{slugify(org.name)}.md" in files
        assert f"archive/{b.date[:7]}.md" in files


def test_person_page_lists_briefings_and_quotes(tmp_path):
    write_site(FIXTURES, tmp_path)
    name = FIXTURES[0].quotes[0].speaker
    page = (tmp_path / f"people/{slugify(name)}.md").read_text(encoding="utf-8")
    quoted_in = [b for b in FIXTURES if any(q.speaker == name for q in b.quotes)]
    assert len(quoted_in) >= 2
    for b in quoted_in:
        assert f"](../briefings/{b.slug}.md)" in page
        for q in b.quotes:
            if q.speaker == name:
                assert f"> “{q.text}”" in page
                assert f"(../briefings/{b.slug}.md#p{q.paragraph})" in page


def test_place_page_shows_the_names_each_briefing_uses(tmp_path):
    import dataclasses

    from generator.models import Location

    uk = Location(name="United Kingdom", kind="country", lat=54.0, lon=-2.0, country="GB", paragraphs=[1, 3],
                  aliases=["UK", "Britain"])
    first, second = FIXTURES[0], FIXTURES[1]
    briefings = [dataclasses.replace(first, locations=[*first.locations, uk]),
                 dataclasses.replace(second, locations=[*second.locations, dataclasses.replace(uk, aliases=[])]),
                 *FIXTURES[2:]]
    write_site(briefings, tmp_path)
    page = (tmp_path / "places/united-kingdom.md").read_text(encoding="utf-8")
    line = next(x for x in page.splitlines() if f"(../briefings/{first.slug}.md)" in x)
    assert "as UK, Britain" in line
    other = next(x for x in page.splitlines() if f"(../briefings/{second.slug}.md)" in x)
    assert "· as " not in other


def test_map_page_has_every_located_place(tmp_path):
    write_site(FIXTURES, tmp_path)
    page = (tmp_path / "map/index.md").read_text(encoding="utf-8")
    match = re.search(r'data-points="([^"]*)"', page)
    points = json.loads(__import__("html").unescape(match.group(1)))
    located = {slugify(loc.name) for b in FIXTURES for loc in b.locations if loc.lat is not None}
    assert {p["url"].split("/")[-2] for p in points} == located
    assert all(link["url"].startswith("../briefings/") for p in points for link in p["links"])


def test_archive_is_paginated(tmp_path, monkeypatch):
    monkeypatch.setattr("generator.pages.ARCHIVE_PAGE_SIZE", 2)
    briefings = [b for b in FIXTURES if b.date and b.date.startswith("2024-01")]
    assert len(briefings) >= 3
    write_site(briefings, tmp_path)
    first = (tmp_path / "archive/2024-01.md").read_text(encoding="utf-8")
    assert "# January 2024 (1/2)" in first and "[Older →](2024-01-2.md)" in first
    assert "[← Newer](2024-01.md)" in (tmp_path / "archive/2024-01-2.md").read_text(encoding="utf-8")


def test_same_input_gives_byte_identical_output(tmp_path):
    write_site(FIXTURES, tmp_path / "a")
    shuffled = list(FIXTURES)
    random.Random(7).shuffle(shuffled)
    write_site(shuffled, tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_rebuild_writes_nothing_when_nothing_changed(tmp_path):
    write_site(FIXTURES, tmp_path)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    report = write_site(FIXTURES, tmp_path)
    assert report.written == 0 and report.removed == 0 and report.unchanged == len(before) - 1
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()} == before


def test_refuses_to_overwrite_a_home_page_a_person_wrote(tmp_path):
    (tmp_path / "index.md").write_text("# My own home page\n", encoding="utf-8")
    with pytest.raises(OutputError) as err:
        write_site(FIXTURES, tmp_path)
    assert str(tmp_path / "index.md") in str(err.value)
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# My own home page\n"
    assert not (tmp_path / "briefings").exists()  # checked before anything was written


def test_refuses_to_overwrite_a_person_page_in_an_owned_folder(tmp_path):
    write_site(FIXTURES, tmp_path)
    page = tmp_path / "people" / f"{slugify(FIXTURES[0].quotes[0].speaker)}.md"
    page.write_text("# Notes I wrote about this person\n", encoding="utf-8")
    with pytest.raises(OutputError, match="not written by the generator"):
        write_site(FIXTURES, tmp_path)
    assert page.read_text(encoding="utf-8") == "# Notes I wrote about this person\n"


def test_refuses_a_foreign_json_file(tmp_path):
    (tmp_path / "briefings").mkdir()
    foreign = tmp_path / "briefings" / f"{FIXTURES[0].slug}.json"
    foreign.write_text('{"mine": true}\n', encoding="utf-8")
    with pytest.raises(OutputError, match="manifest"):
        write_site(FIXTURES, tmp_path)
    assert foreign.read_text(encoding="utf-8") == '{"mine": true}\n'


def test_refuses_a_symlinked_owned_folder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "places").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="symlink"):
        write_site(FIXTURES, tmp_path / "docs")
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("lose_manifest", [False, True])
def test_removes_stale_pages_but_keeps_what_people_wrote(tmp_path, lose_manifest):
    write_site(FIXTURES, tmp_path)
    gone = next(b for b in FIXTURES if b.locations[0].name == "Lake Chad")
    own_notes = tmp_path / "places" / "notes.md"
    own_notes.write_text("# My notes on places\n", encoding="utf-8")
    (tmp_path / "about-me.md").write_text("# About me\n", encoding="utf-8")
    if lose_manifest:
        (tmp_path / MANIFEST).unlink()
    report = write_site([b for b in FIXTURES if b is not gone], tmp_path)
    assert not (tmp_path / f"briefings/{gone.slug}.md").exists()
    assert not (tmp_path / f"briefings/{gone.slug}.json").exists()
    assert not (tmp_path / "places/lake-chad.md").exists()  # only that briefing mentioned it
    assert own_notes.exists() and (tmp_path / "about-me.md").exists()
    assert report.removed >= 3
    assert f"removed stale briefings/{gone.slug}.md" in report.messages
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert f"briefings/{gone.slug}.md" not in manifest["files"]


def test_keeps_a_stale_page_a_person_took_over(tmp_path):
    write_site(FIXTURES, tmp_path)
    gone = FIXTURES[0]
    page = tmp_path / f"briefings/{gone.slug}.md"
    page.write_text("# I rewrote this briefing by hand\n", encoding="utf-8")
    report = write_site(FIXTURES[1:], tmp_path)
    assert page.exists()
    assert any("no generator marker" in m for m in report.messages)


def test_duplicate_slugs_get_distinct_pages(tmp_path):
    first = FIXTURES[0]
    twin = Briefing.from_dict({**first.to_dict(), "source": "copy.txt"})
    report = write_site([first, twin], tmp_path)
    assert (tmp_path / f"briefings/{first.slug}.md").exists()
    assert (tmp_path / f"briefings/{first.slug}-2.md").exists()
    assert any("already taken" in m for m in report.messages)


def test_unsafe_slug_is_replaced(tmp_path):
    evil = Briefing.from_dict({**FIXTURES[0].to_dict(), "slug": "../../etc/passwd"})
    write_site([evil], tmp_path)
    assert (tmp_path / "briefings/etc-passwd.md").exists()
    assert not (tmp_path.parent / "etc").exists()


def test_every_generated_markdown_page_carries_the_marker(tmp_path):
    write_site(FIXTURES, tmp_path)
    for path in tmp_path.rglob("*.md"):
        assert path.read_text(encoding="utf-8").startswith(GENERATED_MARKER + "\n"), path


# --- the built site: `mkdocs build --strict` on the example + 22 fixtures + a hostile one --------

class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_body = False
        self.body_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.in_body = self.in_body or tag == "body"
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self.in_body:
            self.body_text.append(data)


def test_strict_build_has_no_warnings(example_site):
    project, briefings, result, _ = example_site
    assert len(briefings) >= 21
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    for b in briefings:
        assert (project / "site/briefings" / b.slug / "index.html").is_file()
        assert (project / "site/briefings" / f"{b.slug}.json").is_file()


def test_example_article_is_in_the_site(example_site):
    project, briefings, result, problem = example_site
    if problem:
        pytest.skip(problem)
    example = briefings[-1]
    assert result.returncode == 0
    page = (project / "site/briefings" / example.slug / "index.html").read_text(encoding="utf-8")
    assert 'id="p1"' in page and "Summary" in page


def test_hostile_page_html_is_inert(example_site):
    project, _, result, _ = example_site
    assert result.returncode == 0
    page = (project / "site/briefings" / HOSTILE_SLUG / "index.html").read_text(encoding="utf-8")
    parser = Elements()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("iframe", "object", "embed"), tag  # (the theme's icons are inline <svg>)
        if tag == "img":
            assert attrs.get("src", "").startswith(("../", "/")), attrs
        if tag == "script":  # only the theme's and our own scripts, or Material's inline config
            assert "src" in attrs or attrs.get("id") == "__config" or attrs.get("type") is None
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), value
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.S)
    assert not any("__pwned" in s or "alert(" in s for s in scripts)
    body = "".join(parser.body_text)
    assert "<script>window.__pwned = 1; alert(1)</script>" in body  # shown as text
    assert "{{ 7*7 }}" in body and "49" not in body
    assert "[click](javascript:alert(1))" in body
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title


def test_search_is_pagefinds_alone(example_site):
    project, briefings, result, _ = example_site
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and list(bundle.glob("pagefind.*.pf_meta"))
    assert not (site / "search" / "search_index.json").exists()  # no second index
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/briefing-search.js" in home and "md-search__input" not in home
    # lean: the index and its fragments per briefing (entity pages included)
    data = [p for p in bundle.rglob("*") if p.suffix in (".pf_index", ".pf_fragment", ".pf_filter")]
    assert sum(p.stat().st_size for p in data) / len(briefings) < 12_000


def search_data(page: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The filter values and metadata a built page hands Pagefind."""
    block = re.search(r'<div class="briefing-search-data" hidden data-pagefind-ignore[^>]*>(.*?)</div>', page, re.S)
    assert block, "no search data block"
    filters: dict[str, list[str]] = {}
    for name, value in re.findall(r'<span data-pagefind-filter="(\w+)">(.*?)</span>', block.group(1)):
        filters.setdefault(name, []).append(__import__("html").unescape(value))
    meta = {k: v for k, v in re.findall(r'<span data-pagefind-meta="(\w+)">(.*?)</span>', block.group(1))}
    return filters, meta


def test_briefing_pages_carry_filters_date_and_section_anchors(example_site):
    project, briefings, _, _ = example_site
    b = next(x for x in briefings if x.slug == "2024-01-01-port-strike-halts-container-traffic")
    page = (project / "site/briefings" / b.slug / "index.html").read_text(encoding="utf-8")
    filters, meta = search_data(page)
    assert meta == {"kind": "briefing", "date": b.date}
    assert filters["month"] == [b.date[:7]]
    assert set(filters["place"]) == {loc.name for loc in [*b.locations, *b.implied_places]}
    assert {p.name for p in b.people} <= set(filters["person"])
    assert {q.speaker for q in b.quotes if q.speaker and q.speaker_kind != "organisation"} <= set(filters["person"])
    assert {o.name for o in b.organisations} <= set(filters["organisation"])
    assert f'data-pagefind-sort="date:{b.date}"' in page
    # the search box's section choice relies on these heading ids
    for anchor, present in (("key-quotes", b.quotes), ("figures", b.figures), ("open-questions", b.open_questions)):
        assert (f'id="{anchor}"' in page) == bool(present), anchor
    # the speakers' names weigh more than other mentions
    assert re.search(r'<span data-pagefind-weight="5"><a [^>]*>' + re.escape(b.quotes[0].speaker), page)


@pytest.mark.parametrize("kind, one", [("people", "person"), ("places", "place"), ("organisations", "organisation")])
def test_entity_pages_carry_their_own_filter_and_a_heavy_title(example_site, kind, one):
    project, briefings, _, _ = example_site
    folder = project / "site" / kind
    page_dir = next(p for p in sorted(folder.iterdir()) if p.is_dir())
    page = (page_dir / "index.html").read_text(encoding="utf-8")
    filters, meta = search_data(page)
    name = __import__("html").unescape(re.search(r"<h1[^>]*>(.*?)<a", page, re.S).group(1)).strip()
    assert meta == {"kind": one} and filters == {one: [name]}
    assert re.search(r'<h1 data-pagefind-weight="10"', page)


def test_feed_lists_newest_briefings(example_site):
    project, briefings, _, _ = example_site
    feed = ET.parse(project / "site/feed.xml").getroot()
    items = feed.findall("./channel/item")
    dated = sorted((b for b in briefings if b.date), key=lambda b: (b.date, b.slug), reverse=True)
    assert items and items[0].findtext("title").startswith("‹/title›")  # the hostile one is newest
    assert items[1].findtext("link") == f"https://example.github.io/briefings/briefings/{dated[1].slug}/"
    assert "<script>" not in items[0].findtext("description")  # HTML-escaped inside the XML
    assert len(items) == min(30, len(briefings))  # no item for the generator's manifest


def test_person_and_place_pages_are_published(example_site):
    project, briefings, _, _ = example_site
    site = project / "site"
    for b in briefings:
        for q in b.quotes:
            if q.speaker:
                kind = "organisations" if q.speaker_kind == "organisation" else "people"
                assert (site / kind / slugify(q.speaker) / "index.html").is_file(), q.speaker
        for loc in b.locations:
            assert (site / "places" / slugify(loc.name) / "index.html").is_file(), loc.name
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert "briefings/2024-06-24-refugee-camp-expands-as-arrivals/" in nav  # latest list
    assert nav.count('class="md-nav__link"') < 40  # briefings are not in the sidebar


# --- the MkDocs hook: live regeneration under `mkdocs serve` ------------------------------------

class FakeConfig:
    def __init__(self, root: Path) -> None:
        self.config_file_path = str(root / "mkdocs.yml")
        self.docs_dir = str(root / "docs")
        self.extra = {"briefing_articles": "articles"}


@pytest.mark.parametrize("command, expected_calls", [("serve", 1), ("build", 0), ("gh-deploy", 0)])
def test_hook_regenerates_only_under_serve(tmp_path, monkeypatch, command, expected_calls):
    from generator import build, mkdocs_hooks

    (tmp_path / "articles").mkdir()
    calls = []
    monkeypatch.setattr(build, "run_build",
                        lambda articles, docs, *a, **k: calls.append((articles, docs)) or build.BuildReport())
    mkdocs_hooks.on_startup(command, dirty=False)
    mkdocs_hooks.on_pre_build(FakeConfig(tmp_path))
    assert calls == [(tmp_path / "articles", tmp_path / "docs")] * expected_calls


@pytest.mark.parametrize("command, expected_calls", [("serve", 1), ("build", 0)])
def test_hook_indexes_the_preview_only_under_serve(tmp_path, monkeypatch, command, expected_calls):
    from generator import mkdocs_hooks, search

    calls = []
    monkeypatch.setattr(search, "index_site", lambda site: calls.append(site))
    config = FakeConfig(tmp_path)
    config.site_dir = str(tmp_path / "site")
    mkdocs_hooks.on_startup(command, dirty=False)
    mkdocs_hooks.on_post_build(config)
    assert calls == [tmp_path / "site"] * expected_calls


def test_hook_watches_the_articles_folder(tmp_path):
    from generator import mkdocs_hooks

    (tmp_path / "articles").mkdir()
    watched = []

    class Server:
        def watch(self, path):
            watched.append(path)

    mkdocs_hooks.on_serve(Server(), FakeConfig(tmp_path), builder=None)
    assert watched == [str(tmp_path / "articles")]


def test_a_persons_copy_of_a_generated_page_is_not_removed_as_stale(tmp_path):
    write_site(FIXTURES, tmp_path)
    original = next((tmp_path / "briefings").glob("*.md"))
    copy = original.with_name("my-notes.md")
    copy.write_bytes(original.read_bytes())  # the marker comes along with the copy
    write_site(FIXTURES[:-1], tmp_path)
    assert copy.exists()
