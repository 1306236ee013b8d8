"""Person or organisation: decided from the article's own use of a name, with the NER label as one vote."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator import nlp
from generator.extract.persons.names import name_tokens, surname_key
from generator.extract.persons.words import (
    LIST_JOINERS, NAME_PARTICLES, OF_WORDS, PERSON_NOUNS, POSSESSIVES, FEMALE_TITLES, HONORIFICS, MALE_TITLES, NAME_LABELS, NAME_TITLES, ORG_NAME_WORDS, ORG_NOUNS, PERSON_PRONOUNS, PLURAL_FORMS, RELATIVE_PERSON, RELATIVE_THING, SUBJECT_DEPS,
)

STRONG, MEDIUM, WEAK = 3, 2, 1


@dataclass
class Votes:
    """The evidence an article gives that a name is a person's or an organisation's."""

    person: float = 0
    organisation: float = 0
    labelled_person: bool = False  # NER tagged at least one mention PERSON
    labelled_org: bool = False  # ... or ORG
    evidence: bool = False  # something other than an article or the label says organisation
    articles: float = 0  # votes from a determiner before the name ("the Pentagon")
    full_name: bool = False  # written once as a given name and a surname, and tagged PERSON

    @property
    def kind(self) -> str | None:
        """"person" or "organisation"; a tie goes to the NER label, and None when that is neither."""
        if self.person != self.organisation:
            return "person" if self.person > self.organisation else "organisation"
        return "person" if self.labelled_person else "organisation" if self.labelled_org else None


def cluster_key(span: Span) -> str:
    """Mentions that share a last name word are one name ("Sven-Goran Eriksson", "Eriksson")."""
    keys = span.doc.user_data.setdefault("cluster_keys", {})
    key = keys.get((span.start, span.end))
    if key is None:
        key = keys[(span.start, span.end)] = surname_key(name_tokens(span) or list(span))
    return key


def name_votes(doc: Doc) -> dict[str, Votes]:
    """Votes for every name the article uses, keyed by `cluster_key`; computed once per Doc."""
    cached = doc.user_data.get("name_votes")
    if cached is not None:
        return cached
    votes: dict[str, Votes] = defaultdict(Votes)
    labels: dict[str, list[str]] = defaultdict(list)
    singles: set[str] = set()
    firsts: dict[str, str] = {}  # first word of a multi-word name -> its key
    spans = [e for e in nlp.entities(doc) if e.label_ in NAME_LABELS]
    for ent in spans:
        key = cluster_key(ent)
        if not key:
            continue
        vote = votes[key]
        labels[key].append(ent.label_)
        vote.labelled_person |= ent.label_ == "PERSON"
        vote.labelled_org |= ent.label_ == "ORG"
        words = [w for w in " ".join(t.text for t in name_tokens(ent)).replace(" - ", "-").split()]
        for side, weight in mention_votes(ent):
            if side == "article":  # "the Hains" beside "Lynette Hains" is her family; "the Black Caucus" is not
                if len(words) == 1:
                    vote.articles += weight
                else:
                    vote.organisation += weight
                continue
            setattr(vote, side, getattr(vote, side) + weight)
            vote.evidence |= side == "organisation"
        if ent.label_ == "PERSON" and len(words) > 1 and looks_given(words[0]):
            vote.full_name = True
        if len(words) == 1 and not (ent.start and doc[ent.start - 1].dep_ == "det"):  # "the Caucus": not a surname
            singles.add(words[0].lower())
        elif words:
            firsts.setdefault(words[0].lower(), key)
    for group in name_lists(spans):  # a line-up's names are one kind, whatever the NER made of each
        persons = sum(e.label_ == "PERSON" for e in group)
        side = "person" if persons * 2 > len(group) else "organisation" if persons * 2 < len(group) else None
        for ent in group if side else ():
            key = cluster_key(ent)
            if key in votes:
                setattr(votes[key], side, getattr(votes[key], side) + MEDIUM)
    for vote in votes.values():  # "the Hains" after "Lynette Hains" is her family, not a firm
        if not vote.full_name:
            vote.organisation += vote.articles
    for key, seen in labels.items():  # the NER is one vote in all, shared out by its labels' counts
        votes[key].person += WEAK * seen.count("PERSON") / len(seen)
        votes[key].organisation += WEAK * seen.count("ORG") / len(seen)
    for ent in spans:  # news shortens a person to the surname, an organisation to its first word
        words = " ".join(t.text for t in name_tokens(ent)).replace(" - ", "-").split()
        if len(words) > 1 and words[-1].lower() in singles and looks_given(words[0]) \
                and not any(w.lower() in ORG_NAME_WORDS for w in words):
            votes[cluster_key(ent)].person += MEDIUM
    for first, key in firsts.items():
        if first in singles and first != key:
            votes[key].organisation += WEAK
    doc.user_data["name_votes"] = votes = dict(votes)
    return votes


def name_lists(spans: list[Span]) -> list[list[Span]]:
    """Runs of three or more names separated only by commas or "and" ("Evans, Pritchard, Morgan and Lloyd")."""
    groups: list[list[Span]] = []
    run: list[Span] = []
    for ent in spans:
        if run and ent.start - run[-1].end == 1 and ent.doc[run[-1].end].lower_ in LIST_JOINERS:
            run.append(ent)
            continue
        if len(run) >= 3:
            groups.append(run)
        run = [ent]
    if len(run) >= 3:
        groups.append(run)
    return groups


def looks_given(word: str) -> bool:
    """A word that could be a given name: capitalised letters, not an acronym ("MG Rover")."""
    text = word.replace("-", "")
    return text.isalpha() and text[:1].isupper() and not text.isupper()


def mention_votes(ent: Span) -> list[tuple[str, float]]:
    """("person" | "organisation", weight) for what one mention's parse shows."""
    doc, root = ent.doc, ent.root
    found: list[tuple[str, float]] = []
    lowers = [t.lower_ for t in ent if not t.is_punct]
    if len(lowers) > 1 and (lowers[-1] in ORG_NAME_WORDS or (lowers[0] in ORG_NAME_WORDS and lowers[1] in OF_WORDS)):
        found.append(("organisation", STRONG))  # "Lloyds Bank", "Acme Holdings Ltd", "Bank of England"
    elif any(t.is_lower and t.is_alpha and t.lower_ not in NAME_PARTICLES for t in ent[1:-1]):
        found.append(("organisation", MEDIUM))  # "Alliance to Reclaim Our Schools": a person's name has no such word
    before = doc[ent.start - 1] if ent.start else None
    if lowers[0].rstrip(".") in NAME_TITLES | {h.rstrip(".") for h in HONORIFICS} \
            or (before is not None and before.lower_.rstrip(".") in NAME_TITLES):
        found.append(("person", STRONG))
    elif before is not None and before.dep_ == "det" and before.head.i in range(ent.start, ent.end):
        found.append(("article", MEDIUM))  # "the Premiership", "the Pentagon"; a person takes no article
    for word in described_by(ent):
        if word.lower_ in ORG_NOUNS:
            found.append(("organisation", MEDIUM))
        elif word.lower_ in PERSON_NOUNS | MALE_TITLES | FEMALE_TITLES:
            found.append(("person", MEDIUM))
        elif word.pos_ == "NOUN":
            found.append(("person", WEAK))  # "coach", "analyst" (but "organizer" may be either)
    for child in root.children:
        if child.dep_ == "appos" and any(t.like_num for t in child.subtree) and len(list(child.subtree)) <= 2:
            found.append(("person", MEDIUM))  # "Tom Reyes, 42,"
        if child.dep_ == "relcl" and not is_plural_verb(child):  # "owners of Rover, who have": not Rover
            relative = [t for t in child.children if t.dep_ in SUBJECT_DEPS | {"dobj", "poss"}]
            if any(t.lower_ in RELATIVE_PERSON for t in relative):
                found.append(("person", MEDIUM))
            elif any(t.lower_ in RELATIVE_THING for t in relative):
                found.append(("organisation", WEAK))
    if root.dep_ in SUBJECT_DEPS:
        verb = root.head
        if is_plural_agreement(root, verb):
            found.append(("organisation", MEDIUM))  # "Chelsea are", "Rover have said"
        if pronoun_after(root) is not None:
            found.append(("person", MEDIUM))
        owned = own_possessive(root)
        if owned is not None:  # "Smith will not make his first start", "Rover cut its forecast"
            found.append(("person", MEDIUM) if owned.lower_ in PERSON_PRONOUNS else ("organisation", MEDIUM))
    return found


