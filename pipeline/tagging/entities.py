"""Merging the taggers' spans into one non-overlapping entity layer (SPEC §4)."""
from __future__ import annotations

from spacy.tokens import Span

from .mention import LABELS
from .overlap import longest_first

GROUPS = ("DATE", "NUMBER", "NAMES")          # doc.spans keys the taggers write
# On equal length a DATE beats a NUMBER (30日間), a NUMBER beats a name.
PRIORITY = {"DATE": 0, "NUMBER": 1, "ACTOR": 2, "PLACE": 3}


def choose(spans: list[Span]) -> list[Span]:
    """Longest first, then by label priority; spans of unknown labels are ignored."""
    spans = [s for s in spans if s.label_ in LABELS]
    return longest_first(spans, lambda s: (s.start_char, s.end_char), lambda s: PRIORITY[s.label_])
