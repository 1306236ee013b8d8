"""Question wording: each cue family's question built from the clause the cue governs."""
from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.questions import words as lex
from generator.extract.questions.clauses import (FINITE_TAGS, REPORTED, base_form, case_first, claim_question,
                                                 clause_child, clause_tokens, first_person, is_plural, join,
                                                 object_of, polar, render, reported_past, subject_of, tail_tokens,
                                                 tidy)
from generator.extract.questions.candidates import Candidate
from generator.extract.questions.shared import Names

FALLBACK = "Is it true that "
CLAIM_KINDS = {"unverified", "denied", "contested", "alleged"}
TOPIC_TEMPLATES = {"forecast": "What will come of {}?", "plan": "Will the plans for {} go ahead?",
                   "pending": "What will be decided about {}?", "unknown": "What is not known about {}?",
                   "investigating": "What will the investigation into {} find?"}


def make_question(candidate: Candidate, names: Names, kind: str = "alleged") -> str | None:
    """The first wording a cue allows, strongest cue first; else the sentence's own claim. None for a
    speaker's own view that no wording makes a question ("Is it true that we cannot have ...?")."""
    sent = candidate.sent
    question = next((q for family, cue in candidate.rules if (q := BUILDERS.get(family, claim_of)(sent, cue, names))),
                    None)
    if question is None:
        for cue in candidate.cues:
            builder = FAMILY_BUILDERS.get(cue.family)
            if builder is not None and not cue.quoted and (q := builder(sent, candidate.cue_token(cue), names)):
                question = q
                break
    if question is None:
        near = next((candidate.cue_token(c) for c in candidate.cues if not c.quoted), None) \
            or next((t for t in sent if t.tag_ == "MD"), None)  # a modal marks the clause not yet real
        question = main_claim(sent, names, near)
    if question is not None:
        question = tidy(question)
        if REPORTED.match(question):
            question = None  # "Did X say Y?" asks whether a plain attributed fact happened, not what is open
        elif question.startswith(FALLBACK) and (kind not in CLAIM_KINDS
                                                or first_person(question.removeprefix(FALLBACK))):
            question = None  # "Is it true that ...?" fits a claim, not a plan, a forecast or a speaker's view
    if question is None and kind not in CLAIM_KINDS:
        question = topic_question(sent, kind, names)
    return question


def topic_question(sent: Span, kind: str, names: Names) -> str | None:
    """When no clause can be turned round, ask about the sentence's subject by kind: 'What will come of
    the strike at Heathrow?'"""
    root = sent.root
    heads = [c for c in root.children if c.dep_ == "ccomp"]
    if root.lower_ not in lex.SAY_VERBS:  # the subject of "said" is the source, not what is open
        heads.insert(0, root)
    noun = next((c for h in heads for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}
                 and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in lex.FIRST_PERSON), None)
    if noun is None:
        return None
    phrase = [t for t in clause_tokens(noun) if not any(a.dep_ in {"relcl", "acl"} for a in [t, *t.ancestors]
                                                         if a.i > noun.i or a == t and t != noun)]
    if not phrase or len(phrase) > 12:
        return None
    text = case_first(render(phrase, names), phrase[0])
    return tidy(TOPIC_TEMPLATES[kind].format(text)) if kind in TOPIC_TEMPLATES else None


def main_claim(sent: Span, names: Names, near: Token | None = None) -> str | None:
    """The sentence's own claim (the clause a reporting verb governs), as a yes-no question; of two
    reported clauses ("said X and that Y"), the one that holds the cue word `near`."""
    root = sent.root
    head = None
    if root.lower_ in lex.SAY_VERBS:
        clauses = [c for c in root.children if c.dep_ == "ccomp"]
        clauses += [k for c in clauses for k in c.children if k.dep_ == "conj" and k.pos_ in {"VERB", "AUX"}]
        holding = [c for c in clauses[1:] if near is not None and c.left_edge.i <= near.i <= c.right_edge.i]
        if holding:  # a later clause holds the cue: ask about it when it can be turned round
            later = min(holding, key=lambda c: c.right_edge.i - c.left_edge.i)
            question = polar(clause_tokens(later), names, root.tag_ == "VBD", head=later)
            if question:
                return question
        head = next(iter(clauses), None)
    tokens = clause_tokens(head) if head is not None else clause_tokens(root)
    return claim_question(tokens, names, head is not None and root.tag_ == "VBD", head or root)


def claim_of(sent: Span, cue: Token, names: Names) -> str | None:
    """'claimed (that) X', 'allegations that X', 'denied X', 'it was possible X', 'reportedly X'."""
    if cue.lower_ in lex.FALSE_WORDS:
        return false_claim(cue, names)
    if cue.lower_.startswith(("dismiss", "reject")) and (question := dismissed_as(cue, names)):
        return question
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


