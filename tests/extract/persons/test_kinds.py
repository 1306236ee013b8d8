"""Person or organisation, from the article's own use of a name (sentences in AP, Reuters, BBC and
Guardian styles, written for these tests)."""
from __future__ import annotations

import pytest

from generator.extract.persons import extract_organisations, extract_people

# (paragraphs, people that must be listed, organisations that must be listed and not as people)
KIND_CASES = [
    pytest.param(["Goldman Sachs said its profits rose 12 percent.", "Goldman Sachs shares fell."],
                 [], ["Goldman Sachs"], id="reuters-bank-not-a-person"),
    pytest.param(["Lloyds TSB have raised their mortgage rates, the bank said.",
                  "Analyst Tom Harris said Lloyds TSB had little choice."],
                 ["Tom Harris"], ["Lloyds TSB"], id="bbc-plural-agreement"),
    pytest.param(["Harwell Rovers confirmed the signing on Friday.", "Harwell Rovers are top of the league."],
                 [], ["Harwell Rovers"], id="bbc-club-name-word"),
    pytest.param(["England coach Sven Lindqvist said he was happy with the squad.",
                  "Lindqvist will name his team on Friday."],
                 ["Sven Lindqvist"], [], id="bbc-coach-and-he"),
    pytest.param(["Jean-Marc Dubois, the foreign minister, met the envoy.", "Dubois said the talks were useful."],
                 ["Jean-Marc Dubois"], [], id="ap-appositive-role"),
    pytest.param(["Wales: Rhys Evans, Huw Pritchard, Gethin Morgan, Dafydd Lloyd.",
                  "Gethin Morgan said he was proud to be picked."],
                 ["Rhys Evans", "Huw Pritchard", "Gethin Morgan", "Dafydd Lloyd"], [], id="bbc-line-up"),
    pytest.param(["The Alliance for Safer Streets held a rally on Sunday.",
                  "Its director, Maya Chen, addressed the crowd."],
                 ["Maya Chen"], [], id="guardian-lowercase-words-in-a-name"),
]


@pytest.mark.parametrize("paragraphs, people, orgs", KIND_CASES)
def test_person_or_organisation(doc_of, paragraphs, people, orgs):
    doc = doc_of(paragraphs)
    names = [p.name for p in extract_people(doc)]
    organisations = [o.name for o in extract_organisations(doc)]
    assert all(name in names for name in people), names
    assert not any(name in organisations for name in people), organisations
    assert all(name in organisations for name in orgs), organisations
    assert not any(name in names for name in orgs), names


def test_people_section_and_speakers_use_one_name(doc_of):
    from generator.extract.quotes import extract_quotes

    doc = doc_of(["Hillary Clinton's doctor said she was fit.",
                  "In the administration of former President Bill Clinton, the couple kept it quiet.",
                  "“I had a clot behind my knee,” Clinton wrote in 2003."])
    assert [q.speaker for q in extract_quotes(doc)] == ["Hillary Clinton"]
    assert [p.name for p in extract_people(doc)] == ["Hillary Clinton", "Bill Clinton"]
