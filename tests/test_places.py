"""Tests for place extraction: candidates, filtering, context-aware resolution."""
from __future__ import annotations

import pytest

from generator.extract.places import extract_locations
from generator.gazetteer import load


def places(doc_of, paragraphs: list[str], dateline: str | None = None):
    return extract_locations(doc_of(paragraphs), load(), dateline)


def by_name(locations, name: str):
    found = [loc for loc in locations if loc.name == name]
    assert found, f"{name} not in {[loc.name for loc in locations]}"
    return found[0]


@pytest.mark.parametrize("paragraphs, name, kind, country, lat, lon", [
    (["Flooding hit Lagos on Monday, officials in Nigeria said."], "Lagos", "city", "NG", 6.45, 3.39),
    (["The mayor of Paris, Texas, said the town square would reopen."], "Paris", "city", "US", 33.66, -95.56),
    (["Tourists returned to Paris as the Louvre reopened in France."], "Paris", "city", "FR", 48.85, 2.35),
    (["Heavy snow closed roads across Manitoba on Tuesday."], "Manitoba", "region", "CA", 55.0, -97.0),
    (["Protesters gathered outside the embassy in Nairobi, Kenya."], "Kenya", "country", "KE", None, None),
    (["Troops moved toward Kharkiv as shelling continued in Ukraine."], "Kharkiv", "city", "UA", 49.99, 36.23),
    (["Residents of the village of Yahidne described weeks in a basement in Ukraine."], "Yahidne",
     "village", None, None, None),  # not in GeoNames: listed, without a position or country
    # not in GeoNames either, but the town it is written with is: placed (approximately) at Idlib
    (["Shells fell on houses in Zarvoya, a village near Idlib, Syria."], "Zarvoya", "place", "SY", 35.93, 36.63),
])
def test_resolution(doc_of, paragraphs, name, kind, country, lat, lon) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.kind == kind
    assert loc.country == country
    if lat is not None:
        assert abs(loc.lat - lat) < 0.3 and abs(loc.lon - lon) < 0.3


@pytest.mark.parametrize("paragraphs, absent", [
    (["Ukrainian forces held the line, while Russian troops withdrew."], {"Ukrainian", "Russian"}),
    (["The Kyiv Independent reported the strike first."], {"Kyiv"}),
    (["Maria Paris told the court she had never met him."], {"Paris"}),
    # a person's first name tagged as a place, where no other place backs that reading
    (["Georgia Stevens, 9, trains in Red Deer and Calgary, Alberta.",
      "Today Georgia skates six days a week, as Georgia was named champion."], {"Georgia"}),
    # an unknown name tagged as a place, with no word saying it is one ("a clone of", not "in")
    (["The shop was founded by Pellamy, a clone of Zenvo."], {"Zenvo"}),
    # a name tagged as a person that is also a big town, in a country the article is not about
    (["Farmers near Wagga Wagga in New South Wales met Kennedy on Monday to talk about the drought."],
     {"Kennedy"}),
])
def test_not_places(doc_of, paragraphs, absent) -> None:
    names = {loc.name for loc in places(doc_of, paragraphs)}
    assert not names & absent


@pytest.mark.parametrize("paragraphs, name, country", [
    # abbreviations are listed under the place's full name
    (["Officials in the U.S. and the UK condemned the attack."], "United States", "US"),
    (["Officials in the U.S. and the UK condemned the attack."], "United Kingdom", "GB"),
    (["A bridge near Frankfort, Ky., closed after the storm."], "Kentucky", "US"),
    # a country that ends an organisation's name is a place of the article
    (["Forecasters at Environment Canada warned of freezing rain on Tuesday."], "Canada", "CA"),
])
def test_abbreviations_and_suffixes(doc_of, paragraphs, name, country) -> None:
    assert by_name(places(doc_of, paragraphs), name).country == country


