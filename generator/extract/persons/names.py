"""People's names in a parse: their words, surname keys, titles, appositives and role phrases."""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span, Token

from generator.extract.persons.words import (
    CALENDAR_WORDS, CONTEST_TITLES, FEMALE_TITLES, HONORIFICS, MALE_TITLES, NAME_CHARS, NAME_EDGES, NAME_PARTICLES, NAME_SUFFIXES,
    NAME_TITLES, NOT_NAMES, PERSON_LABELS, PERSON_NOUNS, PLACE_TIME_ENTS, PLACE_TIME_PREPOSITIONS, ROLE_DEPS,
    ROLE_STRIP, TITLE_DEPS, TITLE_JOINERS, TITLE_QUALIFIERS,
)


def name_tokens(span: Span) -> list[Token]:
    """The words of a name, without honorifics, possessive endings and punctuation."""
    tokens = [t for t in span if not t.is_punct and t.lower_ not in ("'s", "’s", "'", "’")]
    honorific = span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS
    while tokens and tokens[0].lower_ in HONORIFICS | {"the"}:
        honorific, tokens = honorific or tokens[0].lower_ != "the", tokens[1:]
    if honorific and len(tokens) > 2 and tokens[0].lower_ in CONTEST_TITLES and tokens[1].is_title:
        tokens = tokens[1:]  # "Miss Universe Ana Ruiz"
    while len(tokens) > 1 and is_title_word(tokens[0]) and tokens[1].is_title:
        tokens = tokens[1:]  # "Sen. Ann Kerr", "MLA Sandra Jansen"
    titles = [k for k, t in enumerate(tokens[:-1]) if k and t.lower_ in PERSON_NOUNS and tokens[k + 1].is_title]
    if titles:
        tokens = tokens[titles[-1] + 1:]  # the NER took the title in: "Manitoba Premier Brian Pallister"
    return tokens


def is_title_word(token: Token) -> bool:
    """A title written before a name: "Sen.", "Gov", or an acronym ("MLA", "MEP")."""
    text = token.text.rstrip(".")
    return text.lower() in NAME_TITLES or (len(text) > 1 and text.isupper() and text.isalpha())


def surname_key(tokens: list[Token] | list[str]) -> str:
    """The lower-cased surname of a name's words ("Martin Luther King Jr." -> "king")."""
    words = [t if isinstance(t, str) else t.text for t in tokens]
    words = [w for w in words if w.lower() not in NAME_SUFFIXES] or words
    return NAME_EDGES.sub("", words[-1].lower()).strip(".,") if words else ""


