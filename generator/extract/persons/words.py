"""Word lists for people and organisations: pronouns, titles, honorifics, entity labels, verbs of saying."""
from __future__ import annotations

import re

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
# Titles stripped from the front of a name in the people section ("Sen. Ann Kerr" -> "Ann Kerr").
NAME_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr",
    "rep", "sen", "gov", "gen", "col", "lt", "capt", "sgt", "maj", "adm", "pres", "president",
    "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "sheikh",
})
# Leading words dropped from a role phrase.
ROLE_STRIP = frozenset({"the"})
# Dependency labels of tokens left of a name that belong to its title ("Pentagon spokesman").
TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case", "det", "punct", "nummod"})
# Dependency labels of the words before a name that make up the role the people section shows.
ROLE_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "det", "punct", "prep", "pobj", "nummod"})
# "Defense" in "Deputy Defense Minister" names a portfolio, not an organisation.
PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner", "spokesman", "spokeswoman", "spokesperson"})

NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
NAME_PARTICLES = frozenset({"de", "del", "della", "der", "di", "da", "du", "van", "von", "bin", "ibn", "al", "el",
                            "la", "le", "ter", "ten", "st", "st."})  # part of a surname, not a given name
NAME_EDGES = re.compile(r"^[^\w]+|[^\w.]+$")  # markup glued to a name by the tokenizer: '">Sanders'
NAME_CHARS = re.compile(r"^[^\W\d_][\w.'’\-]*$")
# Proper nouns that are never a person the article names.
NOT_NAMES = frozenset({"god", "allah", "jesus", "twitter", "facebook", "instagram", "covid", "brexit"})
ORG_MIN_CHARS = 2

# Entity labels that never speak ("said Thursday").
NON_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                                "QUANTITY", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A subject that is the object of these prepositions is the speaker ("a statement by X").
AGENT_PREPOSITIONS = frozenset({"by", "from"})

# Verbs that introduce speech, as base forms; inflected forms are generated below. They live here
# because a name that is their subject is a speaker, which the people registry records.
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
