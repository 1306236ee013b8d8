"""The summary: lead first when there is no headline, within the length, in article order, no boilerplate."""
from __future__ import annotations

import pytest

from generator.extract.summary import MAX_SENTENCES, MAX_WORDS, summarize, without_headline

STORY = [
    "Flooding in the city of Porto Alegre has killed at least 37 people, officials said on Sunday.",
    "Rescue teams in Porto Alegre used boats to reach families stranded on rooftops.",
    "Click here to subscribe to our newsletter for more updates.",
    "“We have lost everything,” said one resident.",
    "The governor of Rio Grande do Sul said 24,000 people had been displaced from their homes.",
    "The weather service expects more rain in Rio Grande do Sul later this week.",
    "Local football clubs postponed their matches.",
    "Brazil's president, Luiz Inácio Lula da Silva, flew over Porto Alegre on Monday.",
    "Reporting by Ana Lima; editing by Tom Hart.",
]
# a council story with the furniture a web page adds around it
COUNCIL = [
    "Harwick council has voted to close the Old Mill bridge to heavy lorries from March, after engineers "
    "found cracks in two of its piers.",
    "By Dana Whitlock, Local Democracy Reporter.",
    "Councillors backed the ban by 31 votes to 9 on Tuesday night.",
    "Here is what the ban means for drivers:",
    "Lorries over 7.5 tonnes: banned; Buses: allowed; Farm vehicles: allowed with a permit; Cars: allowed.",
    "Hauliers say the diversion through Denby will add 40 minutes to each journey.",
    "The council will spend £2.3m on repairs and expects the work to take 18 months.",
    "A photo of the cracked pier, taken by engineers in January (Photo: Harwick Council).",
    "Click here for our full coverage of the Old Mill bridge.",
    "Residents of Denby, where the diversion runs, plan to protest outside the town hall on Saturday.",
    "Additional reporting contributed to this report by Sam Okafor.",
]


def texts_of(summary: list[tuple[str, int]]) -> list[str]:
    return [text for text, _ in summary]


@pytest.mark.parametrize("paragraphs", [STORY, COUNCIL])
def test_limits_and_article_order(doc_of, paragraphs):
    summary = summarize(doc_of(paragraphs), headline=None)
    texts = texts_of(summary)
    assert 2 <= len(texts) <= MAX_SENTENCES
    assert len(" ".join(texts).split()) <= MAX_WORDS
    assert [p for _, p in summary] == sorted(p for _, p in summary)
    assert all(text in " ".join(paragraphs) for text in texts)  # extractive: the article's own sentences


@pytest.mark.parametrize("paragraphs, left_out", [
    (STORY, ["subscribe", "We have lost", "Reporting by"]),
    (COUNCIL, ["By Dana", "Here is what", "tonnes", "Photo", "Click here", "contributed"]),
])
def test_no_boilerplate_lists_quotes_or_colon_lines(doc_of, paragraphs, left_out):
    joined = " ".join(texts_of(summarize(doc_of(paragraphs), headline=None)))
    for words in left_out:
        assert words not in joined


@pytest.mark.parametrize("paragraphs", [STORY, COUNCIL])
def test_headline_less_article_gets_more_than_its_title(doc_of, paragraphs):
    doc = doc_of(paragraphs)
    headline = paragraphs[0]  # the reader makes the lead's first sentence the title
    summary = summarize(doc, headline=headline)
    assert texts_of(summary)[0] == paragraphs[0]  # the lead still opens the summary (feeds, JSON) ...
    shown = without_headline(texts_of(summary), [p for _, p in summary], headline)
    assert shown and all(text != headline for text, _ in shown)  # ... and the page adds to the title


def test_a_real_headline_is_not_repeated_by_force(doc_of):
    summary = texts_of(summarize(doc_of(STORY), headline="Porto Alegre floods: 37 dead, 24,000 displaced"))
    assert 1 <= len(summary) <= MAX_SENTENCES and all(s in STORY for s in summary)


def test_a_story_that_counts_gets_its_figures(doc_of):
    assert "24,000" in " ".join(texts_of(summarize(doc_of(STORY))))
    assert "31 votes" in " ".join(texts_of(summarize(doc_of(COUNCIL))))


@pytest.mark.parametrize("paragraphs, expected", [
    (["Short."], [("Short.", 1)]),
    (["“Nothing but quotes here, friends,” she said.", "“And more of them,” he said."],
     [("“Nothing but quotes here, friends,” she said.", 1)]),
])
def test_articles_with_no_usable_sentence_fall_back_to_the_first(doc_of, paragraphs, expected):
    assert summarize(doc_of(paragraphs)) == expected
