"""UK-style copy: single marks quote, double marks nest, apostrophes are left alone."""
from __future__ import annotations

import pytest

from generator.extract.quotes import extract_quotes
from generator.extract.quotes.single import as_double, single_primary


# (paragraphs, expected (text, speaker) pairs)
UK_CASES = [
    pytest.param(["‘We have made the hard choices,’ said Rachel Owens. ‘The country is stronger for it.’"],
                 [("We have made the hard choices,", "Rachel Owens"), ("The country is stronger for it.", "Rachel Owens")],
                 id="guardian-split-quote"),
    pytest.param(["‘The players’ union has not been consulted,’ said club chairman Ian Frost."],
                 [("The players’ union has not been consulted,", "Ian Frost")], id="plural-possessive-inside"),
    pytest.param(["‘It is the club’s fault, not the fans’,’ said Mike Dean, a steward."],
                 [("It is the club’s fault, not the fans’,", "Mike Dean")], id="plural-possessive-before-the-closer"),
    pytest.param(["‘He told me “never again”, and I believed him,’ said Sarah Clarke, a nurse."],
                 [("He told me “never again”, and I believed him,", "Sarah Clarke")], id="double-nested-in-single"),
    pytest.param(["'We didn't see it coming,' the farmer, Owen Pugh, told the BBC."],
                 [("We didn't see it coming,", "Owen Pugh")], id="straight-single-marks"),
    pytest.param(["Head teacher Alison Grey spoke to parents on Friday.",
                  "‘We will repair the roof over half-term.",
                  "‘Lessons will go on as normal,’ she said."],
                 [("We will repair the roof over half-term. Lessons will go on as normal,", "Alison Grey")],
                 id="two-paragraph-quote"),
    pytest.param(["‘They call it “the Lane” and “the Steps”, and we avoid both,’ said Tom Reid, a resident."],
                 [("They call it “the Lane” and “the Steps”, and we avoid both,", "Tom Reid")],
                 id="more-nested-doubles-than-singles"),
    pytest.param(["‘We met the Wanderers’ Supporters Trust on Monday,’ said the club secretary, Joan Pell."],
                 [("We met the Wanderers’ Supporters Trust on Monday,", "Joan Pell")],
                 id="plural-possessive-before-a-capital"),
    pytest.param(["‘The hosts’ 2-1 defeat stung,’ said coach Dave Kerr."],
                 [("The hosts’ 2-1 defeat stung,", "Dave Kerr")], id="plural-possessive-before-a-number"),
    pytest.param(["‘It was fine,’ said the nurses’ spokeswoman, Ann Lowe. ‘We coped.’"],
                 [("It was fine,", "Ann Lowe"), ("We coped.", "Ann Lowe")], id="possessive-outside-the-quotes"),
]


@pytest.mark.parametrize("paragraphs, expected", UK_CASES)
def test_single_mark_quotes(doc_of, paragraphs, expected):
    quotes = extract_quotes(doc_of(paragraphs))
    assert [(q.text, q.speaker) for q in quotes] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("‘It’s over,’ she said.", True, id="uk-quote"),
    pytest.param("“It’s ‘over’,” she said.", False, id="us-quote-single-nested"),
    pytest.param("“They call it ‘the Lane’ and ‘the Steps’, and we avoid both,” said Tom Reid.", False,
                 id="us-quote-more-nested-singles-than-doubles"),
    pytest.param("\"They call it 'The Lane' and 'The Steps', and we avoid both,\" said Tom Reid.", False,
                 id="straight-marks-more-nested-singles"),
    pytest.param("The Smiths’ house and Jo’s cafe were shut in the ’90s.", False, id="apostrophes-only"),
    pytest.param("‘Kickstart’ grants, the council’s “small loans”, open today.", True, id="tie-first-mark-single"),
])
def test_single_primary(text, expected):
    assert single_primary(text) is expected


def test_as_double_keeps_offsets_and_apostrophes():
    text = "‘The lads’ coach isn’t going,’ he said, ‘and “nobody” is.’"
    swapped = as_double(text)
    assert len(swapped) == len(text)
    assert swapped == "“The lads’ coach isn’t going,” he said, “and ‘nobody’ is.”"