def phrase(tokens: list[Token]) -> str | None:
    """Tokens -> text, trimmed of leading determiners and edge punctuation."""
    while tokens and (tokens[0].lower_ in ROLE_STRIP or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return None
    doc = tokens[0].doc
    return " ".join(doc[tokens[0].i:tokens[-1].i + 1].text.split())


def title_before(span: Span) -> list[Token]:
    """Title words directly before a name in its noun phrase: "Pentagon spokesman" John Kirby."""
    root, doc = span.root, span.doc
    low = root.left_edge.i  # the subtree of a name is contiguous: its left edge bounds the title
    i = span.start - 1
    while i >= low and doc[i].dep_ in TITLE_DEPS and doc[i].pos_ != "VERB" \
            and doc[i].text not in (",", "(", ")", "—", "–"):
        i -= 1
    words = list(doc[i + 1:span.start])
    run = title_run(span)
    if run is not None and (not words or run.start < words[0].i):
        words = list(run)  # the parse cut a show's title short: "Only Fools and Horses star"
    honorifics = [t for t in span if t.lower_ in HONORIFICS]
    return words if any(t.pos_ in ("NOUN", "PROPN") for t in words) else honorifics


def appositive_of(span: Span) -> list[Token]:
    """The appositive describing a name: "X, an adviser to Y," or "the official, X"."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > span.end - 1 and child.pos_ in ("NOUN", "PROPN"):
            if child.ent_type_ in PERSON_LABELS:
                continue
            tokens = list(child.subtree)
            cut = next((k for k, t in enumerate(tokens[:-1]) if t.text == "." and tokens[k + 1].is_title), None)
            return tokens[:cut] if cut else tokens  # the parse ran two sentences together: "PC Pro. Apple's …"
    if root.dep_ == "appos" and root.head.i < span.start and (
            root.head.pos_ == "NOUN" or root.head.lower_ in PERSON_NOUNS):  # "the new President, Ana Ruiz"
        head = root.head
        return list(span.doc[head.left_edge.i:head.i + 1])
    return []


TITLE_RUN_MAX = 8  # words a show's title or a role may run to: the scans stay short on any text


def titled_name(span: Span) -> Span | None:
    """The name that `span` is part of the title of, when a role noun and a name follow it in one phrase
    ("Only Fools and Horses star Ann Lee", "Strictly Come Dancing judge Ann Lee" -> Ann Lee)."""
    doc, i = span.doc, span.end
    while i < min(len(doc), span.end + TITLE_RUN_MAX) and is_title_part(doc[i]):
        i += 1
    if doc[i - 1].lower_ in TITLE_JOINERS:
        return None  # "Ann Lee and party leader Jo Ray": "and" joins two people
    nouns = i
    while i < min(len(doc), nouns + TITLE_RUN_MAX) and doc[i].pos_ == "NOUN" and doc[i].is_lower:
        i += 1
    if i == nouns or i >= len(doc) or doc[i - 1].lower_ not in PERSON_NOUNS or doc[i].pos_ != "PROPN":
        return None
    end = i
    while end < min(len(doc), i + TITLE_RUN_MAX) and doc[end].pos_ == "PROPN":
        end += 1
    name = doc[i:end]
    run = title_run(name)
    return name if run is not None and run.start <= span.start else None


def title_run(name: Span) -> Span | None:
    """The capitalised title and role noun written before a name ("Only Fools and Horses star", "White House
    press secretary"): a show, team or firm the person is described by, then what they are in it."""
    doc, i = name.doc, name.start - 1
    if i < 0 or doc[i].pos_ != "NOUN" or not doc[i].is_lower or doc[i].lower_ not in PERSON_NOUNS:
        return None
    while i >= max(0, name.start - TITLE_RUN_MAX) and doc[i].pos_ == "NOUN" and doc[i].is_lower:
        i -= 1
    nouns = i
    while i >= max(0, nouns - TITLE_RUN_MAX) and is_title_part(doc[i]) \
            and not (doc[i].is_sent_start and doc[i].dep_ not in TITLE_DEPS):
        if doc[i].lower_ in ("and", "&") and i > 0 and names_person(doc[i - 1]):
            break  # "Ann Lee and Labour leader Jo Ray": two people, the title is the second one's
        i -= 1  # "Yesterday ...", "But ...": a sentence's first word is capitalised too
    while i < nouns and doc[i + 1].lower_ in TITLE_JOINERS:
        i += 1  # a run never starts with "and" or "the"
    if i >= 0 and doc[i].lower_ in PLACE_TIME_PREPOSITIONS:  # "in London Labour leader", "on Monday Chelsea star"
        while i < nouns - 1 and (doc[i + 1].dep_ == "pobj" or doc[i + 1].ent_type_ in PLACE_TIME_ENTS
                                 or doc[i + 1].lower_ in CALENDAR_WORDS):
            i += 1
    return doc[i + 1:name.start] if i < nouns else None


def names_person(token: Token) -> bool:
    """The last word of a person's name: a PERSON entity of several words, or one the article writes again."""
    if token.ent_type_ != "PERSON":
        return False
    if token.ent_iob_ == "I":
        return True
    doc = token.doc
    counts = doc.user_data.get("person_words")
    if counts is None:
        counts = doc.user_data["person_words"] = Counter(t.lower_ for t in doc if t.ent_type_ == "PERSON")
    return counts[token.lower_] > 1


def is_title_part(token: Token) -> bool:
    """A word of a show's, team's or firm's title: capitalised, or a small joining word ("and", "of")."""
    return (token.is_title and token.is_alpha) or token.lower_ in TITLE_JOINERS


def is_full_name(span: Span) -> bool:
    """Written as a person's name: proper nouns only, with a given name or an honorific before the surname."""
    words = [t for t in span if not t.is_punct]
    honorific = span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS
    return all(t.pos_ == "PROPN" for t in words) and (len(words) > 1 or honorific)


def is_title_only(span: Span) -> bool:
    """A title written without a name ("President", "Prime Minister", "the Chancellor"): a role, not a name."""
    words = [t.lower_.rstrip(".") for t in span if not t.is_punct and t.lower_ != "the"]
    if not words or words[-1] not in PERSON_NOUNS | NAME_TITLES - HONORIFICS:
        return False
    honorific = span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS
    return not honorific and all(w in PERSON_NOUNS | NAME_TITLES | TITLE_QUALIFIERS for w in words)


def title_gender(words: list[str]) -> str | None:
    """"m" or "f" from the first gendered title among a mention's words ("Mr.", "the first lady")."""
    for word in words:
        if word in MALE_TITLES:
            return "m"
        if word in FEMALE_TITLES:
            return "f"
    return None


def is_name(text: str) -> bool:
    """Up to five capitalised words that could be a person's name."""
    words = text.split()
    return (0 < len(words) <= 5 and all(NAME_CHARS.match(w) for w in words)
            and all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words)
            and words[0][0].isupper() and text.lower() not in NOT_NAMES)


def role_of(span: Span) -> str | None:
    """The role the article gives a name in the people section: a title before it or an appositive after it."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            role = span.doc[child.left_edge.i: child.right_edge.i + 1].text.strip(" ,")
            if child.ent_type_ != "PERSON" and 1 <= len(role.split()) <= 16:
                return role
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ in {"NOUN", "PROPN"}:
        head = root.head
        words = [t for t in head.lefts if t.dep_ in {"amod", "compound"}] + [head]
        return " ".join(t.text for t in words)
    left = root.left_edge.i
    run = title_run(span)
    if run is not None and run.start <= left:
        return run.text  # the parse cut a show's title short: "Only Fools and Horses star"
    if left < span.start:
        tokens = [t for t in span.doc[left: span.start] if not t.is_space]
        while tokens and (tokens[0].dep_ in ("det", "prep") or tokens[0].is_punct
                          or tokens[0].ent_type_ in ("DATE", "TIME") or tokens[0].lower_ in CALENDAR_WORDS):
            if tokens[0].dep_ == "prep":  # "on Wednesday Prime Minister": the phrase of time is no title
                last = tokens[0].right_edge.i
                tokens = [t for t in tokens if t.i > last]
                continue
            tokens = tokens[1:]  # also "on Tuesday Rovers striker", the day the parse hung on the name
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if tokens and any(t.pos_ in {"NOUN", "PROPN"} for t in tokens) and len(tokens) <= 8 \
                and all(t.dep_ in ROLE_DEPS and t.ent_type_ != "PERSON" for t in tokens):
            return "".join(t.text_with_ws for t in tokens).strip()
    return run.text if run is not None else None


def clean_org(text: str) -> str:
    """An organisation's name without a leading article or possessive ending."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text).strip(" .,;:\"“”")
