"""People and organisations: full names, merged mentions, roles."""
from __future__ import annotations

import pytest

from generator.extract.persons import extract_organisations, extract_people


@pytest.mark.parametrize("paragraphs, name, role", [
    (["Pentagon spokesman John Kirby said the U.S. could not confirm the report."], "John Kirby", "Pentagon spokesman"),
    (["Mykhailo Podolyak, an adviser to the president, said talks had stalled."], "Mykhailo Podolyak",
     "an adviser to the president"),
    (["Germany's Finance Minister Christian Lindner rejected the plan on Monday."], "Christian Lindner",
     "Germany's Finance Minister"),
    (["The company's chief executive, Mary Barra, announced the recall."], "Mary Barra", None),
    (["Angela Merkel arrived in Paris.", "Merkel later met the French president."], "Angela Merkel", None),
])
def test_people_and_roles(doc_of, paragraphs, name, role):
    people = {p.name: p for p in extract_people(doc_of(paragraphs))}
    assert name in people
    if role:
        assert people[name].role == role


def test_surname_mentions_merge_into_the_full_name(doc_of):
    doc = doc_of(["Senator Elizabeth Warren questioned the bank's chief.",
                  "Warren said the bank had cheated customers.", "Later, Warren left the hearing."])
    people = extract_people(doc)
    assert [p.name for p in people] == ["Elizabeth Warren"]
    assert people[0].mentions == 3
    assert people[0].paragraph == 1


def test_places_passed_as_exclusions_are_not_people(doc_of):
    doc = doc_of(["Russian forces withdrew from areas around Kyiv.", "Fighting near Kyiv continued."])
    names = [p.name for p in extract_people(doc, exclude={"Kyiv"})]
    assert "Kyiv" not in names


def test_organisations_are_deduplicated(doc_of):
    doc = doc_of(["The World Health Organization warned of a new wave.",
                  "The world health organization later said cases were falling at Google."])
    orgs = [o.name for o in extract_organisations(doc)]
    assert orgs.count("World Health Organization") == 1


@pytest.mark.parametrize("paragraphs, kept, dropped", [
    (["Ukraine's Deputy Defense Minister Hanna Maliar said officials were investigating."], [], ["Defense"]),
    (["Pentagon spokesman John Kirby said the U.S. could not confirm the report."], ["Pentagon"], []),
    (["Apple CEO Tim Cook said sales rose."], ["Apple"], []),
])
def test_portfolio_words_in_titles_are_not_organisations(doc_of, paragraphs, kept, dropped):
    orgs = [o.name for o in extract_organisations(doc_of(paragraphs))]
    assert all(name in orgs for name in kept), orgs
    assert not any(name in orgs for name in dropped), orgs


@pytest.mark.parametrize("paragraphs, name", [
    pytest.param(["Chief Constable Mark Webb appealed for witnesses on Tuesday."], "Mark Webb", id="chief-constable"),
    pytest.param(["Sergeant Keira Lomas was first on the scene, the court heard."], "Keira Lomas", id="sergeant"),
    pytest.param(["Cllr Ann Fox, who leads the council, opposed the plan."], "Ann Fox", id="councillor-abbreviated"),
    pytest.param(["Det Insp Sue Hart said inquiries were continuing."], "Sue Hart", id="detective-inspector"),
    pytest.param(["Former Miss Universe Carla Mendes said she would sue the organisers."], "Carla Mendes",
                 id="contest-title-before-the-name"),
])
def test_uk_ranks_are_not_part_of_the_name(doc_of, paragraphs, name):
    assert name in [p.name for p in extract_people(doc_of(paragraphs))]


@pytest.mark.parametrize("paragraphs, kept, dropped, role", [
    (["In Hull on Friday, Only Fools and Horses star Derek Lane opened the new library."], "Derek Lane", "Fools",
     "Only Fools and Horses star"),
    (["Strictly Come Dancing judge Ann Moore said the final had been hard to watch."], "Ann Moore", "Come Dancing",
     "Come Dancing judge"),
    (["The new President, Pavel Dorn, opened parliament with a short speech."], "Pavel Dorn", "President", None),
    (["On Thursday Prime Minister Ilse Brandt called a snap election for May."], "Ilse Brandt", "Thursday",
     "Prime Minister"),
])
def test_titles_and_shows_are_not_people(doc_of, paragraphs, kept, dropped, role):
    people = {p.name: p for p in extract_people(doc_of(paragraphs))}
    assert kept in people and not any(dropped in name for name in people)
    if role:
        assert people[kept].role == role


def test_a_person_named_in_a_title_and_elsewhere_is_kept(doc_of):
    doc = doc_of(["Senator Mark Olsen toured the plant on Monday.", "Olsen aide Jo Ray said the visit was private.",
                  "Olsen did not speak to reporters."])
    names = [p.name for p in extract_people(doc)]
    assert "Mark Olsen" in names and "Jo Ray" in names


def test_a_title_after_and_belongs_to_the_second_person(doc_of):
    doc = doc_of(["Senator Ann Lee and Labour leader Jo Ray criticised the plan on Monday."])
    people = {p.name: p for p in extract_people(doc)}
    assert people["Jo Ray"].role == "Labour leader"


@pytest.mark.parametrize("paragraphs, name, role", [
    (["Speaking in London Labour leader Jo Ray said the vote was close."], "Jo Ray", "Labour leader"),
    (["The club said on Tuesday Rovers striker Dan Okafor would miss the derby."], "Dan Okafor", "Rovers striker"),
    (["Outside the hall on Friday Labour MP Ann Cole said the plan was dead."], "Ann Cole", "Labour MP"),
])
def test_a_phrase_of_place_or_time_is_not_part_of_the_role(doc_of, paragraphs, name, role):
    people = {p.name: p for p in extract_people(doc_of(paragraphs))}
    assert name in people
    assert people[name].role == role
