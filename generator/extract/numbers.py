"""Find number phrases in a sentence's tokens and read them as plain values."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from generator.extract import cues

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "mln": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000, "tn": 1_000_000_000_000,
}
# "a dozen", "dozens of", "thousands of": the conventional floor of a vague amount
VAGUE_WORDS = {
    "dozen": 12, "dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000, "tens": 10,
}
FRACTION_WORDS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
RANGE_LINKS = {"to", "or", "-", "–", "—"}
DIGITS = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
DIGITS_WITH_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|m|mn|k|tn|b)$", re.IGNORECASE)


@dataclass
class NumberPhrase:
    """One number as written: tokens [start, end) of the Doc, its value, and a range's upper bound."""

    start: int
    end: int
    value: float
    upper: float | None = None
    fraction: bool = False
    vague: bool = False  # "thousands of", "dozens of"
    plus: bool = False  # "10+"


def digit_value(text: str) -> float | None:
    """'10,000' -> 10000.0, '-40' -> -40.0, '5bn' -> 5e9; None when not a plain number."""
    text = text.replace("−", "-")
    if DIGITS.match(text):
        return float(text.replace(",", ""))
    scaled = DIGITS_WITH_SCALE.match(text)
    if scaled:
        return float(scaled.group(1)) * SCALE_WORDS[scaled.group(2).lower()]
    return None


def is_number_start(token: Token) -> bool:
    """Can a number phrase begin at this token?"""
    low = token.lower_
    if digit_value(token.text) is not None or low in UNITS_WORDS or low in TENS_WORDS:
        return True
    if low in VAGUE_WORDS and low != "dozen":
        return True
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if low in {"a", "an", "half"} and nxt is not None:
        return nxt.lower_ in {"dozen", "hundred", "thousand", "million", "billion", "third", "quarter"} \
            or (low == "half" and nxt.lower_ == "a")
    return False


def read_number(tokens: Span, i: int) -> NumberPhrase | None:
    """Read the longest number phrase starting at doc index i (within `tokens`)."""
    doc, end_limit = tokens.doc, tokens.end
    words: list[str] = []
    j = i
    while j < end_limit:
        tok = doc[j]
        low = tok.lower_
        if digit_value(tok.text) is not None or low in UNITS_WORDS or low in TENS_WORDS \
                or low in SCALE_WORDS and (words or low not in {"m", "b", "k"}) and low != "b" \
                or low in VAGUE_WORDS or low in FRACTION_WORDS and words:
            if words and digit_value(tok.text) is not None and digit_value(words[-1]) is not None:
                break  # "9 10" are two numbers
            if words and low in UNITS_WORDS | TENS_WORDS and words[-1] in SCALE_WORDS \
                    and words[-1] not in {"hundred"}:
                break  # "million two" is not one number
            words.append(low if digit_value(tok.text) is None else tok.text)
            j += 1
            if low in FRACTION_WORDS:
                break
            continue
        if low in {"a", "an"} and not words and j + 1 < end_limit:
            words.append(low)
            j += 1
            continue
        if low == "half" and not words:
            words.append(low)
            j += 1
            continue
        if tok.text in {"-", "–"} and words and j + 1 < end_limit and not tok.whitespace_ \
                and (doc[j + 1].lower_ in UNITS_WORDS or doc[j + 1].lower_ in FRACTION_WORDS) \
                and words[-1] in TENS_WORDS | UNITS_WORDS.keys() | {"a", "one"}:
            j += 1  # "twenty-three", "two-thirds"
            continue
        if low == "of" and words and words[-1] in VAGUE_WORDS and j + 1 < end_limit \
                and doc[j + 1].lower_ in {"thousands", "millions", "billions"}:
            j += 1  # "tens of thousands"
            continue
        if low == "and" and words and words[-1] in {"hundred", "thousand"} and j + 1 < end_limit \
                and (doc[j + 1].lower_ in UNITS_WORDS or doc[j + 1].lower_ in TENS_WORDS):
            j += 1  # "one hundred and fifty"
            continue
        break
    value = words_value(words)
    if value is None:
        return None
    phrase = NumberPhrase(i, j, value[0], fraction=value[1], vague=value[2])
    if j < end_limit and doc[j].text == "+" and not doc[j - 1].whitespace_:
        phrase.plus = True
        phrase.end = j + 1
    return phrase


