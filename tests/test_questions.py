"""Open questions: wording and kind per sentence, the decision, a claim grouped with its rebuttal."""
from __future__ import annotations

import re

import pytest

from generator.extract.questions import extract_open_questions
from generator.extract.questions.candidates import find_candidates
from generator.extract.questions.decide import choose, kind_of
from generator.extract.questions.filter import matter_features
from generator.extract.questions.matters import article_weights, sentence_frequency
from generator.extract.questions.model import Model
from generator.extract.questions.shared import Names
from generator.extract.questions.wording import make_question, tidy


def worded(doc_of, paragraphs: list[str]) -> tuple[str, str | None]:
    """(kind, question) for the last sentence of an article of these paragraphs."""
    doc = doc_of(paragraphs)
    candidate = find_candidates(doc)[-1]
    kind = kind_of([candidate])
    return kind, make_question(candidate, Names(doc), kind)


# Sentences written for these tests in the styles of wire copy, local news, business, courts and politics.
@pytest.mark.parametrize("paragraphs, kind, question", [
    (["The rebels claimed a missile hit the fuel depot."], "alleged", "Did a missile hit the fuel depot?"),
    (["The suspects allegedly smuggled weapons across the border."], "alleged",
     "Did the suspects smuggle weapons across the border?"),
    (["It was not immediately clear if the bridge had collapsed."], "unknown", "Did the bridge collapse?"),
    (["It was not immediately clear what caused the crash."], "unknown", "What caused the crash?"),
    (["The ministry did not say how many soldiers had been wounded."], "unknown",
     "How many soldiers had been wounded?"),
    (["Police are investigating allegations that guards beat the prisoners."], "alleged",
     "Did guards beat the prisoners?"),
    (["Police are investigating the fire at the warehouse."], "investigating",
     "What will the investigation into the fire find?"),
    (["The army denied that its troops had looted the town."], "denied", "Did its troops loot the town?"),
    (["Reporters could not independently confirm that the convoy was attacked."], "unverified",
     "Was the convoy attacked?"),
    (["The hostages were believed to be inside the factory."], "unverified", "Were the hostages inside the factory?"),
    (["There was no claim of responsibility for the bombing in the market."], "unknown",
     "Who is responsible for the bombing in the market?"),
    (["The vote on the budget is scheduled to take place on Friday."], "pending",
     "Will the vote on the budget take place on Friday?"),
    (["The judge has yet to rule on the motion to dismiss."], "pending", "Will the judge rule on the motion to dismiss?"),
    (["Mayor Lee said the city would appeal the ruling."], "pending", "Will the city appeal the ruling?"),
    (["The government's proposal must be approved by parliament before it takes effect."], "pending",
     "Must the government's proposal be approved by parliament before it takes effect?"),
    (["The utility plans to close three coal plants by 2030."], "plan", "Will the utility close three coal plants by 2030?"),
    (["The council intends to raise parking fees next spring."], "plan", "Will the council raise parking fees next spring?"),
    (["Economists expect the central bank to cut interest rates in June."], "forecast",
     "Will the central bank cut interest rates in June?"),
    (["Analysts say the strike could cost the airline millions of dollars."], "forecast",
     "Could the strike cost the airline millions of dollars?"),
    (["Officials fear the dam could fail if the rain continues."], "forecast", "Could the dam fail if the rain continues?"),
    (["The senator argued that the tariffs had raised prices for farmers."], "contested",
     "Did the tariffs raise prices for farmers?"),
    (["Prosecutors argued that the mayor accepted bribes, but his lawyers dispute the account."], "contested",
     "Did the mayor accept bribes?"),
    (["Nadia Perez, a teacher, arrived at dawn.", "Her family feared she would be deported."], "forecast",
     "Will Nadia Perez be deported?"),
    (["Coach Dan Ruiz spoke on Monday.", "He accused the league of ignoring the safety reports."], "alleged",
     "Did the league ignore the safety reports?"),
    (["Senator Mark Hale spoke on Tuesday.", "He said the report was full of fake claims of fraud."], "denied",
     "Are the claims of fraud fake, as Mark Hale says?"),
    # a pronoun the question's own subject already names stays a pronoun
    (["Governor Ana Ortiz spoke in the capital on Monday.", "She vowed to continue her campaign against the new toll road."],
     "plan", "Will Ana Ortiz continue her campaign against the new toll road?"),
    (["The striking nurses met on Monday.", "Union leader Tom Baker said he would put the offer to his members on Friday."],
     "forecast", "Will Tom Baker put the offer to his members on Friday?"),
    (["Tom Baker chairs the union.", "He said he expected his members to reject the offer."], "forecast",
     "Will Tom Baker's members reject the offer?"),
    # a judgement dismissed or rejected: the judgement is what is open
    (["President Ivo Marin dismissed the opposition's corruption report as a smear."], "denied",
     "Is the opposition's corruption report a smear, as Marin says?"),
    # a contrasting clause with its own speaker ("..., while X said ...") is another matter
    (["The health minister said the new levy would be a burden on small shops, while the treasury said it would "
      "raise £2 billion a year."], "forecast", "Will the new levy be a burden on small shops?"),
    # of two reported clauses, the one that is not yet real
    (["The harbour master said two new piers had been finished in March and that more would open next year."],
     "forecast", "Will more open next year?"),
])
def test_question_wording(doc_of, paragraphs, kind, question):
    assert worded(doc_of, paragraphs) == (kind, question)


