"""Names and dates that could break the site: an entity called "Index", bidi control characters in
the feed, a date in the year 9999, and pages people add anywhere under docs/."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.models import Briefing, Location, Organisation, Person, Quote
from generator.site import write_site
from tests.conftest import load_fixture_briefings, make_site_project, mkdocs_build

FIXTURES = load_fixture_briefings(hostile=False)
INDEX_TITLES = {"people": "# People", "organisations": "# Organisations", "places": "# Places"}


def with_changes(b: Briefing, **changes) -> Briefing:
    return Briefing.from_dict({**b.to_dict(), **changes})


def called_index(base: Briefing) -> Briefing:
    """A briefing whose person, organisation, speaker and place are all called "Index"."""
    b = with_changes(base, slug="2024-07-02-index-day", source="index-day.txt")
    b.people = [Person(name="Index", paragraph=1, role="chief executive")]
    b.organisations = [Organisation(name="INDEX", paragraph=1)]
    b.quotes = [Quote(text="We are ready.", speaker="Index", paragraph=1, speaker_kind="person")]
    b.locations = [Location(name="Index", kind="city", lat=47.9, lon=-121.6, country="US", paragraphs=[1])]
    return b


def links(page: str) -> list[str]:
    return re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", page)


@pytest.mark.parametrize("kind", ["people", "organisations", "places"])
def test_an_entity_called_index_never_replaces_the_index_page(tmp_path, kind):
    write_site([*FIXTURES[:3], called_index(FIXTURES[0])], tmp_path)
    index = (tmp_path / kind / "index.md").read_text(encoding="utf-8")
    assert INDEX_TITLES[kind] + "\n" in index  # still the list of every entity
    own = [link for link in links(index) if link.startswith("index")]
    assert len(own) == 1 and own[0] != "index.md"
    assert "# Index" in (tmp_path / kind / own[0]).read_text(encoding="utf-8").replace("INDEX", "Index")
    page = (tmp_path / "briefings" / "2024-07-02-index-day.md").read_text(encoding="utf-8")
    for link in links(page):  # every link from the briefing lands on a page that exists
        assert (tmp_path / "briefings" / link).resolve().is_file(), link


BIDI = "\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200e\u200f\u200b"


def feed_config(site_url: str = "https://example.org/briefings/"):
    from generator.siteconfig import SiteSettings

    return SiteSettings(site_url=site_url, site_name="Briefings", site_description="News")


def test_the_feed_cleans_text_as_the_pages_do():
    from generator.feed import FeedItem, render_feed
    from generator.render import md_escape

    headline = "Mayor \u202eresigns\u202c after \u2066vote\u2069\x07"
    summary = "The mayor \u200bquit\u202e today.\x1b"
    feed = render_feed(feed_config(), [FeedItem("mayor", "2024-05-01", headline, summary)])
    assert not re.search(f"[{BIDI}\x00-\x08\x0b\x0c\x0e-\x1f]", feed)
    item = ET.fromstring(feed).find("./channel/item")
    assert item.findtext("title") == "Mayor resigns after vote"
    assert item.findtext("title") == str(md_escape(headline))  # the page's H1 says the same
    assert item.findtext("description") == "The mayor quit today."


FUTURE = "9999-12-31"


def future_briefing() -> Briefing:
    return with_changes(FIXTURES[0], slug="9999-12-31-from-the-future", source="future.txt",
                        date=FUTURE, headline="A story dated far ahead")


def test_a_future_date_never_leads_latest_and_is_shown_as_such(tmp_path):
    write_site([*FIXTURES, future_briefing()], tmp_path)
    home = (tmp_path / "index.md").read_text(encoding="utf-8")
    latest = home.split("## Latest", 1)[1].split("## Archive", 1)[0]
    items = [line for line in latest.splitlines() if line.startswith("- **")]
    newest = max(b.date for b in FIXTURES)
    assert items[0].startswith(f"- **{newest}**"), items[0]
    assert not any(FUTURE in line for line in items[:-1])
    page = (tmp_path / "briefings" / "9999-12-31-from-the-future.md").read_text(encoding="utf-8")
    assert re.search(rf"\*\*{FUTURE}\*\* \(a date in the future\)", page)
    archive = (tmp_path / "archive" / "9999-12.md").read_text(encoding="utf-8")
    assert f"**{FUTURE}** (a date in the future)" in archive


def test_a_future_date_never_leads_the_feed(tmp_path):
    future = future_briefing()
    write_site([*FIXTURES, future], tmp_path, settings=feed_config())
    feed = ET.parse(tmp_path / "feed.xml").getroot()
    links = [item.findtext("link") for item in feed.findall("./channel/item")]
    assert future.slug not in links[0] and future.slug in links[-1]
    assert "9999" not in feed.findtext("./channel/lastBuildDate")
    last = feed.findall("./channel/item")[-1]
    assert last.findtext("title") == "A story dated far ahead" and last.find("pubDate") is None


# --- pages people add to docs/ ---------------------------------------------------------------

OWN_PAGES = {
    "notes/mine.md": "# My notes\n\nWritten by hand.\n",
    "notes/deeper/more.md": "# More notes\n",
    "team.md": "# The team\n",
    "drafts/secret.md": "# Not in the navigation on purpose\n",
}


def test_pages_people_add_anywhere_build_strictly(tmp_path):
    make_site_project(tmp_path, FIXTURES[:4])
    for rel, text in OWN_PAGES.items():
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "not_in_nav: |\n", "not_in_nav: |\n  /drafts/\n"), encoding="utf-8")
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="md-nav md-nav--primary', 1)[1]
    for rel in ("notes/mine", "notes/deeper/more", "team"):
        assert (tmp_path / "site" / rel / "index.html").is_file()
        assert f'href="{rel}/"' in nav, rel
    assert (tmp_path / "site" / "drafts" / "secret" / "index.html").is_file()
    assert "drafts/secret/" not in nav
    assert re.search(r">\s*Notes\s*<", nav)


@pytest.mark.parametrize("nav, pages, expected", [
    (["index.md"], ["index.md", "team.md"], ["index.md", "team.md"]),
    (["index.md"], ["notes/a.md", "notes/b.md"], ["index.md", {"Notes": ["notes/a.md", "notes/b.md"]}]),
    ([{"Notes": ["notes/a.md"]}], ["notes/a.md", "notes/z.md"], [{"Notes": ["notes/a.md", "notes/z.md"]}]),
    ([{"Home": "index.md"}], ["field_reports/2024/x.md"],
     [{"Home": "index.md"}, {"Field reports": [{"2024": ["field_reports/2024/x.md"]}]}]),
    ([{"About": ["about.md", {"Accuracy": "accuracy.md"}]}, {"Blog": "https://example.org/"}],
     ["about.md", "accuracy.md", "API-notes/x.md"],
     [{"About": ["about.md", {"Accuracy": "accuracy.md"}]}, {"Blog": "https://example.org/"},
      {"API notes": ["API-notes/x.md"]}]),
])
def test_own_pages_join_the_navigation_under_their_folder(nav, pages, expected):
    from generator.navigation import with_pages

    before = repr(nav)
    assert with_pages(nav, pages) == expected
    assert repr(nav) == before  # the configuration itself is not edited


def test_a_briefing_called_index_is_not_the_folders_index(tmp_path):
    b = with_changes(FIXTURES[0], slug="index", source="index.txt")
    write_site([b, *FIXTURES[1:3]], tmp_path)
    assert not (tmp_path / "briefings" / "index.md").exists()  # MkDocs would serve it as briefings/
    home = (tmp_path / "index.md").read_text(encoding="utf-8")
    own = [link for link in links(home) if link.startswith("briefings/index")]
    assert own and all((tmp_path / link).is_file() for link in own)
