"""Benchmark: extraction speed, full and incremental builds, search index size, memory.

    python -m generator.bench [N ...] [--source DIR ...] [--keep DIR] [--synthetic] [--site-only]

Makes a corpus of N distinct articles by varying real ones (the articles/ folder and any
--source folders): each copy gets its own date and a rotated paragraph order, so every copy
is a cache miss and parses like a real article. Prints one table; docs/performance.md has the
method and the latest numbers. Nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.bench_huge import bench_huge_article
from generator.bench_site import bench_site
from generator.build import article_files, discover, extract_all, warm_worker
from generator.inputs import input_kind, read_one
from generator.inputs.text import read_article

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION_SAMPLE = 200  # articles timed for extraction speed (enough to amortise worker start-up)
SECTION_SAMPLE = 40  # articles timed section by section
LONG_PARAGRAPH = 300_000  # characters in the one-paragraph article


def source_texts(folders: list[Path]) -> list[str]:
    """The body text of every readable article in the folders."""
    texts = []
    for folder in folders:
        # .txt only: the small examples of the other input kinds in articles/ would change the
        # corpus, and so every number, against earlier runs
        for path in (p for p in article_files(folder) if input_kind(p) == "text"):
            try:
                article = read_article(path)
            except Exception:  # noqa: BLE001 - a bad source file is just not used
                continue
            texts.append("\n\n".join([article.headline, *article.paragraphs]))
    if not texts:
        raise SystemExit("no source articles found")
    return texts


def make_corpus(folder: Path, n: int, texts: list[str]) -> None:
    """Write n distinct article files into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2020, 1, 1)
    for i in range(n):
        text = texts[i % len(texts)]
        paragraphs = text.split("\n\n")
        head, body = paragraphs[0], paragraphs[1:]
        shift = (i // len(texts)) % max(len(body), 1)
        body = body[shift:] + body[:shift]
        date = start + dt.timedelta(days=i % 1500)
        (folder / f"{date.isoformat()}-article-{i:05d}.txt").write_text(
            f" date {date.isoformat()} {head}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


def site_project(folder: Path) -> Path:
    """A copy of the project's site sources (mkdocs.yml, hand-written docs, hooks) in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("briefings", "places", "people", "organisations", "archive"))
    for extra in ("generator", "templates"):
        if not (folder / extra).exists():
            os.symlink(ROOT / extra, folder / extra)
    return folder


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def bench_extraction(texts: list[str], work: Path) -> list[tuple[str, str]]:
    folder = work / "extract"
    make_corpus(folder, EXTRACTION_SAMPLE, texts)
    paths = article_files(folder)
    warm_worker()  # the 1-worker run extracts in this process: load the model before timing it
    one, _ = timed(extract_all, paths, 1, lambda n: None)
    two, _ = timed(extract_all, paths, 2, lambda n: None)  # fresh worker processes, model load included
    worker_mb = worker_peak_mb(paths[:20])
    return [("extraction, 1 worker", f"{1000 * one / len(paths):.0f} ms/article"),
            ("extraction, 2 workers (their model load included)",
             f"{1000 * two / len(paths):.0f} ms/article ({one / two:.2f}x)"),
            ("peak memory per extraction worker", f"{worker_mb:.0f} MB")]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_peak_mb(paths: list[Path]) -> float:
    """Peak memory of a worker process after extracting articles, as the build starts them."""
    import concurrent.futures as cf
    import multiprocessing

    from generator.build import extract_one

    context = multiprocessing.get_context("forkserver")
    with cf.ProcessPoolExecutor(max_workers=1, initializer=warm_worker, mp_context=context) as pool:
        list(pool.map(extract_one, paths))
        return pool.submit(peak_rss_mb).result()


def section_functions() -> dict:
    """Each section's extractor as f(doc, article)."""
    from generator import gazetteer
    from generator.extract import dates, figures, persons, places, questions, quotes, summary

    gaz = gazetteer.load()
    return {
        "summary": lambda doc, a: summary.summarize(doc, a.headline),
        "quotes": lambda doc, a: quotes.extract_quotes(doc),
        "places": lambda doc, a: places.extract_locations(doc, gaz, dateline=a.dateline),
        "figures": lambda doc, a: figures.extract_figures(doc),
        "open questions": lambda doc, a: questions.extract_open_questions(doc),
        "people + organisations": lambda doc, a: (persons.extract_people(doc), persons.extract_organisations(doc)),
        "dates": lambda doc, a: dates.extract_dates(doc, a.date),
    }


def bench_long_paragraph(texts: list[str], size: int = LONG_PARAGRAPH) -> list[tuple[str, str]]:
    """Seconds per section for one article that is a single paragraph of `size` characters (the source
    articles run together): every extractor must stay linear in article length."""
    from generator import nlp
    from generator.inputs.text import parse_article

    text = " ".join(" ".join(t.split()) for t in texts)
    text = (text * (size // max(len(text), 1) + 1))[:size]
    article = parse_article(f" date 2022-04-12 {text}", source="long.txt", slug="long")
    seconds, doc = timed(nlp.parse, article)
    rows = [(f"long paragraph ({size // 1000} KB): parse", f"{seconds:.1f} s")]
    for name, fn in section_functions().items():
        rows.append((f"long paragraph ({size // 1000} KB): {name}", f"{timed(fn, doc, article)[0]:.2f} s"))
    return rows


def bench_sections(texts: list[str]) -> list[tuple[str, str]]:
    """Milliseconds per article for parsing and for each section's extractor, in this process."""
    from generator import nlp
    from generator.inputs.text import parse_article

    sections = {"parse (spaCy)": None, **section_functions()}
    spent = dict.fromkeys(sections, 0.0)
    sample = texts[:SECTION_SAMPLE]
    for i, text in enumerate(sample):
        article = parse_article(f" date 2022-04-12 {text}", source=f"{i}.txt", slug=str(i))
        seconds, doc = timed(nlp.parse, article)
        spent["parse (spaCy)"] += seconds
        for name, fn in sections.items():
            if fn is not None:
                spent[name] += timed(fn, doc, article)[0]
    return [(f"section: {name}", f"{1000 * total / len(sample):.1f} ms/article") for name, total in spent.items()]


def bench_inputs(work: Path, entries: int = 200) -> list[tuple[str, str]]:
    """Reading the other input kinds (no NLP): the example web page, and a feed of `entries`
    entries made from the example feed, discovered per entry as `briefing build` does."""
    import re

    page = ROOT / "articles" / "2023-10-17-lisbon-tram-fleet.html"
    rounds = 20
    seconds, _ = timed(lambda: [read_one(page) for _ in range(rounds)])
    feed_text = (ROOT / "articles" / "example-feed.rss").read_text(encoding="utf-8")
    item = re.search(r"<item>.*?</item>", feed_text, re.S).group(0)
    folder = work / "feed"
    folder.mkdir(parents=True, exist_ok=True)
    items = "".join(item.replace("</title>", f" ({i})</title>").replace("?p=2204", f"?p={i}")
                    for i in range(entries))
    (folder / "feed.rss").write_text(feed_text.replace(item, items, 1), encoding="utf-8")
    feed_seconds, (found, _) = timed(discover, folder)
    return [("saved web page read (trafilatura, no NLP)", f"{1000 * seconds / rounds:.0f} ms/page"),
            (f"feed of {len(found)} entries read and split into articles", f"{1000 * feed_seconds:.0f} ms")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100])
    parser.add_argument("--source", type=Path, action="append", default=[],
                        help="more folders of real articles to vary (default: articles/)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--synthetic", action="store_true",
                        help="seed the extraction cache from one extraction per source text, so large "
                             "sites build without parsing every copy (see generator/bench_site.py)")
    parser.add_argument("--site-only", action="store_true",
                        help="only the site rows (skip extraction, section and input timings)")
    args = parser.parse_args(argv)
    texts = source_texts([ROOT / "articles", *args.source])
    work = args.keep or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    width = 52

    def show(rows: list[tuple[str, str]]) -> None:  # printed as measured: a late failure loses nothing
        for name, value in rows:
            print(f"| {name.ljust(width)} | {value} |", flush=True)

    print(f"| {'measure'.ljust(width)} | value |\n|{'-' * (width + 2)}|-------|", flush=True)
    show([("source articles varied", str(len(texts)))])
    if not args.site_only:
        show(bench_extraction(texts, work))
        show(bench_sections(texts))
        show(bench_long_paragraph(texts))
        show(bench_huge_article(texts, work))
        show(bench_inputs(work))
    for n in args.sizes:
        bench_site(n, texts, work, synthetic=args.synthetic, show=show)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
