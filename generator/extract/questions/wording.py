"""Question wording: each cue family's question built from the clause the cue governs."""
from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.questions import words as lex
from generator.extract.questions.clauses import (FINITE_TAGS, base_form, case_first, claim_question, clause_child,
                                                 clause_tokens, is_plural, join, object_of, polar, render,
                                                 reported_past, subject_of, tail_tokens)
from generator.extract.questions.shared import Names

FALLBACK = "Is it true that "


def make_question(sent: Span, found: list[tuple[str, Token]], names: Names) -> str | None:
    """The first wording a cue allows, strongest cue first; else the sentence's own claim. None for a
    speaker's own view that no wording makes a question ("Is it true that we cannot have ...?")."""
    question = next((q for family, cue in found if (q := BUILDERS.get(family, claim_of)(sent, cue, names))), None)
    if question is None:
        root = sent.root
        head = next((c for c in root.children if c.dep_ == "ccomp"), None) if root.lower_ in lex.SAY_VERBS else None
        words = clause_tokens(head) if head is not None else clause_tokens(root)
        question = claim_question(words, names, head is not None and root.tag_ == "VBD", head or root) \
            or f"Is it true that {' '.join(sent.text.split()).rstrip('.')}?"
    first = question.removeprefix(FALLBACK).split(" ", 1)[0].lower()
    return None if question.startswith(FALLBACK) and first in lex.FIRST_PERSON else question


def claim_of(sent: Span, cue: Token, names: Names) -> str | None:
    """'claimed (that) X', 'allegations that X', 'denied X', 'it was possible X', 'reportedly X'."""
    if cue.lower_ in lex.FALSE_WORDS:
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
    if cue.lower_ in lex.FUTURE_CUES:
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
    speaker = next((subject_of(a) for a in noun.ancestors if a.lower_ in lex.SAY_VERBS | {"called", "calls"}
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
    cue = next((t for t in sent.doc[cue.i:min(cue.i + 4, sent.end)] if t.lower_ in lex.KNOWLEDGE_WORDS), cue)
    head = clause_child(cue)
    if head is None:
        return None
    words = clause_tokens(head)
    first = head.left_edge
    if first.lower_ in lex.WH_WORDS and words:
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
    if cue.lower_ not in lex.MODAL_WORDS:
        return claim_of(sent, cue, names)
    subject = subject_of(cue.head)
    if subject is None:
        return None
    return polar(clause_tokens(cue.head, start=subject.left_edge.i), names, head=cue.head)


def toll(sent: Span, cue: Token, names: Names) -> str | None:
    """'At least 12 people died' -> 'Will the number of people dead rise above 12?'"""
    number = next((t for t in sent.doc[cue.i:sent.end] if t.like_num), None)
    verb = next((t for t in sent.doc[cue.i:sent.end] if t.lower_ in lex.TOLL_STATES), None)
    if number is None or verb is None:
        return None
    noun = number.head if number.dep_ == "nummod" and number.head.pos_ == "NOUN" else None
    counted = noun.text if noun is not None and noun.lower_ not in {"others", "persons"} else "people"
    return f"Will the number of {counted} {lex.TOLL_STATES[verb.lower_]} rise above {number.text}?"


def pending(sent: Span, cue: Token, names: Names) -> str | None:
    verb = cue.head if cue.dep_ in {"neg", "aux", "advmod"} else cue
    subject = subject_of(verb)
    if subject is None:
        return None
    return polar(clause_tokens(verb, start=subject.left_edge.i), names, future=True, head=verb) \
        if cue.lower_ not in lex.FUTURE_CUES else claim_of(sent, cue, names)


BUILDERS = {"responsibility": responsible, "investigating": investigation, "unclear": unclear,
            "feared": concern, "possible": modal, "toll": toll, "pending": pending}
