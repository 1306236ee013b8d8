"""People's names in a parse: their words, surname keys, titles, appositives and role phrases."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.extract.wordlists_quotes import HONORIFICS, PERSON_LABELS, ROLE_STRIP, TITLE_DEPS

NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
NAME_PARTICLES = frozenset({"de", "del", "della", "der", "di", "da", "du", "van", "von", "bin", "ibn", "al", "el",
                            "la", "le", "ter", "ten", "st", "st."})  # part of a surname, not a given name
NAME_EDGES = re.compile(r"^[^\w]+|[^\w.]+$")  # markup glued to a name by the tokenizer: '">Sanders'


def name_tokens(span: Span) -> list[Token]:
    """The words of a name, without honorifics, possessive endings and punctuation."""
    tokens = [t for t in span if not t.is_punct and t.lower_ not in ("'s", "’s", "'", "’")]
    while tokens and tokens[0].lower_ in HONORIFICS | {"the"}:
        tokens = tokens[1:]
    return tokens


def surname_key(tokens: list[Token] | list[str]) -> str:
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
    subtree = {t.i for t in root.subtree}
    i = span.start - 1
    while i >= 0 and i in subtree and doc[i].dep_ in TITLE_DEPS and doc[i].pos_ != "VERB" \
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
