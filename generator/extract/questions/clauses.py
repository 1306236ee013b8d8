"""Clause grammar for question wording: the clause under a cue, cleaned, verbs inflected, subject and auxiliary inverted."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.extract.questions import words as lex
from generator.extract.questions.shared import Names

SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}
CLAUSE_DEPS = {"ccomp", "acl", "advcl"}
FINITE_TAGS = {"MD", "VBD", "VBZ", "VBP"}
PLURAL_WORDS = {"they", "we", "you", "these", "those"}
BE_FORMS = {"is", "are", "was", "were", "am", "'s", "’s", "'re", "’re"}
HAVE_FORMS = {"has", "have", "had"}
DO_FORMS = {"do", "does", "did"}
UNSAFE_SUBJECTS = {"it", "this", "that", "which", "who", "what", "what's", "they", "them", "these", "those"}
LEADING_MARKS = {"that", "if", "whether", "to"}
VOWELS = set("aeiou")
SPACE_BEFORE = re.compile(r"\s+([,.;:!?%])")
REPEATED_COMMA = re.compile(r",(\s*,)+")
REPORTED = re.compile(r"^(?:Did|Does|Do) [^?]{0,60}?\b(?:say|tell|note|add|write|announce|state|explain)\b")
QUESTION_SPACE = re.compile(r"\s+([,.;:!?%)\]])")
# "Was Hacker was arrested": the same auxiliary said twice (not "Will the tasks that have been set")
REPEATED_AUX = re.compile(r"^(Was|Were|Is|Are|Did|Does|Do|Has|Have|Had|Will|Could|Would|Can) ([^,?]{1,80}?) "
                          r"(?i:\1) (?=\w+(?:ed|en)\b)")
EMPTY_BRACKETS = re.compile(r"\s*\(\s*\)|\s*\[\s*\]")


def base_form(token: Token) -> str:
    """The verb's base form from its spelling: 'dropped' -> 'drop', 'fired' -> 'fire', 'uses' -> 'use'."""
    word = token.lower_
    if token.tag_ in ("VB", "VBP") and word not in ("is", "are", "am", "'re", "’re"):
        return word  # already the base form: "need", not "ne"
    if word in lex.IRREGULAR_BASE:
        return lex.IRREGULAR_BASE[word]
    if token.tag_ == "VBZ" and word.endswith("s"):
        if word.endswith("ies"):
            return word[:-3] + "y"
        return word[:-2] if re.search(r"(?:s|x|z|ch|sh|o)es$", word) else word[:-1]
    suffix = "ed" if word.endswith("ed") else "ing" if word.endswith("ing") else ""
    if not suffix or len(word) <= len(suffix) + 1:
        return word
    stem = word[:-len(suffix)]
    if suffix == "ed" and stem.endswith("i"):
        return stem[:-1] + "y"
    if stem in lex.E_EXCEPTIONS:
        return stem
    if suffix == "ed" and stem.endswith("u"):
        return stem + "e"  # "argued", "continued", "rescued"
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]  # "dropped"
    for ending in lex.E_ENDINGS:
        before = stem[-len(ending) - 1:-len(ending)]
        if stem.endswith(ending) and not (ending[0] in VOWELS and before in VOWELS):
            return stem + "e"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", stem):
        return stem + "e"  # one syllable, consonant-vowel-consonant: "hoped", "voted"
    return stem


