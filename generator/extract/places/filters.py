"""Which mentions are places: a name counts only when the parse and the gazetteer agree enough (a
person's surname, a club or a brand is no village), and the article's geography backs small towns."""
from __future__ import annotations

from generator.extract.places.candidates import short_form
from generator.extract.places.context import Context
from generator.extract.places.mentions import Mention
from generator.extract.places.resolution import resolve
from generator.extract.places.streets import road_kind
from generator.extract.places.words import (COMPASS_WORDS, DEMONYM_ENDINGS, DESIGNATORS, FACILITY_WORDS, MISFIRE_LABELS,
                                            NATURAL_WORDS, PLACE_CUES, PLACE_LABELS, SITED_WORDS,
                                            STREET_WORDS)
from generator.gazetteer import Place, name_key

MISFIRE_POPULATION = 50_000  # a PERSON/ORG-tagged name must be a town this big, or in the article's country
LOCAL_POPULATION = 1_000
LOOSE_POPULATION = 100_000
ISOLATED_POPULATION = 50_000  # a one-word town smaller than this, far from the article's other towns, is doubtful
WIDE_FEATURES = ("C", "A1", "R")  # readings of a name that are no town: "Asia", a region


def without_agents(mentions: list[Mention]) -> list[Mention]:
    """Drop names tagged as a person or body that only ever act ("Xinhua said", "Hidalgo has helped"),
    and sites only ever standing for the people in them ("the White House condemned", "White House
    aides"): a place is also written where things happen ("in Edmonton", "at the White House")."""
    acting = {m.text for m in mentions if m.agent} - {m.text for m in mentions if not m.agent}
    institutions = {m.text for m in mentions if m.metonym} - {m.text for m in mentions if not m.metonym}
    return [m for m in mentions if not (m.text in acting and m.label in MISFIRE_LABELS and not m.facility
                                        or m.text in institutions and m.facility)]


def keep(m: Mention, people: set[str]) -> bool:
    """Drop entity mentions that cannot be places before any context is known."""
    if m.text.lower() in COMPASS_WORDS or road_kind(m.text):
        return False
    if m.label != "DATELINE" and m.text.isupper() and len(m.text.replace(".", "")) <= 5 and not any(
            p.feature in ("C", "A1") for p in m.places):
        return False  # "NATO", "U.N.": acronyms are organisations unless they abbreviate a country or state
    if m.label in PLACE_LABELS or m.label == "CUE":
        return bool(m.places) or m.label in ("GPE", "CUE") or place_head(m.text)
    if m.facility:
        return m.label == "ORG" and not m.text.isupper()
    if m.label in ("EMBEDDED", "SUFFIX"):
        return bool(m.places)
    if m.label == "NORP" and m.text.lower().endswith(DEMONYM_ENDINGS):
        return False
    if not m.places or m.text in people:
        return False
    return any(p.exact for p in m.places)


def confident(m: Mention, context: Context, people: set[str]) -> bool:
    """PERSON/ORG-tagged names count only as well-known or local places."""
    if m.label in PLACE_LABELS or m.label in ("DATELINE", "CUE", "SUFFIX") or m.facility:
        if m.places and m.text in people and m.label != "DATELINE":
            # "Georgia Stevens ... Georgia skates": a person's name, unless the other places back the reading
            return any(context.share(p.cc, own=m) > 0 for p in m.places if p.exact or p.population >= LOCAL_POPULATION)
        if m.places or m.label != "GPE":
            return True
        # an unresolved GPE: keep it when it is neither someone's name nor a demonym ("Ukrainian"), and the
        # words say it is a place: a head word ("Enfield Borough"), "County of ...", or "in Zarvoya"
        return (m.text not in people and not any(w in people for w in m.text.split())
                and not (m.text.lower().endswith(DEMONYM_ENDINGS) and " " not in m.text)
                and (place_head(m.text) or cue_of(m.text) or (" " not in m.text and m.after_locative)))
    best = resolve(m.places, context, m.text)
    spelled = best is not None and best.feature == "A2" and m.text.split()[-1].lower() in DESIGNATORS  # "Calcasieu Parish"
    if best is None or not (best.exact or short_form(best, name_key(m.text)) or spelled):
        return False
    if m.qualified:  # "Churchill, Man.": a town named with its province is that town, however small
        return True
    if m.label == "EMBEDDED":
        return local(best, m, context)
    if best.feature in ("C", "A1", "R"):
        return True
    if best.population >= MISFIRE_POPULATION:  # a big town, in a country the article is about (if any)
        return context.share(best.cc, own=m) > 0 or not context.share_elsewhere(best.cc, own=m)
    # a small town: some village bears every surname, so the article's own towns must lie around it
    return (best.population >= LOCAL_POPULATION and context.share(best.cc, own=m) > 0
            and (context.near(best, m) or context.in_named_region(best, name_key(m.text))))


def local(best: Place, m: Mention, context: Context) -> bool:
    """A place named inside another name counts only where the rest of the article is, and when it is
    no common word ("Golden Globe", "White House"): a big place, a multi-word name, a town near another
    place or in a region the article names; a country when the article is about it or it is abbreviated
    ("the U.S. Senate")."""
    share = context.share(best.cc, own=m)
    if best.feature == "C":
        return share > 0 or "." in m.text
    if share == 0:
        return False
    return (best.feature == "A1" or best.population >= LOOSE_POPULATION
            or (" " in m.text and best.population >= LOCAL_POPULATION) or context.near(best, m)
            or context.in_named_region(best, name_key(m.text)))


def supported(places: tuple[Place, ...], m: Mention, context: Context) -> tuple[Place, ...]:
    """The readings of a name that lie near the article's other places or in a region it names: where
    the best-known reading is a far small town, one of these is what the article means ("Enfield" by
    Tottenham)."""
    key = name_key(m.text)
    return tuple(p for p in places if p.feature in ("P", "PC", "A2") and p.lat is not None
                 and (context.near(p, m) or context.in_named_region(p, key)))


def isolated(p: Place, m: Mention, context: Context) -> bool:
    """A one-word small town far from all the article's other towns, in no region it names ("his wife,
    Tonya"; "Conrad continues"): more likely a first name or a word than a place."""
    if " " in m.text or m.label in ("DATELINE", "CUE") or m.designator or m.part or m.qualified:
        return False
    if p.feature not in ("P", "PC") or p.population >= ISOLATED_POPULATION or p.lat is None:
        return False
    key = name_key(m.text)
    others = [q for k, q in context.points if k != key]
    return bool(others) and not context.near(p, m) and not context.in_named_region(p, key)


def cue_of(text: str) -> bool:
    """ "City of Montreal", "County of Brant"."""
    words = text.lower().split()
    return len(words) > 2 and words[0] in PLACE_CUES and words[1] == "of"


def place_head(text: str) -> bool:
    """ "Church Street", "Lake Erie", "Heathrow Airport": the head word says it is a place."""
    words = text.lower().split()
    return len(words) > 1 and any(w in STREET_WORDS | NATURAL_WORDS | FACILITY_WORDS for w in (words[-1], words[0]))




def sited_feature(text: str) -> bool:
    """ "Coffman Park", "Kanawha River", "Lake Lanier": a park or water small enough that its town's point
    is near it (not "Gulf of Alaska" or "Aleutian Islands")."""
    words = text.lower().split()
    return len(words) > 1 and (words[-1] in SITED_WORDS or words[0] in SITED_WORDS)