def test_dateline_qualifier_picks_the_small_town(doc_of) -> None:
    locs = places(doc_of, ["A barn fire destroyed hay bales on Sunday, the county sheriff said."],
                  dateline="EDMONTON, Ky. (AP)")
    edmonton = by_name(locs, "Edmonton")
    assert edmonton.country == "US" and abs(edmonton.lat - 36.98) < 0.2


def test_one_location_per_place_with_every_paragraph(doc_of) -> None:
    locs = places(doc_of, ["Shelling hit Kharkiv overnight.", "No one was hurt.", "Kharkiv's mayor spoke."])
    kharkiv = [loc for loc in locs if loc.country == "UA" and loc.kind == "city"]
    assert len(kharkiv) == 1 and kharkiv[0].paragraphs == [1, 3]


def test_district_designator(doc_of) -> None:
    locs = places(doc_of, ["Bodies were found in the Brovary district east of Kyiv in Ukraine."])
    loc = next(loc for loc in locs if loc.name.startswith("Brovary"))
    assert loc.kind == "district" and loc.approximate and abs(loc.lat - 50.51) < 0.2


@pytest.mark.parametrize("paragraphs, name, kind, country", [
    # a place named inside an organisation's name, where the article is
    (["Officers of the Ohio State Highway Patrol closed the road near Columbus and Dayton."], "Ohio", "region", "US"),
    # a region and its same-named city: the region unless the city holds a fair part of its people
    (["Voters in Quebec and Ontario went to the polls, Canada's election agency said."], "Quebec", "region", "CA"),
    # "Georgia" does not vote for the country Georgia: the other places say which one
    (["Storms hit Atlanta, Savannah and Macon in Georgia on Friday."], "Georgia", "region", "US"),
    # a city whose name ends in a facility word
    (["Floods hit College Station, Texas, on Monday."], "College Station", "city", "US"),
])
def test_context_and_embedded(doc_of, paragraphs, name, kind, country) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert (loc.kind, loc.country) == (kind, country)


@pytest.mark.parametrize("paragraphs, absent", [
    (["She studied at Harvard University before moving to Boston."], {"Harvard University"}),  # an institution
    (["The Los Angeles Times reported the flooding in Nairobi, Kenya."], {"Los Angeles"}),  # a newspaper
    (["Fans cheered at the Golden Globe ceremony in Beverly Hills, California."], {"Golden"}),  # a common word
    # a military unit named after a place, fighting elsewhere
    (["Russia said the Azov Regiment, which held out in Mariupol, had surrendered."], {"Azov"}),
])
def test_names_inside_names_that_are_not_places(doc_of, paragraphs, absent) -> None:
    names = {loc.name for loc in places(doc_of, paragraphs)}
    assert not names & absent


def test_facility_placed_at_the_town_in_its_name(doc_of) -> None:
    locs = places(doc_of, ["Crowds filled the Vancouver Art Gallery on Sunday, the busiest day in British Columbia."])
    gallery = by_name(locs, "Vancouver Art Gallery")
    assert gallery.kind == "facility" and gallery.approximate and abs(gallery.lat - 49.25) < 0.3


@pytest.mark.parametrize("paragraphs, name, country, lat, lon", [
    (["Police released footage of a street fight in North London on Tuesday."], "North London", "GB", 51.5, -0.13),
    (["Floods hit Western Sydney and the Blue Mountains."], "Western Sydney", "AU", -33.87, 151.2),
])
def test_part_of_a_place_is_placed_approximately_at_it(doc_of, paragraphs, name, country, lat, lon) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.country == country and loc.approximate
    assert abs(loc.lat - lat) < 0.3 and abs(loc.lon - lon) < 0.3


@pytest.mark.parametrize("paragraphs, name, country, lat, lon", [
    # the article names the county the small town is in: that town, not the capital
    (["A barn burned near London on Friday, the Laurel County sheriff said."], "London", "US", 37.13, -84.08),
    (["Firefighters in Paris were called out twice, the County of Brant fire chief said."], "Paris", "CA", 43.19, -80.38),
])
def test_named_county_picks_the_town_inside_it(doc_of, paragraphs, name, country, lat, lon) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.country == country and abs(loc.lat - lat) < 0.3 and abs(loc.lon - lon) < 0.3


