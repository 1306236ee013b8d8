"""A name's gazetteer candidates and what each one is on its own: population, kind, main or alternate name."""
from __future__ import annotations

import math

from generator.gazetteer import Place, name_key

CAPITAL_BONUS = 2.0  # "Washington" in the news is the capital, not the state
FEATURE_BONUS = {"C": 2.5, "A1": 0.0, "A2": -0.3, "R": 3.0, "P": 0.0, "PC": CAPITAL_BONUS}
ALTERNATE_PENALTY = 2.0  # a GeoNames alternate name ("Paras") is weaker evidence than a main name
CITY_SHARE = 0.2  # a city with this part of its same-named region's people is what the name means
MAX_CANDIDATES = 30  # "Washington" has 68 readings: the best-known 30 are enough to choose from
LOCAL_FEATURES = ("P", "PC", "A2")  # towns and counties: places with a point that says where the article is
UNKNOWN_TOWN = 2_000  # the people of a town GeoNames has no number for


def size(p: Place) -> int:
    """The place's people, a town GeoNames gives no number for counting as a small town."""
    return p.population or (UNKNOWN_TOWN if p.feature in ("P", "PC") else 0)


def people(p: Place) -> float:
    """log10 of the place's people; a town GeoNames gives no number for counts as a small town, not an
    empty one (many English towns and London districts: "Twickenham")."""
    return math.log10(size(p) + 10)


def prior(p: Place) -> float:
    """How well known a reading is, before the article says anything: people, and kind of place."""
    score = people(p) + FEATURE_BONUS.get(p.feature, 0.0)
    return score if p.exact else score - ALTERNATE_PENALTY


def short_form(p: Place, key: str) -> bool:
    """The name is the first words of the place's main name: "Enfield" for Enfield Town, "Newcastle" for
    Newcastle upon Tyne (a GeoNames alternate, but as good as the main name)."""
    return not p.exact and p.feature in ("P", "PC") and name_key(p.name).startswith(key + " ")


def prior_best(places: tuple[Place, ...]) -> Place | None:
    """The best-known reading of a name."""
    return max(places, key=prior) if places else None


def candidates(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """The readings worth choosing from: same-named region-and-city pairs folded, the best-known first."""
    places = same_name_pairs(places)
    if len(places) > MAX_CANDIDATES:
        places = tuple(sorted(places, key=prior, reverse=True)[:MAX_CANDIDATES])
    return places


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


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
