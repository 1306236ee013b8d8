"""Which spans of a Doc are people's names: entities the article uses as people, and the speakers a verb names."""
from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from generator import nlp
from generator.extract.persons.kinds import cluster_key, name_votes
from generator.extract.persons.names import is_full_name, is_title_only, titled_name
from generator.extract.persons.words import (
    MISREAD_LABELS, NON_SPEAKER_LABELS, ORG_LABELS, PERSON_LABELS, REPORTING_VERBS, SUBJECT_DEPS,
)


def names_in(doc: Doc, quoted: set[int] | frozenset[int]) -> list[tuple[Span, bool]]:
    """The people's names of a Doc in reading order, and whether the article shows each to be a person:
    entities its use of them makes people (whatever their NER label), and the proper nouns a reporting
    verb makes speakers (a speaker may be an organisation, so they are not listed as people)."""
    votes = name_votes(doc)
    titles = work_titles(doc)
    found: dict[int, tuple[Span, bool]] = {}
    for ent in nlp.entities(doc):
        if ent.label_ in NON_SPEAKER_LABELS - MISREAD_LABELS or ent.start in titles or is_title_only(ent):
            continue
        kind = votes[cluster_key(ent)].kind if cluster_key(ent) in votes else None
        if kind == "person" and (ent.label_ in PERSON_LABELS | ORG_LABELS or votes[cluster_key(ent)].labelled_person
                                 or len(ent) == 1):
            found[ent.start] = (ent, True)  # "Schiff" read once as a place is still the Schiff named before
        elif kind is None and ent.root.dep_ in SUBJECT_DEPS and ent.root.head.lower_ in REPORTING_VERBS:
            found[ent.start] = (ent, False)  # "said Logan" read as a title of a work
    ent_of = {i for ent in nlp.entities(doc) for i in range(ent.start, ent.end)}
    for verb in reporting_verbs(doc):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ == "PROPN" and child.i not in quoted and child.i not in ent_of:
                span = proper_name(child)
                if span.start not in found and span.start not in titles and not is_title_only(span):
                    found[span.start] = (span, False)
    return [found[start] for start in sorted(found)]


def work_titles(doc: Doc) -> set[int]:
    """Where entities are the title of a show, team or firm written before a role and a name ("Only Fools and
    Horses star Ann Lee"), not a person: not written as a full name, and not named anywhere else in the article
    (a person named in a title, "Trump adviser Jo Ray", is almost always the story's own)."""
    found = doc.user_data.get("work_titles")
    if found is None:
        ents = [e for e in nlp.entities(doc) if e.label_ in PERSON_LABELS | ORG_LABELS]
        slots = {e.start for e in ents if titled_name(e) is not None and not is_full_name(e)}
        elsewhere = {cluster_key(e) for e in ents if e.start not in slots}
        found = {e.start for e in ents if e.start in slots and cluster_key(e) not in elsewhere}
        doc.user_data["work_titles"] = found
    return found


def reporting_verbs(doc: Doc) -> list[Token]:
    """The verbs of saying in a Doc, found on its token array."""
    ids = [doc.vocab.strings.add(word) for word in REPORTING_VERBS]
    verbs = [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), ids))]
    return [t for t in verbs if t.pos_ in ("VERB", "AUX")]


def proper_name(token: Token) -> Span:
    """The proper nouns that make up a name ending at `token` ("Zero Hedge")."""
    names = [t for t in token.subtree if t.i <= token.i and t.pos_ == "PROPN"
             and (t.i == token.i or t.dep_ in ("compound", "flat"))]
    return token.doc[names[0].i:token.i + 1]