@pytest.mark.parametrize("paragraphs", [
    ["The militia claimed that the army had shelled the hospital."],
    ["Fowler argued that the board would be wise to wait."],
    ["The firm has not disclosed what it paid for the startup."],
    ["They are expected to sign the deal on Friday."],
])
def test_wording_is_clean(doc_of, paragraphs):
    """No doubled spaces, no space before punctuation, no bare 'it'/'they' as the subject, one '?'."""
    _, question = worded(doc_of, paragraphs)
    if question is None:
        return  # nothing to ask is better than a broken question
    assert "  " not in question and not re.search(r"\s[,.?;:]", question)
    assert question.endswith("?") and question.count("?") == 1
    assert not re.match(r"^\w+ (?:it|they) ", question), question
    assert " argu " not in question and not re.match(r"^Did \S+ be ", question)


@pytest.mark.parametrize("raw, clean", [
    ("Was Hacker was arrested on Friday", "Was Hacker arrested on Friday?"),
    ("Did the mayor  sign the order (on Monday ?", "Did the mayor sign the order on Monday?"),
    ("will the “deal hold", "Will the deal hold?"),
])
def test_tidy(raw, clean):
    assert tidy(raw) == clean


ARTICLE = [
    "Flood waters rose across the valley on Sunday as the river broke its banks in two places.",
    "The mayor said the bridge on Main Street reopened on Monday morning.",
    "Engineers said the old levee could fail if the rain continues through the week.",
    "“Who would have thought the water would come this far?” asked one resident, Maria Gomez.",
    "The county plans to open two more shelters on Tuesday, a spokesman said.",
]


def test_an_article_asks_about_what_is_open_only(doc_of):
    questions = extract_open_questions(doc_of(ARTICLE))
    asked = {q.question for q in questions}
    assert "Could the old levee fail if the rain continues through the week?" in asked
    assert not any("bridge" in q for q in asked)  # a plain attributed fact
    assert not any("thought" in q for q in asked)  # a rhetorical question inside a quotation
    for q in questions:
        assert q.kind and q.evidence and q.paragraphs and q.paragraph == q.paragraphs[0]


def test_claim_and_denial_grouped(doc_of):
    doc = doc_of([
        "The militia claimed the army shelled the hospital in the north on Friday.",
        "The weather was cold and the roads were closed.",
        "The army denied that it had shelled the hospital.",
    ])
    grouped = [q for q in extract_open_questions(doc) if "claimed" in q.evidence]
    assert len(grouped) == 1
    [question] = grouped
    assert "denied" in question.evidence and question.paragraphs == [1, 3]
    assert question.kind == "denied"


@pytest.mark.parametrize("sentence", [
    "“Is this the team we want to be?” the coach asked reporters after the loss.",
    "What are the concerns?",
    "The council met on Tuesday and approved the budget.",
    # a fundraising appeal and a job done ahead of schedule await nothing
    "An appeal to repair the roof of St Mary's Church has raised £40,000, a month ahead of schedule, the vicar said.",
    "Police appealed for witnesses after a van hit a bus shelter on Main Street, a spokesman said.",
    "The charity's appeal for blankets has collected 3,000 in a week, its director said.",
    # targets that are aimed at, not goals
    "Drones struck military targets near the border overnight, the army said.",
    "Most navies use flares to decoy targets away from their ships.",
])
def test_not_questions(doc_of, sentence):
    assert extract_open_questions(doc_of([sentence])) == []


def test_speculation_inside_a_quote_of_several_sentences_is_not_a_rule_cue(doc_of):
    doc = doc_of(["“We are ready to work with everyone. Thousands of families may arrive in our community,” "
                  "the superintendent said in a statement."])
    assert find_candidates(doc)[-1].rules == []


def test_a_speakers_own_view_is_not_turned_into_a_question(doc_of):
    doc = doc_of(["“We cannot have people come here and deny the right under the Constitution for us to "
                  "question them,” Representative John Mica said."])
    assert [q.question for q in extract_open_questions(doc)] == []


# a model whose pair decision reads one feature only, so the test checks the grouping, not fitted weights
LINKAGE_MODEL = Model(weights={}, bias=5.0, threshold=0.5, rule_threshold=0.0,
                      pair_weights={"rare": 24.0}, pair_bias=-6.0, same=0.5)  # one shared rare word: same


