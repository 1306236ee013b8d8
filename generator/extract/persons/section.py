"""The people and organisations section: everyone the article names, merged across mentions, with roles."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from generator import nlp
from generator.extract.persons.kinds import cluster_key, name_votes
from generator.extract.persons.names import clean_org, is_name, role_of
from generator.extract.persons.registry import People, people_of
from generator.extract.persons.words import NAME_TITLES, ORG_MIN_CHARS, OTHER_LABELS, PORTFOLIO_HEADS, SUBJECT_DEPS
from generator.models import Organisation, Person
from generator.nlp import paragraph_of


def extract_people(doc: Doc, exclude: set[str] = frozenset()) -> list[Person]:
    """Every person the article names, under the fullest name the mentions registry has for them, with the
    first role the article gives; `exclude` holds names known to be something else (places)."""
    people = people_of(doc)
    votes = other_label_votes(doc)
    named = {key: name for key in people.listed if (name := listed_name(people, key)) and is_name(name)}
    merged: dict[str, list[Span]] = {}
    for key in sorted(named, key=lambda k: people.spans[k][0].start):
        merged.setdefault(owner_of(named, key), []).extend(people.spans[key])
    found = []
    for key, spans in merged.items():
        spans = sorted((s for s in spans if not (s.start and doc[s.start - 1].dep_ == "det")), key=lambda s: s.start)
        if not spans:
            continue  # only ever "the X": a group or a title, not a person
        name = named[key]
        if name in exclude:
            continue
        labelled = [s for s in spans if s.label_ == "PERSON"] or spans
        if len(name.split()) == 1 and (votes.get(name, 0) >= len(labelled)
                                       or (len(spans) < 2 and spans[0].root.dep_ not in SUBJECT_DEPS)):
            continue  # a lone single word more often a place or group than a person, or named once in passing
        role = next((r for r in map(role_of, spans) if r), None)
        found.append(Person(name=name, paragraph=paragraph_of(doc, spans[0]), role=role, mentions=len(spans)))
    return found


def owner_of(named: dict[str, str], key: str) -> str:
    """A name written as one word before the full name was ("Amber" ... "Amber Jones") is the one person
    whose full name starts or ends with it."""
    words = named[key].split()
    if len(words) > 1:
        return key
    owners = [k for k, n in named.items() if len(n.split()) > 1 and words[0] in (n.split()[0], n.split()[-1])]
    return owners[0] if len(owners) == 1 else key


def listed_name(people: People, key: str) -> str | None:
    """The fullest name of a registered person, without a title ("Sen. Ann Kerr" -> "Ann Kerr")."""
    full = people.fullest(key)
    if full is None:
        return None
    words = full.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in NAME_TITLES:
        words = words[1:]
    return " ".join(words)


def other_label_votes(doc: Doc) -> dict[str, int]:
    """How often each text is tagged as something other than a person (place, group, org)."""
    votes: dict[str, int] = {}
    for ent in nlp.entities(doc):
        if ent.label_ in OTHER_LABELS:
            votes[ent.text] = votes.get(ent.text, 0) + 1
    return votes


def extract_organisations(doc: Doc, exclude: set[str] = frozenset()) -> list[Organisation]:
    """Organisations named, merged case-insensitively, in order of first mention: the ORG entities the
    article does not use as people, and the names it uses as organisations whatever their NER label."""
    orgs: dict[str, Organisation] = {}
    for ent in nlp.entities(doc):
        votes = name_votes(doc).get(cluster_key(ent)) if ent.label_ in ("ORG", "PERSON") else None
        kind = votes.kind if votes is not None else None
        if not ((ent.label_ == "ORG" and kind != "person")
                or (ent.label_ == "PERSON" and kind == "organisation" and votes.evidence)):
            continue
        name = clean_org(ent.text)
        if len(name) < ORG_MIN_CHARS or name in exclude or not name[0].isupper() or is_portfolio(ent):
            continue
        key = name.lower()
        if key in orgs:
            orgs[key].mentions += 1
        else:
            orgs[key] = Organisation(name=name, paragraph=paragraph_of(doc, ent))
    return list(orgs.values())


def is_portfolio(ent: Span) -> bool:
    """A one-word ORG inside a capitalised title ("Deputy Defense Minister", "Health Secretary")."""
    head = ent.root.head
    return (len(ent) == 1 and ent.root.dep_ == "compound" and head.i >= ent.end
            and head.text[:1].isupper() and head.lower_ in PORTFOLIO_HEADS)
