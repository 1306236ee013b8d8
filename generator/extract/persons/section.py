"""The people and organisations section: everyone the article names, merged across mentions, with roles."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.extract.persons.names import clean_name, clean_org, is_name, role_of
from generator.extract.persons.words import ORG_MIN_CHARS, PORTFOLIO_HEADS
from generator.models import Organisation, Person
from generator.nlp import paragraph_of


def person_spans(doc: Doc, exclude: set[str]) -> list[tuple[str, Span]]:
    """(clean name, entity) for every PERSON entity that looks like a real name."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = clean_name(ent)
        after_determiner = ent.start > 0 and doc[ent.start - 1].dep_ == "det"
        if is_name(name) and name not in exclude and not after_determiner:
            found.append((name, ent))
    return found


def canonical_names(names: list[str]) -> dict[str, str]:
    """Map every name form to the fullest form that shares its surname or first name."""
    full = sorted({n for n in names if len(n.split()) > 1}, key=lambda n: (-len(n.split()), n))
    mapping = {}
    for name in names:
        if len(name.split()) > 1:
            longer = [f for f in full if f != name and f.endswith(" " + name.split()[-1])
                      and set(name.split()) <= set(f.split())]
            mapping[name] = longer[0] if longer else name
            continue
        match = [f for f in full if f.split()[-1] == name] or [f for f in full if f.split()[0] == name]
        mapping[name] = match[0] if match else name
    return mapping


def other_label_votes(doc: Doc) -> dict[str, int]:
    """How often each text is tagged as something other than a person (place, group, org)."""
    votes: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC", "NORP", "ORG", "FAC"}:
            votes[ent.text] = votes.get(ent.text, 0) + 1
    return votes


def extract_people(doc: Doc, exclude: set[str] = frozenset()) -> list[Person]:
    """Every person named, under their fullest name, with the first role the article gives."""
    spans = person_spans(doc, set(exclude))
    mapping = canonical_names([name for name, _ in spans])
    votes = other_label_votes(doc)
    people: dict[str, Person] = {}
    counts: dict[str, int] = {}
    for name, _ in spans:
        counts[mapping[name]] = counts.get(mapping[name], 0) + 1
    for name, ent in spans:
        canonical = mapping[name]
        if len(canonical.split()) == 1 and (votes.get(canonical, 0) >= counts[canonical]
                                            or (counts[canonical] < 2 and not is_subject(ent.root))):
            continue  # a lone single word that is more often a place or group than a person
        person = people.get(canonical)
        if person is None:
            person = people[canonical] = Person(name=canonical, paragraph=paragraph_of(doc, ent), mentions=0)
        person.mentions += 1
        if person.role is None:
            person.role = role_of(ent)
    return list(people.values())


def is_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass"}


def extract_organisations(doc: Doc, exclude: set[str] = frozenset()) -> list[Organisation]:
    """Organisations named, merged case-insensitively, in order of first mention."""
    orgs: dict[str, Organisation] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG":
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
