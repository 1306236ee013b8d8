"""Quote extraction: quotation-mark pairing and speaker resolution on small news-style articles."""
from __future__ import annotations

import pytest

from generator.extract.quotes import extract_quotes, pair_marks
from generator.extract.persons import surname_key
from generator.models import Quote


def quotes_of(doc_of, paragraphs: list[str]) -> list[Quote]:
    return extract_quotes(doc_of(paragraphs))


def find(quotes: list[Quote], start: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(start)]
    assert hits, f"no quote starting {start!r} in {[q.text for q in quotes]}"
    return hits[0]


# (paragraphs, quote start, expected speaker surname or None, expected role fragment or None)
SPEAKER_CASES = [
    pytest.param(
        ["“The bridge will reopen in May,” said Maria Delgado, the city’s transport director."],
        "The bridge", "Delgado", "transport director", id="said-inversion-appositive"),
    pytest.param(
        ["Officials met on Monday.", "Governor Tom Reilly said: “We are not going to wait any longer.”"],
        "We are not", "Reilly", "Governor", id="colon-intro-title"),
    pytest.param(
        ["“Prices went up,” Ahmed Karimi said. “Nobody expected it.”"],
        "Nobody expected", "Karimi", None, id="split-quote-second-half"),
    pytest.param(
        ["Senator Laura Whitfield met Mr. Owen Baker on Tuesday. She called the meeting productive.",
         "“We found common ground,” she said."],
        "We found", "Whitfield", None, id="pronoun-she-skips-man"),
    pytest.param(
        ["Mrs. Ana Lopez spoke first, and Mr. David Chen answered her.",
         "“The numbers do not add up,” he said."],
        "The numbers", "Chen", None, id="pronoun-he-by-title"),
    pytest.param(
        ["“The dam is safe,” the engineer, Paulo Mendes, told reporters."],
        "The dam", "Mendes", "engineer", id="the-official-comma-name"),
    pytest.param(
        ["Mayor Ingrid Holm visited the flooded district on Sunday.",
         "The mayor said the water had reached “every single basement on the street.”"],
        "every single", "Holm", "Mayor", id="the-mayor-by-role"),
    pytest.param(
        ["Defense Department spokesman Carl Mason spoke in Washington.",
         "“We are watching closely,” Mason said."],
        "We are watching", "Carl Mason", "Defense Department spokesman", id="surname-to-full-name"),
    pytest.param(
        ["“No decision has been made,” the Pentagon said in a statement."],
        "No decision", "Pentagon", None, id="organisation-speaker"),
    pytest.param(
        ["Farmers are angry. “This harvest is lost,” said Ravi Patel, a grower near Pune, "
         "whose fields flooded."],
        "This harvest", "Patel", "a grower near Pune", id="appositive-role"),
    pytest.param(
        ["Jonas Berg, an adviser to the prime minister, said the plan was “dead on arrival.”"],
        "dead on", "Berg", "an adviser to the prime minister", id="partial-quote-indirect"),
    pytest.param(
        ["“Nothing will change,” Chief Executive Sara Novak wrote in a letter to staff."],
        "Nothing will", "Novak", None, id="wrote-cue"),
    pytest.param(
        ["“We were never told,” — Kofi Mensah, a resident."],
        "We were never", "Mensah", None, id="dash-attribution"),
]


@pytest.mark.parametrize("paragraphs, start, surname, role", SPEAKER_CASES)
def test_speaker(doc_of, paragraphs, start, surname, role):
    quote = find(quotes_of(doc_of, paragraphs), start)
    assert quote.speaker is not None and surname in quote.speaker
    if role:
        assert quote.role is not None and role in quote.role


def test_prosecutors_are_not_a_named_person(doc_of):
    quote = find(quotes_of(doc_of, ["“The evidence is overwhelming,” prosecutors said."]), "The evidence")
    assert quote.speaker is None
    assert quote.cue == "said"


def test_quote_only_paragraph_inherits_previous_speaker(doc_of):
    quotes = quotes_of(doc_of, [
        "“We will rebuild the school,” said Elena Petrova, the village head.",
        "“The children deserve nothing less.”",
    ])
    assert [q.speaker for q in quotes] == ["Elena Petrova", "Elena Petrova"]
    assert [q.paragraph for q in quotes] == [1, 2]


def test_multi_paragraph_quote_counts_each_part(doc_of):
    quotes = quotes_of(doc_of, [
        "Union leader Mark Tully described the talks. “We sat there for nine hours.",
        "“At the end they offered us nothing,” he said.",
    ])
    assert [q.text for q in quotes] == ["We sat there for nine hours.", "At the end they offered us nothing,"]
    assert all(q.speaker == "Mark Tully" for q in quotes)


