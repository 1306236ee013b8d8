"""Who said each quotation: its own cue verb first, then the context of its sentence and paragraph."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from generator import nlp
from generator.extract.persons import People, Speaker, speaker_of
from generator.extract.quotes.marks import Marks, token_range
from generator.extract.quotes.verbs import is_cue, is_person_like, subject_of
from generator.extract.quotes.words import (
    ATTRIBUTION_DASHES, COMPLEMENT_DEPS, CORE_REPORTING_VERBS, SENTENCE_END, SENTENCE_FINAL,
)


@dataclass
class Piece:
    """One pair of marks placed in the parse, and what attribution found for it."""

    marks: Marks
    start: int  # the token holding the opening mark
    end: int  # the token after the one holding the closing mark
    sentence: int  # sentence number of `start`
    speaker: Speaker | None = None
    cue: Token | None = None  # the reporting verb of its own sentence, if any
    alone: bool = False  # nothing but the quote in its sentence
    own: bool = False  # the speaker comes from its own sentence (a cue verb or a dash), not from context
    subject: Token | None = field(default=None, repr=False)  # the word naming that speaker
    following: Piece | None = field(default=None, repr=False)  # the next part of a quotation that goes on

    @property
    def depth(self) -> int:
        return self.marks.depth

    @property
    def paragraph(self) -> int:
        return self.marks.paragraph


def place(doc: Doc, marks: list[Marks]) -> list[Piece]:
    """Each pair of marks with its token range and sentence; the parts of a quotation that goes on past
    its paragraph (or past a second opening mark) linked in reading order."""
    starts = [sent.start for sent in nlp.sentences(doc)]  # Token.sent walks the Doc: avoid it
    pieces = []
    for m in marks:
        first, end = token_range(doc, m)
        pieces.append(Piece(m, first, end, bisect.bisect_right(starts, first) - 1))
    whole, paragraph_starts = nlp.text_of(doc), doc.user_data["paragraph_starts"]
    outer = [p for p in pieces if p.depth == 0]
    for piece, after in zip(outer, outer[1:]):
        if not piece.marks.continues:
            continue
        if after.marks.opener == piece.marks.closer or (
                after.paragraph == piece.paragraph + 1
                and not whole[paragraph_starts[after.paragraph - 1]:after.marks.opener].strip()):
            piece.following = after
    return pieces


def attribute(doc: Doc, pieces: list[Piece], people: People) -> None:
    """Set every piece's speaker (its own cue verb first, then its context), cue verb and `alone`."""
    quoted = people.quoted
    for k, piece in enumerate(pieces):
        before, after = windows(doc, pieces, k)
        piece.alone = not any(doc[i].is_alpha for i in before + after)
        dashed = dash_attribution(doc, piece.end, after, people)
        if dashed is not None:
            (piece.speaker, piece.subject), piece.own = dashed, True
            continue
        verb = piece.cue = cue_verb(doc, pieces, k)
        if verb is None:
            continue
        piece.own = True
        own = quoted - set(range(*container(doc, pieces, k))) if piece.depth else quoted
        subject = piece.subject = subject_of(verb, own)
        speaker = speaker_of(people, subject) if subject is not None else Speaker()
        speaker.cue = verb.text
        piece.speaker = speaker
    from_context(doc, pieces, people)


def container(doc: Doc, pieces: list[Piece], k: int) -> tuple[int, int]:
    """Token range a piece's attribution may come from: its paragraph, or its enclosing quote."""
    piece = pieces[k]
    if piece.depth:
        for other in pieces:
            if other.depth == 0 and other.marks.opener < piece.marks.opener and other.marks.closer >= piece.marks.closer:
                return other.start + 1, other.end
    return nlp.paragraph_tokens(doc, piece.paragraph)


def windows(doc: Doc, pieces: list[Piece], k: int) -> tuple[list[int], list[int]]:
    """Tokens outside quotes just before and just after piece k, within its sentence."""
    low, high = container(doc, pieces, k)
    piece = pieces[k]
    blocked = {i for j, other in enumerate(pieces)
               if j != k and other.depth == piece.depth and other.end > low and other.start < high
               for i in range(other.start, other.end)}
    before, after = [], []
    i = piece.start - 1
    while i >= low and i not in blocked and doc[i].text not in SENTENCE_END:
        before.append(i)
        i -= 1
    i = piece.end
    while i < high and i not in blocked and doc[i].text not in SENTENCE_END:
        after.append(i)
        i += 1
    return before, after


def cue_verb(doc: Doc, pieces: list[Piece], k: int) -> Token | None:
    """The reporting verb that introduces piece k, if its sentence has one outside quotes."""
    before, after = windows(doc, pieces, k)
    cues = {i for i in before + after if is_cue(doc[i])}
    words = [i for i in after if not doc[i].is_punct and not doc[i].is_space]
    if words and ends_sentence(doc, pieces[k]) and doc[words[0]].is_title:
        # the quote ends its sentence and a new one begins after it: a cue there reports it only when
        # it comes first ("“It is over.” Smith said."), not "“…are.” The striker joined …, it was reported"
        cues -= {i for i in after if not opens_with(doc, i, words[0]) or says_more(doc[i])}
    if not cues:
        return None
    start, end = pieces[k].start, pieces[k].end
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
    if words:
        for i in sorted(cues & set(after)):
            if opens_with(doc, i, words[0]):
                return doc[i]
    earlier = sorted(cues & set(before))
    if earlier:
        core = [i for i in earlier if doc[i].lower_ in CORE_REPORTING_VERBS]
        return doc[(core or earlier)[-1]]
    return doc[min(cues)]


