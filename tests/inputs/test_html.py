"""Saved web pages: body and provenance read, boilerplate left out, non-articles refused with the
reason, hostile or odd pages read as text or refused by name, nothing fetched."""
from __future__ import annotations

import base64
import gzip
import shutil
import socket
from pathlib import Path

import pytest

from generator.errors import ArticleError
from generator.inputs import read_one
from generator.inputs.html import clean_title, word_count
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "inputs"
HOSTILE_PAGE = ROOT / "tests" / "fixtures" / "hostile" / "hostile-page.html"
LEAD = ("Galway's harbour board voted on Monday to build a new ferry terminal at the mouth of the "
        "River Corrib, ending a decade of argument over how passengers should reach the Aran Islands.")


@pytest.fixture()
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"the reader tried to use the network: {args[:2]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def page(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return path


def story_html(body: str = "", head: str = "", charset: str = "utf-8") -> str:
    """A small article page of our own: a headline and three paragraphs, plus extras."""
    return (f'<html><head><meta charset="{charset}"><title>Tram line reopens after floods</title>{head}</head>'
            f"<body><article><h1>Tram line reopens after floods</h1>"
            f"<p>The tram line between the central station and the port reopened on Thursday, three weeks "
            f"after floods washed away part of the track near the river, the operator said.</p>"
            f"<p>Engineers worked through the weekend to lay new rails and test the signals, and the first "
            f"trams ran on time, according to a spokeswoman for the city transport authority.</p>"
            f"<p>Passengers said they were relieved. “The buses took twice as long,” said one commuter, "
            f"who travels from the suburbs to the port every morning.</p>{body}</article></body></html>")


def test_article_body_and_provenance(no_network):
    article = read_one(FIXTURES / "article.html")
    assert article.headline == "Harbour board backs new ferry terminal for Galway"
    assert article.date == "2023-03-14"
    assert article.publisher == "The Western Courier"
    assert article.authors == ["Aoife Brennan", "Declan Moran"]
    assert article.url == "https://news.example.org/2023/03/14/galway-ferry-terminal"
    assert article.teaser is False
    assert article.paragraphs[0] == LEAD
    assert len(article.paragraphs) == 6
    assert article.paragraphs[-1].startswith("The board must still secure planning permission")
    assert article.source == "article.html" and article.slug == "article"


@pytest.mark.parametrize("boilerplate", [
    "We use cookies",  # cookie banner
    "Accept all cookies",
    "Related stories",  # related stories box
    "Aran Islands ferry cancelled",
    "About time!",  # reader comments
    "white elephant",
    "All rights reserved",  # footer
    "Sport",  # navigation
])
def test_cookie_banner_related_stories_comments_are_not_body(boilerplate):
    text = "\n".join(read_one(FIXTURES / "article.html").paragraphs)
    assert boilerplate not in text


def test_paywall_stub_is_built_as_the_part_shown_and_marked():
    article = read_one(FIXTURES / "paywall.html")
    text = " ".join(article.paragraphs)
    assert article.teaser is True
    assert any("for subscribers only" in w for w in article.warnings)
    assert text.startswith("A water company was fined £1.2 million on Tuesday")
    assert "Subscribe" not in text and "continue reading" not in text.lower()
    assert (article.publisher, article.authors, article.date) == ("Midland Ledger", ["Gareth Price"], "2022-11-08")


@pytest.mark.parametrize("name, reason", [
    ("index-page.html", "is an index page"),
    ("login-wall.html", "is a sign-in page"),
])
def test_a_page_without_an_article_is_refused_with_the_reason(name, reason):
    with pytest.raises(ArticleError) as caught:
        read_one(FIXTURES / name)
    assert caught.value.path == str(FIXTURES / name)
    assert reason in caught.value.message


