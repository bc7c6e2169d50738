"""The working copy: a cleaned-up view of a source slice with a map back to source offsets.

Taggers and the parser see the working copy; every offset they produce is mapped back through
`index`, so records always point into the untouched source (SPEC §1). Three clean-ups:
- full-width ASCII → ASCII (one character for one, see textnorm.fold);
- spaces between a digit or CJK character and its neighbour are dropped (`2024 年` → `2024年`);
- in a hard-wrapped layout (PDF extracts), a line break inside a sentence is dropped
  (`ポクロ\\n\\nウスク` → `ポクロウスク`), with the blank lines and indentation around it.
"""
from __future__ import annotations

import re
import statistics
from array import array
from dataclasses import dataclass

from .textnorm import fold

SENTENCE_END = "。．.!?！？」』）)"
_WS_RUN = re.compile(r"[ \t\r\n\u3000]+")
SEPARATOR = "separator"        # `_keep_whitespace`: kept, as one ideographic space
PARTICLES = "はがをにでとのもや"  # a space after one is inside a sentence (ロシア軍は 東部を)


@dataclass(frozen=True)
class WorkingCopy:
    text: str
    index: array          # index[i] = source offset of text[i]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Working-copy span → source span covering the same characters."""
        return self.index[start], self.index[end - 1] + 1


def is_wrapped(text: str) -> bool:
    """True for hard-wrapped text: most long lines stop mid-sentence, at one common width."""
    unfinished = _unfinished_widths(text)
    long_lines = sum(1 for ln in text.splitlines() if len(ln.strip()) >= 25)
    if len(unfinished) < 5 or len(unfinished) < 0.4 * long_lines:
        return False
    mid = statistics.median(unfinished)
    at_width = sum(1 for w in unfinished if 0.85 * mid <= w <= 1.15 * mid)
    return at_width >= 0.6 * len(unfinished)


def wrap_width(text: str) -> float:
    """Typical width of a wrapped line (median length of long lines that stop mid-sentence)."""
    widths = _unfinished_widths(text)
    return statistics.median(widths) if widths else 0.0


def _unfinished_widths(text: str) -> list[int]:
    # a line cut with an ellipsis is a truncated list title, not a wrapped sentence
    lines = (ln.strip() for ln in text.splitlines())
    ends = tuple(SENTENCE_END) + ("…",)
    return [len(ln) for ln in lines if len(ln) >= 25 and not ln.endswith(ends)]


def build(source: str, start: int = 0, end: int | None = None, wrapped: bool = False,
          width: float = 0.0) -> WorkingCopy:
    """Working copy of source[start:end]."""
    end = len(source) if end is None else end
    out: list[str] = []
    index = array("l")
    pos = start
    marks: list[int] = []          # where a space separates two words of a headline
    for m in _WS_RUN.finditer(source, start, end):
        _emit(source, pos, m.start(), out, index)
        keep = _keep_whitespace(source, m.start(), m.end(), start, end, wrapped, width)
        if keep:
            if keep is SEPARATOR:
                marks.extend(range(len(index), len(index) + m.end() - m.start()))
            _emit(source, m.start(), m.end(), out, index)
        pos = m.end()
    _emit(source, pos, end, out, index)
    text = fold("".join(out))      # fold keeps lengths: once, not per piece
    if marks:
        # an ideographic space: GiNZA reads it as a token of its own between the two words,
        # where an ASCII space would only be the trailing space of the word before
        chars = list(text)
        for i in marks:
            chars[i] = "\u3000"
        text = "".join(chars)
    return WorkingCopy(text, index)


def _emit(source: str, a: int, b: int, out: list[str], index: array) -> None:
    out.append(source[a:b])
    index.extend(range(a, b))


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%&-_/.,:;'\"")


def _keep_whitespace(source: str, a: int, b: int, lo: int, hi: int, wrapped: bool,
                     width: float) -> bool | str:
    """Decide whether the whitespace run source[a:b] survives in the working copy (SEPARATOR:
    it does, as an ideographic space)."""
    if a == lo or b == hi:
        return True        # leading/trailing whitespace of the slice: harmless, keep offsets simple
    before, after = fold(source[a - 1]), fold(source[b])
    if "\n" in source[a:b]:
        return not (wrapped and _soft_break(source, a, lo, width))
    # a space between two ASCII words separates them; so does one between two parts of a
    # headline (北部で攻勢強める 州都に迫る, 弾道ミサイル発射　EEZ外に落下, even where a page
    # runs its headline into the body on one line): glued, they parse as one compound. After a
    # case particle in a sentence (ロシア軍は 東部を 制圧した), between two kanji outside a
    # headline line (a name: 岸田 文雄首相), in wrapped text, next to a digit
    # (2024 年, 約 5 万人), after punctuation, or as an ASCII space beside a Latin word
    # (ATACMS 戦術ミサイル), it is layout.
    if _is_ascii_word(before) and _is_ascii_word(after):
        return True
    if wrapped or before.isdigit() or after.isdigit() or before in SENTENCE_END + "、，" \
            or (before in PARTICLES or _kanji(before) and _kanji(after)) \
            and not _headline_line(source, a, lo, hi):
        return False
    if "\u3000" in source[a:b] or not (_is_ascii_word(before) or _is_ascii_word(after)):
        return SEPARATOR
    return False


def _kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "々〆"


def _headline_line(source: str, a: int, lo: int, hi: int) -> bool:
    """Is the line around offset `a` a headline or a caption: no sentence ends on it?"""
    start = source.rfind("\n", lo, a) + 1
    end = source.find("\n", a, hi)
    line = source[max(start, lo):end if end != -1 else hi]
    return "。" not in line and "．" not in line


def _soft_break(source: str, a: int, lo: int, width: float) -> bool:
    """A line break in wrapped text is soft when its line ran to full width mid-sentence."""
    line_start = source.rfind("\n", lo, a) + 1
    line = source[max(line_start, lo):a].strip()
    if not line or line.endswith(tuple(SENTENCE_END)):
        return False
    return len(line) >= 0.75 * width
