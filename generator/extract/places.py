"""Places mentioned in the article, resolved against the offline gazetteer (GeoNames, CC BY 4.0)."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from generator import nlp
from generator.extract.place_mentions import (Mention, apply_qualifiers, cued_mentions, dateline_mentions,
                                              embedded_place, entity_mentions, person_tokens)
from generator.extract.wordlists_places import (COMPASS_WORDS, DEMONYM_ENDINGS, FACILITY_WORDS, NATURAL_WORDS,
                                                PLACE_CUES, PLACE_LABELS, STREET_WORDS)
from generator.gazetteer import Gazetteer, Place, name_key
from generator.models import Location

CAPITAL_BONUS = 2.0  # "Washington" in the news is the capital, not the state
FEATURE_BONUS = {"C": 2.5, "A1": 0.0, "A2": -0.3, "R": 3.0, "P": 0.0, "PC": CAPITAL_BONUS}
ALTERNATE_PENALTY = 2.0  # a GeoNames alternate name ("Paras") is weaker evidence than a main name
COUNTRY_BONUS = 1.5  # scaled by the country's share of the article's places
REGION_BONUS = 2.0  # the article names the region (or its abbreviation) the place is in
DISTRICT_BONUS = 3.0  # the article names the county or district the town is in: near-decisive
NEAR_BONUS = 1.0  # another place of the article lies within NEAR_KM
NEAR_KM = 200.0
INSIDE_BONUS = 0.7  # per other place of the article inside this region (at most 3)
MISFIRE_POPULATION = 50_000  # a PERSON/ORG-tagged name must be a town this big, or in the article's country
LOCAL_POPULATION = 1_000
CITY_SHARE = 0.2  # a city with this part of its same-named region's people is what the name means
ABBREVIATION_LETTERS = 4  # "USA", "NSW": all-capital names this short are abbreviations
LOOSE_POPULATION = 100_000
WIDE_FEATURES = ("C", "A1", "R")
ISOLATED_POPULATION = 50_000  # a one-word town smaller than this, far from the article's other towns, is doubtful
RESOLVE_PASSES = 1  # re-read the context from resolved names (not each name's best-known place) this often  # an untagged capitalised word must be a city this big, or local


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None


def extract_locations(doc: Doc, gazetteer: Gazetteer, dateline: str | None = None) -> list[Location]:
    """Every place with its kind, country and coordinates, in order of first mention."""
    dateline = dateline or doc.user_data.get("dateline")
    people = person_tokens(doc)
    mentions = [m for m in entity_mentions(doc, gazetteer) if _keep(m, people)]
    mentions += dateline_mentions(dateline, gazetteer)
    apply_qualifiers(doc, mentions)
    first = {id(m): _prior_best(m.places) for m in mentions}
    context = _Context.of(mentions, first)
    voters = mentions
    mentions = [m for m in mentions if _confident(m, context, people)]
    loose = _loose_mentions(doc, gazetteer, mentions, context, people)
    mentions += loose
    voters = voters + loose
    for _ in range(RESOLVE_PASSES):  # each name's reading, given the other names' readings
        context = _Context.of(voters, {id(m): _resolve(m.places, context, m.text) for m in voters})
    groups: dict[object, Group] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        place = _resolve(m.places, context, m.text) if m.places else None
        if place is not None and _isolated(place, m, context):
            # the best reading is a doubtful small town: a wide area of that name ("Asia"), else none
            place = _resolve(tuple(p for p in m.places if p.exact and p.feature in WIDE_FEATURES), context, m.text)
            if place is None:
                continue
        key = (place.id if place is not None and not (m.facility or m.part)
               else name_key(m.surface if m.part else m.text))
        groups.setdefault(key, Group(place=place)).mentions.append(m)
    home = _home(groups.values())
    for group in groups.values():
        if group.mentions[0].facility:
            group.place = _facility_place(doc, group.mentions[0], gazetteer, context) or home
    return [_location(group, gazetteer) for group in groups.values()]


def _home(groups) -> Place | None:
    """The town the article is datelined in. (The town named most often is no evidence for where a
    facility is: a war report names the front-line city most, not the cosmodrome's town.)"""
    towns = [g for g in groups if g.place is not None and g.place.feature in ("P", "PC") and g.place.lat is not None
             and not g.mentions[0].facility]
    dated = [g for g in towns if g.mentions[0].label == "DATELINE"]
    return dated[0].place if dated else None


def _facility_place(doc: Doc, m: Mention, gazetteer: Gazetteer, context: "_Context") -> Place | None:
    """Where a facility is: the place its name starts with ("Vancouver Art Gallery"), if the article is there."""
    span = doc.char_span(m.start, m.start + len(m.surface), alignment_mode="expand")
    inner = embedded_place(doc, [t for t in span if t.lower_ != "the"], gazetteer) if span else None
    best = _resolve(inner.places, context, inner.text) if inner else None
    return best if best is not None and _local(best, inner, context) else None


def _keep(m: Mention, people: set[str]) -> bool:
    """Drop entity mentions that cannot be places before any context is known."""
    if m.text.lower() in COMPASS_WORDS:
        return False
    if m.text.isupper() and len(m.text.replace(".", "")) <= 5 and not any(
            p.feature in ("C", "A1") for p in m.places):
        return False  # "NATO", "U.N.": acronyms are organisations unless they abbreviate a country or state
    if m.label in PLACE_LABELS or m.label == "CUE":
        return bool(m.places) or m.label in ("GPE", "CUE") or _place_head(m.text)
    if m.facility:
        return m.label == "ORG" and not m.text.isupper()
    if m.label in ("EMBEDDED", "SUFFIX"):
        return bool(m.places)
    if m.label == "NORP" and m.text.lower().endswith(DEMONYM_ENDINGS):
        return False
    if not m.places or m.text in people:
        return False
    return any(p.exact for p in m.places)


def _confident(m: Mention, context: "_Context", people: set[str]) -> bool:
    """PERSON/ORG-tagged names count only as well-known or local places."""
    if m.label in PLACE_LABELS or m.label in ("DATELINE", "CUE", "SUFFIX") or m.facility:
        if m.places and m.text in people and m.label != "DATELINE":
            # "Georgia Stevens ... Georgia skates": a person's name, unless the other places back the reading
            return any(context.share(p.cc, own=m) > 0 for p in m.places if p.exact or p.population >= LOCAL_POPULATION)
        if m.places or m.label != "GPE":
            return True
        # an unresolved GPE: keep it when it is neither someone's name nor a demonym ("Ukrainian"), and the
        # words say it is a place: a head word ("Enfield Borough"), "County of ...", or "in Kfraya"
        return (m.text not in people and not any(w in people for w in m.text.split())
                and not (m.text.lower().endswith(DEMONYM_ENDINGS) and " " not in m.text)
                and (_place_head(m.text) or _cue_of(m.text) or (" " not in m.text and m.after_locative)))
    best = _resolve(m.places, context, m.text)
    if best is None or not best.exact:
        return False
    if m.label == "EMBEDDED":
        return _local(best, m, context)
    if best.feature in ("C", "A1", "R"):
        return True
    if best.population >= MISFIRE_POPULATION:  # a big town, in a country the article is about (if any)
        return context.share(best.cc, own=m) > 0 or not context.share_elsewhere(best.cc, own=m)
    return best.population >= LOCAL_POPULATION and context.share(best.cc, own=m) > 0


def _local(best: Place, m: Mention, context: "_Context") -> bool:
    """A place named inside another name counts only where the rest of the article is, and when it is
    no common word ("Golden Globe", "White House"): a big place, a multi-word name, or near another place."""
    if context.share(best.cc, own=m) == 0:
        return False
    return (best.feature in ("C", "A1") or best.population >= LOOSE_POPULATION
            or (" " in m.text and best.population >= LOCAL_POPULATION) or context.near(best, m))


def _isolated(p: Place, m: Mention, context: "_Context") -> bool:
    """A one-word small town far from all the article's other towns, in no region it names ("his wife,
    Tonya"; "Conrad continues"): more likely a first name or a word than a place."""
    if " " in m.text or m.label in ("DATELINE", "CUE") or m.designator or m.part:
        return False
    if p.feature not in ("P", "PC") or p.population >= ISOLATED_POPULATION or p.lat is None:
        return False
    key = name_key(m.text)
    others = [q for k, q in context.points if k != key]
    return bool(others) and not context.near(p, m) and not context.in_named_region(p, key)


def _cue_of(text: str) -> bool:
    """ "City of Montreal", "County of Brant"."""
    words = text.lower().split()
    return len(words) > 2 and words[0] in PLACE_CUES and words[1] == "of"


def _place_head(text: str) -> bool:
    """ "Church Street", "Lake Erie", "Heathrow Airport": the head word says it is a place."""
    words = text.lower().split()
    return any(w in STREET_WORDS | NATURAL_WORDS | FACILITY_WORDS for w in (words[-1], words[0]))


def _loose_mentions(doc: Doc, gazetteer: Gazetteer, found: list[Mention], context: "_Context",
                    people: set[str]) -> list[Mention]:
    """Capitalised proper nouns outside any entity that name a big or local place."""
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out = cued_mentions(doc, gazetteer, covered)
    covered |= {t.i for m in out for t in doc.char_span(m.start, m.start + len(m.surface)) or ()}
    for tok in doc:
        if (tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.is_sent_start
                or tok.text in people or len(tok.text) < 3 or tok.lower_ in COMPASS_WORDS):
            continue
        places = tuple(p for p in gazetteer.lookup(tok.text) if p.exact)
        best = _resolve(places, context)
        if best is None:
            continue
        if best.feature in ("C", "A1") or (best.population >= LOOSE_POPULATION and (
                context.share(best.cc) > 0 or not context.share_elsewhere(best.cc))) or (
                context.share(best.cc) > 0.2 and best.population >= LOCAL_POPULATION * 10):
            out.append(Mention(tok.text, tok.text, nlp.paragraph_of(doc, tok), tok.idx, "LOOSE", places=places))
    return out


def _prior(p: Place) -> float:
    score = math.log10(p.population + 10) + FEATURE_BONUS.get(p.feature, 0.0)
    return score if p.exact else score - ALTERNATE_PENALTY


def _prior_best(places: tuple[Place, ...]) -> Place | None:
    return max(places, key=_prior) if places else None


class _Context:
    """What the article as a whole says about where it is: countries, regions, points."""

    def __init__(self, countries: Counter, regions: dict[tuple[str, ...], set[str]], points: list[tuple[str, Place]],
                 by_name: Counter | None = None):
        self.countries = countries
        self.by_name = by_name or Counter()  # (country, name key) -> weight, to ask "what do other names say"
        self.total = sum(countries.values()) or 1
        self.regions = regions
        self.points = points

    @classmethod
    def of(cls, mentions: list[Mention], first: dict[int, Place | None]) -> "_Context":
        countries: Counter = Counter()
        by_name: Counter = Counter()
        regions: dict[tuple[str, ...], set[str]] = {}
        points = []
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
                points.append((name_key(m.text), p))
        return cls(countries, regions, points, by_name)

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
        return p.lat is not None and any(_km(p, q) <= NEAR_KM for k, q in self.points if k != key)

    def in_named_region(self, p: Place, key: str) -> bool:
        """The article names the region or district `p` is in (by another name than `key`)."""
        return bool(self.regions.get((p.cc, p.admin1), set()) - {key}
                    or self.regions.get((p.cc, p.admin1, p.admin2), set()) - {key})

    def score(self, p: Place, key: str) -> float:
        # a name never votes for itself: "Georgia" alone says nothing about the country Georgia
        s = _prior(p) + COUNTRY_BONUS * min(1.0, 3 * self.share(p.cc, key=key))
        if p.feature in ("P", "PC", "A2") and self.regions.get((p.cc, p.admin1), set()) - {key}:
            s += REGION_BONUS
        if p.feature in ("P", "PC") and self.regions.get((p.cc, p.admin1, p.admin2), set()) - {key}:
            s += DISTRICT_BONUS
        others = [q for k, q in self.points if k != key]
        if p.feature in ("P", "PC") and p.lat is not None and any(_km(p, q) <= NEAR_KM for q in others):
            s += NEAR_BONUS
        if p.feature == "A1":
            s += INSIDE_BONUS * min(3, sum(1 for q in others if (q.cc, q.admin1) == (p.cc, p.admin1)))
        return s


def _resolve(places: tuple[Place, ...], context: _Context, text: str | None = None) -> Place | None:
    """The best place for a name (written as `text`) in this article's context."""
    if not places:
        return None
    key = name_key(text or places[0].name)
    return max(_same_name_pairs(places), key=lambda p: context.score(p, key))


def _same_name_pairs(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A region and a city inside it with one name ("Quebec", "New York"): the city when it holds a fair
    part of the region's people, else the region."""
    regions = [p for p in places if p.feature in ("A1", "A2")]
    drop = set()
    for r in regions:
        for p in places:
            if p.feature in ("P", "PC") and (p.cc, p.admin1) == (r.cc, r.admin1):
                drop.add(r.id if p.population >= CITY_SHARE * r.population else p.id)
    return tuple(p for p in places if p.id not in drop) if drop else places


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _location(group: Group, gazetteer: Gazetteer) -> Location:
    first = group.mentions[0]
    paragraphs = sorted({m.paragraph for m in group.mentions})
    place = group.place
    name = first.surface if first.label != "DATELINE" else first.text
    if place is not None and place.feature in ("C", "A1") and _abbreviation(first.text):
        name = place.name  # "Ky." and "U.S." are listed as Kentucky and United States
    if first.facility:  # placed at the town it is in (or the article's town): an approximate point
        return Location(name=name, kind="facility", lat=place.lat if place else None,
                        lon=place.lon if place else None, country=place.cc if place else None,
                        approximate=place is not None, paragraphs=paragraphs)
    if place is None:
        return Location(name=name, kind=_unresolved_kind(first), lat=None, lon=None, paragraphs=paragraphs)
    country = gazetteer.country(place.cc) if place.cc else None
    kind, approximate = place.kind, place.approximate or first.part
    if first.designator and place.feature in ("P", "PC"):
        kind, approximate = first.designator, True
    return Location(name=name, kind=kind, lat=place.lat, lon=place.lon, country=place.cc,
                    country_name=country.name if country else None, approximate=approximate,
                    geonameid=place.id if place.id > 0 else None, paragraphs=paragraphs)


def _abbreviation(text: str) -> bool:
    """ "U.S.", "Ky.", "UK", "NSW": a short form the place list spells out."""
    return "." in text or (text.isupper() and len(text) <= ABBREVIATION_LETTERS)


def _unresolved_kind(m: Mention) -> str:
    last = m.text.split()[-1].lower()
    if m.designator:
        return m.designator
    if last in FACILITY_WORDS:
        return "facility"
    if m.label == "CUE":
        return "village"
    return "place"
