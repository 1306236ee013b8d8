"""Who a subject is: a named person, an organisation, or a role, resolved against the mentions registry."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from generator.extract.persons.names import appositive_of, name_tokens, phrase, surname_key, title_before
from generator.extract.persons.registry import People
from generator.extract.persons.words import (
    FEMALE_PRONOUNS, MALE_PRONOUNS, NON_SPEAKER_LABELS, ORG_LABELS, PERSON_LABELS,
)


@dataclass
class Speaker:
    """A resolved speaker: the name (or None), its role, its kind, and the cue verb."""

    speaker: str | None = None
    role: str | None = None
    kind: str | None = None
    cue: str | None = None


def person(people: People, key: str, role_here: str | None = None) -> Speaker:
    """The registered person `key`, under their fullest name, with the role given here or earlier."""
    return Speaker(people.fullest(key), role_here or people.roles.get(key), "person")


def speaker_of(people: People, token: Token) -> Speaker:
    """Resolve the subject of a reporting verb to a named speaker where the article allows."""
    doc = people.doc
    while token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    lower = token.lower_
    if lower in MALE_PRONOUNS | FEMALE_PRONOUNS:
        key = people.antecedent(token)
        return person(people, key) if key else Speaker()
    if token.pos_ == "PRON":
        return Speaker()
    ent = people.ent_of.get(token.i)
    if ent is not None and ent.label_ in NON_SPEAKER_LABELS:
        return Speaker()
    if ent is not None and token.pos_ == "PROPN" or (ent is not None and ent.label_ in PERSON_LABELS):
        key = surname_key(name_tokens(ent))
        if ent.label_ in PERSON_LABELS or key in people.full:
            role = phrase(appositive_of(ent)) or phrase(title_before(ent))
            return person(people, people.add(ent, in_quote=False) or key, role)
        if ent.label_ in ORG_LABELS:
            return Speaker(phrase(list(ent)), None, "organisation")
    if token.pos_ == "PROPN":
        names = [t for t in token.subtree if t.i <= token.i and t.pos_ == "PROPN"
                 and (t.i == token.i or t.dep_ in ("compound", "flat"))]
        span = doc[names[0].i:token.i + 1]
        key = people.add(span)
        return person(people, key, phrase(appositive_of(span)) or phrase(title_before(span)))
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            found = speaker_of(people, child)
            found.role = found.role or phrase(list(doc[token.left_edge.i:token.i + 1]))
            return found
    description = phrase(list(doc[token.left_edge.i:token.i + 1]))
    owners = [c for c in token.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
              and people.ent_of.get(c.i) is not None and people.ent_of[c.i].label_ in ORG_LABELS]
    if owners:
        return Speaker(description, None, "organisation")
    if token.pos_ == "NOUN" and token.tag_ == "NN":
        key = people.by_role(token)
        if key:
            return person(people, key)
    return Speaker(None, description, None)
