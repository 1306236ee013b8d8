"""The summary: a few salient sentences, lead first, within the length budget."""
from __future__ import annotations

from generator.extract.summary import MAX_SENTENCES, MAX_WORDS, summarize

STORY = [
    "Flooding in the city of Porto Alegre has killed at least 37 people, officials said on Sunday.",
    "Rescue teams in Porto Alegre used boats to reach families stranded on rooftops.",
    "Click here to subscribe to our newsletter for more updates.",
    "“We have lost everything,” said one resident.",
    "The governor of Rio Grande do Sul said 24,000 people had been displaced from their homes.",
    "The weather service expects more rain in Rio Grande do Sul later this week.",
    "Local football clubs postponed their matches.",
    "Brazil's president, Luiz Inácio Lula da Silva, flew over Porto Alegre on Monday.",
]


def test_summary_starts_with_the_lead_and_respects_budget(doc_of):
    summary = summarize(doc_of(STORY))
    texts = [text for text, _ in summary]
    assert texts[0] == STORY[0]
    assert 1 < len(texts) <= MAX_SENTENCES
    assert len(" ".join(texts).split()) <= MAX_WORDS
    assert [p for _, p in summary] == sorted(p for _, p in summary)


def test_summary_skips_boilerplate_and_bare_quotes(doc_of):
    texts = [text for text, _ in summarize(doc_of(STORY))]
    assert not any("subscribe" in t for t in texts)
    assert not any(t.startswith("“We have lost") for t in texts)


def test_summary_prefers_facts_with_numbers(doc_of):
    texts = " ".join(text for text, _ in summarize(doc_of(STORY)))
    assert "24,000" in texts


def test_summary_of_a_one_sentence_article(doc_of):
    assert summarize(doc_of(["Short."])) == [("Short.", 1)]