def dismissed_as(cue: Token, names: Names) -> str | None:
    """'Putin dismissed the sanctions as a failure' -> 'Are the sanctions a failure, as Putin says?': what is
    open is the judgement, not whether it was made."""
    target = next((c for c in cue.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}), None)
    if target is None:
        return None
    as_ = next((c for c in [*cue.children, *target.children] if c.dep_ == "prep" and c.lower_ == "as"), None)
    judged = [t for t in as_.subtree if t != as_] if as_ is not None else []  # the parse may hang it on the object
    if not judged:
        return None
    words = [t for t in clause_tokens(target) if t not in set(as_.subtree)]
    subject = subject_of(cue)
    who = (names(subject) or (subject.text if subject.pos_ == "PROPN" else None)) if subject is not None else None
    tail = f", as {who} says" if who else ""
    verb = "Are" if is_plural(words) else "Is"
    return f"{verb} {case_first(render(words, names), words[0])} {render(judged, names)}{tail}?"


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
    first = next((t for t in words[:3] if t.lower_ in lex.WH_WORDS), head.left_edge)  # "exactly how many"
    if first.lower_ in lex.WH_WORDS and words:
        subject = subject_of(head)
        if subject is None or subject.left_edge.i <= first.i <= subject.right_edge.i:  # the WH word is the subject
            return render(words, names)[:1].upper() + render(words, names)[1:] + "?"
        # "what the firm paid" -> "What did the firm pay?"
        inverted = polar([t for t in words if t.i > first.i], names, backshift=True, head=head)
        return f"{first.text.capitalize()} {inverted[:1].lower()}{inverted[1:]}" if inverted else None
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
    if subject is None or verb.dep_ == "relcl":
        return None  # "anything Ottawa would consider": the clause is a description, its object is outside it
    if cue.lower_ == "yet" and verb.lower_ in {"has", "have", "had", "is", "are", "was", "were"}:
        return planned(sent, verb, names)  # "the judge has yet to rule" -> "Will the judge rule?"
    if cue.lower_ in lex.FUTURE_CUES:
        return claim_of(sent, cue, names)
    done = verb.tag_ == "VBD" and not any(c.tag_ == "MD" for c in verb.children)  # "sent the case back"
    return polar(clause_tokens(verb, start=subject.left_edge.i), names, future=not done, head=verb)


BUILDERS = {"responsibility": responsible, "investigating": investigation, "unclear": unclear,
            "feared": concern, "possible": modal, "toll": toll, "pending": pending}


def planned(sent: Span, cue: Token, names: Names) -> str | None:
    """'The campaign plans to release the records' -> 'Will the campaign release the records?'"""
    if cue.pos_ not in {"VERB", "AUX"}:
        return None
    infinitive = next((c for c in cue.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    subject = subject_of(cue)
    if infinitive is None or subject is None or subject.lower_ in lex.FIRST_PERSON | {"it", "that", "which", "who"}:
        return None
    rest = [t for t in clause_tokens(infinitive) if t.i > infinitive.i]
    passive = any(c.dep_ == "auxpass" for c in infinitive.children)
    verb = "be" if infinitive.lower_ == "be" else f"be {infinitive.text}" if passive else base_form(infinitive)
    return join("Will", clause_tokens(subject), verb, rest, [], names)


def forecast(sent: Span, cue: Token, names: Names) -> str | None:
    """'X is expected to sign' -> 'Will X sign?'; 'officials predict the river will rise' -> 'Will the river rise?';
    'economists expect the bank to cut rates' -> 'Will the bank cut rates?'"""
    raised_clause = next((c for c in cue.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}
                          and any(a.lower_ == "to" for a in c.children) and subject_of(c) is not None), None)
    if cue.pos_ == "VERB" and raised_clause is not None:
        subject = subject_of(raised_clause)
        rest = [t for t in clause_tokens(raised_clause) if t.i > raised_clause.i]
        return join("Will", clause_tokens(subject), base_form(raised_clause), rest, [], names)
    if cue.pos_ in {"VERB", "AUX"} and subject_of(cue) is not None and \
            any(c.dep_ == "xcomp" for c in cue.children):
        return planned(sent, cue, names)
    head = clause_child(cue)
    if head is not None:
        return polar(clause_tokens(head), names, backshift=True, head=head)
    return None


def undisclosed(sent: Span, cue: Token, names: Names) -> str | None:
    """'The firm has not disclosed the price it paid' -> 'What is the price the firm paid?'; 'did not say how
    many were hurt' -> 'How many were hurt?'"""
    verb = cue if cue.pos_ in {"VERB", "AUX"} else cue.head
    verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)  # "declined to say", "refused to name"
    asked = unclear(sent, verb, names) if clause_child(verb) is not None else None
    if asked is not None:
        return asked
    target = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}), None)
    if target is None:
        return None
    return f"What is {case_first(render(clause_tokens(target), names), target)}?"


FAMILY_BUILDERS = {"plan": planned, "forecast": forecast, "pending": pending, "unknown": undisclosed,
                   "investigating": investigation, "concern": concern, "alleged": claim_of, "denied": claim_of,
                   "contested": claim_of, "unverified": claim_of}
