"""Build the generated part of docs/: briefing pages + JSON twins, home, archive, places, people,
organisations, the map and feed.xml, rendering only the pages whose inputs changed.

The plan (every page the site has, and what it depends on) comes from the site's state
(generator/sitestate.py); pages are rendered one producer at a time (generator/pages.py) and
written as they come (generator/output.py, the only writer), so no build holds every briefing or
page. A build after a change gives the same bytes as a clean build of the same inputs.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from generator import __version__
from generator.feed import FEED_PATH
from generator.models import Briefing, Quote
from generator.output import HOME_PAGE, SiteReport, Transaction
from generator.pages import (archive_index, briefing_pages, entity_index, entity_page, feed_page,
                             home_page, list_item, map_page, month_files, month_pages)
from generator.render import PACKAGED_TEMPLATES, is_future, make_environment, marker, safe_slug, slugify
from generator.siteconfig import SiteSettings
from generator.sitestate import KINDS, SiteState, content_key

log = logging.getLogger(__name__)

# the modules whose code decides what a page looks like (a change re-renders every page)
RENDERING_CODE = ("site.py", "pages.py", "render.py", "feed.py", "sitestate.py")


@dataclass
class Mention:
    """One briefing mentioning a place, person or organisation."""

    slug: str
    date: str | None
    headline: str
    paragraphs: list[int] = field(default_factory=list)
    role: str | None = None
    aliases: list[str] = field(default_factory=list)  # a place's other names as this briefing writes them
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

    @property
    def count(self) -> int:
        return len(self.mentions)

    def sorted_mentions(self) -> list[Mention]:
        return sorted(self.mentions.values(), key=lambda m: (m.date or "", m.slug), reverse=True)


@dataclass
class SiteIndex:
    """Everything gathered from the briefings before any page is rendered."""

    briefings: list[tuple[str, Briefing]]  # (unique slug, briefing), newest first
    places: dict[str, Entity]
    people: dict[str, Entity]
    organisations: dict[str, Entity]


class BriefingSource(Protocol):
    """Briefings known by key, loaded one at a time (the build cache, or a list in memory)."""

    def keys(self) -> list[str]: ...

    def load(self, key: str) -> Briefing: ...


class ListSource:
    """Briefings already in memory, keyed by their content."""

    def __init__(self, briefings: Iterable[Briefing]) -> None:
        self._by_key: dict[str, Briefing] = {}
        for b in briefings:
            key, n = content_key(b), 1
            while f"{key}:{n}" in self._by_key:  # the same briefing twice: two pages
                n += 1
            self._by_key[f"{key}:{n}"] = b

    def keys(self) -> list[str]:
        return list(self._by_key)

    def load(self, key: str) -> Briefing:
        return self._by_key[key]


def render_stamp(templates_dir: Path | None, settings: SiteSettings, extra: str = "") -> str:
    """What every page depends on besides the briefings: templates, settings, the rendering code."""
    digest = hashlib.sha256(f"{__version__} {extra}".encode())
    digest.update(repr((settings.site_name, settings.site_description, settings.base_url,
                        settings.feed_items)).encode())
    code = Path(__file__).resolve().parent
    files = [code / name for name in RENDERING_CODE]
    for folder in filter(None, [templates_dir, PACKAGED_TEMPLATES]):
        files += sorted(p for p in Path(folder).rglob("*") if p.is_file())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass
class PreparedSite:
    """What writing the site needs before it sees a briefing: the templates compiled, the render
    stamp, and docs/ checked and read (the transaction begun). `write_site` makes one itself; a
    build that waits for a worker's extraction makes it meanwhile."""

    env: jinja2.Environment
    stamp: str
    report: SiteReport
    transaction: Transaction  # begun: nothing staged yet (a build that stops now leaves docs/ as it was)


def prepare_site(docs_dir: Path, templates_dir: Path | None = None, stamp: str = "",
                 settings: SiteSettings | None = None, compile_templates: bool = False) -> PreparedSite:
    env = make_environment(templates_dir)
    if compile_templates:  # now, while the build waits for something else
        for path in sorted(PACKAGED_TEMPLATES.glob("*.j2")):
            try:
                env.get_template(path.name)  # a user's own version of it if there is one
            except jinja2.TemplateError:
                pass  # said by name when a page needs it, as without this
    stamp = render_stamp(templates_dir, settings or SiteSettings(), stamp)
    report = SiteReport()
    transaction = Transaction(Path(docs_dir), report, stamp)
    transaction.begin()
    return PreparedSite(env, stamp, report, transaction)


