"""Word lists for the figures and open-questions extractors."""
from __future__ import annotations

# --- figures ---------------------------------------------------------------------------

# hedges written before a number, longest first so "just over" wins over "over"
QUALIFIERS = [
    "no fewer than", "no more than", "in excess of", "upwards of", "as many as", "as much as",
    "as few as", "as high as", "as low as", "as little as", "more than", "less than",
    "fewer than", "at least", "at most", "up to", "close to", "just over", "just under",
    "well over", "an estimated", "estimated", "nearly", "almost", "about", "around",
    "roughly", "approximately", "some", "over", "under", "below", "above", "only", "just",
    "possibly", "perhaps", "maybe", "barely", "exactly", "precisely",
]
# verbs that make a number a ceiling or threshold: "could surpass 20,000"
THRESHOLD_VERBS = {
    "surpass", "exceed", "top", "reach", "hit", "pass", "rise", "climb", "double", "triple",
}
MODALS = {"could", "may", "might", "will", "would", "should", "can"}

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD",
    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    "₽": "RUB", "₴": "UAH",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupee": "INR",
    "rupees": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "francs": "CHF", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "cad": "CAD", "aud": "AUD",
}
# written after "$45,000 US" or before "$": which dollar it is
DOLLAR_MARKERS = {"us": "USD", "u.s.": "USD", "cdn": "CAD", "canadian": "CAD", "australian": "AUD"}

TIME_UNITS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "century", "centuries",
}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr",
    "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
    "oct", "oct.", "nov", "nov.", "dec", "dec.",
}
CLOCK_WORDS = {
    "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "bst", "cet", "est",
    "edt", "pst", "pdt", "et", "pt", "hrs", "local",
}
# "Section 1031", "Flight 17", "No. 2": the number names something, it does not count it
IDENTIFIER_WORDS = {
    "no.", "no", "number", "#", "section", "form", "article", "chapter", "route", "highway",
    "flight", "room", "page", "paragraph", "level", "phase", "grade", "category", "model",
    "version", "bill", "resolution", "amendment", "ward", "terminal", "gate", "platform",
    "channel", "station", "unit", "district", "precinct", "division", "interstate", "i-",
    "apartment", "apt", "apt.", "suite", "box", "vol.", "volume", "item", "rule", "title",
    "class", "tier", "stage", "row", "lot", "exit", "block", "building", "floor", "line",
    "act", "pier", "bay", "zone", "sector", "code", "season", "episode", "series",
}
STREET_WORDS = {
    "st", "st.", "street", "ave", "ave.", "avenue", "road", "rd", "rd.", "blvd", "blvd.",
    "boulevard", "lane", "ln", "drive", "dr", "dr.", "way", "place", "court", "square",
    "highway", "parkway", "terrace",
}
# a number after one of these refers back to things already counted: "the two sides"
BACK_REFERENCE = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your"}
# "7 to 2", "3-1": two numbers linked like a tally
SCORE_LINKS = {"to", "-", "–"}
# words a counted phrase must not end on: "payments to the"
DANGLING_WORDS = {"the", "a", "an", "to", "of", "in", "for", "from", "and", "or", "by", "with", "on", "at"}

# reporting verbs whose subject is a figure's source
SAY_VERBS = {
    "said", "says", "say", "told", "tells", "tell", "reported", "reports", "report", "stated",
    "states", "announced", "announces", "estimated", "estimates", "confirmed", "confirms",
    "added", "adds", "claimed", "claims", "wrote", "writes", "tweeted", "noted", "notes",
    "showed", "shows", "revealed", "reveals", "according", "insisted", "estimate",
}
# a counted noun's verb turned into the participle used in `counts`
PARTICIPLES = {
    "killing": "killed", "kill": "killed", "kills": "killed", "injuring": "injured",
    "wounding": "wounded", "displacing": "displaced", "leaving": "left", "forcing": "forced",
    "evacuating": "evacuated", "arresting": "arrested", "hurting": "hurt", "hurt": "hurt",
    "detaining": "detained", "rescuing": "rescued", "affecting": "affected",
}

# --- open questions ---------------------------------------------------------------------

