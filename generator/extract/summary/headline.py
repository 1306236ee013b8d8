"""Whether a summary sentence is the headline the page already shows (no spaCy: the renderer uses it)."""
from __future__ import annotations

from generator.extract.summary.words import DATELINE, STATEMENT_END


def repeats_headline(sentence: str, headline: str) -> bool:
    """True when the sentence is the headline: a headline taken from the lead's first sentence,
    maybe shortened with '…', maybe split at another full stop than the parser's."""
    shortened = headline.rstrip().endswith("…")
    # the headline keeps the lead's dateline ("LONDON (Reuters) -"), the summary's sentence does not
    sentence, headline = (DATELINE.sub("", " ".join(text.split()), count=1).rstrip("…").strip()
                          for text in (sentence, headline))
    if not sentence or not headline:
        return False
    if headline.startswith(sentence):
        return True
    return sentence.startswith(headline) and (shortened or bool(STATEMENT_END.search(headline)))


def without_headline(summary: list[str], paragraphs: list[int], headline: str) -> list[tuple[str, int]]:
    """The summary's (sentence, paragraph) pairs the page has not already shown as its headline."""
    pairs = list(zip(summary, list(paragraphs) + [0] * (len(summary) - len(paragraphs))))
    return [(s, p) for s, p in pairs if not repeats_headline(s, headline)] or pairs
