"""Word lists for place extraction: entity labels, designators, facility, street and cue words."""
from __future__ import annotations

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISFIRE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"}  # spaCy small tags some places so
LEADING_WORDS = ("the ", "The ", "this ", "This ", "that ", "That ")
DEMONSTRATIVES = {"this", "that", "these", "those"}
# what an institution does and a building does not: "the White House said / condemned / welcomed"
INSTITUTION_VERBS = {"acknowledged", "acknowledges", "added", "adds", "announced", "announces", "called", "calls",
                     "commented", "comments", "condemned", "condemns", "confirmed", "confirms", "criticised",
                     "criticises", "criticized", "criticizes", "declined", "declines", "denied", "denies", "insisted",
                     "insists", "issued", "issues", "praised", "praises", "rejected", "rejects", "released", "releases",
                     "reported", "reports", "responded", "responds", "said", "says", "stated", "states", "tells",
                     "told", "urged", "urges", "warned", "warns", "welcomed", "welcomes"}
LIST_JOINERS = {",", "and", "or"}  # "Ingham or Townsville": two places in one entity ("&" joins company names)
# the people a building's name stands for: "a White House spokesman" (not "Heathrow Airport staff")
INSTITUTION_ROLES = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "aide", "aides", "adviser",
                     "advisers", "advisor", "advisors", "strategist", "counsel", "secretary", "chief", "staffer",
                     "staffers", "correspondent", "correspondents", "statement", "press", "source", "sources"}
# "Brovary district", "Kyiv region": the designator sets the kind; the point is the named place's
DESIGNATORS = {"district": "district", "county": "district", "raion": "district", "municipality": "district",
               "borough": "district", "parish": "district",
               "township": "township", "twp": "township", "twp.": "township",  # a town's surroundings: placed at the town
               "region": "region", "province": "region", "oblast": "region", "state": "region",
               "governorate": "region", "prefecture": "region", "territory": "region"}
DESIGNATED_FEATURES = {"district": "A2", "region": "A1"}  # the GeoNames level a designator points to
FACILITY_WORDS = {"airport", "cosmodrome", "spaceport", "plant", "station", "base", "port", "harbour",
                  "harbor", "bridge", "dam", "stadium", "arena", "hospital", "prison", "castle", "palace",
                  "cathedral", "church", "mosque", "temple", "museum", "gallery", "mall", "centre", "center",
                  "factory", "refinery", "mine", "camp", "court", "embassy", "theatre", "theater",
                  "university", "college", "school", "hotel", "tower", "terminal", "works", "complex",
                  "square", "market", "house", "hall"}
STREET_WORDS = {"street", "road", "avenue", "boulevard", "lane", "drive", "way", "close", "crescent",
                "highway", "park", "bridge", "square", "place", "court", "trail", "st", "rd", "ave"}
NATURAL_WORDS = {"river", "lake", "sea", "ocean", "bay", "gulf", "island", "islands", "mountain",
                 "mountains", "valley", "desert", "forest", "peninsula", "coast", "strait", "canal"}
# parks and waters a town's point is near enough to stand for (a sea, a gulf or islands are not)
SITED_WORDS = {"park", "lake", "river", "creek", "pond", "reservoir", "valley", "garden", "gardens", "common",
               "green", "beach", "falls", "trail", "brook", "stream", "canal"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "midwest", "northeast", "northwest", "southeast", "southwest", "capital", "city", "state"}
DIRECTION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                   "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
                   "south-west"}  # "east London" is part of London
DEMONYM_ENDINGS = ("ian", "ians", "ese", "ish", "ean", "eans", "an", "ans", "i", "is", "ic", "ch", "ot", "ots")
PLACE_CUES = {"village", "town", "city", "region", "province", "district", "suburb", "hamlet", "settlement",
              "county", "municipality", "neighbourhood", "neighborhood", "island", "port", "state",
              "villages", "towns", "cities", "regions", "provinces", "districts", "suburbs", "neighbourhoods",
              "neighborhoods", "islands", "states", "countries"}  # "the village of X"
# institutions, not sites: "Ryerson University" is an organisation; its place, if any, is in its name
INSTITUTION_WORDS = {"university", "college", "school", "academy", "institute", "court", "centre", "center",
                     "association", "society", "foundation", "council", "department", "agency", "office"}
EMBEDDING_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"}  # "Kentucky State Police" names Kentucky
EMBEDDED_FEATURES = {"C", "A1", "A2", "P", "PC"}
# bodies named after what they are in charge of: "Department of Justice", "Board of Education" (a place after
# "of" is then a state or a country: "Ministry of Health of Ukraine")
PORTFOLIO_WORDS = {"department", "ministry", "bureau", "office", "board", "commission", "secretary", "minister",
                   "division", "directorate", "committee", "council", "institute", "school", "college"}
MAX_EMBEDDED_WORDS = 3
CORPORATE_WORDS = {"company", "co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc",
                   "holdings", "industries", "enterprises", "apartments", "farms"}  # "Campbell Soup Company"
MEDIA_WORDS = {"times", "post", "journal", "herald", "tribune", "gazette", "star", "sun", "press", "news",
               "observer", "chronicle", "telegraph", "guardian", "independent", "mail", "globe", "inquirer",
               "examiner", "courier", "bulletin", "review", "record", "daily", "register"}  # "Los Angeles Times" is no place