# cue families, strongest first: a sentence is filed under the first family that matches
QUESTION_CUES: list[tuple[str, str]] = [
    ("unverified", r"\b(?:could ?n[o'’]t|cannot|can't|unable to|no way to|not been able to)"
                   r" (?:be )?(?:independently )?(?:verif|confirm)\w*|\bunverified\b|\bunconfirmed\b"
                   r"|\bnot (?:been )?(?:independently )?(?:verified|confirmed)\b"),
    ("denied", r"\b(?:den(?:y|ies|ied|ying|ial)|refuted|rejected (?:the |these |those )?(?:claim|allegation|report)s?"
               r"|fake|baseless|false claims?)\b"),
    ("responsibility", r"\bresponsib(?:le|ility)\b"),
    ("alleged", r"\b(?:alleg\w*|accus\w*|charged with|faces? charges?|warrant for|suspected of)\b"),
    ("investigating", r"\b(?:investigat\w*|looking into|probe|probing|inquiry)\b"),
    ("claimed", r"\b(?:claim(?:s|ed|ing)?|purported(?:ly)?|reportedly|assert(?:s|ed|ion))\b"),
    ("disputed", r"\b(?:disputed?|contested|conflicting|contradict\w*)\b"
                 r"|^(?:however|but),? [^,.]{0,60}\b(?:say|says|said|insist|insists|argue|argues)\b"),
    ("unclear", r"\b(?:unclear|(?:not|n[’']t) (?:yet |immediately |entirely )?(?:clear|known|obvious|apparent)|unknown|uncertain\w*"
                r"|(?<=\w)n[’']t (?:yet |immediately |entirely )?(?:clear|known|obvious|apparent)"
                r"|no indication|remains to be seen|did ?n[o'’]t know (?:if|whether)|whether)\b"),
    ("believed", r"\b(?:believed? to|(?:is|are|was|were) believed|believes?|believing|thought to be|presumed)\b"),
    ("feared", r"\b(?:fear(?:s|ed)?|concern(?:s|ed)?|worr(?:y|ied|ies))\b"),
    ("appeared", r"\b(?:appear(?:s|ed)? to|seem(?:s|ed)? to)\b"),
    ("possible", r"\b(?:could|may|might|possibl[ey]|potential(?:ly)?|likely|probably)\b"),
    ("pending", r"\b(?:yet to|not yet|scheduled to|expected to be|projected to|forecast to)\b"
                r"|\b(?:has|have|had) not (?:yet )?(?:taken place|happened|materiali[sz]ed|been (?:released|made public))"
                r"|\b(?:needs?|requires?) to be (?:more |further )?(?:closely |carefully )?"
                r"(?:analy[sz]ed|examined|studied|reviewed|assessed|checked|tested)"
                r"|\b(?:is|are|was|were) intended to\b|\baccording to\b[^.;]{0,80}\bwill\b"),
    ("toll", r"\bat least \S+ (?:people |others |civilians |persons )?(?:were |have |had )?"
             r"(?:dead|died|killed|injured|hurt|wounded)\b"),
]
# families whose sentence answers an earlier claim rather than raising a new one
RESPONSE_FAMILIES = {"unverified", "denied"}
# families that are too common inside quotes about the future to count there
QUOTE_SENSITIVE = {"possible", "pending", "feared", "believed", "unclear"}
MODAL_WORDS = {"could", "may", "might"}
IDIOM_BEFORE_POSSIBLE = {"if", "as", "everything", "whenever", "wherever"}
# "I could feel": ability and perception, not uncertainty
ABILITY_VERBS = {"feel", "see", "hear", "tell", "imagine", "say", "do", "help", "get", "go"}
FIRST_PERSON = {"i", "we", "you"}
WH_WORDS = {"what", "who", "whom", "how", "why", "when", "where", "which"}
REFERENCE_NOUNS = {"claim", "assertion", "report", "allegation", "allegations", "account", "it", "this"}
STOPWORDS = {
    "the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "by", "with", "that", "this",
    "said", "says", "told", "have", "has", "had", "been", "were", "was", "would", "could",
    "they", "their", "there", "which", "from", "also", "into", "about", "after", "before",
}

# --- question wording -------------------------------------------------------------------

# nouns that are a cue only when they head a "that ..." clause: "allegations that X", not "claims of independence"
CLAIM_NOUNS = {
    "claim", "claims", "allegation", "allegations", "assertion", "assertions", "accusation",
    "accusations", "charge", "charges", "report", "reports", "rumour", "rumours", "rumor", "rumors",
}
# words that open a clause without belonging to the claim: "But he noted", "However, ..."
DISCOURSE_WORDS = {
    "but", "and", "however", "meanwhile", "also", "still", "yet", "moreover", "furthermore",
    "nonetheless", "nevertheless", "so", "then", "now", "indeed", "instead", "reportedly",
    "allegedly", "purportedly", "apparently", "though", "although",
}
QUOTE_MARKS = {'"', "“", "”", "‘", "’", "``", "''", "'"}
DASHES = {"—", "–", "--", "-"}
MODAL_QUESTION = {"may": "Could", "might": "Could", "could": "Could"}
FALSE_WORDS = {"fake", "false", "baseless", "bogus", "fabricated", "unfounded"}
TOLL_STATES = {"died": "dead", "dead": "dead", "killed": "killed", "injured": "injured",
               "hurt": "hurt", "wounded": "wounded"}
