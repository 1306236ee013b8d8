"""Which candidate sentences are open questions, a claim grouped with its rebuttal, and each one's kind."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from generator.extract.questions import words
from generator.extract.questions.candidates import Candidate, find_candidates
from generator.extract.questions.filter import screen
from generator.extract.questions.matters import article_weights, pair_features, sentence_frequency
from generator.extract.questions.model import Model, default_model
from generator.extract.questions.shared import Names
from generator.extract.questions.wording import make_question
from generator.models import OpenQuestion
from generator.nlp import span_text

# families strong enough to make a sentence a candidate at all (hedges and sourcing only shade one)
STRONG = {"unverified", "denied", "contested", "alleged", "investigating", "pending", "forecast", "plan",
          "unknown", "concern"}
MODAL_FEATURES = ("md:future", "md:possible", "md:duty")
# a 0.2 rule family -> the kind it shows
RULE_KINDS = {"unverified": "unverified", "denied": "denied", "responsibility": "unknown", "alleged": "alleged",
              "investigating": "investigating", "claimed": "alleged", "disputed": "contested",
              "unclear": "unknown", "believed": "unverified", "feared": "forecast", "appeared": "unverified",
              "possible": "forecast", "pending": "pending", "toll": "forecast"}


def extract_open_questions(doc: Doc, model: Model | None = None) -> list[OpenQuestion]:
    """The sentences the model finds most open, one question per matter, a rebuttal joined to its claim."""
    model = model or default_model()
    candidates = find_candidates(doc)
    names = Names(doc)
    groups = choose(candidates, model, askable(names))
    questions = []
    for group in groups:
        question = build(group, names)
        if question is not None:
            questions.append(question)
    return questions


def askable(names: Names) -> Callable[[Candidate], bool]:
    """Can a question be worded from this sentence (a rebuttal always can: it is asked through its claim)?"""
    def ask(candidate: Candidate) -> bool:
        return candidate.response or make_question(candidate, names, kind_of([candidate])) is not None
    return ask


def choose(candidates: list[Candidate], model: Model,
           ask: Callable[[Candidate], bool] = lambda c: True) -> list[list[Candidate]]:
    """The matters to ask about, in reading order, each as its sentences (the likeliest one first, then
    at most one more on the same matter: a rebuttal, or the sentence that says it again). A sentence no
    question can be worded from opens no matter (it would take in the sentences of others). The model's
    second-stage filter, if it has one, then drops the matters it doubts (`filter.screen`)."""
    pool = [c for c in candidates if in_pool(c)]
    idf, df = article_weights(candidates), sentence_frequency(candidates)
    ranked = sorted(((model.probability(c.features), k) for k, c in enumerate(pool)), key=lambda s: (-s[0], s[1]))
    kept: dict[int, list[Candidate]] = {}  # pool index -> the sentences of its matter
    budget = model.budget(len(pool[0].sent.doc)) if pool else None
    for probability, k in ranked:
        candidate = pool[k]
        # a sentence with one of the well-tried rule cues needs less of the model's confidence
        if probability < (model.rule_threshold if candidate.rules else model.threshold):
            continue
        # complete linkage: a repeat of a matter speaks of what each of its sentences speaks of, so a claim
        # about one weapon is not lost to a matter that holds a sentence on another
        same = [(min(same_matter(model, member, candidate, idf, df) for member in group), j)
                for j, group in kept.items()]
        best = max(same, default=(0.0, -1))
        if best[0] < model.same:
            if ask(candidate) and (budget is None or len(kept) < budget):
                kept[k] = [candidate]
            continue
        group = kept[best[1]]
        if len(group) == 1:
            group.append(candidate)  # the second sentence of the same matter: a rebuttal, or a restatement
    return screen(sorted(kept.values(), key=lambda g: g[0].sent.start), model, idf, df)


def same_matter(model: Model, a: Candidate, b: Candidate, idf: dict[str, float], df: dict[str, int]) -> float:
    """The pair model's probability that `b` speaks of `a`'s matter; 0 when nothing links them."""
    features = pair_features(a, b, idf, df)
    return 0.0 if features is None else model.same_matter(features)


def in_pool(candidate: Candidate) -> bool:
    """A sentence with a cue of substance: a 0.2 rule cue, a strong family, or a modal verb of its own."""
    features = candidate.features
    if features.get("reader"):
        return False  # advice to the reader
    return bool(candidate.rules) or any(features.get(f"cue:{family}") for family in STRONG) \
        or any(features.get(name) for name in MODAL_FEATURES)


def kind_of(sentences: list[Candidate]) -> str:
    """The kind a question shows: a rebuttal decides it; else the strongest family of the claim."""
    claim = sentences[0]
    if len(sentences) > 1 and sentences[1].response:
        answer = sentences[1]
        answer_families = set(answer.families(quoted=False)) | {RULE_KINDS[f] for f, _ in answer.rules}
        return next((kind for kind in ("denied", "unverified", "contested") if kind in answer_families), "contested")
    found = [RULE_KINDS[family] for family, _ in claim.rules]
    found += claim.families(quoted=False) + claim.families(quoted=True)
    present = set(found)
    kind = next((kind for kind in words.KIND_ORDER if kind in present), None)
    if kind is not None:
        return kind
    if claim.features.get("md:future") or claim.features.get("md:possible") or "concern" in present:
        return "forecast"
    return "unverified"


def build(group: list[Candidate], names: Names) -> OpenQuestion | None:
    """One matter's question, from its claim (not from the rebuttal), with the evidence in reading order."""
    lead, *rest = group
    if rest and lead.response and not rest[0].response:
        lead, rest = rest[0], [lead]  # the question asks about the claim a likelier rebuttal answers
    answer = [c for c in rest if c.response]
    kind = kind_of([lead, *answer])
    question = None
    for source in (lead, *rest):  # the restatement may have the clause the lead sentence lacks
        question = make_question(source, names, kind_of([source, *answer]) if source is not lead else kind)
        if question is not None:
            break
    if question is None:
        return None
    ordered = sorted(group, key=lambda c: c.sent.start)
    paragraphs = list(dict.fromkeys(c.paragraph for c in ordered))
    evidence = " ".join(clean(span_text(c.sent)) for c in ordered)
    return OpenQuestion(question=question, evidence=evidence, paragraph=paragraphs[0], kind=kind,
                        cue=lead.rules[0][0] if lead.rules else kind, paragraphs=paragraphs)


def clean(text: str) -> str:
    return " ".join(text.split())
