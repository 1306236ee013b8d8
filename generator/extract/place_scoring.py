"""How well a gazetteer reading fits the article: a name's prior (population, feature) plus what the
article's other places say (countries, named regions and districts, nearby towns)."""
from __future__ import annotations

import math
from collections import Counter

from generator.extract.place_mentions import Mention
from generator.gazetteer import Place, name_key

CAPITAL_BONUS = 2.0  # "Washington" in the news is the capital, not the state
FEATURE_BONUS = {"C": 2.5, "A1": 0.0, "A2": -0.3, "R": 3.0, "P": 0.0, "PC": CAPITAL_BONUS}
ALTERNATE_PENALTY = 2.0  # a GeoNames alternate name ("Paras") is weaker evidence than a main name
COUNTRY_BONUS = 1.5  # scaled by the country's share of the article's places
REGION_BONUS = 2.0  # the article names the region (or its abbreviation) the place is in
DISTRICT_BONUS = 3.0  # the article names the county or district the town is in: near-decisive
NEAR_BONUS = 1.0  # another place of the article lies within NEAR_KM
NEAR_KM = 200.0
LIST_BONUS = 2.0  # the names listed with this one are all of its kind, in its country
INSIDE_BONUS = 0.7  # per other place of the article inside this region (at most 3)
CITY_SHARE = 0.2  # a city with this part of its same-named region's people is what the name means


def prior(p: Place) -> float:
    score = math.log10(p.population + 10) + FEATURE_BONUS.get(p.feature, 0.0)
    return score if p.exact else score - ALTERNATE_PENALTY


def prior_best(places: tuple[Place, ...]) -> Place | None:
    return max(places, key=prior) if places else None


class Context:
    """What the article as a whole says about where it is: countries, regions, points."""

    def __init__(self, countries: Counter, regions: dict[tuple[str, ...], set[str]], points: list[tuple[str, Place]],
                 by_name: Counter | None = None):
        self.countries = countries
        self.by_name = by_name or Counter()  # (country, name key) -> weight, to ask "what do other names say"
        self.total = sum(countries.values()) or 1
        self.regions = regions
        self.points = points
        self.peers: dict[str, set[str]] = {}  # name -> names listed with it
        self.readings: dict[str, Place] = {}  # name -> its reading

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
            if p.feature in ("P", "PC", "A2") and p.lat is not None:  # towns and counties: local points
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

    def score(self, p: Place, key: str) -> float:
        # a name never votes for itself: "Georgia" alone says nothing about the country Georgia
        s = prior(p) + COUNTRY_BONUS * min(1.0, 3 * self.share(p.cc, key=key))
        if p.feature in ("P", "PC", "A2") and self.regions.get((p.cc, p.admin1), set()) - {key}:
            s += REGION_BONUS
        if p.feature in ("P", "PC") and self.regions.get((p.cc, p.admin1, p.admin2), set()) - {key}:
            s += DISTRICT_BONUS
        others = [q for k, q in self.points if k != key]
        if p.feature in ("P", "PC") and p.lat is not None and any(km(p, q) <= NEAR_KM for q in others):
            s += NEAR_BONUS
        listed = [self.readings[k] for k in self.peers.get(key, ()) if k in self.readings]
        if listed and all(q.feature == p.feature and q.cc == p.cc for q in listed):
            s += LIST_BONUS  # "Washington, Oregon and California": states listed with states
        if p.feature == "A1":
            s += INSIDE_BONUS * min(3, sum(1 for q in others if (q.cc, q.admin1) == (p.cc, p.admin1)))
        return s


def resolve(places: tuple[Place, ...], context: Context, text: str | None = None) -> Place | None:
    """The best place for a name (written as `text`) in this article's context."""
    if not places:
        return None
    key = name_key(text or places[0].name)
    return max(same_name_pairs(places), key=lambda p: context.score(p, key))


def same_name_pairs(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A region and a city inside it with one name ("Quebec", "New York"): the city when it holds a fair
    part of the region's people, else the region."""
    regions = [p for p in places if p.feature in ("A1", "A2")]
    drop = set()
    for r in regions:
        for p in places:
            if p.feature in ("P", "PC") and (p.cc, p.admin1) == (r.cc, r.admin1):
                drop.add(r.id if p.population >= CITY_SHARE * r.population else p.id)
    return tuple(p for p in places if p.id not in drop) if drop else places


def km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
