"""Which reading of a name the article means: a small linear ranker over each candidate's features (how
well known it is, and how well it fits the article's geography), with weights fitted on the development
gold by scripts/fit_place_ranker.py and shipped in data/place_ranker.tsv."""
from __future__ import annotations

import functools
import math
from importlib import resources

from generator.extract.places.candidates import LOCAL_FEATURES, candidates, people, prior, short_form, softmax
from generator.extract.places.context import DATELINE_WEIGHT, Context, Geography
from generator.extract.places.mentions import Mention
from generator.extract.places.words import COMMONWEALTH_COUNTRIES
from generator.gazetteer import Place, name_key

FEATURES = ("population", "country", "region", "district", "capital", "curated", "alternate", "largest",
            "below_largest", "country_share", "country_share_for_country", "state_named", "county_named",
            "state_towns", "state_towns_for_region", "county_towns", "near", "listed_alike", "locale", "spelling",
            "short_form")
STAGES = ("first", "final")  # weights for the first reading (from best-known readings) and the final one
NAMED_CAP = 2.0  # a region named twice is no more decisive than one named once


@functools.lru_cache(maxsize=1)
def ranker_weights() -> dict[str, tuple[float, ...]]:
    """Stage -> one weight per feature, from data/place_ranker.tsv."""
    text = resources.files("generator").joinpath("data", "place_ranker.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    header, body = rows[0], {r[0]: r[1:] for r in rows[1:]}
    return {stage: tuple(float(body[f][header.index(stage) - 1]) for f in FEATURES) for stage in STAGES}


def features(p: Place, key: str, context: Context, pool: tuple[Place, ...]) -> list[float]:
    """The candidate `p` of the name `key` (one of `pool`), described for the ranker."""
    geo = context.geography
    pop = people(p)
    top = max(people(q) for q in pool)
    local, region = p.feature in LOCAL_FEATURES, p.feature == "A1"
    town = p.feature in ("P", "PC")
    others = max(1.0, geo.others(key))
    share = geo.mass(("cc", p.cc), key) / others if p.cc else 0.0
    in_state = geo.mass(("local", p.cc, p.admin1), key) if p.cc else 0.0
    in_county = geo.mass(("town", p.cc, p.admin1, p.admin2), key) if p.cc and p.admin2 else 0.0
    return [
        pop, float(p.feature == "C"), float(region), float(p.feature == "A2"), float(p.feature == "PC"),
        float(p.feature == "R"), float(not p.exact), float(pop == top), pop - top,
        share, share * (p.feature == "C"),
        min(NAMED_CAP, geo.mass(("state", p.cc, p.admin1), key)) if local else 0.0,
        min(NAMED_CAP, geo.mass(("county", p.cc, p.admin1, p.admin2), key)) if town and p.admin2 else 0.0,
        math.log1p(in_state) if local else 0.0,
        math.log1p(in_state) if region else 0.0,
        math.log1p(in_county) if local else 0.0,
        math.log1p(geo.near(p, key)) if local else 0.0,
        float(context.listed_alike(p, key)),
        float(p.cc is not None and p.cc == context.locale.country),
        _spelling_fit(p, context.locale.spelling) if local else 0.0,
        float(short_form(p, key)),
    ]


def _spelling_fit(p: Place, spelling: str | None) -> float:
    """-1 for a town of a country that does not spell as the article does (an American namesake in
    British news, an English village in an American paper), else 0."""
    if spelling is None or p.cc is None or p.feature == "PC":
        return 0.0
    if p.cc == "US":
        return -1.0 if spelling == "commonwealth" else 0.0
    return -1.0 if spelling == "american" and p.cc in COMMONWEALTH_COUNTRIES else 0.0


def scores(pool: tuple[Place, ...], key: str, context: Context, stage: str = "final") -> list[float]:
    """The ranker's score of each reading (kept in the geography: a name is asked about many times)."""
    memo = (stage, key, tuple(p.id for p in pool), tuple(sorted(context.peers.get(key, ()))))
    found = context.geography.scores.get(memo)
    if found is None:
        weights = context.weights.get(stage) or ranker_weights()[stage]
        found = [sum(w * f for w, f in zip(weights, features(p, key, context, pool))) for p in pool]
        context.geography.scores[memo] = found
    return found


def resolve(places: tuple[Place, ...], context: Context, text: str | None = None) -> Place | None:
    """The best place for a name (written as `text`) in this article's context."""
    if not places:
        return None
    pool = candidates(places)
    key = name_key(text or places[0].name)
    ranked = scores(pool, key, context)
    return pool[max(range(len(pool)), key=ranked.__getitem__)]


def read_geography(context: Context, voters: list[Mention], stages: tuple[str, ...] = ("first",)) -> None:
    """Fill `context.geography` from every name's readings: first weighted by how well known each is,
    then (for each stage) by how well it fits the geography read so far."""
    names: dict[str, tuple[tuple[Place, ...], float]] = {}
    for m in voters:
        key = name_key(m.text)
        if m.places and (key not in names or m.qualified):
            names[key] = (candidates(m.places), DATELINE_WEIGHT if m.label == "DATELINE" else 1.0)
    shares = {key: softmax([prior(p) for p in pool]) for key, (pool, _) in names.items()}
    for stage in (None, *stages):
        if stage is not None:
            shares = {key: softmax(scores(pool, key, context, stage)) for key, (pool, _) in names.items()}
        geo = Geography()
        for key, (pool, weight) in names.items():
            geo.add(key, list(zip(pool, shares[key])), weight)
        context.geography = geo
