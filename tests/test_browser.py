"""The built site in headless Chromium: search, a briefing, the map, and a hostile page.

Needs Debian's chromium (`apt-get install -y chromium`) and pip playwright; Playwright's own
browser download is not used. Skipped cleanly when either is missing.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.render import slugify
from tests.conftest import HOSTILE_SLUG

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000

pytestmark = pytest.mark.browser
if os.environ.get("BRIEFING_REQUIRE_BROWSER"):  # CI: a missing browser is a failure, not a skip
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing (apt-get install -y chromium)"
    import playwright.sync_api as sync_api  # noqa: F401
else:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_under_site_path(site: Path, root: Path):
    """Serve a built site at http://127.0.0.1:PORT/briefings/ (the path of its site_url, as on
    GitHub project pages); yields the site's URL."""
    shutil.copytree(site, root / "briefings")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(root)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}/briefings/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def served(example_site, tmp_path_factory):
    """The example site (MkDocs, indexed by Pagefind) served under its site_url's path."""
    project, briefings, result, _ = example_site
    assert result.returncode == 0, result.stdout + result.stderr
    for url in serve_under_site_path(project / "site", tmp_path_factory.mktemp("www")):
        yield url, briefings


@pytest.fixture(scope="module")
def served_zensical(zensical_site, tmp_path_factory):
    """The same site built by Zensical and indexed by Pagefind."""
    project, briefings, result = zensical_site
    assert result.returncode == 0, result.stdout + result.stderr
    for url in serve_under_site_path(project / "site", tmp_path_factory.mktemp("www-zensical")):
        yield url, briefings


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A page that blocks every request off 127.0.0.1 (map tiles) and records console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        "http://127.0.0.1") else route.abort())
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda m: m.type == "error" and "net::ERR_FAILED" not in m.text
           and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()


def search_for(page, base: str, query: str) -> None:
    """Open the home page, type `query` into the header's search box, wait for results."""
    page.goto(base, wait_until="networkidle")
    box = page.locator(".briefing-search__input")
    box.click()
    box.type(query, delay=30)
    # the results of the whole query: on a slow machine a pause between keys shows a part's first
    try:
        page.wait_for_function("""(query) => { const list = document.querySelector('.briefing-search__results');
            return list && list.dataset.query === query && list.querySelector('.briefing-search__result'); }""",
                               arg=query, timeout=TIMEOUT_MS)
    except Exception as exc:  # say what the box showed instead
        seen = page.evaluate("""() => ({value: document.querySelector('.briefing-search__input').value,
            status: (document.querySelector('.briefing-search__status') || {}).textContent,
            shows: (document.querySelector('.briefing-search__results') || {dataset: {}}).dataset.query})""")
        raise AssertionError(f"no results for {query!r}: {seen}, errors {page.errors}") from exc


def shown(page) -> list[dict[str, str]]:
    """The results on screen: link, date line, headline, snippet (and its highlights)."""
    return page.evaluate("""() => [...document.querySelectorAll('.briefing-search__result')].map(li => ({
        href: li.querySelector('a').getAttribute('href'),
        date: li.querySelector('.briefing-search__date').textContent,
        where: (li.querySelector('.briefing-search__where') || {textContent: ''}).textContent,
        title: li.querySelector('.briefing-search__title').textContent,
        snippet: li.querySelector('.briefing-search__snippet').textContent,
        marks: [...li.querySelectorAll('.briefing-search__snippet mark')].map(m => m.textContent)}))""")


def wait_for_change(page, before: list[dict[str, str]]) -> list[dict[str, str]]:
    page.wait_for_function("""(before) => { const s = document.querySelector('.briefing-search__status');
        const hrefs = [...document.querySelectorAll('.briefing-search__result a')].map(a => a.getAttribute('href'));
        return s && !/Searching/.test(s.textContent) && JSON.stringify(hrefs) !== JSON.stringify(before); }""",
                           arg=[r["href"] for r in before], timeout=TIMEOUT_MS)
    return shown(page)


def test_search_ranks_the_persons_page_then_the_briefings_quoting_them(served, page):
    base, briefings = served
    speaker = "Amara Okafor"
    quoting = {b.headline: b for b in briefings if any(q.speaker == speaker for q in b.quotes)}
    search_for(page, base, speaker)
    results = shown(page)
    # the person's own page first, under the site's path (relative URLs, any base path)
    assert results[0]["href"] == f"/briefings/people/{slugify(speaker)}/"
    assert results[0]["date"] == "Person" and results[0]["title"] == speaker
    # then the briefings that quote her, each with its date, headline and the matching passage
    briefing_hits = results[1:1 + len(quoting)]
    assert {r["title"] for r in briefing_hits} == set(quoting)
    for r in briefing_hits:
        assert r["date"] == quoting[r["title"]].date
        assert "Amara" in r["marks"] or "Okafor" in r["marks"], r
        assert r["href"].startswith("/briefings/briefings/")
    assert page.errors == []


