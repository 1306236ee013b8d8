"""Sentences -> features -> scores -> the chosen few: the summary of one parsed article."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from generator.extract.summary.candidates import clean_text, rejection
from generator.extract.summary.features import FEATURES, SentenceTable, term
from generator.extract.summary.headline import repeats_headline
from generator.extract.summary.model import load_scorer
from generator.extract.summary.select import choose
from generator.extract.quotes.marks import quoted_tokens
from generator.nlp import sentences, span_text

WORD = re.compile(r"[a-z]+")


@dataclass
class Prepared:
    """One article's sentences as the summary sees them (also what scripts/fit_summary_weights.py fits on)."""

    texts: list[str]
    table: SentenceTable
    candidates: list[int]
    lead_is_title: bool
    reasons: list[str | None]  # why each sentence cannot stand in a summary (None: it can)


def prepare(doc: Doc, headline: str | None = None) -> Prepared | None:
    """Sentences, their features and which may stand in a summary; None for an empty Doc."""
    sents = [s for s in sentences(doc) if span_text(s).strip()]
    if not sents:
        return None
    texts = [clean_text(s, first=i == 0) for i, s in enumerate(sents)]
    lead_is_title = headline is None or repeats_headline(texts[0], headline)
    title_terms = None if lead_is_title else [term(w) for w in WORD.findall(headline.lower())
                                             if w not in STOP_WORDS and len(w) > 1]
    table = SentenceTable(doc, sents, title_terms, quoted_tokens(doc))
    reasons = [rejection(text, table.quoted[i], table.verb[i]) for i, text in enumerate(texts)]
    return Prepared(texts, table, [i for i, why in enumerate(reasons) if why is None], lead_is_title, reasons)


def summarize(doc: Doc, headline: str | None = None) -> list[tuple[str, int]]:
    """Up to five sentences, at most 150 words, as (text, paragraph number), in article order.

    `headline` is the article's title as shown; when it is the lead's own first sentence (an article
    without a headline), the lead still opens the summary and at least one more sentence follows."""
    prepared = prepare(doc, headline)
    if prepared is None:
        return []
    texts, table = prepared.texts, prepared.table
    if not prepared.candidates:
        return [(texts[0], table.paragraphs[0])]
    scorer = load_scorer()
    if scorer.features != FEATURES:
        raise ValueError("summary weights were fitted on other features: rerun scripts/fit_summary_weights.py")
    logits = [scorer.logit(row) for row in table.rows]
    chosen = choose(table, texts, prepared.candidates, logits, lead_first=prepared.lead_is_title)
    return [(texts[i], table.paragraphs[i]) for i in chosen]
