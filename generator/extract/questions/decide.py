"""Which candidate sentences are open questions, a claim grouped with its rebuttal, and each one's kind."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.questions import words
from generator.extract.questions.candidates import Candidate, find_candidates
from generator.extract.questions.shared import Names
from generator.extract.questions.wording import make_question
from generator.models import OpenQuestion

MERGE_WINDOW = 10  # paragraphs back to look for the claim a denial answers


def extract_open_questions(doc: Doc) -> list[OpenQuestion]:
    """Sentences with uncertainty cues, turned into questions with their evidence."""
    questions: list[OpenQuestion] = []
    topics: list[set[str]] = []
    names = Names(doc)
    for candidate in find_candidates(doc):
        found = candidate.rules
        if not found:
            continue
        sent, paragraph = candidate.sent, candidate.paragraph
        family = found[0][0]
        if family in words.RESPONSE_FAMILIES:
            target = answered_question(questions, topics, candidate)
            if target is not None:
                merge(questions[target], candidate, family)
                topics[target] |= candidate.words
                continue
        question = make_question(sent, found, names)
        if question is None:
            continue
        questions.append(OpenQuestion(question=question, evidence=clean(sent.text),
                                      paragraph=paragraph, cue=family, paragraphs=[paragraph]))
        topics.append(candidate.words)
    return questions


def answered_question(questions: list[OpenQuestion], topics: list[set[str]], candidate: Candidate) -> int | None:
    """Index of the earlier question this denial/verification answers, if any."""
    sent, paragraph = candidate.sent, candidate.paragraph
    refers_back = any(t.lower_ in words.REFERENCE_NOUNS for t in sent[:4])
    for k in range(len(questions) - 1, -1, -1):
        if paragraph - questions[k].paragraph > MERGE_WINDOW:
            break
        if candidate.words & topics[k] or refers_back and questions[k].paragraph == paragraph:
            return k
    if refers_back and questions and questions[-1].paragraph >= paragraph - 1:
        return len(questions) - 1
    return None


def merge(question: OpenQuestion, candidate: Candidate, family: str) -> None:
    """Add a denial or failed verification to the question it answers."""
    question.evidence = f"{question.evidence} {clean(candidate.sent.text)}"
    if candidate.paragraph not in question.paragraphs:
        question.paragraphs.append(candidate.paragraph)
    if question.cue not in words.RESPONSE_FAMILIES:
        question.cue = family


def clean(text: str) -> str:
    return " ".join(text.split())
