"""The same words quoted twice in one article are one key quote, kept where the speaker is named."""
from __future__ import annotations

import pytest

from generator.extract.quotes import extract_quotes
from generator.extract.quotes.repeats import without_repeats
from generator.models import Quote


@pytest.mark.parametrize("paragraphs, expected", [
    pytest.param(["The mayor, Jo Park, called the plan “a disgrace.”", "Residents agreed.",
                  "Park repeated that the plan was “a disgrace.”"],
                 [("a disgrace.", "Jo Park", 1)], id="lede-phrase-repeated"),
    pytest.param(["Fans chanted “bring him home” outside the ground.",
                  "“Bring him home,” said supporters’ club chair Dev Rao."],
                 [("Bring him home,", "Dev Rao", 2)], id="unattributed-first-then-named"),
    pytest.param(["Finance minister Lea Moss called it “a turning point.”",
                  "The opposition leader, Kim Sato, also said it was “a turning point.”"],
                 [("a turning point.", "Lea Moss", 1), ("a turning point.", "Kim Sato", 2)], id="two-speakers-kept"),
])
def test_repeated_quotes(doc_of, paragraphs, expected):
    quotes = extract_quotes(doc_of(paragraphs))
    assert [(q.text, q.speaker, q.paragraph) for q in quotes] == expected


def test_without_repeats_keeps_reading_order():
    quotes = [Quote(text="We will win,", speaker=None, paragraph=1),
              Quote(text="It is over.", speaker="Ann Bell", paragraph=2),
              Quote(text="we will win.", speaker="Ann Bell", paragraph=3)]
    assert [q.paragraph for q in without_repeats(quotes)] == [2, 3]
