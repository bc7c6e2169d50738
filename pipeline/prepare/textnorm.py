"""Character-level normalisation shared by taggers and normalisers.

Only one-to-one character mappings live here (full-width ASCII → ASCII, ideographic
space → space), so a normalised string has the same length as its input and offsets
carry over unchanged.
"""
from __future__ import annotations

import re
import unicodedata

# Wave dashes and tildes all mean "to" in ranges (1000～3000人, 10〜12月).
_RANGE_MARKS = {"～": "~", "〜": "~", "~": "~"}


def fold_char(ch: str) -> str:
    """Full-width ASCII letters/digits/punctuation → ASCII; everything else unchanged."""
    if ch in _RANGE_MARKS:
        return _RANGE_MARKS[ch]
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if ch == "\u3000":
        return " "
    return ch


# Every character fold_char changes, and its replacement: a regex finds the few a text holds
# (a call per character of the text cost more than the rest of zoning and chunking together).
_FOLDS = {c: fold_char(c) for c in [*_RANGE_MARKS, *map(chr, range(0xFF01, 0xFF5F)), "\u3000"]
          if fold_char(c) != c}
_FOLDABLE = re.compile("[" + "".join(map(re.escape, _FOLDS)) + "]")


def fold(text: str) -> str:
    """`fold_char` over a string; len(fold(s)) == len(s)."""
    return _FOLDABLE.sub(lambda m: _FOLDS[m.group()], text)


def nfkc_len_preserving(text: str) -> str:
    """NFKC where it maps a character to exactly one character, else the character itself."""
    out = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)
