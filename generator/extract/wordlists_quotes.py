"""Word lists for quote and speaker extraction: quotation marks, reporting verbs, pronouns, titles."""
from __future__ import annotations

import re

OPEN_MARKS = frozenset("\u201c\u201e\u00ab")  # “ „ «
CLOSE_MARKS = frozenset("\u201d\u00bb")  # ” »
STRAIGHT_MARK = '"'
# Curly marks typed the wrong way round ("”Text.”"): no pair of marks, so no quotation is counted.

NEVER_CLOSES = frozenset("\u201c")  # “, except after the German low opener „
LOW_OPENER = "\u201e"
# Characters after which a straight mark opens a quotation rather than closing one.
OPENING_CONTEXT = frozenset(" \t\n([{—–-/\u2014\u2013")

# Verbs that introduce speech, as base forms; inflected forms are generated below.
REPORTING_BASES = (
    "say", "tell", "add", "ask", "write", "tweet", "insist", "note", "acknowledge", "warn",
    "explain", "argue", "claim", "state", "declare", "reply", "respond", "recall",
    "announce", "comment", "confirm", "deny", "emphasize", "emphasise", "stress", "suggest",
    "predict", "promise", "vow", "urge", "admit", "complain", "joke", "quip", "remark",
    "observe", "report", "post", "testify", "shout", "yell", "chant", "exclaim", "whisper",
    "agree", "concede", "contend", "maintain", "assert", "boast", "lament", "caution",
    "recount", "counter", "retort", "scoff", "sneer", "mutter", "cry", "plead", "pledge",
    "thunder", "fume", "muse", "reason", "conclude", "allege", "accuse", "blast", "slam",
    "describe", "call", "dub", "label", "brand", "term", "characterize", "characterise",
    "tout", "hail", "praise", "criticize", "criticise", "mock", "demand", "threaten",
    "estimate", "wonder", "answer", "interject", "reiterate", "repeat", "summarize",
    "summarise", "posit", "advise", "reveal", "disclose", "proclaim", "affirm", "opine",
    "speculate", "concur", "recommend", "sing", "scold", "chide", "rant",
    "apologize", "apologise", "liken", "type", "exhort",
)
IRREGULAR_FORMS = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"),
    "cry": ("cried", "cries", "crying"),
    "reply": ("replied", "replies", "replying"),
    "sing": ("sang", "sung", "sings", "singing"),
    "testify": ("testified", "testifies", "testifying"),
    "admit": ("admitted", "admits", "admitting"),
    "quip": ("quipped", "quips", "quipping"),
    "slam": ("slammed", "slams", "slamming"),
    "dub": ("dubbed", "dubs", "dubbing"),
    "label": ("labeled", "labelled", "labels", "labeling", "labelling"),
}
# Multi-word cues: "according to X" (the speaker is the object of "to").
ACCORDING = "according"
# A subject that is the object of these prepositions is the speaker ("a statement by X").
AGENT_PREPOSITIONS = frozenset({"by", "from"})

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})

MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother",
                         "husband", "son", "uncle", "spokesman", "congressman", "chairman",
                         "businessman", "actor", "policeman", "boyfriend", "grandfather",
                         "pope", "duke", "monsignor", "sheikh"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady",
                           "dame", "queen", "princess", "mother", "sister", "wife",
                           "daughter", "aunt", "spokeswoman", "congresswoman", "chairwoman",
                           "businesswoman", "actress", "policewoman", "girlfriend",
                           "grandmother", "duchess", "first lady"})

# Honorifics dropped from a speaker's name but kept as the role when no other is given.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir",
                        "dame", "lady", "lord"})
# Leading words dropped from a role phrase.
ROLE_STRIP = frozenset({"the"})
# Dependency labels of tokens left of a name that belong to its title ("Pentagon spokesman").
TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case", "det", "punct", "nummod"})
# Entity labels that never speak ("said Thursday").
NON_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                                "QUANTITY", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# A dash before a name after a quote attributes it: "…” ― Jane Doe".
ATTRIBUTION_DASHES = frozenset({"―", "—", "–", "-", "--"})
# Entity labels that can speak.
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _inflect(base: str) -> tuple[str, ...]:
    """Regular English verb forms: say -> says, saying, ... (irregular ones come from the table)."""
    if base in IRREGULAR_FORMS:
        return (base, *IRREGULAR_FORMS[base])
    stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
    past = base + "d" if base.endswith("e") else base + "ed"
    third = base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s"
    if base.endswith("y") and base[-2] not in "aeiou":
        past, third = base[:-1] + "ied", base[:-1] + "ies"
    return (base, third, past, stem + "ing")


REPORTING_VERBS = frozenset(form for base in REPORTING_BASES for form in _inflect(base)) | {ACCORDING}
# The plain speech verbs: preferred over the others when a sentence has several.
CORE_REPORTING_VERBS = frozenset(_inflect("say") + _inflect("tell") + _inflect("add")
                                 + _inflect("write") + _inflect("tweet") + (ACCORDING,))

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
# Dependency labels of clauses that describe rather than report: speech above them does not govern the quote.
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
SENTENCE_END = frozenset({".", "!", "?"})
MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,4000}>")  # embedded tags: their attribute values are not quotes
CLOSING_CONTEXT = frozenset(" \t\n,.;:!?)]}…—–-")
