"""Who speaks when the article names them as a role, an organisation or a pronoun (sentences in AP,
Reuters, BBC and Guardian styles, written for these tests)."""
from __future__ import annotations

import pytest

from generator.extract.quotes import extract_quotes


def speaker_of(doc_of, paragraphs: list[str], start: str):
    quotes = [q for q in extract_quotes(doc_of(paragraphs)) if q.text.startswith(start)]
    assert quotes, [q.text for q in extract_quotes(doc_of(paragraphs))]
    return quotes[0]


# (paragraphs, quote start, speaker fragment or None, speaker_kind)
ROLE_CASES = [
    pytest.param(["Chelsea midfielder Frank Dorsey scored twice on Saturday.",
                  "\"It was the best game of my career,\" the 26-year-old said."],
                 "It was the best", "Frank Dorsey", "person", id="bbc-age-epithet"),
    pytest.param(["Mayor Linda Carver toured the flooded streets on Monday.",
                  "\"We will rebuild every home,\" the mayor said."],
                 "We will rebuild", "Linda Carver", "person", id="ap-the-mayor"),
    pytest.param(["\"We are reviewing the footage,\" said Lt. Dana Brooks of the state police.",
                  "\"The investigation is ongoing,\" the lieutenant added."],
                 "The investigation", "Dana Brooks", "person", id="ap-abbreviated-title"),
    pytest.param(["Orion Motors said on Tuesday it would cut 2,000 jobs.",
                  "\"The market has changed faster than anyone expected,\" the company said in a statement."],
                 "The market", "Orion Motors", "organisation", id="reuters-the-company"),
    pytest.param(["Harwell Rovers confirmed the signing on Friday.",
                  "\"He is a fine young player,\" the club said."],
                 "He is a fine", "Harwell Rovers", "organisation", id="bbc-the-club"),
    pytest.param(["Ministers were warned about the risk in March, the documents show.",
                  "\"No decision has been taken,\" a government spokesperson said."],
                 "No decision", None, "role", id="guardian-unnamed-spokesperson"),
    pytest.param(["\"Investors will not like this,\" said an analyst at Fenwick Securities."],
                 "Investors will", None, "role", id="reuters-unnamed-analyst"),
    pytest.param(["\"We have no comment on the report,\" a Pentagon spokesman said."],
                 "We have no comment", "Pentagon", "organisation", id="ap-organisation-speaks-through-spokesman"),
]


@pytest.mark.parametrize("paragraphs, start, speaker, kind", ROLE_CASES)
def test_role_or_organisation_speaker(doc_of, paragraphs, start, speaker, kind):
    quote = speaker_of(doc_of, paragraphs, start)
    if speaker is None:
        assert quote.speaker is None and quote.role
    else:
        assert quote.speaker is not None and speaker in quote.speaker
    assert quote.speaker_kind == kind


# (paragraphs, quote start, expected speaker)
WHO_CASES = [
    pytest.param(["Northgate Bank chief executive Paul Ames announced the results on Monday.",
                  "\"The bank's margins will stay under pressure,\" said Joanna Kerr, an analyst at Fenwick Securities."],
                 "The bank's margins", "Joanna Kerr", id="reuters-analyst-after-company-not-the-ceo"),
    pytest.param(["\"He is the best negotiator I have worked with,\" Anna Weiss said of her deputy, Mark Olsen."],
                 "He is the best", "Anna Weiss", id="reuters-said-of"),
    pytest.param(["Sarah Lund, who was speaking to Tom Reid at the launch, said: \"This is only the beginning.\""],
                 "This is only", "Sarah Lund", id="guardian-who-was-speaking-to"),
    pytest.param(["Mr Patel, who was speaking to BBC Radio 4's Today programme, said: \"The figures speak for themselves.\""],
                 "The figures", "Patel", id="bbc-speaking-to-programme"),
    pytest.param(["Rachel Moore and her brother Tom ran the farm for twenty years.", "Storms destroyed the barn in January.",
                  "\"We lost everything,\" she said."],
                 "We lost", "Rachel Moore", id="bbc-she-one-woman-named"),
    pytest.param(["Peter Lang, the party's Scottish chairman, said he had suspended Mr Hay on Friday.",
                  "He said that Mr Hay may be interviewed by the party.",
                  "He added: \"I have not seen the papers yet.\""],
                 "I have not seen", "Peter Lang", id="bbc-he-carries-over-a-name-in-passing"),
    pytest.param(["\"(The couple) were good, fine people,\" said Logan."],
                 "(The couple)", "Logan", id="ap-surname-the-ner-misreads"),
]


@pytest.mark.parametrize("paragraphs, start, speaker", WHO_CASES)
def test_the_person_speaking_not_one_named_in_passing(doc_of, paragraphs, start, speaker):
    quote = speaker_of(doc_of, paragraphs, start)
    assert quote.speaker is not None and speaker in quote.speaker


