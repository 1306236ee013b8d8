"""Figures that matter: counts, money, percentages, with what they count and their hedges."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.extract import cues
from generator.extract.numbers import SCALE_WORDS, NumberPhrase, find_numbers, is_score, tidy
from generator.models import Figure
from generator.nlp import ents_in, paragraph_of, sentences

NAME_ENTITIES = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "EVENT", "GPE", "LOC"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
NOUNS = {"NOUN", "PROPN"}
MAX_SOURCE_TOKENS = 8
UNIT_TOKENS = {"%", "cent", "percent", "per", "$", "us$", "c$", "€", "£", "million", "billion",
               "thousand", "trillion", "year", "old", "-"}


def extract_figures(doc: Doc) -> list[Figure]:
    """Numbers with what they count, where, according to whom, and their qualifier."""
    figures: list[Figure] = []
    seen: set[tuple] = set()
    for sent in sentences(doc):
        for phrase in find_numbers(sent):
            figure = make_figure(sent, phrase)
            if figure is None:
                continue
            key = (figure.value, figure.unit, figure.counts.lower())
            if key not in seen:
                seen.add(key)
                figures.append(figure)
    return figures


def make_figure(sent: Span, phrase: NumberPhrase) -> Figure | None:
    """A Figure for one number phrase, or None when the number is a year, date, time, name..."""
    doc = sent.doc
    start, end = phrase.start, phrase.end
    unit, start, end = find_unit(sent, start, end)
    is_age = age_end(sent, end) is not None or (start > sent.start and doc[start - 1].lower_ == "aged")
    if is_age:
        unit = "years old" if unit is None else unit
        end = age_end(sent, end) or end
    qualifier, q_start = find_qualifier(sent, start, phrase)
    if not is_figure(sent, phrase, start, end, q_start, unit):
        return None
    value = phrase.value
    if phrase.fraction:
        value = round(value, 2)
    elif value == int(value):
        value = int(value)
    head = counted_token(sent, phrase, end)
    if head is not None and is_age and head.pos_ not in NOUNS:
        head = None
    text = doc[q_start:end].text
    return Figure(
        value=value,
        text=text,
        counts=tidy(describe_counted(head, phrase, end, unit)) if head is not None else ("age" if is_age else ""),
        paragraph=paragraph_of(doc, doc[phrase.start]),
        qualifier=qualifier,
        unit=unit,
        where=find_place(sent, q_start, end),
        source=find_source(sent, doc[phrase.start]),
        context=sent.text.strip(),
    )


def find_unit(sent: Span, start: int, end: int) -> tuple[str | None, int, int]:
    """Percent / currency / time unit around the number; widens [start, end) to include it."""
    doc = sent.doc
    before = doc[start - 1].lower_ if start > sent.start else ""
    after = doc[end].lower_ if end < sent.end else ""
    after2 = doc[end + 1].lower_ if end + 1 < sent.end else ""
    if after in {"%", "percent", "pct"}:
        return "percent", start, end + 1
    if after == "per" and after2 == "cent":
        return "percent", start, end + 2
    if after == "percentage" and after2 in {"point", "points"}:
        return "percentage points", start, end + 2
    if before in cues.CURRENCY_SYMBOLS:
        unit = cues.CURRENCY_SYMBOLS[before]
        marker = doc[start - 2].lower_ if start - 2 >= sent.start else ""
        unit = cues.DOLLAR_MARKERS.get(marker, unit) if before == "$" else unit
        if before == "$" and after in cues.DOLLAR_MARKERS:
            return cues.DOLLAR_MARKERS[after], start - 1, end + 1
        return unit, start - 1, end
    if after in cues.CURRENCY_WORDS:
        return cues.CURRENCY_WORDS[after], start, end + 1
    if after == "of" and after2 in cues.CURRENCY_WORDS:
        return cues.CURRENCY_WORDS[after2], start, end + 2
    if after in cues.TIME_UNITS:
        return after if after.endswith("s") else after + "s", start, end + 1
    return None, start, end


def age_end(sent: Span, end: int) -> int | None:
    """End of '-year-old' / 'years old' / 'months old' after a number, if there is one."""
    doc = sent.doc
    texts = [t.lower_ for t in doc[end:min(end + 4, sent.end)]]
    if texts[:4] in (["-", "year", "-", "old"], ["-", "month", "-", "old"], ["-", "week", "-", "old"]):
        return end + 4
    if texts[:2] in (["years", "old"], ["months", "old"], ["year", "old"], ["weeks", "old"]):
        return end + 2
    return None


def find_qualifier(sent: Span, start: int, phrase: NumberPhrase) -> tuple[str | None, int]:
    """The hedge before the number ('more than', 'could surpass') and where it starts."""
    doc = sent.doc
    for qualifier in cues.QUALIFIERS:
        words = qualifier.split()
        q_start = start - len(words)
        if q_start >= sent.start and [t.lower_ for t in doc[q_start:start]] == words:
            return qualifier, q_start
    if start - 2 >= sent.start and doc[start - 2].lower_ in cues.MODALS \
            and doc[start - 1].lower_ in cues.THRESHOLD_VERBS:
        return f"{doc[start - 2].lower_} {doc[start - 1].lower_}", start
    if phrase.plus:
        return "more than", start
    if phrase.upper is not None:
        return "between", start
    if phrase.vague:
        return "more than", start
    return None, start


def is_figure(sent: Span, phrase: NumberPhrase, start: int, end: int, q_start: int,
              unit: str | None) -> bool:
    """False for years, dates, clock times, identifiers, addresses and back-references."""
    doc = sent.doc
    first = doc[phrase.start]
    before = doc[phrase.start - 1] if phrase.start > sent.start else None
    after = doc[end] if end < sent.end else None
    measured = unit in {"percent", "percentage points"} or (unit or "").isupper()
    scaled = any(t.lower_ in SCALE_WORDS for t in doc[phrase.start:phrase.end])
    words = [t.lower_ for t in doc[phrase.start:phrase.end]]
    if words[-1] in {"third", "quarter", "fifth", "tenth"} and (after is None or after.lower_ != "of"):
        return False  # "a third incident" is an ordinal
    if phrase.value == 1 and not measured and not is_counting_one(sent, phrase, unit):
        return False
    if not measured and not scaled and first.text.isdigit() and len(first.text) == 4 \
            and 1800 <= phrase.value <= 2100:
        return False  # a year
    if before is not None and before.text in {"-", "–", "/"} and not before.whitespace_ \
            and phrase.start - 2 >= sent.start and (doc[phrase.start - 2].is_alpha
                                                     or len(doc[phrase.start - 2].text) == 4):
        return False  # "G-20", "2017-18"
    if ":" in first.text or "/" in first.text:
        return False
    near = [t.lower_ for t in doc[max(sent.start, phrase.start - 1):min(sent.end, end + 2)]]
    if any(t in cues.MONTHS for t in near if t not in {"may", "march", "mar", "dec"}) \
            or any(t.text in {"May", "March", "Dec"} for t in doc[max(sent.start, phrase.start - 1):min(sent.end, end + 1)]):
        return False  # a date
    if after is not None and after.lower_ in cues.CLOCK_WORDS:
        return False
    if after is not None and after.text == "-" and not after.whitespace_ and end + 1 < sent.end \
            and doc[end + 1].text[:1].isupper():
        return False  # "10-K"
    if before is not None and not measured and (
            before.lower_ in cues.IDENTIFIER_WORDS and (before.text[:1].isupper() or not before.is_alpha)
            or before.pos_ == "PROPN" and before.text[:1].isupper() and first.dep_ != "nummod"):
        return False  # "Section 1031", "Flight 17"
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and any(
            t.lower_ in cues.STREET_WORDS for t in doc[end:min(end + 5, sent.end)]):
        return False  # a street address
    if not measured and any(t.ent_type_ in NAME_ENTITIES for t in doc[phrase.start:phrase.end]):
        return False
    if q_start > sent.start and doc[q_start - 1].lower_ in cues.BACK_REFERENCE and not measured \
            and unit != "years old":
        return False  # "the two sides"
    if unit in {"seconds", "minutes"}:
        return False
    return not is_score(sent, phrase)


def is_counting_one(sent: Span, phrase: NumberPhrase, unit: str | None) -> bool:
    """'one' is a figure only when it counts a noun: not 'one of', 'One said', 'one day'."""
    doc = sent.doc
    token = doc[phrase.start]
    if phrase.upper is not None or token.text.isdigit() and unit not in cues.TIME_UNITS:
        return True
    nxt = doc[phrase.end] if phrase.end < sent.end else None
    if phrase.start == sent.start or nxt is None or nxt.lower_ in {"of", "another", "or"}:
        return False
    if unit is not None and unit.rstrip("s") + "s" in cues.TIME_UNITS:
        return False
    return token.dep_ == "nummod" and token.head.pos_ in NOUNS and token.head.i > token.i


def counted_token(sent: Span, phrase: NumberPhrase, end: int) -> Token | None:
    """The word the number hangs on: a noun it counts, or the verb/adjective it is an argument of."""
    doc = sent.doc
    token = doc[phrase.end - 1]
    if (phrase.vague or phrase.fraction) and end + 1 < sent.end and doc[end].lower_ == "of":
        objects = [t for t in doc[end].children if t.dep_ == "pobj"]
        if objects:
            return objects[0]  # "thousands of people", "two-thirds of all children"
    for _ in range(6):
        inside = phrase.start <= token.i < end
        if token.pos_ in NOUNS | {"VERB", "ADJ", "AUX"} and not inside and not token.like_num \
                and token.lower_ not in UNIT_TOKENS:
            return token
        if token.head.i == token.i:
            break
        token = token.head
    return None


def noun_phrase(noun: Token, skip_until: int = -1) -> str:
    """A compact noun phrase: modifiers, the noun, and an 'of ...' complement."""
    left = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod", "poss"}
            and not t.like_num and t.i >= skip_until and t.lower_ not in UNIT_TOKENS]
    words = [t.text for t in left] + [noun.text]
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "for", "from", "on", "into"}:
            objects = [t for t in prep.rights if t.dep_ == "pobj"]
            if objects and not objects[0].like_num and objects[0].lower_ not in UNIT_TOKENS:
                obj = objects[0]
                obj_left = [t.text for t in obj.lefts if t.dep_ in {"compound", "amod", "poss"}]
                words += [prep.text, *obj_left, obj.text]
            break
    return " ".join(words)


def describe_counted(head: Token, phrase: NumberPhrase, end: int, unit: str | None) -> str:
    """'civilians dead', 'bodies found', 'people killed', 'Ukrainians driven from their homes'."""
    if unit == "years old":
        return f"age of {noun_phrase(head, end)}" if head.pos_ in NOUNS else "age"
    if head.pos_ in {"VERB", "AUX"}:
        return describe_verb(head, phrase)
    if head.lower_ == "times" and head.head.pos_ == "ADJ":
        head = head.head  # "10 times larger"
    if head.pos_ == "ADJ":
        times = "times " if head.i > 0 and head.doc[head.i - 1].lower_ == "times" else ""
        return times + head.text
    description = noun_phrase(head, end)
    verb = head.head
    if head.dep_ in {"nsubjpass", "nsubj"} and verb.pos_ in {"VERB", "ADJ"}:
        if verb.tag_ == "VBN" or head.dep_ == "nsubjpass":
            return f"{description} {verb.text}"
        complement = [t for t in verb.rights if t.dep_ in {"acomp", "dobj", "attr"}]
        return f"{description} {verb.text} {complement[0].text}" if complement else f"{description} {verb.text}"
    if head.dep_ == "dobj" and verb.pos_ == "VERB":
        predicate = [t for t in verb.rights if t.dep_ in {"oprd", "acomp", "ccomp", "xcomp"}
                     and t.pos_ == "ADJ"]
        if predicate:
            return f"{description} {predicate[0].text}"
        participle = cues.PARTICIPLES.get(verb.lower_, verb.text if verb.tag_ == "VBN" else None)
        if participle:
            preps = [t for t in verb.rights if t.dep_ == "prep" and t.i > head.i]
            small = preps and len(list(preps[0].subtree)) <= 5
            tail = " ".join(t.text for t in preps[0].subtree) if small else ""
            return " ".join(w for w in (description, participle, tail) if w)
        return f"{verb.text} {description}"
    acl = [t for t in head.rights if t.dep_ in {"acl", "amod"} and t.tag_ in {"VBN", "JJ"}]
    if acl:
        return f"{description} {acl[0].text}"
    return description


def describe_verb(verb: Token, phrase: NumberPhrase) -> str:
    """A number that is a verb's argument: 'death toll surpass', 'sustained serious injuries'."""
    number_is_subject = any(t.dep_ in {"nsubj", "nsubjpass"} and phrase.start <= t.i < phrase.end
                            for t in verb.lefts)
    objects = [t for t in verb.rights if t.dep_ in {"dobj", "attr", "acomp", "oprd"}
               and not phrase.start <= t.i < phrase.end]
    if number_is_subject:
        return " ".join([verb.text] + ([noun_phrase(objects[0])] if objects else []))
    subjects = [t for t in verb.lefts if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ != "PRON"]
    if subjects and verb.lower_ in cues.THRESHOLD_VERBS:
        return f"{noun_phrase(subjects[0])}"
    preps = [t for t in verb.rights if t.dep_ == "prep" and t.i >= phrase.end]
    preps_objects = [c for c in preps[0].children if c.dep_ == "pobj" and not c.like_num
                     and c.lower_ not in UNIT_TOKENS] if preps else []
    tail = [preps[0].text, noun_phrase(preps_objects[0])] if preps_objects else []
    if not tail and objects:
        tail = [noun_phrase(objects[0])]  # "defended port" for "defended the port for two months"
    return " ".join([verb.text, *tail])


