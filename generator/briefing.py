"""make_briefing(article, doc) -> Briefing: calls every extractor; no I/O."""
from __future__ import annotations

import logging
from collections.abc import Callable

from spacy.tokens import Doc

from generator import __version__
from generator.extract.dates import extract_dates
from generator.extract.demonyms import extract_demonym_countries
from generator.extract.figures import extract_figures
from generator.extract.persons import extract_organisations, extract_people
from generator.extract.places import extract_locations
from generator.extract.questions import extract_open_questions
from generator.extract.quotes import extract_quotes
from generator.extract.summary import summarize
from generator.gazetteer import Gazetteer
from generator.models import Article, Briefing

log = logging.getLogger(__name__)


def make_briefing(article: Article, doc: Doc, gazetteer: Gazetteer) -> Briefing:
    """Run every section's extractor over one parsed article.

    A section whose extractor fails is left empty with a warning on the page (and in the log):
    one extractor's bug must not cost the reader the other sections."""
    warnings = list(article.warnings)

    def section(name: str, extractor: Callable[[], list]) -> list:
        try:
            return extractor()
        except Exception as exc:  # noqa: BLE001 - reported on the page, the rest still builds
            log.exception("%s: %s extraction failed", article.source, name)
            warnings.append(f"{name} could not be extracted ({type(exc).__name__}: {exc})")
            return []

    locations = section("places", lambda: extract_locations(doc, gazetteer, dateline=article.dateline))
    place_names = {loc.name for loc in locations}
    summary = section("summary", lambda: summarize(doc, headline=article.headline))
    people = section("people", lambda: extract_people(doc, exclude=place_names))
    name_words = {word for person in people for word in person.name.split()}
    return Briefing(
        source=article.source,
        slug=article.slug,
        date=article.date,
        headline=article.headline,
        dateline=article.dateline,
        summary=[text for text, _ in summary],
        summary_paragraphs=[paragraph for _, paragraph in summary],
        quotes=section("quotes", lambda: extract_quotes(doc)),
        locations=locations,
        implied_places=section("countries", lambda: extract_demonym_countries(doc, gazetteer, locations)),
        figures=section("figures", lambda: extract_figures(doc)),
        open_questions=section("open questions", lambda: extract_open_questions(doc)),
        people=people,
        organisations=section("organisations",
                              lambda: extract_organisations(doc, exclude=place_names | name_words)),
        dates=section("dates", lambda: extract_dates(doc, article.date)),
        paragraphs=list(article.paragraphs),
        credits=list(article.credits),
        warnings=warnings,
        generator_version=__version__,
        publisher=article.publisher,
        authors=list(article.authors),
        url=article.url,
        teaser=article.teaser,
    )
