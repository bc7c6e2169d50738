"""Code-point offsets (Python, SPEC §1) ↔ UTF-16 code-unit offsets (JavaScript strings).

Browser-based annotation tools (doccano, Label Studio) count a character outside the Basic
Multilingual Plane (𠮷, 🚀) as two units, so every offset after one is shifted by one per such
character. Convert at the boundary and nowhere else.
"""
from __future__ import annotations

import bisect

UNITS = ("codepoint", "utf16")


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class OffsetMap:
    """Both directions for one text; cheap when the text has no astral characters."""

    def __init__(self, text: str):
        self.text = text
        self._units: list[int] | None = None      # _units[i] = UTF-16 offset of code point i
        if any(ord(ch) > 0xFFFF for ch in text):
            units, n = [0], 0
            for ch in text:
                n += 2 if ord(ch) > 0xFFFF else 1
                units.append(n)
            self._units = units

    def to_utf16(self, cp: int) -> int:
        self._check(cp, len(self.text))
        return cp if self._units is None else self._units[cp]

    def to_codepoint(self, unit: int) -> int:
        """Raise ValueError for an offset that falls between the two halves of a surrogate pair."""
        if self._units is None:
            self._check(unit, len(self.text))
            return unit
        self._check(unit, self._units[-1])
        cp = bisect.bisect_left(self._units, unit)
        if self._units[cp] != unit:
            raise ValueError(f"UTF-16 offset {unit} splits a surrogate pair")
        return cp

    def convert(self, offset: int, unit: str, to_internal: bool) -> int:
        """Offset in `unit` → code points (to_internal) or code points → `unit`."""
        if unit == "codepoint":
            self._check(offset, len(self.text))
            return offset
        if unit != "utf16":
            raise ValueError(f"unknown offset unit {unit!r}")
        return self.to_codepoint(offset) if to_internal else self.to_utf16(offset)

    @staticmethod
    def _check(offset: int, limit: int) -> None:
        if not isinstance(offset, int) or not 0 <= offset <= limit:
            raise ValueError(f"offset {offset!r} outside 0..{limit}")


def detect_unit(text: str, spans: list[tuple[int, int, str]], fold=lambda s: s) -> str:
    """The unit under which every (start, end, surface) fits `text`; codepoint when both fit.

    Used where the tool stores the surface beside the offsets (Label Studio, brat), because
    tool versions differ in what they count. `fold` normalises both sides before comparing.
    """
    omap = OffsetMap(text)
    for unit in UNITS:
        try:
            if all(fold(text[omap.convert(s, unit, True):omap.convert(e, unit, True)]) == fold(t)
                   for s, e, t in spans):
                return unit
        except ValueError:
            continue
    raise ValueError("span offsets fit the text neither as code points nor as UTF-16 units")
