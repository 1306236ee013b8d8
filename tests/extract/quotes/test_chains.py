"""Quotations that run over several paragraphs: one quote, one speaker, its first paragraph (sentences in
AP, Reuters, BBC and Guardian styles, written for these tests)."""
from __future__ import annotations

import pytest

from generator.extract.quotes import extract_quotes

# (style, paragraphs, quote start, expected speaker fragment, expected whole text or None, expected paragraph)
CHAIN_CASES = [
    pytest.param(["Union leader Maria Ortega said the offer was an insult.",
                  "\"We sat across the table for nine hours and nobody listened to us.",
                  "\"They offered our members nothing,\" Ortega said."],
                 "We sat", "Ortega",
                 "We sat across the table for nine hours and nobody listened to us. They offered our members nothing,",
                 2, id="ap-paragraph-per-opener-cue-at-end"),
    pytest.param(["Mr Hughes said: \"This is a dark day for the town. \"We will fight the closure with everything we have.\""],
                 "This is a dark", "Hughes",
                 "This is a dark day for the town. We will fight the closure with everything we have.",
                 1, id="bbc-paragraph-break-lost-in-one-paragraph"),
    pytest.param(["“I never expected to win,” said Priya Nair, the novelist. “The shortlist alone felt like a prize.",
                  "“Now I just want to get back to writing.”"],
                 "The shortlist", "Priya Nair",
                 "The shortlist alone felt like a prize. Now I just want to get back to writing.",
                 1, id="guardian-named-once-at-the-start"),
    pytest.param(["“We expect demand to recover in the second half,” Chief Executive Lars Berg told reporters. "
                  "“Prices have already stabilised.",
                  "“Our order book is the strongest it has been in three years,” he added."],
                 "Prices have", "Lars Berg",
                 "Prices have already stabilised. Our order book is the strongest it has been in three years,",
                 1, id="reuters-continued-then-he-added"),
    pytest.param(["Councillor Ruth Adeyemi said the council had kept its promise.",
                  "\"We kept the library open. We kept the pool open.",
                  "\"And nobody loses their job this year.\""],
                 "We kept", "Ruth Adeyemi",
                 "We kept the library open. We kept the pool open. And nobody loses their job this year.",
                 2, id="ap-speaker-in-the-paragraph-before"),
    pytest.param(["Chief Inspector Ruth Hall said:", "\"The driver failed to stop at the scene.",
                  "\"Officers are keen to speak to anyone who saw the crash.\""],
                 "The driver", "Ruth Hall",
                 "The driver failed to stop at the scene. Officers are keen to speak to anyone who saw the crash.",
                 2, id="bbc-said-colon-third-person-paragraphs"),
    pytest.param(["Tom Price, the airline's spokesman, told reporters:", "‘Safety is the top priority for the airline.",
                  "‘All flights will resume on Monday.’"],
                 "Safety", "Tom Price", "Safety is the top priority for the airline. All flights will resume on Monday.",
                 2, id="guardian-told-colon-single-marks"),
]


@pytest.mark.parametrize("paragraphs, start, speaker, text, paragraph", CHAIN_CASES)
def test_multi_paragraph_quotation_is_one_quote(doc_of, paragraphs, start, speaker, text, paragraph):
    quotes = [q for q in extract_quotes(doc_of(paragraphs)) if q.text.startswith(start)]
    assert len(quotes) == 1, [q.text for q in extract_quotes(doc_of(paragraphs))]
    assert quotes[0].speaker is not None and speaker in quotes[0].speaker
    assert (quotes[0].text, quotes[0].paragraph) == (text, paragraph)


def test_a_mark_left_open_before_another_speaker_is_not_one_quotation(doc_of):
    quotes = extract_quotes(doc_of([
        "“The tax is unfair,” said Senator Grace Obi. “Families will pay for it.",
        "“Nobody in this chamber wants higher taxes,” replied Senator Alan Frost."]))
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The tax is unfair,", "Grace Obi"), ("Families will pay for it.", "Grace Obi"),
        ("Nobody in this chamber wants higher taxes,", "Alan Frost")]


def test_quoted_running_text_is_not_one_long_quote(doc_of):
    quotes = extract_quotes(doc_of([
        "The county paper reported:",
        "\"The mill closed in March, and the town has been quiet since. Shops on Main Street shut early.",
        "\"Nobody here expected the owners to return,” said Ana Ruiz, who ran the bakery.\""]))
    assert [(q.text, q.speaker) for q in quotes] == [("Nobody here expected the owners to return,", "Ana Ruiz")]


def test_a_cue_in_the_next_sentence_is_not_the_quotes(doc_of):
    quotes = extract_quotes(doc_of([
        "Mr Kennedy said: \"This is three-party politics. \"In the north the contest is with Labour.\" "
        "The Lib Dems accuse the government of complacency."]))
    assert [(q.text, q.speaker) for q in quotes] == [
        ("This is three-party politics. In the north the contest is with Labour.", "Kennedy")]
