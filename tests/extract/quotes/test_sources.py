"""Speakers given through a document they issued, and speakers named a paragraph before the quote."""
from __future__ import annotations

import pytest

from generator.extract.quotes import extract_quotes


@pytest.mark.parametrize("paragraphs, expected", [
    pytest.param(["“The deal is done,” according to a statement from Halvorsen Shipping."],
                 [("The deal is done,", "Halvorsen Shipping")], id="reuters-according-to-a-statement"),
    pytest.param(["A statement from the Kremlin said “the operation is going to plan.”"],
                 [("the operation is going to plan.", "Kremlin")], id="statement-from-x-said"),
    pytest.param(["“We regret the error,” the broadcaster Channel Nine said in a statement."],
                 [("We regret the error,", "Channel Nine")], id="said-in-a-statement"),
    pytest.param(["Chief Constable Mark Webb told a press conference:",
                  "‘We are looking for two men in their twenties.",
                  "‘Anyone with information should call us.’"],
                 [("We are looking for two men in their twenties. Anyone with information should call us.",
                   "Mark Webb")], id="uk-colon-then-two-paragraphs"),
    pytest.param(["‘It was a tough night,’ said Rovers manager Sean Doyle.", "He added: ‘The lads gave everything.’"],
                 [("It was a tough night,", "Sean Doyle"), ("The lads gave everything.", "Sean Doyle")],
                 id="uk-he-added-next-paragraph"),
    pytest.param(["Housing minister Ellen Shaw said the target would be met.",
                  "“We will build 50,000 homes this year. That is a promise.”"],
                 [("We will build 50,000 homes this year. That is a promise.", "Ellen Shaw")],
                 id="ap-speaker-in-paragraph-before"),
    pytest.param(["Mayor Dan Lee was defensive when asked about a builder who said he was owed money, saying, "
                  "“I paid what the work was worth.”"],
                 [("I paid what the work was worth.", "Dan Lee")], id="saying-after-a-relative-clause"),
    pytest.param(["Senator Rosa Diaz faced questions about a charity that was accused of fraud, saying: "
                  "“I knew nothing about it.”"],
                 [("I knew nothing about it.", "Rosa Diaz")], id="saying-colon-after-a-relative-clause"),
])
def test_speaker_sources(doc_of, paragraphs, expected):
    assert [(q.text, q.speaker) for q in extract_quotes(doc_of(paragraphs))] == expected
