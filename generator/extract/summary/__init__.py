"""The summary: a few sentences of the article that tell what happened, who, where and how many.

Extractive: every sentence is the article's own, linked to its paragraph. Sentences that cannot
stand alone in a summary (boilerplate, credits, captions, line-ups, quotations, questions) are left
out (`candidates`); the rest are scored by a small logistic model over position, centrality, the
article's recurring cast and figures and the sentence's voice (`features`, `model`, weights fitted
on summaries people wrote by scripts/fit_summary_weights.py); `select` picks the best within a
short word budget, then the sentences that count what the story is about (`pipeline` runs it all).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.summary.headline import repeats_headline, without_headline
from generator.extract.summary.select import MAX_SENTENCES, MAX_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MAX_SENTENCES", "MAX_WORDS", "repeats_headline", "summarize", "without_headline"]


def summarize(doc: Doc, headline: str | None = None) -> list[tuple[str, int]]:
    """Up to five sentences, at most 150 words, as (text, paragraph number), in article order.

    `headline` is the article's title as shown; when it is the lead's own first sentence (an article
    without a headline), the lead still opens the summary and at least one more sentence follows."""
    # imported here: the page renderer needs only the headline helpers above, not spaCy
    from generator.extract.summary.pipeline import summarize as run

    return run(doc, headline)
