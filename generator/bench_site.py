"""The site at scale, for `python -m generator.bench`: generator builds (cold, nothing changed, one
article changed) with the main process's peak memory, the engine's build, the Pagefind index, and
in Chromium the time from opening a page to the first search results and the bytes it downloads.

Each build runs as its own process (`python -m generator build`), so its peak memory is its own
(sampled from /proc; extraction workers are separate processes and are not counted). With
`synthetic`, the extraction cache is seeded from one extraction per source text (the copy's
date, file name and page name put in), so 10,000 or 30,000 briefings build without parsing each:
the cold row then times everything but extraction, whose cost per article the bench measures
separately.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.build import article_files, cache_key, code_fingerprint, extract_all, write_cache

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHANGED_RUNS = 5  # rebuilds after one changed article, each of another article
SEARCH_RUNS = 5
FIRST_RESULT_CLOCK = """new MutationObserver(function (_, observer) {
  if (document.querySelector(".briefing-search__result")) { window.__firstResult = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true});"""


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]) / 1024
    except (OSError, StopIteration, ValueError):
        return 0.0


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for t in Path(f"/proc/{pid}/task").iterdir()
                for p in (t / "children").read_text().split()]
    except OSError:
        return []


def run_measured(command: list[str], env: dict[str, str], cwd: Path | None = None,
                 log: list[str] | None = None) -> tuple[float, float, float, float]:
    """Seconds, CPU seconds (the process and the children it waited for), peak memory of the
    process itself and of it with all its children (MB). CPU time is the steadier figure on a
    shared machine: other work stretches the wall clock, not the CPU a build needs."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main_peak = tree_peak = 0.0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        main = _rss_mb(proc.pid)
        pending, total = _children(proc.pid), main
        while pending:
            child = pending.pop()
            total += _rss_mb(child)
            pending += _children(child)
        main_peak, tree_peak = max(main_peak, main), max(tree_peak, total)
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if log is not None:
        log.append(proc.stderr.read().decode("utf-8", "replace"))
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, main_peak, tree_peak


def seed_cache(articles: Path, cache: Path, texts: list[str], jobs: int, work: Path) -> int:
    """Extract each source text once; give every copy in `articles` its source's briefing with the
    copy's own date, file name and page name, in the cache the build reads. Returns the count."""
    from generator.bench import make_corpus
    from generator.inputs.text import read_article

    base = work / "synthetic-sources"
    if not base.exists():
        make_corpus(base, len(texts), texts)
    cache_of_sources = work / "synthetic-briefings.json"
    if cache_of_sources.exists():
        briefings = json.loads(cache_of_sources.read_text(encoding="utf-8"))
    else:
        paths = article_files(base)
        results = extract_all(paths, jobs, lambda n: None)
        briefings = [results[p].get("briefing") for p in paths]
        cache_of_sources.write_text(json.dumps(briefings, ensure_ascii=False), encoding="utf-8")
    fingerprint = code_fingerprint()
    count = 0
    for i, path in enumerate(article_files(articles)):
        source = briefings[i % len(briefings)]
        if source is None:
            continue
        article = read_article(path)
        briefing = {**source, "source": article.source, "slug": article.slug, "date": article.date}
        write_cache(cache / f"{cache_key(path, fingerprint)}.json", {"briefing": briefing})
        count += 1
    return count


def bench_search(site: Path, query: str, port: int = 8791) -> list[tuple[str, str]]:
    """Median of SEARCH_RUNS fresh visits: page open -> first result shown, and bytes downloaded."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return [("search in the browser", "skipped (pip playwright missing)")]
    if not CHROMIUM.exists():
        return [("search in the browser", f"skipped ({CHROMIUM} missing)")]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times, in_page, query_bytes, page_bytes = [], [], [], []
    try:
        time.sleep(1.0)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for _ in range(SEARCH_RUNS):
                context = browser.new_context()  # a fresh cache: every visit downloads what it needs
                page = context.new_page()
                # the page's own clock when the first result is inserted (from the navigation's
                # start): the same moment without the driver's round trips, which on a busy
                # machine add a few hundred milliseconds to the outside measure
                page.add_init_script(FIRST_RESULT_CLOCK)
                sizes: list[tuple[str, int]] = []
                page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"])))
                started = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/about/", wait_until="domcontentloaded")
                box = page.locator(".briefing-search__input")
                box.fill(query)
                page.wait_for_selector(".briefing-search__result", timeout=120_000)
                times.append(time.perf_counter() - started)
                in_page.append(page.evaluate("window.__firstResult") / 1000)
                page.wait_for_load_state("networkidle")
                query_bytes.append(sum(size for url, size in sizes if "/pagefind/" in url))
                page_bytes.append(sum(size for _, size in sizes))
                context.close()
            browser.close()
    except Exception as exc:  # noqa: BLE001 - a failed measurement is a row, not a lost benchmark
        return [("search in the browser", f"failed ({type(exc).__name__}: {exc})")]
    finally:
        server.terminate()
        server.wait(timeout=10)
    return [(f"search: page open -> first results for {query!r} (median of {SEARCH_RUNS})",
             f"{statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})"),
            ("search: the same, on the page's own clock (navigation start -> first result inserted)",
             f"{statistics.median(in_page):.2f} s (runs: {', '.join(f'{t:.2f}' for t in in_page)})"),
            ("search: bytes of the index downloaded for that query", f"{statistics.median(query_bytes) / 1024:.0f} KB"),
            ("search: bytes of the whole visit (page, theme, index)", f"{statistics.median(page_bytes) / 1024:.0f} KB")]


def warm_rebuild_rows(label: str, articles: Path, docs: Path, env: dict[str, str]) -> list[tuple[str, str]]:
    """A one-article rebuild in a process that already has the model loaded, as `briefing serve`
    rebuilds (its first build loaded it): the generator's own cost without spaCy's start-up."""
    result = subprocess.run([sys.executable, "-m", "generator.bench_site", "warm", str(articles), str(docs)],
                            env=env, capture_output=True, text=True)
    if result.returncode:
        return [(f"{label}: rebuild, one article changed, model loaded (briefing serve)",
                 f"failed: {result.stderr[-300:]}")]
    return [(f"{label}: rebuild, one article changed, model loaded (briefing serve)", result.stdout.strip())]


def _warm_rebuild(articles: Path, docs: Path) -> str:
    import resource

    from generator.build import run_build, warm_extraction

    run_build(articles, docs, jobs=1)  # as serve's first build: nothing changed since the last one
    warm_extraction()  # as serve does while it waits for the first change
    one = article_files(articles)[len(article_files(articles)) // 3]
    one.write_text(one.read_text(encoding="utf-8") + f"\nA paragraph added at {time.time():.0f}.\n", encoding="utf-8")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    report = run_build(articles, docs, jobs=1)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    return f"{seconds:.2f} s, {cpu:.2f} s CPU ({report.extracted} extracted, {report.site.written} pages written)"


def bench_site(n: int, texts: list[str], work: Path, synthetic: bool = False, query: str = "Putin",
               show: Callable[[list[tuple[str, str]]], None] | None = None) -> list[tuple[str, str]]:
    """The rows for a site of n briefings; each also goes to `show` as soon as it is measured."""
    from generator.bench import make_corpus, site_project

    class Rows(list):
        def append(self, row: tuple[str, str]) -> None:
            super().append(row)
            if show:
                show([row])

        def __iadd__(self, more):  # type: ignore[override]
            for row in more:
                self.append(row)
            return self

    project = site_project(work / f"site-{n}")
    articles = project / "articles"
    cache = project / ".cache"
    jobs = os.cpu_count() or 1
    make_corpus(articles, n, texts)
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    label = f"N={n}"
    rows: list[tuple[str, str]] = Rows()
    if synthetic:
        started = time.perf_counter()
        seeded = seed_cache(articles, cache, texts, jobs, work)
        rows.append((f"{label}: synthetic briefings seeded into the cache", f"{seeded} in {time.perf_counter() - started:.0f} s"))
    build = [sys.executable, "-m", "generator", "-v", "build", "--articles", str(articles), "--docs",
             str(project / "docs"), "--jobs", str(jobs)]
    cold, cold_cpu, cold_mb, _ = run_measured(build, env)
    kind = "extraction cached (synthetic)" if synthetic else f"{jobs} workers"
    rows += [(f"{label}: briefing build, cold ({kind})",
              f"{cold:.1f} s, {cold_cpu:.1f} s CPU ({1000 * cold_cpu / n:.1f} ms CPU/briefing)"),
             (f"{label}: briefing build, main process peak memory", f"{cold_mb:.0f} MB")]
    again, again_cpu, again_mb, _ = run_measured(build, env)
    rows.append((f"{label}: rebuild, nothing changed (generator)", f"{again:.2f} s, {again_cpu:.2f} s CPU, {again_mb:.0f} MB"))
    runs, splits = [], []
    for i in range(CHANGED_RUNS):  # a different article each time, one paragraph appended
        one = article_files(articles)[(n // 2 + i * 997) % n]
        one.write_text(one.read_text(encoding="utf-8") + "\nOne more paragraph was added.\n", encoding="utf-8")
        log: list[str] = []
        runs.append(run_measured(build, env, log=log))
        split = re.search(r"timing: articles ([\d.]+) s .*site ([\d.]+) s", log[0])
        splits.append(f"{split.group(1)} / {split.group(2)} s" if split else "?")
    wall = statistics.median(run[0] for run in runs)
    rows += [(f"{label}: rebuild, one article changed (generator, its extraction included; median of {CHANGED_RUNS})",
              f"{wall:.2f} s (runs: {', '.join(f'{r[0]:.2f}' for r in runs)}), CPU "
              f"{', '.join(f'{r[1]:.2f}' for r in runs)} s, {max(r[2] for r in runs):.0f} MB"),
             (f"{label}: of which reading and extracting / writing the site", ", ".join(splits))]
    rows += warm_rebuild_rows(label, articles, project / "docs", env)
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    rows.append((f"{label}: pages in docs/", str(pages)))
    site = project / "site"
    seconds, cpu, mk_mb, _ = run_measured([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                                           "-d", str(site)], env)
    rows += [(f"{label}: mkdocs build", f"{seconds:.1f} s, {cpu:.1f} s CPU, {mk_mb:.0f} MB")]
    seconds, cpu, _, index_tree = run_measured([sys.executable, "-m", "generator", "index", str(site)], env)
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in bundle)
    rows += [(f"{label}: briefing index (Pagefind)", f"{seconds:.1f} s, {cpu:.1f} s CPU, {index_tree:.0f} MB with its binary"),
             (f"{label}: search index on disk", f"{size / 1e6:.1f} MB in {len(bundle)} files "
                                               f"({size / n / 1024:.1f} KB/briefing)")]
    load = os.getloadavg()[0]
    rows.append((f"{label}: machine load (1-minute average) before the browser runs", f"{load:.1f} on {jobs} cores"))
    rows += [(f"{label}: {name}", value) for name, value in bench_search(site, query)]
    return rows


if __name__ == "__main__":  # python -m generator.bench_site warm ARTICLES DOCS (run by warm_rebuild_rows)
    if sys.argv[1:2] == ["warm"]:
        print(_warm_rebuild(Path(sys.argv[2]), Path(sys.argv[3])))
