"""Open questions: cue families, question wording, claim and denial grouped into one."""
from __future__ import annotations

import pytest

from generator.extract.questions import extract_open_questions


@pytest.mark.parametrize("sentence, cue, question_word", [
    ("The claim could not be independently verified by reporters.", "unverified", "claim"),
    ("The rebels claimed a missile hit the depot.", "claimed", "missile hit the depot"),
    ("Police are investigating the fire at the warehouse.", "investigating", "investigation into the fire"),
    ("There was no claim of responsibility for the bombing in the market.", "responsibility", "Who is responsible"),
    ("It was not immediately clear what caused the crash.", "unclear", "What caused the crash?"),
    ("Residents feared the river would burst its banks.", "feared", "river would burst its banks"),
    ("Officials said the toll could rise above 300.", "possible", "Could the toll rise"),
    ("The suspects allegedly smuggled weapons across the border.", "alleged", "smuggled weapons"),
    ("At least 12 people died in the blast on Monday.", "toll", "toll rise"),
    ("The gunmen were believed to be hiding in the hills.", "believed", "gunmen"),
])
def test_cue_families(doc_of, sentence, cue, question_word):
    [question] = extract_open_questions(doc_of([sentence]))
    assert question.cue == cue
    assert question_word in question.question
    assert question.question.endswith("?")
    assert question.evidence == sentence


@pytest.mark.parametrize("sentence", [
    "\"I could feel her little hands moving,\" she said.",
    "The council will meet on Tuesday to approve the budget.",
    "Volunteers asked potential donors to stay home if possible.",
    "What are the concerns?",
    "\"We may win the next game,\" the coach said.",
])
def test_not_questions(doc_of, sentence):
    assert extract_open_questions(doc_of([sentence])) == []


def test_claim_and_denial_grouped(doc_of):
    doc = doc_of([
        "The militia claimed the army shelled the hospital in the north.",
        "The weather was cold.",
        "The army denied that it had shelled the hospital.",
    ])
    [question] = extract_open_questions(doc)
    assert "claimed" in question.evidence and "denied" in question.evidence
    assert question.paragraphs == [1, 3]
    assert question.cue == "denied"


def test_unrelated_denial_is_its_own_question(doc_of):
    doc = doc_of([
        "The militia claimed the army shelled the hospital.",
        "The minister denied reports of a cabinet reshuffle.",
    ])
    assert len(extract_open_questions(doc)) == 2
