"""Candidate sentences for open questions, with their cues and the features the decision reads."""
from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from generator.extract.questions import words
from generator.extract.questions.clauses import clause_child
from generator.extract.questions.shared import quotation_ranges
from generator.extract.questions.topics import content_words, keys_of, subject_head
from generator.extract.ranges import inside
from generator.nlp import paragraph_of, span_text
from generator.nlp import sentences as nlp_sentences

# the patterns are lower-case and matched against the sentence with its ASCII letters lowered (same
# length, so offsets hold): much faster than re.IGNORECASE on every sentence
CUE_PATTERNS = [(family, re.compile(r"\b(?:" + "|".join(parts) + r")\b"))
                for family, parts in words.CUE_FAMILIES.items()]
RULE_PATTERNS = [(family, re.compile(pattern)) for family, pattern in words.RULE_CUES]
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
OWN_QUOTES = re.compile(r"[\"“][^\"“”]*[\"”]")
FRAGMENT_TOKENS = 3
MAIN_DEPS = {"aux", "auxpass", "neg", "nsubj", "nsubjpass", "dobj", "acomp", "attr", "xcomp", "ccomp", "advmod",
             "prep", "agent", "oprd", "expl", "mark"}
GROUNDING = ("ent:person", "ent:org", "ent:place", "ent:date", "root:say")
ENTITY_FEATURES = {"PERSON": "ent:person", "ORG": "ent:org", "GPE": "ent:place", "NORP": "ent:group",
                   "DATE": "ent:date", "MONEY": "ent:money", "PERCENT": "ent:percent", "CARDINAL": "ent:number"}


@dataclass
class Cue:
    family: str
    start: int  # character offsets in the Doc
    end: int
    quoted: bool  # inside quotation marks
    token: int = -1  # index in the Doc of the cue's first token
    main: bool = False  # in the main clause (or the clause a reporting verb governs), not an aside


@dataclass
class Candidate:
    sent: Span
    paragraph: int
    cues: list[Cue]
    rules: list[tuple[str, Token]]  # the families 0.2 asked about (filtered), strongest first, with their cue word
    features: dict[str, float] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)  # content words, for grouping a claim with its rebuttal
    index: int = 0  # the sentence's position in the article
    keys: set[str] = field(default_factory=set)  # content words, stemmed, for telling one matter from another
    names: set[str] = field(default_factory=set)  # the proper nouns it mentions, lower-cased
    subject: str = ""  # the head of the main clause's subject (not a pronoun), lower-cased

    @property
    def response(self) -> bool:
        """A denial or a failed verification: it answers a claim rather than raising one."""
        rules = {family for family, _ in self.rules}
        return bool(rules & words.RESPONSE_FAMILIES) or bool(set(self.families(quoted=False)) & words.RESPONSE_FAMILIES)

    @property
    def claim(self) -> bool:
        """It reports a claim, an allegation or a belief that a rebuttal could answer."""
        rules = {family for family, _ in self.rules}
        return bool(rules & words.CLAIM_RULES) or bool(set(self.families(quoted=False)) & words.CLAIM_FAMILIES)

    @property
    def refers_back(self) -> bool:
        """It opens on 'The claim', 'It', 'This': what it speaks of is in the sentence before."""
        return any(t.lower_ in words.REFERENCE_NOUNS for t in self.sent[:4])

    def families(self, quoted: bool | None = None) -> list[str]:
        """The cue families found, in order, optionally only those outside (False) or inside (True) quotes."""
        return list(dict.fromkeys(c.family for c in self.cues if quoted is None or c.quoted == quoted))

    def cue_token(self, cue: Cue) -> Token:
        return self.sent.doc[cue.token] if cue.token >= 0 else self.sent.root


