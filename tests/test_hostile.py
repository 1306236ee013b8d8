"""Hostile input end to end: `briefing build` over bad, odd and malicious articles, then
`mkdocs build --strict`; plus the no-data-loss guarantees (hand-written pages, determinism,
deleted articles, --jobs).

Every hostile file gives either a sane briefing or a clear message naming the file (never a
traceback), and nothing from an article becomes live HTML, script, a javascript: link or
template code in the built site. Committed text fixtures live in tests/fixtures/hostile/;
binary, re-encoded and large files are generated here (write_generated_articles).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import EXAMPLE, ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
TAMPERED_MANIFEST = "briefings/.generated.json"
GENERATED_DIRS = ("briefings", "places", "people", "organisations", "archive", "map")
GIANT_PARAGRAPH_BYTES = 120_000  # one paragraph of ~1,000 sentences; see test_giant_paragraph_300kb
ODD_NAME = "Odd ..\\..\\etc\\passwd (copy) [1] #2 \u00fc;$HOME'x\".txt"  # not a dot file: those are skipped

# file -> the message the build must print for it (files not listed must become briefings)
REFUSED = {
    "empty.txt": "is empty",
    "whitespace-only.txt": "is empty",
    "binary.txt": "looks like a binary file",
    "five-mb.txt": "articles over 2 MB are refused",
    "binary-page.html": "looks like a binary file",
    "link-outside.txt": "outside",  # a symlink to a file outside the articles folder
    "hostile.jsonl (line 2)": "is not valid JSON",
}
# briefings from the other input kinds: hostile-page.html, twenty-mb-page.html, the two entries of
# hostile-feed.rss and the two good lines of hostile.jsonl
OTHER_KINDS = ("*.html", "*.rss", "*.jsonl")
OTHER_BRIEFINGS = 6


def giant_paragraph(size: int, seed: int = 7) -> str:
    """Plausible news sentences with quotes, places, people and figures, all in one paragraph."""
    rng = random.Random(seed)
    subjects = ["The council", "Officials in Kyiv", "Mayor John Smith", "Police in Paris", "The ministry"]
    verbs = ["said on Monday that", "warned that", "confirmed that", "denied reports that"]
    objects = ["12 million dollars had been spent", "the bridge would reopen", "talks had stalled",
               "more than 300 people were evacuated", "the vote was postponed"]
    sentences, total = [], 0
    while total < size:
        sentence = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}."
        if rng.random() < 0.1:
            sentence = f"\u201c{rng.choice(objects).capitalize()},\u201d Smith said."
        sentences.append(sentence)
        total += len(sentence) + 1
    return " ".join(sentences)


def write_generated_articles(folder: Path, giant_bytes: int = GIANT_PARAGRAPH_BYTES) -> None:
    """The hostile files that are awkward to commit: binary, re-encoded, large, oddly named."""
    text = " date 2022-05-09 Caf\u00e9 owners in Z\u00fcrich protest\n\nThe caf\u00e9 in Z\u00fcrich closed on Monday, " \
           "its owner Hans M\u00fcller said. \u201cC'est fini,\u201d he said.\n"
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    (folder / "latin-1.txt").write_bytes(text.replace("\u201c", '"').replace("\u201d", '"').encode("latin-1"))
    (folder / "utf16-bom.txt").write_bytes(text.replace("Z\u00fcrich protest", "Geneva rally").encode("utf-16"))
    (folder / "five-mb.txt").write_bytes(b" date 2022-05-10 Big\n\n" + b"All work and no play. " * 240_000)
    (folder / "giant-paragraph.txt").write_text(
        " date 2022-05-11 One giant paragraph\n\n" + giant_paragraph(giant_bytes) + "\n", encoding="utf-8")
    shutil.copy(HOSTILE / "future-date.txt", folder / ODD_NAME)
    (folder / "binary-page.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    image = "data:image/png;base64," + "iVBORw0KGgo" * 1_900_000  # a page saved with an image inlined
    (folder / "twenty-mb-page.html").write_text(
        "<html><head><title>Night trains return | Rail Weekly</title></head><body><article>"
        "<h1>Night trains return</h1><p>Night trains between the capital and the coast returned on Friday "
        f"after a year without them, the operator said.</p><img src=\"{image}\"><p>Tickets sold out within "
        "hours, a spokeswoman said, and more carriages would be added in the summer.</p>"
        "</article></body></html>", encoding="utf-8")
    outside = folder.parent / "outside-the-folder.txt"
    outside.write_text(" date 2022-05-12 Private\n\nThis file is not in the articles folder.\n", encoding="utf-8")
    (folder / "link-outside.txt").symlink_to(outside)


def hostile_articles(folder: Path, giant_bytes: int = GIANT_PARAGRAPH_BYTES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in HOSTILE.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for pattern in OTHER_KINDS:
        for path in HOSTILE.glob(pattern):
            shutil.copy(path, folder / path.name)
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    write_generated_articles(folder, giant_bytes)
    return folder


def make_project(project: Path) -> Path:
    """A throwaway MkDocs project: the repo's mkdocs.yml and hand-written docs/ (no generated pages)."""
    shutil.copytree(ROOT / "docs", project / "docs",
                    ignore=shutil.ignore_patterns(*GENERATED_DIRS, "index.md"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- generator/mkdocs_hooks.py", f"- {ROOT / 'generator' / 'mkdocs_hooks.py'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project / "docs"


def run_briefing(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess:
    """`python -m generator ...` in a real process: real exit status, real stderr, real workers."""
    env = dict(os.environ, BRIEFING_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` (hidden ones too) -> sha256 of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Page(HTMLParser):
    """Tags, attributes, inline script bodies and visible body text of one HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = self._in_body = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_body = self._in_body or tag == "body"
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        elif self._in_body:
            self.text.append(data)

    @property
    def body_text(self) -> str:
        return " ".join(" ".join(self.text).split())


# --- the whole hostile folder through `briefing build` and `mkdocs build --strict` -------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """(project dir, build result, mkdocs result) for every hostile file + the example, --jobs 2."""
    base = tmp_path_factory.mktemp("hostile")
    articles = hostile_articles(base / "articles")
    project = base / "project"
    docs = make_project(project)
    (docs / "briefings").mkdir()
    (docs / TAMPERED_MANIFEST).write_text(json.dumps({  # entries that point out of docs/
        "generator": "briefing-generator", "stamp": "",
        "files": ["briefings/../../mkdocs.yml", "../mkdocs.yml", "briefings/../../../outside-the-folder.txt"]}))
    before_outside = sorted(p.name for p in base.iterdir())
    build = run_briefing("build", "--articles", str(articles), "--docs", str(docs), "--jobs", "2",
                         cwd=base, cache=base / "cache")
    assert sorted(p.name for p in base.iterdir()) == sorted(before_outside + ["cache"])
    assert "outside-the-folder.txt" in before_outside  # the symlink's target, never published
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    site = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)
    return project, build, site


def test_a_tampered_manifest_is_reported_and_never_obeyed(hostile_site):
    project, build, site = hostile_site
    assert (project / "mkdocs.yml").is_file() and (project.parent / "outside-the-folder.txt").is_file()
    assert f"warning: {project / 'docs' / TAMPERED_MANIFEST}: manifest ignored" in build.stderr
    files = json.loads((project / "docs" / TAMPERED_MANIFEST).read_text(encoding="utf-8"))["files"]
    assert files and not any(".." in rel for rel in files)


def briefing_page(project: Path, stem: str) -> tuple[str, Page]:
    from generator.inputs.text import slugify

    html = (project / "site" / "briefings" / slugify(stem) / "index.html").read_text(encoding="utf-8")
    return html, Page(html)


def test_build_names_every_refused_file_and_builds_the_rest(hostile_site):
    project, build, _ = hostile_site
    output = build.stdout + build.stderr
    assert build.returncode == 3, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(REFUSED), errors
    for name, message in REFUSED.items():
        assert any(name in line and message in line for line in errors), (name, errors)
    from generator.inputs.text import slugify

    articles = sorted(p.name for p in HOSTILE.glob("*.txt")) + [
        EXAMPLE.name, "latin-1.txt", "utf16-bom.txt", "giant-paragraph.txt", ODD_NAME]
    pages = {p.name for p in (project / "docs" / "briefings").iterdir()}
    for name in articles:
        stem = Path(name).stem
        if name in REFUSED:
            assert f"{slugify(stem)}.md" not in pages
        else:
            assert {f"{slugify(stem)}.md", f"{slugify(stem)}.json"} <= pages, name
    assert f"{sum(name not in REFUSED for name in articles) + OTHER_BRIEFINGS} briefings" in output
    assert not any("link-outside" in name or "private" in name for name in pages)


def test_site_builds_strictly_with_zero_warnings(hostile_site):
    project, _, site = hostile_site
    output = site.stdout + site.stderr
    assert site.returncode == 0, output
    assert "WARNING" not in output and "Traceback" not in output
    assert (project / "site" / "index.html").is_file()


def test_no_article_markup_is_live_anywhere_in_the_site(hostile_site):
    project, _, site = hostile_site
    assert site.returncode == 0
    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = Page(html)
        for tag, attrs in page.tags:
            assert tag not in ("iframe", "object", "embed", "frame", "base"), (path, tag)
            for name, value in attrs.items():
                assert not name.startswith("on"), (path, tag, name, value)
                if name in ("href", "src", "action", "formaction"):
                    assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), (path, value)
            if tag == "img":
                assert "evil.example" not in (attrs.get("src") or ""), path
        for script in page.scripts:
            assert "alert(" not in script and "document.cookie" not in script, (path, script[:200])
        assert "onerror=" not in html and "<style>body{display:none}" not in html, path
        assert 'href="javascript:' not in html.lower(), path


def test_html_and_markdown_are_shown_as_text(hostile_site):
    project, _, _ = hostile_site
    _, html_page = briefing_page(project, "html-script")
    assert "<script>alert(document.cookie)</script>" in html_page.body_text
    assert "<img src=x onerror=alert(1)>" in html_page.body_text
    _, md_page = briefing_page(project, "markdown-javascript")
    assert "[officials said](javascript:alert('x'))" in md_page.body_text
    assert "# Not a heading" in md_page.body_text
    assert not any(tag == "h1" and "Not a heading" in str(attrs) for tag, attrs in md_page.tags)


def test_jinja_in_an_article_is_text_not_template_code(hostile_site):
    project, _, _ = hostile_site
    html, page = briefing_page(project, "jinja-syntax")
    assert "{{ 7*7 }}" in page.body_text
    assert "{% for x in range(3) %}" in page.body_text
    assert "{{ config.__class__.__init__.__globals__ }}" in page.body_text
    assert "49" not in page.body_text
    assert "loop loop loop" not in page.body_text
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "{{ 7*7 }}" in title.replace("&#123;", "{").replace("&#125;", "}")


def test_path_like_title_and_odd_file_name_stay_inside_the_site(hostile_site):
    project, _, _ = hostile_site
    _, page = briefing_page(project, "path-headline")
    assert "../../etc/passwd" in page.body_text
    site = (project / "site").resolve()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site)
        assert re.fullmatch(r"[A-Za-z0-9._\-/]+", path.relative_to(site).as_posix()), path
    _, odd = briefing_page(project, Path(ODD_NAME).stem)
    assert "Colony on Mars holds first election" in odd.body_text


def test_encodings_unbalanced_quotes_dates_and_duplicates_give_sane_briefings(hostile_site):
    project, _, _ = hostile_site
    docs = project / "docs" / "briefings"

    def twin(stem: str) -> dict:
        return json.loads((docs / f"{stem}.json").read_text(encoding="utf-8"))

    latin = twin("latin-1")
    assert latin["headline"] == "Caf\u00e9 owners in Z\u00fcrich protest"
    assert any("Windows-1252" in w for w in latin["warnings"])
    utf16 = twin("utf16-bom")
    assert utf16["headline"] == "Caf\u00e9 owners in Geneva rally" and utf16["date"] == "2022-05-09"
    assert "\u201cC'est fini,\u201d" in utf16["paragraphs"][0]
    assert twin("invalid-date")["date"] is None
    assert any("not a real calendar date" in w for w in twin("invalid-date")["warnings"])
    assert twin("future-date")["date"] == "2999-01-01"
    assert any("in the future" in w for w in twin("future-date")["warnings"])
    quotes = twin("quotes-unbalanced")
    assert len(quotes["paragraphs"]) == 5 and quotes["summary"]
    giant = twin("giant-paragraph")
    assert len(giant["paragraphs"]) == 1 and len(giant["paragraphs"][0]) > GIANT_PARAGRAPH_BYTES * 0.9
    assert 1 <= len(giant["summary"]) <= 5
    a, b = twin("same-title-a"), twin("same-title-b")
    assert a["headline"] == b["headline"] == "Storm hits coast" and a["date"] == b["date"]
    _, page_a = briefing_page(project, "same-title-a")
    _, page_b = briefing_page(project, "same-title-b")
    assert "Maine" in page_a.body_text and "Florida" in page_b.body_text
    _, warned = briefing_page(project, "invalid-date")
    assert "not a real calendar date" in warned.body_text


def test_web_pages_feeds_and_exports_give_sane_briefings(hostile_site):
    project, _, _ = hostile_site
    docs = project / "docs" / "briefings"

    def twin(stem: str) -> dict:
        return json.loads((docs / f"{stem}.json").read_text(encoding="utf-8"))

    page = twin("hostile-page")
    assert page["headline"] == "Bridge {{ 7*7 }} inspection finds cracks" and page["url"] is None
    assert page["paragraphs"][0].startswith("Engineers inspecting the Millbrook road bridge")
    assert not any("alert(" in p or "injected by script" in p for p in page["paragraphs"])
    _, html_page = briefing_page(project, "hostile-page")
    assert "{{ 7*7 }}" in html_page.body_text and "49 inspection" not in html_page.body_text
    big = twin("twenty-mb-page")
    assert big["headline"] == "Night trains return" and len(big["paragraphs"]) == 2
    twins = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(docs.glob("[!.]*.json"))]
    entries = [t for t in twins if t["source"] == "hostile-feed.rss"]
    assert len(entries) == 2
    council = next(e for e in entries if e["date"] == "2023-05-10")
    assert council["url"] == "https://hostile.example.org/a?b=%22%3E%3Cscript%3Ealert%281%29%3C/script%3E"
    assert council["authors"] == ["Pat Quinn"] and "passwd" not in json.dumps(entries)
    html = (project / "site" / "briefings" / council["slug"] / "index.html").read_text(encoding="utf-8")
    links = [attrs.get("href") for tag, attrs in Page(html).tags if tag == "a"]
    assert council["url"] in links  # the original, as a plain http(s) link
    assert "Hostile Wire <script>alert('feed')</script> {{ 7*7 }}" in Page(html).body_text
    port = next(e for e in twins if e["source"] == "hostile.jsonl" and e["date"] == "2023-07-01")
    assert port["url"] is None and port["publisher"] == "<b>Harbour</b> Times"
    _, port_page = briefing_page(project, port["slug"])
    assert "Port ‹script›alert('jsonl')‹/script› strike {{ 7*7 }} ends" in port_page.body_text  # heading filter
    assert "<img src=x onerror=alert(1)> The union's leader" in port_page.body_text


def test_giant_paragraph_300kb(tmp_path, nlp):
    """The brief's size: one 300 KB paragraph (well under the 2 MB limit) becomes a briefing.

    About 20 s here, nearly all of it spaCy parsing 56,000 tokens; every extractor is linear in
    the paragraph's length (they were quadratic once: 150 s)."""
    from generator import gazetteer
    from generator import nlp as nlp_module
    from generator.inputs.text import read_article
    from generator.briefing import make_briefing
    from generator.render import render_briefing

    path = tmp_path / "giant.txt"
    path.write_text(" date 2022-05-11 One giant paragraph\n\n" + giant_paragraph(300_000) + "\n",
                    encoding="utf-8")
    article = read_article(path)
    assert len(article.paragraphs) == 1
    briefing = make_briefing(article, nlp_module.parse(article), gazetteer.load())
    page = render_briefing(briefing)
    assert 1 <= len(briefing.summary) <= 5
    assert page.count('<p id="p1">') == 1


# --- no data loss -------------------------------------------------------------------------------

SMALL = ("same-title-a.txt", "invalid-date.txt", "quotes-unbalanced.txt")


@pytest.fixture()
def small(tmp_path, monkeypatch):
    """A folder of three small articles, an empty docs/ beside it and a private cache."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in SMALL:
        shutil.copy(HOSTILE / name, articles / name)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    return articles, tmp_path / "docs"


def build(articles: Path, docs: Path, *extra: str):
    result = CliRunner().invoke(main, ["build", "--articles", str(articles), "--docs", str(docs),
                                       "--jobs", "1", *extra])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_a_home_page_a_person_wrote_is_never_overwritten(small):
    articles, docs = small
    docs.mkdir()
    (docs / "index.md").write_text("# Our newsroom\n\nWritten by hand.\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    before = tree(docs)
    result = build(articles, docs)
    assert result.exit_code == 2  # nothing written
    assert str(docs / "index.md") in result.output
    assert "was not written by the generator" in result.output
    assert tree(docs) == before  # refused before writing anything


@pytest.mark.parametrize("rel", ["briefings/same-title-a.md", "briefings/same-title-a.json",
                                 "people/tom-baker.md"])
def test_a_hand_written_file_where_a_page_goes_is_refused_by_name(small, rel):
    articles, docs = small
    target = docs / rel
    target.parent.mkdir(parents=True)
    target.write_text("hand written\n", encoding="utf-8")
    before = tree(docs)
    result = build(articles, docs)
    assert result.exit_code == 2  # nothing written
    assert str(target) in result.output and "error:" in result.output
    assert tree(docs) == before


def test_hand_written_files_in_the_generators_folders_survive_every_rebuild(small):
    articles, docs = small
    assert build(articles, docs).exit_code == 0
    notes = {docs / "briefings" / "notes.md": "# Notes\n", docs / "people" / "README.md": "# People\n",
             docs / "briefings" / "data.json": "{}\n", docs / "about.md": "# About\n"}
    for path, text in notes.items():
        path.write_text(text, encoding="utf-8")
    for name in SMALL:  # every article deleted: all generated briefing pages go, the notes stay
        (articles / name).unlink()
    result = build(articles, docs)
    assert result.exit_code == 0, result.output
    for path, text in notes.items():
        assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in (docs / "briefings").iterdir()) == [".generated.json", "data.json", "notes.md"]


def test_same_input_gives_byte_identical_output(small, tmp_path, monkeypatch):
    articles, docs = small
    shutil.copy(EXAMPLE, articles / EXAMPLE.name)
    assert build(articles, docs).exit_code == 0  # fresh extraction
    first = tree(docs)
    assert len(first) > 10
    again = build(articles, docs)
    assert "0 written" in again.output and "0 removed" in again.output
    assert tree(docs) == first
    other = tmp_path / "docs-again"
    assert build(articles, other).exit_code == 0  # from the cache, into a new folder
    assert tree(other) == first
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache-2"))
    fresh = tmp_path / "docs-fresh"
    assert "0 cached" in build(articles, fresh).output
    assert tree(fresh) == first


def test_a_deleted_articles_pages_disappear_on_rebuild(small):
    articles, docs = small
    assert build(articles, docs).exit_code == 0
    assert (docs / "briefings" / "quotes-unbalanced.md").exists()
    assert (docs / "people" / "tom-baker.md").exists()  # only quoted in quotes-unbalanced
    (articles / "quotes-unbalanced.txt").unlink()
    result = build(articles, docs)
    assert result.exit_code == 0
    assert "0 removed" not in result.output
    assert not (docs / "briefings" / "quotes-unbalanced.md").exists()
    assert not (docs / "briefings" / "quotes-unbalanced.json").exists()
    assert not (docs / "people" / "tom-baker.md").exists()
    for path in docs.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "quotes-unbalanced" not in text and "Tom Baker" not in text, path
    assert (docs / "briefings" / "same-title-a.md").exists()


def test_two_jobs_give_the_same_bytes_as_one(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in (*SMALL, "html-script.txt", "jinja-syntax.txt", "same-title-b.txt"):
        shutil.copy(HOSTILE / name, articles / name)
    shutil.copy(EXAMPLE, articles / EXAMPLE.name)
    trees = []
    for jobs in ("1", "2"):
        docs = tmp_path / f"docs-{jobs}"
        done = run_briefing("build", "--articles", str(articles), "--docs", str(docs), "--jobs", jobs,
                            cwd=tmp_path, cache=tmp_path / f"cache-{jobs}")
        assert done.returncode == 0, done.stderr
        assert "0 cached" in done.stderr
        trees.append(tree(docs))
    assert len(trees[0]) > 10
    assert trees[0] == trees[1]


def test_a_worker_that_dies_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    from generator import build as build_module

    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("same-title-a.txt", "same-title-b.txt"):
        shutil.copy(HOSTILE / name, articles / name)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(build_module, "extract_one", _die, raising=True)
    monkeypatch.setattr(build_module, "warm_worker", _no_warm_up, raising=True)
    result = CliRunner().invoke(main, ["build", "--articles", str(articles), "--docs", str(tmp_path / "docs"),
                                       "--jobs", "2"])
    assert result.exit_code == 2  # every article failed: nothing written
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert "no article could be extracted" in result.output
    assert re.search(r"error: .*same-title-a.txt: .*worker process", result.output), result.output


def test_a_broken_environment_never_wipes_the_site(tmp_path, monkeypatch):
    from generator import build as build_module

    articles, docs = tmp_path / "articles", tmp_path / "docs"
    articles.mkdir()
    for name in ("same-title-a.txt", "same-title-b.txt"):
        shutil.copy(HOSTILE / name, articles / name)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    assert CliRunner().invoke(main, ["build", "--articles", str(articles), "--docs", str(docs),
                                     "--jobs", "1"]).exit_code == 0
    before = tree(docs)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cold-cache"))  # everything must be extracted
    monkeypatch.setattr(build_module, "extract_one", lambda path: {"error": "the model could not be loaded"})
    result = CliRunner().invoke(main, ["build", "--articles", str(articles), "--docs", str(docs), "--jobs", "1"])
    assert result.exit_code == 2
    assert "nothing was written" in result.output
    assert tree(docs) == before


def _no_warm_up() -> None:
    """Module-level, so worker processes (started clean by the forkserver) can import it."""


def _die(path: Path) -> dict:
    os._exit(3)  # what the OOM killer or a crash in native code looks like from the pool
