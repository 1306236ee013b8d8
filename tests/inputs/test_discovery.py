"""`briefing build` over every input kind: a feed builds one briefing per entry, re-saving it with new
entries extracts only those, refused files and entries are named, links out of the folder refused."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import EXAMPLE, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
TOWNS = ["Leeds", "Galway", "Porto", "Lyon", "Graz", "Tartu", "Bergen", "Malmo", "Ghent", "Cork"]
THINGS = ["library", "bus depot", "cycle lane", "swimming pool", "school", "clinic", "bridge", "market hall"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def item(n: int) -> str:
    """One short, distinct entry of our own."""
    town, thing = TOWNS[n % len(TOWNS)], THINGS[n % len(THINGS)]
    return (f"<item><title>{town} approves new {thing} (plan {n})</title>"
            f"<link>https://wire.example.org/{n}</link><guid>wire-{n}</guid>"
            f"<pubDate>{DAYS[n % 7]}, {1 + n % 28:02d} Mar 2023 10:00:00 +0000</pubDate>"
            f"<description>&lt;p&gt;Councillors in {town} approved a new {thing} on Tuesday, the council "
            f"leader said. &#8220;It took {n + 2} years,&#8221; she said.&lt;/p&gt;</description></item>")


def write_feed(path: Path, numbers: range) -> None:
    """Newest first, as feeds list them: new entries go on top."""
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Town Hall Wire'
                    "</title>" + "".join(item(n) for n in reversed(numbers)) + "</channel></rss>", encoding="utf-8")


def build(articles: Path, docs: Path):
    result = CliRunner().invoke(main, ["build", "--articles", str(articles), "--docs", str(docs), "--jobs", "1"])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture()
def folders(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    return articles, tmp_path / "docs"


def test_a_feed_of_200_entries_builds_and_10_new_entries_rebuild_10(folders, nlp):
    articles, docs = folders
    write_feed(articles / "wire.rss", range(200))
    first = build(articles, docs)
    assert first.exit_code == 0, first.output
    assert "200 briefings (200 extracted, 0 cached), 0 failed" in first.output
    pages = sorted(p.name for p in (docs / "briefings").glob("*.md"))
    assert len(pages) == 200 and "2023-03-01-leeds-approves-new-library-plan-0.md" in pages
    before = {p.name: p.read_bytes() for p in (docs / "briefings").glob("[!.]*.json")}
    write_feed(articles / "wire.rss", range(210))  # the feed re-saved with 10 new entries on top
    second = build(articles, docs)
    assert second.exit_code == 0, second.output
    assert "210 briefings (10 extracted, 200 cached), 0 failed" in second.output
    after = {p.name: p.read_bytes() for p in (docs / "briefings").glob("[!.]*.json")}
    assert len(after) == 210 and all(after[name] == data for name, data in before.items())
    twin = json.loads((docs / "briefings" / "2023-03-01-leeds-approves-new-library-plan-0.json").read_text("utf-8"))
    assert twin["url"] == "https://wire.example.org/0" and twin["publisher"] == "Town Hall Wire"
    assert twin["teaser"] is True  # a one-sentence description is a teaser, and says so
    page = (docs / "briefings" / "2023-03-01-leeds-approves-new-library-plan-0.md").read_text("utf-8")
    assert '!!! note "Teaser only"' in page
    assert "[Original article](https&#58;//wire.example.org/0)" in page or \
           "[Original article](https://wire.example.org/0)" in page


def test_every_input_kind_in_one_folder_and_refusals_by_name(folders, tmp_path, nlp):
    articles, docs = folders
    shutil.copy(EXAMPLE, articles / EXAMPLE.name)
    for name in ("article.html", "feed.rss", "index-page.html"):
        shutil.copy(FIXTURES / name, articles / name)
    (articles / "export.jsonl").write_text(
        json.dumps({"title": "Dock strike ends", "date": "2023-04-02", "source": "Port News",
                    "text": "Dock workers in Antwerp returned to work on Sunday, the union said."}) + "\nnot json\n",
        encoding="utf-8")
    outside = tmp_path / "private.txt"
    outside.write_text(" date 2023-01-01 Private notes\n\nNot for publication, said the owner.\n", encoding="utf-8")
    (articles / "private.txt").symlink_to(outside)
    result = build(articles, docs)
    assert result.exit_code == 3, result.output  # some refused, the rest written
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3, errors
    assert any("index-page.html" in e and "is an index page" in e for e in errors)
    assert any("export.jsonl (line 2)" in e and "not valid JSON" in e for e in errors)
    assert any("private.txt" in e and "outside" in e for e in errors)
    assert "6 briefings" in result.output  # the .txt, the page, 3 feed entries, 1 line
    names = {p.stem for p in (docs / "briefings").glob("*.md")}
    assert {"2022-04-12-putin-peace-talks-dead-end", "article", "2023-04-02-dock-strike-ends",
            "2023-05-02-lifeboat-crew-rescues-four-from-drifting-yacht-off-cork"} <= names
    assert not any("private" in name for name in names)
    page = (docs / "briefings" / "article.md").read_text("utf-8")
    assert "The Western Courier" in page and "By Aoife Brennan, Declan Moran" in page
    assert "[Original article](https://news.example.org/2023/03/14/galway-ferry-terminal)" in page
    assert "Not for publication" not in "".join(p.read_text("utf-8") for p in docs.rglob("*.md"))


def test_extract_writes_one_json_per_entry_of_a_feed(tmp_path, nlp):
    result = CliRunner().invoke(main, ["extract", str(FIXTURES / "feed.rss"), str(FIXTURES / "article.html"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["2023-05-01-council-to-review-harbour-parking-charges.json",
                     "2023-05-02-lifeboat-crew-rescues-four-from-drifting-yacht-off-cork.json",
                     "article.json", "ferry-timetable-changes-for-the-summer.json"]
    single = CliRunner().invoke(main, ["extract", str(FIXTURES / "feed.rss")])
    assert single.exit_code == 2 and "give --out DIR" in single.output


def test_mkdocs_serve_picks_up_dropped_pages_feeds_and_exports(tmp_path, monkeypatch, nlp):
    """The serve hook watches the whole articles folder and rebuilds through the same discovery."""
    from generator import mkdocs_hooks

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(FIXTURES / "article.html", articles / "saved.htm")
    shutil.copy(FIXTURES / "feed.rss", articles / "gazette.atom")  # an RSS file under an Atom name
    (articles / "export.jsonl").write_text(json.dumps({"text": "Ferries resumed on Monday, the port said."}),
                                           encoding="utf-8")

    class Config:
        config_file_path = str(tmp_path / "mkdocs.yml")
        docs_dir = str(tmp_path / "docs")
        extra = {"briefing_articles": "articles"}

    watched = []

    class Server:
        def watch(self, path):
            watched.append(path)

    mkdocs_hooks.on_serve(Server(), Config(), builder=None)
    assert watched == [str(articles)]  # the folder, so a file of any kind dropped in triggers a rebuild
    mkdocs_hooks.on_startup("serve", dirty=False)
    try:
        mkdocs_hooks.on_pre_build(Config())
    finally:
        mkdocs_hooks.on_startup("build", dirty=False)
    twins = (tmp_path / "docs" / "briefings").glob("[!.]*.json")
    sources = sorted(json.loads(p.read_text("utf-8"))["source"] for p in twins)
    assert sources == ["export.jsonl", "gazette.atom", "gazette.atom", "gazette.atom", "saved.htm"]
