"""generator/render.py: escaping of untrusted text, filters, the environment, the briefing page."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import jinja2
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import load_fixture_briefings
from generator.models import Briefing
from generator.render import (GENERATED_MARKER, attr_json, heading, make_environment, md_escape,
                              render_briefing, render_json, render_template, safe_url, slugify)

# The Markdown extensions mkdocs.yml enables: the unit tests render with the same set.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![pixel](http://evil.example/p.png)",
    "{{ 7*7 }}",
    "{% raw %}",
    "<a href='javascript:alert(1)'>x</a>",
    "[ref]: javascript:alert(1)",
    "<https://evil.example>",
    "`code` *em* _em_ **strong** ~~del~~ ==mark== ^^ins^^",
    "# heading",
    "- bullet",
    "12. numbered",
    "> quote",
    '!!! danger "admonition"',
    "{: onclick=alert(1) }",
    "line one\nline two\r\n\u2028# heading after a line separator",
    "&lt;script&gt; stays text",
    "a | table | pipe",
]


class Elements(HTMLParser):
    """Collect every element and attribute of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> Elements:
    parser = Elements()
    parser.feed(fragment)
    return parser


def to_html(text: str) -> str:
    """Markdown -> HTML as MkDocs does it (MkDocs strips the front matter marker first)."""
    return markdown.markdown(text.removeprefix(GENERATED_MARKER), extensions=EXTENSIONS)


def assert_inert_html(fragment: str, allowed: set[str]) -> None:
    """No tag outside `allowed`, no event handler, no link outside the site or http(s)."""
    for tag, attrs in parse(fragment).tags:
        assert tag in allowed, f"unexpected <{tag}> in {fragment[:300]}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name} on <{tag}>"
            if name in ("href", "src"):
                assert value is not None and not re.match(r"\s*(javascript|data|vbscript):", value, re.I)
                assert re.match(r"^(https?://|[A-Za-z0-9._~/#%-]*$)", value), value


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_renders_as_plain_text(text):
    rendered = to_html(f"Before {md_escape(text)} after")
    assert_inert_html(rendered, allowed={"p"})
    shown = "".join(parse(rendered).text)
    assert shown == "Before " + " ".join(text.split()) + " after"


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_has_no_template_or_markup_syntax(text):
    escaped = str(md_escape(text))
    for syntax in ("{{", "{%", "<", ">", "[", "](", "\n"):
        assert syntax not in escaped


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_any_text_stays_text(text):
    rendered = to_html(f"x {md_escape(text)} y")
    assert_inert_html(rendered, allowed={"p"})
    expected = " ".join(re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", "",
                               re.sub(r"[\s\u2028\u2029\x85]+", " ", text)).split())
    assert " ".join("".join(parse(rendered).text).split()) == " ".join(f"x {expected} y".split())


def test_heading_cannot_close_title():
    # Material prints page titles through `striptags`, which decodes entities.
    assert "<" not in html.unescape(str(heading("</title><script>alert(1)</script>")))


@pytest.mark.parametrize("value", [
    [{"label": "</div><script>alert(1)</script>", "lat": 1.5, "lon": -2}],
    {"q": "\"'&<>{{ 7*7 }}{% raw %}[x](javascript:y)`*_|!#\\"},
])
def test_attr_json_is_attribute_safe_and_round_trips(value):
    encoded = str(attr_json(value))
    assert not set(encoded) & set("\"'<>{}[]`")
    element = parse(f'<div data-points="{encoded}"></div>').tags[0]
    assert json.loads(element[1]["data-points"]) == value


@pytest.mark.parametrize("url, expected", [
    ("../places/kyiv.md", "../places/kyiv.md"),
    ("#p3", "#p3"),
    ("https://www.geonames.org/", "https://www.geonames.org/"),
    ("javascript:alert(1)", "#"),
    ("data:text/html,x", "#"),
    ("//evil.example/x", "#"),  # protocol-relative: another host
])
def test_safe_url(url, expected):
    assert str(safe_url(url)) == expected


@pytest.mark.parametrize("name, slug", [
    ("Kyiv", "kyiv"),
    ("São Paulo", "sao-paulo"),
    ("../../etc/passwd", "etc-passwd"),
    ("Cox's Bazar", "cox-s-bazar"),
    ("<script>", "script"),
])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_slugify_non_latin_is_stable_and_safe():
    assert slugify("Київ") == slugify("Київ")
    assert re.fullmatch(r"x-[0-9a-f]{10}", slugify("Київ"))
    assert slugify("Київ") != slugify("Харків")


@pytest.fixture(scope="module")
def briefings() -> dict[str, Briefing]:
    return {b.slug: b for b in load_fixture_briefings()}