SAINT_WORDS = {"st", "st.", "saint", "ste", "ste."}  # "St. Paul's Hospital" is named after a saint, not a town
LOCATIVE_WORDS = {"in", "at", "near", "from", "outside", "around", "into", "toward", "towards", "across",
                  "inside", "between", "through"}  # "in Zarvoya": an unknown name written as a place
UNIT_WORDS = {"regiment", "battalion", "brigade", "corps", "squadron", "legion",
              "battalions", "brigades"}  # "Azov Regiment" is named after a place, not based there
# what ends a street's name ("Pine Needle Drive", "S. Locust St."); the ambiguous ones ("Court", "Place",
# "Close", "Way") only after a house number ("12 Dunnock Close")
STREET_ENDINGS = ("Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Drive", "Lane", "Ln.",
                  "Circle", "Trail", "Parkway", "Pkwy.", "Highway", "Hwy.", "Pike", "Terrace", "Freeway",
                  "Expressway", "Turnpike", "Bypass", "Trafficway", "Grove", "Mews")
NUMBERED_STREET_ENDINGS = ("Court", "Ct.", "Place", "Pl.", "Close", "Way", "Row", "Walk", "Square", "Hill", "Crescent",
                           "Gardens")
NOT_STREET_WORDS = {"A", "An", "The", "At", "In", "On", "Of", "From", "To", "And", "Or", "By", "Near", "Off", "Along",
                    "This", "That", "Its", "Their", "His", "Her"}  # capitalised at a sentence's start
STREET_DIRECTIONS = ("N.", "S.", "E.", "W.", "NE", "NW", "SE", "SW", "North", "South", "East", "West")
# streets that usually stand for something else ("Wall Street" the market, "Downing Street" the government),
# unless a house number comes before them
FIGURATIVE_STREETS = {"wall street", "main street", "high street", "easy street", "downing street", "fleet street"}
# "State Highway", "County Road", "Interstate Highway": the kind of a numbered road, not a street's name
ROAD_CLASS_WORDS = {"State", "County", "Interstate", "U.S.", "US", "Federal", "Provincial", "National", "Farm",
                    "Ranch", "Township", "Route", "City", "Old", "New"}
HIGHWAY_ENDINGS = {"Highway", "Hwy.", "Freeway", "Expressway", "Turnpike", "Bypass"}  # "S. Highway" is a road's kind
PARTY_LETTERS = ("D", "R", "I", "DFL", "GOP", "Dem", "Rep")  # "Rep. Ann Lee, D-Story City": party, then home
# "Clarke, Madison and Oconee counties": the designator that follows a list of names, and what it makes them
PLURAL_DESIGNATORS = {"counties": "district", "parishes": "district", "townships": "district", "boroughs": "district",
                      "districts": "district", "provinces": "region"}
# American and Commonwealth spellings of the same words (and a few words only one side uses; not -ize/-ise,
# which both sides write): which one
# an article uses tells where its newsroom is when its places do not ("Enfield" in British spelling)
_SPELLING_PAIRS = ("color colour", "colors colours", "honor honour", "favor favour", "favorite favourite",
                   "neighbor neighbour", "neighbors neighbours", "neighborhood neighbourhood", "behavior behaviour",
                   "center centre", "centers centres", "theater theatre", "defense defence", "offense offence",
                   "traveled travelled", "traveling travelling",
                   "canceled cancelled", "jewelry jewellery", "pajamas pyjamas", "aluminum aluminium",
                   "catalog catalogue", "fiber fibre", "liter litre", "liters litres", "meters metres",
                   "kilometers kilometres", "harbor harbour", "rumor rumour", "humor humour", "armor armour",
                   "skeptical sceptical", "maneuver manoeuvre", "pediatric paediatric", "counselor counsellor",
                   "modeling modelling", "labeled labelled", "fueled fuelled", "gasoline petrol",
                   "sidewalk pavement", "apartment flat", "cellphone mobile", "freeway motorway",
                   "vacation holiday", "soccer football", "program programme", "tire tyre", "tires tyres")
AMERICAN_SPELLINGS = {pair.split()[0] for pair in _SPELLING_PAIRS} - {"apartment", "program", "vacation", "tire",
                                                                        "tires", "soccer"}
COMMONWEALTH_SPELLINGS = {pair.split()[1] for pair in _SPELLING_PAIRS} - {"flat", "mobile", "holiday", "football",
                                                                            "pavement"}
# countries whose English uses Commonwealth spelling (towns there suit an article spelled so)
COMMONWEALTH_COUNTRIES = {"GB", "IE", "AU", "NZ", "IN", "PK", "BD", "LK", "NG", "GH", "KE", "UG", "TZ", "ZA", "ZW",
                          "ZM", "MW", "SG", "MY", "JM", "TT", "MT", "CY", "HK", "NP", "BW", "NA", "SL"}
# (not Canada: it spells both ways)
# currency signs and names only one country uses
CURRENCY_COUNTRIES = {"£": "GB", "₹": "IN", "crore": "IN", "lakh": "IN", "₦": "NG", "naira": "NG", "A$": "AU",
                      "AU$": "AU", "NZ$": "NZ", "C$": "CA", "CA$": "CA", "rand": "ZA", "cedis": "GH", "Ksh": "KE",
                      "yuan": "CN", "yen": "JP", "rupiah": "ID", "ringgit": "MY", "baht": "TH"}
