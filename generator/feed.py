"""feed.xml: RSS 2.0 of the newest briefings, written by `briefing build` into docs/ like any page.

Written by the generator rather than an engine hook, so MkDocs and Zensical publish the same feed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape as html_escape
from typing import Iterable
from xml.sax.saxutils import escape

from generator.render import is_future, plain_text
from generator.siteconfig import SiteSettings

FEED_PATH = "feed.xml"
# Second line of the feed: how the generator knows the file is its own when its manifest is lost.
FEED_MARKER = "<!-- briefing_generator: generated file, edits will be overwritten -->"


@dataclass(frozen=True)
class FeedItem:
    """One briefing as the feed shows it."""

    slug: str
    date: str | None
    headline: str
    summary: str


def render_feed(settings: SiteSettings, items: Iterable[FeedItem]) -> str:
    """RSS 2.0 text, from items newest first with dates in the future last. Deterministic but for
    one thing: a date in the future gets no pubDate (readers would put it first), and 'future' is
    read off the clock."""
    site = settings.base_url
    items = list(items)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        FEED_MARKER,
        '<rss version="2.0"><channel>',
        f"<title>{escape(settings.site_name)}</title>",
        f"<link>{escape(site)}</link>",
        f"<description>{escape(settings.site_description or settings.site_name)}</description>",
    ]
    newest = next((_rfc822(i.date) for i in items if _rfc822(i.date) and not is_future(i.date)), None)
    if newest:
        lines.append(f"<lastBuildDate>{newest}</lastBuildDate>")
    for item in items:
        url = f"{site}briefings/{item.slug}/"
        # Readers treat <description> as HTML and some treat <title> as HTML: article text must
        # stay text, so the description is HTML-escaped before XML escaping, the title loses <>.
        # Both are cleaned as on the pages (no control or bidirectional-override characters).
        title = plain_text(item.headline or item.slug).replace("<", "‹").replace(">", "›")
        lines += ["<item>", f"<title>{escape(title)}</title>",
                  f"<link>{escape(url)}</link>", f'<guid isPermaLink="true">{escape(url)}</guid>']
        if _rfc822(item.date) and not is_future(item.date):
            lines.append(f"<pubDate>{_rfc822(item.date)}</pubDate>")
        lines += [f"<description>{escape(html_escape(plain_text(item.summary)))}</description>", "</item>"]
    lines.append("</channel></rss>")
    return "\n".join(lines) + "\n"


def _rfc822(date: str | None) -> str | None:
    try:
        day = dt.date.fromisoformat(str(date))
    except ValueError:
        return None
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{days[day.weekday()]}, {day.day:02d} {months[day.month - 1]} {day.year} 00:00:00 +0000"
