"""Whether two candidate sentences speak of the same matter: the features of a pair, read by the learned grouping."""
from __future__ import annotations

import math
from collections import Counter

from generator.extract.questions import words
from generator.extract.questions.candidates import Candidate
from generator.extract.questions.topics import stem

RARE = 3  # a word in at most this many of the article's sentences is specific to a matter
NEAR = 10  # paragraphs beyond which distance says nothing more


def article_weights(candidates: list[Candidate]) -> dict[str, float]:
    """Each content word's inverse sentence frequency in the article: the article's own topic words
    ('Clinton' in a story about Clinton) say little about which matter a sentence is on."""
    counts = Counter(word for c in candidates for word in c.keys)
    n = max(1, len(candidates))
    return {word: math.log((n + 1) / df) for word, df in counts.items()}


def overlap(a: Candidate, b: Candidate, idf: dict[str, float]) -> float:
    """The weight of the words two sentences share over the weight of the lighter sentence's words."""
    shared = a.keys & b.keys
    if not shared:
        return 0.0
    lighter = min(sum(idf.get(w, 0.0) for w in a.keys), sum(idf.get(w, 0.0) for w in b.keys))
    return min(1.0, sum(idf.get(w, 0.0) for w in shared) / max(lighter, 1e-9))


def pair_features(a: Candidate, b: Candidate, idf: dict[str, float], df: dict[str, int]) -> dict[str, float] | None:
    """What says that `b` (the weaker sentence) asks about the matter `a` asks about; None when nothing links
    them: one matter needs a word or a name in common, or a sentence that answers or refers to the other.
    Nearness counts only beside a shared word: in a dense wire story, the next sentence is often the next matter."""
    shared = a.keys & b.keys
    distance = abs(b.paragraph - a.paragraph)
    later, earlier = (b, a) if b.sent.start > a.sent.start else (a, b)
    answers = later.response and earlier.claim and distance <= NEAR
    refers = later.refers_back and distance <= 1
    if not shared and not answers and not refers:
        return None
    near = later.index - earlier.index == 1
    out = {
        "overlap": overlap(a, b, idf),
        "rare": min(RARE, sum(1 for w in shared if df.get(w, 0) <= RARE)) / RARE,
        "names": min(2, sum(1 for w in a.names & b.names if df.get(stem(w), 0) <= RARE)) / 2,
        "distance": min(distance, NEAR) / NEAR,
        "same-subject": 1.0 if a.subject and a.subject == b.subject else 0.0,
    }
    if shared:
        out["next-shared" if near else "paragraph-shared" if distance == 0 else
            "adjacent-shared" if distance == 1 else "far-shared"] = 1.0
    if a.names - b.names and b.names - a.names and not a.names & b.names:
        out["names-differ"] = 1.0  # each names what the other does not: Bucha in one, Brovary in the other
    if refers:
        out["refers-back"] = 1.0
    if answers:
        out["answers"] = 1.0
    kinds = set(a.families(quoted=False)) & set(b.families(quoted=False)) - words.SOFT_FAMILIES
    out["same-family"] = 1.0 if kinds else 0.0
    return out


def sentence_frequency(candidates: list[Candidate]) -> dict[str, int]:
    """In how many of the article's sentences each stemmed word occurs."""
    return dict(Counter(word for c in candidates for word in c.keys))