def sentences(doc: Doc) -> list[Span]:
    """doc.sents, with a short fragment ('BEIJING --At') joined to the sentence after it."""
    out: list[Span] = []
    pending: int | None = None
    for sent in nlp_sentences(doc):
        start = sent.start if pending is None else pending
        pending = None
        tokens = [t for t in sent if not t.is_space] if len(sent) <= 2 * FRAGMENT_TOKENS else sent
        same_paragraph = sent.end < len(doc) and paragraph_of(doc, doc[sent.end]) == paragraph_of(doc, sent)
        if len(tokens) <= FRAGMENT_TOKENS and not span_text(sent).rstrip()[-1:] in ".?!\"”" and same_paragraph:
            pending = start
            continue
        out.append(doc[start:sent.end])
    return out


def find_cues(sent: Span, quoted: list[tuple[int, int]], starts: list[int]) -> list[Cue]:
    """Every cue in a sentence, in family order, each marked as inside quotation marks or not and as
    in the main clause or not (`starts`: the character offset of each token of the sentence)."""
    text = span_text(sent)
    own = [(m.start(), m.end()) for m in OWN_QUOTES.finditer(text)]
    lowered = text.translate(ASCII_LOWER)
    base = sent.start_char
    spine = main_clause(sent)
    found: list[Cue] = []
    for family, pattern in CUE_PATTERNS:
        for match in pattern.finditer(lowered):
            start = match.start()
            in_quote = any(a <= start < b for a, b in own) or inside(quoted, base + start)
            k = max(0, bisect.bisect_right(starts, base + start) - 1)
            token = sent.doc[sent.start + k]
            if not live(family, token):
                continue
            main = token.i in spine or token.head.i in spine and token.dep_ in MAIN_DEPS
            found.append(Cue(family, base + start, base + match.end(), in_quote, token.i, main))
    return found


def find_rule_cues(sent: Span, quoted: list[tuple[int, int]]) -> list[tuple[str, Token]]:
    """The 0.2 cue families in a sentence as (family, token), strongest family first: speculation inside
    quotation marks, a modal of ability or a first person's view, and a claim noun with no clause are not cues."""
    text = span_text(sent)
    own = [(m.start(), m.end()) for m in OWN_QUOTES.finditer(text)]
    lowered = text.translate(ASCII_LOWER)
    found: list[tuple[str, Token]] = []
    for family, pattern in RULE_PATTERNS:
        for match in pattern.finditer(lowered):
            if family in words.QUOTE_SENSITIVE and (any(a <= match.start() < b for a, b in own)
                                                    or inside(quoted, sent.start_char + match.start())):
                continue
            token = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            cue = token[0] if token is not None else sent.root
            if family == "possible" and not is_uncertain_modal(cue) or not live(family, cue):
                continue
            if cue.lower_ in words.CLAIM_NOUNS and cue.pos_ in {"NOUN", "PROPN"} and clause_child(cue) is None:
                continue  # "claims of independence" doubts nothing; "allegations that X" does
            found.append((family, cue))
    return found


def live(family: str, cue: Token) -> bool:
    """Does the cue word keep its matter open here? 'was hired to investigate the club' tells what a job
    was, not that an inquiry is under way; 'a responsible way' blames no one."""
    if family == "investigating" and cue.tag_ == "VB" and cue.dep_ in {"xcomp", "advcl"} \
            and any(c.lower_ == "to" for c in cue.children) and cue.head.tag_ in {"VBD", "VBN"}:
        return False
    if family == "pending" and cue.lower_.startswith("appeal"):
        # "an appeal to repair the roof", "appealed for witnesses", "an appealing offer": a request or a
        # quality, not a case before a court ("appeal against the ruling", "an appeal to the high court")
        after = cue.doc[cue.i + 1: cue.i + 3]
        return cue.pos_ != "ADJ" and not (len(after) and after[0].lower_ == "for") \
            and not (len(after) == 2 and after[0].lower_ == "to" and after[1].tag_ == "VB")
    if family == "plan" and cue.lower_.startswith("schedul") and cue.i > 0 \
            and cue.doc[cue.i - 1].lower_ in {"of", "on", "behind"}:
        return False  # "ahead of schedule", "on schedule": how a thing went, not what is planned
    if family == "plan" and cue.lower_.startswith("target"):
        return goal_target(cue)
    if family == "responsibility":
        if cue.lower_.startswith("responsible"):
            return any(c.dep_ == "prep" and c.lower_ == "for" for c in cue.children)
        owners = [cue, cue.head, cue.head.head] if cue.head.lower_ == "of" else [cue, cue.head]
        # "claimed responsibility", "no claim of responsibility", "denies any responsibility"
        return any(t.lower_ in words.BLAME_VERBS or any(c.lower_ == "no" for c in t.children) for t in owners[1:]) \
            or any(c.lower_ == "no" for c in cue.children)
    return True


