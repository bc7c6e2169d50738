"""The unit every tagger produces and every later stage consumes."""
from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("ACTOR", "PLACE", "NUMBER", "DATE")


@dataclass(frozen=True)
class Mention:
    """A tagged span. Offsets are code points, end-exclusive, into whatever text the
    producer was given (a spaCy Doc's text for taggers; the source once re-based)."""

    start: int
    end: int
    label: str
    rule: str
    # Free-form hints a tagger hands to the normaliser (e.g. {"after": "を超える"}).
    hints: tuple = field(default=(), compare=False)

    def shifted(self, offset: int) -> "Mention":
        return Mention(self.start + offset, self.end + offset, self.label, self.rule, self.hints)
