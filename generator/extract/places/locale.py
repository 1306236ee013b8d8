"""Where the newsroom writes from, as far as its words tell: American or Commonwealth spelling, and a
currency only some countries use ("£", "naira", "crore"). A prior for towns when nothing else decides."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from generator import nlp
from generator.extract.places.words import AMERICAN_SPELLINGS, COMMONWEALTH_SPELLINGS, CURRENCY_COUNTRIES

MIN_SPELLINGS = 2  # spelling words needed before the article's spelling says anything
SPELLING_MARGIN = 2.0  # one spelling must outnumber the other this many times
_WORDS = re.compile(r"[a-z]+")
_CURRENCY = re.compile("|".join(rf"\b{re.escape(c)}\b" if c.isalpha() else re.escape(c)
                                for c in sorted(CURRENCY_COUNTRIES, key=len, reverse=True)))


@dataclass(frozen=True)
class Locale:
    spelling: str | None = None  # "american" | "commonwealth"
    country: str | None = None  # ISO code of a currency only that country uses


def read_locale(doc: Doc) -> Locale:
    """The article's spelling and currency country, where they are clear."""
    text = nlp.text_of(doc)
    words = _WORDS.findall(text.lower())
    american = sum(1 for w in words if w in AMERICAN_SPELLINGS)
    commonwealth = sum(1 for w in words if w in COMMONWEALTH_SPELLINGS)
    spelling = None
    if american + commonwealth >= MIN_SPELLINGS:
        if american >= SPELLING_MARGIN * commonwealth:
            spelling = "american"
        elif commonwealth >= SPELLING_MARGIN * american:
            spelling = "commonwealth"
    found = {CURRENCY_COUNTRIES[m.group()] for m in _CURRENCY.finditer(text)}
    return Locale(spelling, found.pop() if len(found) == 1 else None)  # two currencies: no one country
