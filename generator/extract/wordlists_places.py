"""Word lists for place extraction: entity labels, designators, facility, street and cue words."""
from __future__ import annotations

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISFIRE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"}  # spaCy small tags some places so
LEADING_WORDS = ("the ", "The ")
# "Brovary district", "Kyiv region": the designator sets the kind; the point is the named place's
DESIGNATORS = {"district": "district", "county": "district", "raion": "district", "municipality": "district",
               "region": "region", "province": "region", "oblast": "region", "state": "region",
               "governorate": "region", "prefecture": "region", "territory": "region"}
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
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "midwest", "northeast", "northwest", "southeast", "southwest", "capital", "city", "state"}
DEMONYM_ENDINGS = ("ian", "ians", "ese", "ish", "ean", "eans", "an", "ans", "i", "is", "ic", "ch", "ot", "ots")
PLACE_CUES = {"village", "town", "city", "region", "province", "district", "suburb", "hamlet", "settlement",
              "county", "municipality", "neighbourhood", "neighborhood", "island", "port"}  # "the village of X"
