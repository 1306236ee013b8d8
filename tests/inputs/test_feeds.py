"""Feeds: one article per entry with its link, date, title and authors; teasers marked; a file that
is no feed refused by name; one bad entry does not cost the others; nothing fetched or opened."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ArticleError
from generator.inputs import read_entries
from tests.conftest import ROOT
from tests.inputs.test_html import no_network  # noqa: F401 - fixture

FEED = ROOT / "tests" / "fixtures" / "inputs" / "feed.rss"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Valley &lt;b&gt;Radio&lt;/b&gt; News</title>
  <id>urn:uuid:valley-radio</id><updated>2024-02-10T12:00:00Z</updated>
  <entry>
    <title>Snow closes mountain pass for second day</title>
    <id>urn:uuid:entry-1</id>
    <link rel="alternate" href="https://radio.example.com/news/snow-pass"/>
    <updated>2024-02-10T11:00:00Z</updated><published>2024-02-09T18:30:00Z</published>
    <author><name>Lena Vogel</name></author><author><name>Jon Berg</name></author>
    <summary>The pass stays shut.</summary>
    <content type="html">&lt;p&gt;The road over the mountain pass stayed closed on Saturday after another night of heavy snow, the regional roads agency said.&lt;/p&gt;&lt;p&gt;Snowploughs worked through the night, but drifts of up to two metres built up again near the summit, a spokesman said. Drivers were told to use the valley road instead.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Ski lift inspection due</title>
    <id>urn:uuid:entry-2</id>
    <updated>2024-02-08T09:00:00Z</updated>
  </entry>
</feed>
"""


def entries_of(path: Path) -> tuple[dict[str, object], list[ArticleError]]:
    entries, errors = read_entries(path)
    return {label: article for label, article in entries}, errors


def feed_file(tmp_path: Path, text: str | bytes, name: str = "feed.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_rss_entries_become_articles_with_link_date_title_and_authors(no_network):
    articles, errors = entries_of(FEED)
    assert errors == [] and list(articles) == ["entry 1", "entry 2", "entry 3"]
    full = articles["entry 1"]
    assert full.headline == "Lifeboat crew rescues four from drifting yacht off Cork"
    assert full.date == "2023-05-02"
    assert full.url == "https://gazette.example.net/2023/05/02/lifeboat-rescue"
    assert full.publisher == "Coastal Gazette" and full.authors == ["Sinéad Walsh"]
    assert full.teaser is False and len(full.paragraphs) == 4  # content:encoded, not the description
    assert full.paragraphs[0].startswith("A lifeboat crew from Crosshaven rescued four sailors")
    assert full.slug == "2023-05-02-lifeboat-crew-rescues-four-from-drifting-yacht-off-cork"
    assert full.source == "feed.rss"


def test_a_teaser_entry_is_built_and_marked_as_one():
    teaser = entries_of(FEED)[0]["entry 2"]
    assert teaser.teaser is True
    assert teaser.paragraphs == ["Councillors in Kinsale agreed to look again at parking charges near the harbour "
                                 "after traders complained that visitors were staying away…"]
    assert any("only a teaser" in w for w in teaser.warnings)
    assert "Continue reading" not in " ".join(teaser.paragraphs)


def test_an_entry_with_a_bad_link_and_date_keeps_its_text_and_loses_them():
    odd = entries_of(FEED)[0]["entry 3"]
    assert odd.url is None  # javascript: link dropped
    assert odd.date is None and any("not a date" in w for w in odd.warnings)
    assert odd.paragraphs == ["The summer timetable starts on 1 June."]


def test_atom_feed_with_html_title_and_several_authors(tmp_path):
    articles, errors = entries_of(feed_file(tmp_path, ATOM, "valley.atom"))
    assert errors == []
    first, bare = articles["entry 1"], articles["entry 2"]
    assert first.publisher == "Valley Radio News"
    assert first.authors == ["Lena Vogel", "Jon Berg"]
    assert first.date == "2024-02-09"  # published, not updated
    assert first.url == "https://radio.example.com/news/snow-pass"
    assert first.teaser is False and first.paragraphs[1].startswith("Snowploughs worked through the night")
    # an entry with nothing but a title is built as what it is: a headline, marked as a teaser
    assert bare.teaser is True and bare.paragraphs == ["Ski lift inspection due"]
    assert any("its title is all there is" in w for w in bare.warnings)


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"/etc/passwd", "is not an RSS or Atom feed"),  # bytes that name a file are not opened
    (b"https://evil.example/feed.xml", "is not an RSS or Atom feed"),  # nor fetched
    (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
     b"<url><loc>https://x.example/</loc></url></urlset>", "is not an RSS or Atom feed"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
     "is a feed with no entries"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "is not an RSS or Atom feed"),
])
def test_a_file_that_is_no_feed_is_refused_by_name(tmp_path, no_network, content, reason):
    path = feed_file(tmp_path, content)
    entries, errors = read_entries(path)
    assert entries == []
    assert len(errors) == 1 and errors[0].path == str(path) and reason in errors[0].message


