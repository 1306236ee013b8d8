"""Open questions: claims the article leaves unverified, denied, alleged or under investigation."""
from __future__ import annotations

import bisect
import re
import string

from spacy.tokens import Doc, Span, Token

from generator.extract import cues
from generator.extract.quotes import find_spans
from generator.extract.question_text import (FINITE_TAGS, Names, base_form, case_first, claim_question,
                                             clause_child, clause_tokens, is_plural, join, object_of,
                                             polar, render, reported_past, subject_of, tail_tokens)
from generator.models import OpenQuestion
from generator.nlp import paragraph_of, span_text
from generator.nlp import sentences as nlp_sentences

# the cue patterns are lower-case and matched against the sentence with its ASCII letters lowered (same
# length, so offsets hold): much faster than re.IGNORECASE on every sentence
CUE_PATTERNS = [(family, re.compile(pattern)) for family, pattern in cues.QUESTION_CUES]
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
MERGE_WINDOW = 10  # paragraphs back to look for the claim a denial answers
CONTENT_POS = {"NOUN", "PROPN"}
FRAGMENT_TOKENS = 3
FALLBACK = "Is it true that "


def extract_open_questions(doc: Doc) -> list[OpenQuestion]:
    """Sentences with uncertainty cues, turned into questions with their evidence."""
    questions: list[OpenQuestion] = []
    topics: list[set[str]] = []
    names = Names(doc)
    quoted = quoted_ranges(doc)
    for sent in sentences(doc):
        if span_text(sent).rstrip().endswith("?"):
            continue  # a rhetorical question or subhead, not a claim
        found = find_cues(sent, quoted)
        if not found:
            continue
        family = found[0][0]
        paragraph = paragraph_of(doc, sent)
        words = content_words(sent)
        if family in cues.RESPONSE_FAMILIES:
            target = answered_question(questions, topics, sent, words, paragraph)
            if target is not None:
                merge(questions[target], sent, paragraph, family)
                topics[target] |= words
                continue
        question = make_question(sent, found, names)
        if question is None:
            continue
        questions.append(OpenQuestion(question=question, evidence=clean(sent.text),
                                      paragraph=paragraph, cue=family, paragraphs=[paragraph]))
        topics.append(words)
    return questions


def sentences(doc: Doc) -> list[Span]:
    """doc.sents, with a short fragment ('BEIJING --At') joined to the sentence after it."""
    out: list[Span] = []
    pending: int | None = None
    for sent in nlp_sentences(doc):
        start = sent.start if pending is None else pending
        pending = None
        words = [t for t in sent if not t.is_space] if len(sent) <= 2 * FRAGMENT_TOKENS else sent
        same_paragraph = sent.end < len(doc) and paragraph_of(doc, doc[sent.end]) == paragraph_of(doc, sent)
        if len(words) <= FRAGMENT_TOKENS and not span_text(sent).rstrip()[-1:] in ".?!\"”" and same_paragraph:
            pending = start
            continue
        out.append(doc[start:sent.end])
    return out


