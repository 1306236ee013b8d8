"""Places that news writing conventions mark, whatever the parser tagged: a dateline inside the text
("CHARLESTON, W.Va. -- "), a legislator's party and home ("Rep. Ann Lee, D-Story City"), where a person
is from ("John Doe, of Lindsay"), and names listed before a plural designator ("Clarke, Madison and
Oconee counties")."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from generator import nlp
from generator.extract.places.mentions import Mention, designated
from generator.extract.places.words import PARTY_LETTERS, PLURAL_DESIGNATORS
from generator.gazetteer import Gazetteer

_CAPS = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"
IN_TEXT_DATELINE = re.compile(rf"(?:^|(?<=\d{{4}} ))({_CAPS})(?:, ([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
                              r"(?: \([^)]{1,25}\))? ?(?:--|—|–|:|- )", re.M)
PARTY = re.compile(rf"\b(?:{'|'.join(PARTY_LETTERS)})-([A-Z][a-z]+(?:[ .][A-Z][a-z]+)?)"
                   r"(?=[,;)]|\s[^\sA-Za-z]|\s+and\b)")
PLURAL_DESIGNATOR = re.compile(rf"[A-Z][a-z]+ ({'|'.join(PLURAL_DESIGNATORS)})\b")
MAX_NAME_WORDS = 3


def written_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """All the places these conventions mark, in order."""
    out = _datelines(doc, gazetteer) + _parties(doc, gazetteer) + _residences(doc, gazetteer)
    return sorted(out + _designated_lists(doc, gazetteer), key=lambda m: m.start)


def _datelines(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """ "FAIRFIELD, Conn. -- Police say": the town, narrowed by the state or country written after it."""
    text = nlp.text_of(doc)
    out = []
    starts = set(doc.user_data.get("paragraph_starts", []))
    for match in IN_TEXT_DATELINE.finditer(text):
        if match.start() not in starts and not text[:match.start()].endswith(" "):
            continue
        town = match.group(1)
        places = gazetteer.lookup(town) or gazetteer.lookup(town.title())
        if not places or len(town.replace(".", "")) < 3:
            continue
        m = Mention(town, town, nlp.paragraph_of(doc, match.start()), match.start(), "DATELINE", places=places,
                    end=match.start() + len(town))
        area = match.group(2)
        areas = [p for p in gazetteer.lookup(area) if p.feature in ("C", "A1")] if area else []
        narrowed = tuple(p for p in places for a in areas
                         if p.cc == a.cc and (a.feature == "C" or p.admin1 == a.admin1) and p.id != a.id)
        if narrowed:
            m.places, m.qualified = narrowed, True
        out.append(m)
        if areas:
            start = match.start(2)
            out.append(Mention(area, area, m.paragraph, start, "DATELINE", places=tuple(areas), end=start + len(area)))
    return out


def _parties(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """ "Sen. Rich Olive, D-Story City": the legislator's home town or county."""
    out = []
    for match in PARTY.finditer(nlp.text_of(doc)):
        name = match.group(1)
        places = gazetteer.lookup(name) or gazetteer.lookup(name + " County")
        if places:
            out.append(Mention(name, name, nlp.paragraph_of(doc, match.start(1)), match.start(1), "CUE",
                               places=places, end=match.end(1)))
    return out


def _residences(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """ "Norb Mages of Lindsay", "Betty Dunkerson, of Paris": where the person named lives."""
    out = []
    for ent in nlp.entities(doc):
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        i = ent.end + (ent.end < len(doc) and doc[ent.end].text == ",")
        if i + 1 >= len(doc) or doc[i].lower_ != "of":
            continue
        name = _capitalised(doc, i + 1)
        places = gazetteer.lookup(name.text) if name is not None else ()
        if places:
            out.append(Mention(name.text, name.text, nlp.paragraph_of(doc, name), name.start_char, "CUE",
                               places=places, end=name.end_char))
    return out


def _designated_lists(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """ "Clarke, Madison, Oconee and Oglethorpe counties": every name of the list is a county."""
    out = []
    for found in PLURAL_DESIGNATOR.finditer(nlp.text_of(doc)):
        span = doc.char_span(found.start(1), found.end(1))
        if span is None:
            continue
        tok = span[0]
        kind = PLURAL_DESIGNATORS[tok.lower_]
        end = tok.i
        while True:
            start = end
            while start > 0 and end - start < MAX_NAME_WORDS and doc[start - 1].text[:1].isupper() \
                    and doc[start - 1].is_alpha:
                start -= 1
            if start == end:
                break
            name = doc[start:end]
            singular = f"{name.text} {tok.text[:-3] + 'y' if tok.lower_.endswith('ies') else tok.text[:-1]}"
            places = designated(gazetteer.lookup(singular.title()) or gazetteer.lookup(name.text), kind)
            if places:
                out.append(Mention(name.text, name.text, nlp.paragraph_of(doc, name), name.start_char, "CUE",
                                   designator=kind, places=places, end=name.end_char))
            joint = start - 1
            if joint > 0 and doc[joint].lower_ in ("and", "or"):
                joint -= doc[joint - 1].text == ","
            elif not (joint > 0 and doc[joint].text == ","):
                break
            end = joint
    return out


def _capitalised(doc: Doc, i: int):
    """The name of up to MAX_NAME_WORDS capitalised words starting at token i."""
    j = i
    while j < len(doc) and j - i < MAX_NAME_WORDS and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    return doc[i:j] if j > i else None
