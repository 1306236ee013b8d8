"""Open questions: claims the article leaves unverified, denied, alleged or under investigation."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.extract import cues
from generator.models import OpenQuestion
from generator.nlp import paragraph_of

CUE_PATTERNS = [(family, re.compile(pattern, re.IGNORECASE)) for family, pattern in cues.QUESTION_CUES]
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
ATTRIBUTION = re.compile(r",?\s*(?:(?:he|she|they|it|officials|police|the \w+)\s+)?"
                         r"(?:said|says|told \w+|reported|added)(?:\s+\w+){0,4}\.?$", re.IGNORECASE)
MERGE_WINDOW = 10  # paragraphs back to look for the claim a denial answers
CONTENT_POS = {"NOUN", "PROPN"}
FRAGMENT_TOKENS = 3


def extract_open_questions(doc: Doc) -> list[OpenQuestion]:
    """Sentences with uncertainty cues, turned into questions with their evidence."""
    questions: list[OpenQuestion] = []
    topics: list[set[str]] = []
    for sent in sentences(doc):
        if sent.text.rstrip().endswith("?"):
            continue  # a rhetorical question or subhead, not a claim
        found = find_cue(sent)
        if found is None:
            continue
        family, cue = found
        paragraph = paragraph_of(doc, sent)
        words = content_words(sent)
        if family in cues.RESPONSE_FAMILIES:
            target = answered_question(questions, topics, sent, words, paragraph)
            if target is not None:
                merge(questions[target], sent, paragraph, family)
                topics[target] |= words
                continue
        questions.append(OpenQuestion(question=make_question(sent, family, cue), evidence=clean(sent.text),
                                      paragraph=paragraph, cue=family, paragraphs=[paragraph]))
        topics.append(words)
    return questions


def sentences(doc: Doc) -> list[Span]:
    """doc.sents, with a short fragment ('BEIJING --At') joined to the sentence after it."""
    out: list[Span] = []
    pending: int | None = None
    for sent in doc.sents:
        start = sent.start if pending is None else pending
        pending = None
        words = [t for t in sent if not t.is_space]
        same_paragraph = sent.end < len(doc) and paragraph_of(doc, doc[sent.end]) == paragraph_of(doc, sent)
        if len(words) <= FRAGMENT_TOKENS and not sent.text.rstrip()[-1:] in ".?!\"”" and same_paragraph:
            pending = start
            continue
        out.append(doc[start:sent.end])
    return out


def find_cue(sent: Span) -> tuple[str, Token] | None:
    """The strongest cue family in a sentence and the token that carries it."""
    text = sent.text
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    for family, pattern in CUE_PATTERNS:
        for match in pattern.finditer(text):
            in_quote = any(a <= match.start() < b for a, b in quoted)
            if in_quote and family in cues.QUOTE_SENSITIVE:
                continue
            token = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            cue = token[0] if token is not None else sent.root
            if family == "possible" and not is_uncertain_modal(cue):
                continue
            return family, cue
    return None


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


def make_question(sent: Span, family: str, cue: Token) -> str:
    """Turn a cued sentence into a question an analyst would ask."""
    if family == "responsibility":
        target = after_word(sent, {"for"}, cue)
        return f"Who is responsible for {target}?" if target else f"Who is responsible ({claim_of(sent)})?"
    if family == "investigating":
        target = after_word(sent, {"into", "investigating", "investigate", "of"}, cue)
        return f"What will the investigation into {target} find?" if target else \
            f"What will investigators find about {claim_of(sent)}?"
    if family == "unclear":
        clause = following_clause(sent, cue)
        if clause and clause.split()[0].lower() in cues.WH_WORDS:
            return upper_first(clause) + "?"
        if clause and clause.split()[0].lower() in {"if", "whether"}:
            return f"Is it known whether {clause.split(' ', 1)[1]}?"
    if family == "possible" and cue.lower_ in cues.MODAL_WORDS:
        inverted = invert_modal(cue)
        if inverted:
            return inverted
    if family == "toll":
        return f"Will the toll rise beyond the reported figure ({claim_of(sent)})?"
    if family == "feared":
        return f"Is the concern justified that {claim_of(sent, cue)}?"
    return f"Is it true that {claim_of(sent, cue)}?"


def claim_of(sent: Span, cue: Token | None = None) -> str:
    """The claim a sentence makes: the clause under the cue verb, else the sentence minus attribution."""
    if cue is not None:
        for child in cue.head.children if cue.dep_ in {"aux", "auxpass"} else cue.children:
            if child.dep_ == "ccomp" and len(list(child.subtree)) > 3:
                return lower_first(span_text(child))
    text = ATTRIBUTION.sub("", clean(sent.text)).rstrip(".?! ")
    return lower_first(text)


def following_clause(sent: Span, cue: Token) -> str:
    """Words after the cue up to the end of the sentence: 'what happened on Friday night'."""
    end = cue.i + 1
    while end < sent.end and sent.doc[end].lower_ in {"clear", "known", "yet", "immediately"}:
        end += 1
    return clean(sent.doc[end:sent.end].text).rstrip(".?! ")


def after_word(sent: Span, words: set[str], cue: Token) -> str:
    """The noun phrase after the cue (or after one of `words` following it)."""
    for token in sent.doc[cue.i:sent.end]:
        if token.lower_ in words:
            objects = [c for c in token.children if c.dep_ in {"pobj", "dobj"}]
            if objects:
                return span_text(objects[0])
    objects = [c for c in cue.children if c.dep_ in {"dobj", "pobj"}]
    return span_text(objects[0]) if objects else ""


def invert_modal(modal: Token) -> str | None:
    """'the toll could surpass 20,000' -> 'Could the toll surpass 20,000?'"""
    verb = modal.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return None
    subject = subjects[0]
    tokens = [t for t in verb.subtree if not any(a.dep_ in {"conj", "cc"} and a.head == verb and
                                               (t == a or a in t.ancestors) for a in verb.children)
              and t.dep_ not in {"cc"}]
    subject_ids = {t.i for t in subject.subtree}
    before = [t for t in tokens if t.i in subject_ids]
    rest = [t for t in tokens if t.i not in subject_ids and t.i != modal.i and t.i > subject.i
            and not t.is_punct]
    if not before or not rest:
        return None
    words = " ".join(t.text for t in before + rest)
    return f"{modal.text.capitalize()} {lower_first(words)}?"


def span_text(token: Token) -> str:
    return clean(" ".join(t.text for t in token.subtree))


def lower_first(text: str) -> str:
    first = text.split(" ", 1)[0] if text else ""
    if first and first[0].isupper() and first.lower() in {"the", "a", "an", "it", "there", "he", "she", "they"}:
        return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