def test_external_entities_are_not_read(tmp_path, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}"><!ENTITY remote SYSTEM "https://evil.example/x">]>
<rss version="2.0"><channel><title>T</title>
<item><title>Entity &leak; test &remote;</title><description>Officials said the bridge &leak; would reopen on Monday after repairs.</description></item>
</channel></rss>"""
    entries, errors = read_entries(feed_file(tmp_path, xxe))
    text = " ".join(a.headline + " " + " ".join(a.paragraphs) for _, a in entries)
    assert "TOP-SECRET-VALUE" not in text
    assert entries or errors  # parsed without the entities, or refused: either way by name


def test_hostile_entry_markup_becomes_text(tmp_path):
    hostile = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire {{ 7*7 }}</title>
<item><title>Mayor &lt;script&gt;alert(1)&lt;/script&gt; resigns {% raw %}</title>
<link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link>
<description><![CDATA[<p onclick="alert(1)">The mayor resigned on Friday, the council said.</p><script>alert('x')</script>
<iframe src="https://evil.example/"></iframe><p><a href="javascript:alert(2)">Officials</a> said a vote would follow {{ config }}.</p>]]></description>
</item></channel></rss>"""
    entries, errors = read_entries(feed_file(tmp_path, hostile))
    assert errors == []
    article = entries[0][1]
    text = " ".join(article.paragraphs)
    assert article.url is None
    assert "alert" not in text and "evil.example" not in text
    assert text == "The mayor resigned on Friday, the council said. Officials said a vote would follow {{ config }}."
    assert "{% raw %}" in article.headline and article.publisher == "Wire {{ 7*7 }}"


def test_one_bad_entry_is_refused_and_the_others_still_build(tmp_path):
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Harbour reopens</title><description>The harbour reopened on Monday after the storm, officials said.</description></item>
<item><description></description></item>
<item><title>Ferry resumes</title><description>The ferry resumed sailing on Tuesday, the operator said.</description></item>
</channel></rss>"""
    path = feed_file(tmp_path, feed)
    entries, errors = read_entries(path)
    assert [label for label, _ in entries] == ["entry 1", "entry 3"]
    assert len(errors) == 1 and errors[0].path == f"{path} (entry 2)"
    assert "neither a title nor any text" in errors[0].message


def test_same_entries_give_the_same_page_names_when_the_feed_grows(tmp_path):
    item = ("<item><title>Story {n}</title><guid>id-{n}</guid><pubDate>Mon, 0{n} May 2023 10:00:00 +0000</pubDate>"
            "<description>Officials said story {n} happened on Monday in the town.</description></item>")
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    before = read_entries(feed_file(tmp_path, head + item.format(n=1) + item.format(n=2) + "</channel></rss>"))[0]
    after = read_entries(feed_file(tmp_path, head + item.format(n=3) + item.format(n=2) + item.format(n=1)
                                   + "</channel></rss>"))[0]
    assert {a.slug: a for _, a in before}.keys() <= {a.slug: a for _, a in after}.keys()
    assert [a for _, a in before] == [a for _, a in after][1:][::-1]
