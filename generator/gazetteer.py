"""Offline place lookup over GeoNames data (names -> coordinates, kind, country)."""
from __future__ import annotations

import functools


class Gazetteer:
    """Look up places by name; all data is local."""


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
