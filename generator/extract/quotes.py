"""Direct quotations: pair the quotation marks of each paragraph, then attribute each quote."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from generator import nlp
from generator.extract.quote_kinds import is_cue, speech_flags
from generator.extract.speakers import People, Speaker, dash_attribution, is_person_like, subject_of
from generator.extract.wordlists_quotes import (
    CLOSE_MARKS, CLOSING_CONTEXT, CORE_REPORTING_VERBS, LOW_OPENER, MARKUP, NEVER_CLOSES, OPEN_MARKS,
    OPENING_CONTEXT, SENTENCE_END, STRAIGHT_MARK,
)
from generator.models import Quote

ALL_MARKS = OPEN_MARKS | CLOSE_MARKS | {STRAIGHT_MARK}
INCH_MARK = re.compile(r"\d['’]\d{1,2}$")  # 6'3" is a height, not a closing mark


@dataclass
class Span:
    """One pair of marks: `opener`/`closer` are absolute offsets (closer = paragraph end if unclosed)."""

    opener: int
    closer: int
    paragraph: int
    closed: bool
    depth: int = 0  # 0 for an outermost quote, 1 for a quote inside another
    continues: bool = False  # unclosed at the paragraph end and the next paragraph opens again


def classify(text: str, i: int) -> str | None:
    """'open', 'close' or None (ambiguous) for the mark at text[i], from the characters around it."""
    mark = text[i]
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    if mark == STRAIGHT_MARK and INCH_MARK.search(text[max(0, i - 5):i]):
        return "skip"
    opens_left = left in OPENING_CONTEXT or left in ALL_MARKS or left in "‘'"
    closes_right = right in CLOSING_CONTEXT or right in ALL_MARKS or right in "’'"
    if opens_left and not closes_right:
        return "open"
    if closes_right and not opens_left:
        return "close"
    if mark in OPEN_MARKS:
        return "open"
    if mark in CLOSE_MARKS:
        return "close"
    return None


def pair_marks(text: str, offset: int, paragraph: int) -> list[Span]:
    """Pair the double quotation marks of one paragraph; stray marks are skipped, never fatal."""
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []  # (position, mark) of open quotes, outermost first
    for i, char in enumerate(text):
        if char not in ALL_MARKS:
            continue
        kind = classify(text, i)
        if kind == "skip":
            continue
        if kind is None:  # a straight mark between two spaces: toggle
            kind = "close" if stack else "open"
        # a curly mark typed the wrong way round ("”Text.”", "“Text.“"): its position decides, as
        # for a straight mark; readers' letters and pasted text are full of them
        if kind == "close" and char in NEVER_CLOSES and not (stack and stack[-1][1] == LOW_OPENER):
            kind = "open"
        if kind == "open":
            if stack and (stack[-1][1] in OPEN_MARKS) == (char in OPEN_MARKS):
                stack.pop()  # the same style cannot nest: the earlier opener was a stray
            stack.append((i, char))
            continue
        if not stack:
            continue  # a stray closer
        start, _ = stack.pop()
        spans.append(Span(offset + start, offset + i, paragraph, True, depth=len(stack)))
    if stack:
        start, _ = stack[0]
        spans.append(Span(offset + start, offset + len(text), paragraph, False))
    return sorted(spans, key=lambda s: s.opener)


def find_spans(doc: Doc) -> list[Span]:
    """Every quotation in the body, in reading order, multi-paragraph quotes linked; found once per Doc
    (the open-questions extractor reads them too)."""
    cached = doc.user_data.get("quote_spans")
    if cached is None:
        cached = doc.user_data["quote_spans"] = tuple(_pair_paragraphs(doc, nlp.text_of(doc)))
    return list(cached)


def _pair_paragraphs(doc: Doc, whole: str) -> list[Span]:
    starts = doc.user_data["paragraph_starts"]
    ends = [start - len(nlp.SEPARATOR) for start in starts[1:]] + [len(whole)]
    spans: list[Span] = []
    for number, (start, end) in enumerate(zip(starts, ends), 1):
        text = MARKUP.sub(lambda m: " " * len(m.group()), whole[start:end])
        spans.extend(pair_marks(text, start, number))
    for span in spans:
        if not span.closed and span.paragraph < len(starts):
            following = whole[starts[span.paragraph]:ends[span.paragraph]].lstrip()
            span.continues = following[:1] in OPEN_MARKS | {STRAIGHT_MARK}
    return spans


def quote_text(whole: str, span: Span) -> str:
    """The words inside the marks, without the marks (`whole` is the Doc's text, nlp.text_of)."""
    return " ".join(whole[span.opener + 1:span.closer].split()).strip()


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every pair of double quotation marks in the body that holds speech, with its speaker resolved."""
    whole = nlp.text_of(doc)
    spans = [s for s in find_spans(doc) if any(c.isalnum() for c in quote_text(whole, s))]
    if not spans:
        return []
    # titles and scare quotes stay in until here: their words are quoted, not speakers
    found, cues, alone = attribute(doc, spans)
    speech = speech_flags(doc, whole, spans, cues, alone)
    return [Quote(text=quote_text(whole, s), speaker=a.speaker, paragraph=s.paragraph, role=a.role,
                  speaker_kind=a.kind, cue=a.cue)
            for s, a, keep in zip(spans, found, speech) if keep]


def attribute(doc: Doc, spans: list[Span]) -> tuple[list[Speaker], list[Token | None], list[bool]]:
    """A Speaker for every span (its own cue verb first, then the context of the paragraph), the cue
    verb of its own sentence, and whether the quote is a sentence of its own."""
    starts = [t.idx for t in doc]
    ranges = [(bisect.bisect_right(starts, s.opener) - 1, bisect.bisect_right(starts, s.closer - 1)
               if not s.closed else bisect.bisect_right(starts, s.closer)) for s in spans]
    quoted = {i for s, (a, b) in zip(spans, ranges) if s.depth == 0 for i in range(a, b)}
    people = People(doc, quoted)
    found: list[Speaker | None] = []
    cues: list[Token | None] = []
    alone: list[bool] = []
    for k, span in enumerate(spans):
        before, after = windows(doc, spans, ranges, k)
        alone.append(not any(doc[i].is_alpha for i in before + after))
        dashed = dash_attribution(doc, ranges[k][1], after, people)
        verb = cue_verb(doc, spans, ranges, k) if dashed is None else None
        cues.append(verb)
        if dashed is not None:
            found.append(dashed)
            continue
        if verb is None:
            found.append(None)
            continue
        subject = subject_of(verb, quoted - set(range(*container(doc, spans, ranges, k))) if span.depth
                             else quoted)
        speaker = people.speaker_of(subject) if subject is not None else Speaker()
        speaker.cue = verb.text
        found.append(speaker)
    return from_context(doc, spans, ranges, found, people), cues, alone


def container(doc: Doc, spans: list[Span], ranges: list[tuple[int, int]], k: int) -> tuple[int, int]:
    """Token range a span's attribution may come from: its paragraph, or its enclosing quote."""
    span = spans[k]
    if span.depth:
        for other, (a, b) in zip(spans, ranges):
            if other.depth == 0 and other.opener < span.opener and other.closer >= span.closer:
                return a + 1, b
    return nlp.paragraph_tokens(doc, span.paragraph)


def windows(doc: Doc, spans: list[Span], ranges: list[tuple[int, int]], k: int) -> tuple[list[int], list[int]]:
    """Tokens outside quotes just before and just after span k, within its sentence."""
    low, high = container(doc, spans, ranges, k)
    depth = spans[k].depth
    blocked = {i for j, (a, b) in enumerate(ranges)
               if j != k and spans[j].depth == depth and b > low and a < high for i in range(a, b)}
    start, end = ranges[k]
    before, after = [], []
    i = start - 1
    while i >= low and i not in blocked and doc[i].text not in SENTENCE_END:
        before.append(i)
        i -= 1
    i = end
    while i < high and i not in blocked and doc[i].text not in SENTENCE_END:
        after.append(i)
        i += 1
    return before, after


def cue_verb(doc: Doc, spans: list[Span], ranges: list[tuple[int, int]], k: int) -> Token | None:
    """The reporting verb that introduces span k, if its sentence has one outside quotes."""
    before, after = windows(doc, spans, ranges, k)
    cues = {i for i in before + after if is_cue(doc[i])}
    if not cues:
        return None
    start, end = ranges[k]
    top = [t for t in doc[start:end] if not t.is_punct and not (start <= t.head.i < end and t.head.i != t.i)]
    for token in top:
        head, steps = token.head, 0
        while steps < 4:
            if head.i in cues and head.lower_ not in CORE_REPORTING_VERBS:
                # "the spot concludes with footage of Trump saying, "…"": the plain speech verb
                # between the quote and a weaker cue is the one that introduces it
                between = [i for i in cues if doc[i].lower_ in CORE_REPORTING_VERBS
                           and (head.i < i < start or end <= i < head.i)]
                return doc[min(between, key=lambda i: abs(i - start))] if between else head
            if head.i in cues:
                return head
            if head.pos_ in ("VERB", "AUX") and is_person_like(subject_of(head, set()), start, end):
                return head  # a narrating verb whose subject is a person: "Blige sings "…""
            if head.head.i == head.i:
                break
            head, steps = head.head, steps + 1
    for token in top:
        for child in token.children:
            if child.i in cues:
                return child
    words = [i for i in after if not doc[i].is_punct]
    if words:
        first = words[0]
        for i in sorted(cues & set(after)):
            subject = subject_of(doc[i], set())
            if i == first or (subject is not None and subject.left_edge.i <= first + 1):
                return doc[i]
    earlier = sorted(cues & set(before))
    if earlier:
        core = [i for i in earlier if doc[i].lower_ in CORE_REPORTING_VERBS]
        return doc[(core or earlier)[-1]]
    return doc[min(cues)]


def from_context(doc: Doc, spans: list[Span], ranges: list[tuple[int, int]],
                 found: list[Speaker | None], people: People) -> list[Speaker]:
    """Quotes without their own cue: split quotes, multi-paragraph quotes, colon intros, quote-only
    paragraphs inherit the speaker around them."""
    for k, span in enumerate(spans):  # a multi-paragraph quote keeps one speaker
        if found[k] is None and k > 0 and spans[k - 1].continues and found[k - 1] is not None \
                and spans[k - 1].paragraph == span.paragraph - 1:
            found[k] = replace(found[k - 1])
    for k in reversed(range(len(spans) - 1)):
        if found[k] is None and spans[k].continues and found[k + 1] is not None \
                and spans[k + 1].paragraph == spans[k].paragraph + 1:
            found[k] = replace(found[k + 1])
    starts = [sent.start for sent in nlp.sentences(doc)]
    sentence = [bisect.bisect_right(starts, a) - 1 for a, _ in ranges]  # Token.sent walks the Doc: avoid it
    for k, span in enumerate(spans):
        if found[k] is not None:
            continue
        cued = [j for j in range(len(spans)) if j != k and found[j] is not None and found[j].cue
                and spans[j].depth == span.depth and sentence[j] == sentence[k]]
        if cued:  # "one questioner claimed that "A" and "B" were ...": one cue for every quote in its sentence
            found[k] = replace(found[min(cued, key=lambda j: abs(j - k))])
            continue
        same = [j for j in range(len(spans)) if j != k and spans[j].paragraph == span.paragraph
                and spans[j].depth == span.depth and found[j] is not None and found[j].speaker]
        earlier = [j for j in same if j < k]
        later = [j for j in same if j > k]
        if earlier or later:
            found[k] = replace(found[earlier[-1] if earlier else later[0]])
            continue
        intro = colon_intro(doc, ranges[k][0], span.paragraph, people)
        if intro is not None:
            found[k] = intro
            continue
        before, _ = windows(doc, spans, ranges, k)
        if not any(not doc[i].is_space and not doc[i].is_punct for i in before):
            previous = [j for j in range(k) if spans[j].paragraph == span.paragraph - 1 and found[j]]
            if previous:
                found[k] = replace(found[previous[-1]])
                continue
        found[k] = clause_subject(doc, ranges[k], people)
    return [f if f is not None else Speaker() for f in found]


def colon_intro(doc: Doc, start: int, paragraph: int, people: People) -> Speaker | None:
    """ "Smith added:" just before the quote (in its paragraph or ending the previous one)."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    root = doc[i].sent.root
    subject = subject_of(root, people.quoted) if root.pos_ in ("VERB", "AUX") else None
    if subject is None:
        return None
    speaker = people.speaker_of(subject)
    speaker.cue = root.text
    return speaker


def clause_subject(doc: Doc, token_range: tuple[int, int], people: People) -> Speaker | None:
    """A quoted phrase inside a narrated clause: "Putin called it a "failure"" -> Putin."""
    start, end = token_range
    for token in doc[start:end]:
        if start <= token.head.i < end and token.head.i != token.i:
            continue
        subject = subject_of(token, people.quoted) if token.pos_ in ("VERB", "AUX") else None
        if subject is not None and is_person_like(subject, start, end):
            return people.speaker_of(subject)
        head = token.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and not start <= head.i < end:
            subject = subject_of(head, people.quoted)
            if subject is not None and subject.pos_ in ("PROPN", "PRON"):
                speaker = people.speaker_of(subject)
                speaker.cue = None
                return speaker
        break
    return None
