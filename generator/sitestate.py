"""What the site was built from, kept between builds in SQLite: one row per briefing, one per
(briefing, place/person/organisation) it contributes, one per entity page.

A build adds the rows of new briefings and drops those of gone ones; the pages that depend on them
(their entities, months, the index pages) are the only ones rendered again. The main process holds
these compact rows, never every briefing or page: memory stays bounded by the indexes.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.models import Briefing, Quote
from generator.render import is_future, safe_slug

SCHEMA = 2
KINDS = ("places", "people", "organisations")
LINKS_PER_POPUP = 8

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS briefings (
    key TEXT PRIMARY KEY, raw TEXT NOT NULL, source TEXT NOT NULL, date TEXT NOT NULL,
    month TEXT NOT NULL, slug TEXT, headline TEXT NOT NULL, item TEXT NOT NULL, summary TEXT NOT NULL,
    future INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS briefings_order ON briefings (future, date DESC, slug DESC);
CREATE INDEX IF NOT EXISTS briefings_month ON briefings (month);
CREATE TABLE IF NOT EXISTS mentions (
    key TEXT NOT NULL, kind TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (kind, entity, key));
CREATE INDEX IF NOT EXISTS mentions_key ON mentions (key);
CREATE TABLE IF NOT EXISTS entities (
    kind TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL, place_kind TEXT,
    country TEXT, lat REAL, lon REAL, approximate INTEGER NOT NULL, count INTEGER NOT NULL,
    links TEXT NOT NULL, PRIMARY KEY (kind, entity));
"""


def month_of(date: str | None) -> str:
    """'2022-04' for a dated briefing, 'undated' otherwise (the archive's grouping)."""
    return date[:7] if date and len(date) >= 7 else "undated"


