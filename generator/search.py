"""The post-build step: a Pagefind search index of the built site (`briefing index SITE`).

Pagefind (pinned, its binary comes inside the `pagefind[bin]` wheel) reads the HTML the engine
wrote, so MkDocs and Zensical sites get the same index. The pages carry what it needs: filters
(`data-pagefind-filter`: place, person, organisation, month), metadata (date, kind) and weights
(`data-pagefind-weight`), all written by our templates. Only the built folder is read and only
`SITE/pagefind/` is written; the browser side is docs/assets/javascripts/briefing-search.js.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError

log = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
# The page body as both Material and Zensical write it; the theme's chrome is not indexed.
ROOT_SELECTOR = "article"
# Sections marked as not worth searching (tables, source text, maps), permalink signs, and the
# hidden block that only carries filters and metadata (still read: it is data-pagefind-ignore).
EXCLUDE_SELECTORS = ["[data-search-exclude]", ".headerlink", ".md-source-file"]
# Every page of a site built with directory URLs is an index.html; this leaves out 404.html.
PAGES_GLOB = "**/index.html"


@dataclass
class IndexReport:
    """What Pagefind indexed."""

    pages: int = 0
    bundle_bytes: int = 0
    bundle_files: int = 0


def index_site(site_dir: Path, language: str = "en") -> IndexReport:
    """Index the built site in `site_dir` into `site_dir/pagefind/` (replaced as a whole)."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise BriefingError(site_dir, "is not a built site (no index.html); build the site first "
                                      "(`mkdocs build` or `zensical build`)")
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError as exc:
        raise BriefingError(site_dir, "Pagefind is not installed (pip install 'pagefind[bin]==1.5.2')") from exc
    # written next to the final folder, then swapped in: a failed run leaves the old index working
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=EXCLUDE_SELECTORS,
                         force_language=language, output_path=str(staging.resolve()))
    try:
        # a thread of its own: the caller may already run an event loop (Playwright, a server)
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            pages = pool.submit(asyncio.run, _index(PagefindIndex, config, site_dir)).result()
        target = site_dir / BUNDLE_DIR
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except Exception as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, BriefingError):
            raise
        raise BriefingError(site_dir, f"search indexing failed ({type(exc).__name__}: {exc})") from exc
    files = [p for p in target.rglob("*") if p.is_file()]
    report = IndexReport(pages=pages, bundle_files=len(files),
                         bundle_bytes=sum(p.stat().st_size for p in files))
    log.info("search: %d pages indexed, %d files, %.1f MB", report.pages, report.bundle_files,
             report.bundle_bytes / 1e6)
    return report


async def _index(index_class, config, site_dir: Path) -> int:
    async with index_class(config=config) as index:  # writes the bundle when the block ends
        result = await index.add_directory(str(site_dir.resolve()), glob=PAGES_GLOB)
    return int(result.get("page_count", 0))