def opens_with(doc: Doc, verb: int, first: int) -> bool:
    """The cue verb, or its subject, is the first word after the quote."""
    if verb == first:
        return True
    subject = subject_of(doc[verb], set())
    return subject is not None and subject.left_edge.i <= first + 1


def says_more(verb: Token) -> bool:
    """A verb with its own object or clause after it reports something else: "The Lib Dems accuse the
    government of complacency" after a quote is not its attribution."""
    return any(c.dep_ in COMPLEMENT_DEPS and c.i > verb.i for c in verb.children)


def ends_sentence(doc: Doc, piece: Piece) -> bool:
    """The quoted words end with a full stop, question or exclamation mark."""
    text = nlp.text_of(doc)[piece.marks.opener + 1:piece.marks.closer].rstrip()
    return text[-1:] in SENTENCE_FINAL


def from_context(doc: Doc, pieces: list[Piece], people: People) -> None:
    """Pieces without their own cue: split quotes, colon intros, quote-only paragraphs inherit the speaker
    around them (the parts of a multi-paragraph quotation are given one speaker later, by chains)."""
    for k, piece in enumerate(pieces):
        if piece.speaker is not None:
            continue
        cued = [j for j, other in enumerate(pieces) if j != k and other.speaker is not None and other.speaker.cue
                and other.depth == piece.depth and other.sentence == piece.sentence]
        if cued:  # "one questioner claimed that "A" and "B" were ...": one cue for every quote in its sentence
            piece.speaker = replace(pieces[min(cued, key=lambda j: abs(j - k))].speaker)
            continue
        same = [j for j, other in enumerate(pieces) if j != k and other.paragraph == piece.paragraph
                and other.depth == piece.depth and other.speaker is not None and other.speaker.speaker]
        earlier = [j for j in same if j < k]
        later = [j for j in same if j > k]
        if earlier or later:
            piece.speaker = replace(pieces[earlier[-1] if earlier else later[0]].speaker)
            continue
        intro = colon_intro(doc, piece.start, people)
        if intro is not None:
            piece.speaker = intro
            continue
        before, _ = windows(doc, pieces, k)
        if not any(not doc[i].is_space and not doc[i].is_punct for i in before):
            previous = [other for other in pieces[:k] if other.paragraph == piece.paragraph - 1 and other.speaker]
            if previous and opens_paragraph(doc, piece):
                piece.speaker = replace(previous[-1].speaker)
                continue
            # mid-paragraph, the sentence just before reports who speaks; failing that, the last speaker
            piece.speaker = reported_before(doc, piece, people) or (replace(previous[-1].speaker) if previous else None)
            if piece.speaker is not None:
                continue
        piece.speaker = clause_subject(doc, piece, people)
    for piece in pieces:
        if piece.speaker is None:
            piece.speaker = Speaker()


def opens_paragraph(doc: Doc, piece: Piece) -> bool:
    """Nothing but space before the quotation in its paragraph."""
    low, _ = nlp.paragraph_tokens(doc, piece.paragraph)
    return not any(not doc[i].is_space for i in range(low, piece.start))


def reported_before(doc: Doc, piece: Piece, people: People) -> Speaker | None:
    """A quotation that opens its sentence, nobody said to say it there, after a sentence reporting someone
    ("Smith said the offer was an insult." / "“We sat there for nine hours.”", in one paragraph or at the
    start of the next): the quotation is theirs."""
    if piece.depth or (piece.paragraph == 1 and opens_paragraph(doc, piece)) or piece.sentence == 0:
        return None
    sentence = nlp.sentences(doc)[piece.sentence - 1]
    verbs = [t for t in sentence if t.i not in people.quoted and is_cue(t)]
    verbs.sort(key=lambda t: t.i != sentence.root.i)
    subject = subject_of(verbs[0], people.quoted) if verbs else None
    if subject is None:
        return None
    speaker = speaker_of(people, subject)
    speaker.cue = verbs[0].text
    return speaker if speaker.speaker else None


def colon_intro(doc: Doc, start: int, people: People) -> Speaker | None:
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
    speaker = speaker_of(people, subject)
    speaker.cue = root.text
    return speaker


def clause_subject(doc: Doc, piece: Piece, people: People) -> Speaker | None:
    """A quoted phrase inside a narrated clause: "Putin called it a "failure"" -> Putin."""
    start, end = piece.start, piece.end
    for token in doc[start:end]:
        if start <= token.head.i < end and token.head.i != token.i:
            continue
        subject = subject_of(token, people.quoted) if token.pos_ in ("VERB", "AUX") else None
        if subject is not None and is_person_like(subject, start, end):
            return speaker_of(people, subject)
        head = token.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and not start <= head.i < end:
            subject = subject_of(head, people.quoted)
            if subject is not None and subject.pos_ in ("PROPN", "PRON"):
                speaker = speaker_of(people, subject)
                speaker.cue = None
                return speaker
        break
    return None


def dash_attribution(doc: Doc, end: int, after: list[int], people: People) -> tuple[Speaker, Token] | None:
    """"…” ― Jane Doe": a dash and a name right after the closing mark (the speaker and the name's head)."""
    words = [i for i in after if not doc[i].is_space]
    if words and end > 0 and doc[end - 1].text[-1:] in ATTRIBUTION_DASHES and len(doc[end - 1]) > 1:
        words = [end - 1] + words  # the tokenizer glued the dash to the mark: "”―"
    if len(words) < 2 or doc[words[0]].text[-1:] not in ATTRIBUTION_DASHES or doc[words[1]].pos_ != "PROPN":
        return None
    names = [i for i in words[1:] if doc[i].pos_ == "PROPN"]
    last = names[0]
    while last + 1 in names:
        last += 1
    speaker = speaker_of(people, doc[last])
    speaker.cue = doc[words[0]].text
    return speaker, doc[last]
