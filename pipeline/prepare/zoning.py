"""Split an article into body and boilerplate zones by line structure (SPEC §3, issue item 4).

Signals, none tied to one site: known section headers (rules/boilerplate.tsv), rank markers
(a line that is only a small number), source/URL lines, a leading run of short navigation
lines, and bullet blocks that recap rather than quote. Boilerplate grows from those lines over
neighbouring lines that are not sentences (promos above a header, list titles under a rank).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


_RANK = re.compile(r"^[\s•・●■◆▶>\-*#]*\d{1,3}[.)]?\s*$")
_URL = re.compile(r"https?://|www\.")
SENTENCE_END = ("。", "．")
_HEADLINE_PUNCT = "、。:：!?！？「」『』"   # a label line has none; a short headline usually does


@dataclass(frozen=True)
class Line:
    start: int
    end: int          # end of the line's text, before its newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(source: str) -> list[Line]:
    lines, pos = [], 0
    for raw in source.split("\n"):
        lines.append(Line(pos, pos + len(raw.rstrip("\r")), raw.rstrip("\r")))
        pos += len(raw) + 1
    return lines


def zones(source: str, headers: list[tuple[str, str]]) -> list[dict]:
    """[{start, end, kind}] covering the whole text in order; kind body|boilerplate."""
    lines = split_lines(source)
    flags = classify(lines, headers)
    return _to_zones(source, lines, flags)


def classify(lines: list[Line], headers: list[tuple[str, str]]) -> list[bool]:
    """True for each boilerplate line."""
    # split once per article, not per line: a set look-up and one startswith over a tuple
    whole = {h for h, how in headers if how == "line"}
    prefixes = tuple(h for h, how in headers if how != "line")
    flags = [_strong(ln, whole, prefixes) for ln in lines]
    _mark_rank_items(lines, flags)
    _mark_leading_nav(lines, flags)
    _mark_recap_bullets(lines, flags)
    _grow(lines, flags)
    _fill_sandwiched(lines, flags)
    return flags


def _strong(line: Line, whole: set[str], prefixes: tuple[str, ...]) -> bool:
    s = line.stripped
    if not s:
        return False
    if _RANK.match(s) or _URL.search(s):
        return True
    return s in whole or s.startswith(prefixes)


def _is_sentence(line: Line) -> bool:
    s = line.stripped
    return s.endswith(SENTENCE_END) or ("。" in s and len(s) >= 40)


def _nonblank(lines: list[Line], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and not lines[j].stripped:
        j += step
    return j if 0 <= j < len(lines) else None


def _mark_rank_items(lines, flags) -> None:
    """The title under a rank marker belongs to the ranking list."""
    for i, ln in enumerate(lines):
        if ln.stripped and _RANK.match(ln.stripped):
            j = _nonblank(lines, i, 1)
            if j is not None:
                flags[j] = True


def _mark_leading_nav(lines, flags) -> None:
    """Short label lines before the first real line are site navigation (section, category)."""
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not s:
            continue
        if len(s) > 10 or _is_sentence(ln) or any(c in s for c in _HEADLINE_PUNCT):
            return
        flags[i] = True


def _bullet(s: str) -> str | None:
    return s[0] if s and unicodedata.category(s[0]) == "So" else None


def _mark_recap_bullets(lines, flags) -> None:
    """A block of pictograph bullets not followed by a source line recaps the page's own text;
    one followed by a source/URL line is a quoted summary and stays body."""
    i = 0
    while i < len(lines):
        mark = _bullet(lines[i].stripped)
        if mark is None:
            i += 1
            continue
        j = i
        while j < len(lines) and (_bullet(lines[j].stripped) == mark or not lines[j].stripped):
            j += 1
        block = [k for k in range(i, j) if lines[k].stripped]
        nxt = _nonblank(lines, j - 1, 1)
        quoted = nxt is not None and (_URL.search(lines[nxt].text) or flags[nxt])
        if len(block) >= 2 and not quoted:
            for k in block:
                flags[k] = True
        i = j


def _grow(lines, flags) -> None:
    """Spread boilerplate to adjacent non-sentence lines: upwards over any length (promos sit
    above their block header); downwards over short labels (a headline follows the nav), or
    over anything short once no sentence follows (the page's tail)."""
    sentences = [k for k, ln in enumerate(lines) if _is_sentence(ln)]
    last_sentence = sentences[-1] if sentences else -1
    for i in [k for k, f in enumerate(flags) if f]:
        j = _nonblank(lines, i, -1)
        while j is not None and not flags[j] and not _is_sentence(lines[j]):
            flags[j] = True
            j = _nonblank(lines, j, -1)
        j = _nonblank(lines, i, 1)
        while j is not None and not flags[j] and not _is_sentence(lines[j]):
            limit = 40 if j > last_sentence else 12
            if len(lines[j].stripped) > limit:
                break
            flags[j] = True
            j = _nonblank(lines, j, 1)


def _fill_sandwiched(lines, flags) -> None:
    """A lone short line between two boilerplate lines is part of the same block."""
    for i, ln in enumerate(lines):
        if flags[i] or not ln.stripped or len(ln.stripped) > 40:
            continue
        a, b = _nonblank(lines, i, -1), _nonblank(lines, i, 1)
        if a is not None and b is not None and flags[a] and flags[b]:
            flags[i] = True


def _to_zones(source: str, lines: list[Line], flags: list[bool]) -> list[dict]:
    """Merge boilerplate lines (and blank lines between them) into zones; body is the rest."""
    spans: list[list[int]] = []
    for ln, f in zip(lines, flags):
        if not f:
            continue
        if spans and not source[spans[-1][1]:ln.start].strip():
            spans[-1][1] = ln.end
        else:
            spans.append([ln.start, ln.end])
    out, pos = [], 0
    for a, b in spans:
        if a > pos:
            out.append({"start": pos, "end": a, "kind": "body"})
        out.append({"start": a, "end": b, "kind": "boilerplate"})
        pos = b
    if pos < len(source):
        out.append({"start": pos, "end": len(source), "kind": "body"})
    return out
