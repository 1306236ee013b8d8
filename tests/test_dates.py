"""Relative dates resolved against the article date (news convention for weekdays)."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.dates import extract_dates, resolve

TUESDAY = dt.date(2022, 4, 12)


@pytest.mark.parametrize("text, expected", [
    ("Tuesday", "2022-04-12"),        # the article's own weekday is that day
    ("Monday", "2022-04-11"),
    ("on Wednesday", "2022-04-06"),   # a bare weekday is the latest one on or before the date
    ("last Tuesday", "2022-04-05"),
    ("next Monday", "2022-04-18"),
    ("yesterday", "2022-04-11"),
    ("two weeks ago", "2022-03-29"),
    ("Sept. 26", "2021-09-26"),
    ("March 3, 2020", "2020-03-03"),
    ("last month", "2022-03"),
    ("1999", "1999"),
    ("since 2014", "2014"),
])
def test_resolve(text, expected):
    assert resolve(text, TUESDAY) == expected


def test_weekday_without_article_date_is_unresolved():
    assert resolve("Tuesday", None) is None


def test_extract_dates_keeps_paragraph_and_skips_durations(doc_of):
    doc = doc_of(["The mayor said on Monday that 403 bodies had been found.",
                  "The siege has lasted more than 1.5 months, and a 13-year-old boy was killed."])
    mentions = extract_dates(doc, "2022-04-12")
    assert [(m.text, m.date, m.paragraph) for m in mentions] == [("Monday", "2022-04-11", 1)]


@pytest.mark.parametrize("sentence", [
    "The bridge repairs finished two months ahead of schedule, the council said.",
    "She has run the shelter for the past 18 years.",
    "Talks went on for more than a week before a deal was struck.",
    "The festival, a four-day event, drew large crowds.",
])
def test_lengths_of_time_name_no_date(doc_of, sentence):
    """A length of time is not a date: listing "two months" as two months before the article date
    would state something the article does not."""
    assert extract_dates(doc_of([sentence]), "2024-01-02") == []


@pytest.mark.parametrize("sentence, text, date", [
    ("The bridge opened two months ago, the council said.", "two months ago", "2023-11"),
    ("The shelter moved last year.", "last year", "2023"),
])
def test_times_counted_from_the_article_date_are_kept(doc_of, sentence, text, date):
    assert [(m.text, m.date) for m in extract_dates(doc_of([sentence]), "2024-01-02")] == [(text, date)]
