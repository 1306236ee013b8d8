"""What each sentence of an article offers a summary: position, centrality, cast, figures, voice."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.extract.summary.words import (DANGLING, EVENT_WORDS, FIRST_PERSON, NUMBER_LABELS, SALIENT_LABELS,
                                             SAY_WORDS)
from generator.nlp import ents_in, paragraph_of, span_text

FEATURES = (
    "first", "position", "paragraph", "opens_paragraph", "relative_position", "length",
    "centrality", "to_title", "to_lead", "frequent_words", "cast", "main_cast", "number", "event",
    "quoted", "first_person", "attributed", "dangling", "density", "dated",
)
Vector = dict[str, float]


def term(word: str) -> str:
    """A crude stem that needs no lemmatizer: 'officials' and 'official' count as one term."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def unit(counts: Counter, idf: dict[str, float]) -> Vector:
    """A tf-idf vector scaled to length 1 (empty when the sentence has no content words)."""
    vector = {w: c * idf.get(w, 1.0) for w, c in counts.items()}
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {w: x / norm for w, x in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def entity_key(ent: Span) -> str:
    """One key per cast member: a person by surname, anything else by its words without 'the'."""
    words = ent.text.lower().replace("’s", "").replace("'s", "").split()
    return words[-1] if ent.label_ == "PERSON" and words else " ".join(w for w in words if w != "the")


@dataclass
class Reading:
    """What one pass over a sentence's tokens finds (each token is read once: spaCy builds a new
    Token object on every access)."""

    terms: list[str]
    figure: bool = False
    event: bool = False
    first_person: bool = False
    attributed: bool = False
    dated: bool = False
    verb: bool = False
    quoted: float = 0.0


def read(sent: Span, quoted: frozenset[int]) -> Reading:
    found = Reading([])
    words = inside = 0
    for t in sent:
        lower, ent = t.lower_, t.ent_type_
        if t.is_alpha and not t.is_stop and len(lower) > 1:
            found.terms.append(term(lower))
        found.figure = found.figure or ent in NUMBER_LABELS
        found.dated = found.dated or ent in ("DATE", "TIME")
        found.event = found.event or lower in EVENT_WORDS
        found.first_person = found.first_person or lower in FIRST_PERSON
        found.attributed = found.attributed or lower in SAY_WORDS
        found.verb = found.verb or t.pos_ in ("VERB", "AUX")
        if not t.is_space and not t.is_punct:
            words += 1
            inside += t.i in quoted
    found.quoted = inside / max(words, 1)
    return found


class SentenceTable:
    """Every sentence of one article with its vector and feature row (built once, O(sentences))."""

    def __init__(self, doc: Doc, sents: list[Span], title_terms: list[str] | None = None,
                 quoted: frozenset[int] = frozenset()):
        self.sents = sents
        readings = [read(s, quoted) for s in sents]
        self.quoted = [r.quoted for r in readings]  # share of words inside quotation marks
        self.verb = [r.verb for r in readings]
        self.figure = [r.figure for r in readings]  # states a count or amount (not a date)
        self.event = [r.event for r in readings]  # names harm, a decision, an outcome
        # opens on a pronoun or connective that needs the sentence before
        self.dangling = [s[0].lower_ in DANGLING for s in sents]
        bags = [Counter(r.terms) for r in readings]
        n = len(sents)
        df = Counter(w for bag in bags for w in bag)
        idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.vectors = [unit(bag, idf) for bag in bags]
        title = unit(Counter(title_terms), idf) if title_terms else {}
        total: Vector = {}
        for vector in self.vectors:
            for w, x in vector.items():
                total[w] = total.get(w, 0.0) + x
        tf = Counter(w for bag in bags for w in bag.elements())
        top_tf = max(tf.values(), default=1)
        ents = [[e for e in ents_in(s) if e.label_ in SALIENT_LABELS] for s in sents]
        cast = Counter(entity_key(e) for es in ents for e in es)
        main = cast.most_common(1)[0][0] if cast else None
        self.paragraphs = [paragraph_of(doc, s) for s in sents]
        # the recurring cast each sentence names: what a summary sentence adds that the others lack
        self.cast: list[set[str]] = []
        self.rows: list[list[float]] = []
        for i, sent in enumerate(sents):
            length = len(span_text(sent).split())
            keys = {entity_key(e) for e in ents[i]}
            self.cast.append({k for k in keys if cast[k] >= 2})
            words, r = bags[i], readings[i]
            # degree centrality as the sum of cosines to every other sentence: u_i . (sum u) - u_i . u_i
            degree = (cosine(self.vectors[i], total) - (1.0 if self.vectors[i] else 0.0)) / max(n - 1, 1)
            self.rows.append([
                1.0 if i == 0 else 0.0,
                math.log1p(i),
                math.log(self.paragraphs[i]),
                1.0 if i == 0 or self.paragraphs[i] != self.paragraphs[i - 1] else 0.0,
                i / max(n - 1, 1),
                math.log1p(length),
                degree,
                cosine(self.vectors[i], title),
                1.0 if i == 0 else cosine(self.vectors[i], self.vectors[0]),
                sum(tf[w] * c for w, c in words.items()) / max(sum(words.values()), 1) / top_tf,
                sum(math.log1p(cast[k]) for k in keys if cast[k] >= 2),
                1.0 if main in keys and cast[main] >= 2 else 0.0,
                float(r.figure),
                float(r.event),
                r.quoted,
                float(r.first_person),
                float(r.attributed),
                float(self.dangling[i]),
                len(keys) / max(length, 1),
                float(r.dated),
            ])
