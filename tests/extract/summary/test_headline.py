"""A headline taken from the lead is said once: the page's summary leaves it out."""
from __future__ import annotations

import pytest

from generator.extract.summary import repeats_headline, without_headline

LEAD = "Flooding in the river town of Ferrol has killed at least 12 people, officials said on Sunday."


@pytest.mark.parametrize("sentence, headline, repeated", [
    (LEAD, LEAD, True),
    (LEAD, "Flooding in the river town of Ferrol has killed at least 12 …", True),  # shortened headline
    ("Floodwaters rose overnight in three districts.", "Lagos, Nigeria (CNN)Floodwaters rose overnight in "
     "three districts.", True),  # the headline keeps the dateline
    ("Floodwaters rose overnight.", "Floodwaters rose overnight. Schools closed.", True),  # split earlier
    ("Floodwaters rose overnight. Schools closed.", "Floodwaters rose overnight.", True),  # split later
    (LEAD, "Ferrol floods kill 12", False),
    ("Rescue teams used boats to reach families on rooftops in Ferrol.", LEAD, False),
    ("Ferrol floods kill 12 and the river keeps rising, the mayor said.", "Ferrol floods kill 12", False),
])
def test_repeats_headline(sentence, headline, repeated):
    assert repeats_headline(sentence, headline) is repeated


def test_the_page_leaves_out_the_sentence_shown_as_headline():
    summary = [LEAD, "Rescue teams used boats to reach families on rooftops."]
    assert without_headline(summary, [1, 3], LEAD) == [(summary[1], 3)]
    assert without_headline(summary, [1, 3], "Ferrol floods kill 12") == [(LEAD, 1), (summary[1], 3)]


def test_a_summary_that_is_only_the_headline_is_still_shown():
    assert without_headline([LEAD], [1], LEAD) == [(LEAD, 1)]
