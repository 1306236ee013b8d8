"""Places named in the article's own headline, read from its Doc of its own (nlp.headline_doc)."""
from __future__ import annotations

from spacy.tokens import Doc

from generator import nlp
from generator.extract.places.context import Context, apply_qualifiers
from generator.extract.places.filters import keep, without_agents
from generator.extract.places.mentions import Mention, entity_mentions, person_tokens
from generator.extract.places.resolution import resolve
from generator.gazetteer import Gazetteer, name_key

TOWN_FEATURES = ("P", "PC", "A2")  # towns and counties: the readings that have namesakes everywhere

HEADLINE_PARAGRAPH = 0  # the number a headline's mentions carry: before paragraph 1, and linked nowhere


def headline_mentions(doc: Doc, gazetteer: Gazetteer, people: set[str]) -> list[Mention]:
    """The headline's place names ("Derby man jailed", "Springfield council backs new library"), as
    mentions placed after the article's text (paragraph 0): they vote in the article's geography with
    the body's names and are read in it (read_mentions keeps those the body does not name itself).

    Facilities are left out: where they are is read from the words around them in the body."""
    head = nlp.headline_doc(doc)
    if head is None:
        return []
    people = people | person_tokens(head)
    found = without_agents([m for m in entity_mentions(head, gazetteer)
                            if not m.facility and keep(m, people)])
    apply_qualifiers(head, found, gazetteer)
    offset = len(nlp.text_of(doc)) + len(nlp.SEPARATOR)  # offsets past the body: never one of its spans
    for m in found:
        m.start, m.end, m.paragraph = m.start + offset, m.end + offset, HEADLINE_PARAGRAPH
    return found


def backed(m: Mention, context: Context) -> bool:
    """A town or county only the headline names is listed when the body's towns lie around its reading,
    or it is in a region the body names, or the body names no town: a headline's "Manhattan" in a story
    about Kansas teams is no pin in New York (better missed than put in the wrong state)."""
    best = resolve(m.places, context, m.text) if m.places else None
    if best is None or best.feature not in TOWN_FEATURES:
        return True
    key = name_key(m.text)
    others = [q for k, q in context.points if k != key]
    return not others or context.near(best, m) or context.in_named_region(best, key)