def words_value(words: list[str]) -> tuple[float, bool, bool] | None:
    """Value of a word list, whether it is a fraction, whether it is vague ('thousands of')."""
    if not words or words in (["a"], ["an"], ["half"]):
        return None
    total, current, fraction, vague, seen = 0.0, 0.0, False, False, False
    for k, word in enumerate(words):
        if word in {"a", "an"}:
            current = 1.0
        elif word == "half" and k == 0:
            current = 0.5
        elif digit_value(word) is not None:
            current += digit_value(word)
            seen = True
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word in FRACTION_WORDS:
            current = (current or 1.0) * FRACTION_WORDS[word]
            fraction = True
        elif word in VAGUE_WORDS:
            if word == "dozen":
                current = (current or 1.0) * 12
            elif current and word != "tens":
                current *= VAGUE_WORDS[word]
            else:
                current = (current or 1.0) * VAGUE_WORDS[word]
                vague = word != "dozen"
            seen = True
        elif word in SCALE_WORDS:
            current = (current or 1.0) * SCALE_WORDS[word]
            seen = True
            if SCALE_WORDS[word] >= 1000:
                total += current
                current = 0.0
        else:
            return None
    if not seen and not fraction:
        return None
    return total + current, fraction, vague


def find_numbers(sent: Span) -> list[NumberPhrase]:
    """Every number phrase in a sentence, with ranges ('30 to 40', 'five or six') joined."""
    found: list[NumberPhrase] = []
    i = sent.start
    while i < sent.end:
        token = sent.doc[i]
        if is_number_start(token):
            phrase = read_number(sent, i)
            if phrase is not None:
                found.append(phrase)
                i = phrase.end
                continue
        i += 1
    return join_ranges(sent, found)


def join_ranges(sent: Span, phrases: list[NumberPhrase]) -> list[NumberPhrase]:
    """'30 to 40' / 'five or six' / 'between 30 and 40' -> one phrase with an upper bound."""
    doc, out = sent.doc, []
    k = 0
    while k < len(phrases):
        first = phrases[k]
        if k + 1 < len(phrases):
            second = phrases[k + 1]
            gap = doc[first.end:second.start]
            link = [t.text.lower() for t in gap if t.text != "$"]
            between = first.start > sent.start and doc[first.start - 1].lower_ == "between"
            if (link and link[0] in RANGE_LINKS and len(link) == 1 or between and link == ["and"]) \
                    and second.value > first.value and not first.fraction:
                # a scale on the upper bound only ("$3 to $4 million") applies to both
                lower = first.value
                if lower < 1000 <= second.value and doc[second.end - 1].lower_ in SCALE_WORDS:
                    lower *= SCALE_WORDS[doc[second.end - 1].lower_]
                out.append(NumberPhrase(first.start, second.end, lower, upper=second.value,
                                        vague=first.vague, plus=second.plus))
                k += 2
                continue
        out.append(first)
        k += 1
    return out


def is_score(sent: Span, phrase: NumberPhrase) -> bool:
    """'The vote was 7 to 2', 'won 3-1': a tally, not an amount ('rose from 6 to 3' is an amount)."""
    doc = sent.doc
    after = doc[phrase.end:min(phrase.end + 2, sent.end)]
    before = doc[max(phrase.start - 2, sent.start):phrase.start]
    if len(after) == 2 and after[0].lower_ in cues.SCORE_LINKS and after[1].like_num:
        other, first = after[1], doc[phrase.start]
    elif len(before) == 2 and before[1].lower_ in cues.SCORE_LINKS and before[0].like_num:
        other, first = before[0], before[0]
    else:
        return False
    return first.i == sent.start or doc[first.i - 1].lower_ not in {"from", "between"} and other.like_num


def tidy(counts: str) -> str:
    """Counts without punctuation debris: 'protect from ( Russian ) troops ,' -> 'protect from Russian troops'."""
    words = [w for w in counts.split() if any(c.isalnum() for c in w) or w in {"'s", "’s"}]
    text = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")
    while text.split() and text.split()[-1].lower() in cues.DANGLING_WORDS:
        text = text.rsplit(" ", 1)[0] if " " in text else ""
    return text