# (paragraphs, quote start, role kept or None)
SOURCE_CASES = [
    pytest.param(["The draft replaced a pledge of arms with softer wording calling for \"humanitarian support\"."],
                 "humanitarian support", None, id="reuters-abstract-noun-is-no-source"),
    pytest.param(["\"The defence was all over the place,\" the lock said after the defeat in Cardiff."],
                 "The defence", "lock", id="bbc-rugby-position-is-a-source"),
    pytest.param(["Officials said the bridge \"will stay closed until further notice\"."],
                 "will stay closed", "Officials", id="ap-plural-officials-are-a-source"),
    pytest.param(["A report by the watchdog said the trust had \"failed patients for years\"."],
                 "failed patients", "report", id="guardian-a-report-is-a-source"),
]


@pytest.mark.parametrize("paragraphs, start, role", SOURCE_CASES)
def test_only_a_noun_that_can_speak_is_kept_as_the_source(doc_of, paragraphs, start, role):
    quote = speaker_of(doc_of, paragraphs, start)
    if role is None:
        assert quote.speaker is None and quote.role is None and quote.speaker_kind is None
    else:
        assert role in ((quote.role or "") + (quote.speaker or ""))


# (paragraphs, quote start, speaker fragment or None, role fragment)
TITLE_CASES = [
    pytest.param(["Only Fools and Horses star Derek Lane told a Swindon audience the new script was "
                  "\"a gift from start to finish\"."],
                 "a gift from", "Derek Lane", "Horses star", id="bbc-show-title-before-a-role-is-no-name"),
    pytest.param(["Strictly Come Dancing judge Ann Moore said the final had been \"brutal for everyone\"."],
                 "brutal", "Ann Moore", "Dancing judge", id="guardian-show-title-read-as-a-person"),
    pytest.param(["President Maria Ortiz arrived in Lima on Sunday.",
                  "The President said: \"We will not back down.\""],
                 "We will not", "Maria Ortiz", None, id="ap-the-president-is-the-one-named-so"),
    pytest.param(["After the swearing-in, the new President, Pavel Dorn, promised budgets that were \"lean but fair\"."],
                 "lean but fair", "Pavel Dorn", "President", id="reuters-title-then-name-in-apposition"),
    pytest.param(["\"This is a disgrace,\" the President told reporters on Monday."],
                 "This is a disgrace", None, "President", id="bbc-a-title-alone-is-a-role"),
    pytest.param(["\"It was a fair price,\" said Tom Reid, who bought the mill.",
                  "Ms Okafor said inspectors would visit every school in the district by March. "
                  "\"Nobody gets a warning in advance.\""],
                 "Nobody gets a", "Okafor", None, id="bbc-quote-after-a-sentence-reporting-someone"),
]


@pytest.mark.parametrize("paragraphs, start, speaker, role", TITLE_CASES)
def test_titles_are_not_names(doc_of, paragraphs, start, speaker, role):
    quote = speaker_of(doc_of, paragraphs, start)
    if speaker is None:
        assert quote.speaker is None and quote.speaker_kind == "role"
    else:
        assert quote.speaker is not None and speaker in quote.speaker and quote.speaker_kind == "person"
    if role is not None:
        assert role in (quote.role or "")


def test_a_title_of_the_other_gender_keeps_two_people_of_one_surname_apart(doc_of):
    doc = doc_of(["Governor Halvorsen toured the flood walls along the Brennet river before dawn.",
                  "\"These walls were built to last,\" Mr. Halvorsen said at the first sluice gate.",
                  "Later in the morning Mr. Halvorsen was joined at the pumping station by the first lady, "
                  "Ingrid Halvorsen.",
                  "\"Nobody here will be forgotten,\" Mrs. Halvorsen promised the volunteers."])
    speakers = {q.text[:10]: q.speaker for q in extract_quotes(doc)}
    assert speakers["These wall"] == "Halvorsen"
    assert speakers["Nobody her"] == "Ingrid Halvorsen"


@pytest.mark.parametrize("paragraphs, start, role", [
    pytest.param(["Michael Dale, the Conservative MP for Hexham, opened the debate.",
                  "\"Nobody in Hexham asked for this,\" said Mr Dale."], "Nobody in Hexham", "Conservative MP", id="bbc-mr"),
    pytest.param(["Senator Lamar Hayes has blocked the bill since June.",
                  "\"The votes were never there,\" Mr. Hayes said."], "The votes", "Senator", id="nyt-mr"),
])
def test_an_honorific_yields_to_the_title_given_before(doc_of, paragraphs, start, role):
    assert role in (speaker_of(doc_of, paragraphs, start).role or "")
