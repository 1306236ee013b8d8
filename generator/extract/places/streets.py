"""Streets the article names ("618 E. Main Street", "Pine Needle Drive"): found by their written form,
whatever tag the parser gave them, and placed at the town the text puts them in. (Numbered roads,
"Interstate 75", are left out: annotators of local news list fewer than half of them.)"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from generator import nlp
from generator.extract.places.mentions import Mention
from generator.extract.places.words import (FIGURATIVE_STREETS, NOT_STREET_WORDS, NUMBERED_STREET_ENDINGS,
                                            HIGHWAY_ENDINGS, ROAD_CLASS_WORDS,
                                            STREET_DIRECTIONS, STREET_ENDINGS)


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?|[A-Z]\.|\d+(?:st|nd|rd|th))"  # "Pine", "Hyland-Croy", "J.", "40th"
_DIRECTION = rf"(?:(?:{_alternatives(STREET_DIRECTIONS)}) )?"
STREET = re.compile(rf"\b{_DIRECTION}(?:{_WORD} ){{1,4}}(?:{_alternatives(STREET_ENDINGS)})(?![\w-])")
NUMBERED_STREET = re.compile(rf"(?<=\d )(?:{_WORD} ){{1,3}}(?:{_alternatives(NUMBERED_STREET_ENDINGS)})(?![\w-])")
CROSSING = re.compile(rf"\b({_alternatives(STREET_ENDINGS)})-")
SAINT_AFTER = re.compile(r" [A-Z]")  # "St." before a name is "Saint"
HOUSE_NUMBER = re.compile(r"\d+ $")


def street_mentions(doc: Doc) -> list[Mention]:
    """Every street and numbered road, as written (a name of the street type, not a person or a company:
    "Sylvan Road" is a road however the parser tagged it)."""
    text = nlp.text_of(doc)
    found: dict[int, re.Match] = {}
    for pattern in (NUMBERED_STREET, STREET):
        for match in pattern.finditer(text):
            if not any(s <= match.start() < f.end() or match.start() <= s < match.end() for s, f in found.items()):
                found[match.start()] = match
    out = []
    for start, name in _crossings(found):
        if name.split()[0] in NOT_STREET_WORDS or SAINT_AFTER.match(text, match.end()):
            continue  # "At St. Paul's", "In St. Louis": a saint's name, not a street
        if road_kind(name):
            continue  # "State Highway 7", "S. Highway": a numbered road's kind, no name of its own
        if name.lower() in FIGURATIVE_STREETS and not HOUSE_NUMBER.search(text, max(0, start - 8), start):
            continue  # "Wall Street" is a market and "Main Street" a way of life, unless it has a house number
        out.append(Mention(name, name, nlp.paragraph_of(doc, start), start, "STREET", end=start + len(name),
                           street=True))
    return out


def _crossings(found: dict[int, re.Match]) -> list[tuple[int, str]]:
    """Each street with its start, a crossing split in two: "Trafalgar Street-Clarke Road"."""
    out = []
    for start, match in sorted(found.items()):
        name = match.group()
        cut = CROSSING.search(name)
        if cut:
            out += [(start, name[:cut.start() + len(cut.group(1))]), (start + cut.end(), name[cut.end():])]
        else:
            out.append((start, name))
    return out


def road_kind(name: str) -> bool:
    """ "State Highway", "County Road", "S. Highway": the kind of a numbered road (its number cut off), no
    street's own name."""
    words = name.split()
    return (len(words) > 1 and words[-1] in STREET_ENDINGS
            and all(w in ROAD_CLASS_WORDS or w in STREET_DIRECTIONS for w in words[:-1])
            and (words[-1] in HIGHWAY_ENDINGS or any(w in ROAD_CLASS_WORDS for w in words[:-1])))