def test_a_short_story_with_a_sign_in_form_and_headline_links_is_still_an_article(tmp_path):
    """News pages carry a sign-in form and lists of other stories; the article's markup wins."""
    others = "".join(f'<li><h3><a href="/s/{n}">Another story about the town, number {n}</a></h3></li>'
                     for n in range(12))
    html = story_html(head='<meta property="og:type" content="article">',
                      body=f'<form><input type="password" name="pw"></form><ul class="more">{others}</ul>')
    article = read_one(page(tmp_path, html))
    assert article.headline == "Tram line reopens after floods" and len(article.paragraphs) >= 3


@pytest.mark.parametrize("html, reason", [
    ("", "is empty"),
    ("<html><head><title>x</title></head><body></body></html>", "no article text"),
    ("<html><body><p>Page not found.</p></body></html>", "only 3 words"),
    ("<html><body><nav><a href='/'>Home</a></nav><p>Loading…</p><script>app()</script></body></html>",
     r"only \d words"),
])
def test_pages_with_no_or_too_little_text_are_refused(tmp_path, html, reason):
    with pytest.raises(ArticleError, match=reason):
        read_one(page(tmp_path, html or b""))


def test_binary_and_control_character_pages_are_refused(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
    with pytest.raises(ArticleError, match="binary"):
        read_one(page(tmp_path, png))
    controls = ("<html><body><p>" + "\x01\x02\x03\x04 text" * 500 + "</p></body></html>").encode()
    with pytest.raises(ArticleError, match="binary"):
        read_one(page(tmp_path, controls, "controls.html"))


@pytest.mark.parametrize("encoding, declared, warned", [
    ("utf-8", "utf-8", False),
    ("cp1252", "windows-1252", False),
    ("latin-1", "iso-8859-1", False),
    ("cp1252", "utf-8", True),  # declared wrong: not valid UTF-8
    ("cp1252", None, True),  # undeclared and not UTF-8
])
def test_encodings_declared_missing_or_wrong(tmp_path, encoding, declared, warned):
    html = story_html().replace("the port", "the port of Coruña").replace("“", '"').replace("”", '"')
    if declared is None:
        html = html.replace('<meta charset="utf-8">', "")
    else:
        html = html.replace('charset="utf-8"', f'charset="{declared}"')
    article = read_one(page(tmp_path, html.encode(encoding)))
    assert "the port of Coruña reopened" in article.paragraphs[0]
    assert any("read as" in w for w in article.warnings) is warned


def test_utf16_page_with_a_byte_order_mark(tmp_path):
    article = read_one(page(tmp_path, story_html().encode("utf-16")))
    assert article.headline == "Tram line reopens after floods"
    assert "“The buses took twice as long,”" in article.paragraphs[2]


def test_undeclared_cyrillic_page_is_read_as_cyrillic(tmp_path):
    sentence = ("Городской совет утвердил новый бюджет на следующий год, сообщил мэр города на пресс-конференции "
                "во вторник. Депутаты обсуждали расходы на дороги, школы и больницы почти шесть часов. ")
    html = f"<html><head><title>Совет утвердил бюджет</title></head><body><article><p>{sentence * 3}</p>" \
           f"<p>{sentence * 2}</p></article></body></html>"
    article = read_one(page(tmp_path, html.encode("cp1251")))
    assert article.paragraphs[0].startswith("Городской совет утвердил")


def test_gzipped_page_reads_like_the_plain_one(tmp_path):
    plain = read_one(FIXTURES / "article.html")
    zipped = tmp_path / "article.html.gz"
    zipped.write_bytes(gzip.compress((FIXTURES / "article.html").read_bytes()))
    article = read_one(zipped)
    assert article.paragraphs == plain.paragraphs and article.slug == "article"
    assert (article.headline, article.date, article.url) == (plain.headline, plain.date, plain.url)


@pytest.mark.parametrize("head, prefix, date, note", [
    ('<meta property="article:published_time" content="2021-07-30T22:10:00-04:00">', "", "2021-07-30", None),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-02-29"}</script>',
     "", "2020-02-29", None),
    ("", " date 2019-06-01\n", "2019-06-01", None),  # no date in the page: the file's date line
    ("", "", None, "gives no publication date"),  # undated, never the file's modification time
    ('<meta property="article:published_time" content="2999-01-01">', "", None, "gives no publication date"),
])
def test_dates_come_from_the_page_else_the_date_line_else_undated(tmp_path, head, prefix, date, note):
    body = "<footer><p>© 2023 Example Media. All rights reserved.</p></footer>"  # not a date
    article = read_one(page(tmp_path, prefix + story_html(body=body, head=head)))
    assert article.date == date
    assert (note is None) == (not any(note and note in w for w in article.warnings))


