"""Compatibility: the text reader moved to generator.inputs.text; import from there."""
from generator.inputs.text import (  # noqa: F401
    MAX_BYTES, decode, parse_article, parse_date, read_article, slug_of, slugify,
)
