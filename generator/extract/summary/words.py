"""Word lists and patterns of the summary: boilerplate, credits, captions, datelines, cue words."""
from __future__ import annotations

import re

# Lines a newsroom adds around the story, never part of its bottom line. Matched anywhere in a
# sentence, case-insensitive: each is a phrase no news sentence needs to state a fact.
BOILERPLATE = re.compile(
    r"\b(click here|click the link|read more\b|read the full|sign up (for|to)|subscribe (to|now|for)|"
    r"follow (us|him|her|them|\S+) on (twitter|facebook|instagram|x)\b|like us on facebook|"
    r"download (our|the) app|watch (the|our) video|scroll down|share this (story|article)|"
    r"join the conversation|for more (news|information|stories),? (visit|go to|see)|"
    r"contributed (to )?(this|the) (report|story|article)|contributed reporting|"
    r"(additional )?reporting by|(writing|editing|compiled|produced) by\b|all rights reserved|"
    r"copyright \d{4}|©|this (story|article) (has been|was) (updated|corrected|amended)|"
    r"editor'?s note|image (copyright|caption)|photo(graph)? (credit|courtesy)|"
    r"getty images|\bap photo\b|\(photo\b|\bphotos?:|pictured (above|below|left|right)|"
    r"published:|updated:|last updated|e-?mail (us|the author)|terms of (use|service)|"
    r"views expressed (in|here)|(opinions|views) (expressed )?are (solely )?(those|the writer)|"
    r"(is|are) solely those of|\bwww\.|https?://)",
    re.IGNORECASE,
)
# a byline or a section tag standing as its own sentence: "By Jane Smith", "WATCH: ...", "Related: ..."
BYLINE = re.compile(r"^\s*(by\s+[A-Z.]|(watch|listen|related|advertisement|live|video|see also)\b\s*[:.-])",
                    re.IGNORECASE)
# "Dusseldorf, Germany (CNN)", "LONDON (Reuters) -": the dateline before the lead's first word
DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:,?\s+[A-Za-z][\w.'’-]*){0,5}\s*)?"
    r"\((?:[A-Z][A-Za-z]{0,3}[A-Z]|Reuters|Bloomberg|Xinhua)\)\s*(?:[-—–]+\s*)?(?=[\"“‘'A-Z0-9])"
)
DOUBLE_MARK = re.compile(r"[\"“”„]")
BULLET = re.compile(r"^[-–—•*·]\s*")
STATEMENT_END = re.compile(r"[.!…][\"'”’)\]]*$")
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your"})
# what makes a sentence news: harm, movement, decisions, discoveries, outcomes
EVENT_WORDS = frozenset({
    "kill", "killed", "killing", "dead", "death", "deaths", "die", "died", "wounded", "injured",
    "injuries", "bodies", "toll", "casualties", "victims", "missing", "arrested", "charged", "convicted",
    "sentenced", "jailed", "fled", "displaced", "evacuated", "destroyed", "attack", "attacked", "bombed",
    "shelling", "fired", "crashed", "found", "discovered", "announced", "approved", "passed", "elected",
    "won", "lost", "resigned", "banned", "signed", "agreed", "rejected", "launched", "withdrawal",
    "invasion", "offensive", "accused", "alleged", "denied", "warned", "threatened", "seized", "raised",
    "cut", "rose", "fell", "closed", "opened", "sued", "ruled", "voted", "released", "fined",
})
SAY_WORDS = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "according"})
SALIENT_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT"})
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# a sentence opening on these leans on the one before it: "He said...", "But the plan..."
DANGLING = frozenset({
    "he", "she", "it", "they", "his", "her", "its", "their", "this", "these", "that", "those",
    "but", "and", "or", "so", "yet", "also", "however", "still", "meanwhile", "instead", "then", "such",
})