def content_key(briefing: Briefing) -> str:
    """A key for a briefing that came without one (not from the build cache): its content."""
    text = json.dumps(briefing.to_dict(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def contributions(briefing: Briefing) -> dict[str, dict[str, dict[str, Any]]]:
    """What one briefing adds to each place, person and organisation page: {kind: {slug: data}}."""
    from generator.site import build_index  # the one definition of how mentions are gathered

    index = build_index([briefing])
    result: dict[str, dict[str, dict[str, Any]]] = {}
    for kind, group in zip(KINDS, (index.places, index.people, index.organisations)):
        result[kind] = {}
        for slug, entity in group.items():
            mention = next(iter(entity.mentions.values()))
            result[kind][slug] = {
                "name": entity.name, "kind": entity.kind, "country": entity.country, "lat": entity.lat,
                "lon": entity.lon, "approximate": entity.approximate, "paragraphs": mention.paragraphs,
                "role": mention.role, "quotes": [dataclasses.asdict(q) for q in mention.quotes],
                "aliases": mention.aliases}
    return result


def quotes_of(data: dict[str, Any]) -> list[Quote]:
    return [Quote(**q) for q in data.get("quotes", [])]


class SiteState:
    """The rows a site was built from; `path` None keeps them in memory for one build."""

    def __init__(self, path: Path | None = None) -> None:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path) if path else ":memory:", isolation_level="DEFERRED")
        self.db.execute("PRAGMA journal_mode=WAL" if path else "PRAGMA journal_mode=MEMORY")
        self.db.execute("PRAGMA synchronous=NORMAL")
        if self.meta("schema") not in (None, str(SCHEMA)):
            self.db.executescript("DROP TABLE IF EXISTS briefings; DROP TABLE IF EXISTS mentions; "
                                  "DROP TABLE IF EXISTS entities; DROP TABLE IF EXISTS meta;")
        self.db.executescript(_TABLES)
        self.set_meta("schema", str(SCHEMA))

    def close(self) -> None:
        self.db.close()

    def commit(self) -> None:
        self.db.commit()

    def meta(self, name: str) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        except sqlite3.OperationalError:  # a new database: no tables yet
            return None
        return row[0] if row else None

    def set_meta(self, name: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    # --- briefings ---------------------------------------------------------------------------

    def keys(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT key FROM briefings")}

    def add(self, key: str, briefing: Briefing, item: dict[str, Any]) -> set[tuple[str, str]]:
        """Store one briefing's rows; the entities it touches."""
        self.db.execute("INSERT OR REPLACE INTO briefings VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)", (
            key, briefing.slug, briefing.source, briefing.date or "", month_of(briefing.date),
            briefing.headline, json.dumps(item, ensure_ascii=False), " ".join(briefing.summary),
            int(is_future(briefing.date))))
        touched = set()
        for kind, group in contributions(briefing).items():
            for slug, data in group.items():
                self.db.execute("INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?)", (
                    key, kind, slug, data["name"], json.dumps(data, ensure_ascii=False)))
                touched.add((kind, slug))
        return touched

    def remove(self, key: str) -> tuple[set[tuple[str, str]], str | None]:
        """Drop one briefing's rows; the entities it touched and the month it was in."""
        touched = self.entities_of([key])
        row = self.db.execute("SELECT month FROM briefings WHERE key = ?", (key,)).fetchone()
        self.db.execute("DELETE FROM mentions WHERE key = ?", (key,))
        self.db.execute("DELETE FROM briefings WHERE key = ?", (key,))
        return touched, row[0] if row else None

    def entities_of(self, keys: Iterable[str]) -> set[tuple[str, str]]:
        found = set()
        for key in keys:
            found |= {(k, e) for k, e in self.db.execute(
                "SELECT kind, entity FROM mentions WHERE key = ?", (key,))}
        return found

    def months_of(self, keys: Iterable[str]) -> set[str]:
        return {row[0] for key in keys
                for row in self.db.execute("SELECT month FROM briefings WHERE key = ?", (key,))}

    def assign_slugs(self) -> tuple[set[str], list[str]]:
        """Give every briefing its unique page name ("-2", "-3" after the first by name, file and
        date); the keys whose name changed and a note for every name already taken."""
        rows = self.db.execute("SELECT key, raw, source, date, slug FROM briefings").fetchall()
        rows.sort(key=lambda r: (safe_slug(r[1]), r[2], r[3], r[0]))
        used: set[str] = set()
        changed, notes = set(), []
        for key, raw, source, _, old in rows:
            base = slug = safe_slug(raw)
            n = 1
            while slug in used:
                n += 1
                slug = f"{base}-{n}"
            if slug != base:
                notes.append(f"{source}: page name {base!r} already taken, using {slug!r}")
            used.add(slug)
            if slug != old:
                changed.add(key)
                self.db.execute("UPDATE briefings SET slug = ? WHERE key = ?", (slug, key))
        return changed, notes

    def refresh_future(self) -> set[str]:
        """Dates in the future are listed last; the keys whose date stopped (or started) being
        ahead since the last build, read off the clock."""
        soon = (dt.date.today() - dt.timedelta(days=3)).isoformat()
        rows = self.db.execute("SELECT key, date, future FROM briefings WHERE future = 1 OR date >= ?",
                               (soon,)).fetchall()
        changed = {key for key, date, future in rows if bool(future) != is_future(date or None)}
        for key in changed:
            self.db.execute("UPDATE briefings SET future = 1 - future WHERE key = ?", (key,))
        return changed

    def slug_of(self, key: str) -> str:
        return self.db.execute("SELECT slug FROM briefings WHERE key = ?", (key,)).fetchone()[0]

    def ordered(self, month: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """List items newest first (all, one month's, or the first `limit`)."""
        sql = "SELECT slug, item, date, headline, summary, future FROM briefings"
        args: list[Any] = []
        if month is not None:
            sql += " WHERE month = ?"
            args.append(month)
        sql += " ORDER BY future, date DESC, slug DESC"  # newest first, dates in the future last
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        for slug, item, date, headline, summary, future in self.db.execute(sql, args):
            yield {**json.loads(item), "slug": slug, "date": date or None, "headline": headline,
                   "future": bool(future), "feed_summary": summary}

    def months(self) -> list[tuple[str, int]]:
        """(month, number of briefings), newest month first, then 'undated', then the months only
        dates in the future fall in (they must not lead the archive)."""
        rows = self.db.execute("SELECT month, count(*), min(future) FROM briefings GROUP BY month").fetchall()
        dated = sorted(((m, c) for m, c, ahead in rows if m != "undated" and not ahead), reverse=True)
        ahead = sorted((m, c) for m, c, a in rows if m != "undated" and a)
        return dated + [(m, c) for m, c, _ in rows if m == "undated"] + ahead

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM briefings").fetchone()[0]

    def all_keys_and_slugs(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT key, slug FROM briefings ORDER BY slug").fetchall()

    # --- entities ----------------------------------------------------------------------------

    def mentions(self, kind: str, entity: str) -> list[tuple[dict[str, Any], str, str, str, int]]:
        """(data, date, slug, headline, future) of every briefing on an entity's page, newest first."""
        rows = self.db.execute(
            "SELECT m.data, b.date, b.slug, b.headline, b.future FROM mentions m JOIN briefings b "
            "ON b.key = m.key WHERE m.kind = ? AND m.entity = ? ORDER BY b.date DESC, b.slug DESC", (kind, entity))
        return [(json.loads(data), date, slug, headline, future) for data, date, slug, headline, future in rows]

    def refresh_entities(self, touched: Iterable[tuple[str, str]]) -> set[str]:
        """Recompute the entity rows (name, kind, coordinates, count, map links) of `touched`; the
        kinds whose rows changed (their index page, and for places the map, read nothing else)."""
        changed: set[str] = set()
        for kind, entity in touched:
            old = self.db.execute("SELECT * FROM entities WHERE kind = ? AND entity = ?", (kind, entity)).fetchone()
            rows = self.mentions(kind, entity)
            if not rows:
                self.db.execute("DELETE FROM entities WHERE kind = ? AND entity = ?", (kind, entity))
                if old is not None:
                    changed.add(kind)
                continue
            # the briefings in the order one build over all reads them: newest first, future last
            ordered = sorted(rows, key=lambda r: (not r[4], r[1], r[2]), reverse=True)
            name, place_kind, country, lat, lon, approximate = ordered[0][0]["name"], None, None, None, None, False
            for data, *_ in ordered:  # the first briefing's reading wins
                place_kind = place_kind or data["kind"]
                country = country or data["country"]
                if lat is None and data["lat"] is not None:
                    lat, lon, approximate = data["lat"], data["lon"], data["approximate"]
            links = [{"title": headline, "slug": slug, "date": date} for _, date, slug, headline, _
                     in rows[:LINKS_PER_POPUP]]
            row = (kind, entity, name, place_kind, country, lat, lon, int(bool(approximate)), len(rows),
                   json.dumps(links, ensure_ascii=False))
            if old != row:
                self.db.execute("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
                changed.add(kind)
        return changed

    def all_entities(self, kind: str | None = None) -> list[tuple[str, str]]:
        sql, args = "SELECT kind, entity FROM entities", ()
        if kind:
            sql, args = sql + " WHERE kind = ?", (kind,)
        return self.db.execute(sql + " ORDER BY kind, entity", args).fetchall()

    def entity_rows(self, kind: str) -> list[dict[str, Any]]:
        """Every entity of a kind, for its index page and the map."""
        rows = self.db.execute("SELECT entity, name, place_kind, country, lat, lon, approximate, count, links "
                               "FROM entities WHERE kind = ?", (kind,))
        return [{"slug": slug, "name": name, "kind": pk, "country": country, "lat": lat, "lon": lon,
                 "approximate": bool(approx), "count": count, "links": json.loads(links)}
                for slug, name, pk, country, lat, lon, approx, count, links in rows]

    def entity_info(self, kind: str, entity: str) -> dict[str, Any]:
        name, pk, country, lat, lon, approx = self.db.execute(
            "SELECT name, place_kind, country, lat, lon, approximate FROM entities WHERE kind = ? AND entity = ?",
            (kind, entity)).fetchone()
        return {"name": name, "kind": pk, "country": country, "lat": lat, "lon": lon, "approximate": bool(approx)}

    def entity_count(self, kind: str) -> int:
        return self.db.execute("SELECT count(*) FROM entities WHERE kind = ?", (kind,)).fetchone()[0]
