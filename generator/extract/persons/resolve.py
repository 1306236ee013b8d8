"""Who a subject is: a named person, an organisation, or a role, resolved against the mentions registry."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator import nlp
from generator.extract.persons.kinds import kind_of
from generator.extract.persons.found import proper_name, work_titles
from generator.extract.persons.names import appositive_of, is_title_only, phrase, title_before, title_run, titled_name
from generator.extract.persons.registry import People
from generator.extract.persons.words import (
    FEMALE_PRONOUNS, FEMALE_TITLES, HONORIFICS, INDEFINITE, MALE_PRONOUNS, MALE_TITLES, MISREAD_LABELS,
    NON_SPEAKER_LABELS,
    AGENT_ENDINGS, NAME_LABELS, ORG_LABELS, ORG_NOUNS, PERSON_NOUNS, SOURCE_NOUNS, SUBJECT_DEPS,
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
    known = people.roles.get(key)
    if role_here and known and role_here.lower() in HONORIFICS and describes_person(known):
        role_here = None  # "Mr" here, "the new President" earlier: the title says more
    return Speaker(people.fullest(key), role_here or known, "person")


def describes_person(role: str) -> bool:
    """A role that says what someone is ("Tory leader", "an analyst at X"), not only whose ("Heat's")."""
    words = [w.strip(".,'’").lower() for w in role.replace("-", " ").split()]
    return any(w in PERSON_NOUNS or (len(w) > 4 and w.endswith(AGENT_ENDINGS)) for w in words)


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
        if not (is_named_subject(token, ent) or is_age(token)):
            return Speaker()
        ent = None  # "said Logan" read as a work, "the 23-year-old" as a date: the words themselves say who
    if ent is not None and ent.start in work_titles(doc):  # "Only Fools and Horses star Ann Lee said"
        name = titled_name(ent)
        found = speaker_of(people, name[-1])
        found.role = found.role or phrase(list(title_run(name)))
        return found
    span = ent if ent is not None else proper_name(token) if token.pos_ == "PROPN" else None
    kind = kind_of(doc, ent) if ent is not None else None
    key = people.lookup(span) if span is not None and kind != "organisation" else None
    if key is not None:  # "Clinton" after "Hillary Clinton", whatever the NER made of this mention
        return person(people, key, phrase(appositive_of(span)) or phrase(title_before(span)))
    if span is not None and is_title_only(span):  # "the President said": a role, whoever holds it
        return titled_role(people, token, span)
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
    return described(people, token, description)


def titled_role(people: People, token: Token, span: Span) -> Speaker:
    """A title written as a subject without a name ("The new President, Ana Ruiz, said", "the Chancellor
    told MPs"): the name in apposition, else the person the article gives that title to, else the title."""
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            found = speaker_of(people, child)
            found.role = found.role or phrase(list(span))
            return found
    key = people.by_role(token)
    if key is not None:
        return person(people, key)
    return Speaker(None, phrase(list(token.doc[token.left_edge.i:span.end])), "role")


def described(people: People, token: Token, description: str | None) -> Speaker:
    """A speaker given as a role or an organisation ("the firm", "the club's captain", "the mayor"): the
    organisation or person the article names for it nearby; else the role, as written, with kind "role"."""
    doc = people.doc
    definite = not any(c.lower_ in INDEFINITE for c in token.children if c.dep_ in ("det", "nummod"))
    owners = [c for c in token.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
              and people.ent_of.get(c.i) is not None and people.ent_of[c.i].label_ == "ORG"
              and kind_of(doc, people.ent_of[c.i]) != "person"]  # "Vermont senator", "Scott's family": not them
    singular = token.tag_ == "NN"
    if token.lower_ in ORG_NOUNS:
        named = owners and phrase(list(people.ent_of[owners[0].i])) or (definite and nearest_org(doc, token))
        if named:
            return Speaker(named, None, "organisation")
    elif (singular and token.pos_ == "NOUN") or is_age(token):
        key = people.by_role(token)
        if key is None and definite and is_person_noun(token):
            near = people.named_near(token)
            key = near[0] if len(near) == 1 else None  # "Jo Ray scored twice. "...," the striker said."
        if key is not None:
            return person(people, key)
    if owners:  # "a Pentagon spokesman", "Rover bosses": the organisation speaks through them
        return Speaker(phrase(list(people.ent_of[owners[0].i])), description, "organisation")
    if description and not can_speak(token):
        return Speaker()
    return Speaker(None, description, "role" if description else None)


def can_speak(token: Token) -> bool:
    """A role noun that can be a source: a person, a body, a document, or a doer ("bystanders")."""
    doc, i = token.doc, token.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].pos_ == "NOUN":
        token = doc[i + 2]  # the tokenizer split "co-chairman": its last part is the noun
    word = token.lower_
    forms = {word, word[:-1], word[:-2], word[:-3] + "y"} if token.tag_ == "NNS" else {word}  # no lemmatizer
    return (token.pos_ != "NOUN" or bool(forms & (PERSON_NOUNS | ORG_NOUNS | SOURCE_NOUNS))
            or word.endswith(AGENT_ENDINGS) or is_person_noun(token) or token.ent_type_ != "")


def is_person_noun(token: Token) -> bool:
    """A noun that can only describe a person: a role or occupation, or an age ("the 23-year-old")."""
    return token.lower_ in PERSON_NOUNS | MALE_TITLES | FEMALE_TITLES or is_age(token)


def is_age(token: Token) -> bool:
    """ "the 23-year-old": a person described by their age."""
    return token.lower_.endswith("old") and any(c.lower_ in ("year", "years") or c.lower_.endswith("-year")
                                                for c in token.children)


def nearest_org(doc: Doc, token: Token) -> str | None:
    """The organisation named last before `token`, in its sentence or the two before ("Rover ... the firm")."""
    sentences = nlp.sentences(doc)
    here = next((k for k, sent in enumerate(sentences) if sent.start <= token.i < sent.end), 0)
    low = sentences[max(0, here - 2)].start
    for ent in reversed(nlp.ents_in(doc[low:token.i])):
        kind = kind_of(doc, ent) if ent.label_ in NAME_LABELS else None
        if (ent.label_ == "ORG" and kind != "person") or kind == "organisation":
            return phrase(list(ent))
    return None
