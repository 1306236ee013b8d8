"""People and organisations named in the article, merged across mentions, with roles."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.models import Organisation, Person
from generator.nlp import paragraph_of

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr",
    "rep", "sen", "gov", "gen", "col", "lt", "capt", "sgt", "maj", "adm", "pres", "president",
    "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "sheikh",
}
NOT_NAMES = {"god", "allah", "jesus", "twitter", "facebook", "instagram", "covid", "brexit"}
ROLE_DEPS = {"compound", "amod", "poss", "case", "nmod", "det", "punct", "prep", "pobj", "nummod"}
ORG_MIN_CHARS = 2
# "Defense" in "Deputy Defense Minister" names a portfolio, not an organisation
PORTFOLIO_HEADS = {"minister", "secretary", "commissioner", "spokesman", "spokeswoman", "spokesperson"}
NAME_CHARS = re.compile(r"^[^\W\d_][\w.'’\-]*$")


def clean_name(span: Span) -> str:
    """Entity text without honorifics, possessive endings or stray punctuation."""
    words = [t.text for t in span if not t.is_punct or t.text in {".", "-"}]
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    if words and words[-1] in {"'s", "’s", "'", "’"}:
        words = words[:-1]
    text = " ".join(words).replace(" .", ".").replace(" - ", "-").strip(" .,;:")
    return re.sub(r"[’']s$", "", text).strip()


def is_name(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 5 and all(NAME_CHARS.match(w) for w in words)
            and words[0][0].isupper() and text.lower() not in NOT_NAMES)


def role_of(span: Span) -> str | None:
    """The role the article gives a name: a title before it or an appositive after it."""
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


def clean_org(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text).strip(" .,;:\"“”")
