"""Word lists for the figures extractor (the open-questions lists are in extract/questions/words.py)."""
from __future__ import annotations

# --- figures ---------------------------------------------------------------------------

# hedges written before a number, longest first so "just over" wins over "over"
QUALIFIERS = [
    "no fewer than", "no more than", "in excess of", "upwards of", "as many as", "as much as",
    "as few as", "as high as", "as low as", "as little as", "more than", "less than",
    "fewer than", "at least", "at most", "up to", "close to", "just over", "just under",
    "well over", "an estimated", "estimated", "nearly", "almost", "about", "around",
    "roughly", "approximately", "some", "over", "under", "below", "above", "only", "just",
    "possibly", "perhaps", "maybe", "barely", "exactly", "precisely",
]
# verbs that make a number a ceiling or threshold: "could surpass 20,000"
THRESHOLD_VERBS = {
    "surpass", "exceed", "top", "reach", "hit", "pass", "rise", "climb", "double", "triple",
}
MODALS = {"could", "may", "might", "will", "would", "should", "can"}

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD",
    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    "₽": "RUB", "₴": "UAH",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupee": "INR",
    "rupees": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "francs": "CHF", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "cad": "CAD", "aud": "AUD",
}
# written after "$45,000 US" or before "$": which dollar it is
DOLLAR_MARKERS = {"us": "USD", "u.s.": "USD", "cdn": "CAD", "canadian": "CAD", "australian": "AUD"}

TIME_UNITS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "century", "centuries",
}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr",
    "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
    "oct", "oct.", "nov", "nov.", "dec", "dec.",
}
CLOCK_WORDS = {
    "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "bst", "cet", "est",
    "edt", "pst", "pdt", "et", "pt", "hrs", "local",
}
# "Section 1031", "Flight 17", "No. 2": the number names something, it does not count it
IDENTIFIER_WORDS = {
    "no.", "no", "number", "#", "section", "form", "article", "chapter", "route", "highway",
    "flight", "room", "page", "paragraph", "level", "phase", "grade", "category", "model",
    "version", "bill", "resolution", "amendment", "ward", "terminal", "gate", "platform",
    "channel", "station", "unit", "district", "precinct", "division", "interstate", "i-",
    "apartment", "apt", "apt.", "suite", "box", "vol.", "volume", "item", "rule", "title",
    "class", "tier", "stage", "row", "lot", "exit", "block", "building", "floor", "line",
    "act", "pier", "bay", "zone", "sector", "code", "season", "episode", "series",
}
STREET_WORDS = {
    "st", "st.", "street", "ave", "ave.", "avenue", "road", "rd", "rd.", "blvd", "blvd.",
    "boulevard", "lane", "ln", "drive", "dr", "dr.", "way", "place", "court", "square",
    "highway", "parkway", "terrace",
}
# a number after one of these refers back to things already counted: "the two sides"
BACK_REFERENCE = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your"}
# "7 to 2", "3-1": two numbers linked like a tally
SCORE_LINKS = {"to", "-", "–"}
# words a counted phrase must not end on: "payments to the"
DANGLING_WORDS = {"the", "a", "an", "to", "of", "in", "for", "from", "and", "or", "by", "with", "on", "at"}

# reporting verbs whose subject is a figure's source
SAY_VERBS = {
    "said", "says", "say", "told", "tells", "tell", "reported", "reports", "report", "stated",
    "states", "announced", "announces", "estimated", "estimates", "confirmed", "confirms",
    "added", "adds", "claimed", "claims", "wrote", "writes", "tweeted", "noted", "notes",
    "showed", "shows", "revealed", "reveals", "according", "insisted", "estimate",
}
# a counted noun's verb turned into the participle used in `counts`
PARTICIPLES = {
    "killing": "killed", "kill": "killed", "kills": "killed", "injuring": "injured",
    "wounding": "wounded", "displacing": "displaced", "leaving": "left", "forcing": "forced",
    "evacuating": "evacuated", "arresting": "arrested", "hurting": "hurt", "hurt": "hurt",
    "detaining": "detained", "rescuing": "rescued", "affecting": "affected",
}
