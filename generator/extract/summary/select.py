"""Pick the summary's sentences: the best-scored within a short word budget, then the story's figures."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.extract.summary.features import SentenceTable

MAX_SENTENCES = 5
MAX_WORDS = 150  # the hard limit of a summary
CORE_WORDS = 70  # the bottom line: about three sentences of news prose (docs/accuracy.md: the curve)
LENGTH_COST = 0.5  # a sentence's value is divided by words ** this: two short facts beat one long one
MORE_FIGURES = 2  # sentences added beyond the core, each a count or amount about someone not yet named


def words(text: str) -> int:
    return len(text.split())


def choose(table: SentenceTable, texts: list[str], candidates: list[int], logits: list[float],
           lead_first: bool) -> list[int]:
    """Indices of the chosen sentences, in article order.

    Greedy within CORE_WORDS: each step takes the sentence with the most probability per
    (words ** LENGTH_COST) that still fits. Then up to MORE_FIGURES sentences that state a figure
    with an event and name a recurring person or place the summary has not named yet: a story
    that counts several separate things (a toll here, an arrest there) tells how many for each."""
    probability = {i: 1 / (1 + math.exp(-logits[i])) for i in candidates}
    chosen: list[int] = []
    total = 0
    covered: set[str] = set()

    def take(i: int) -> None:
        nonlocal total
        chosen.append(i)
        total += words(texts[i])
        covered.update(table.cast[i])

    if lead_first and 0 in probability:
        take(0)  # with no headline, the lead is the only statement of the story the reader gets first
    while len(chosen) < MAX_SENTENCES:
        fits = [i for i in candidates if i not in chosen and total + words(texts[i]) <= CORE_WORDS]
        if not fits:
            break
        take(max(fits, key=lambda i: (probability[i] / words(texts[i]) ** LENGTH_COST, -i)))
    rest = [i for i in candidates if i not in chosen and total + words(texts[i]) <= MAX_WORDS]
    if rest and (not chosen or lead_first and chosen == [0]):
        # nothing fitted the core budget, or only the lead, which the page already shows as the title
        take(max(rest, key=lambda i: (probability[i], -i)))
    added = 0
    for i in sorted(candidates, key=lambda i: (-probability[i], i)):
        if added == MORE_FIGURES or len(chosen) == MAX_SENTENCES:
            break
        if i in chosen or not (table.figure[i] and table.event[i]) or table.dangling[i]:
            continue
        if table.cast[i] - covered and total + words(texts[i]) <= MAX_WORDS:
            take(i)
            added += 1
    return sorted(chosen)
