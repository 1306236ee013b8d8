"""What a sentence is about (its stemmed content words, and subject), for telling matters apart."""
from __future__ import annotations

from spacy.tokens import Span

from generator.extract.questions import words

CONTENT_POS = {"NOUN", "PROPN"}
KEY_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
STEM = 6


def stem(word: str) -> str:
    """A crude stem that joins 'investigation' and 'investigating', 'claims' and 'claim'."""
    return word[:STEM] if len(word) > STEM else word.removesuffix("s")


def keys_of(sent: Span) -> set[str]:
    """The stemmed content words (nouns, names, verbs, adjectives, numbers) a sentence is about."""
    return {stem(t.lower_) for t in sent if t.pos_ in KEY_POS and len(t.text) > 2
            and t.lower_ not in words.STOPWORDS and t.lower_ not in words.SAY_VERBS}


def subject_head(sent: Span) -> str:
    """The head of the subject of the main clause, or of the clause a reporting verb governs."""
    root = sent.root
    heads = [c for c in root.children if c.dep_ == "ccomp"] if root.lower_ in words.SAY_VERBS else [root]
    subject = next((c for h in heads for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject.lower_ if subject is not None and subject.pos_ in CONTENT_POS else ""


def content_words(sent: Span) -> set[str]:
    """Nouns of a sentence, lower-cased, for matching a rebuttal to its claim."""
    return {t.lower_ for t in sent if t.pos_ in CONTENT_POS and len(t.text) > 3 and t.lower_ not in words.STOPWORDS}