def find_place(sent: Span, start: int, end: int) -> str | None:
    """The place entity in the sentence nearest to the number (not one inside the figure)."""
    places = [ent for ent in ents_in(sent) if ent.label_ in PLACE_ENTITIES
              and (ent.end <= start or ent.start >= end)]
    if not places:
        return None
    return min(places, key=lambda ent: abs(ent.start - start)).text


def find_source(sent: Span, token: Token) -> str | None:
    """Who gives the number: 'according to X', or the subject of a reporting verb above it."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "to":
            objects = [c for c in sent.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return subject_text(objects[0])
    node = token
    while True:
        if node.lower_ in cues.SAY_VERBS and node.pos_ == "VERB":
            subjects = [c for c in node.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].pos_ != "PRON":
                return subject_text(subjects[0])
        if node.head.i == node.i:
            break
        node = node.head
    root = sent.root
    if root.lower_ in cues.SAY_VERBS:
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if subjects:
            return subject_text(subjects[0])
    return None


def subject_text(token: Token) -> str:
    """A subject's words without a long relative clause."""
    words = [t for t in token.subtree if t.dep_ not in {"relcl", "punct"} and t.head.dep_ != "relcl"]
    words = [t for t in words if t.i <= token.i or t.head == token and t.dep_ in {"appos", "prep"}
             or t.i <= token.i + MAX_SOURCE_TOKENS]
    text = " ".join(t.text for t in words[:MAX_SOURCE_TOKENS])
    return text.removeprefix("the ").removeprefix("The ")
