"""MkDocs hooks: under `mkdocs serve`, watch articles/, regenerate briefings, index the preview
for search; on every build, list the pages people added to docs/ in the navigation. The site's
own outputs never come from here (`briefing build` writes the pages and feed.xml, `briefing index`
the search index), so Zensical, which has no hooks, builds the same site; `briefing serve` gives
the same live preview with any engine.

Enabled in mkdocs.yml with `hooks: [generator/mkdocs_hooks.py]`. Options (mkdocs.yml `extra`):
`briefing_articles` (default "articles", relative to mkdocs.yml) and `briefing_templates` (a
folder of templates overriding the built-in ones, as `briefing build --templates`).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from generator.navigation import with_pages

log = logging.getLogger("mkdocs.hooks.briefing")
# Outside the "mkdocs" logger tree: MkDocs' strict mode counts every warning there and would abort
# the preview because one dropped-in article is unusable.
article_log = logging.getLogger("briefing.serve")

SERVE_WAIT = 120.0  # seconds
_state: dict[str, Any] = {"command": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def _articles_dir(config: MkDocsConfig) -> Path:
    base = Path(config.config_file_path or ".").resolve().parent
    return base / str(config.extra.get("briefing_articles", "articles"))


def on_pre_build(config: MkDocsConfig) -> None:
    """Under `mkdocs serve`, regenerate briefings for new or changed articles before each build."""
    if _state["command"] != "serve":
        return
    articles = _articles_dir(config)
    if not articles.is_dir():
        return
    try:
        from generator.build import run_build
        from generator.errors import BriefingError
    except ImportError as exc:  # generator not installed in this environment: serve docs as they are
        log.info("briefing generator not importable (%s); not regenerating briefings", exc)
        return
    templates = config.extra.get("briefing_templates")
    base = Path(config.config_file_path or ".").resolve().parent
    try:
        # waits for a `briefing build` of the same docs/ that is still running
        report = run_build(articles, Path(config.docs_dir), base / templates if templates else None,
                           wait=SERVE_WAIT)
    except BriefingError as exc:  # keep serving; the message names the file
        article_log.error("briefing build failed: %s", exc)
        return
    for error in report.errors:  # a dropped-in file that cannot be used: say so where the user looks
        article_log.error("briefing: %s", error)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Watch the articles folder too, so dropping a file in rebuilds the site."""
    articles = _articles_dir(config)
    if articles.is_dir():
        server.watch(str(articles))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pages people added to docs/ to the navigation (generator/navigation.py)."""
    if config.nav is not None:
        own = [f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_nav)]
        config.nav = with_pages(config.nav, own)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Under `mkdocs serve`, index the preview for search (`briefing index` does it after a build)."""
    if _state["command"] != "serve":
        return
    try:
        from generator.errors import BriefingError
        from generator.search import index_site
    except ImportError as exc:
        log.info("briefing generator not importable (%s); the preview has no search index", exc)
        return
    try:
        index_site(Path(config.site_dir))
    except BriefingError as exc:
        article_log.error("search index: %s", exc)