def clause_tokens(head: Token, start: int | None = None) -> list[Token]:
    """A clause's words without its complementiser, asides, parentheticals, quote marks or attribution."""
    drop: set[int] = set()
    doc = head.doc
    for token in head.subtree:
        after_comma = token.left_edge.i > 0 and doc[token.left_edge.i - 1].text in {",", *lex.DASHES}
        aside = token.dep_ == "appos" or after_comma and (
            token.dep_ in {"relcl", "acl", "advcl"} and token.head.pos_ in {"NOUN", "PROPN"}
            or token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > token.head.i)
        if aside or token.dep_ == "parataxis" or token.dep_ == "conj" and token.head == head and \
                any(c.dep_ in SUBJECT_DEPS for c in token.children):
            drop.update(t.i for t in token.subtree)
            if after_comma:
                drop.add(token.left_edge.i - 1)
            closing = token.right_edge.i + 1
            fronted = token.i < head.i and any(a.dep_ == "prep" for a in token.ancestors if a.i < head.i)
            if closing < len(doc) and doc[closing].text == "," and not fronted:
                drop.add(closing)
            if token.dep_ == "conj":
                drop.update(c.i for c in head.children if c.dep_ == "cc" and c.i < token.i)
    words = [t for t in head.subtree if t.i not in drop and t.text not in lex.QUOTE_MARKS
             and (start is None or t.i >= start) and not t.is_space]
    words = without_dash_asides(words)
    while words and (words[0].is_punct or words[0].lower_ in lex.DISCOURSE_WORDS | LEADING_MARKS
                     and words[0].dep_ in {"cc", "advmod", "mark", "aux"}):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words = words[:-1]
    return [t for t in words if not (t.lower_ in lex.DISCOURSE_WORDS and t.dep_ == "advmod"
                                     and t.head == head and t.lower_.endswith("ly"))]


def tail_tokens(sent: Span, start: int) -> list[Token]:
    """The words after a cue to the end of the sentence, for when the parse loses the clause."""
    words = [t for t in sent.doc[start:sent.end] if t.text not in lex.QUOTE_MARKS and not t.is_space]
    words = without_dash_asides(words)
    while words and (words[0].is_punct or words[0].lower_ in LEADING_MARKS):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return words


def without_dash_asides(words: list[Token]) -> list[Token]:
    """Drop '— which cause horrendous burns —' between a pair of dashes."""
    dashes = [k for k, t in enumerate(words) if t.text in lex.DASHES and t.whitespace_]
    if len(dashes) >= 2:
        return words[:dashes[0]] + words[dashes[1] + 1:]
    if dashes and dashes[0] <= 2:
        return words[dashes[0] + 1:]  # a dateline: "TORRINGTON — Mayor X said"
    return words[:dashes[0]] if dashes else words


def render(words: list[Token], names: Names, said: str = "") -> str:
    """Words -> text: he/she replaced by the person meant (unless named already, in `said` or before),
    spacing as written, punctuation tidied."""
    parts: list[str] = []
    skip: set[int] = set()
    for k, token in enumerate(words):
        if token.i in skip:
            continue
        text = token.text
        if token.dep_ in SUBJECT_DEPS | {"poss"} and token.lower_ in {"he", "she", "his", "her"}:
            name = bracketed_name(token)
            if name:  # the brackets go with the pronoun they explain
                skip.update(range(token.i + 1, token.i + 3 + len(name.split())))
            name = name or names(token)
            # once the question has named the person, the pronoun is clear ("Will Ruiz keep his seat?")
            if name and not re.search(rf"\b{re.escape(name)}\b", said + " " + "".join(parts)):
                text = name if token.dep_ in SUBJECT_DEPS else f"{name}'s"
        adjacent = k + 1 < len(words) and words[k + 1].i == token.i + 1
        parts.append(text + (token.whitespace_ if adjacent else " "))
    text = REPEATED_COMMA.sub(",", SPACE_BEFORE.sub(r"\1", "".join(parts)))
    return " ".join(text.split()).strip(" ,;:—–-")


def bracketed_name(token: Token) -> str | None:
    """'He (Steele) was': the name the writer put in brackets after a pronoun."""
    doc = token.doc
    k = token.i + 1
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].pos_ == "PROPN":
        end = next((j for j in range(k + 1, min(k + 6, len(doc))) if doc[j].text == ")"), None)
        if end is not None and all(t.pos_ == "PROPN" for t in doc[k + 1:end]):
            return doc[k + 1:end].text
    return None


