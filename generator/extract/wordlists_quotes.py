"""Word lists for quote and speaker extraction: quotation marks, reporting verbs, pronouns, titles."""
from __future__ import annotations

OPEN_MARKS = frozenset("\u201c\u201e\u00ab")  # “ „ «
CLOSE_MARKS = frozenset("\u201d\u00bb")  # ” »
STRAIGHT_MARK = '"'
# Characters after which a straight mark opens a quotation rather than closing one.
OPENING_CONTEXT = frozenset(" \t\n([{—–-/\u2014\u2013")

# Verbs that introduce speech, as base forms; inflected forms are generated below.
REPORTING_BASES = (
    "say", "tell", "add", "ask", "write", "tweet", "insist", "note", "acknowledge", "warn",
    "explain", "continue", "argue", "claim", "state", "declare", "reply", "respond", "recall",
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
    "speculate", "concur", "object", "recommend", "acknowledge", "apologize", "apologise",
)
IRREGULAR_FORMS = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "writes", "writing", "written"),
    "cry": ("cried", "cries", "crying"),
    "reply": ("replied", "replies", "replying"),
    "testify": ("testified", "testifies", "testifying"),
    "characterize": ("characterized", "characterizes", "characterizing"),
}
# Multi-word cues: "according to X" (the speaker is the object of "to").
ACCORDING = "according"
# Verbs whose object is the listener, never the speaker ("told reporters").
LISTENER_VERBS = frozenset({"told", "tell", "tells", "telling", "asked", "ask", "asks", "informed"})
# A subject that is the object of these prepositions is the speaker ("a statement by X").
AGENT_PREPOSITIONS = frozenset({"by", "from"})

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})

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
# Entity labels that can speak.
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
