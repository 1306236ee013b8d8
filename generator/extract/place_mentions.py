"""Candidate place mentions in a parsed article: entities, dateline parts, cued names and qualifiers."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator import nlp
from generator.extract.wordlists_places import (DESIGNATORS, FACILITY_WORDS, LEADING_WORDS, MISFIRE_LABELS,
                                                PLACE_CUES, PLACE_LABELS)
from generator.gazetteer import Gazetteer, Place


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


def person_tokens(doc: Doc) -> set[str]:
    """Words of multi-word PERSON names ("Sandra Jansen"): a lone "Jansen" is that person."""
    return {tok.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for tok in ent}


def _clean(ent: Span) -> str:
    text = ent.text.strip()
    for lead in LEADING_WORDS:
        if text.startswith(lead):
            text = text[len(lead):]
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text.strip(" ,;:-")


def entity_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS | MISFIRE_LABELS or not any(t.text[:1].isupper() for t in ent):
            continue
        text = _clean(ent)
        if not text:
            continue
        m = Mention(text, text, nlp.paragraph_of(doc, ent), ent.start_char, ent.label_, end=ent.end_char)
        words = text.split()
        last = words[-1].lower()
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if last in DESIGNATORS and len(words) > 1 and not gazetteer.lookup(text):
            m.designator, m.text = DESIGNATORS[last], " ".join(words[:-1])
        elif nxt is not None and nxt.lower_ in DESIGNATORS and nxt.is_lower:
            m.designator, m.surface = DESIGNATORS[nxt.lower_], f"{text} {nxt.text}"
        if last in FACILITY_WORDS and len(words) > 1 and ent.label_ in ("FAC", "ORG", "GPE", "LOC"):
            m.facility = True
        elif nxt is not None and ent.label_ in ("ORG", "GPE", "FAC"):
            tail = [t for t in doc[ent.end: ent.end + 2] if t.pos_ == "NOUN" and t.is_lower]
            if tail and tail[-1].lower_ in FACILITY_WORDS and tail == list(doc[ent.end: ent.end + len(tail)]):
                m.facility, m.surface = True, " ".join([text, *(t.text for t in tail)])
        if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in PLACE_CUES:
            m.label = "CUE"
        if not m.facility:
            m.places = gazetteer.lookup(m.text)
            if not m.places and m.text.isupper() and len(m.text) > 3:
                m.places = gazetteer.lookup(m.text.title())
            if m.places and gazetteer.needs_comma(m.text) and not _after_comma(doc, ent):
                m.places = ()
                continue
        out.append(m)
    return out


def apply_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
    """ "Edmonton, Ky.", "London, Ont.", "Paris, France": the second name narrows the first."""
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if not m.places:
            continue
        if m.label == "DATELINE":
            parts = [n for n in mentions if n.label == "DATELINE"]
            index = parts.index(m)
            qual = parts[index + 1] if index + 1 < len(parts) else None
        else:
            rest = doc.text[m.end: m.end + 3]
            qual = by_start.get(m.end + 2) if rest.startswith(", ") else None
        if qual is None or not qual.places:
            continue
        areas = [p for p in qual.places if p.feature in ("C", "A1")]
        narrowed = tuple(p for p in m.places for a in areas
                         if p.cc == a.cc and (a.feature == "C" or p.admin1 == a.admin1) and p.id != a.id)
        if narrowed:
            m.places = narrowed


def _after_comma(doc: Doc, ent: Span) -> bool:
    return ent.start > 0 and doc[ent.start - 1].text == ","


def dateline_mentions(dateline: str | None, gazetteer: Gazetteer) -> list[Mention]:
    """'EDMONTON, Ky. (AP)': each comma-separated part before the agency is a place."""
    if not dateline:
        return []
    head = dateline.split("(")[0]
    out = []
    for part in (p.strip() for p in head.split(",")):
        places = gazetteer.lookup(part) or (gazetteer.lookup(part.title()) if part.isupper() else ())
        if places:
            out.append(Mention(part, part, 1, -1, "DATELINE", places=places))
    return out


def cued_mentions(doc: Doc, gazetteer: Gazetteer, covered: set[int]) -> list[Mention]:
    """Capitalised names that their words mark as places: "the village of Shevchenkove",
    "the Brovary district", "the Vostochny Cosmodrome"."""
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.i in covered or not tok.text[:1].isupper() or not tok.is_alpha or tok.is_sent_start:
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha and j + 1 not in covered:
            j += 1
        span = doc[i: j + 1]
        words = [t.text for t in span]
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        before = [t.lower_ for t in doc[max(0, i - 2): i]]
        para = nlp.paragraph_of(doc, tok)
        if len(words) > 1 and words[-1].lower() in FACILITY_WORDS:
            out.append(Mention(span.text, span.text, para, tok.idx, "CUE", facility=True))
        elif nxt is not None and nxt.lower_ in DESIGNATORS and nxt.is_lower:
            out.append(Mention(span.text, f"{span.text} {nxt.text}", para, tok.idx, "CUE",
                               designator=DESIGNATORS[nxt.lower_], places=gazetteer.lookup(span.text)))
        elif len(before) == 2 and before[1] == "of" and before[0] in PLACE_CUES:
            out.append(Mention(span.text, span.text, para, tok.idx, "CUE", places=gazetteer.lookup(span.text)))
        i = j + 1
    return out
