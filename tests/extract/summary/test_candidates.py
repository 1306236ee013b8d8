"""Which sentences may stand in a summary: boilerplate, lists, quotations and questions stay out."""
from __future__ import annotations

import pytest

from generator.extract.summary.candidates import clean_text
from generator.extract.summary.pipeline import prepare
from generator.nlp import sentences


@pytest.mark.parametrize("text, reason", [
    ("The council voted 7-2 on Tuesday to close the old bridge to lorries.", None),
    ("Rescuers pulled 14 miners from the flooded shaft after a two-day search, the company said.", None),
    ("CNN's Jane Doe and Raj Patel contributed to this report.", "boilerplate"),
    ("Reporting by Ana Lima in Recife; editing by Tom Hart and Sue Wu.", "boilerplate"),
    ("Click here to sign up for our free morning newsletter.", "boilerplate"),
    ("Read more: the ten best beaches on the Atlantic coast of Portugal.", "boilerplate"),
    ("By Maria Gonzalez and Peter Olsen, Staff Writers at the Valley Herald.", "boilerplate"),
    ("Firefighters tackle the blaze on Tuesday evening (Photo: Getty Images).", "boilerplate"),
    ("This story has been updated to correct the name of the school.", "boilerplate"),
    ("Arsenal: Raya; White, Saliba, Gabriel, Timber; Rice, Odegaard, Havertz; Saka, Jesus.", "list"),
    ("Moreno, Diaz, Okoro, Lindqvist, Brandt, Haddad, Kim, Silva, Mbeki, Novak and Reyes.", "list"),
    ("Sponsors Arcadia Bank, Northgate Motors and Lumen Foods Give Thanks To All Runners.", "list"),
    ("Here is what we know so far about the storm and its path:", "not a statement"),
    ("What happens to the thousands of families who lost their homes?", "not a statement"),
    ("Witnesses described a loud bang and then a column of smoke", "not a statement"),
    ("“We will rebuild every house, every school and every road,” the mayor said.", "quotation"),
    ("They have taken everything from us and we will not stay quiet,” she said on Monday.", "quotation"),
    ("Follow the photographer's travels at www.example.org for more of his pictures.", "boilerplate"),
    ("The views expressed in this commentary are solely those of the author.", "boilerplate"),
    ("FULL COVERAGE OF THE ELECTION RESULTS FROM EVERY DISTRICT TONIGHT.", "heading"),
    ("Too short to say much.", "length"),
])
def test_rejection(doc_of, text, reason):
    assert prepare(doc_of([text])).reasons[0] == reason


def test_a_quotations_later_sentences_are_quotation_too(doc_of):
    doc = doc_of(["Asked whether the farm was for sale, Ms Okafor said: “Absolutely not. We will never "
                  "sell the land our families have farmed for a century.”"])
    prepared = prepare(doc)
    assert prepared.texts[-1].startswith("We will never") and prepared.reasons[-1] == "quotation"


def test_a_quote_reopened_at_every_sentence_is_quotation(doc_of):
    # some sources open each sentence of a long quote anew and close only the last
    doc = doc_of(['Ms Rahman said: "The plan is bold, but it is also cheap and quick to build. "The city '
                  'has waited thirty years for a tram line and it cannot wait any longer."'])
    assert prepare(doc).reasons[0] == "quotation"


@pytest.mark.parametrize("text, shown", [
    ("Lagos, Nigeria (CNN)Floodwaters swept through three districts of the city on Monday.",
     "Floodwaters swept through three districts of the city on Monday."),
    ("(CNN)A judge in Ohio has blocked the new voting law until a full hearing next month.",
     "A judge in Ohio has blocked the new voting law until a full hearing next month."),
    ("The Reuters office in Nairobi (pictured) was closed for a week in May after the protests.",
     "The Reuters office in Nairobi (pictured) was closed for a week in May after the protests."),
])
def test_the_leads_dateline_is_not_shown(doc_of, text, shown):
    sent = sentences(doc_of([text]))[0]
    assert clean_text(sent, first=True) == shown
