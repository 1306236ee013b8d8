"""Build the whole generated part of docs/: briefing pages + JSON twins, home, archive, places,
people, organisations and the map; first gather every page in memory, then write safely.

Writing, and what the generator may write where, is generator/output.py.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import jinja2

from generator.extract.summary.headline import repeats_headline
from generator.models import Briefing, Quote
from generator.output import HOME_PAGE, SiteReport, up_to_date, write_pages
from generator.render import (is_future, make_environment, marker, one_line, render_briefing,
                              render_json, render_template, safe_slug, slugify)

log = logging.getLogger(__name__)

LATEST_ON_HOME = 10
ARCHIVE_PAGE_SIZE = 25
PLACES_PER_ITEM = 6
LINKS_PER_POPUP = 8


@dataclass
class Mention:
    """One briefing mentioning a place, person or organisation."""

    slug: str
    date: str | None
    headline: str
    paragraphs: list[int] = field(default_factory=list)
    role: str | None = None
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Entity:
    """A place, person or organisation page: every briefing that mentions it."""

    slug: str
    name: str
    mentions: dict[str, Mention] = field(default_factory=dict)  # by briefing slug
    kind: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    approximate: bool = False

    def mention(self, b: Briefing, slug: str) -> Mention:
        if slug not in self.mentions:
            self.mentions[slug] = Mention(slug=slug, date=b.date, headline=b.headline)
        return self.mentions[slug]

    def sorted_mentions(self) -> list[Mention]:
        return sorted(self.mentions.values(), key=lambda m: (m.date or "", m.slug), reverse=True)


@dataclass
class SiteIndex:
    """Everything gathered from the briefings before any page is rendered."""

    briefings: list[tuple[str, Briefing]]  # (unique slug, briefing), newest first
    places: dict[str, Entity]
    people: dict[str, Entity]
    organisations: dict[str, Entity]


def write_site(briefings: list[Briefing], docs_dir: Path,
               templates_dir: Path | None = None, stamp: str = "") -> SiteReport:
    """Render every generated page for `briefings` and write them under `docs_dir`.

    `stamp` identifies the inputs (articles, templates, code); when the last build had the same
    stamp and left its files untouched, nothing is rendered again."""
    unchanged = up_to_date(Path(docs_dir), stamp) if stamp else None
    if unchanged is not None:
        return SiteReport(unchanged=unchanged)
    report = SiteReport()
    env = make_environment(templates_dir)
    index = build_index(briefings, report)
    pages = render_site(index, env)
    write_pages(pages, Path(docs_dir), report, stamp)
    log.info("site: %d written, %d unchanged, %d removed", report.written, report.unchanged,
             report.removed)
    return report


# --- gather --------------------------------------------------------------------------------

def build_index(briefings: Iterable[Briefing], report: SiteReport | None = None) -> SiteIndex:
    """Give every briefing a unique page name and group mentions by place, person, organisation."""
    ordered = sorted(briefings, key=lambda b: (safe_slug(b.slug), b.source, b.date or ""))
    used: set[str] = set()
    named: list[tuple[str, Briefing]] = []
    for b in ordered:
        base = slug = safe_slug(b.slug)
        n = 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        if slug != base and report is not None:
            report.messages.append(f"{b.source}: page name {base!r} already taken, using {slug!r}")
        used.add(slug)
        named.append((slug, b))
    # newest first, undated after; a date in the future last (it must not lead "Latest" for ever)
    named.sort(key=lambda item: (not is_future(item[1].date), item[1].date or "", item[0]), reverse=True)

    places: dict[str, Entity] = {}
    people: dict[str, Entity] = {}
    orgs: dict[str, Entity] = {}
    for slug, b in named:
        # implied places ("Ukrainian forces" -> Ukraine) count on the country's page too
        for loc in [*b.locations, *b.implied_places]:
            place = _entity(places, loc.name)
            if place.lat is None and loc.lat is not None and loc.lon is not None:
                place.lat, place.lon, place.approximate = loc.lat, loc.lon, loc.approximate
            place.kind = place.kind or loc.kind
            place.country = place.country or loc.country_name or loc.country
            _add_paragraphs(place.mention(b, slug), loc.paragraphs or [loc.paragraph])
        for person in b.people:
            mention = _entity(people, person.name).mention(b, slug)
            mention.role = mention.role or person.role
            _add_paragraphs(mention, [person.paragraph])
        for org in b.organisations:
            _add_paragraphs(_entity(orgs, org.name).mention(b, slug), [org.paragraph])
        for quote in b.quotes:
            if not quote.speaker:
                continue
            group = orgs if quote.speaker_kind == "organisation" else people
            mention = _entity(group, quote.speaker).mention(b, slug)
            mention.role = mention.role or quote.role
            mention.quotes.append(quote)
            _add_paragraphs(mention, [quote.paragraph])
    return SiteIndex(named, places, people, orgs)


def _entity(group: dict[str, Entity], name: str) -> Entity:
    slug = slugify(name)
    if slug not in group:
        group[slug] = Entity(slug=slug, name=name)
    return group[slug]


def _add_paragraphs(mention: Mention, numbers: Iterable[int]) -> None:
    mention.paragraphs = sorted(set(mention.paragraphs) | {n for n in numbers if n and n > 0})


# --- render --------------------------------------------------------------------------------

def render_site(index: SiteIndex, env: jinja2.Environment) -> dict[str, str]:
    """All generated pages as {path relative to docs/: text}."""
    pages: dict[str, str] = {}
    items = [_list_item(slug, b) for slug, b in index.briefings]
    for slug, b in index.briefings:
        pages[f"briefings/{slug}.md"] = render_briefing(b, env, slug=slug)
        pages[f"briefings/{slug}.json"] = render_json(b)

    months = _archive(items)
    month_list = [{"month": key, "count": sum(len(p["items"]) for p in chunks), "file": chunks[0]["file"]}
                  for key, chunks in months.items()]
    for key, chunks in months.items():
        for chunk in chunks:
            pages[f"archive/{chunk['file']}"] = render_template(
                env, "archive_page.md.j2", root="../", month=key, page=chunk, pages=len(chunks))
    pages["archive/index.md"] = render_template(env, "archive_index.md.j2", root="../",
                                                months=month_list, total=len(items))
    pages[HOME_PAGE] = render_template(env, "home.md.j2", root="", latest=items[:LATEST_ON_HOME],
                                       months=month_list, total=len(items),
                                       counts={"places": len(index.places), "people": len(index.people),
                                               "organisations": len(index.organisations)})

    for kind, group, template in (("places", index.places, "place.md.j2"),
                                  ("people", index.people, "person.md.j2"),
                                  ("organisations", index.organisations, "organisation.md.j2")):
        for slug, entity in group.items():
            points = _entity_points(entity, root="../../")
            pages[f"{kind}/{slug}.md"] = render_template(
                env, template, root="../", e=entity, mentions=entity.sorted_mentions(), points=points)
        pages[f"{kind}/index.md"] = render_template(
            env, "entity_index.md.j2", root="../", kind=kind,
            entities=sorted(group.values(), key=lambda e: (e.name.casefold(), e.slug)))

    located = sorted((e for e in index.places.values() if e.lat is not None),
                     key=lambda e: (e.name.casefold(), e.slug))
    pages["map/index.md"] = render_template(
        env, "map.md.j2", root="../", places=located,
        unlocated=sorted((e for e in index.places.values() if e.lat is None),
                         key=lambda e: (e.name.casefold(), e.slug)),
        points=[p for e in located for p in _entity_points(e, root="../", links=True)])
    return pages


def _list_item(slug: str, b: Briefing) -> dict[str, Any]:
    # a headline taken from the lead paragraph is the summary's first sentence: don't say it twice
    fresh = [s for s in b.summary if not repeats_headline(s, b.headline)]
    first = (fresh or b.summary or b.paragraphs or [""])[0]
    places: list[str] = []
    for loc in b.locations:
        if loc.name not in places and len(places) < PLACES_PER_ITEM:
            places.append(loc.name)
    return {"slug": slug, "date": b.date, "headline": b.headline, "future": is_future(b.date),
            "summary": one_line(first), "places": places}


def _archive(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Group list items by month ('undated' last), split into numbered pages."""
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        month = item["date"][:7] if item["date"] and len(item["date"]) >= 7 else "undated"
        by_month[month].append(item)
    ahead = {k for k, items in by_month.items() if all(item["future"] for item in items)}
    keys = sorted((k for k in by_month if k != "undated" and k not in ahead), reverse=True)
    keys += ["undated"] if "undated" in by_month else []
    keys += sorted(ahead)  # months only dates in the future fall in: last, not first
    result: dict[str, list[dict[str, Any]]] = {}
    for key in keys:
        month_items = by_month[key]
        chunks = [month_items[i:i + ARCHIVE_PAGE_SIZE]
                  for i in range(0, len(month_items), ARCHIVE_PAGE_SIZE)]
        files = [f"{key}.md" if n == 0 else f"{key}-{n + 1}.md" for n in range(len(chunks))]
        result[key] = [{"items": chunk, "number": n + 1, "file": files[n],
                        "prev": files[n - 1] if n > 0 else None,
                        "next": files[n + 1] if n + 1 < len(files) else None}
                       for n, chunk in enumerate(chunks)]
    return result


def _entity_points(place: Entity, root: str, links: bool = False) -> list[dict[str, Any]]:
    """Marker data for one place; with links, its newest briefings for the popup."""
    if place.lat is None or place.lon is None:
        return []
    point = marker(place.name, place.kind, place.lat, place.lon, place.approximate, root, place.slug)
    if links:
        point["links"] = [{"title": m.headline, "url": f"{root}briefings/{m.slug}/", "date": m.date or ""}
                          for m in place.sorted_mentions()[:LINKS_PER_POPUP]]
        point["count"] = len(place.mentions)
    return [point]