def test_two_speakers_in_one_sentence(doc_of):
    quotes = quotes_of(doc_of, [
        "Finance Minister Omar Haddad said the deal “would save jobs,” while opposition leader "
        "Nadia Farouk said it was a “giveaway to banks.”"])
    assert [(q.text, q.speaker) for q in quotes] == [
        ("would save jobs,", "Omar Haddad"), ("giveaway to banks.", "Nadia Farouk")]


@pytest.mark.parametrize("paragraph, texts", [
    pytest.param('He said "yes" and then "no."', ["yes", "no."], id="straight"),
    pytest.param("“First,” she said, \"second.\"", ["First,", "second."], id="mixed-curly-straight"),
    pytest.param("A stray ” mark, then “a real quote” here.", ["a real quote"], id="stray-closer"),
    pytest.param('He is 6\'3" tall and said "fine."', ["fine."], id="inch-mark"),
    pytest.param("It’s the mayor’s ‘plan’, she said, “not ours.”", ["not ours."], id="single-quotes-ignored"),
    pytest.param("“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"], id="nested-single"),
])
def test_pair_marks(paragraph, texts):
    spans = pair_marks(paragraph, 0, 1)
    assert [paragraph[s.opener + 1:s.closer] for s in spans] == texts


def test_unpaired_mark_does_not_lose_other_quotes(doc_of):
    quotes = quotes_of(doc_of, [
        "The report was called “damning by critics.",
        "“We disagree,” said Lena Ortiz. “Strongly.”",
        "“The inquiry continues,” said Paul Grant.",
    ])
    texts = [q.text for q in quotes]
    assert "We disagree," in texts and "Strongly." in texts and "The inquiry continues," in texts
    assert find(quotes, "The inquiry").speaker == "Paul Grant"


def test_composition_titles_are_not_quotes(doc_of):
    quotes = quotes_of(doc_of, ["Speaking on NBC’s “Meet the Press,” Senator Ann Kerr said the bill "
                                "was “a step backwards.”"])
    assert [q.text for q in quotes] == ["a step backwards."]
    assert quotes[0].speaker == "Ann Kerr"


def test_no_quotes(doc_of):
    assert quotes_of(doc_of, ["The council voted 7-2 on Monday."]) == []


# (paragraphs, texts that must be reported, texts that must not be)
SPEECH_CASES = [
    pytest.param(["The firm sold “smart” meters to half the town, records show."],
                 [], ["smart"], id="scare-modifier"),
    pytest.param(["Residents gathered in “the old barn by the river” on Sunday evening."],
                 [], ["the old barn by the river"], id="scare-verbless-phrase"),
    pytest.param(["The council approved a so-called “rainy day” fund on Monday."],
                 [], ["rainy day"], id="scare-compound"),
    pytest.param(["Moscow has said the negotiations have reached a “dead end” after weeks of talks."],
                 ["dead end"], [], id="short-governed-by-said"),
    pytest.param(["The senator called her rival a “bully” and a “fraud” during the debate."],
                 ["bully", "fraud"], [], id="called-list"),
    pytest.param(["Critics mocked the governor’s claim of “total victory” over the floods."],
                 ["total victory"], [], id="speech-noun"),
    pytest.param(["The plan was, as one diplomat put it, “dead on arrival.”"],
                 ["dead on arrival."], [], id="as-x-put-it"),
    pytest.param(["The slogan spread fast. “We will not move.”"],
                 ["We will not move."], [], id="whole-sentence"),
    pytest.param(["He listens to the “Morning Drive Hour” radio show every day."],
                 [], ["Morning Drive Hour"], id="title-before-work-noun"),
    pytest.param(["Laura Bell’s column, “Mayor, fix our roads,” drew many letters."],
                 [], ["Mayor, fix our roads,"], id="title-after-work-noun"),
    pytest.param(["She wrote a memoir titled “Walking Home Alone” last year."],
                 [], ["Walking Home Alone"], id="title-introducer"),
    pytest.param(["”The water is rising,” ― Tom Reyes, a farmer."],
                 ["The water is rising,"], [], id="backwards-opener-still-quotes"),
    pytest.param(["“We will appeal. It ignores the \"clear intent\" of the law,” said Nora Quinn, the union’s lawyer."],
                 ["We will appeal. It ignores the \"clear intent\" of the law,"], ["clear intent"],
                 id="nested-inside-reported-quote"),
]


@pytest.mark.parametrize("paragraphs, kept, dropped", SPEECH_CASES)
def test_speech_or_not(doc_of, paragraphs, kept, dropped):
    texts = [q.text for q in quotes_of(doc_of, paragraphs)]
    for text in kept:
        assert text in texts
    for text in dropped:
        assert text not in texts


