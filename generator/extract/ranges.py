"""Offset ranges shared by the extractors: is a character offset inside one of a sorted list of spans."""
from __future__ import annotations

import bisect


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """`offset` lies in one of the sorted, non-overlapping half-open `ranges` (start included, end not)."""
    k = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]
