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
# Contest titles held after an honorific ("Miss Universe Ana Ruiz", "Mr Olympia Lee Ford"): part of the
# title, not of the name, when a full name follows.
CONTEST_TITLES = frozenset({"universe", "world", "earth", "international", "teen", "usa", "america", "olympia",
                            "england", "scotland", "wales", "ireland", "britain", "india", "nigeria", "australia"})
# Small words inside the title of a show, team or firm written before a role noun ("Only Fools and Horses star").
TITLE_JOINERS = frozenset({"and", "of", "the", "&", "in", "on", "at"})
# A run of title words that starts with one of these is a phrase of place or time before the title
# ("in London Labour leader", "on Monday Chelsea star"), not part of it; the entities its object may be.
PLACE_TIME_PREPOSITIONS = frozenset({"in", "on", "at"})
PLACE_TIME_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC"})
# Days and months, which the tagger often leaves without a DATE label inside a run of capitals.
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"})
# Words that, with a title noun, make up a title written without a name ("the Prime Minister", "Vice President").
TITLE_QUALIFIERS = frozenset({"prime", "vice", "deputy", "first", "foreign", "home", "acting", "interim", "former",
                              "new", "chief", "general", "attorney", "lord", "supreme", "grand"})
# Titles stripped from the front of a name in the people section ("Sen. Ann Kerr" -> "Ann Kerr").
NAME_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr",
    "rep", "sen", "gov", "gen", "col", "lt", "capt", "sgt", "maj", "adm", "pres", "president",
    "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "sheikh",
    # UK police, council and church ranks ("Chief Constable Mark Webb", "Det Insp Sue Hart", "Cllr Ann Fox")
    "chief", "constable", "pc", "const", "detective", "det", "inspector", "insp", "superintendent", "supt",
    "sergeant", "cllr", "councillor", "bishop", "archbishop", "rabbi", "imam",
})
# Abbreviated titles (AP and UK style) and the words a later mention writes out: "Lt. Jo Ray" is "the lieutenant".
TITLE_ABBREVIATIONS = {
    "lt": "lieutenant", "sgt": "sergeant", "gov": "governor", "sen": "senator", "rep": "representative",
    "det": "detective", "supt": "superintendent", "insp": "inspector", "capt": "captain", "col": "colonel",
    "gen": "general", "maj": "major", "cmdr": "commander", "cdr": "commander", "adm": "admiral",
    "prof": "professor", "dr": "doctor", "pres": "president", "atty": "attorney", "const": "constable",
    "pc": "constable", "ch": "chief", "supt.": "superintendent", "rev": "reverend", "fr": "father",
    "ceo": "executive", "cfo": "officer", "coo": "officer", "md": "director", "mp": "mp",
}
# Leading words dropped from a role phrase.
ROLE_STRIP = frozenset({"the", "both", "either", "neither", "each"})  # "both President X and Y"
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
# Labels that, given to a one-word name more often than PERSON, make it a place or a group.
OTHER_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC"})

# Entity labels that never speak ("said Thursday").
NON_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                                "QUANTITY", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# ... except that a proper noun read as one of these, as the subject of its verb, is a name ("said Logan").
MISREAD_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
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
# Verbs of speaking aloud: a colon after one ("A police spokesman said:") opens speech, never an excerpt.
SPOKEN_VERBS = frozenset(_inflect("say") + _inflect("tell") + _inflect("add"))

# --- person or organisation --------------------------------------------------------------

