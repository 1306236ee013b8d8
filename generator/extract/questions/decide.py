"""Which candidate sentences are open questions, a claim grouped with its rebuttal, and each one's kind."""
from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.questions import words
from generator.extract.questions.candidates import Candidate, find_candidates
from generator.extract.questions.model import Model, default_model
from generator.extract.questions.shared import Names
from generator.extract.questions.wording import make_question
from generator.models import OpenQuestion

MERGE_WINDOW = 10  # paragraphs back to look for the claim a rebuttal answers
# families strong enough to make a sentence a candidate at all (hedges and sourcing only shade one)
STRONG = {"unverified", "denied", "contested", "alleged", "investigating", "pending", "forecast", "plan",
          "unknown", "concern"}
MODAL_FEATURES = ("md:future", "md:possible", "md:duty")
RESPONSES = {"denied", "unverified"}
# what a rebuttal can answer: a claim, an allegation, a report, a belief (not a forecast or a plan)
CLAIM_KINDS = {"unverified", "denied", "contested", "alleged"}
# a 0.2 rule family -> the kind it shows
RULE_KINDS = {"unverified": "unverified", "denied": "denied", "responsibility": "unknown", "alleged": "alleged",
              "investigating": "investigating", "claimed": "alleged", "disputed": "contested",
              "unclear": "unknown", "believed": "unverified", "feared": "forecast", "appeared": "unverified",
              "possible": "forecast", "pending": "pending", "toll": "forecast"}


def extract_open_questions(doc: Doc, model: Model | None = None) -> list[OpenQuestion]:
    """The sentences the model finds most open, one question each, a rebuttal joined to its claim."""
    model = model or default_model()
    names = Names(doc)
    pool = [c for c in find_candidates(doc) if in_pool(c)]
    ranked = sorted(((model.probability(c.features), k) for k, c in enumerate(pool)), key=lambda s: (-s[0], s[1]))
    kept: list[int] = []
    for probability, k in ranked:
        candidate = pool[k]
        # a sentence with one of the well-tried rule cues needs less of the model's confidence
        if probability < (model.rule_threshold if candidate.rules else model.threshold):
            continue
        if not candidate.rules and not is_response(candidate) and \
                any(len(candidate.words & pool[j].words) >= model.overlap for j in kept):
            continue  # asks again what a likelier question already asks
        kept.append(k)
    chosen: dict[int, list[Candidate]] = {}  # pool index -> its sentences (the claim, then a rebuttal)
    for k in sorted(kept):  # in reading order, so that a rebuttal finds the claim before it
        candidate = pool[k]
        answered = answered_claim(pool, chosen, candidate) if is_response(candidate) else None
        if answered is not None:
            if len(chosen[answered]) == 1:
                chosen[answered].append(candidate)
            continue  # a second rebuttal of the same claim adds nothing
        chosen[k] = [candidate]
    questions = []
    for k in sorted(chosen):
        question = build(chosen[k], names)
        if question is not None:
            questions.append(question)
    return questions


def in_pool(candidate: Candidate) -> bool:
    """A sentence with a cue of substance: a 0.2 rule cue, a strong family, or a modal verb of its own."""
    features = candidate.features
    return bool(candidate.rules) or any(features.get(f"cue:{family}") for family in STRONG) \
        or any(features.get(name) for name in MODAL_FEATURES)


def is_response(candidate: Candidate) -> bool:
    rules = {family for family, _ in candidate.rules}
    return bool(rules & words.RESPONSE_FAMILIES) or bool(set(candidate.families(quoted=False)) & RESPONSES)


def answered_claim(pool: list[Candidate], chosen: dict[int, list[Candidate]], candidate: Candidate) -> int | None:
    """The chosen claim, at most MERGE_WINDOW paragraphs back, that this rebuttal answers: one sharing a
    content word, or the one just before it when the rebuttal refers back ("The claim ...", "It ...")."""
    refers_back = any(t.lower_ in words.REFERENCE_NOUNS for t in candidate.sent[:4])
    earlier = [j for j in chosen if pool[j].sent.start < candidate.sent.start
               and 0 <= candidate.paragraph - pool[j].paragraph <= MERGE_WINDOW]
    earlier = [j for j in earlier if kind_of(chosen[j][:1]) in CLAIM_KINDS]
    for j in sorted(earlier, reverse=True):
        shared = candidate.words & pool[j].words
        if len(shared) > 1 or shared - names_in(candidate):  # a shared name alone is not a shared topic
            return j
    if refers_back and earlier and candidate.paragraph - pool[max(earlier)].paragraph <= 1:
        return max(earlier)
    return None


def names_in(candidate: Candidate) -> set[str]:
    return {t.lower_ for t in candidate.sent if t.pos_ == "PROPN"}


def kind_of(sentences: list[Candidate]) -> str:
    """The kind a question shows: a rebuttal decides it; else the strongest family of the claim."""
    claim = sentences[0]
    if len(sentences) > 1:
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


def build(sentences: list[Candidate], names: Names) -> OpenQuestion | None:
    claim = sentences[0]
    kind = kind_of(sentences)
    question = make_question(claim, names, kind)
    if question is None:
        return None
    paragraphs = list(dict.fromkeys(c.paragraph for c in sentences))
    evidence = " ".join(clean(c.sent.text) for c in sentences)
    return OpenQuestion(question=question, evidence=evidence, paragraph=claim.paragraph, kind=kind,
                        cue=claim.rules[0][0] if claim.rules else kind, paragraphs=paragraphs)


def clean(text: str) -> str:
    return " ".join(text.split())
