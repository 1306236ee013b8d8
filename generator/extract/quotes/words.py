"""Word lists for quotations: quotation marks, speech nouns, titles of works, and size limits."""
from __future__ import annotations

import re

from generator.extract.persons.words import (  # noqa: F401 - the verbs of saying are shared with the registry
    ACCORDING, CORE_REPORTING_VERBS, REPORTING_VERBS,
)

OPEN_MARKS = frozenset("\u201c\u201e\u00ab")  # “ „ «
CLOSE_MARKS = frozenset("\u201d\u00bb")  # ” »
STRAIGHT_MARK = '"'
NEVER_CLOSES = frozenset("\u201c")  # “, except after the German low opener „
LOW_OPENER = "\u201e"
# Characters after which a straight mark opens a quotation rather than closing one.
OPENING_CONTEXT = frozenset(" \t\n([{—–-/\u2014\u2013")
CLOSING_CONTEXT = frozenset(" \t\n,.;:!?)]}…—–-")
SENTENCE_END = frozenset({".", "!", "?"})  # tokens
SENTENCE_FINAL = frozenset(".!?…")  # characters that end a quoted sentence
# Dependents that give a verb its own content: after a quote that ends a sentence, such a verb is not its cue.
COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr"})
MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,4000}>")  # embedded tags: their attribute values are not quotes
# Words of a speaker talking to the reader: quoted running text (an excerpt) has none.
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# A dash before a name after a quote attributes it: "…” ― Jane Doe".
ATTRIBUTION_DASHES = frozenset({"―", "—", "–", "-", "--"})

# Verbs that report speech only with a fixed object: "as the senator put it".
IDIOM_CUES = {form: ("it",) for form in ("put", "puts", "putting")}
# Nouns that name something said or written: the quoted words under them are attributed speech.
SPEECH_NOUNS = frozenset({
    "claim", "claims", "statement", "statements", "word", "words", "remark", "remarks", "comment",
    "comments", "message", "call", "calls", "description", "assertion", "promise", "warning",
    "phrase", "slogan", "label", "nickname", "tweet", "tweets", "speech", "quote", "refrain",
    "mantra", "accusation", "allegation", "pledge", "vow", "response", "reply", "argument",
    "insult", "insults", "chant", "chants", "motto", "catchphrase",
})
# Dependency labels of words that qualify the noun after them: a quote that is one is a scare quote.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# How far up the parse a reporting verb or speech noun may govern a quote.
GOVERNOR_STEPS = 8
# A quote of at most this many words, not a clause and not governed by speech, is a scare quote.
SCARE_MAX_WORDS = 4
# ... and so is a longer phrase with no verb at all ("a living room in western Ohio").
PHRASE_MAX_WORDS = 8
# Penn tags of finite verbs: a quote holding one is a clause ("It's about me"), not a term.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Nouns naming a kind of work: a capitalised quote right before one is a title ("…” radio show).
WORK_NOUNS = frozenset({
    "program", "programme", "show", "series", "book", "novel", "memoir", "film", "movie",
    "documentary", "album", "song", "single", "column", "podcast", "play", "musical", "poem",
    "essay", "report", "campaign", "segment", "episode", "exhibition", "opera", "painting",
    "commentary", "editorial", "op-ed", "article", "headline", "bill", "act", "hashtag",
})
# Words that introduce a title: a book titled “…”.
TITLE_INTRODUCERS = frozenset({"titled", "entitled", "headlined", "subtitled"})
# A short run of capitalised words in quotes is a composition title ("Face the Nation").
TITLE_MAX_WORDS = 6
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
                               "with", "by", "from", "vs", "vs."})
TITLE_LABELS = frozenset({"WORK_OF_ART", "ORG", "EVENT", "LAW", "PRODUCT", "FAC"})
# Single quotation marks: the main marks of UK copy (‘…’, with “…” inside), an apostrophe elsewhere.
SINGLE_OPENERS = frozenset("\u2018'")  # ‘ '
SINGLE_CLOSERS = frozenset("\u2019'")  # ’ '
# What a single mark is swapped for when single marks quote: the double pairer then reads them as it
# reads US copy, and the double marks nested inside are swapped the other way (left to the outer quote).
AS_DOUBLE = {"open": "\u201c", "close": "\u201d"}
AS_SINGLE = {"\u201c": "\u2018", "\u201d": "\u2019", "\u00ab": "\u2018", "\u00bb": "\u2019", '"': "'", "\u201e": "\u2018"}
# Nouns for a written text that speaks for its author: "according to a statement from X", "a letter by
# X said" report X's words.
DOCUMENT_NOUNS = frozenset({
    "statement", "report", "release", "letter", "filing", "email", "memo", "transcript", "post", "tweet",
    "note", "document", "complaint", "lawsuit", "indictment", "affidavit", "ruling", "notice", "message",
})
SOURCE_PREPOSITIONS = frozenset({"from", "by", "of"})