# Words inside a name that make it an organisation's: legal forms and the nouns institutions are named with.
ORG_NAME_WORDS = frozenset({
    "inc", "inc.", "ltd", "ltd.", "plc", "corp", "corp.", "corporation", "co", "co.", "llc", "llp", "lp", "ag", "sa",
    "nv", "gmbh", "spa", "bv", "oy", "ab", "group", "holdings", "holding", "partners", "associates", "bank",
    "bancorp", "capital", "securities", "investments", "motors", "airlines", "airways", "industries", "systems",
    "technologies", "communications", "media", "pharmaceuticals", "energy", "council", "ministry", "department",
    "party", "university", "college", "school", "institute", "foundation", "association", "union", "committee",
    "commission", "agency", "authority", "office", "board", "court", "police", "service", "services", "society",
    "trust", "federation", "league", "club", "fc", "united", "city", "rovers", "news", "times", "post", "herald",
    "telegraph", "journal", "tribune", "guardian", "gazette", "press", "network", "television", "radio",
    "channel", "studios", "records", "hospital", "church", "army", "navy", "force", "forces", "government",
    "parliament", "assembly", "congress", "senate", "house", "organisation", "organization", "alliance",
    "coalition", "movement", "front", "brigade", "brigades", "fund", "reserve", "exchange", "centre", "center",
})
# Determiners of a noun phrase that introduces someone new ("a spokesman", "one official"): never resolved
# to a person named before.
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})
# Nouns describing a person in an appositive or a title before the name ("Jean Roe, the foreign minister").
PERSON_NOUNS = frozenset({
    "minister", "secretary", "president", "premier", "chancellor", "chairman", "chairwoman", "chair", "spokesman",
    "spokeswoman", "spokesperson", "director", "chief", "executive", "officer", "analyst", "economist",
    "strategist", "coach", "manager", "player", "striker", "midfielder", "defender", "goalkeeper", "captain",
    "leader", "mayor", "governor", "senator", "congressman", "congresswoman", "lawmaker", "mp", "msp", "mep",
    "judge", "lawyer", "attorney", "barrister", "solicitor", "prosecutor", "professor", "doctor", "surgeon",
    "scientist", "researcher", "official", "adviser", "advisor", "aide", "ambassador", "envoy", "commissioner",
    "inspector", "detective", "sergeant", "constable", "superintendent", "lieutenant", "colonel", "general",
    "founder", "owner", "reporter", "correspondent", "editor", "columnist", "author", "writer", "actor",
    "actress", "singer", "star", "artist", "musician", "presenter", "host", "resident", "student", "teacher",
    "nurse", "worker", "farmer", "candidate", "nominee", "campaigner", "activist", "historian", "critic",
    "veteran", "boss", "head", "deputy", "partner", "consultant", "expert", "engineer", "designer", "producer",
    "developer", "organiser", "organizer", "woman", "man", "girl", "boy", "mother", "father", "son", "daughter",
    "wife", "husband", "widow", "brother", "sister", "victim", "survivor", "witness", "suspect", "defendant",
    "champion", "winner", "athlete", "runner", "rider", "driver", "pilot", "priest", "bishop", "imam", "rabbi",
    "moderator", "anchor", "commentator", "pundit", "journalist", "photographer", "novelist", "poet", "comedian",
    "director", "referee", "skipper", "forward", "winger", "batsman", "bowler", "jockey", "trainer", "chef",
    "lock", "prop", "hooker", "flanker", "fly-half", "scrum-half", "full-back", "keeper", "centre-back",
})
# "Bank of England", "University for the Creative Arts": an institution's noun first, then its scope.
OF_WORDS = frozenset({"of", "for"})
# Nouns describing an organisation in an appositive or a title before its name ("the firm", "car maker Rover").
ORG_NOUNS = frozenset({
    "firm", "company", "group", "bank", "maker", "giant", "retailer", "carrier", "airline", "club", "side",
    "team", "party", "agency", "network", "channel", "newspaper", "magazine", "website", "union",
    "council", "charity", "insurer", "lender", "manufacturer", "chain", "supermarket", "conglomerate", "brand",
    "broadcaster", "airport", "operator",
    "studio", "regulator", "watchdog", "body", "organisation", "organization", "institute", "university",
    "hospital", "ministry", "department", "government", "administration", "authority", "court", "board",
    "committee", "commission", "tabloid", "broadsheet", "publication", "firms", "companies", "banks", "clubs",
    "league", "federation", "association", "alliance", "coalition", "consortium", "fund", "trust", "corporation",
    "think-tank", "lobby", "militia", "movement", "cartel",
})
# Nouns for what can carry words without being a person or a body: documents, messages and their kind
# ("the report said", "a statement read"). A role whose head is none of these, nor a person or
# organisation noun, is not a source ("softer language calling for ..."): the quote is left unattributed.
SOURCE_NOUNS = frozenset({
    "report", "statement", "letter", "study", "survey", "document", "documents", "platform", "memo", "filing",
    "complaint", "lawsuit", "indictment", "release", "poll", "ruling", "order", "tweet", "post", "email",
    "message", "note", "paper", "book", "article", "editorial", "text", "resolution", "bill", "motion",
    "agreement", "sign", "banner", "placard", "notice", "website", "page", "video", "ad", "advert", "advertisement",
    "slogan", "headline", "leaflet", "transcript", "minutes", "judgment", "verdict", "warrant", "petition",
    "manifesto", "communique", "communiqué", "briefing", "assessment", "review", "audit", "inquiry", "source",
    "people", "crowd", "fan", "public", "family", "resident", "voter", "friend", "relative", "police",
    "colleague", "neighbour", "neighbor", "ally", "staff", "piece", "clip", "brief", "column", "story", "interview",
    "speech", "remark", "comment", "footage", "recording", "caption", "chant", "cable", "forecast", "guidance",
})
# Endings of nouns for people by what they do ("bystander", "protester", "investor", "novelist", "politician").
AGENT_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "man",
                 "men", "woman", "women", "person", "ee", "ees", "ess", "ary", "aries")
# Pronouns that agree only with a person.
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
POSSESSIVES = frozenset({"his", "her", "its"})
# What separates the names of a list ("Evans, Pritchard and Lloyd").
LIST_JOINERS = frozenset({",", "and", ";", "&"})
RELATIVE_PERSON = frozenset({"who", "whom", "whose"})
RELATIVE_THING = frozenset({"which"})
# Entity labels whose mentions may be a person or an organisation (a place is the places section's, and
# a nationality or party, NORP, is a group of people, not one).
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"})
# Plural present forms of "be" and "have" ("Chelsea are", "Rover have said"): one person never takes them.
# ("were" may be a subjunctive, "If Smith were ...", and a bare verb may be an infinitive, "saw Smith win".)
PLURAL_FORMS = frozenset({"are", "have", "'re", "’re", "'ve", "’ve"})
