"""The shared offset-range helper: half-open spans, sorted and non-overlapping."""
from __future__ import annotations

import pytest

from generator.extract.ranges import inside

SPANS = [(3, 10), (15, 16), (20, 40)]


@pytest.mark.parametrize("offset, expected", [
    (0, False), (3, True), (9, True), (10, False), (12, False), (15, True), (16, False), (39, True), (40, False),
    (100, False),
])
def test_inside_half_open_spans(offset, expected):
    assert inside(SPANS, offset) is expected


def test_no_spans():
    assert inside([], 5) is False
