"""The mentions registry: the people a Doc names, their fullest names, roles, genders and mentions in order."""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from generator import nlp
from generator.extract.persons.found import names_in
from generator.extract.persons.names import appositive_of, name_tokens, phrase, surname_key, title_before, title_gender
from generator.extract.persons.words import (
    FEMALE_PRONOUNS, MALE_PRONOUNS, NAME_EDGES, NAME_PARTICLES, REPORTING_VERBS,
    SUBJECT_DEPS, TITLE_ABBREVIATIONS,
)

LOOKBACK_SENTENCES = 12  # how far back a he/she may reach for its antecedent
SPEAKER_LOOKBACK = 4  # how much further back than a name in passing a he/she may reach for the last speaker


@dataclass
class Mention:
    """One mention of a person by name, outside quotation marks."""

    start: int  # first token of the name
    key: str  # lower-cased surname (with the first name for a second person of that surname)
    sent: int  # sentence number
    subject: bool  # the subject (or its appositive) of its clause
    speaks: bool = False  # the subject of a reporting verb ("Fowler noted")


@dataclass(frozen=True)
class NamedSubject:
    """A full name (given name and surname) written as the subject of its clause."""

    start: int
    key: str


class People:
    """The people a Doc names: fullest names, roles, genders and mentions in reading order.

    `quoted` holds the tokens inside quotation marks: names there are people, but what is said
    about them there (roles, genders) is the speaker's wording, and they are not antecedents."""

    def __init__(self, doc: Doc, quoted: set[int] | frozenset[int]):
        self.doc = doc
        self.quoted = quoted
        self.sent_starts = [sent.start for sent in nlp.sentences(doc)]
        self.ent_of = {i: ent for ent in nlp.entities(doc) for i in range(ent.start, ent.end)}
        self.full: dict[str, Counter[str]] = {}
        self.roles: dict[str, str] = {}
        self.genders: dict[str, str] = {}
        self.given: dict[str, dict[str, set[str]]] = {}  # surname -> key -> given names seen with it
        self.named_subjects: dict[str, list[NamedSubject]] = {}  # surname -> full names written as subjects
        self.mentions: list[Mention] = []
        self._by_sentence: dict[int, list[Mention]] | None = None
        self._starts: set[int] = set()
        self.person_forms: dict[str, set[str]] = {}  # key -> the forms the NER tagged PERSON
        self.key_at: dict[int, str] = {}  # first token of every registered name -> its key
        self.spans: dict[str, list[Span]] = {}  # key -> every mention, quoted ones too, in reading order
        self.listed: set[str] = set()  # keys the article shows to be a person (not only a speaker's name)
        for span, listed in names_in(doc, quoted):
            key = self.add(span, in_quote=span.start in quoted)
            if key and listed:
                self.listed.add(key)
        self.learn_genders()

    def sent_of(self, i: int) -> int:
        """The number of the sentence holding token i."""
        return bisect.bisect_right(self.sent_starts, i) - 1

    def add(self, span: Span, in_quote: bool = False) -> str:
        """Register a name mention; return its key."""
        tokens = name_tokens(span)
        if not tokens:
            return ""
        root = span.root
        subject = (root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
                   or (root.dep_ == "compound" and root.head.pos_ == "VERB" and root.head.i > root.i))  # "Scott bristles"
        title = title_before(span)
        role = phrase(appositive_of(span)) or phrase(title)
        gender = title_gender([t.lower_ for t in title] + [t.lower_ for t in span] + (role or "").lower().split())
        key = self.key_of(tokens, subject, titled=bool(title) or tokens[0].i > span.start, gender=gender)
        name = " ".join(span.doc[tokens[0].i:tokens[-1].i + 1].text.split())
        name = NAME_EDGES.sub("", name.removesuffix("’s").removesuffix("'s"))
        self.full.setdefault(key, Counter())[name] += 1
        if span.label_ == "PERSON":
            self.person_forms.setdefault(key, set()).add(name)
        self.key_at[span.start] = key
        self.spans.setdefault(key, []).append(span)
        if role and key not in self.roles and not in_quote:
            self.roles[key] = role
        if gender:
            self.genders.setdefault(key, gender)
        if not in_quote:
            speaks = subject and root.head.lower_ in REPORTING_VERBS
            mention = Mention(span.start, key, self.sent_of(span.start), subject, speaks)
            if mention.start not in self._starts:
                self._starts.add(mention.start)
                if self.mentions and self.mentions[-1].start > mention.start:
                    bisect.insort(self.mentions, mention, key=lambda m: m.start)
                else:
                    self.mentions.append(mention)
                self._by_sentence = None
        return key

    def key_of(self, tokens: list[Token], subject: bool, titled: bool = False, gender: str | None = None) -> str:
        """A person's key: the surname, for the first person the article names with it; people who share it
        ("Bill Clinton" after "Hillary Clinton", "Ian Lau" after "Lucy Lau") get the surname and a given name.
        A bare surname is the one of them last named in full as a subject ("Lynn Fodge says ... Fodge says"),
        else the first of them: news writes the other one's name out. A lone given name is the one person
        the article gives it to ("Ian said" after "Ian Lau"). A title's gender keeps two people apart: "the first
        lady, Ingrid Halvorsen" after "Mr. Halvorsen" is another person, and "Mrs. Halvorsen" is her."""
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
            same = [k for k in [surname, *people] if gender and self.genders.get(k) == gender]
            if same and self.genders.get(surname) not in (None, gender):
                return same[-1]  # "Mrs. Halvorsen" after "Mr. Halvorsen" and "the first lady, Ingrid Halvorsen"
            acting = [n.key for n in self.named_subjects.get(surname, []) if n.start < tokens[0].i]
            return acting[-1] if acting and len(people) > 1 else surname
        key = next((k for k, names in people.items()
                    if given & names or any(len(g) == 1 and any(n.startswith(g) for n in names) for g in given)), None)
        if key is None:
            other = gender is not None and self.genders.get(surname) not in (None, gender)
            key = f"{surname}#{min(given)}" if people or other else surname
            people[key] = set()
        people[key] |= given  # "Hillary Clinton" and "Crooked Hillary Clinton", "J. Smith" and "John Smith"
        if subject:
            named = self.named_subjects.setdefault(surname, [])
            if NamedSubject(tokens[0].i, key) not in named:
                named.append(NamedSubject(tokens[0].i, key))
                named.sort(key=lambda n: (n.start, n.key))
        return key

    def lookup(self, span: Span) -> str | None:
        """The key of a registered person this name refers to, without registering it."""
        if span.start in self.key_at:
            return self.key_at[span.start]
        tokens = name_tokens(span)
        if not tokens:
            return None
        surname = surname_key(tokens)
        people = self.given.get(surname, {})
        given = {t.lower_.strip(".") for t in tokens[:-1] if t.pos_ == "PROPN" and t.lower_ not in NAME_PARTICLES}
        if given:
            return next((k for k, names in people.items() if given & names), None)
        acting = [n.key for n in self.named_subjects.get(surname, []) if n.start < tokens[0].i]
        if acting and len(people) > 1:
            return acting[-1]
        return surname if surname in self.full else None

    def fullest(self, key: str) -> str | None:
        """The longest form of a name the article gives (most frequent among the longest)."""
        forms = self.full.get(key)
        if not forms:
            return None
        # a given name and a surname over a surname alone; the NER's own person spans over its run-ons
        # ("Washington Post Trump" beside "Donald Trump"); the most words ("Aung San Suu Kyi"), the most
        # often written, then the longest ("Kevin Morgan", not "K Morgan")
        return max(forms, key=lambda f: (len(f.split()) > 1, f in self.person_forms.get(key, ()),
                                         len(f.split()), forms[f], len(f)))

    def learn_genders(self) -> None:
        """He/she right after a sentence naming one person is a vote for that person's gender; the majority
        decides (a title such as "Mrs." already has): one stray "she" does not make a man a woman."""
        votes: dict[str, Counter[str]] = {}
        for token in pronouns(self.doc):
            gender = pronoun_gender(token)
            if gender is None or token.i in self.quoted or token.dep_ not in SUBJECT_DEPS:
                continue
            sent = self.sent_of(token.i)
            earlier = [m for m in self.in_sentence(sent) if m.start < token.i]
            if not earlier:
                earlier = self.in_sentence(sent - 1)
            open_keys = {m.key for m in earlier if self.genders.get(m.key) in (None, gender)}
            if len(open_keys) == 1 and not open_keys & self.genders.keys():
                votes.setdefault(open_keys.pop(), Counter())[gender] += 1
        for key, count in votes.items():
            (first, n), *rest = count.most_common()
            if not rest or n > rest[0][1]:
                self.genders[key] = first

    def antecedent(self, pronoun: Token, depth: int = 0) -> str | None:
        """The nearest earlier person compatible with he/she, subjects first. When the sentence before
        is about the same he/she ("He said that ... Mr Houston may be interviewed. He added:"), it is
        that pronoun's person. When the nearest sentence naming someone names them only in passing
        ("loyalists to Joe Biden"), the person last reported speaking, a few sentences further back, is
        the better reading ("Fowler noted ... he said")."""
        gender = pronoun_gender(pronoun)
        sent = self.sent_of(pronoun.i)
        here = [m for m in self.in_sentence(sent) if m.start < pronoun.i and m.subject
                and self.genders.get(m.key) in (None, gender)]
        if here:
            return here[-1].key
        same = self.leading_pronoun(sent - 1, gender)
        if same is not None and depth < LOOKBACK_SENTENCES:
            return self.antecedent(same, depth + 1)
        passing: Mention | None = None
        for back in range(1, LOOKBACK_SENTENCES + 1):
            found = [m for m in self.in_sentence(sent - back) if self.genders.get(m.key) in (None, gender)]
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
        same_sentence = [m for m in self.in_sentence(sent) if m.start < pronoun.i
                         and self.genders.get(m.key) in (None, gender)]
        return same_sentence[0].key if same_sentence else None

    def in_sentence(self, sent: int) -> list[Mention]:
        """The name mentions of sentence `sent`, in order."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for m in self.mentions:
                self._by_sentence.setdefault(m.sent, []).append(m)
        return self._by_sentence.get(sent, [])

    def leading_pronoun(self, sent: int, gender: str | None) -> Token | None:
        """The he/she that is the main subject of sentence `sent`, before any name there is a subject."""
        if sent < 0:
            return None
        root = nlp.sentences(self.doc)[sent].root
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i in self.quoted or pronoun_gender(subject) != gender:
            return None
        if any(m.subject and m.start < subject.i for m in self.in_sentence(sent)):
            return None
        return subject

    def by_role(self, noun: Token) -> str | None:
        """"the mayor" -> the person the article names as mayor (nearest mention, earlier first);
        abbreviated titles count ("Lt." for "the lieutenant")."""
        word = noun.lower_
        keys = [k for k, role in self.roles.items() if word in role_words(role)]
        if not keys:
            return None
        before = [m for m in self.mentions if m.key in keys and m.start < noun.i]
        if before:
            return before[-1].key
        after = [m for m in self.mentions if m.key in keys]
        return after[0].key if after else keys[0]

    def named_near(self, token: Token) -> list[str]:
        """The people named outside quotes in the sentence of `token` (before it) and the one before."""
        sent = self.sent_of(token.i)
        found = [m.key for m in self.in_sentence(sent - 1) + self.in_sentence(sent) if m.start < token.i]
        return list(dict.fromkeys(found))


def role_words(role: str) -> set[str]:
    """The words of a role, abbreviated titles written out ("Lt. Col." -> lieutenant, colonel)."""
    words = {w.strip(".,").lower() for w in role.replace("-", " ").split()}
    return words | {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}


def people_of(doc: Doc) -> People:
    """The mentions registry of a Doc, built once and shared by quotes, open questions and the people
    section (names inside quotation marks are people too, but not antecedents or sources of roles)."""
    people = doc.user_data.get("people")
    if people is None:
        from generator.extract.quotes.marks import quoted_tokens  # quotes import persons: import late

        people = doc.user_data["people"] = People(doc, quoted_tokens(doc))
    return people


def pronouns(doc: Doc) -> list[Token]:
    """The gendered pronouns of a Doc, found on its token array (no Token object per word)."""
    ids = [doc.vocab.strings.add(word) for word in MALE_PRONOUNS | FEMALE_PRONOUNS]
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), ids))]


def pronoun_gender(token: Token) -> str | None:
    """"m" for he/him/his, "f" for she/her, None for any other word."""
    if token.lower_ in MALE_PRONOUNS:
        return "m"
    if token.lower_ in FEMALE_PRONOUNS:
        return "f"
    return None