def test_filters_narrow_the_results_and_a_result_opens(served, page):
    base, briefings = served
    search_for(page, base, "Amara Okafor")
    before = shown(page)
    # a place chip: only results about that place remain
    chip = page.locator(".briefing-search__facet[data-filter='place'] .briefing-search__chip").first
    place = chip.get_attribute("data-value")
    chip.click()
    narrowed = wait_for_change(page, before)
    about = {b.headline for b in briefings if place in {loc.name for loc in [*b.locations, *b.implied_places]}}
    assert narrowed and all(r["title"] in about or r["title"] == place for r in narrowed), (place, narrowed)
    assert page.locator(".briefing-search__chip--active[data-filter='place']").count() == 1
    # removing it brings the others back; a month chip keeps that month's briefings only
    page.locator(".briefing-search__chip--active[data-filter='place']").click()
    again = wait_for_change(page, narrowed)
    assert [r["href"] for r in again] == [r["href"] for r in before]
    month_chip = page.locator(".briefing-search__facet[data-filter='month'] .briefing-search__chip").first
    month = month_chip.get_attribute("data-value")
    month_chip.click()
    in_month = wait_for_change(page, again)
    assert in_month and all(r["date"].startswith(month) for r in in_month), in_month
    page.locator(".briefing-search__chip--active[data-filter='month']").click()
    wait_for_change(page, in_month)
    # in quotes: every result links to its briefing's quotes and shows a quote as the snippet
    page.select_option(".briefing-search__section-select", "key-quotes")
    quoted = wait_for_change(page, before)
    assert quoted and all(r["href"].endswith("#key-quotes") and r["where"] == " · Key quotes" for r in quoted)
    assert all("“" in r["snippet"] for r in quoted)
    # a result opens its briefing at the quotes
    target = quoted[0]
    page.locator(".briefing-search__result a").first.click()
    page.wait_for_selector("#p1", timeout=TIMEOUT_MS)
    assert page.url.endswith(target["href"].split("/briefings/", 1)[1]) or "#key-quotes" in page.url
    assert page.locator("article h1").first.inner_text().rstrip("¶") == target["title"]
    assert page.locator(f"blockquote a[href*='people/{slugify('Amara Okafor')}/']").count() >= 1
    assert page.errors == []


def test_search_in_figures_and_open_questions(served, page):
    base, briefings = served
    b = next(x for x in briefings if x.figures and x.open_questions)
    word = max(b.figures[0].counts.split(), key=len)
    search_for(page, base, word)
    before = shown(page)
    page.select_option(".briefing-search__section-select", "figures")
    figures = wait_for_change(page, before)
    assert figures and all(r["href"].endswith("#figures") for r in figures)
    assert b.headline in {r["title"] for r in figures}
    assert page.errors == []


def test_search_works_on_the_zensical_site(served_zensical, page):
    base, briefings = served_zensical
    search_for(page, base, "Amara Okafor")
    results = shown(page)
    assert results[0]["href"] == "/briefings/people/amara-okafor/"
    page.locator(".briefing-search__result a").nth(1).click()
    page.wait_for_selector("#p1", timeout=TIMEOUT_MS)
    assert page.locator("article h1").first.inner_text().rstrip("¶") == results[1]["title"]
    assert page.errors == []


def test_map_page_has_a_marker_for_every_located_place(served, page):
    base, briefings = served
    located = {slugify(loc.name) for b in briefings for loc in [*b.locations, *b.implied_places]
               if loc.lat is not None}
    page.goto(base + "map/", wait_until="networkidle")
    page.wait_for_selector(".briefing-map.leaflet-container", timeout=TIMEOUT_MS)
    assert page.evaluate("() => window.L && L.version") == "1.9.4"
    assert page.locator(".briefing-map .leaflet-marker-icon").count() == len(located)
    page.locator(".briefing-map .leaflet-marker-icon").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=TIMEOUT_MS)
    assert popup.locator("a[href*='briefings/']").count() >= 1
    # without tiles the page still lists every place
    assert page.locator("table a[href*='places/']").count() == len(located)
    assert page.errors == []


def test_hostile_page_runs_no_script(served, page):
    base, _ = served
    page.on("dialog", lambda d: (page.errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(base + f"briefings/{HOSTILE_SLUG}/", wait_until="networkidle")
    page.wait_for_selector(".briefing-map.leaflet-container", timeout=TIMEOUT_MS)
    page.locator(".briefing-map .leaflet-marker-icon").first.click(force=True)
    page.locator(".leaflet-popup-content").wait_for(timeout=TIMEOUT_MS)
    page.hover("h1")
    page.mouse.move(5, 5)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned = 1; alert(1)</script>" in page.locator("#p1").inner_text()
    assert page.locator("article script, article img[src='x'], article iframe, article svg[onload]").count() == 0
    # search snippets come from index text: hostile text must stay text there too
    page.locator(".briefing-search__input").click()
    page.locator(".briefing-search__input").type("Mallory", delay=40)
    page.wait_for_selector(".briefing-search__result", timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator(".briefing-search__panel script, .briefing-search__panel img, "
                        ".briefing-search__panel b").count() == 0
    assert page.errors == []


def test_first_results_after_opening_a_page(served, page):
    """Time from opening a page to the first results (reported; the 10,000-briefing figure is in
    the bench)."""
    base, briefings = served
    start = time.time()
    search_for(page, base, "Amara Okafor")
    print(json.dumps({"briefings": len(briefings), "first_results_s": round(time.time() - start, 2)}))
    assert page.errors == []


def test_opened_from_a_file_the_search_box_says_how_to_serve_it(example_site, browser):
    project, _, result, _ = example_site
    assert result.returncode == 0
    context = browser.new_context()  # no routes: the page and its assets come from file://
    try:
        page = context.new_page()
        page.goto((project / "site" / "index.html").as_uri(), wait_until="load")
        box = page.locator(".briefing-search__input")
        box.click()
        box.type("harbour", delay=20)
        page.wait_for_function("() => /served over http/.test("
                               "(document.querySelector('.briefing-search__status') || {}).textContent)",
                               timeout=TIMEOUT_MS)
        assert "python3 -m http.server" in page.locator(".briefing-search__status").inner_text()
    finally:
        context.close()
