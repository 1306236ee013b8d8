"""The article's own geography: the qualifiers it writes ("Edmonton, Ky."), and, from the readings its
names may have, which countries, regions, districts and neighbourhoods it is about."""
from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc

from generator import nlp
from generator.extract.places.candidates import LOCAL_FEATURES, km
from generator.extract.places.locale import Locale
from generator.extract.places.mentions import Mention
from generator.gazetteer import Gazetteer, Place, name_key

LIST_GOES_ON = re.compile(r",? (?:and|or) |, ")  # what joins the items of a list
QUALIFIER = re.compile(r"[A-Z][A-Za-z.]{0,6}\.")  # "Man.", "N.S.", "Calif."
NEAR_KM = 200.0
CELL_DEGREES = 1.0  # neighbourhoods are 3 x 3 cells of this size: roughly 100-300 km across
DATELINE_WEIGHT = 2.0  # the dateline says where the reporter is: it counts as two names


class Geography:
    """How much of the article's names (each name once, split over its possible readings) lies in each
    country, region, district and grid cell; a name's own share can be left out ("Georgia" alone says
    nothing about the country Georgia)."""

    def __init__(self) -> None:
        self.total: Counter = Counter()
        self.own: dict[str, Counter] = {}
        self.scores: dict[tuple, list[float]] = {}  # the ranker's scores of a name's readings, once read

    def add(self, key: str, readings: list[tuple[Place, float]], weight: float = 1.0) -> None:
        own = self.own.setdefault(key, Counter())
        own["names"] += weight
        self.total["names"] += weight
        for p, share in readings:
            for k in _keys(p):
                own[k] += share * weight
                self.total[k] += share * weight

    def mass(self, k: tuple, key: str) -> float:
        own = self.own.get(key)
        return self.total.get(k, 0.0) - (own.get(k, 0.0) if own else 0.0)

    def others(self, key: str) -> float:
        """How many other names the article has (the dateline counting double)."""
        return self.mass("names", key)

    def near(self, p: Place, key: str) -> float:
        if p.lat is None:
            return 0.0
        return self.mass(("near", *_cell(p)), key)


def _cell(p: Place) -> tuple[int, int]:
    return math.floor(p.lat / CELL_DEGREES), math.floor(p.lon / CELL_DEGREES)


def _keys(p: Place) -> list[tuple]:
    """What a reading says about where the article is."""
    if not p.cc:
        return []
    keys: list[tuple] = [("cc", p.cc)]
    if p.feature == "A1":
        keys.append(("state", p.cc, p.admin1))
    elif p.feature == "A2":
        keys += [("county", p.cc, p.admin1, p.admin2), ("local", p.cc, p.admin1)]
    elif p.feature in ("P", "PC"):
        keys += [("local", p.cc, p.admin1), ("town", p.cc, p.admin1, p.admin2)]
    if p.feature in LOCAL_FEATURES and p.lat is not None:
        i, j = _cell(p)  # the reading is near every point of its own and the 8 cells around it
        keys += [("near", i + a, j + b) for a in (-1, 0, 1) for b in (-1, 0, 1)]
    return keys


