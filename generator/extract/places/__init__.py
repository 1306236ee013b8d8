"""Places mentioned in the article, resolved against the offline gazetteer (GeoNames, CC BY 4.0).

mentions.py and cued.py find what may be a place; context.py reads the article's own geography;
resolution.py ranks each name's readings in it; filters.py decides what is a place; locations.py
makes the briefing's list."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.places.candidates import prior_best
from generator.extract.places.context import Context, apply_qualifiers
from generator.extract.places.cued import dateline_mentions, loose_mentions
from generator.extract.places.filters import (WIDE_FEATURES, confident, isolated, keep, place_head, sited_feature,
                                             supported,
                                             without_agents)
from generator.extract.places.headline import HEADLINE_PARAGRAPH, backed, headline_mentions
from generator.extract.places.locale import Locale, read_locale
from generator.extract.places.locations import Group, facility_place, home, location, main_town, street_place
from generator.extract.places.mentions import Mention, entity_mentions, person_tokens
from generator.extract.places.resolution import read_geography, resolve
from generator.extract.places.streets import street_mentions
from generator.extract.places.written import written_mentions
from generator.gazetteer import Gazetteer, name_key
from generator.models import Location

__all__ = ["extract_locations"]


def extract_locations(doc: Doc, gazetteer: Gazetteer, dateline: str | None = None,
                      weights: dict[str, tuple[float, ...]] | None = None) -> list[Location]:
    """Every place with its kind, country and coordinates, in order of first mention (`weights`
    replaces the shipped ranker's, for fitting it)."""
    mentions, context = read_mentions(doc, gazetteer, dateline, weights)
    groups: dict[object, Group] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        place = resolve(m.places, context, m.text) if m.places else None
        if place is not None and isolated(place, m, context):
            # the best reading is a doubtful small town: a reading near the article's places, a wide area
            # of that name ("Asia"), else none
            place = (resolve(supported(m.places, m, context), context, m.text)
                     or resolve(tuple(p for p in m.places if p.exact and p.feature in WIDE_FEATURES), context, m.text))
            if place is None:
                continue
        if m.designator == "township":
            place = None  # placed at the town written with it, below ("Jackson Township" has no town Jackson)
        key = (place.id if place is not None and not (m.facility or m.part)
               else name_key(m.surface if m.part else m.text))
        groups.setdefault(key, Group(place=place)).mentions.append(m)
    town = home(groups.values())
    inner_towns = []
    for group in groups.values():
        if group.mentions[0].facility:
            place, inner = facility_place(doc, group.mentions[0], gazetteer, context)
            group.place = place or town
            if inner is not None:  # "the Winnipeg hospital", "Vancouver Art Gallery": the town is listed too
                inner_towns.append((place, inner))
        elif group.mentions[0].street:
            group.place = (street_place(group.mentions[0], mentions, groups.values()) or town
                           or main_town(groups.values()))
        elif group.mentions[0].designator == "township":
            # at the town written with it, else its namesake town when that is where the article is
            first = group.mentions[0]
            own = resolve(supported(first.places, first, context), context, first.text)
            group.place = (street_place(first, mentions, groups.values()) or own or town
                           or main_town(groups.values()))
            group.sited = group.place is not None
        elif group.place is None and sited_feature(group.mentions[0].text):
            # a park, lake or river the gazetteer does not hold: at its town, as a street is, approximate
            group.place = (street_place(group.mentions[0], mentions, groups.values()) or town
                           or main_town(groups.values()))
            group.sited = group.place is not None
        elif group.place is None and group.mentions[0].label in ("GPE", "CUE") and not place_head(group.mentions[0].text):
            # a village the gazetteer lacks ("in Marrowby"): near the town its paragraph names, approximate
            group.place = street_place(group.mentions[0], mentions, groups.values())
            group.sited = group.place is not None
    for place, inner in inner_towns:
        groups.setdefault(place.id, Group(place=place)).mentions.append(inner)
    for group in groups.values():
        group.mentions.sort(key=lambda m: m.start)
    return [location(group, gazetteer) for group in sorted(groups.values(), key=lambda g: g.mentions[0].start)]


def read_mentions(doc: Doc, gazetteer: Gazetteer, dateline: str | None = None,
                  weights: dict[str, tuple[float, ...]] | None = None) -> tuple[list[Mention], Context]:
    """The mentions that are places (the headline's last), and the article's context (every candidate
    mention of the body and the headline in it)."""
    dateline = dateline or doc.user_data.get("dateline")
    people = person_tokens(doc)
    streets = street_mentions(doc)
    written = written_mentions(doc, gazetteer)
    found = [m for m in entity_mentions(doc, gazetteer) if not _inside(m, streets) and not _inside(m, written)]
    mentions = without_agents([m for m in found + written if keep(m, people)])
    mentions += dateline_mentions(dateline, gazetteer)
    apply_qualifiers(doc, mentions, gazetteer)
    heads = headline_mentions(doc, gazetteer, people)
    locale = read_locale(doc)
    voters = mentions + heads
    context = _context(voters, weights, locale)
    mentions = [m for m in mentions if confident(m, context, people)]
    loose = loose_mentions(doc, gazetteer, mentions, context, people)
    if loose:  # new names: the geography is read again with them
        context = _context(voters + loose, weights, locale)
    # a name the body uses is the body's place: the headline's mention of it adds nothing
    named = {name_key(m.text) for m in voters + loose if m.paragraph != HEADLINE_PARAGRAPH}
    heads = [m for m in heads if name_key(m.text) not in named and confident(m, context, people)
             and backed(m, context)]
    return sorted(mentions + loose + streets + heads, key=lambda m: m.start), context


def _inside(m: Mention, others: list[Mention]) -> bool:
    """The mention is part of one of `others` ("Martin Luther King" of "Martin Luther King Parkway"), or
    is the same name ("Paris" of "Betty Dunkerson, of Paris")."""
    end = m.start + len(m.surface)
    return any(s.start <= m.start and end <= s.end for s in others)


def _context(voters: list[Mention], weights, locale: Locale) -> Context:
    """The article's geography read from `voters`, and each mention's reading in it."""
    context = Context.of(voters, {id(m): prior_best(m.places) for m in voters})
    context.weights, context.locale = weights or {}, locale
    read_geography(context, voters)
    readings = {id(m): resolve(m.places, context, m.text) for m in voters}
    fresh = Context.of(voters, readings)
    fresh.weights, fresh.geography, fresh.locale = context.weights, context.geography, context.locale
    fresh.geography.scores = {}  # they were read with best-known readings of the listed names
    fresh.voters = voters
    return fresh
