"""Word lists and cue patterns for the open-questions extractor (no logic here)."""
from __future__ import annotations

# --- cue families -----------------------------------------------------------------------
# Each family is a list of lower-case regular-expression fragments matched on word boundaries
# against the sentence with its ASCII letters lowered. The lists follow published inventories of
# hedging and uncertainty rather than any one newsroom: Hyland's hedges (Metadiscourse, 2005,
# appendix), the uncertainty cues of the CoNLL-2010 shared task (Farkas et al. 2010: BioScope
# speculation cues and Wikipedia weasel words), the event-factuality markers of FactBank (Saurí &
# Pustejovsky 2009: reporting, modal and negated-knowledge predicates), and the procedural
# vocabulary of court and legislative reporting (investigation, charge, trial, appeal, vote).
CUE_FAMILIES: dict[str, list[str]] = {
    # a claim the source could not check
    "unverified": [
        r"(?:could ?n[o'’]t|cannot|can'?t|unable to|no way to|not been able to|impossible to|not possible to)"
        r" (?:be )?(?:independently |immediately )?(?:verif|confirm|corroborat|establish|determin)\w*",
        r"unverified", r"unconfirmed", r"uncorroborated", r"unsubstantiated",
        r"not (?:been )?(?:independently |yet )?(?:verified|confirmed|corroborated|substantiated|proven)",
        r"confirm or deny", r"no (?:independent )?(?:confirmation|evidence|proof)",
    ],
    # one side rejects what another says
    "denied": [
        r"den(?:y|ies|ied|ying|ial|ials)", r"refut\w+", r"rebut\w*", r"dismiss(?:ed|es|ing)? (?:the |as |it |them )",
        r"reject(?:s|ed|ing)? (?:the |these |those |any |such )?(?:claim|allegation|report|accusation|charge|suggestion)s?",
        r"fake", r"baseless", r"false", r"unfounded", r"untrue", r"bogus", r"fabricat\w+", r"no truth",
        r"misspoke", r"(?:not|never) (?:involved|responsible)",
    ],
    # two accounts that do not agree
    "contested": [
        r"disput\w+", r"contest(?:s|ed|ing)?", r"contradict\w*", r"conflicting", r"counter(?:s|ed)?",
        r"disagree\w*", r"challenged", r"insist\w*", r"argu(?:e|es|ed|ing)", r"contend\w*",
        r"maintain(?:s|ed)? that", r"critics?", r"opponents?", r"skeptic\w*", r"sceptic\w*", r"doubt\w*",
        r"questioned", r"controvers\w+", r"at odds", r"far apart", r"blam\w+", r"oppos\w+",
        r"criticiz\w+", r"criticis\w+", r"(?:however|but),? [^,.]{0,60}\b(?:say|says|said|insist|insists|argue|argues)",
    ],
    # something said of someone, not established
    "alleged": [
        r"alleg\w+", r"accus\w+", r"charged with", r"faces? (?:\w+ )?charges?", r"charges?", r"warrant",
        r"suspect(?:s|ed)?", r"indict\w*", r"sued", r"lawsuit", r"claim(?:s|ed|ing)?", r"purported\w*",
        r"reportedly", r"supposedly", r"so-called", r"rumou?r\w*", r"reports? (?:of|that)",
    ],
    # someone is looking into it
    "investigating": [
        r"investigat\w+", r"probe[sd]?", r"probing", r"inquir(?:y|ies)", r"inquest", r"looking into",
        r"examin(?:e|es|ed|ing)", r"review(?:s|ed|ing)?", r"audit\w*", r"autops(?:y|ies)", r"post-?mortem",
        r"forensic\w*", r"hearings?", r"trial", r"prosecution", r"police (?:are|were) (?:trying|working)",
    ],
    # awaiting a decision, ruling, vote or permission
    "pending": [
        r"pending", r"await\w*", r"yet to", r"not yet", r"still to", r"has still not", r"remains? to be",
        r"undecided", r"unresolved", r"decision", r"(?:to|will|yet to|not yet|has not) decide", r"ruling", r"verdict",
        r"(?:a|the|upcoming|planned|final) vote", r"vote on", r"approval", r"(?:to|must|will|would) be approved",
        r"confirmation", r"appeal\w*", r"consider(?:s|ing)?", r"negotiat\w+", r"talks", r"propos\w+",
        r"deadline", r"recount", r"sent (?:the case )?back", r"permission", r"permit", r"sign off",
        r"(?:has|have|had) not (?:yet )?(?:taken place|happened|materiali[sz]ed|been (?:released|made public|decided))",
        r"(?:needs?|requires?) (?:to be )?(?:more |further |closer )?(?:closely |carefully )?"
        r"(?:analy[sz]\w*|examin\w*|stud\w*|review\w*|assess\w*|check\w*|test\w*|scrutin\w*|approv\w*)",
        r"in limbo", r"on hold", r"up in the air",
    ],
    # what is expected to happen, with its uncertainty
    "forecast": [
        r"expect(?:s|ed|ing|ation|ations)?", r"forecast\w*", r"predict\w*", r"project(?:s|ed|ion|ions)",
        r"anticipat\w+", r"estimat\w+", r"likely", r"unlikely", r"probabl[ey]", r"outlook", r"on track",
        r"could (?:rise|fall|reach|surpass|exceed|climb|top|double|drop)", r"set to", r"poised to", r"due to (?:be|start|open|arrive|begin|take)",
        r"tipped", r"odds", r"chances?", r"risk\w*", r"warn\w*", r"threat(?:en|ens|ened)?", r"may rise",
        r"is set for", r"in the coming", r"next (?:week|month|year|season)", r"later this",
    ],
    # what someone means to do
    "plan": [
        r"plan(?:s|ned|ning)?", r"intend\w*", r"intention", r"aim(?:s|ed|ing)? (?:to|at)", r"goal", r"target\w*",
        r"pledg\w+", r"promis\w+", r"vow\w*", r"prepar(?:e|es|ed|ing) to", r"schedul\w+", r"seek(?:s|ing)? to",
        r"want(?:s|ed)? to", r"hop(?:e|es|ed|ing)", r"strateg\w+", r"will (?:be )?(?:launch|open|close|build|hold|"
        r"announce|release|introduce|expand|begin|start|unveil)\w*", r"call(?:s|ed|ing)? (?:for|on)", r"urg(?:e|es|ed|ing)",
        r"demand\w*", r"push(?:es|ed|ing)? for", r"designed to", r"intended to", r"in order to", r"plea\w*",
        r"advocat\w+", r"ask(?:s|ed|ing)? (?:\w+ ){1,3}to", r"recommend\w*", r"ambition\w*", r"dream\w*",
    ],
    # what the article says is not known or not disclosed
    "unknown": [
        r"unclear", r"unknowns?", r"uncertain\w*", r"(?:not|n[’']t|never) (?:yet |immediately |entirely |fully )?"
        r"(?:clear|known|obvious|apparent|certain|sure)", r"no indication", r"remains to be seen", r"whether",
        r"(?:did ?n[o'’]t|does ?n[o'’]t|would ?n[o'’]t|could ?n[o'’]t|will ?n[o'’]t|won[’']t|declined to|refused to)"
        r" (?:immediately )?(?:say|know|disclose|reveal|comment|elaborate|specify|identify|discuss|explain|"
        r"confirm|provide|give|release|respond|return)",
        r"declined (?:to comment|comment)", r"no comment", r"not (?:be )?(?:disclosed|released|revealed|identified|named)",
        r"undisclosed", r"unidentified", r"unnamed", r"unspecified", r"could not be reached", r"did not respond",
        r"no (?:further |other )?details", r"not immediately (?:available|known|clear|released)", r"mystery",
        r"motive", r"(?:it|this) is not known", r"no one knows", r"nobody knows", r"questions? (?:remain|about|over|of)",
        r"fate", r"whereabouts", r"missing", r"at large", r"still (?:searching|looking|trying)",
        r"(?:was|is|were|are|remains?) impossible", r"impossible to (?:say|know|tell|establish|determine|confirm)",
        r"refus(?:e|es|ed|ing) to (?:release|disclose|say|answer|reveal|explain|name|comment)",
        r"(?:critical|serious|unstable) condition", r"life-threatening",
    ],
    # hedges: the source softens its own statement
    "hedge": [
        r"apparently", r"appear(?:s|ed)? to", r"seem(?:s|ed|ingly)?", r"possibl[ey]", r"possibility", r"perhaps",
        r"maybe", r"presumabl[ey]", r"believ(?:e|es|ed)", r"thought to", r"suggest\w*", r"indicat\w+",
        r"suspect\w*", r"speculat\w+", r"assum\w+", r"potential(?:ly)?", r"allegedly", r"purportedly",
        r"sources? (?:said|say|close|familiar)", r"(?:is|are|was|were) said to", r"people familiar",
    ],
    # the source of a statement is named after it, or a figure is only approximate
    "sourced": [r"according to", r"roughly", r"approximately", r"as many as", r"up to", r"at least", r"an estimated"],
    # fear, concern, worry: a risk not yet realised
    "concern": [
        r"fear\w*", r"concern\w*", r"worr(?:y|ied|ies|ying)", r"alarm\w*", r"anxi\w+", r"danger\w*",
        r"jeopard\w+", r"threat\w*", r"nervous", r"on edge", r"caution\w*",
    ],
}

