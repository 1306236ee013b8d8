"""The same words quoted again later in the article (a lede phrase repeated, an item re-run in a live
file) are one key quote, not two."""
from __future__ import annotations

import re

from generator.models import Quote

WORDS = re.compile(r"[^\W_]+")


def wording(text: str) -> tuple[str, ...]:
    """The quote's words, case and punctuation aside: "And they're terrifying," = "and they're terrifying."."""
    return tuple(w.casefold() for w in WORDS.findall(text))


def without_repeats(quotes: list[Quote]) -> list[Quote]:
    """Each wording once per speaker: the first mention that names a speaker (else the first), so the
    quote keeps the paragraph that says who said it. The same words from two speakers stay apart."""
    chosen: dict[int, int] = {}  # first index of a wording and speaker -> the index kept for it
    seen: dict[tuple[str, ...], list[int]] = {}  # wording -> first indices
    for k, quote in enumerate(quotes):
        firsts = seen.setdefault(wording(quote.text), [])
        same = [j for j in firsts if quotes[chosen[j]].speaker == quote.speaker
                or not quotes[chosen[j]].speaker or not quote.speaker]
        if not same:
            firsts.append(k)
            chosen[k] = k
        elif not quotes[chosen[same[0]]].speaker and quote.speaker:
            chosen[same[0]] = k
    return [quotes[k] for k in sorted(chosen.values())]
