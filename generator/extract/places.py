"""Places mentioned in the article, resolved against the offline gazetteer (GeoNames, CC BY 4.0)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from generator import nlp
from generator.extract.place_mentions import (Mention, apply_qualifiers, cued_mentions, dateline_mentions,
                                              embedded_place, entity_mentions, person_tokens)
from generator.extract.wordlists_places import (COMPASS_WORDS, DEMONYM_ENDINGS, FACILITY_WORDS, MISFIRE_LABELS, NATURAL_WORDS,
                                                PLACE_CUES, PLACE_LABELS, STREET_WORDS)
from generator.extract.place_scoring import Context, prior_best, resolve
from generator.gazetteer import Gazetteer, Place, name_key
from generator.models import Location

MISFIRE_POPULATION = 50_000  # a PERSON/ORG-tagged name must be a town this big, or in the article's country
LOCAL_POPULATION = 1_000
ABBREVIATION_LETTERS = 4  # "USA", "NSW": all-capital names this short are abbreviations
LOOSE_POPULATION = 100_000
WIDE_FEATURES = ("C", "A1", "R")
ISOLATED_POPULATION = 50_000  # a one-word town smaller than this, far from the article's other towns, is doubtful
OWNER_WORDS = 3  # "Ottawa's", "New York City's": the longest name read before a possessive
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
    mentions = _without_agents(mentions)
    mentions += dateline_mentions(dateline, gazetteer)
    apply_qualifiers(doc, mentions, gazetteer)
    first = {id(m): prior_best(m.places) for m in mentions}
    context = Context.of(mentions, first)
    voters = mentions
    mentions = [m for m in mentions if _confident(m, context, people)]
    loose = _loose_mentions(doc, gazetteer, mentions, context, people)
    mentions += loose
    voters = voters + loose
    for _ in range(RESOLVE_PASSES):  # each name's reading, given the other names' readings
        context = Context.of(voters, {id(m): resolve(m.places, context, m.text) for m in voters})
    groups: dict[object, Group] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        place = resolve(m.places, context, m.text) if m.places else None
        if place is not None and _isolated(place, m, context):
            # the best reading is a doubtful small town: a wide area of that name ("Asia"), else none
            place = resolve(tuple(p for p in m.places if p.exact and p.feature in WIDE_FEATURES), context, m.text)
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


def _facility_place(doc: Doc, m: Mention, gazetteer: Gazetteer, context: "Context") -> Place | None:
    """Where a facility is: the place whose name it follows ("Toronto's Pearson International Airport"), else
    the place its name starts with ("Vancouver Art Gallery"), if the article is there."""
    span = doc.char_span(m.start, m.start + len(m.surface), alignment_mode="expand")
    if span is None:
        return None
    owner = _owner(doc, span, gazetteer, context)
    if owner is not None:
        return owner
    inner = embedded_place(doc, [t for t in span if t.lower_ != "the"], gazetteer)
    best = resolve(inner.places, context, inner.text) if inner else None
    return best if best is not None and _local(best, inner, context) else None


def _owner(doc: Doc, span, gazetteer: Gazetteer, context: "Context") -> Place | None:
    """The town or country named, with a possessive, just before a facility: "Ottawa's ... Airport" (the
    longest name that is a place: "At Toronto's" is Toronto's)."""
    end = span.start - 1
    if end < 1 or doc[end].lower_ not in ("'s", "’s"):
        return None
    start = end
    while start > 0 and end - start < OWNER_WORDS and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    for first in range(start, end):
        text = doc[first:end].text
        places = tuple(p for p in gazetteer.lookup(text) if p.exact and p.feature in ("C", "A1", "P", "PC"))
        best = resolve(places, context, text)
        if best is not None:
            return best if context.share(best.cc, key=name_key(text)) + (best.feature == "C") > 0 else None
    return None


def _without_agents(mentions: list[Mention]) -> list[Mention]:
    """Drop names tagged as a person or body that only ever act ("Xinhua said", "Hidalgo has helped"),
    and sites only ever standing for the people in them ("the White House condemned", "White House
    aides"): a place is also written where things happen ("in Edmonton", "at the White House")."""
    acting = {m.text for m in mentions if m.agent} - {m.text for m in mentions if not m.agent}
    institutions = {m.text for m in mentions if m.metonym} - {m.text for m in mentions if not m.metonym}
    return [m for m in mentions if not (m.text in acting and m.label in MISFIRE_LABELS and not m.facility
                                        or m.text in institutions and m.facility)]


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


def _confident(m: Mention, context: "Context", people: set[str]) -> bool:
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
    best = resolve(m.places, context, m.text)
    if best is None or not best.exact:
        return False
    if m.qualified:  # "Churchill, Man.": a town named with its province is that town, however small
        return True
    if m.label == "EMBEDDED":
        return _local(best, m, context)
    if best.feature in ("C", "A1", "R"):
        return True
    if best.population >= MISFIRE_POPULATION:  # a big town, in a country the article is about (if any)
        return context.share(best.cc, own=m) > 0 or not context.share_elsewhere(best.cc, own=m)
    return best.population >= LOCAL_POPULATION and context.share(best.cc, own=m) > 0


def _local(best: Place, m: Mention, context: "Context") -> bool:
    """A place named inside another name counts only where the rest of the article is, and when it is
    no common word ("Golden Globe", "White House"): a big place, a multi-word name, or near another place."""
    if context.share(best.cc, own=m) == 0:
        return False
    return (best.feature in ("C", "A1") or best.population >= LOOSE_POPULATION
            or (" " in m.text and best.population >= LOCAL_POPULATION) or context.near(best, m))


def _isolated(p: Place, m: Mention, context: "Context") -> bool:
    """A one-word small town far from all the article's other towns, in no region it names ("his wife,
    Tonya"; "Conrad continues"): more likely a first name or a word than a place."""
    if " " in m.text or m.label in ("DATELINE", "CUE") or m.designator or m.part or m.qualified:
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


def _loose_mentions(doc: Doc, gazetteer: Gazetteer, found: list[Mention], context: "Context",
                    people: set[str]) -> list[Mention]:
    """Capitalised proper nouns outside any entity that name a big or local place."""
    covered = {i for ent in nlp.entities(doc) for i in range(ent.start, ent.end)}
    out = cued_mentions(doc, gazetteer, covered)
    covered |= {t.i for m in out for t in doc.char_span(m.start, m.start + len(m.surface)) or ()}
    for tok in doc:
        if (tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.is_sent_start
                or tok.text in people or len(tok.text) < 3 or tok.lower_ in COMPASS_WORDS):
            continue
        places = tuple(p for p in gazetteer.lookup(tok.text) if p.exact)
        best = resolve(places, context)
        if best is None:
            continue
        if best.feature in ("C", "A1") or (best.population >= LOOSE_POPULATION and (
                context.share(best.cc) > 0 or not context.share_elsewhere(best.cc))) or (
                context.share(best.cc) > 0.2 and best.population >= LOCAL_POPULATION * 10):
            out.append(Mention(tok.text, tok.text, nlp.paragraph_of(doc, tok), tok.idx, "LOOSE", places=places))
    return out


def _location(group: Group, gazetteer: Gazetteer) -> Location:
    first = group.mentions[0]
    paragraphs = sorted({m.paragraph for m in group.mentions})
    place = group.place
    name = first.surface if first.label != "DATELINE" else first.text
    if first.label == "DATELINE" and name.isupper():  # "BEIJING --": the body's spelling, else the gazetteer's
        written = [m.surface for m in group.mentions if m.label != "DATELINE"]
        name = written[0] if written else (place.name if place is not None else name.title())
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
