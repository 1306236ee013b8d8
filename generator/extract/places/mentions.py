"""Candidate place mentions in a parsed article: entities, dateline parts, cued names and qualifiers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator import nlp
from generator.extract.places.words import (COMPASS_WORDS, CORPORATE_WORDS, DEMONSTRATIVES,
                                            DESIGNATED_FEATURES, DESIGNATORS, DIRECTION_WORDS,
                                            EMBEDDED_FEATURES, EMBEDDING_LABELS, FACILITY_WORDS,
                                            INSTITUTION_ROLES, INSTITUTION_VERBS, INSTITUTION_WORDS,
                                            LEADING_WORDS, LIST_JOINERS, LOCATIVE_WORDS, MAX_EMBEDDED_WORDS,
                                            MEDIA_WORDS, MISFIRE_LABELS, NATURAL_WORDS, PLACE_CUES, PLACE_LABELS,
                                            PORTFOLIO_WORDS, SAINT_WORDS, SITED_WORDS,
                                            STREET_WORDS, UNIT_WORDS)
from generator.gazetteer import Gazetteer, Place


LIST_GOES_ON = re.compile(r",? (?:and|or) |, ")  # what joins the items of a list
QUALIFIER = re.compile(r"[A-Z][A-Za-z.]{0,6}\.")  # "Man.", "N.S.", "Calif."
# "College Station" is a city of this size, not a station ("White House", Tenn., is small)
TOWN_POPULATION = 50_000
NAMED_AFTER_POPULATION = 100_000  # "Boston University" is in Boston; "Harvard University" not in Harvard, Ill.
ABBREVIATED_TITLE = 3  # "Lt.", "Sgt.": a name this short before a dot is an abbreviation
SITE_NAMED_WORDS = {"park", "garden", "gardens", "green", "common", "trail", "beach"}  # "Fairview Memorial Park" is in Fairview


@dataclass
class Mention:
    text: str  # lookup text, as written minus "the"
    surface: str
    paragraph: int
    start: int
    label: str
    designator: str | None = None  # "district", "region" when written after the name
    facility: bool = False
    places: tuple[Place, ...] = ()
    end: int = 0  # character offset after the mention
    after_locative: bool = False  # written after "in", "near", "from" ...: "in Zarvoya"
    part: bool = False  # "east London": a part of the place found, so its point is approximate
    qualified: bool = False  # narrowed by the region or country written after it: "Churchill, Man."
    peers: tuple[str, ...] = ()  # names coordinated with it: "Washington" in "Washington, Oregon and California"
    metonym: bool = False  # a building standing for who works there: "the White House said", "White House aides"
    agent: bool = False  # the subject of a verb ("Xinhua said"): a sign of a person or body, not a place
    street: bool = False  # a street or numbered road: placed at its town


def person_tokens(doc: Doc) -> set[str]:
    """Words of multi-word PERSON names ("Sandra Jansen"): a lone "Jansen" is that person."""
    return {tok.text for ent in nlp.entities(doc) if ent.label_ == "PERSON" and len(ent) > 1 for tok in ent}


def _clean(ent: Span) -> str:
    text = ent.text.strip()
    for lead in LEADING_WORDS:
        if text.startswith(lead):
            text = text[len(lead):]
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text.strip(" ,;:-")


def entity_parts(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """The entities, with lists of places split ("Ingham or Townsville", "Hornsey, Stoke Newington") when
    every part is a known place or a street, the whole is not one place ("Bosnia and Herzegovina") and the
    list is tagged as a place or written as one ("to Ingham or Townsville", "the towns of Haris and
    Varzaqan", not "Marks and Spencer")."""
    out = []
    for ent in nlp.entities(doc):
        if not any(t.lower_ in LIST_JOINERS or t.text == "-" for t in ent) or gazetteer.lookup(_clean(ent)):
            out.append(ent)
            continue
        lists, crossings = _split(doc, ent, LIST_JOINERS), _split(doc, ent, {"-"})
        placed = (ent.label_ in PLACE_LABELS or after_cue(doc, ent.start)
                  or ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE_WORDS | {"to"})
        if len(lists) > 1 and placed and all(gazetteer.lookup(_clean(p)) or _street(p) for p in lists):
            out.extend(lists)
        elif len(crossings) > 1 and all(_street(p) for p in crossings):  # "Trafalgar Street-Clarke Road"
            out.extend(crossings)
        else:
            out.append(ent)
    return out


def _split(doc: Doc, ent: Span, joiners: set[str]) -> list[Span]:
    bounds = [ent.start - 1, *(t.i for t in ent if t.lower_ in joiners), ent.end]
    return [Span(doc, a + 1, b, label=ent.label_) for a, b in zip(bounds, bounds[1:]) if b > a + 1]


def _street(span: Span) -> bool:
    return len(span) > 1 and span[-1].lower_ in STREET_WORDS


def entity_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    out = []
    people = person_tokens(doc)
    places_at = {t.i: ent for ent in nlp.entities(doc) if ent.label_ in PLACE_LABELS for t in ent}
    for ent in entity_parts(doc, gazetteer):
        if not any(t.text[:1].isupper() for t in ent):
            continue
        if ent.label_ not in PLACE_LABELS | MISFIRE_LABELS:
            embedded = _embedded_mention(doc, ent, gazetteer, people) if ent.label_ in EMBEDDING_LABELS else None
            out.extend([embedded] if embedded else [])
            continue
        text = _clean(ent)
        if not text:
            continue
        end = ent.end_char
        written = nlp.text_of(doc)
        if (written[end:end + 1] == "." and written[ent.start_char - 2:ent.start_char] == ", " and " " not in text
                and gazetteer.is_abbreviation(text + ".")):
            text, end = text + ".", end + 1  # "Gatineau, Que.": the tokenizer left the abbreviation's dot out
        m = Mention(text, text, nlp.paragraph_of(doc, ent), ent.start_char, ent.label_, end=end,
                    after_locative=ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE_WORDS and _plain(doc, ent),
                    agent=ent.root.dep_ == "nsubj" and ent.root.head.lower_ in INSTITUTION_VERBS,
                    metonym=_as_institution(doc, ent), peers=_coordinated(ent, places_at))
        words = text.split()
        last = words[-1].lower()
        if len(words) > 2 and words[0].lower() in DESIGNATORS and words[1] == "of" and not gazetteer.lookup(text):
            # "County of Brant": the place is Brant, a district
            m.designator, m.text, words = DESIGNATORS[words[0].lower()], " ".join(words[2:]), words[2:]
            last = words[-1].lower()
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if last in DESIGNATORS and len(words) > 1 and not gazetteer.lookup(text):
            m.designator, m.text = DESIGNATORS[last], " ".join(words[:-1])
            if m.designator == "township":  # "Lower Paxton Twp.": the word says it is a place, whatever the tag
                m.label = "CUE"
                if last == "twp" and written[end:end + 1] == ".":
                    m.surface, m.end = m.surface + ".", end + 1
        elif nxt is not None and nxt.lower_ in DESIGNATORS and nxt.is_lower:
            m.designator, m.surface = DESIGNATORS[nxt.lower_], f"{text} {nxt.text}"
        elif len(words) > 1 and words[-1].islower() and last not in FACILITY_WORDS | STREET_WORDS:
            # "Newcastle beach", "Gaza residents": the tagger took a common noun into the name
            while len(words) > 1 and words[-1].islower():
                words = words[:-1]
            m.text = m.surface = " ".join(words)
            last = words[-1].lower()
        if last in INSTITUTION_WORDS and len(words) > 1:
            m.label = "ORG"  # an institution: not itself a place, though its name may hold one
        elif (last in FACILITY_WORDS and len(words) > 1 and ent.label_ in ("FAC", "ORG", "GPE", "LOC")
              and not is_town(text, gazetteer)):
            m.facility = True
            if name_cut(doc, ent.start):
                continue  # "St. Andrew United Methodist Church" read from "United": no facility of that name
        elif nxt is not None and ent.label_ in ("ORG", "FAC"):  # "a London hospital" names London, not a site
            tail = [t for t in doc[ent.end: ent.end + 2] if t.pos_ == "NOUN" and t.is_lower]
            if tail and tail[-1].lower_ in FACILITY_WORDS and tail == list(doc[ent.end: ent.end + len(tail)]):
                m.facility, m.surface = True, " ".join([text, *(t.text for t in tail)])
        if after_cue(doc, ent.start):
            m.label = "CUE"
        if not m.facility:
            m.places = gazetteer.lookup(m.text)
            if not m.places and m.text.isupper() and len(m.text) > 3:
                m.places = gazetteer.lookup(m.text.title())
            if not m.places and len(words) > 1 and words[0].lower() in DIRECTION_WORDS:
                # "east London", "North London": part of a place, placed (approximately) at it
                rest = " ".join(words[1:])
                m.places = tuple(p for p in gazetteer.lookup(rest) if p.exact)
                if m.places:
                    m.text, m.part = rest, True
            m.places = designated(m.places, m.designator)
            if m.places and gazetteer.needs_comma(m.text) and not _after_comma(doc, ent):
                m.places = ()
                continue
        out.append(m)
        if not m.facility and not m.places and ent.label_ in EMBEDDING_LABELS:
            embedded = _embedded_mention(doc, ent, gazetteer, people)
            out.extend([embedded] if embedded else [])
    return out


def _plain(doc: Doc, ent: Span) -> bool:
    """Written as a place's name is: not an acronym ("in UNAMID"), an abbreviated title ("called in Lt.
    Ann ...") or someone's possessive ("at Ramsey's bakery")."""
    nxt = doc[ent.end].text if ent.end < len(doc) else ""
    return (not (ent.text.isupper() and len(ent.text) > 1) and nxt not in ("'s", "\u2019s")
            and not (nxt == "." and len(ent.text) <= ABBREVIATED_TITLE))  # "in Marrowby." ends a sentence


def _coordinated(ent: Span, places_at: dict[int, Span]) -> tuple[str, ...]:
    """The places listed with this one ("Oregon", "California" for "Washington, Oregon and California");
    `places_at` maps a token to the place entity holding it."""
    peers = {_clean(places_at[t.i]) for t in ent.root.conjuncts if t.i in places_at and places_at[t.i] != ent}
    return tuple(sorted(p for p in peers if p))


def _as_institution(doc: Doc, ent: Span) -> bool:
    """A site's name used for the people in it: a speaker ("the White House said", "condemned by the White
    House"), a modifier ("a White House strategist") or "this White House"."""
    root = ent.root
    if root.dep_ == "compound" and root.head.lower_ in INSTITUTION_ROLES or doc[ent.start].lower_ in DEMONSTRATIVES:
        return True
    verb = (root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent"
            else root.head if root.dep_ == "nsubj" else None)
    return verb is not None and verb.lower_ in INSTITUTION_VERBS


def designated(places: tuple[Place, ...], designator: str | None) -> tuple[Place, ...]:
    """ "Brant County", "Kyiv region": the subdivision of that name, where there is one, not the town."""
    wanted = DESIGNATED_FEATURES.get(designator or "")
    narrowed = tuple(p for p in places if p.feature == wanted)
    return narrowed or places


def _embedded_mention(doc: Doc, ent: Span, gazetteer: Gazetteer, people: set[str]) -> Mention | None:
    """The place an organisation's or facility's name starts with ("Kentucky State Police" -> Kentucky),
    else the country it ends with ("Environment Canada" -> Canada). A company's name is its founder's or
    brand's ("Campbell Soup Company"), and a name ending in someone's surname is that person's."""
    if ent[-1].lower_.strip(".") in CORPORATE_WORDS or ent[-1].text in people:
        return None
    return (embedded_place(doc, [t for t in ent if t.lower_ != "the"], gazetteer) or _of_place(doc, ent, gazetteer)
            or _suffix_country(doc, ent, gazetteer))


def _of_place(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Mention | None:
    """The place an organisation's name ends with after "of": "the University of Alexandria", "the Spina
    Bifida Association of Western Pennsylvania" (a compass word before it is a part of the place)."""
    ofs = [t.i for t in ent if t.lower_ == "of"]
    if not ofs:
        return None
    tail = [t for t in doc[ofs[-1] + 1: ent.end] if t.lower_ != "the"]
    if not tail or len(tail) > MAX_EMBEDDED_WORDS + 1 or not all(t.text[:1].isupper() for t in tail):
        return None
    # "of Western Pennsylvania" is of Pennsylvania, but "of West Virginia" of West Virginia
    spans = [doc[tail[0].i: tail[-1].i + 1]] + ([doc[tail[1].i: tail[-1].i + 1]]
                                               if len(tail) > 1 and tail[0].lower_ in DIRECTION_WORDS else [])
    portfolio = ofs[-1] > ent.start and doc[ofs[-1] - 1].lower_ in PORTFOLIO_WORDS
    for span in spans:
        places = tuple(p for p in gazetteer.lookup(span.text) if p.exact and p.feature in EMBEDDED_FEATURES
                       and not (portfolio and p.feature not in ("C", "A1")))  # not the village of Justice
        if places and len(span) <= MAX_EMBEDDED_WORDS and not gazetteer.needs_comma(span.text):
            break
    else:
        return None
    return Mention(span.text, span.text, nlp.paragraph_of(doc, span), span.start_char, "EMBEDDED", places=places,
                   end=span.end_char)


def _suffix_country(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Mention | None:
    """The country that ends an organisation's name: the national branch or body ("Costco Canada")."""
    for n in range(min(MAX_EMBEDDED_WORDS, len(ent) - 1), 0, -1):
        tail = ent[len(ent) - n:]
        if not all(t.text[:1].isupper() and t.is_alpha for t in tail) or doc[tail.start - 1].lower_ in ("of", "for"):
            continue
        places = tuple(p for p in gazetteer.lookup(tail.text) if p.exact and p.feature == "C")
        if places:
            return Mention(tail.text, tail.text, nlp.paragraph_of(doc, tail), tail.start_char, "SUFFIX",
                           places=places, end=tail.end_char)
    return None


def embedded_place(doc: Doc, tokens: list, gazetteer: Gazetteer) -> Mention | None:
    """A place named by the first words of `tokens` (a name that goes on after it), as a mention."""
    if not tokens or tokens[-1].lower_ in MEDIA_WORDS | UNIT_WORDS:
        return None
    if tokens[0].lower_ in SAINT_WORDS and tokens[-1].lower_ in FACILITY_WORDS | INSTITUTION_WORDS:
        return None
    for n in range(min(MAX_EMBEDDED_WORDS, len(tokens) - 1), 0, -1):
        head = tokens[:n]
        nxt = tokens[n]
        if (not all(t.text[:1].isupper() and (t.is_alpha or gazetteer.is_abbreviation(t.text)) for t in head)
                or nxt.text in ("'s", "\u2019s", "-") or head[0].lower_ in COMPASS_WORDS):
            continue
        if head[-1].lower_ in INSTITUTION_WORDS:
            continue  # "University of Oklahoma": no town called University
        # "Pine Hollow Lake", "Bearpaw Falls State Park" are named after no town (the "Texas Forest Service" is Texas's)
        natural = nxt.lower_ in (NATURAL_WORDS | SITED_WORDS) - SITE_NAMED_WORDS
        # "Columbia University", "Victoria Road", "White House": named after the word, not sited in the town
        named_after = nxt.lower_ in INSTITUTION_WORDS | STREET_WORDS | {"house"}
        text = doc[head[0].i: head[-1].i + 1].text
        county = head[-1].lower_ in DESIGNATORS  # "Calcasieu Parish School Board": a GeoNames alternate will do
        places = tuple(p for p in gazetteer.lookup(text) if (p.exact or county and p.feature in ("A1", "A2"))
                       and p.feature in EMBEDDED_FEATURES and not (natural and p.feature not in ("C", "A1"))
                       and not (named_after and p.feature in ("P", "A2") and p.population < NAMED_AFTER_POPULATION))
        if places and not (gazetteer.needs_comma(text)):
            return Mention(text, text, nlp.paragraph_of(doc, head[0]), head[0].idx, "EMBEDDED", places=places,
                           end=head[-1].idx + len(head[-1].text))
    return None


def after_cue(doc: Doc, i: int) -> bool:
    """Token i follows "the village of", or is joined to the name that does ("the villages of Arvel and
    Zarvoya"): a conjunct in the parse, not merely the next capitalised word ("the city of Chicago and
    Johnson have clashed")."""
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_CUES:
        return True
    if i < 2 or doc[i - 1].lower_ not in ("and", "or", ","):
        return False
    token = doc[i]
    if token.ent_type_ == "PERSON":
        return False  # "the city of Chicago and Johnson have clashed": the mayor, not a town
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head  # the name's head word: "Zarvoya", or "Newington" in "Stoke Newington"
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return (token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.i > 0
            and doc[token.head.i - 1].lower_ in PLACE_CUES and token.i < i)


def name_cut(doc: Doc, i: int) -> bool:
    """The name read from token i goes on before it ("Cedar Ridge High School" read as "Ridge High
    School"): the word before is a capitalised word of a name, not a sentence's first word."""
    if i == 0:
        return False
    prev = doc[i - 1]
    return prev.text[:1].isupper() and (prev.is_alpha or prev.text.endswith(".")) and not prev.is_sent_start


def is_town(text: str, gazetteer: Gazetteer) -> bool:
    """ "College Station": a town whose name ends in a facility word."""
    return any(p.exact and p.population >= TOWN_POPULATION for p in gazetteer.lookup(text))


def _after_comma(doc: Doc, ent: Span) -> bool:
    return ent.start > 0 and doc[ent.start - 1].text == ","
