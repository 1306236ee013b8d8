"""Streets, facilities and the places news conventions mark (datelines in the text, a legislator's home,
where a person is from, lists before "counties"), in sentences written for these tests."""
from __future__ import annotations

import pytest

from generator.extract.places import extract_locations
from generator.extract.places.locale import read_locale
from generator.gazetteer import load


def places(doc_of, paragraphs: list[str], dateline: str | None = None):
    return extract_locations(doc_of(paragraphs), load(), dateline)


def by_name(locations, name: str):
    found = [loc for loc in locations if loc.name == name]
    assert found, f"{name} not in {[loc.name for loc in locations]}"
    return found[0]


@pytest.mark.parametrize("paragraphs, street, town, lat, lon", [
    # a street tagged as a person, placed at the town written after it
    (["Firefighters were called to a house on Sylvan Road in Gainesville, Georgia, shortly after midnight."],
     "Sylvan Road", "Gainesville", 34.30, -83.82),
    # an address: house number, street, town
    (["Services will be held at 2 p.m. at the funeral home, 618 E. Main Street, Annville, Pennsylvania."],
     "E. Main Street", "Annville", 40.33, -76.52),
    # a British street in a London story
    (["Police closed Felixstowe Road in Ipswich after a gas leak on Monday, Suffolk Police said."],
     "Felixstowe Road", "Ipswich", 52.06, 1.16),
])
def test_streets_are_placed_at_their_town(doc_of, paragraphs, street, town, lat, lon) -> None:
    found = places(doc_of, paragraphs)
    road = by_name(found, street)
    assert road.kind == "street" and road.approximate, road
    assert abs(road.lat - lat) < 0.5 and abs(road.lon - lon) < 0.5, road
    by_name(found, town)


@pytest.mark.parametrize("paragraphs, absent", [
    # streets that stand for a market or a government
    (["Shares fell on Wall Street after Downing Street announced the budget."], {"Wall Street", "Downing Street"}),
    # "St." before a name is a saint
    (["He was treated at St. Paul's Hospital in Vancouver."], {"St."}),
])
def test_figurative_streets_and_saints_are_not_streets(doc_of, paragraphs, absent) -> None:
    streets = {loc.name for loc in places(doc_of, paragraphs) if loc.kind == "street"}
    assert not streets & absent, streets


def test_the_town_inside_a_facility_is_listed_too(doc_of) -> None:
    found = places(doc_of, ["Crowds filled the Vancouver Art Gallery on Sunday, the busiest day in British Columbia."])
    gallery, town = by_name(found, "Vancouver Art Gallery"), by_name(found, "Vancouver")
    assert gallery.approximate and (gallery.lat, gallery.lon) == (town.lat, town.lon)


@pytest.mark.parametrize("paragraphs, name, country, lat, lon", [
    # a dateline inside the text, with an AP state abbreviation
    (["The council met on Monday.", "FAIRFIELD, Conn. -- Police say a woman was hurt in a crash."],
     "Fairfield", "US", 41.14, -73.26),
    # a legislator's party and home town
    (["The bill was written by Rep. Jane Moore, D-Iowa City, and passed 60-38."], "Iowa City", "US", 41.66, -91.53),
    # where a person is from
    (["Machinists Tom Keller of Wahoo and Ana Ruiz of Seward won the award, the Nebraska union said."],
     "Wahoo", "US", 41.21, -96.62),
])
def test_conventions_mark_places(doc_of, paragraphs, name, country, lat, lon) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.country == country and abs(loc.lat - lat) < 0.5 and abs(loc.lon - lon) < 0.5, loc


def test_names_before_counties_are_counties(doc_of) -> None:
    found = places(doc_of, ["The jobless rate rose in Clarke, Madison and Oconee counties, the Georgia "
                            "labor department said."])
    for name in ("Clarke", "Madison", "Oconee"):
        county = by_name(found, name)
        assert county.kind == "district" and county.country == "US" and 33.5 < county.lat < 34.5, county


@pytest.mark.parametrize("text, spelling, country", [
    ("The council said the colour of the new centre would suit the neighbourhood.", "commonwealth", None),
    ("The theater's new color scheme pleased the neighborhood, the center's director said.", "american", None),
    ("Tickets cost £40 and the colour of the theatre's seats was new.", "commonwealth", "GB"),
    ("The project will cost 12 crore, officials said.", None, "IN"),
    ("Traders said the naira fell again against the dollar.", None, "NG"),
    ("The mayor spoke on Tuesday.", None, None),
])
def test_locale_from_spelling_and_currency(doc_of, text, spelling, country) -> None:
    locale = read_locale(doc_of([text]))
    assert (locale.spelling, locale.country) == (spelling, country)