def test_block_quoted_paragraphs_are_not_speech(doc_of):
    quotes = quotes_of(doc_of, [
        "The Daily Ledger reported:",
        "\"The mill closed in March, and the town has been quiet since. Shops on Main Street shut early.",
        "\"Nobody here expected the owners to return,” said Ana Ruiz, who ran the bakery.\"",
    ])
    texts = [q.text for q in quotes]
    assert not any(t.startswith("The mill closed") for t in texts)
    assert "Nobody here expected the owners to return," in texts


def test_markup_attributes_are_not_quotes(doc_of):
    value = "a long embedded note " * 40
    quotes = quotes_of(doc_of, [f'<note text="{value}">Ana Ruiz said the town was “holding on.”</note>'])
    assert [q.text for q in quotes] == ["holding on."]



@pytest.mark.parametrize("words, key", [
    (["Bernie", '">Sanders'], "sanders"),  # markup the tokenizer glued to a name
    (["Martin", "Luther", "King", "Jr."], "king"),
])
def test_surname_key(words, key):
    assert surname_key(words) == key


@pytest.mark.parametrize("paragraphs, start, speaker", [
    # a bare surname is the person first named with it, not a relative named in passing
    (["Hillary Clinton's doctor said she was fit.",
      "In the administration of former President Bill Clinton, the couple kept it quiet.",
      "“Sure enough I had a big clot behind my right knee,” Clinton wrote in 2003."], "Sure enough", "Hillary Clinton"),
    # ... unless the other one was just named as a subject
    (["Lynn and Bob Fodge moved their farm from Indiana to Missouri in 1999.",
      "“There just wasn’t room to expand,” Lynn Fodge says.",
      "“We looked from mid-Ohio to Montana,” Fodge says."], "We looked", "Lynn Fodge"),
    # each relative's own words keep their own name
    (["Lucy Lau was born in Churchill.", "“She was purple,” said her mother, Cynthia Lau.",
      "“We were shocked at how tiny she was,” said her father, Ian Lau."], "She was purple", "Cynthia Lau"),
    (["Lucy Lau was born in Churchill.", "“She was purple,” said her mother, Cynthia Lau.",
      "“We were shocked at how tiny she was,” said her father, Ian Lau."], "We were shocked", "Ian Lau"),
])
def test_people_who_share_a_surname(doc_of, paragraphs, start, speaker):
    assert find(quotes_of(doc_of, paragraphs), start).speaker == speaker


def test_he_said_after_a_name_in_passing_is_the_last_speaker(doc_of):
    quotes = quotes_of(doc_of, [
        "“Now is the time to act,” said Don Fowler, a former party chairman.",
        "Fowler noted that replacing a nominee had been done once before.",
        "A change now could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders.",
        "“This is a different time,” he said."])
    assert find(quotes, "This is a different time").speaker == "Don Fowler"


def test_one_stray_pronoun_does_not_set_a_gender(doc_of):
    quotes = quotes_of(doc_of, [
        "Donald Trump criticised the debate moderator. She had asked about taxes.",
        "Donald Trump spoke in Ohio on Monday. He promised new jobs.",
        "Donald Trump returned to the stage. He thanked the crowd.",
        "Cheryl Mills, a former aide, declined to comment.",
        "At a forum in Virginia, Donald Trump answered questions from veterans.",
        "“We have a politically correct military,” he said."])
    assert find(quotes, "We have a politically").speaker == "Donald Trump"


def test_one_cue_covers_every_quote_in_its_sentence(doc_of):
    quotes = quotes_of(doc_of, [
        "Donald Trump says political correctness has run amok in the military.",
        "At a forum on Monday, one questioner claimed that “the forces of political correctness” and "
        "“social engineering,” ”like women in combat” were hurting the military."])
    for start in ("the forces", "social engineering", "like women"):
        quote = find(quotes, start)
        assert (quote.speaker, quote.role) == (None, "one questioner"), quote


def test_a_lone_given_name_is_the_person_with_it(doc_of):
    quotes = quotes_of(doc_of, ["Lucy Lau was born in Churchill. Her father, Ian Lau, is a doctor.",
                                "“It is always the first breath that is the hardest,” Ian said."])
    assert find(quotes, "It is always").speaker == "Ian Lau"


def test_a_titled_surname_is_not_a_given_name(doc_of):
    quotes = quotes_of(doc_of, ["Graham Platner is running for the Senate in Maine.",
                                "“He is unfit for office,” Sen. Graham said."])
    assert find(quotes, "He is unfit").speaker != "Graham Platner"
