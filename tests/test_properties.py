"""Property-based tests (Hypothesis): arbitrary text through reading, extraction and rendering
never raises anything but ArticleError and never yields live markup, links or template code."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from generator.inputs.text import decode, parse_article, read_article, slugify
from generator.errors import ArticleError

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a\u300c\u300d\u300e\u300f`\u2032\u2033"
NASTY = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(2)\">x</a>",
    "[click](javascript:alert(3))", "![img](https://evil.example/p.png)", "<javascript:alert(4)>",
    "[ref]: javascript:alert(5)", "{{ 7*7 }}", "{% for x in y %}", "{# c #}", "{%- raw %}", "}}", "{{",
    "# heading", "- item", "1. item", "> quote", "```", "    code", "| a | b |", "---", "***", "!!! note",
    "<!--", "-->", "&lt;", "&#60;", "&amp;", "\\", "*", "_", "~~", "^", "$$", ":", "=",
    "<div markdown>", "</div>", "</p>", "<svg onload=alert(6)>", "<style>body{}</style>", "{: onclick=x }",
    "\u202e", "\u200f", "\u2067", "\u200b", "\ufeff", "\u2028", "\u0085", "\x00", "\x07", "\x1b[31m", "\x7f",
    "\U0001F600", "\U0001F1FA\U0001F1E6", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    " date 2022-04-12 ", " date 2022-13-45 ", " date 9999-99-99 ", "Reporting by X", "KYIV (AP) \u2014 ",
    "Putin said", "in Kyiv", "10 million", "officials said.", "\u201cWe will win,\u201d Zelenskyy said.",
]
PIECE = st.one_of(
    st.sampled_from(NASTY),
    st.sampled_from(list(QUOTES)),
    st.sampled_from([" ", "\n", "\n\n", "\t", "\r\n", ". "]),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
)
NAMES = st.sampled_from(["Mayor Jane Smith", "Putin", "<b>Tom</b> Baker", "{{ name }}", "Zelenskyy", "x"])
QUOTED = st.builds(lambda o, words, c, name: f"{o}{words}{c} {name} said in Kyiv.",
                   st.sampled_from(list(QUOTES)), st.lists(PIECE, max_size=6).map("".join),
                   st.sampled_from(list(QUOTES)), NAMES)
PARAGRAPH = st.lists(st.one_of(PIECE, QUOTED), min_size=1, max_size=20).map("".join)
ARTICLE_TEXT = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n\n".join)

TEMPLATE_TAG = re.compile(r"<(?:/?(?:p|div|a|br|small|nav|span)\b|!-- )")  # what the templates emit
BAD_TAGS = {"script", "iframe", "img", "svg", "style", "object", "embed", "form", "input", "base",
            "link", "meta", "frame", "math", "video", "audio", "source"}


def parse(text: str):
    return parse_article(text, source="h.txt", slug="h")


@FAST
@given(ARTICLE_TEXT)
@example("")
@example("\n\n \t")
@example(" date 2022-04-12 ")
@example("\u202e date 2022-04-12 Headline\n\nBody.")
def test_parse_article_gives_an_article_or_an_article_error(text):
    try:
        article = parse(text)
    except ArticleError as exc:
        assert exc.path == "h.txt" and exc.message
        return
    assert article.headline.strip()
    assert article.paragraphs and all(isinstance(p, str) for p in article.paragraphs)
    assert article.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.date)


@FAST
@given(st.one_of(st.binary(max_size=400), ARTICLE_TEXT.map(lambda t: t.encode("utf-8")),
                 ARTICLE_TEXT.map(lambda t: t.encode("utf-16")),
                 ARTICLE_TEXT.map(lambda t: t.encode("cp1252", errors="ignore"))))
def test_any_bytes_decode_to_text_or_an_article_error_naming_the_file(raw):
    path = Path("folder/any.txt")
    try:
        text, warnings = decode(path, raw)
    except ArticleError as exc:
        assert "any.txt" in str(exc)
        return
    assert text.strip()
    assert "\x00" not in text and "\r" not in text
    assert all(isinstance(w, str) for w in warnings)


@FAST
@given(st.text(max_size=60))
@example("../../etc/passwd")
@example("....")
@example("\u202e\u05e9")
def test_slugify_is_always_a_safe_page_name(stem):
    slug = slugify(stem)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
    assert len(slug) <= 80


def markdown_to_html(page: str) -> str:
    """What MkDocs would do with the page (same Markdown extensions as mkdocs.yml)."""
    if page.startswith("---\n"):  # front matter: MkDocs reads it as page meta, not content
        page = page.split("\n---\n", 1)[1]
    return markdown.markdown(page, extensions=["admonition", "attr_list", "md_in_html", "tables", "toc"])


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(page: str) -> None:
    """No markup, link or template code in a rendered page that the templates did not put there."""
    stray = [m.start() for m in re.finditer("<", page) if not TEMPLATE_TAG.match(page, m.start())]
    assert not stray, [page[i:i + 40] for i in stray]
    assert not re.search(r"\{\{|\{%|\{#", page), "template syntax left in the page"
    for target in re.findall(r"\]\(([^)\s]*)", page):
        assert re.fullmatch(r"(https?://[^\s\"'<>]+|[A-Za-z0-9._~/#%-]*)", target), target
    for tag, attrs in Tags(markdown_to_html(page)).tags:
        assert tag not in BAD_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), value


@pytest.fixture(scope="module")
def pipeline(nlp):
    from generator import gazetteer
    from generator import nlp as nlp_module
    from generator.briefing import make_briefing
    from generator.render import make_environment, render_briefing, render_json

    env = make_environment()
    places = gazetteer.load()

    def run(text: str):
        article = parse(text)  # may raise ArticleError: the only allowed failure
        briefing = make_briefing(article, nlp_module.parse(article), places)
        return briefing, render_briefing(briefing, env), render_json(briefing)
    return run


@FAST
@given(ARTICLE_TEXT)
@example(" date 2022-05-03 <script>alert(1)</script> headline\n\n"
         "\u201c<img src=x onerror=alert(1)>,\u201d said Mayor Jane Smith in [Paris](javascript:alert(2)).\n\n"
         "The council counted {{ 7*7 }} votes {% for x in y %} in Kyiv, officials said.")
@example("\u201cUnbalanced \u2018quotes\u201d and \u00abmixed\u2019 marks,\" said Tom \u202eBaker\u202c in Lviv.")
def test_extraction_and_rendering_never_crash_and_never_leak_markup(pipeline, text):
    try:
        briefing, page, twin = pipeline(text)
    except ArticleError:
        event("ArticleError")
        return
    event(f"{len(briefing.quotes) > 0 and 'with' or 'no'} quotes, {len(briefing.paragraphs)} paragraph(s)")
    assert briefing.headline and briefing.paragraphs
    assert json.loads(twin)["headline"] == briefing.headline
    assert_inert(page)


def test_assert_inert_catches_what_it_should():
    """The checker itself: raw tags, javascript: links and template code from text are caught."""
    for bad in ("text <script>alert(1)</script>", "[x](javascript:alert(1))", "{{ 7*7 }}",
                "<img src=x onerror=alert(1)>"):
        with pytest.raises(AssertionError):
            assert_inert(bad)
    assert_inert('<p id="p1"><a class="briefing-para-number" href="#p1">1</a> &lt;script&gt;</p>')


def test_read_article_never_escapes_its_error_type(tmp_path):
    """A handful of real files: odd bytes give ArticleError naming the file, or an article."""
    for name, raw in {"nul.txt": b"a\x00b", "bom-only.txt": b"\xef\xbb\xbf", "bad16.txt": b"\xff\xfe\x00",
                      "ctl.txt": bytes(range(1, 32)) * 4, "ok.txt": "Caf\u00e9\n\nText.".encode("cp1252")}.items():
        path = tmp_path / name
        path.write_bytes(raw)
        try:
            article = read_article(path)
        except ArticleError as exc:
            assert name in str(exc)
        else:
            assert name == "ok.txt" and article.paragraphs == ["Text."]