def test_a_hostile_page_is_read_as_text_and_nothing_is_fetched(no_network):
    article = read_one(HOSTILE_PAGE)
    text = "\n".join(article.paragraphs)
    assert article.url is None  # javascript: canonical and data: og:url dropped
    assert article.date == "2023-09-21"
    assert article.authors == ["Mark Doyle"]
    assert "{{ 7*7 }}" in article.headline  # template syntax stays text (escaped when rendered)
    assert "{% for x in range(3) %}" in text
    for code in ("alert(", "document.write", "injected by script", "style text", "evil.example", "onerror"):
        assert code not in text and code not in article.headline, code
    assert text.startswith("Engineers inspecting the Millbrook road bridge")
    assert "follow the diversion" in text and "ten minutes" in text  # link text kept, links dropped


def test_huge_inline_styles_and_a_20mb_page_with_inlined_images_give_the_article(tmp_path):
    image = base64.b64encode(bytes(range(256)) * 40_000).decode()  # ~13.6 MB of base64
    style = "<div style='" + "color:red;" * 200_000 + "'>styled</div>"  # a 2 MB style attribute
    scripts = "<script>var x = '" + "y" * 5_000_000 + "';</script>"
    html = story_html(body=f'<img src="data:image/png;base64,{image}">{style}{scripts}')
    path = page(tmp_path, html)
    assert path.stat().st_size > 20_000_000
    article = read_one(path)
    assert article.headline == "Tram line reopens after floods"
    assert len(article.paragraphs) in (3, 4) and article.paragraphs[0].startswith("The tram line")


def test_a_page_of_20mb_of_markup_is_refused_by_name(tmp_path):
    html = story_html(body="<div><span>cell</span></div>" * 750_000)
    path = page(tmp_path, html)
    assert path.stat().st_size > 20_000_000
    with pytest.raises(ArticleError) as caught:
        read_one(path)
    assert caught.value.path == str(path) and "MB of markup" in caught.value.message


def test_page_over_the_file_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(45_000_000)  # sparse: no disk used
    with pytest.raises(ArticleError, match="web pages over 40 MB are refused"):
        read_one(path)


@pytest.mark.parametrize("title, site, expected", [
    ("Harbour board backs terminal | The Western Courier", "The Western Courier", "Harbour board backs terminal"),
    ("Harbour board backs terminal - Western Courier", "The Western Courier", "Harbour board backs terminal"),
    ("BBC News - Storm closes schools", "BBC News", "Storm closes schools"),
    ("Storm closes schools: what we know", "BBC News", "Storm closes schools: what we know"),
    ("Opinion | Why the bridge matters", "The Ledger", "Opinion | Why the bridge matters"),
    ("Storm closes schools", None, "Storm closes schools"),
])
def test_site_name_is_taken_off_the_title(title, site, expected):
    assert clean_title(title, site) == expected


@pytest.mark.parametrize("text, count", [
    ("The council voted on Tuesday.", 5),
    ("商品の改造が商標法違反になる", 7),
    ("12 345 --- !!!", 0),
])
def test_word_count_works_across_scripts(text, count):
    assert word_count(text) == count


def test_pages_are_found_by_every_suffix(tmp_path):
    for name in ("a.htm", "B.HTML"):
        shutil.copy(FIXTURES / "article.html", tmp_path / name)
        assert read_one(tmp_path / name).headline == "Harbour board backs new ferry terminal for Galway"
