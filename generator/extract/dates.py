"""Dates mentioned in the article, relative ones ("Tuesday") resolved against the article date."""
from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.tokens import Doc

from generator.models import DateMention
from generator.nlp import paragraph_of

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(?:(last|next|this|on)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# Vague spans that name no date worth listing.
VAGUE = re.compile(r"^(the\s+)?(early|late|recent|coming|past|next|last)?\s*(days|weeks|months|years|"
                   r"decades?|time|period|era)$|^(daily|weekly|monthly|annual|annually|recently)$",
                   re.IGNORECASE)
# A length of time ("two months", "the past 18 years", "more than a week"): it names no date unless
# it is counted from one ("two months ago"), which this pattern leaves to the resolver.
UNITS = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centuries)s?"
AMOUNT = (r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"fifteen|twenty|thirty|forty|fifty|a few|few|several|a couple of|couple of|many|some|"
          r"dozens of|hundreds of|a dozen|half an?|\d+(?:\.\d+)?-)")
DURATION = re.compile(r"^(?:(?:about|around|roughly|nearly|almost|just|only|more than|less than|fewer than|"
                      r"over|under|at least|up to|some|the|a|an|past|last|next|coming|first|final|"
                      r"previous|following|another|full|whole|entire)\s+)*"
                      + AMOUNT + r"(?:\s+(?:and a half|or so|more|full|long))?\s*-?\s*" + UNITS
                      + r"(?:\s+(?:long|old|straight|running|or so|and a half))?$", re.IGNORECASE)
PERIOD_FORMAT = {"year": "%Y", "month": "%Y-%m"}


def resolve_weekday(text: str, base: dt.date) -> str | None:
    """News convention: a bare weekday is the latest such day on or before the article date."""
    match = WEEKDAY.search(text)
    if not match:
        return None
    modifier = (match.group(1) or "").lower()
    target = WEEKDAYS.index(match.group(2).lower())
    back = (base.weekday() - target) % 7
    if modifier == "next":
        return (base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)).isoformat()
    if modifier == "last" and back == 0:
        back = 7
    return (base - dt.timedelta(days=back)).isoformat()


@functools.lru_cache(maxsize=64)
def date_parser(base: dt.date):
    """dateparser's parser, reading relative expressions against `base`."""
    import dateparser.date  # imported lazily: it takes a moment to load its language data

    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


def resolve(text: str, base: dt.date | None) -> str | None:
    """Resolve a date expression to ISO (YYYY, YYYY-MM or YYYY-MM-DD), or None."""
    if re.fullmatch(r"(in |since |until |by )?(\d{4})s?", text.strip(), re.IGNORECASE):
        return re.search(r"\d{4}", text).group()
    if base is None:
        return None
    weekday = resolve_weekday(text, base)
    if weekday:
        return weekday
    try:
        data = date_parser(base).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    return data.date_obj.strftime(PERIOD_FORMAT.get(data.period, "%Y-%m-%d"))


def extract_dates(doc: Doc, article_date: str | None) -> list[DateMention]:
    """Every DATE entity with its resolved date, once per (text, date); unresolvable ones are
    kept only when the article has no date to resolve them against."""
    base = dt.date.fromisoformat(article_date) if article_date else None
    mentions: list[DateMention] = []
    seen: set[tuple[str, str | None]] = set()
    for ent in doc.ents:
        if ent.label_ != "DATE" or VAGUE.match(ent.text.strip()) or DURATION.match(ent.text.strip()):
            continue
        text = ent.text.strip()
        resolved = resolve(text, base)
        if resolved is None and base is not None:
            continue  # durations and ages ("1.5 months", "13-year-old") name no date
        key = (text.lower(), resolved)
        if key in seen:
            continue
        seen.add(key)
        mentions.append(DateMention(text=text, date=resolved, paragraph=paragraph_of(doc, ent)))
    return mentions
