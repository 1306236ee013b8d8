"""MkDocs hooks: live authoring under `mkdocs serve` (watch articles/, regenerate briefings) and
the RSS feed (feed.xml, built from the briefings' JSON twins on every build).

Enabled in mkdocs.yml with `hooks: [generator/mkdocs_hooks.py]`. Options (mkdocs.yml `extra`):
`briefing_articles` (default "articles", relative to mkdocs.yml), `briefing_templates` (a folder
of templates overriding the built-in ones, as `briefing build --templates`) and
`briefing_feed_items` (30).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any
from html import escape as html_escape
from xml.sax.saxutils import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.navigation import with_pages
from generator.render import is_future, plain_text

log = logging.getLogger("mkdocs.hooks.briefing")
# Outside the "mkdocs" logger tree: MkDocs' strict mode counts every warning there and would abort
# the preview because one dropped-in article is unusable.
article_log = logging.getLogger("briefing.serve")

FEED_PATH = "feed.xml"
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
    """Add feed.xml (RSS 2.0, newest briefings first) generated from docs/briefings/*.json, and
    the pages people added to docs/ to the navigation (generator/navigation.py)."""
    if config.nav is not None:
        own = [f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_nav)]
        config.nav = with_pages(config.nav, own)
    items = []
    for path in sorted((Path(config.docs_dir) / "briefings").glob("*.json")):
        if path.name.startswith("."):  # the generator's manifest, not a briefing
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.info("feed: skipping %s (%s)", path, exc)
            continue
        if isinstance(data, dict) and "headline" in data:
            items.append((str(data.get("date") or ""), path.stem, data))
    limit = int(config.extra.get("briefing_feed_items", 30))
    feed = render_feed(config, feed_items(items)[:limit])
    files.append(File.generated(config, FEED_PATH, content=feed))
    return files


def feed_items(items: list[tuple[str, str, dict[str, Any]]]) -> list[tuple[str, str, dict[str, Any]]]:
    """Newest first; a date in the future (a typo, or a hostile file) never leads: it goes last."""
    return sorted(items, key=lambda item: (not is_future(item[0]), item[0], item[1]), reverse=True)


def render_feed(config: MkDocsConfig, items: list[tuple[str, str, dict[str, Any]]]) -> str:
    """RSS 2.0 text, from items in feed_items order. Deterministic but for one thing: a date in
    the future gets no pubDate (readers would put it first), and 'future' is read off the clock."""
    site = (config.site_url or "").rstrip("/") + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(config.site_name)}</title>",
        f"<link>{escape(site)}</link>",
        f"<description>{escape(config.site_description or config.site_name)}</description>",
    ]
    newest = next((_rfc822(date) for date, _, _ in items if _rfc822(date) and not is_future(date)), None)
    if newest:
        lines.append(f"<lastBuildDate>{newest}</lastBuildDate>")
    for date, slug, data in items:
        url = f"{site}briefings/{slug}/"
        summary = data.get("summary") or []
        description = " ".join(str(s) for s in summary) if isinstance(summary, list) else ""
        # Readers treat <description> as HTML and some treat <title> as HTML: article text must
        # stay text, so the description is HTML-escaped before XML escaping, the title loses <>.
        # Both are cleaned as on the pages (no control or bidirectional-override characters).
        title = plain_text(data.get("headline") or slug).replace("<", "‹").replace(">", "›")
        description = plain_text(description)
        lines += ["<item>", f"<title>{escape(title)}</title>",
                  f"<link>{escape(url)}</link>", f'<guid isPermaLink="true">{escape(url)}</guid>']
        if _rfc822(date) and not is_future(date):
            lines.append(f"<pubDate>{_rfc822(date)}</pubDate>")
        lines += [f"<description>{escape(html_escape(description))}</description>", "</item>"]
    lines.append("</channel></rss>")
    return "\n".join(lines) + "\n"


def _rfc822(date: str) -> str | None:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return None
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{days[day.weekday()]}, {day.day:02d} {months[day.month - 1]} {day.year} 00:00:00 +0000"