@pytest.mark.parametrize("paragraphs, groups", [
    # the third sentence shares 'sarin' with the first but not the second: a new matter, not a lost repeat
    (["Inspectors are examining whether chlorine and sarin were used in the siege of the harbour town.",
      "The chlorine claim could not be verified by the monitors, the agency said.",
      "Diplomats warned that sarin shells may be fired at the harbour town soon."], [[0, 1], [2]]),
    # each later sentence speaks of what the whole matter does: one matter of three tellings
    (["Prosecutors are investigating whether the mayor's contractor inflated invoices for the bridge repairs.",
      "The contractor denied that its invoices for the bridge repairs were inflated.",
      "Auditors said the contractor may have inflated invoices for the bridge repairs again last year."],
     [[0, 1]]),
])
def test_a_repeat_speaks_of_every_sentence_of_its_matter(doc_of, paragraphs, groups):
    candidates = find_candidates(doc_of(paragraphs))
    chosen = choose(candidates, LINKAGE_MODEL)
    assert sorted(sorted(c.paragraph - 1 for c in group) for group in chosen) == groups


BUDGET_ARTICLE = [
    "The council is expected to vote on the new stadium next month.",
    "Engineers warned the old pier could collapse in a storm.",
    "The regulator is investigating whether the ferry operator falsified its safety logs.",
]


@pytest.mark.parametrize("per_tokens, asked", [
    (0, 3),  # no budget: every matter the model keeps
    (1000, 1),  # a short article asks 1 + its tokens // 1000 = 1 question: its likeliest
    (15, 3),  # 1 + 39 // 15 = 3
    (30, 2),  # 1 + 39 // 30 = 2
])
def test_an_article_asks_no_more_than_its_budget(doc_of, per_tokens, asked):
    model = Model(weights={}, bias=5.0, threshold=0.5, rule_threshold=0.0, pair_bias=-6.0, same=0.5,
                  per_tokens=per_tokens)
    candidates = find_candidates(doc_of(BUDGET_ARTICLE))
    assert len(choose(candidates, model)) == asked


@pytest.mark.parametrize("sentence, judged", [
    ("The mayor told reporters the closure of the library was “absolutely shameful.”", True),
    ("“The new timetable is unworkable and unfair,” the union's regional secretary said.", True),
    ("The council said the vote on the budget was “expected next week.”", False),
    ("Officials said the shortfall was shameful, but gave no figures.", False),  # not a quotation
])
def test_a_quoted_evaluation_is_a_feature(doc_of, sentence, judged):
    features = find_candidates(doc_of([sentence]))[-1].features
    assert bool(features.get("judgement-q")) == judged


def budget_free_model(**screen) -> Model:
    """Every sentence of BUDGET_ARTICLE its own matter; `screen` sets the second-stage filter by hand."""
    return Model(weights={}, bias=5.0, threshold=0.5, rule_threshold=0.0, pair_bias=-6.0, same=0.5, **screen)


@pytest.mark.parametrize("screen, asked", [
    ({}, 3),  # no filter (a model file of 0.3): every chosen matter
    # a matter past the likeliest is dropped: rank 1/8 gives 5 - 80/8 < 0
    ({"filter_weights": {"rank": -80.0}, "filter_bias": 5.0, "filter_threshold": 0.5}, 1),
    # a gentler slope keeps the second (5 - 40/8 = 0: probability 0.5), not the third
    ({"filter_weights": {"rank": -40.0}, "filter_bias": 5.0, "filter_threshold": 0.5}, 2),
    # a filter that trusts rule cues: two of the three sentences have one ('expected', 'investigating')
    ({"filter_weights": {"rule": 10.0}, "filter_bias": -5.0, "filter_threshold": 0.5}, 2),
    ({"filter_weights": {"rank": -80.0}, "filter_bias": 5.0, "filter_threshold": 0.0}, 3),  # threshold 0: all
])
def test_the_filter_drops_the_chosen_matters_it_doubts(doc_of, screen, asked):
    candidates = find_candidates(doc_of(BUDGET_ARTICLE))
    assert len(choose(candidates, budget_free_model(**screen))) == asked


def test_filter_features_rank_the_matters_and_see_a_near_repeat(doc_of):
    # two tellings of one claim the pair model only half-joins (same 0.5 is not reached), and another matter
    model = Model(weights={}, bias=5.0, threshold=0.5, rule_threshold=0.0,
                  pair_weights={"rare": 4.0}, pair_bias=-4.5, same=0.9)
    candidates = find_candidates(doc_of([
        "The regulator is investigating whether the ferry operator falsified its safety logs.",
        "The ferry operator may have falsified the safety logs for years, a former captain alleged.",
        "The council is expected to vote on the new stadium next month.",
    ]))
    groups = choose(candidates, model)
    features = matter_features(groups, model, article_weights(candidates), sentence_frequency(candidates))
    assert [f["rank"] for _, f in features] == [0.0, 1 / 8, 2 / 8]
    near = {group[0].paragraph: f["near"] for group, f in features}
    assert near[2] > 0.1 > near[3], near  # the retelling comes near the first matter, the stadium does not
    assert all(0.0 <= f["density"] <= 1.0 and f["second"] == 0.0 for _, f in features)


def test_a_model_file_without_a_filter_keeps_every_matter():
    data = budget_free_model().to_dict()
    for key in ("filter_weights", "filter_bias", "filter_threshold"):
        data.pop(key)
    model = Model.from_dict(data)
    assert model.filter_weights == {} and model.keeps({"rank": 1.0, "lead": 0.0})