# the kind shown on the page, from the strongest family a sentence has, in this order
KIND_ORDER = ["unverified", "denied", "contested", "unknown", "alleged", "investigating", "pending",
              "forecast", "plan"]
# families that only shade a kind already chosen
SOFT_FAMILIES = {"hedge", "concern", "sourced"}

# --- parse signals ----------------------------------------------------------------------

FUTURE_MODALS = {"will", "'ll", "’ll", "shall", "wo"}
POSSIBLE_MODALS = {"could", "may", "might", "would"}
DUTY_MODALS = {"should", "must", "ought"}
SAY_VERBS = {
    "said", "says", "say", "told", "tells", "tell", "stated", "states", "added", "adds", "noted", "notes",
    "wrote", "writes", "tweeted", "announced", "announces", "explained", "explains", "according",
    "claimed", "claims", "argued", "argues", "insisted", "insists", "contended", "contends", "alleged",
    "alleges", "maintained", "maintains", "asserted", "asserts", "suggested", "suggests", "warned", "warns",
    "predicted", "predicts", "acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes",
    "believes", "believed", "thinks", "thought", "estimated", "estimates", "reported", "reports",
    "confirmed", "confirms", "denied", "denies", "hopes", "hoped", "fears", "feared", "expects", "expected",
}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "you", "your"}
SECOND_PERSON = {"you", "your", "yours", "yourself"}
# verbs that give or refuse the blame a "responsibility" is: "claimed responsibility", "denies responsibility"
BLAME_VERBS = {"claim", "claimed", "claims", "claiming", "accept", "accepted", "accepts", "deny", "denied",
               "denies", "admit", "admitted", "admits", "bear", "bears", "bore", "assign", "assigned", "shoulder",
               "shouldered", "disclaim", "disclaimed", "reject", "rejected", "rejects"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
WH_WORDS = {"what", "who", "whom", "how", "why", "when", "where", "which"}
TIME_AHEAD = {"tomorrow", "next", "upcoming", "coming", "soon", "later", "future", "eventually"}
STOPWORDS = {
    "the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "by", "with", "that", "this",
    "said", "says", "told", "have", "has", "had", "been", "were", "was", "would", "could",
    "they", "their", "there", "which", "from", "also", "into", "about", "after", "before",
    "people", "year", "years", "time", "week", "month", "day", "last", "first",
}

# --- rule cues: the families 0.2 asked about, with their patterns ----------------------------

# cue families, strongest first: a sentence is filed under the first family that matches
RULE_CUES: list[tuple[str, str]] = [
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
# families (cue families, then 0.2 rule families) of a sentence reporting what a rebuttal could answer
CLAIM_FAMILIES = {"alleged", "contested", "hedge"}
CLAIM_RULES = {"alleged", "claimed", "disputed", "believed", "appeared"}
# families that are too common inside quotes about the future to count there
QUOTE_SENSITIVE = {"possible", "pending", "feared", "believed", "unclear"}
MODAL_WORDS = {"could", "may", "might"}
IDIOM_BEFORE_POSSIBLE = {"if", "as", "everything", "whenever", "wherever"}
# "I could feel": ability and perception, not uncertainty
ABILITY_VERBS = {"feel", "see", "hear", "tell", "imagine", "say", "do", "help", "get", "go"}
REFERENCE_NOUNS = {"claim", "assertion", "report", "allegation", "allegations", "account", "it", "this"}

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
    "tl", "gl", "kl", "fl", "zl", "ag", "iv", "ov", "ang", "rc", "nc", "rv", "lv", "ak", "ok", "ais", "uis",
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

# Words that stand for a number of people or things on their own ("more would follow", "many will
# lose their jobs"): a question can name them as its subject.
QUANTITY_SUBJECTS = {"more", "many", "most", "some", "few", "fewer", "several", "others", "all", "both", "none"}

# Subordinators that open a clause set against the one before it ("..., while the minister said ...").
CONTRAST_MARKS = {"while", "whereas", "whilst"}

# Verbs whose object "target" is a goal ("set a target", "missed its target"), not a thing aimed at.
GOAL_VERBS = {"set", "meet", "miss", "reach", "exceed", "beat", "hit", "announce", "adopt", "raise", "lower",
              "revise", "introduce", "achieve", "abandon", "scrap", "drop", "cut", "have", "agree", "unveil"}
