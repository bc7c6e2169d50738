"""DATE lexicon: loading and checking rules/date_words.tsv (shared with the tagger), and the
regexes built once from it (see dates.py for the normaliser as a whole)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .tables import RuleError, integer, load_table, one_of, optional, text

WORD_KINDS = ("era", "deictic", "anaphoric", "part", "mod", "premod", "weekday", "season",
              "unit", "half", "rel")
MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER", "MORE_THAN", "LESS_THAN")
PARTS = ("TMO", "TMI", "TAF", "TEV", "TNI")
SEASONS = ("SP", "SU", "FA", "WI")
REL_UNITS = ("year", "fy", "month", "week", "day")
DUR_UNITS = ("Y", "M", "W", "D", "H", "TM", "S")


# --- lexicon ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rel:
    base: str            # "dct" or "anchor"
    unit: str            # REL_UNITS
    offset: int
    extra: str | None    # a season or part-of-day code (昨秋, 同夜)


@dataclass(frozen=True, eq=False)     # hashed by identity: cached per rules dir
class DateWords:
    rows: tuple          # (word as written, with token spaces; kind; value) for the tagger
    eras: dict
    relative: dict       # word → Rel
    parts: dict          # word → (code, shift)
    mods: dict
    premods: dict
    weekdays: dict
    seasons: dict
    units: dict
    halves: dict
    rels: dict           # 前/後 → BEFORE/AFTER


def _rel_value(kind: str, value: str) -> Rel:
    bits = value.split(":")
    if len(bits) not in (2, 3) or bits[0] not in REL_UNITS:
        raise ValueError(f"{value!r} is not unit:offset[:extra] with unit in {REL_UNITS}")
    extra = bits[2] if len(bits) == 3 else None
    if extra is not None and extra not in SEASONS + PARTS:
        raise ValueError(f"extra {extra!r} is not a season or part-of-day code")
    return Rel("dct" if kind == "deictic" else "anchor", bits[0], int(bits[1]), extra)


def _part_value(value: str) -> tuple[str, str | None]:
    code, _, shift = value.partition(":")
    if code not in PARTS or shift not in ("", "am", "pm", "night"):
        raise ValueError(f"{value!r} is not PART[:am|pm|night]")
    return code, shift or None


def _duration_literal(value: str) -> str:
    if not re.fullmatch(r"P[0-9.]+[YMWD]", value):
        raise ValueError(f"{value!r} is not an ISO 8601 duration like P0.5Y")
    return value


_VALUE_CHECKS = {
    "era": integer, "part": _part_value, "mod": one_of(*MODS),
    "premod": lambda v: None if v == "-" else one_of(*MODS)(v),
    "weekday": lambda v: int(one_of(*"1234567")(v)), "season": one_of(*SEASONS),
    "unit": one_of(*DUR_UNITS), "half": _duration_literal, "rel": one_of("BEFORE", "AFTER"),
}


def load_date_words(rules_dir: Path | str) -> DateWords:
    path = Path(rules_dir) / "date_words.tsv"
    rows = load_table(path, {"word": text, "kind": one_of(*WORD_KINDS), "value": optional(text)})
    tables: dict[str, dict] = {k: {} for k in WORD_KINDS}
    for row in rows:
        word, kind, value = row["word"], row["kind"], row["value"] or "-"
        try:
            parsed = (_rel_value(kind, value) if kind in ("deictic", "anaphoric")
                      else _VALUE_CHECKS[kind](value))
        except ValueError as exc:
            raise RuleError(f"{path}:{row['_line']}: column value: {exc}") from None
        key = "".join(word.split())
        if key in tables[kind]:
            raise RuleError(f"{path}:{row['_line']}: word {word!r} already listed as {kind}")
        tables[kind][key] = parsed
    relative = {**tables["deictic"], **tables["anaphoric"]}
    return DateWords(tuple((r["word"], r["kind"], r["value"] or "-") for r in rows),
                     tables["era"], relative, tables["part"], tables["mod"], tables["premod"],
                     tables["weekday"], tables["season"], tables["unit"], tables["half"],
                     tables["rel"])


def _alt(words) -> str:
    """Regex alternation, longest first so that 末日 wins over 末."""
    return "|".join(re.escape(w) for w in _longest_first(words))


@dataclass(frozen=True)
class _Readers:
    """Regexes built once from the lexicon."""
    point: re.Pattern
    numeric: re.Pattern
    dur_comp: re.Pattern
    fiscal: re.Pattern
    century: re.Pattern
    decade: re.Pattern
    wday_paren: re.Pattern
    # word lists tried in turn, longest first (so 末日 wins over 末); the affixes by the
    # character they start (premods) or end (mods) with, as only those can match
    premods: dict[str, tuple[str, ...]]
    mods: dict[str, tuple[str, ...]]
    rels: tuple[str, ...]
    range_units: tuple[str, ...]     # units a range's left end may share (10~12月)


@functools.lru_cache(maxsize=8)
def _readers(words: DateWords) -> _Readers:
    eras, rel, parts = _alt(words.eras), _alt(words.relative), _alt(words.parts)
    seasons = _alt(words.seasons)
    point = re.compile(
        rf"(?P<bc>紀元前)?(?:西暦)?"
        rf"(?:(?P<rel>{rel})|(?P<era>{eras})(?P<ey>-?\d+|元)年|(?P<year>\d+)年"
        rf"|(?P<year4>\d{{4}})(?=(?:{seasons})$))?"
        rf"(?P<season>{seasons})?"
        rf"(?:第(?P<q>\d+)四半期|Q(?P<q2>\d+))?"
        rf"(?:(?P<month>\d+)月)?(?:(?P<day>\d+)日)?"
        rf"(?P<part>{parts})?"
        rf"(?:(?P<hour>\d+)時(?:(?P<half>半)|(?P<minute>\d+)分(?:(?P<second>\d+)秒)?)?"
        rf"|(?P<ch>\d{{1,2}}):(?P<cm>\d{{2}})(?::(?P<cs>\d{{2}}))?)?"
        rf"(?P<part2>{parts})?")
    numeric = re.compile(
        rf"(?P<pre>西暦)?(?P<era>{eras})?(?P<y>-?\d+|元)(?P<sep>[/\-.・,])(?P<m>\d{{1,2}})"
        rf"(?:(?P=sep)(?P<d>\d{{1,2}}))?(?![\d/\-.・,年月日])")
    dur_comp = re.compile(
        rf"(?P<n>\d+(?:\.\d+)?|#)(?P<u>{_alt(words.units)})(?P<kan>間)?(?P<half>半)?")
    fiscal = re.compile(rf"(?:(?P<era>{eras})(?P<ey>-?\d+|元)|(?P<year>\d+))年度")
    century = re.compile(r"(?P<bc>紀元前)?(?P<c>\d+)世紀")
    decade = re.compile(r"(?P<y>\d{2}|\d{4})年代")
    wday_paren = re.compile(rf"\((?P<w>{_alt(words.weekdays)})\)")
    return _Readers(point, numeric, dur_comp, fiscal, century, decade, wday_paren,
                    _by_char(words.premods, 0), _by_char(words.mods, -1),
                    _longest_first(words.rels),
                    _longest_first(list(words.units) + ["年度", "年", "月", "日", "時"]))


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _by_char(words, at: int) -> dict[str, tuple[str, ...]]:
    """Words grouped by their character at `at` (0: first, -1: last), longest first."""
    out: dict[str, list[str]] = {}
    for w in _longest_first(words):
        out.setdefault(w[at], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}