class Context:
    """What the article as a whole says about where it is: the geography of its names' possible
    readings, and the countries, regions and points of their chosen readings."""

    def __init__(self, countries: Counter, regions: dict[tuple[str, ...], set[str]], points: list[tuple[str, Place]],
                 by_name: Counter | None = None):
        self.countries = countries
        self.by_name = by_name or Counter()  # (country, name key) -> weight, to ask "what do other names say"
        self.total = sum(countries.values()) or 1
        self.regions = regions
        self.points = points
        self.peers: dict[str, set[str]] = {}  # name -> names listed with it
        self.readings: dict[str, Place] = {}  # name -> its reading
        self.geography = Geography()
        self.locale = Locale()  # where the newsroom writes from, as far as its words tell
        self.weights: dict[str, tuple[float, ...]] = {}
        self.voters: list[Mention] = []  # every mention that may be a place, each a name of the geography

    @classmethod
    def of(cls, mentions: list[Mention], first: dict[int, Place | None]) -> "Context":
        countries: Counter = Counter()
        by_name: Counter = Counter()
        regions: dict[tuple[str, ...], set[str]] = {}
        points: dict[tuple[str, int], Place] = {}
        for m in mentions:
            p = first.get(id(m))
            if p is None or p.cc is None:
                continue
            weight = 2 if m.label == "DATELINE" or p.feature in ("C", "A1") else 1
            countries[p.cc] += weight
            by_name[p.cc, name_key(m.text)] += weight
            if p.feature == "A1":
                regions.setdefault((p.cc, p.admin1), set()).add(name_key(m.text))
            elif p.feature == "A2":
                regions.setdefault((p.cc, p.admin1, p.admin2), set()).add(name_key(m.text))
            if p.feature in LOCAL_FEATURES and p.lat is not None:  # towns and counties: local points
                points.setdefault((name_key(m.text), p.id), p)  # once per name and reading, however often named
        context = cls(countries, regions, [(key, p) for (key, _), p in points.items()], by_name)
        for m in mentions:
            context.peers.setdefault(name_key(m.text), set()).update(name_key(p) for p in m.peers)
            if first.get(id(m)) is not None:
                context.readings.setdefault(name_key(m.text), first[id(m)])
        return context

    def share(self, cc: str | None, own: Mention | None = None, key: str | None = None) -> float:
        """The country's part of the article's places (leaving out the name of `own`, or `key`)."""
        if not cc:
            return 0.0
        key = name_key(own.text) if own else key
        count = self.countries.get(cc, 0) - (self.by_name[cc, key] if key else 0)
        return count / self.total

    def share_elsewhere(self, cc: str | None, own: Mention | None = None) -> bool:
        """The article names places in countries other than `cc` (leaving out the name of `own`)."""
        key = name_key(own.text) if own else None
        return any(n - (self.by_name[c, key] if key else 0) > 0 for c, n in self.countries.items() if c != cc)

    def near(self, p: Place, own: Mention) -> bool:
        """Another place of the article lies within NEAR_KM of `p`."""
        key = name_key(own.text)
        return p.lat is not None and any(km(p, q) <= NEAR_KM for k, q in self.points if k != key)

    def in_named_region(self, p: Place, key: str) -> bool:
        """The article names the region or district `p` is in (by another name than `key`)."""
        return bool(self.regions.get((p.cc, p.admin1), set()) - {key}
                    or self.regions.get((p.cc, p.admin1, p.admin2), set()) - {key})

    def listed_alike(self, p: Place, key: str) -> bool:
        """The names listed with this one are all of its kind, in its country ("Washington, Oregon and
        California": states listed with states)."""
        listed = [self.readings[k] for k in self.peers.get(key, ()) if k in self.readings]
        return bool(listed) and all(q.feature == p.feature and q.cc == p.cc for q in listed)


def apply_qualifiers(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """ "Edmonton, Ky.", "London, Ont.", "Paris, France": the second name narrows the first."""
    by_start = {m.start: m for m in mentions}
    text = nlp.text_of(doc)
    for m in mentions:
        if not m.places:
            continue
        if m.label == "DATELINE" and m.start >= 0:
            continue  # a dateline in the text: narrowed where it was found
        if m.label == "DATELINE":
            parts = [n for n in mentions if n.label == "DATELINE" and n.start < 0]
            index = parts.index(m)
            qual = parts[index + 1] if index + 1 < len(parts) else None
            areas = qual.places if qual is not None else ()
        elif text.startswith(", ", m.end):
            qual = by_start.get(m.end + 2)
            if qual is not None and _listed_with_peers(qual, text, by_start):
                continue  # "Washington, Oregon and California": a list of states, not "Town, State"
            areas = qual.places if qual is not None else _written_area(text, m.end + 2, gazetteer)
        else:
            continue
        areas = [p for p in areas if p.feature in ("C", "A1")]
        narrowed = tuple(p for p in m.places for a in areas
                         if p.cc == a.cc and (a.feature == "C" or p.admin1 == a.admin1) and p.id != a.id)
        if narrowed:
            m.places, m.qualified = narrowed, True


def _listed_with_peers(qual: Mention, text: str, by_start: dict[int, Mention]) -> bool:
    """The name after `qual` is another region or country: `qual` is an item of a list ("Washington,
    Oregon and California"), not a qualifier ("Richmond, Virginia, Fort Lauderdale")."""
    joint = LIST_GOES_ON.match(text, qual.end)
    following = by_start.get(joint.end()) if joint else None
    return following is not None and any(p.feature in ("C", "A1") for p in following.places[:1])


def _written_area(text: str, start: int, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The abbreviation written at `start` that no entity covers: "Churchill, Man." ("Man" is no name)."""
    word = QUALIFIER.match(text, start)
    return gazetteer.lookup(word.group()) if word and gazetteer.is_abbreviation(word.group()) else ()


