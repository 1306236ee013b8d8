"""The one schema: dataclasses that feed both the JSON twin and the templates.

Every extracted item carries `paragraph`, the 1-based number of the source paragraph
it came from, so the briefing can link each item back to the article text.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Article:
    """An input file read into metadata and body paragraphs (no NLP yet)."""

    source: str  # file name the article came from
    slug: str  # safe page name from the file name (build.py makes clashing ones unique)
    date: str | None  # ISO date "YYYY-MM-DD", or None when the file has none (or an invalid one)
    headline: str
    paragraphs: list[str]
    dateline: str | None = None  # "KYIV (AP)" style location prefix of the first paragraph
    credits: list[str] = field(default_factory=list)  # "*Additional reporting by ..." lines
    warnings: list[str] = field(default_factory=list)  # problems found while reading
    # provenance, where the input says so (web pages, feeds, JSON Lines; a .txt has none)
    publisher: str | None = None  # the site or feed that published it ("The Western Courier")
    authors: list[str] = field(default_factory=list)
    url: str | None = None  # the original article: http or https only, anything else dropped
    teaser: bool = False  # a feed entry that holds only the article's teaser, not its text


@dataclass
class Quote:
    text: str  # the words inside the quotation marks, without the marks
    speaker: str | None  # the person or organisation, resolved to its fullest name
    paragraph: int
    role: str | None = None  # "Pentagon spokesman", "an adviser to Ukrainian President ..."
    speaker_kind: str | None = None  # "person" | "organisation" | "role" (unnamed: `role` as written) | None
    cue: str | None = None  # the reporting verb ("said", "told")


@dataclass
class Location:
    name: str  # as written in the article
    kind: str  # country | region | district | township | city | village | facility | place
    lat: float | None
    lon: float | None
    country: str | None = None  # ISO 3166 alpha-2 code
    country_name: str | None = None
    approximate: bool = False  # position of an enclosing place, not the place itself
    geonameid: int | None = None
    paragraphs: list[int] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # the other names the article uses for it, as written

    @property
    def paragraph(self) -> int:
        return self.paragraphs[0] if self.paragraphs else 0


@dataclass
class Figure:
    value: float | int  # the plain number stated: "10 million" -> 10000000
    text: str  # the figure as written ("more than 10 million")
    counts: str  # what is counted ("Ukrainians driven from their homes")
    paragraph: int
    qualifier: str | None = None  # "more than", "could surpass", "nearly"
    unit: str | None = None  # "USD", "percent", ...
    where: str | None = None
    source: str | None = None  # according to whom
    context: str = ""  # the sentence it comes from


@dataclass
class OpenQuestion:
    question: str
    evidence: str  # the sentence(s) that leave it open
    paragraph: int
    cue: str = ""  # the cue that raised it (a word family: alleged, possible, plan, ...)
    paragraphs: list[int] = field(default_factory=list)  # of the one or two evidence sentences
    # what leaves it open: unverified, denied, contested, alleged, investigating, pending, forecast, plan, unknown
    kind: str = ""


@dataclass
class Person:
    name: str
    paragraph: int
    role: str | None = None
    mentions: int = 1


@dataclass
class Organisation:
    name: str
    paragraph: int
    mentions: int = 1


@dataclass
class DateMention:
    text: str  # as written ("Tuesday", "two weeks ago")
    date: str | None  # resolved ISO date, when it can be resolved against the article date
    paragraph: int


@dataclass
class Briefing:
    """Everything the site shows about one article."""

    source: str
    slug: str
    date: str | None
    headline: str
    dateline: str | None
    summary: list[str]
    quotes: list[Quote]
    locations: list[Location]
    figures: list[Figure]
    open_questions: list[OpenQuestion]
    people: list[Person]
    organisations: list[Organisation]
    dates: list[DateMention]
    paragraphs: list[str]
    credits: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    summary_paragraphs: list[int] = field(default_factory=list)
    # countries the article concerns only through demonyms ("Ukrainian forces"): counted on the
    # country's page, not listed as places mentioned
    implied_places: list[Location] = field(default_factory=list)
    generator_version: str = ""
    # provenance, copied from the Article (see there)
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    teaser: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON twin: plain types only, stable key order."""
        data = dataclasses.asdict(self)
        for name in ("locations", "implied_places"):
            for loc, raw in zip(getattr(self, name), data[name]):
                raw["paragraph"] = loc.paragraph
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Briefing":
        """Rebuild a Briefing from its JSON twin (used by the build cache)."""
        fields = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in fields}
        for name, item_type in SECTION_TYPES.items():
            item_fields = {f.name for f in dataclasses.fields(item_type)}
            values[name] = [item_type(**{k: v for k, v in raw.items() if k in item_fields})
                            for raw in data.get(name, [])]
        return cls(**values)


SECTION_TYPES: dict[str, type] = {
    "quotes": Quote,
    "locations": Location,
    "implied_places": Location,
    "figures": Figure,
    "open_questions": OpenQuestion,
    "people": Person,
    "organisations": Organisation,
    "dates": DateMention,
}
