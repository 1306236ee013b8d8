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


@pytest.fixture(scope="module")
def served(example_site, tmp_path_factory):
    """The example site served under the path of its site_url, so instant navigation works."""
    project, briefings, result, _ = example_site
    assert result.returncode == 0, result.stdout + result.stderr
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(project / "site", root / "briefings")  # site_url path: /briefings/
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
        yield f"http://127.0.0.1:{port}/briefings/", briefings
    finally:
        server.terminate()
        server.wait(timeout=10)


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


def test_search_for_a_quoted_person_leads_to_the_briefing(served, page):
    base, briefings = served
    speaker = next(q.speaker for b in briefings for q in b.quotes if q.speaker == "Amara Okafor")
    page.goto(base, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    page.wait_for_function("""() => { const m = document.querySelector('.md-search-result__meta');
                                      return m && !/Initializ/i.test(m.textContent); }""",
                           timeout=TIMEOUT_MS)
    search.type(speaker, delay=40)
    page.wait_for_selector("li.md-search-result__item", timeout=TIMEOUT_MS)
    links = page.locator("li.md-search-result__item a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    # the site lives under /briefings/ (its site_url), briefing pages under /briefings/briefings/
    target = next(i for i, h in enumerate(hrefs) if re.search(r"briefings/\d{4}-\d\d-\d\d-", h))
    links.nth(target).click()
    page.wait_for_selector("#p1", timeout=TIMEOUT_MS)
    assert re.search(r"/briefings/briefings/\d{4}-", page.url)
    quoted = [b for b in briefings if any(q.speaker == speaker for q in b.quotes)]
    assert page.locator("article h1").first.inner_text().rstrip("¶") in {b.headline for b in quoted}
    assert page.locator(f"blockquote a[href*='people/{slugify(speaker)}/']").count() >= 1
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
    # search results render index text as HTML: hostile text must stay text there too
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").type("Mallory", delay=40)
    page.wait_for_selector("li.md-search-result__item", timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.errors == []


def test_search_index_loads_fast(served, page):
    """Time from opening search to a ready index (reported; a 1,000-briefing figure is in the bench)."""
    base, briefings = served
    page.goto(base, wait_until="networkidle")
    start = time.time()
    page.locator("input.md-search__input").click()
    page.wait_for_function("""() => { const m = document.querySelector('.md-search-result__meta');
                                      return m && !/Initializ/i.test(m.textContent); }""",
                           timeout=TIMEOUT_MS)
    ready = time.time() - start
    print(json.dumps({"briefings": len(briefings), "search_ready_s": round(ready, 2)}))
    assert page.errors == []