def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the article's outermost quotations, those running over sentences and paragraphs
    too, in order."""
    return sorted((span.opener, span.closer) for span in find_spans(doc) if span.depth == 0)


def in_ranges(ranges: list[tuple[int, int]] | None, offset: int) -> bool:
    """`offset` lies inside one of the sorted, non-overlapping `ranges`."""
    k = bisect.bisect_right(ranges or [], (offset, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]


def find_cues(sent: Span, quoted: list[tuple[int, int]] | None = None) -> list[tuple[str, Token]]:
    """Every cue in a sentence as (family, token), strongest family first."""
    text = span_text(sent)
    own = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    lowered = text.translate(ASCII_LOWER)
    found: list[tuple[str, Token]] = []
    for family, pattern in CUE_PATTERNS:
        for match in pattern.finditer(lowered):
            if family in cues.QUOTE_SENSITIVE and (any(a <= match.start() < b for a, b in own)
                                                   or in_ranges(quoted, sent.start_char + match.start())):
                continue
            token = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            cue = token[0] if token is not None else sent.root
            if family == "possible" and not is_uncertain_modal(cue):
                continue
            if cue.lower_ in cues.CLAIM_NOUNS and cue.pos_ in {"NOUN", "PROPN"} and clause_child(cue) is None:
                continue  # "claims of independence" doubts nothing; "allegations that X" does
            found.append((family, cue))
    return found


def is_uncertain_modal(cue: Token) -> bool:
    """'could surpass' is uncertain; 'I could feel', 'could not breathe' are not."""
    if cue.lower_ not in cues.MODAL_WORDS:
        previous = cue.doc[cue.i - 1].lower_ if cue.i > 0 else ""
        if previous in cues.IDIOM_BEFORE_POSSIBLE:
            return False  # "if possible", "as soon as possible"
        if cue.dep_ == "amod" and cue.lower_ == "potential":
            return False  # "potential donors" names people, it doubts nothing
        return cue.dep_ != "advmod" or cue.head.dep_ not in {"amod"}
    verb = cue.head
    if any(c.dep_ == "neg" for c in verb.children) or verb.lower_ in cues.ABILITY_VERBS:
        return False
    if any(c.dep_ == "csubj" or c.dep_ == "advcl" and c.i < verb.i for c in verb.children):
        return False  # "Firing them into a room could breach the law": a general statement
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return not subjects or subjects[0].lower_ not in cues.FIRST_PERSON


def content_words(sent: Span) -> set[str]:
    """Nouns of a sentence, lower-cased, for matching a denial to its claim."""
    return {t.lower_ for t in sent if t.pos_ in CONTENT_POS and len(t.text) > 3
            and t.lower_ not in cues.STOPWORDS}


def answered_question(questions: list[OpenQuestion], topics: list[set[str]], sent: Span,
                      words: set[str], paragraph: int) -> int | None:
    """Index of the earlier question this denial/verification answers, if any."""
    refers_back = any(t.lower_ in cues.REFERENCE_NOUNS for t in sent[:4])
    for k in range(len(questions) - 1, -1, -1):
        if paragraph - questions[k].paragraph > MERGE_WINDOW:
            break
        if words & topics[k] or refers_back and questions[k].paragraph == paragraph:
            return k
    if refers_back and questions and questions[-1].paragraph >= paragraph - 1:
        return len(questions) - 1
    return None


def merge(question: OpenQuestion, sent: Span, paragraph: int, family: str) -> None:
    """Add a denial or failed verification to the question it answers."""
    question.evidence = f"{question.evidence} {clean(sent.text)}"
    if paragraph not in question.paragraphs:
        question.paragraphs.append(paragraph)
    if question.cue not in cues.RESPONSE_FAMILIES:
        question.cue = family


def clean(text: str) -> str:
    return " ".join(text.split())


def make_question(sent: Span, found: list[tuple[str, Token]], names: Names) -> str | None:
    """The first wording a cue allows, strongest cue first; else the sentence's own claim. None for a
    speaker's own view that no wording makes a question ("Is it true that we cannot have ...?")."""
    question = next((q for family, cue in found if (q := BUILDERS.get(family, claim_of)(sent, cue, names))), None)
    if question is None:
        root = sent.root
        head = next((c for c in root.children if c.dep_ == "ccomp"), None) if root.lower_ in cues.SAY_VERBS else None
        words = clause_tokens(head) if head is not None else clause_tokens(root)
        question = claim_question(words, names, head is not None and root.tag_ == "VBD", head or root) \
            or f"Is it true that {' '.join(sent.text.split()).rstrip('.')}?"
    first = question.removeprefix(FALLBACK).split(" ", 1)[0].lower()
    return None if question.startswith(FALLBACK) and first in cues.FIRST_PERSON else question