@pytest.mark.parametrize("paragraphs, absent", [
    # a one-word small town far from every other town of the article: a first name, not a place
    (["The family gathered in Amarillo, Texas. He leaves his sister Carla and her husband, Conrad, of Lubbock."],
     {"Conrad"}),
])
def test_isolated_small_town_is_dropped(doc_of, paragraphs, absent) -> None:
    names = {loc.name for loc in places(doc_of, paragraphs)}
    assert not names & absent


def test_isolated_small_town_gives_way_to_a_wide_area(doc_of) -> None:
    locs = places(doc_of, ["Exporters in Perth, Western Australia, shipped more wheat to Asia this year."])
    assert by_name(locs, "Asia").kind == "region"


def test_facility_without_evidence_of_its_town_gets_no_coordinates(doc_of):
    found = places(doc_of, ["Shelling hit Kharkiv again on Monday.", "Residents of Kharkiv sheltered in the metro.",
                            "The president spoke during a visit to the Plesetsk Cosmodrome.",
                            "In Kharkiv, the mayor said repairs would take weeks."])
    cosmodrome = next(loc for loc in found if loc.kind == "facility")
    assert (cosmodrome.lat, cosmodrome.lon) == (None, None)


@pytest.mark.parametrize("dateline, body, name", [
    ("BEIJING", "At least two people died in a gas explosion, state media said.", "Beijing"),
    ("EDMONTON, Alberta", "Police in Edmonton arrested a man on Friday.", "Edmonton"),
])
def test_dateline_places_are_not_shouted(doc_of, dateline, body, name):
    found = places(doc_of, [body], dateline=dateline)
    assert name in [loc.name for loc in found]
    assert not any(loc.name.isupper() and len(loc.name) > 4 for loc in found)


@pytest.mark.parametrize("paragraphs, names", [
    # one entity holding a list of places
    (["Police said the boys were traveling south to Ingham or Townsville in Queensland."], {"Ingham", "Townsville"}),
    # a cue word naming a list: "the villages of A and B"
    (["Aid lorries finally reached the hill villages of Nubl and Zahraa, north of Aleppo, on Tuesday."],
     {"Nubl", "Zahraa"}),
    (["The bomb was found in Ludwigshafen, in the state of Rhineland-Palatinate, in Germany."],
     {"Rhineland-Palatinate"}),
    # a place named before an unnamed site: the place, not a facility called "London hospital"
    (["The victim was taken to an east London hospital, police in England said."], {"London"}),
])
def test_lists_cues_and_unnamed_sites(doc_of, paragraphs, names) -> None:
    found = {loc.name for loc in places(doc_of, paragraphs)}
    assert names <= found, found


@pytest.mark.parametrize("paragraphs, absent", [
    # a name tagged as a body that only ever acts is that body, not the village of that name
    (["Two people were killed in a knife attack in Shenzhen, China, state media agency Xinhua said Monday.",
      "Xinhua said the man had left his home in Chongqing."], {"Xinhua"}),
    # a company is named after its founder or brand, not after a town
    (["He was a retiree of Campbell Soup Company, living in Powderly, Texas."], {"Campbell"}),
    # a name ending in a person's surname is that person's
    (["Steve Carlsen is from Paris, Idaho. He is married to Grace Earley Carlsen."], {"Grace"}),
])
def test_agents_companies_and_people_are_not_places(doc_of, paragraphs, absent) -> None:
    names = {loc.name for loc in places(doc_of, paragraphs)}
    assert not names & absent, names


def test_crossing_of_two_streets_is_two_places(doc_of) -> None:
    found = {loc.name for loc in places(doc_of, ["The crash happened at Trafalgar Street-Clarke Road in London, Ont."])}
    assert {"Trafalgar Street", "Clarke Road"} <= found, found