def goal_target(cue: Token) -> bool:
    """'set a target of 40 %', 'the target is 2030', 'targets growth of 5 %' name a goal; 'illuminate
    targets' and 'targeted civilians' name what is aimed at."""
    if cue.pos_ == "VERB":
        return cue.tag_ not in {"VBD", "VBN"}
    return cue.head.lemma_ in words.GOAL_VERBS or cue.dep_ in {"nsubj", "attr"} and cue.head.lemma_ == "be" \
        or any(c.dep_ == "prep" and c.lower_ in {"of", "for"} or c.dep_ in {"acl", "relcl"} for c in cue.children)


def is_uncertain_modal(cue: Token) -> bool:
    """'could surpass' is uncertain; 'I could feel', 'could not breathe' are not."""
    if cue.lower_ not in words.MODAL_WORDS:
        previous = cue.doc[cue.i - 1].lower_ if cue.i > 0 else ""
        if previous in words.IDIOM_BEFORE_POSSIBLE:
            return False  # "if possible", "as soon as possible"
        if cue.dep_ == "amod" and cue.lower_ == "potential":
            return False  # "potential donors" names people, it doubts nothing
        return cue.dep_ != "advmod" or cue.head.dep_ not in {"amod"}
    verb = cue.head
    if any(c.dep_ == "neg" for c in verb.children) or verb.lower_ in words.ABILITY_VERBS:
        return False
    if any(c.dep_ == "csubj" or c.dep_ == "advcl" and c.i < verb.i for c in verb.children):
        return False  # "Firing them into a room could breach the law": a general statement
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return not subjects or subjects[0].lower_ not in {"i", "we", "you"}


def main_clause(sent: Span) -> set[int]:
    """The root, its auxiliaries, subject and complements; under a reporting verb, the same for the
    clause it reports: the words whose cue doubts what the sentence asserts."""
    root = sent.root
    heads = [root]
    if root.lower_ in words.SAY_VERBS:
        heads += [c for c in root.children if c.dep_ in {"ccomp", "xcomp"}]
    spine = {root.i}
    for head in heads:
        spine.add(head.i)
        spine.update(c.i for c in head.children if c.dep_ in MAIN_DEPS)
    return spine


def quoted_share(sent: Span, quoted: list[tuple[int, int]]) -> float:
    """The share of a sentence's characters that lie inside quotation marks."""
    start, end = sent.start_char, sent.end_char
    covered = sum(max(0, min(b, end) - max(a, start)) for a, b in quoted if a < end and b > start)
    text = span_text(sent)
    covered += sum(m.end() - m.start() for m in OWN_QUOTES.finditer(text)) if not covered else 0
    return min(1.0, covered / max(1, end - start))


