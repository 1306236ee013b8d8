"""People's names in a parse: their words, surname keys, titles, appositives and role phrases."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.extract.persons.words import (
    CONTEST_TITLES, HONORIFICS, NAME_CHARS, NAME_EDGES, NAME_PARTICLES, NAME_SUFFIXES, NAME_TITLES, NOT_NAMES, PERSON_LABELS,
    PERSON_NOUNS, ROLE_DEPS, ROLE_STRIP,
    TITLE_DEPS,
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
    honorifics = [t for t in span if t.lower_ in HONORIFICS]
    return words if any(t.pos_ in ("NOUN", "PROPN") for t in words) else honorifics


def appositive_of(span: Span) -> list[Token]:
    """The appositive describing a name: "X, an adviser to Y," or "the official, X"."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > span.end - 1 and child.pos_ in ("NOUN", "PROPN"):
            if child.ent_type_ in PERSON_LABELS:
                continue
            return [t for t in child.subtree]
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN":
        head = root.head
        return list(span.doc[head.left_edge.i:head.i + 1])
    return []


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
    if left < span.start:
        tokens = [t for t in span.doc[left: span.start] if not t.is_space]
        while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if tokens and any(t.pos_ in {"NOUN", "PROPN"} for t in tokens) and len(tokens) <= 8 \
                and all(t.dep_ in ROLE_DEPS and t.ent_type_ != "PERSON" for t in tokens):
            return "".join(t.text_with_ws for t in tokens).strip()
    return None


def clean_org(text: str) -> str:
    """An organisation's name without a leading article or possessive ending."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text).strip(" .,;:\"“”")
