"""Render the site's pages from its state (generator/sitestate.py), one page or page group at a time.

Every function returns {path under docs/: text} for one producer of the site plan: a briefing,
an entity page, one month of the archive, or one of the index pages.
"""
from __future__ import annotations

from typing import Any

import jinja2

from generator.extract.summary.headline import repeats_headline
from generator.feed import FEED_PATH, FeedItem, render_feed
from generator.models import Briefing
from generator.output import HOME_PAGE
from generator.render import (entity_search, marker, one_line, render_briefing, render_json,
                              render_template)
from generator.siteconfig import SiteSettings
from generator.sitestate import KINDS, SiteState, quotes_of

LATEST_ON_HOME = 10
ARCHIVE_PAGE_SIZE = 25
PLACES_PER_ITEM = 6
TEMPLATES = {"places": ("place.md.j2", "place"), "people": ("person.md.j2", "person"),
             "organisations": ("organisation.md.j2", "organisation")}


def list_item(b: Briefing) -> dict[str, Any]:
    """What the home and archive pages show of a briefing (its page name is added when listed)."""
    # a headline taken from the lead paragraph is the summary's first sentence: don't say it twice
    fresh = [s for s in b.summary if not repeats_headline(s, b.headline)]
    first = (fresh or b.summary or b.paragraphs or [""])[0]
    places: list[str] = []
    for loc in b.locations:
        if loc.name not in places and len(places) < PLACES_PER_ITEM:
            places.append(loc.name)
    return {"summary": one_line(first), "places": places}  # + slug, date, headline, future


def month_files(month: str, count: int) -> list[str]:
    """The archive pages of one month: 2022-04.md, 2022-04-2.md, ..."""
    pages = max(1, -(-count // ARCHIVE_PAGE_SIZE))
    return [f"{month}.md" if n == 0 else f"{month}-{n + 1}.md" for n in range(pages)]


def briefing_pages(b: Briefing, slug: str, env: jinja2.Environment) -> dict[str, str]:
    return {f"briefings/{slug}.md": render_briefing(b, env, slug=slug),
            f"briefings/{slug}.json": render_json(b)}


def entity_page(state: SiteState, kind: str, slug: str, env: jinja2.Environment) -> dict[str, str]:
    from generator.site import Entity, Mention, entity_points

    rows = state.mentions(kind, slug)
    if not rows:
        return {}
    info = state.entity_info(kind, slug)
    entity = Entity(slug=slug, name=info["name"], kind=info["kind"], country=info["country"],
                    lat=info["lat"], lon=info["lon"], approximate=info["approximate"])
    for data, date, bslug, headline, _ in rows:
        entity.mentions[bslug] = Mention(slug=bslug, date=date or None, headline=headline,
                                         paragraphs=list(data["paragraphs"]), role=data["role"],
                                         quotes=quotes_of(data), aliases=list(data.get("aliases", [])))
    template, one = TEMPLATES[kind]
    return {f"{kind}/{slug}.md": render_template(
        env, template, root="../", e=entity, mentions=entity.sorted_mentions(),
        points=entity_points(entity, root="../../"), search=entity_search(one, entity.name))}


def month_pages(state: SiteState, month: str, env: jinja2.Environment) -> dict[str, str]:
    items = list(state.ordered(month=month))
    if not items:
        return {}
    chunks = [items[i:i + ARCHIVE_PAGE_SIZE] for i in range(0, len(items), ARCHIVE_PAGE_SIZE)]
    files = month_files(month, len(items))
    pages = {}
    for n, chunk in enumerate(chunks):
        page = {"items": chunk, "number": n + 1, "file": files[n],
                "prev": files[n - 1] if n > 0 else None, "next": files[n + 1] if n + 1 < len(files) else None}
        pages[f"archive/{files[n]}"] = render_template(env, "archive_page.md.j2", root="../", month=month,
                                                       page=page, pages=len(chunks))
    return pages


def _month_list(state: SiteState) -> list[dict[str, Any]]:
    return [{"month": month, "count": count, "file": f"{month}.md"} for month, count in state.months()]


def archive_index(state: SiteState, env: jinja2.Environment) -> dict[str, str]:
    return {"archive/index.md": render_template(env, "archive_index.md.j2", root="../",
                                                months=_month_list(state), total=state.count())}


def home_page(state: SiteState, env: jinja2.Environment) -> dict[str, str]:
    counts = {kind: state.entity_count(kind) for kind in KINDS}
    return {HOME_PAGE: render_template(env, "home.md.j2", root="", latest=list(state.ordered(limit=LATEST_ON_HOME)),
                                       months=_month_list(state), total=state.count(), counts=counts)}


def _by_name(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda e: (e["name"].casefold(), e["slug"]))


def entity_index(state: SiteState, kind: str, env: jinja2.Environment) -> dict[str, str]:
    return {f"{kind}/index.md": render_template(env, "entity_index.md.j2", root="../", kind=kind,
                                                entities=_by_name(state.entity_rows(kind)))}


def map_page(state: SiteState, env: jinja2.Environment) -> dict[str, str]:
    places = _by_name(state.entity_rows("places"))
    located = [e for e in places if e["lat"] is not None]
    points = []
    for e in located:
        point = marker(e["name"], e["kind"], e["lat"], e["lon"], e["approximate"], "../", e["slug"])
        point["links"] = [{"title": link["title"], "url": f"../briefings/{link['slug']}/", "date": link["date"] or ""}
                          for link in e["links"]]
        point["count"] = e["count"]
        points.append(point)
    return {"map/index.md": render_template(env, "map.md.j2", root="../", places=located,
                                            unlocated=[e for e in places if e["lat"] is None],
                                            points=points)}


def feed_page(state: SiteState, settings: SiteSettings) -> dict[str, str]:
    items = (FeedItem(i["slug"], i["date"], i["headline"], i["feed_summary"])
             for i in state.ordered(limit=settings.feed_items))
    return {FEED_PATH: render_feed(settings, items)}