def test_facility_placed_at_the_town_that_owns_it(doc_of) -> None:
    locs = places(doc_of, ["Snow forced 300 flights to be cancelled at Toronto's Pearson International Airport, "
                           "while Ottawa's Macdonald-Cartier International Airport had 41 delays across Canada."])
    for name, lat in (("Pearson International Airport", 43.7), ("Macdonald-Cartier International Airport", 45.4)):
        airport = by_name(locs, name)
        assert airport.kind == "facility" and airport.approximate and abs(airport.lat - lat) < 0.3, airport


@pytest.mark.parametrize("paragraph, name", [
    ("She sold her family home in Gatineau, Que., and moved with her child.", "Quebec"),
    ("The cat was found during a safety check in Wainwright, Alta., by a train conductor.", "Alberta"),
])
def test_province_abbreviation_after_a_town(doc_of, paragraph, name) -> None:
    assert by_name(places(doc_of, [paragraph]), name).kind == "region"


def test_small_town_named_with_its_province_is_kept(doc_of) -> None:
    locs = places(doc_of, ["When Lucy Lau was born in Churchill, Man. her parents did not know if she would live.",
                           "She was flown to a hospital in Winnipeg."])
    assert by_name(locs, "Churchill").country == "CA"


@pytest.mark.parametrize("paragraphs, present", [
    (["The attack in Ankara, Turkey, was condemned by the White House.",
      "The White House condemned the assassination, and a White House spokesman called it heinous."], False),
    (["The president receives a turkey in a ceremony at the White House in Washington."], True),
])
def test_a_building_standing_for_its_people_is_no_place(doc_of, paragraphs, present) -> None:
    names = {loc.name for loc in places(doc_of, paragraphs)}
    assert ("White House" in names) == present, names


@pytest.mark.parametrize("paragraphs, absent", [
    (["The city of Chicago and Johnson have clashed over the budget."], {"Johnson"}),  # no conjunct of the cue
    (["Johnson & Johnson said the vaccine was safe, officials in New Jersey said."], {"Johnson"}),  # a company
    (["She studied economics at Penn."], {"Pennsylvania"}),  # a dot ends the sentence, not an abbreviation
])
def test_no_place_from_lists_companies_or_sentence_ends(doc_of, paragraphs, absent) -> None:
    names = {loc.name for loc in places(doc_of, paragraphs)}
    assert not names & absent, names


@pytest.mark.parametrize("paragraphs, name", [
    (["Mariupol has endured weeks of bombardment in Ukraine."], "Mariupol"),  # a subject, but not speaking
    (["Heathrow Airport staff walked out on Monday, stranding travellers in London."], "Heathrow Airport"),
])
def test_places_acting_or_modifying_are_kept(doc_of, paragraphs, name) -> None:
    by_name(places(doc_of, paragraphs), name)


def test_a_list_of_states_is_not_town_and_state(doc_of) -> None:
    locs = places(doc_of, ["Wildfires burned in Washington, Oregon and California this week."])
    washington = by_name(locs, "Washington")  # the state: not a Washington inside Oregon, nor the capital
    assert washington.kind == "region" and washington.lat > 46.3, washington


def test_a_name_listed_with_states_is_the_state(doc_of) -> None:
    locs = places(doc_of, ["We looked from mid-Ohio to the western borders of Montana and Wyoming,” Fodge says.",
                           "The family moved to Monroe County in Missouri."])
    assert by_name(locs, "Wyoming").kind == "region"


def test_owner_is_found_after_a_capitalised_sentence_opener(doc_of) -> None:
    locs = places(doc_of, ["At Toronto's Pearson International Airport, 300 flights were cancelled across Canada."])
    assert by_name(locs, "Pearson International Airport").country == "CA"


