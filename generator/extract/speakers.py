"""Who speaks: people named in a Doc, their fullest names, roles and genders, and pronoun antecedents."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from generator import nlp
from generator.extract.names import (NAME_EDGES, NAME_PARTICLES, appositive_of, name_tokens, phrase, surname_key,
                                     title_before)
from generator.extract.wordlists_quotes import (
    ACCORDING, ATTRIBUTION_DASHES, AGENT_PREPOSITIONS, FEMALE_PRONOUNS, FEMALE_TITLES, MALE_PRONOUNS, MALE_TITLES,
    NON_SPEAKER_LABELS, ORG_LABELS, PERSON_LABELS, REPORTING_VERBS, SUBJECT_DEPS,
)

LOOKBACK_SENTENCES = 12  # how far back a he/she may reach for its antecedent
SPEAKER_LOOKBACK = 4  # how much further back than a name in passing a he/she may reach for the last speaker


@dataclass
class Speaker:
    """A resolved speaker: the name (or None), its role, its kind, and the cue verb."""

    speaker: str | None = None
    role: str | None = None
    kind: str | None = None
    cue: str | None = None


@dataclass
class Mention:
    start: int  # first token of the name
    key: str  # lower-cased surname (with the first name for a second person of that surname)
    sent: int  # sentence number
    subject: bool  # the subject (or its appositive) of its clause
    speaks: bool = False  # the subject of a reporting verb ("Fowler noted")


class People:
    """The people a Doc names: fullest names, roles, genders and mentions in reading order."""

    def __init__(self, doc: Doc, quoted: set[int]):
        self.doc = doc
        self.quoted = quoted
        self.sent_of = {}
        for number, sent in enumerate(nlp.sentences(doc)):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = number
        self.ent_of = {t.i: ent for ent in doc.ents for t in ent}
        self.full: dict[str, Counter[str]] = {}
        self.roles: dict[str, str] = {}
        self.genders: dict[str, str] = {}
        self.given: dict[str, dict[str, set[str]]] = {}  # surname -> key -> given names seen with it
        self.named_subjects: dict[str, list[tuple[int, str]]] = {}  # surname -> (start, key) of full names as subjects
        self.mentions: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS:
                self.add(ent, in_quote=ent.start in quoted)
        self.learn_genders()

    def add(self, span: Span, in_quote: bool = False) -> str:
        """Register a name mention; return its key."""
        tokens = name_tokens(span)
        if not tokens:
            return ""
        root = span.root
        subject = (root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
                   or (root.dep_ == "compound" and root.head.pos_ == "VERB" and root.head.i > root.i))  # "Scott bristles"
        title = title_before(span)
        key = self.key_of(tokens, subject, titled=bool(title) or tokens[0].i > span.start)
        name = " ".join(span.doc[tokens[0].i:tokens[-1].i + 1].text.split())
        name = NAME_EDGES.sub("", name.removesuffix("’s").removesuffix("'s"))
        self.full.setdefault(key, Counter())[name] += 1
        role = phrase(appositive_of(span)) or phrase(title)
        if role and key not in self.roles and not in_quote:
            self.roles[key] = role
        for word in [t.lower_ for t in title] + [t.lower_ for t in span] + (role or "").lower().split():
            if word in MALE_TITLES:
                self.genders.setdefault(key, "m")
            elif word in FEMALE_TITLES:
                self.genders.setdefault(key, "f")
        if not in_quote:
            speaks = subject and root.head.lower_ in REPORTING_VERBS
            mention = Mention(span.start, key, self.sent_of[span.start], subject, speaks)
            if all(m.start != mention.start for m in self.mentions):
                self.mentions.append(mention)
                self.mentions.sort(key=lambda m: m.start)
        return key

    def key_of(self, tokens: list[Token], subject: bool, titled: bool = False) -> str:
        """A person's key: the surname, for the first person the article names with it; people who share it
        ("Bill Clinton" after "Hillary Clinton", "Ian Lau" after "Lucy Lau") get the surname and a given name.
        A bare surname is the one of them last named in full as a subject ("Lynn Fodge says ... Fodge says"),
        else the first of them: news writes the other one's name out. A lone given name is the one person
        the article gives it to ("Ian said" after "Ian Lau")."""
        surname = surname_key(tokens)
        if len(tokens) == 1 and not titled and not self.given.get(surname):  # "Ian said", not "Sen. Graham said"
            owners = {key for people in self.given.values() for key, names in people.items() if surname in names}
            if len(owners) == 1:
                return owners.pop()
        given = {t.lower_.strip(".") for t in tokens[:-1]  # "J." is an initial, "MLA" a title
                 if t.pos_ == "PROPN" and t.text[:1].isupper() and (not t.is_upper or len(t.text.strip(".")) == 1)
                 and t.lower_ not in NAME_PARTICLES}
        people = self.given.setdefault(surname, {})
        if not given:  # "Clinton", "de Blasio", "MLA Jansen"
            acting = [key for start, key in self.named_subjects.get(surname, []) if start < tokens[0].i]
            return acting[-1] if acting and len(people) > 1 else surname
        key = next((k for k, names in people.items()
                    if given & names or any(len(g) == 1 and any(n.startswith(g) for n in names) for g in given)), None)
        if key is None:
            key = f"{surname}#{min(given)}" if people else surname
            people[key] = set()
        people[key] |= given  # "Hillary Clinton" and "Crooked Hillary Clinton", "J. Smith" and "John Smith"
        if subject:
            named = self.named_subjects.setdefault(surname, [])
            if (tokens[0].i, key) not in named:
                named.append((tokens[0].i, key))
                named.sort()
        return key

    def fullest(self, key: str) -> str | None:
        """The longest form of a name the article gives (most frequent among the longest)."""
        forms = self.full.get(key)
        if not forms:
            return None
        return max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))

    def learn_genders(self) -> None:
        """He/she right after a sentence naming one person is a vote for that person's gender; the majority
        decides (a title such as "Mrs." already has): one stray "she" does not make a man a woman."""
        votes: dict[str, Counter[str]] = {}
        for token in pronouns(self.doc):
            gender = pronoun_gender(token)
            if gender is None or token.i in self.quoted or token.dep_ not in SUBJECT_DEPS:
                continue
            sent = self.sent_of[token.i]
            earlier = [m for m in self.mentions if m.sent == sent and m.start < token.i]
            if not earlier:
                earlier = [m for m in self.mentions if m.sent == sent - 1]
            open_keys = {m.key for m in earlier if self.genders.get(m.key) in (None, gender)}
            if len(open_keys) == 1 and not open_keys & self.genders.keys():
                votes.setdefault(open_keys.pop(), Counter())[gender] += 1
        for key, count in votes.items():
            (first, n), *rest = count.most_common()
            if not rest or n > rest[0][1]:
                self.genders[key] = first

    def antecedent(self, pronoun: Token) -> str | None:
        """The nearest earlier person compatible with he/she, subjects first. When the nearest sentence
        naming someone names them only in passing ("loyalists to Joe Biden"), the person last reported
        speaking, a few sentences further back, is the better reading ("Fowler noted ... he said")."""
        gender = pronoun_gender(pronoun)
        sent = self.sent_of[pronoun.i]
        here = [m for m in self.mentions if m.sent == sent and m.start < pronoun.i and m.subject
                and self.genders.get(m.key) in (None, gender)]
        if here:
            return here[-1].key
        passing: Mention | None = None
        for back in range(1, LOOKBACK_SENTENCES + 1):
            found = [m for m in self.mentions if m.sent == sent - back and self.genders.get(m.key) in (None, gender)]
            found.sort(key=lambda m: (not m.subject, m.start))
            if passing is None:
                if found and found[0].subject:
                    return found[0].key
                passing = found[0] if found else None
            elif back - (sent - passing.sent) > SPEAKER_LOOKBACK:
                return passing.key
            elif any(m.speaks for m in found):
                return next(m for m in found if m.speaks).key
        if passing is not None:
            return passing.key
        same = [m for m in self.mentions if m.sent == sent and m.start < pronoun.i
                and self.genders.get(m.key) in (None, gender)]
        return same[0].key if same else None

    def by_role(self, noun: Token) -> str | None:
        """"the mayor" -> the person the article names as mayor (nearest mention, earlier first)."""
        word = noun.lower_
        keys = [k for k, role in self.roles.items() if word in role.lower().split()]
        if not keys:
            return None
        before = [m for m in self.mentions if m.key in keys and m.start < noun.i]
        if before:
            return before[-1].key
        after = [m for m in self.mentions if m.key in keys]
        return after[0].key if after else keys[0]

    def person(self, key: str, role_here: str | None = None) -> Speaker:
        return Speaker(self.fullest(key), role_here or self.roles.get(key), "person")

    def speaker_of(self, token: Token) -> Speaker:
        """Resolve the subject of a reporting verb to a named speaker where the article allows."""
        while token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN" and token.head.i > token.i:
            token = token.head
        lower = token.lower_
        if lower in MALE_PRONOUNS | FEMALE_PRONOUNS:
            key = self.antecedent(token)
            return self.person(key) if key else Speaker()
        if token.pos_ == "PRON":
            return Speaker()
        ent = self.ent_of.get(token.i)
        if ent is not None and ent.label_ in NON_SPEAKER_LABELS:
            return Speaker()
        if ent is not None and token.pos_ == "PROPN" or (ent is not None and ent.label_ in PERSON_LABELS):
            key = surname_key(name_tokens(ent))
            if ent.label_ in PERSON_LABELS or key in self.full:
                role = phrase(appositive_of(ent)) or phrase(title_before(ent))
                return self.person(self.add(ent, in_quote=False) or key, role)
            if ent.label_ in ORG_LABELS:
                return Speaker(phrase(list(ent)), None, "organisation")
        if token.pos_ == "PROPN":
            names = [t for t in token.subtree if t.i <= token.i and t.pos_ == "PROPN"
                     and (t.i == token.i or t.dep_ in ("compound", "flat"))]
            span = self.doc[names[0].i:token.i + 1]
            key = self.add(span)
            return self.person(key, phrase(appositive_of(span)) or phrase(title_before(span)))
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                found = self.speaker_of(child)
                found.role = found.role or phrase(list(self.doc[token.left_edge.i:token.i + 1]))
                return found
        description = phrase(list(self.doc[token.left_edge.i:token.i + 1]))
        owners = [c for c in token.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                  and self.ent_of.get(c.i) is not None and self.ent_of[c.i].label_ in ORG_LABELS]
        if owners:
            return Speaker(description, None, "organisation")
        if token.pos_ == "NOUN" and token.tag_ == "NN":
            key = self.by_role(token)
            if key:
                return self.person(key)
        return Speaker(None, description, None)


def pronouns(doc: Doc) -> list[Token]:
    """The gendered pronouns of a Doc, found on its token array (no Token object per word)."""
    ids = [doc.vocab.strings.add(word) for word in MALE_PRONOUNS | FEMALE_PRONOUNS]
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), ids))]


def pronoun_gender(token: Token) -> str | None:
    if token.lower_ in MALE_PRONOUNS:
        return "m"
    if token.lower_ in FEMALE_PRONOUNS:
        return "f"
    return None


def subject_of(verb: Token, quoted: set[int]) -> Token | None:
    """The speaker token of a reporting verb: its subject, "according to X", or a clause's subject."""
    if verb.lower_ == ACCORDING:
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i not in quoted and c.is_alpha]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
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
    if head.i != verb.i and head.pos_ in ("VERB", "AUX") and verb.dep_ not in ("ROOT", "parataxis"):
        found = subject_of(head, quoted)
        if found is not None:
            return found
    return nearby_name(verb, quoted)


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


def dash_attribution(doc: Doc, end: int, after: list[int], people: People) -> Speaker | None:
    """"…” ― Jane Doe": a dash and a name right after the closing mark."""
    words = [i for i in after if not doc[i].is_space]
    if words and end > 0 and doc[end - 1].text[-1:] in ATTRIBUTION_DASHES and len(doc[end - 1]) > 1:
        words = [end - 1] + words  # the tokenizer glued the dash to the mark: "”―"
    if len(words) < 2 or doc[words[0]].text[-1:] not in ATTRIBUTION_DASHES or doc[words[1]].pos_ != "PROPN":
        return None
    names = [i for i in words[1:] if doc[i].pos_ == "PROPN"]
    last = names[0]
    while last + 1 in names:
        last += 1
    speaker = people.speaker_of(doc[last])
    speaker.cue = doc[words[0]].text
    return speaker
