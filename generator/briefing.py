"""make_briefing(article, doc) -> Briefing: calls every extractor; no I/O."""
from __future__ import annotations

from spacy.tokens import Doc

from generator import __version__
from generator.extract.dates import extract_dates
from generator.extract.demonyms import extract_demonym_countries
from generator.extract.figures import extract_figures
from generator.extract.people import extract_organisations, extract_people
from generator.extract.places import extract_locations
from generator.extract.questions import extract_open_questions
from generator.extract.quotes import extract_quotes
from generator.extract.summary import summarize
from generator.gazetteer import Gazetteer
from generator.models import Article, Briefing


def make_briefing(article: Article, doc: Doc, gazetteer: Gazetteer) -> Briefing:
    """Run every section's extractor over one parsed article."""
    locations = extract_locations(doc, gazetteer, dateline=article.dateline)
    place_names = {loc.name for loc in locations}
    quotes = extract_quotes(doc)
    summary = summarize(doc)
    people = extract_people(doc, exclude=place_names)
    name_words = {word for person in people for word in person.name.split()}
    return Briefing(
        source=article.source,
        slug=article.slug,
        date=article.date,
        headline=article.headline,
        dateline=article.dateline,
        summary=[text for text, _ in summary],
        summary_paragraphs=[paragraph for _, paragraph in summary],
        quotes=quotes,
        locations=locations,
        implied_places=extract_demonym_countries(doc, gazetteer, locations),
        figures=extract_figures(doc),
        open_questions=extract_open_questions(doc),
        people=people,
        organisations=extract_organisations(doc, exclude=place_names | name_words),
        dates=extract_dates(doc, article.date),
        paragraphs=list(article.paragraphs),
        credits=list(article.credits),
        warnings=list(article.warnings),
        generator_version=__version__,
    )
