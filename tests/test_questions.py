"""Open questions: cue families, question wording, claim and denial grouped into one."""
from __future__ import annotations

import pytest

from generator.extract.questions import extract_open_questions


@pytest.mark.parametrize("paragraphs, cue, question", [
    (["The rebels claimed a missile hit the fuel depot."], "claimed", "Did a missile hit the fuel depot?"),
    (["The militia claimed that the army had shelled the hospital."], "claimed",
     "Did the army shell the hospital?"),
    (["Residents feared the river would burst its banks."], "feared", "Will the river burst its banks?"),
    (["The suspects allegedly smuggled weapons across the border."], "alleged",
     "Did the suspects smuggle weapons across the border?"),
    (["At least 12 people died in the blast on Monday."], "toll", "Will the number of people dead rise above 12?"),
    (["Officials said the toll could rise above 300."], "possible", "Could the toll rise above 300?"),
    (["It was not immediately clear if the bridge had collapsed."], "unclear", "Did the bridge collapse?"),
    (["It was not immediately clear what caused the crash."], "unclear", "What caused the crash?"),
    (["Police are investigating allegations that guards beat the prisoners."], "alleged",
     "Did guards beat the prisoners?"),
    (["Police are investigating the fire at the warehouse."], "investigating",
     "What will the investigation into the fire find?"),
    (["The governor said it was possible toxic gas had leaked into the river."], "possible",
     "Did toxic gas leak into the river?"),
    (["The army denied that its troops had looted the town."], "denied", "Did its troops loot the town?"),
    (["Reporters could not independently confirm that the convoy was attacked."], "unverified",
     "Was the convoy attacked?"),
    (["But the minister noted concerns “about the safety of the dam.”"], "feared",
     "Is the concern about the safety of the dam justified?"),
    (["Mayor Jane Ortiz spoke on Monday.", "She accused the company of dumping waste in the river."], "alleged",
     "Did the company dump waste in the river?"),
    (["The vote on the budget is scheduled to take place on Friday."], "pending",
     "Will the vote on the budget take place on Friday?"),
    (["The trial is expected to be held in March."], "pending", "Will the trial be held in March?"),
    (["Experts said the vote count needs to be more closely analysed."], "pending",
     "Will the vote count need to be more closely analysed?"),
    (["According to the agency, the river will reach its peak on Sunday."], "pending",
     "Will the river reach its peak on Sunday according to the agency?"),
    (["The hostages were believed to be inside the factory."], "believed", "Were the hostages inside the factory?"),
    (["There was no claim of responsibility for the bombing in the market."], "responsibility",
     "Who is responsible for the bombing in the market?"),
    (["Senator Mark Hale spoke on Tuesday.", "He said the report was full of fake claims of fraud."], "denied",
     "Are the claims of fraud fake, as Mark Hale says?"),
])
def test_question_wording(doc_of, paragraphs, cue, question):
    [found] = extract_open_questions(doc_of(paragraphs))
    assert (found.cue, found.question) == (cue, question)
    assert found.evidence == paragraphs[-1]


def test_pronoun_resolved_to_named_person(doc_of):
    doc = doc_of(["Ana Duarte, a nurse, arrived at dawn.", "Her family feared she would be deported."])
    [found] = extract_open_questions(doc)
    assert found.question == "Will Ana Duarte be deported?"


@pytest.mark.parametrize("sentence", [
    "\"I could feel her little hands moving,\" she said.",
    "The council will meet on Tuesday to approve the budget.",
    "Volunteers asked potential donors to stay home if possible.",
    "What are the concerns?",
    "\"We may win the next game,\" the coach said.",
    "The government has recognized the rebels’ claims of independence.",
    "Sending troops into a crowded market could breach the ceasefire, said an analyst.",
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


def test_speculation_inside_a_quote_of_several_sentences_is_not_a_question(doc_of):
    doc = doc_of(["“We are ready to work with everyone. Thousands of families may arrive in our community,” "
                  "the superintendent said in a statement."])
    assert extract_open_questions(doc) == []


def test_present_tense_verb_keeps_its_form(doc_of):
    [found] = extract_open_questions(doc_of(["Officials said the samples need to be analysed further."]))
    assert "need to be analysed" in found.question and " ne " not in found.question, found.question


def test_a_speakers_own_view_is_not_turned_into_a_question(doc_of):
    doc = doc_of(["“We cannot have people come here and deny the right under the Constitution for us to "
                  "question them,” Representative John Mica said."])
    assert [q.question for q in extract_open_questions(doc)] == []
