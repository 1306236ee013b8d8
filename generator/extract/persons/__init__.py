"""People and organisations: names, the mentions registry, pronoun and role resolution, the people section."""
from __future__ import annotations

from generator.extract.persons.names import appositive_of, name_tokens, phrase, surname_key, title_before
from generator.extract.persons.registry import Mention, People, pronoun_gender, pronouns
from generator.extract.persons.resolve import Speaker, person, speaker_of
from generator.extract.persons.section import extract_organisations, extract_people

__all__ = [
    "Mention", "People", "Speaker", "appositive_of", "extract_organisations", "extract_people", "name_tokens",
    "person", "phrase", "pronoun_gender", "pronouns", "speaker_of", "surname_key", "title_before",
]
