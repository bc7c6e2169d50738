"""Choosing non-overlapping spans: the longest first (SPEC §4: entity spans never overlap)."""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def longest_first(items: Iterable[T], bounds: Callable[[T], tuple[int, int]],
                  rank: Callable[[T], int] = lambda _: 0) -> list[T]:
    """Greedy selection: longer spans first, then lower `rank`, then earlier start; an item
    is kept when it overlaps nothing kept before. Returned in text order."""
    def order(span):
        (start, end), item = span
        return (start - end, rank(item), start)
    spans = [(bounds(item), item) for item in items]        # bounds asked once per item
    taken: set[int] = set()
    kept = []
    for (start, end), item in sorted(spans, key=order):
        if taken.isdisjoint(range(start, end)):
            kept.append((start, item))
            taken.update(range(start, end))
    return [item for _, item in sorted(kept, key=itemgetter(0))]