def claim_of(sent: Span, cue: Token, names: Names) -> str | None:
    """'claimed (that) X', 'allegations that X', 'denied X', 'it was possible X', 'reportedly X'."""
    if cue.lower_ in cues.FALSE_WORDS:
        return false_claim(cue, names)
    if cue.dep_ in {"aux", "auxpass"} and cue.head.pos_ == "VERB":
        cue = cue.head  # "were believed": the verb carries the clause
    if cue.dep_ == "advmod" and cue.lower_.endswith("ly") and cue.head.pos_ in {"VERB", "AUX"}:
        return claim_question(clause_tokens(cue.head), names, reported_past(cue.head), cue.head)
    head = clause_child(cue)
    if head is not None:
        return claim_question(clause_tokens(head), names, reported_past(head), head)
    subject = subject_of(cue)
    infinitive = next((c for c in cue.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    if subject is not None and infinitive is not None:
        return raised(subject, cue, infinitive, names)
    if cue.pos_ == "ADJ" and cue.i + 1 < sent.end and sent.doc[cue.i - 1].lower_ in {"is", "was"}:
        return polar(tail_tokens(sent, cue.i + 1), names, backshift=True)
    if cue.dep_ == "pcomp" or cue.lower_.startswith("accus"):
        return accused(cue, names)
    return None


def raised(subject: Token, cue: Token, verb: Token, names: Names) -> str | None:
    """'X were believed to be inside' -> 'Were X inside?'; 'X is expected to sign' -> 'Will X sign?'"""
    words = [t for t in clause_tokens(verb) if t.i > verb.i]
    subject_words = clause_tokens(subject)
    if not words or not subject_words:
        return None
    if subject.lower_ in {"that", "which", "who", "it"}:
        return None
    tense = next((t for t in [cue, *cue.children] if t.tag_ in FINITE_TAGS), cue)
    past = tense.tag_ in {"VBD", "VBN"}
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if cue.lower_ in cues.FUTURE_CUES:
        aux = "Will"
        verb_text = "be" if verb.lower_ == "be" else f"be {verb.text}" if passive else base_form(verb)
    elif passive:
        aux, verb_text = ("Were" if is_plural(subject_words) else "Was") if past else \
            ("Are" if is_plural(subject_words) else "Is"), verb.text
    elif verb.lower_ == "be":
        aux, verb_text = ("Were" if is_plural(subject_words) else "Was") if past else \
            ("Are" if is_plural(subject_words) else "Is"), ""
    else:
        aux, verb_text = "Did" if past else "Do" if is_plural(subject_words) else "Does", base_form(verb)
    return join(aux, subject_words, verb_text, words, [], names)


def false_claim(cue: Token, names: Names) -> str | None:
    """'what he said were fake claims of war crimes' -> 'Are the claims of war crimes fake, as Putin says?'"""
    noun = cue.head if cue.dep_ == "amod" else subject_of(cue.head)
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    words = [t for t in clause_tokens(noun) if t != cue and t.dep_ != "det"]
    speaker = next((subject_of(a) for a in noun.ancestors if a.lower_ in cues.SAY_VERBS | {"called", "calls"}
                    and subject_of(a) is not None), None)
    who = names(speaker) or speaker.text if speaker is not None and speaker.pos_ != "PRON" or \
        speaker is not None and names(speaker) else None
    verb = "Are" if is_plural(words) else "Is"
    tail = f", as {who} says" if who else ""
    return f"{verb} the {render(words, names)} {cue.lower_}{tail}?"


def accused(cue: Token, names: Names) -> str | None:
    """'accused Ukraine of derailing talks' -> 'Did Ukraine derail talks?'"""
    target = next((c for c in cue.children if c.dep_ == "dobj"), None)
    for prep in [*cue.children, *(target.children if target is not None else [])]:
        gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if prep.lower_ == "of" and target is not None and gerund is not None:
            aside = {t.i for t in prep.subtree}
            who = [t for t in clause_tokens(target) if t.i not in aside]
            rest = [t for t in clause_tokens(gerund) if t.i > gerund.i]
            return join("Did", who, base_form(gerund), rest, [], names)
    return None


def responsible(sent: Span, cue: Token, names: Names) -> str | None:
    for prep in cue.children:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "for" and objects:
            return f"Who is responsible for {case_first(render(clause_tokens(objects[0]), names), objects[0])}?"
    return None


def investigation(sent: Span, cue: Token, names: Names) -> str | None:
    target = object_of(cue)
    if target is None:
        return None
    head = clause_child(target)
    if head is not None:
        return claim_question(clause_tokens(head), names, reported_past(head), head)
    words = [t for t in clause_tokens(target) if t.dep_ != "relcl" and t.head.dep_ != "relcl"
             and not any(a.dep_ == "relcl" for a in t.ancestors)]
    if not words:
        return None
    return f"What will the investigation into {case_first(render(words, names), words[0])} find?"


def unclear(sent: Span, cue: Token, names: Names) -> str | None:
    cue = next((t for t in sent.doc[cue.i:min(cue.i + 4, sent.end)] if t.lower_ in cues.KNOWLEDGE_WORDS), cue)
    head = clause_child(cue)
    if head is None:
        return None
    words = clause_tokens(head)
    first = head.left_edge
    if first.lower_ in cues.WH_WORDS and words:
        return render(words, names)[:1].upper() + render(words, names)[1:] + "?"
    return polar(words, names, backshift=True, head=head) or \
        f"Is it known whether {case_first(render(words, names), words[0])}?" if words else None


def concern(sent: Span, cue: Token, names: Names) -> str | None:
    head = clause_child(cue)
    if head is not None:
        return polar(clause_tokens(head), names, backshift=True, head=head)
    topic = object_of(cue)
    if topic is None and cue.head.pos_ == "VERB":
        topic = object_of(cue.head) if cue.dep_ != "dobj" else next(
            (c for p in cue.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"), None)
    if topic is None or topic == cue:
        return None
    words = [t for t in clause_tokens(topic) if not any(a.lower_ == "including" for a in [t, *t.ancestors])]
    return f"Is the concern about {case_first(render(words, names), words[0])} justified?" if words else None


def modal(sent: Span, cue: Token, names: Names) -> str | None:
    if cue.lower_ not in cues.MODAL_WORDS:
        return claim_of(sent, cue, names)
    subject = subject_of(cue.head)
    if subject is None:
        return None
    return polar(clause_tokens(cue.head, start=subject.left_edge.i), names, head=cue.head)


def toll(sent: Span, cue: Token, names: Names) -> str | None:
    """'At least 12 people died' -> 'Will the number of people dead rise above 12?'"""
    number = next((t for t in sent.doc[cue.i:sent.end] if t.like_num), None)
    verb = next((t for t in sent.doc[cue.i:sent.end] if t.lower_ in cues.TOLL_STATES), None)
    if number is None or verb is None:
        return None
    noun = number.head if number.dep_ == "nummod" and number.head.pos_ == "NOUN" else None
    counted = noun.text if noun is not None and noun.lower_ not in {"others", "persons"} else "people"
    return f"Will the number of {counted} {cues.TOLL_STATES[verb.lower_]} rise above {number.text}?"


def pending(sent: Span, cue: Token, names: Names) -> str | None:
    verb = cue.head if cue.dep_ in {"neg", "aux", "advmod"} else cue
    subject = subject_of(verb)
    if subject is None:
        return None
    return polar(clause_tokens(verb, start=subject.left_edge.i), names, future=True, head=verb) \
        if cue.lower_ not in cues.FUTURE_CUES else claim_of(sent, cue, names)


BUILDERS = {"responsibility": responsible, "investigating": investigation, "unclear": unclear,
            "feared": concern, "possible": modal, "toll": toll, "pending": pending}
