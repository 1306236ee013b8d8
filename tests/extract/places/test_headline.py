"""Places named only in the headline: listed (paragraph 0), read in the geography of the article's body."""
from __future__ import annotations

import pytest

from generator import nlp as nlp_module
from generator.extract.places import extract_locations
from generator.gazetteer import load
from generator.models import Article


def article(headline: str, paragraphs: list[str]) -> Article:
    return Article(source="t.txt", slug="t", date="2024-03-05", headline=headline, paragraphs=paragraphs)


def places(nlp, headline: str, paragraphs: list[str]):
    return extract_locations(nlp_module.parse(article(headline, paragraphs)), load())


# (headline, body, name, country, lat, lon): the town is only in the headline; the body says which one
HEADLINE_ONLY = [
    ("Flooding closes roads around Ballarat",
     ["Emergency crews worked through the night after a storm dropped 80mm of rain on western Victoria.",
      "The State Emergency Service said Ararat also reported damage."], "Ballarat", "AU", -37.57, 143.85),
    ("Springfield council backs new library",
     ["Aldermen voted 7-2 on Tuesday to spend $4 million on the building, the Sangamon County board said.",
      "Work could start in the spring, officials in Illinois said."], "Springfield", "US", 39.80, -89.64),
    ("Derby man jailed for arson attack",
     ["A 34-year-old was sentenced at Nottingham Crown Court on Friday after setting fire to a neighbour's car."],
     "Derby", "GB", 52.92, -1.48),
    # US namesakes: the body's county and towns say which one
    ("Manhattan coach steps down after 12 seasons",
     ["The coach led the team to three state titles, beating Topeka and Wichita along the way."],
     "Manhattan", "US", 39.18, -96.57),
    ("Paris teen wins county spelling bee",
     ["The 13-year-old beat 40 others at the library in Lamar County, Texas, on Saturday."],
     "Paris", "US", 33.66, -95.56),
    ("Dublin council approves park plan",
     ["Commissioners in Franklin County voted 5-0, and neighbouring Hilliard and Powell will share the cost."],
     "Dublin", "US", 40.10, -83.11),
    ("Kaduna traders protest new market levy",
     ["Hundreds of traders marched to the state assembly on Monday, police said.",
      "Similar protests were held in Zaria last week."], "Kaduna", "NG", 10.53, 7.44),
]


@pytest.mark.parametrize("headline,paragraphs,name,country,lat,lon", HEADLINE_ONLY)
def test_a_place_only_the_headline_names_is_listed(nlp, headline, paragraphs, name, country, lat, lon):
    found = {loc.name: loc for loc in places(nlp, headline, paragraphs)}
    assert name in found, list(found)
    loc = found[name]
    assert (loc.country, loc.paragraphs) == (country, [0])
    assert abs(loc.lat - lat) < 0.3 and abs(loc.lon - lon) < 0.3


def test_a_headline_town_far_from_every_town_of_the_body_is_left_out(nlp):
    found = places(nlp, "Manhattan man charged after chase",
                   ["Police said the 31-year-old drove from Albuquerque to San Diego before he was stopped."])
    assert "Manhattan" not in {loc.name for loc in found}
    assert {"Albuquerque", "San Diego"} <= {loc.name for loc in found}


def test_a_name_in_headline_and_body_is_one_place_with_the_bodys_paragraphs(nlp):
    found = places(nlp, "Fire destroys barn near Lancaster",
                   ["A barn fire near Lancaster destroyed hay bales on Friday, the Lancashire fire service said."])
    lancaster = [loc for loc in found if loc.name == "Lancaster"]
    assert len(lancaster) == 1
    assert (lancaster[0].country, lancaster[0].paragraphs) == ("GB", [1])


@pytest.mark.parametrize("headline,paragraphs,not_places", [
    ("Jordan Henderson signs new deal",
     ["The midfielder agreed a three-year contract with the club on Thursday, his agent said."], {"Jordan"}),
    ("Chelsea Clinton to speak at commencement",
     ["The former first daughter will address graduates in May, the university said."], {"Chelsea", "Clinton"}),
])
def test_a_person_in_the_headline_is_no_place(nlp, headline, paragraphs, not_places):
    assert not {loc.name for loc in places(nlp, headline, paragraphs)} & not_places


@pytest.mark.parametrize("headline,lead,own", [
    ("Council approves budget for Leeds", "Councillors in York approved the budget on Monday.", True),
    # an article without a headline line: the reader takes the lead's first sentence as its headline
    ("Councillors in York approved the budget on Monday.",
     "Councillors in York approved the budget on Monday. The vote was close.", False),
    ("Councillors in York approved the budget on Monday…",
     "Councillors in York approved the budget on Monday and left.", False),
    ("", "Councillors in York approved the budget on Monday.", False),
])
def test_only_a_headline_of_its_own_is_parsed(nlp, headline, lead, own):
    doc = nlp_module.parse(article(headline, [lead]))
    assert (nlp_module.headline_doc(doc) is not None) is own
    assert (nlp_module.own_headline(article(headline, [lead])) is not None) is own


def test_parse_many_keeps_each_articles_headline(nlp):
    articles = [article("Flooding closes roads around Ballarat", ["Crews worked overnight in Victoria."]),
                article("Crews worked overnight in Victoria.", ["Crews worked overnight in Victoria."]),
                article("Derby man jailed", ["He was sentenced in Nottingham."])]
    heads = [nlp_module.headline_doc(d) for d in nlp_module.parse_many(articles)]
    assert [h.text if h is not None else None for h in heads] == [
        "Flooding closes roads around Ballarat", None, "Derby man jailed"]
    assert all(h is None or (nlp_module.paragraph_of(h, 0) == 0 and h.has_annotation("DEP")
                             and h.has_annotation("ENT_IOB")) for h in heads)