def is_plural_agreement(subject: Token, verb: Token) -> bool:
    """A name alone, right before the plural verb it is the subject of: one person never takes one."""
    if any(c.dep_ == "conj" for c in subject.children) or subject.tag_ == "NNPS" or verb.i < subject.i:
        return False
    first = finite_of(verb)
    if first.i - subject.i > 2 or any(t.pos_ == "PRON" for t in subject.doc[subject.i + 1:first.i]):
        return False
    return first.lower_ in PLURAL_FORMS


def finite_of(verb: Token) -> Token:
    """The first word of a verb group: its auxiliary ("have said"), else the verb."""
    return min([verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i],
               key=lambda t: t.i)


def is_plural_verb(verb: Token) -> bool:
    """A verb group in the plural present ("who have", "who are")."""
    return finite_of(verb).lower_ in PLURAL_FORMS


def described_by(ent: Span) -> list[Token]:
    """The head nouns describing a name: its appositive ("Rover, the car maker") or the title before it
    ("car maker Rover", "England coach Sven-Goran Eriksson")."""
    doc, root = ent.doc, ent.root
    preps = [c.i for c in root.children if c.dep_ == "prep"]
    # "Paul Hofheinz of the Lisbon Council, a think-tank": an appositive after "of ..." is the other name's
    words = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and not any(p < c.i for p in preps)]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        words.append(root.head)
    i = ent.start - 1
    if i >= 0 and doc[i].pos_ == "NOUN" and doc[i].head.i in range(ent.start, ent.end) and doc[i].dep_ == "compound":
        words.append(doc[i])
    return words


def pronoun_after(subject: Token) -> Token | None:
    """He or she opening the clause its verb reports: "Eriksson said he was happy". ("Rover said it
    would" is no evidence: "it" is as often the thing spoken of.)"""
    verb = subject.head
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        for child in clause.children:
            if child.dep_ in SUBJECT_DEPS and child.lower_ in PERSON_PRONOUNS and child.i <= verb.i + 2:
                return child
    return None


def own_possessive(subject: Token) -> Token | None:
    """His, her or its on the object of the subject's own verb: it agrees with the subject."""
    for obj in subject.head.children:
        if obj.dep_ in ("dobj", "attr") and obj.i > subject.i:
            for child in obj.children:
                if child.dep_ == "poss" and child.lower_ in POSSESSIVES:
                    return child
    return None


def kind_of(doc: Doc, span: Span) -> str | None:
    """"person" or "organisation" for a name in `doc`, or None when the article never uses it as either."""
    votes = name_votes(doc).get(cluster_key(span))
    return votes.kind if votes is not None else None
