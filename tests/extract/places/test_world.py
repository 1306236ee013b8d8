"""Places in news from many countries: the article's own geography decides between namesakes."""
from __future__ import annotations

import pytest

from generator.extract.places import extract_locations
from generator.gazetteer import load


def places(doc_of, paragraphs: list[str], dateline: str | None = None):
    return extract_locations(doc_of(paragraphs), load(), dateline)


def by_name(locations, name: str):
    found = [loc for loc in locations if loc.name == name or name in loc.aliases]
    assert found, f"{name} not in {[(loc.name, loc.aliases) for loc in locations]}"
    return found[0]


# (paragraphs, name, country, lat, lon): written in the styles of newsrooms in each country
CASES = [
    # UK: London boroughs and towns that have American namesakes
    (["Police in Enfield are appealing for witnesses after a car was set alight near Edmonton Green station.",
      "Officers from the Metropolitan Police said the fire spread to a neighbouring house in Tottenham."],
     "Enfield", "GB", 51.65, -0.08),
    (["The council in Norfolk has approved 400 new homes on the edge of Norwich, despite objections from "
      "residents in nearby Wymondham."], "Norwich", "GB", 52.63, 1.30),
    (["Flooding closed roads between Lancaster and Morecambe on Tuesday, Lancashire County Council said."],
     "Lancaster", "GB", 54.05, -2.80),
    # Ireland
    (["Gardaí in Athlone are investigating a burglary at a shop on the town's main street, while a second "
      "break-in was reported in Mullingar, Co Westmeath."], "Athlone", "IE", 53.42, -7.94),
    (["The Galway hurlers beat Kilkenny in Thurles on Sunday in front of 40,000 supporters."],
     "Thurles", "IE", 52.68, -7.80),
    # India
    (["Heavy rain lashed Pune and Thane on Monday, and the Maharashtra government shut schools for two days."],
     "Thane", "IN", 19.20, 72.97),
    (["The state government of Kerala said 12 people had died in landslides near Kozhikode."],
     "Kozhikode", "IN", 11.25, 75.78),
    # Nigeria
    (["Gunmen attacked a village near Zaria in Kaduna State, police spokesman said, and fled towards Katsina."],
     "Zaria", "NG", 11.11, 7.72),
    (["Traders in Onitsha shut their shops as the Anambra State government announced new levies, while "
      "markets in Enugu stayed open."], "Onitsha", "NG", 6.15, 6.79),
    # Australia
    (["Firefighters are battling a blaze near Ballarat as temperatures across Victoria pass 40 degrees, "
      "and residents of Bendigo were told to stay alert."], "Bendigo", "AU", -36.76, 144.28),
    (["A shark was sighted off Newcastle beach, and lifeguards in Port Stephens closed two beaches, "
      "Surf Life Saving NSW said."], "Newcastle", "AU", -32.93, 151.78),
    # Canada
    (["The Hamilton Tiger-Cats will play in Regina on Saturday, and the team flies back to Ontario on Sunday."],
     "Regina", "CA", 50.45, -104.61),
    (["A house fire in London, Ont., left a family of four homeless, and a second fire was reported in "
      "St. Thomas the same night."], "London", "CA", 42.98, -81.23),
    # US local papers: the state named, abbreviated, or only implied by the other towns
    (["PARIS, Tenn. (AP) — The Henry County sheriff said two men were arrested after a chase."],
     "Paris", "US", 36.30, -88.33),
    (["A tornado damaged barns near Athens, and Tyler and Palestine reported power outages across East Texas."],
     "Athens", "US", 32.20, -95.86),
    (["The Indiana town of Lebanon will vote on a new school tax, Boone County officials said."],
     "Lebanon", "US", 40.05, -86.47),
    (["Hall County deputies responded to a wreck on the outskirts of Gainesville, the Georgia State Patrol "
      "said."], "Gainesville", "US", 34.30, -83.82),
    (["CHARLESTON, W.Va. -- The state Senate passed a road bill, said Sen. Ann Harper, D-Logan."],
     "Charleston", "US", 38.35, -81.63),
]


@pytest.mark.parametrize("paragraphs, name, country, lat, lon", CASES)
def test_the_article_decides_the_namesake(doc_of, paragraphs, name, country, lat, lon) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.country == country, loc
    assert abs(loc.lat - lat) < 0.5 and abs(loc.lon - lon) < 0.5, loc


@pytest.mark.parametrize("paragraphs, absent", [
    # a footballer's surname and a software product are no American villages
    (["Kane scored twice as Tottenham beat Burnley, and Son added a third before half-time at White Hart Lane."],
     {"Kane", "Son"}),
    (["The bank said customers using Outlook could not log in, and its engineers in Dublin worked overnight."],
     {"Outlook"}),
    # a man named after a town, in an Australian story
    (["Premier Daniel Andrews said the Melbourne line would reopen, while Andrews also visited Geelong."],
     {"Andrews"}),
])
def test_names_that_are_not_places(doc_of, paragraphs, absent) -> None:
    names = {loc.name for loc in places(doc_of, paragraphs)}
    assert not names & absent, names


def test_no_american_namesakes_in_british_news(doc_of) -> None:
    found = places(doc_of, [
        "Residents of Richmond and Kingston said the colour of the river had changed after the storm.",
        "The council's neighbourhood team in Twickenham said the towpath would reopen at the weekend."])
    towns = [loc for loc in found if loc.kind in ("city", "village")]
    assert towns and all(loc.country == "GB" for loc in towns), [(loc.name, loc.country) for loc in found]


@pytest.mark.parametrize("paragraphs, name, aliases", [
    (["Officials in the UK said Britain would send more aid."], "United Kingdom", {"UK", "Britain"}),
    (["The U.S. imposed sanctions, and the United States said more would follow."], "United States", {"U.S."}),
])
def test_aliases_keep_the_names_the_article_uses(doc_of, paragraphs, name, aliases) -> None:
    loc = by_name(places(doc_of, paragraphs), name)
    assert loc.name == name and aliases <= set(loc.aliases), loc


@pytest.mark.parametrize("dateline, paragraph, state, written", [
    ("BECKLEY, W.Va. -", "State lawmakers passed the road bill late on Friday.", "West Virginia", "W.Va."),
    ("SALEM, Ore. —", "The governor signed the budget on Monday, aides said.", "Oregon", "Ore."),
    ("FRANKFORT, Ky. (AP)", "The legislature adjourned without a pension deal.", "Kentucky", "Ky."),
])
def test_a_datelines_state_is_listed_whatever_dash_follows(doc_of, dateline, paragraph, state, written) -> None:
    found = places(doc_of, [paragraph], dateline)
    loc = by_name(found, state)
    assert loc.country == "US" and written in loc.aliases
