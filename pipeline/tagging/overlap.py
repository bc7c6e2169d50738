"""Choosing non-overlapping spans: the longest first (SPEC §4: entity spans never overlap)."""
from __future__ import annotations

from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def longest_first(items: Iterable[T], bounds: Callable[[T], tuple[int, int]],
                  rank: Callable[[T], int] = lambda _: 0) -> list[T]:
    """Greedy selection: longer spans first, then lower `rank`, then earlier start; an item
    is kept when it overlaps nothing kept before. Returned in text order."""
    def order(item):
        start, end = bounds(item)
        return (start - end, rank(item), start)
    taken: set[int] = set()
    kept = []
    for item in sorted(items, key=order):
        start, end = bounds(item)
        if taken.isdisjoint(range(start, end)):
            kept.append(item)
            taken.update(range(start, end))
    return sorted(kept, key=lambda item: bounds(item)[0])