# a past form whose base the spelling rules cannot find: "brought" -> "bring"
IRREGULAR_BASE = dict(pair.split(":") for pair in (
    "brought:bring bought:buy caught:catch taught:teach thought:think sought:seek fought:fight "
    "took:take made:make said:say told:tell went:go came:come saw:see found:find left:leave "
    "fled:flee shot:shoot hit:hit began:begin ran:run won:win lost:lose sent:send spent:spend "
    "built:build held:hold kept:keep led:lead met:meet paid:pay put:put set:set struck:strike "
    "threw:throw wrote:write gave:give got:get knew:know stole:steal hid:hide fell:fall felt:feel "
    "drove:drive rose:rise broke:break chose:choose spoke:speak sold:sell stood:stand heard:hear "
    "understood:understand hung:hang laid:lay meant:mean dealt:deal sank:sink blew:blow drew:draw "
    "grew:grow flew:fly froze:freeze forgot:forget swore:swear tore:tear wore:wear beat:beat "
    "bit:bite bled:bleed fed:feed slid:slide spread:spread quit:quit cut:cut let:let shut:shut "
    "hurt:hurt cost:cost cast:cast burst:burst withdrew:withdraw overtook:overtake had:have "
    "has:have did:do does:do was:be were:be is:be are:be been:be became:become undertook:undertake "
    "arose:arise woke:wake rode:ride lit:light fit:fit bent:bend lent:lend shook:shake "
    "forbade:forbid upheld:uphold oversaw:oversee sprang:spring swept:sweep slept:sleep wept:weep "
    "dug:dig stuck:stick struck:strike spun:spin won:win sat:sit lay:lie read:read led:lead "
    "mistook:mistake overthrew:overthrow seized:seize ceased:cease eased:ease pleased:please "
    "focused:focus biased:bias visited:visit opened:open"
).split())
# stem endings (after removing -ed/-ing) that drop a final e: "cremat" -> "cremate"
E_ENDINGS = (
    "at", "et", "ot", "ut", "id", "od", "ud", "ad", "um", "in", "ar", "ur", "ir", "or", "iz",
    "is", "os", "us", "as", "c", "v", "rg", "dg", "ps", "rs", "ls", "ns", "bl", "pl", "dl",
    "tl", "gl", "kl", "fl", "zl", "ag", "iv", "ov", "ang", "rc", "nc", "rv", "lv", "ak", "ok",
    "ik", "ap", "ip", "op", "ib", "ob", "ub", "ul",
)
E_EXCEPTIONS = {"visit", "edit", "limit", "exit", "credit", "audit", "deposit", "profit",
                "inhibit", "exhibit", "prohibit", "vomit", "pivot", "target", "budget", "abandon",
                "attack", "park", "walk", "talk", "work", "mark", "bank", "back", "pick", "check",
                "block", "knock", "lock", "shock", "kick", "crack", "track", "lack", "ask", "risk",
                "sink", "pulse", "develop", "stop", "drop", "help", "jump", "ship", "mop", "fulfil",
                "appear", "clear", "fear", "occur", "offer", "enter", "order", "murder", "consider",
                "pour", "honour", "favour", "labour", "harbour", "remain", "contain", "maintain",
                "obtain", "complain", "explain", "train", "rain", "gain", "join", "ruin", "begin",
                "sustain", "detain", "retain", "attain", "refrain", "claim", "control",
                "patrol", "travel", "cancel", "signal", "total", "label", "model", "fuel", "level",
                "cook", "book", "look", "hook", "submit", "commit", "admit", "permit",
                "emit", "omit", "transmit", "fit", "quit", "hit", "sit", "spit", "split", "omit",
                "recruit", "suit", "await", "wait", "bait", "doubt", "shout", "result", "insult"}
# cue words whose infinitive is a future event: "scheduled to undergo" -> "Will X undergo?"
FUTURE_CUES = {"scheduled", "expected", "projected", "forecast", "due", "set", "yet", "slated"}
# words whose "if/whether" clause is what is not known: "it is unclear if X"
KNOWLEDGE_WORDS = {"clear", "unclear", "known", "unknown", "sure", "certain", "uncertain", "indication", "know"}