@pytest.fixture(scope="module")
def hostile(briefings) -> Briefing:
    return briefings["2024-07-01-hostile-article"]


def test_hostile_briefing_markdown_is_inert(hostile):
    page = render_briefing(hostile)
    for bad in ("<script", "<img", "<iframe", "<svg", "<b ", "<a href=\"javascript", "](javascript",
                "![", "{{", "{%", 'onerror="', "onerror=x", "onmouseover=\""):
        assert bad not in page, bad
    assert_inert_html(to_html(page), allowed={
        "p", "a", "strong", "small", "br", "h1", "h2", "div", "blockquote", "table", "thead",
        "tbody", "tr", "th", "td", "ol", "ul", "li", "span"})


def test_hostile_text_is_still_shown(hostile):
    text = "".join(parse(to_html(render_briefing(hostile))).text)
    assert "<script>window.__pwned = 1; alert(1)</script>" in text
    assert "[click](javascript:alert(1))" in text
    assert "{{ 7*7 }}" in text and "49" not in text


def test_briefing_page_sections_and_paragraph_links(briefings):
    b = briefings["2024-01-01-port-strike-halts-container-traffic"]
    page = render_briefing(b)
    assert page.startswith(GENERATED_MARKER + "\n")
    assert f"# {b.headline}\n" in page
    assert '!!! abstract "Summary"' in page
    for n in range(1, len(b.paragraphs) + 1):
        assert f'<p id="p{n}">' in page
    for quote in b.quotes:
        assert f"> “{quote.text}”" in page
        assert f"[{quote.speaker}](../people/{slugify(quote.speaker)}.md)" in page
        assert f"[¶{quote.paragraph}](#p{quote.paragraph})" in page
    for loc in b.locations:
        assert f"| [{loc.name}](../places/{slugify(loc.name)}.md) | {loc.kind} |" in page
    assert f"[¶{b.figures[0].paragraph}](#p{b.figures[0].paragraph})" in page
    assert f"[JSON]({b.slug}.json)" in page
    assert 'data-points="' in page and "data-search-exclude" in page


def test_empty_sections_are_left_out():
    b = Briefing(source="a.txt", slug="a", date=None, headline="Only text", dateline=None,
                 summary=[], quotes=[], locations=[], figures=[], open_questions=[], people=[],
                 organisations=[], dates=[], paragraphs=["One.", "Two."])
    page = render_briefing(b)
    for section in ("## Key quotes", "## Places", "## Figures", "## Open questions", "## Dates"):
        assert section not in page
    assert "**Undated**" in page and '<p id="p2">' in page


def test_json_twin_round_trips(briefings):
    b = briefings["2024-01-01-port-strike-halts-container-traffic"]
    text = render_json(b)
    assert text == json.dumps(b.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    assert Briefing.from_dict(json.loads(text)) == b


def test_strict_undefined_fails_on_a_missing_field(tmp_path):
    (tmp_path / "briefing.md.j2").write_text("{{ b.no_such_field }}\n", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        render_briefing(load_fixture_briefings(hostile=False)[0], make_environment(tmp_path))


def test_user_templates_override_by_name_and_fall_back(tmp_path, briefings):
    (tmp_path / "briefing.md.j2").write_text("{{ marker }}\n\n# Custom: {{ b.headline }}\n",
                                             encoding="utf-8")
    env = make_environment(tmp_path)
    b = briefings["2024-01-01-port-strike-halts-container-traffic"]
    assert "# Custom: Port strike halts container traffic" in render_briefing(b, env)
    assert "# Archive" in render_template(env, "archive_index.md.j2", root="../", months=[], total=0)


def test_jinja_markup_cannot_bypass_escaping():
    env = make_environment()
    out = env.from_string("{{ x }}|{{ x ~ '!' }}|{{ [x] | join(',') }}|{{ x | safe }}").render(
        x="[a](javascript:b)<i>")
    assert "[a]" not in out and "<i>" not in out


def test_place_aliases_are_shown_escaped():
    from generator.models import Location

    b = Briefing(source="a.txt", slug="a", date=None, headline="Aid", dateline=None, summary=[], quotes=[],
                 locations=[Location(name="United Kingdom", kind="country", lat=51.5, lon=-0.1, country="GB",
                                     aliases=["UK", "Britain", "<b>Blighty</b>"], paragraphs=[1])],
                 figures=[], open_questions=[], people=[], organisations=[], dates=[], paragraphs=["UK aid."])
    page = render_briefing(b)
    assert "| [United Kingdom](../places/united-kingdom.md) (also: UK, Britain, " in page
    assert "<b>" not in page
