"""A few sentences that tell what happened: salient, varied, in article order.

Extractive: each sentence is scored by how much of the article's recurring cast (people,
places, organisations) it names, whether it states a number, and how early it comes; then
sentences are picked greedily with a penalty for repeating what is already picked (MMR),
within a sentence and word budget.
"""
from __future__ import annotations

import math
import re

from spacy.tokens import Doc, Span

from generator.nlp import paragraph_of, sentences

MAX_SENTENCES = 5
MAX_WORDS = 140  # the site shows the summary on the home page; keep it to one screen
MIN_WORDS, MAX_SENTENCE_WORDS = 7, 55
SALIENT_LABELS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT"}
NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
RECURRING = 2  # an entity named this often is part of the story's cast
EVENT_WORDS = {  # what makes a sentence news: harm, movement, decisions, discoveries
    "kill", "killed", "dead", "death", "deaths", "die", "died", "wounded", "injured", "injuries",
    "bodies", "toll", "casualties", "victims", "missing", "arrested", "charged", "fled", "displaced",
    "evacuated", "destroyed", "attack", "attacked", "bombed", "shelling", "fire", "fired", "crashed",
    "found", "discovered", "announced", "approved", "passed", "elected", "won", "lost", "resigned",
    "banned", "signed", "agreed", "rejected", "launched", "withdrawal", "invasion", "offensive",
    "claimed", "accused", "alleged", "denied", "warned", "threatened", "dropped", "seized",
}
REDUNDANCY = 0.7  # weight of the overlap penalty against already-chosen sentences
QUOTE_MARKS = re.compile(r"[\"“”]")
BOILERPLATE = re.compile(r"^(click|subscribe|sign up|read more|follow us|share this|advertisement|"
                         r"this story|this article|warning:|editor'?s note|related:|watch:)",
                         re.IGNORECASE)


def entity_key(ent: Span) -> str:
    words = ent.text.lower().replace("’s", "").replace("'s", "").split()
    return words[-1] if ent.label_ == "PERSON" else " ".join(w for w in words if w != "the")


def quoted_share(sent: Span) -> float:
    """Share of the sentence's characters inside quotation marks."""
    marks = [m.start() for m in QUOTE_MARKS.finditer(sent.text)]
    inside = sum(marks[i + 1] - marks[i] for i in range(0, len(marks) - 1, 2))
    return inside / max(len(sent.text), 1)


def candidates(doc: Doc) -> list[Span]:
    found = []
    for sent in sentences(doc):
        words = len(sent.text.split())
        if MIN_WORDS <= words <= MAX_SENTENCE_WORDS and quoted_share(sent) < 0.5 \
                and not BOILERPLATE.match(sent.text.strip()) and sent.text.strip()[-1:] != ":":
            found.append(sent)
    return found


def entities_by_sentence(doc: Doc, sentences: list[Span]) -> dict[int, list[Span]]:
    """Entities of each sentence in one pass (Span.ents scans every entity of the Doc)."""
    found: dict[int, list[Span]] = {s.start: [] for s in sentences}
    starts = sorted(found)
    ends = {s.start: s.end for s in sentences}
    i = 0
    for ent in doc.ents:
        while i < len(starts) and ends[starts[i]] <= ent.start:
            i += 1
        if i < len(starts) and starts[i] <= ent.start:
            found[starts[i]].append(ent)
    return found


def summarize(doc: Doc) -> list[tuple[str, int]]:
    """Up to five sentences as (text, paragraph number), in article order."""
    frequency: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in SALIENT_LABELS:
            frequency[entity_key(ent)] = frequency.get(entity_key(ent), 0) + 1
    pool = candidates(doc) or sentences(doc)[:1]
    ents = entities_by_sentence(doc, pool)
    keys = {s.start: {entity_key(e) for e in ents[s.start] if e.label_ in SALIENT_LABELS} for s in pool}

    def base_score(sent: Span) -> float:
        cast = sum(math.log1p(frequency[k]) for k in keys[sent.start] if frequency[k] >= RECURRING)
        number = 1.5 if any(e.label_ in NUMBER_LABELS for e in ents[sent.start]) else 0.0
        event = 1.0 if any(t.lower_ in EVENT_WORDS for t in sent) else 0.0
        position = 3.0 / (1 + paragraph_of(doc, sent) / 3)
        return cast + number + event + position

    scores = {s.start: base_score(s) for s in pool}
    chosen = [pool[0]]  # the lead states the story; every summary starts from it
    words = len(pool[0].text.split())
    while len(chosen) < MAX_SENTENCES:
        covered = set().union(*(keys[c.start] for c in chosen))
        best, best_value = None, -math.inf
        for sent in pool:
            if sent in chosen or words + len(sent.text.split()) > MAX_WORDS:
                continue
            new = keys[sent.start] - covered
            overlap = len(keys[sent.start] & covered) / (len(keys[sent.start]) or 1)
            value = scores[sent.start] - REDUNDANCY * overlap * scores[sent.start] + 0.5 * len(new)
            if value > best_value:
                best, best_value = sent, value
        if best is None:
            break
        chosen.append(best)
        words += len(best.text.split())
    chosen.sort(key=lambda s: s.start)
    return [(" ".join(s.text.split()), paragraph_of(doc, s)) for s in chosen]