def parse_features(sent: Span, quoted: list[tuple[int, int]], out: dict[str, float]) -> None:
    """Modal and future verbs, negation, conditionals, person and tense of the main clause, entities."""
    root = sent.root
    n = 0
    for token in sent:
        if token.is_space:
            continue
        n += 1
        low, tag = token.lower_, token.tag_
        q = "q" if quoted and inside(quoted, token.idx) else ""
        if tag == "MD":
            kind = "future" if low in words.FUTURE_MODALS else "possible" if low in words.POSSIBLE_MODALS \
                else "duty" if low in words.DUTY_MODALS else "can"
            out[f"md{q}:{kind}"] = 1.0
        elif low in words.FIRST_PERSON and token.pos_ == "PRON":
            out[f"first{q}"] = 1.0
        elif token.dep_ == "neg":
            out[f"neg{q}"] = 1.0
        elif low in words.CONDITIONAL_MARKS and token.dep_ == "mark":
            out[f"cond:{low}"] = 1.0
        elif low in words.WH_WORDS and token.head.dep_ in {"ccomp", "csubj", "xcomp", "pcomp"}:
            out["wh-clause"] = 1.0
        elif low in words.TIME_AHEAD:
            out["ahead"] = 1.0
        if token.ent_iob_ == "B" and token.ent_type_ in ENTITY_FEATURES:
            out[ENTITY_FEATURES[token.ent_type_]] = 1.0
    out["length"] = min(n, 60) / 30
    out["short"] = 1.0 if n < 10 else 0.0
    root_tag = root.tag_
    said = root.lower_ in words.SAY_VERBS
    out["root:say"] = 1.0 if said else 0.0
    clause = next((c for c in root.children if c.dep_ == "ccomp"), None) if said else root
    clause = clause if clause is not None else root
    tags = {c.tag_ for c in clause.children if c.dep_ in {"aux", "auxpass"}} | {clause.tag_}
    if "MD" not in tags:
        out["clause:past"] = 1.0 if tags & {"VBD"} or clause.tag_ == "VBN" and "VBD" in tags else 0.0
        out["clause:present"] = 1.0 if tags & {"VBZ", "VBP"} else 0.0
    out["root:past"] = 1.0 if root_tag == "VBD" else 0.0


def find_candidates(doc: Doc) -> list[Candidate]:
    """Every sentence that is not itself a question, with its cues and features."""
    quoted = quotation_ranges(doc)
    sents = sentences(doc)
    last = paragraph_of(doc, sents[-1]) if sents else 1
    lead = content_words(sents[0]) if sents else set()
    out: list[Candidate] = []
    for k, sent in enumerate(sents):
        text = span_text(sent).rstrip()
        if text.rstrip("\"”’' ").endswith("?"):
            continue  # a question the article or a speaker asks: rhetorical or a subhead, not a claim
        paragraph = paragraph_of(doc, sent)
        cues = find_cues(sent, quoted, [t.idx for t in sent])
        rules = find_rule_cues(sent, quoted)
        features: dict[str, float] = {f"rule:{family}": 1.0 for family, _ in rules}
        for cue in cues:
            features[f"cue{'q' if cue.quoted else ''}:{cue.family}"] = 1.0
            if cue.main and not cue.quoted:
                features[f"main:{cue.family}"] = 1.0
        share = quoted_share(sent, quoted)
        if any(t.lower_ in words.SECOND_PERSON and not inside(quoted, t.idx) for t in sent):
            features["reader"] = 1.0  # addresses the reader: advice or explanation, not news left open
        features["quoted"] = share
        features["all-quoted"] = 1.0 if share > 0.7 else 0.0
        features["colon"] = 1.0 if text.endswith(":") else 0.0
        features["position"] = (paragraph - 1) / max(1, last - 1)
        features["lead"] = 1.0 if k < 2 else 0.0
        parse_features(sent, quoted, features)
        strong = {c.family for c in cues if not c.quoted and c.family not in words.SOFT_FAMILIES}
        features["families"] = min(3, len(strong)) / 3
        features["generic"] = 0.0 if any(features.get(f) for f in GROUNDING) else 1.0
        content = content_words(sent)
        features["topic"] = min(3, len(content & lead)) / 3 if k else 1.0
        names = {t.lower_ for t in sent if t.pos_ == "PROPN" and len(t.text) > 1}
        out.append(Candidate(sent, paragraph, cues, rules, features, content, k, keys_of(sent), names,
                             subject_head(sent)))
    return out