def case_first(text: str, first: Token | None) -> str:
    """Lower-case the first word unless it is a name."""
    if first is None or first.pos_ == "PROPN" or first.ent_type_ or first.text == "I" \
            or not text.startswith(first.text) \
            or first.text.isupper() and len(first.text) > 1:
        return text
    return text[:1].lower() + text[1:]


def is_plural(words: list[Token]) -> bool:
    heads = [t for t in words if t.head not in words or t.head == t]
    head = heads[0] if heads else words[-1]
    return head.tag_ in {"NNS", "NNPS"} or head.lower_ in PLURAL_WORDS or \
        any(c.dep_ == "conj" for c in head.children) or head.dep_ == "nummod"


def split_clause(words: list[Token], head: Token) -> tuple[list[Token], ...] | None:
    """(fronted words, subject, finite verb or aux, rest) of a clause, from the parse."""
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < head.i), None)
    if subject is None:
        return None
    auxes = [c for c in head.children if c.dep_ in {"aux", "auxpass"} and subject.i < c.i < head.i]
    verb = auxes[0] if auxes else head
    if verb not in words:
        return None
    low, high = subject.left_edge.i, subject.right_edge.i
    return ([t for t in words if t.i < low and not t.is_punct or t.i < low and t.text != ","],
            [t for t in words if low <= t.i <= high], verb,
            [t for t in words if t.i > verb.i and not low <= t.i <= high])


def polar(words: list[Token], names: Names, backshift: bool = False, future: bool = False,
          head: Token | None = None) -> str | None:
    """'a drone dropped gas on the city' -> 'Did a drone drop gas on the city?' by inverting the first finite verb."""
    if head is not None:
        found = split_clause(words, head)
        if found is None:
            return None
        fronted, subject, verb, rest = found
    else:
        finite = next((k for k, t in enumerate(words) if k and t.tag_ in FINITE_TAGS), None)
        if finite is None:
            return None
        commas = [k for k in range(finite) if words[k].text == ","]
        start = commas[-1] + 1 if commas else 0
        subject, fronted = words[start:finite], words[:max(start - 1, 0)]
        verb, rest = words[finite], words[finite + 1:]
    if not subject or not any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in subject) \
            or subject[0].lower_ in UNSAFE_SUBJECTS | lex.FIRST_PERSON and len(subject) == 1 \
            or any(t.dep_ == "conj" and t.tag_ in FINITE_TAGS and t.head == verb for t in rest) \
            or any(t.lower_ in {"not", "n't", "n’t", "never"} for t in rest[:2]):
        return None
    low = verb.lower_
    if future and verb.tag_ == "MD":  # "the city would appeal" -> "Will the city appeal?"
        aux = "Will" if low in {"will", "would", "'ll", "’ll", "shall"} else \
            lex.MODAL_QUESTION.get(low, low.capitalize())
    elif future:
        if low not in DO_FORMS:  # "the result needs to be analysed" -> "Will the result need to be analysed?"
            return join("Will", subject, base_form(verb), rest, fronted, names)
        aux = "Will"
    elif verb.tag_ == "MD":
        aux = lex.MODAL_QUESTION.get(low, "Will" if backshift and low == "would" else low.capitalize())
    elif low == "had" and backshift and rest and rest[0].tag_ == "VBN":
        if rest[0].lower_ == "been":
            aux, rest = ("Were" if is_plural(subject) else "Was"), rest[1:]
        else:
            aux, rest = "Did", rest
            return join(aux, subject, base_form(rest[0]), rest[1:], fronted, names)
    elif low in BE_FORMS or low in HAVE_FORMS and (rest and rest[0].tag_ == "VBN" or verb.dep_ == "aux") \
            or low in DO_FORMS:
        aux = {"'s": "Is", "’s": "Is", "'re": "Are", "’re": "Are"}.get(low, low.capitalize())
    else:
        aux = {"VBD": "Did", "VBZ": "Does"}.get(verb.tag_, "Do")
        return join(aux, subject, base_form(verb), rest, fronted, names)
    return join(aux, subject, "", rest, fronted, names)