def write_site(briefings: Iterable[Briefing] | BriefingSource, docs_dir: Path,
               templates_dir: Path | None = None, stamp: str = "", settings: SiteSettings | None = None,
               state_path: Path | None = None, prepared: PreparedSite | None = None) -> SiteReport:
    """Write every generated page for `briefings` under `docs_dir`.

    With `state_path` (the build keeps it in its cache), the next build renders only the pages
    whose inputs changed and the pages found missing or edited; without it, every page. `prepared`
    is `prepare_site` of the same folder, templates, stamp and settings, done earlier."""
    source = briefings if hasattr(briefings, "load") else ListSource(briefings)  # type: ignore[arg-type]
    settings = settings or SiteSettings()
    site = prepared or prepare_site(Path(docs_dir), templates_dir, stamp, settings)
    env, report, transaction = site.env, site.report, site.transaction
    # pages go in as one transaction, streamed: nothing in docs/ changes before it commits
    try:
        state = SiteState(state_path)
    except BaseException:
        transaction.rollback()
        raise
    try:
        full = state.meta("render") != site.stamp
        try:
            dirty = _update(state, source, report)
            plan = _plan(state)
            # a page missing or edited since the last build is rendered again
            todo = set(plan.values()) if full else (
                dirty | {producer for rel, producer in plan.items() if not transaction.untouched(rel)})
            for producer in sorted(todo, key=_order):
                for rel, text in sorted(_render(producer, state, source, env, settings).items()):
                    transaction.put(rel, text)
            for rel, producer in sorted(plan.items()):
                if producer not in todo:
                    transaction.keep(rel)
        except BaseException:
            transaction.rollback()
            raise
        transaction.commit()
        state.set_meta("render", site.stamp)
        state.commit()  # only once every page is written: a failed build is redone next time
    finally:
        state.close()
    log.info("site: %d rendered, %d written, %d unchanged, %d removed", len(todo), report.written,
             report.unchanged, report.removed)
    return report


Producer = tuple[str, ...]  # ("briefing", key) ("entity", kind, slug) ("month", m) ("home",) ...
FIXED: tuple[Producer, ...] = (("home",), ("archive",), ("feed",), ("map",),
                               *((("index", kind),) for kind in KINDS))


def _update(state: SiteState, source: BriefingSource, report: SiteReport) -> set[Producer]:
    """Bring the state up to the briefings of this build; the producers whose inputs changed."""
    current = source.keys()
    known = state.keys()
    wanted = set(current)
    touched: set[tuple[str, str]] = set()
    months: set[str | None] = set()
    for key in sorted(known - wanted):
        entities, month = state.remove(key)
        touched |= entities
        months.add(month)
    added = [key for key in current if key not in known]
    for key in added:  # one briefing in memory at a time
        b = source.load(key)
        touched |= state.add(key, b, list_item(b))
    renamed, notes = state.assign_slugs()
    report.messages += notes
    renamed |= state.refresh_future()  # a date no longer ahead: its lists and pages change
    touched |= state.entities_of(renamed)
    months |= state.months_of(renamed)
    # an index page and the map are rendered again only when a row they list changed (an edited
    # article that keeps its places and people leaves them as they were)
    changed_kinds = state.refresh_entities(touched)
    dirty: set[Producer] = {("briefing", key) for key in renamed}
    dirty |= {("entity", kind, slug) for kind, slug in touched}
    dirty |= {("month", month) for month in months if month}
    if renamed or known - wanted:
        dirty |= {("home",), ("archive",), ("feed",)}
    dirty |= {("index", kind) for kind in changed_kinds}
    if "places" in changed_kinds:
        dirty.add(("map",))
    return dirty


def _plan(state: SiteState) -> dict[str, Producer]:
    """Every page the site has now -> the producer that renders it."""
    plan: dict[str, Producer] = {}
    for key, slug in state.all_keys_and_slugs():
        plan[f"briefings/{slug}.md"] = plan[f"briefings/{slug}.json"] = ("briefing", key)
    for kind, slug in state.all_entities():
        plan[f"{kind}/{slug}.md"] = ("entity", kind, slug)
    for month, count in state.months():
        for name in month_files(month, count):
            plan[f"archive/{name}"] = ("month", month)
    plan.update({HOME_PAGE: ("home",), "archive/index.md": ("archive",), FEED_PATH: ("feed",),
                 "map/index.md": ("map",)})
    plan.update({f"{kind}/index.md": ("index", kind) for kind in KINDS})
    return plan


def _order(producer: Producer) -> tuple[int, Producer]:
    return (["briefing", "entity", "month", "index", "map", "archive", "home", "feed"].index(producer[0]), producer)


def _render(producer: Producer, state: SiteState, source: BriefingSource, env: jinja2.Environment,
            settings: SiteSettings) -> dict[str, str]:
    what = producer[0]
    if what == "briefing":
        return briefing_pages(source.load(producer[1]), state.slug_of(producer[1]), env)
    if what == "entity":
        return entity_page(state, producer[1], producer[2], env)
    if what == "month":
        return month_pages(state, producer[1], env)
    if what == "index":
        return entity_index(state, producer[1], env)
    return {"home": home_page, "archive": archive_index, "map": map_page}[what](state, env) \
        if what != "feed" else feed_page(state, settings)


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
            mention = place.mention(b, slug)
            mention.aliases += [a for a in loc.aliases if a not in mention.aliases and a != place.name]
            _add_paragraphs(mention, loc.paragraphs or [loc.paragraph])
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


def entity_points(place: Entity, root: str) -> list[dict[str, Any]]:
    """The marker of one place's own map."""
    if place.lat is None or place.lon is None:
        return []
    return [marker(place.name, place.kind, place.lat, place.lon, place.approximate, root, place.slug)]
