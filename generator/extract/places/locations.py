"""Mentions grouped into the briefing's places: one Location per place, facilities placed at their town."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from generator.extract.places.context import Context
from generator.extract.places.filters import local
from generator.extract.places.mentions import Mention, embedded_place
from generator.extract.places.resolution import resolve
from generator.extract.places.words import FACILITY_WORDS
from generator.gazetteer import Gazetteer, Place, name_key
from generator.models import Location

ABBREVIATION_LETTERS = 4  # "USA", "NSW": all-capital names this short are abbreviations
STREET_TOWN_GAP = 4  # characters between a street and the town written after it: ", " or " in "
OWNER_WORDS = 3  # "Ottawa's", "New York City's": the longest name read before a possessive


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    sited: bool = False  # placed at the article's town for want of a point of its own: approximate


def home(groups) -> Place | None:
    """The town the article is datelined in. (The town named most often is no evidence for where a
    facility is: a war report names the front-line city most, not the cosmodrome's town.)"""
    towns = [g for g in groups if g.place is not None and g.place.feature in ("P", "PC") and g.place.lat is not None
             and not g.mentions[0].facility]
    dated = [g for g in towns if g.mentions[0].label == "DATELINE"]
    return dated[0].place if dated else None


def main_town(groups) -> Place | None:
    """The town the article names most (the first of those named as often): where its streets are."""
    towns = [g for g in groups if g.place is not None and g.place.feature in ("P", "PC") and g.place.lat is not None
             and not (g.mentions[0].facility or g.mentions[0].street)]
    return max(towns, key=lambda g: len(g.mentions)).place if towns else None


def street_place(street: Mention, mentions: list[Mention], groups) -> Place | None:
    """The town a street is in: the one written right after it ("Main Street, Annville", "Main Street in
    Annville"), else the nearest town named in its paragraph."""
    placed = {id(m): g.place for g in groups for m in g.mentions
              if g.place is not None and g.place.feature in ("P", "PC", "A2") and not (m.facility or m.street)}
    near = [m for m in mentions if id(m) in placed and m.paragraph == street.paragraph]
    after = [m for m in near if 0 <= m.start - street.end <= STREET_TOWN_GAP]
    if after:
        return placed[id(after[0])]
    if near:
        return placed[id(min(near, key=lambda m: abs(m.start - street.start)))]
    return None


def facility_place(doc: Doc, m: Mention, gazetteer: Gazetteer, context: Context) -> tuple[Place | None, Mention | None]:
    """Where a facility is: the place whose name it follows ("Toronto's Pearson International Airport"), else
    the place its name starts with ("Vancouver Art Gallery"), if the article is there; with the mention
    of that place inside the facility's name, if it is there."""
    span = doc.char_span(m.start, m.start + len(m.surface), alignment_mode="expand")
    if span is None:
        return None, None
    owner = _owner(doc, span, gazetteer, context)
    if owner is not None:
        return owner, None
    inner = embedded_place(doc, [t for t in span if t.lower_ != "the"], gazetteer)
    best = resolve(inner.places, context, inner.text) if inner else None
    return (best, inner) if best is not None and local(best, inner, context) else (None, None)


def _owner(doc: Doc, span, gazetteer: Gazetteer, context: Context) -> Place | None:
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


def location(group: Group, gazetteer: Gazetteer) -> Location:
    first = group.mentions[0]
    # a headline's mentions are paragraph 0: listed for a place only the headline names
    paragraphs = sorted({m.paragraph for m in group.mentions if m.paragraph > 0}) or [0]
    place = group.place
    name = first.surface if first.label != "DATELINE" else first.text
    if first.label == "DATELINE" and name.isupper():  # "BEIJING --": the body's spelling, else the gazetteer's
        written = [m.surface for m in group.mentions if m.label != "DATELINE"]
        name = written[0] if written else (place.name if place is not None else name.title())
    if place is not None and place.feature in ("C", "A1") and _abbreviation(first.text):
        name = place.name  # "Ky." and "U.S." are listed as Kentucky and United States
    aliases = _aliases(name, group.mentions)
    if first.facility or first.street:  # placed at the town it is in (or the article's town): approximate
        return Location(name=name, kind="street" if first.street else "facility", lat=place.lat if place else None,
                        lon=place.lon if place else None, country=place.cc if place else None,
                        approximate=place is not None, paragraphs=paragraphs, aliases=aliases)
    if place is None or group.sited:
        return Location(name=name, kind=_unresolved_kind(first), lat=place.lat if place else None,
                        lon=place.lon if place else None, country=place.cc if place else None,
                        approximate=place is not None, paragraphs=paragraphs, aliases=aliases)
    country = gazetteer.country(place.cc) if place.cc else None
    kind, approximate = place.kind, place.approximate or first.part
    if first.designator and place.feature in ("P", "PC"):
        kind, approximate = first.designator, True
    return Location(name=name, kind=kind, lat=place.lat, lon=place.lon, country=place.cc,
                    country_name=country.name if country else None, approximate=approximate,
                    geonameid=place.id if place.id > 0 else None, paragraphs=paragraphs, aliases=aliases)


def _aliases(name: str, mentions: list[Mention]) -> list[str]:
    """The other names the article uses for the place, as first written ("UK", "Britain" for United
    Kingdom; "Ky." for Kentucky); not the same name in other capitals ("BEIJING")."""
    seen, out = {name_key(name)}, []
    for m in mentions:
        written = m.text if m.label == "DATELINE" else m.surface
        if name_key(written) not in seen:
            seen.add(name_key(written))
            out.append(written)
    return out


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