def join(aux: str, subject: list[Token], verb: str, rest: list[Token], fronted: list[Token],
         names: Names) -> str | None:
    """Aux + subject + verb + rest (+ a fronted phrase moved to the end) + '?'; None when the subject is a
    bare 'it' or 'they' the reader could not place."""
    if not subject or len(subject) == 1 and subject[0].lower_ in UNSAFE_SUBJECTS:
        return None
    if verb == "be" and aux in {"Did", "Does", "Do"}:  # "Did X be like ..." -> "Was X like ..."
        aux, verb = ("Were" if is_plural(subject) else "Was") if aux == "Did" else \
            ("Are" if is_plural(subject) else "Is"), ""
    said = render(subject, names)
    tail = render(rest, names, said)
    if fronted:
        tail = f"{tail} {case_first(render(fronted, names, said), fronted[0])}"
    parts = [aux, case_first(said, subject[0]), verb, tail]
    return " ".join(p for p in parts if p).rstrip(" ,") + "?"


def statement(words: list[Token], names: Names) -> str | None:
    """The fallback wording: 'Is it true that X?'."""
    if len(words) < 3 or words[0].lower_ in UNSAFE_SUBJECTS:
        return None
    return f"Is it true that {case_first(render(words, names), words[0])}?"


def claim_question(words: list[Token], names: Names, backshift: bool, head: Token | None = None) -> str | None:
    return polar(words, names, backshift, head=head) or statement(words, names)


def subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def reported_past(head: Token) -> bool:
    """Is the clause reported by a past-tense verb ('said', 'claimed', 'feared')?"""
    return any(a.tag_ == "VBD" and a.pos_ == "VERB" for a in list(head.ancestors)[:2])


def clause_child(token: Token) -> Token | None:
    """The finite clause a cue governs: 'claimed (that) X', 'allegations that X', 'unclear whether X'."""
    owners = [token]
    if token.dep_ in {"acomp", "attr", "aux", "auxpass", "neg", "amod"} or token.pos_ == "ADJ":
        owners.append(token.head)
    for owner in owners:
        for child in owner.children:
            if child.dep_ == "advcl" and token.lower_ not in lex.KNOWLEDGE_WORDS:
                continue  # "if the provinces accept X, then Y" is a condition, not the claim
            if child.dep_ in CLAUSE_DEPS and child.i > token.i and child.pos_ in {"VERB", "AUX"} and (
                    subject_of(child) is not None or any(c.dep_ == "expl" for c in child.children)):
                return child
    return None


def object_of(cue: Token) -> Token | None:
    """The noun a cue verb governs: 'investigating the fire', 'looking into events in X'."""
    for child in cue.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ in {"into", "of", "on", "over", "about"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def first_person(text: str) -> bool:
    return any(w in lex.FIRST_PERSON for w in re.findall(r"[a-z]+", text.lower()))


def tidy(question: str) -> str:
    """One space between words, no space before punctuation, no unpaired bracket or quotation mark,
    no auxiliary said twice ('Was X was arrested'), one question mark."""
    text = " ".join(question.split())
    for opener, closer in (("(", ")"), ("[", "]")):
        if text.count(opener) != text.count(closer):
            text = text.replace(opener, "").replace(closer, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    text = EMPTY_BRACKETS.sub("", text)
    text = QUESTION_SPACE.sub(r"\1", " ".join(text.split()))
    text = REPEATED_AUX.sub(r"\1 \2 ", text)
    text = text.rstrip(" ,;:—–-.?!") + "?"
    return text[:1].upper() + text[1:]
