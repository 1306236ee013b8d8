"""Reporting verbs in the parse: which words are cues, and whose words they report (the verb's subject)."""
from __future__ import annotations

from spacy.tokens import Token

from generator.extract.persons.words import AGENT_PREPOSITIONS, NON_SPEAKER_LABELS, PERSON_LABELS, SUBJECT_DEPS
from generator.extract.quotes.words import ACCORDING, DOCUMENT_NOUNS, IDIOM_CUES, REPORTING_VERBS, SOURCE_PREPOSITIONS


def is_cue(token: Token) -> bool:
    """A reporting verb ("said", "according"), or a reporting idiom ("as she put it")."""
    if not (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")):
        return False
    if token.lower_ in REPORTING_VERBS:
        return True
    objects = IDIOM_CUES.get(token.lower_, ())
    return any(child.lower_ in objects and child.dep_ == "dobj" for child in token.children)


def subject_of(verb: Token, quoted: set[int]) -> Token | None:
    """The speaker token of a reporting verb: its subject, "according to X", or a clause's subject."""
    if verb.lower_ == ACCORDING:
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return author_of(obj)
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in quoted and c.is_alpha]
    if subjects:
        return author_of(min(subjects, key=lambda c: abs(c.i - verb.i)))
    for child in verb.children:  # passive: "a statement issued by X"
        if child.dep_ == "agent" or child.lower_ in AGENT_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    return obj
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    before = verb.doc[verb.i - 1] if verb.i else None
    if verb.tag_ == "VBG" and before is not None and before.pos_ == "PROPN" and before.i not in quoted:
        return before  # "footage of Clinton asking, ..."
    head, steps = verb.head, 0
    while head.i != verb.i and steps < 3 and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head, steps = head.head, steps + 1
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.dep_ == "relcl" and verb.i and verb.nbor(-1).text == ",":
        # ", saying "…"" after a relative clause ("the builder who said he was owed, saying …") belongs
        # to the main clause: its speaker is that clause's subject, not the relative pronoun
        head, steps = head.head, 0
        while steps < 3 and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
            head, steps = head.head, steps + 1
    if head.i != verb.i and head.pos_ in ("VERB", "AUX") and verb.dep_ not in ("ROOT", "parataxis"):
        found = subject_of(head, quoted)
        if found is not None:
            return found
    return nearby_name(verb, quoted)


def author_of(token: Token) -> Token:
    """The named author of a document that is said to speak ("a statement from Acme Corp"), else the word."""
    if token.lower_ not in DOCUMENT_NOUNS or token.pos_ != "NOUN":
        return token
    for prep in token.children:
        if prep.lower_ in SOURCE_PREPOSITIONS and prep.dep_ in ("prep", "agent"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    return obj
    return token


def nearby_name(verb: Token, quoted: set[int]) -> Token | None:
    """A misparsed inversion: the proper noun right after the verb, else the person just before it."""
    doc = verb.doc
    for near in (doc[verb.i + 1:min(len(doc), verb.i + 3)], reversed(doc[max(0, verb.i - 8):verb.i])):
        candidates = []
        for token in near:
            if token.i in quoted or token.is_space:
                break
            if token.pos_ == "PROPN" and token.ent_type_ not in NON_SPEAKER_LABELS:
                candidates.append(token)
        people = [t for t in candidates if t.ent_type_ in PERSON_LABELS]
        if people or candidates:
            return (people or candidates)[0]
    return None


def is_person_like(token: Token | None, start: int, end: int) -> bool:
    """A proper-noun or he/she subject outside the quote's own tokens."""
    return token is not None and not start <= token.i < end and (
        token.pos_ == "PROPN" or token.lower_ in ("he", "she"))
