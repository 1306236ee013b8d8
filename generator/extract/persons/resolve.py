"""Who a subject is: a named person, an organisation, or a role, resolved against the mentions registry."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from generator.extract.persons.kinds import kind_of
from generator.extract.persons.names import appositive_of, phrase, title_before
from generator.extract.persons.registry import People, proper_name
from generator.extract.persons.words import (
    FEMALE_PRONOUNS, MALE_PRONOUNS, MISREAD_LABELS, NON_SPEAKER_LABELS, ORG_LABELS, SUBJECT_DEPS,
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


def is_named_subject(token: Token, ent: Span) -> bool:
    """A proper noun the NER read as a work or an event that is the subject of its verb ("said Logan")."""
    return ent.label_ in MISREAD_LABELS and token.pos_ == "PROPN" and token.dep_ in SUBJECT_DEPS


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
        if not is_named_subject(token, ent):
            return Speaker()
        ent = None  # "said Logan" read as a work: the proper nouns themselves are the name
    span = ent if ent is not None else proper_name(token) if token.pos_ == "PROPN" else None
    kind = kind_of(doc, ent) if ent is not None else None
    key = people.lookup(span) if span is not None and kind != "organisation" else None
    if key is not None:  # "Clinton" after "Hillary Clinton", whatever the NER made of this mention
        return person(people, key, phrase(appositive_of(span)) or phrase(title_before(span)))
    if ent is not None and token.pos_ == "PROPN" and (ent.label_ in ORG_LABELS or kind == "organisation"):
        return Speaker(phrase(list(ent)), None, "organisation")
    if token.pos_ == "PROPN":
        return Speaker(phrase(list(span)), phrase(appositive_of(span)) or phrase(title_before(span)), "person")
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