@pytest.mark.parametrize("paragraphs, name, near", [
    (["Volunteers cleared litter from Riverside Park in Shrewsbury, England, on Saturday."], "Riverside Park",
     (52.71, -2.75)),
    (["Anglers on the Wiremu River near Hamilton, New Zealand, reported a record trout."], "Wiremu River",
     (-37.79, 175.28)),
    (["A boy was rescued from Lake Okoye outside Enugu, Nigeria, after his canoe capsized."], "Lake Okoye",
     (6.44, 7.49)),
])
def test_park_or_water_the_gazetteer_lacks_is_placed_at_its_town(doc_of, paragraphs, name, near) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.approximate and abs(loc.lat - near[0]) < 0.5 and abs(loc.lon - near[1]) < 0.5, loc


@pytest.mark.parametrize("sentence, absent", [
    ("The lorry overturned on State Highway 2 north of Napier on Friday.", "State Highway"),
    ("Deputies stopped the car on County Road 14 outside Mankato, Minn.", "County Road"),
    ("Traffic backed up for miles on S. Highway 75 in Denison, Texas.", "S. Highway"),
])
def test_numbered_road_kind_is_no_street(doc_of, sentence, absent) -> None:
    assert absent not in {loc.name for loc in places(doc_of, [sentence])}


@pytest.mark.parametrize("paragraphs, absent", [
    (["The Spring Bake Sale raised $900 for the animal shelter in Bowling Green, Ky., last weekend."], "Spring"),
    (["BY CHAD MORRIS Staff Writer", "The council in Wichita, Kan., approved the budget on Tuesday."], "CHAD"),
    (["Deputies said the pair left Tulsa, Okla., in a silver Dodge Durango late on Friday."], "Durango"),
    (["A grant from the Family Alliance of West Virginia will pay for the new shelter in Beckley."], "Virginia"),
    (["Agents from the Department of Justice arrived in Atlanta on Monday to interview witnesses."], "Justice"),
    (["She studied at the University of Leeds before moving to York to teach."], "University"),
    (["Volunteers cleared rubbish around Silver Creek Lake near Mankato, Minn., on Sunday."], "Silver Creek"),
    (["Peacekeepers in UNAMID reported a calm night around El Fasher, Sudan."], "UNAMID"),
    (["The sergeant called in Lt. Dana Fox as the standoff in Odessa, Texas, dragged on."], "Lt"),
    (["The funeral was at St. Andrew United Methodist Church in Plano, Texas, on Thursday."],
     "United Methodist Church"),
])
def test_words_of_longer_names_are_no_places(doc_of, paragraphs, absent) -> None:
    assert absent not in {loc.name for loc in places(doc_of, paragraphs)}


@pytest.mark.parametrize("paragraphs, name", [
    (["A grant from the Family Alliance of West Virginia will pay for the new shelter in Beckley."],
     "West Virginia"),
    (["She studied at the University of Leeds before moving to York to teach."], "Leeds"),
    (["The Texas Forest Service warned of high fire danger around Lufkin this week."], "Texas"),
    (["Pruitt, who chairs the Calcasieu Parish School Board, drove to Lake Charles, La., for the vote."],
     "Calcasieu Parish"),
])
def test_places_named_in_organisations(doc_of, paragraphs, name) -> None:
    by_name(places(doc_of, paragraphs), name)


@pytest.mark.parametrize("paragraphs, name, near", [
    (["Crews from Lower Paxton Twp. helped put out the warehouse fire in Harrisburg, Pa., on Sunday."],
     "Lower Paxton Twp.", (40.27, -76.88)),
    (["Trustees in Jackson Township voted to repave roads near Canton, Ohio, this summer."], "Jackson Township",
     (40.80, -81.38)),
])
def test_township_is_listed_at_its_town(doc_of, paragraphs, name, near) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.kind == "township" and loc.approximate, loc
    assert abs(loc.lat - near[0]) < 0.5 and abs(loc.lon - near[1]) < 0.5, loc
