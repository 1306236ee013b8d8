"""Place mentions no entity holds: the dateline's parts, names their words mark as places ("the village
of X", "the Y district"), and capitalised proper nouns that name a big or nearby place."""
from __future__ import annotations

from spacy.tokens import Doc

from generator import nlp
from generator.extract.places.context import Context
from generator.extract.places.filters import LOCAL_POPULATION, LOOSE_POPULATION
from generator.extract.places.mentions import Mention, after_cue, designated, is_town, name_cut
from generator.extract.places.resolution import resolve
from generator.extract.places.words import COMPASS_WORDS, DESIGNATORS, DIRECTION_WORDS, FACILITY_WORDS
from generator.gazetteer import Gazetteer, Place, name_key


def dateline_mentions(dateline: str | None, gazetteer: Gazetteer) -> list[Mention]:
    """'EDMONTON, Ky. (AP)': each comma-separated part before the agency is a place."""
    if not dateline:
        return []
    head = dateline.split("(")[0]
    out = []
    for part in (p.strip(" -\u2013\u2014:") for p in head.split(",")):  # "BECKLEY, W.Va. -": the dash is no name
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
        para = nlp.paragraph_of(doc, tok)
        if len(words) > 1 and DESIGNATORS.get(words[-1].lower()) == "township":  # "Millbrook Twp.", untagged
            name = " ".join(words[:-1])
            dot = "." if nxt is not None and nxt.text == "." and words[-1] == "Twp" else ""
            out.append(Mention(name, f"{span.text}{dot}", para, tok.idx, "CUE", designator="township",
                               places=gazetteer.lookup(name), end=span.end_char + len(dot)))
        elif len(words) > 1 and is_town(span.text, gazetteer):  # "College Station", untagged
            out.append(Mention(span.text, span.text, para, tok.idx, "CUE", places=gazetteer.lookup(span.text)))
        elif len(words) > 1 and words[-1].lower() in FACILITY_WORDS and not name_cut(doc, i):
            out.append(Mention(span.text, span.text, para, tok.idx, "CUE", facility=True))
        elif nxt is not None and nxt.lower_ in DESIGNATORS and nxt.is_lower and not span[0].is_stop:
            # "the Brovary district" (not "While state revenue grew")
            out.append(Mention(span.text, f"{span.text} {nxt.text}", para, tok.idx, "CUE",
                               designator=DESIGNATORS[nxt.lower_],
                               places=designated(gazetteer.lookup(span.text), DESIGNATORS[nxt.lower_])))
        elif after_cue(doc, i):
            out.append(Mention(span.text, span.text, para, tok.idx, "CUE", places=gazetteer.lookup(span.text)))
        i = j + 1
    return out


def loose_mentions(doc: Doc, gazetteer: Gazetteer, found: list[Mention], context: Context,
                   people: set[str]) -> list[Mention]:
    """Capitalised proper nouns outside any entity that name a big or local place."""
    covered = {i for ent in nlp.entities(doc) for i in range(ent.start, ent.end)}
    out = cued_mentions(doc, gazetteer, covered)
    covered |= {t.i for m in out for t in doc.char_span(m.start, m.start + len(m.surface)) or ()}
    for tok in doc:
        if (tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.is_sent_start
                or tok.text in people or len(tok.text) < 3 or tok.lower_ in COMPASS_WORDS
                or _inside_name(doc, tok, gazetteer)):
            continue
        places = tuple(p for p in gazetteer.lookup(tok.text) if p.exact)
        best = resolve(places, context)
        if best is None:
            continue
        m = Mention(tok.text, tok.text, nlp.paragraph_of(doc, tok), tok.idx, "LOOSE", places=places)
        if tok.i + 1 < len(doc) and _capitalised(doc[tok.i + 1]) and not _backed(best, m, context):
            continue  # "Taylor Brooks", "the Spring Bake Sale": a word of an untagged name, unless the article is there
        if best.feature in ("C", "A1") or (best.population >= LOOSE_POPULATION and (
                context.share(best.cc) > 0 or not context.share_elsewhere(best.cc))) or (
                context.share(best.cc) > 0.2 and best.population >= LOCAL_POPULATION * 10):
            out.append(m)
    return out


def _inside_name(doc: Doc, tok, gazetteer: Gazetteer) -> bool:
    """The word ends a longer name: a place ("West Virginia", "Mount Carmel", "East Hampton") or
    something named after it ("Jeep Cherokee"); a compass word before it is a part of the place ("Central
    Florida"). An all-capital word beside another is a byline's name ("BY JANE ROE")."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.text.isupper() and any(t is not None and t.text.isupper() and t.is_alpha for t in (prev, nxt)):
        return True
    if prev is None or not _capitalised(prev):
        return False
    return prev.lower_ not in DIRECTION_WORDS or bool(gazetteer.lookup(f"{prev.text} {tok.text}"))


def _backed(best: Place, m: Mention, context: Context) -> bool:
    """A country or state the article is in, or a town near its other places or in a region it names."""
    if best.feature in ("C", "A1"):
        return context.share(best.cc, own=m) > 0
    return context.near(best, m) or context.in_named_region(best, name_key(m.text))


def _capitalised(tok) -> bool:
    """A capitalised word of a name (a sentence's capitalised first word is not, unless a proper noun)."""
    return (tok.text[:1].isupper() and (tok.is_alpha or tok.text.endswith("."))
            and (tok.pos_ == "PROPN" or not tok.is_sent_start))
