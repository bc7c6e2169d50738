"""DATE norm: `{"type": "DATE|TIME|DURATION", "value", "mod"}` (SPEC §4, GUIDELINES §5).

`normalize_date` reads one DATE string; `resolve_dates` reads a document's DATE strings in
text order and carries an anchor (the nearest preceding resolved date), so that anaphoric
expressions (4日, 6月, 同日, 翌日) take their missing parts from it, else from the dct.
Deictic expressions (昨年, 先月, きのう) count from the dct. Unknown parts are X.

A string is brought to one spelling first (ASCII digits, 数 → #, slash/dot/hyphen dates →
2021年7月18日), then read by small regex readers tried in turn: range (A~B), duration,
duration + 前/後, century / fiscal year, and calendar + clock (with quarter and season).
Words (eras, deictic words, parts of day, mods, units) come from rules/date_words.tsv, which
the tagger reads too.

Decisions where SPEC/GUIDELINES are silent:
- `N年` without era is a duration when N < 1000 (3年 → P3Y, 2021年 → 2021), unless a month
  follows (24年2月 → 2024-02: two-figure years pivot at 50) or a date mod does (24年末).
- `N日` alone is a day of the month (4日); it is a duration with 間, above 31, with 以上/未満…,
  or when the tagger hints a rate (1日に2000人 → P1D). `N分` / `N秒` without an hour are
  durations; `1月` is January (月 alone is never a duration unit).
- `a/b` is month/day when valid, else not a date (13/13, 13/8); three numbers need a
  four-figure year or an era.
- Clock hours run to 29 (25時 broadcasting style); 午前12時 → 00, 午後3時 → 15, 夜12時 → 24.
  A clock time without a date takes the anchor's day, else the dct's, else stays `T17:27`.
- Durations mixing calendar and clock units (3日10時間) are rejected, as ja-timex does.
- `N前` / `N後` stay DURATIONs with mod BEFORE / AFTER (3日前 → P3D BEFORE; およそ1カ月前 →
  P1M APPROX, an approximation word wins), as the seed gold and ja-timex do: the text rarely
  says what they count from.
- A month alone takes the nearest preceding year except a flashback: a year written earlier
  than the document's frame (the dct's year, else the first year in the text) does not carry
  over (`2016年には…。12月上旬` → the frame's December), as the seed gold reads it. Deictic years
  (昨年8月 … 11月) do carry over; a day alone takes the nearest date, flashback or not.
- A part of day alone (未明の攻撃) belongs to the nearest preceding date's day, else the dct's
  day; with neither it is not a date (深夜, 今朝 alone), as in ja-timex.
- Ranges of durations read `P2Y..P3Y` (2、3日 → P2D..P3D); a weekday alone is `XXXX-WXX-1`;
  a century is `20XX` (21世紀), a decade `199X` (1990年代, 90年代), BC years `BC0202`, fiscal
  years `FY2021` (April start for 今年度).
- The anchor keeps finer parts while a new date agrees with it (6月3日 … 同年 … 4日 →
  the 4th of June); a date with unknown year replaces it outright.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from kanjize import kanji2number

from ..rules import RULES_DIR, RuleError, integer, load_table, one_of, optional, text
from ..textnorm import fold

WORD_KINDS = ("era", "deictic", "anaphoric", "part", "mod", "premod", "weekday", "season",
              "unit", "half", "rel")
MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER", "MORE_THAN", "LESS_THAN")
PARTS = ("TMO", "TMI", "TAF", "TEV", "TNI")
SEASONS = ("SP", "SU", "FA", "WI")
REL_UNITS = ("year", "fy", "month", "week", "day")
DUR_UNITS = ("Y", "M", "W", "D", "H", "TM", "S")
_CALENDAR_UNITS = {"Y", "M", "W", "D"}
_WEAK_UNITS = {"年": "Y", "日": "D"}     # also a calendar year / day of the month
_MAX_HOUR = 29


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


@functools.lru_cache(maxsize=8)
def load_date_words(rules_dir: Path | str = RULES_DIR) -> DateWords:
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
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


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
    return _Readers(point, numeric, dur_comp, fiscal, century, decade, wday_paren)


# --- canonical spelling -------------------------------------------------------------------------
_FEW = re.compile(r"数十|十数|数百|数千|幾|数")
# a dash between a number or date unit and a number is a range once the text has units
# (2026-02-11 has none and stays a date)
_DASH_RANGE = re.compile(r"(?<=[\d年月日間])[-‐–—](?=\d)")
_KANJI_RUN = re.compile(r"[〇一二三四五六七八九十百千]+(?![昨半])")


def _kanji_digits(match: re.Match) -> str:
    try:
        return str(kanji2number(match.group()))
    except Exception:   # kanjize raises plain errors on odd runs; keep the text then
        return match.group()


def _canon(raw: str) -> str:
    """Working spelling: ASCII, 数 → #, kanji numerals → digits, no spaces except one
    between two digits (2024/12/04 17:27 keeps its date and clock apart)."""
    s = re.sub(r"(?<=\d)\s+(?=\d)", " ", fold(raw).strip())
    s = re.sub(r"(?<!\d)\s+|\s+(?!\d)", "", s)
    s = _FEW.sub("#", s)
    return _KANJI_RUN.sub(_kanji_digits, s)


def _unslash(s: str, words: DateWords) -> str | None:
    """2021/7/18, 令和3.7, 2021年/7 → kanji-unit form; None for a non-date like 13/13."""
    s = re.sub(r"(?<=[年月])/", "", s)
    m = _readers(words).numeric.match(s)
    if m:
        rest = s[m.end():]
        if m["era"] or len(m["y"].lstrip("-")) == 4:
            head = f"{m['pre'] or ''}{m['era'] or ''}{m['y']}年{m['m']}月"
            return head + (f"{m['d']}日" if m["d"] else "") + rest.lstrip()
        if m["sep"] != "/" or m["d"] or m["pre"]:
            return None
        month, day = int(m["y"]), int(m["m"])
        return f"{month}月{day}日{rest}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    s = re.sub(r"^(西暦)?(\d{4})/", r"\1\2年", s)
    if re.search(r"年\d+$", s):
        return s + "月"
    if re.search(r"月\d+$", s):
        return s + "日"
    return s


# --- parsed forms -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Duration:
    value: str


@dataclass(frozen=True)
class Point:
    rel: Rel | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    bc: bool = False
    century: int | None = None
    fiscal: bool = False
    season: str | None = None
    quarter: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    part: str | None = None

    @property
    def has_clock(self) -> bool:
        return self.hour is not None or self.minute is not None


REJECT = object()    # a reader's verdict that the whole string is not a date


# --- durations ----------------------------------------------------------------------------------
def _number(n: str, half: bool) -> str:
    if n == "#":
        return "X"
    d = Decimal(n) + (Decimal("0.5") if half else 0)
    return format(d.normalize(), "f")


def _duration(s: str, words: DateWords, force: bool, mod: str | None):
    """Duration | REJECT | None (not a duration)."""
    if s in words.halves:
        return Duration(words.halves[s])
    m = re.fullmatch(r"(\d+)秒(\d+)", s)
    if m:
        return Duration(f"PT{m[1]}.{m[2]}S")
    comps = list(_readers(words).dur_comp.finditer(s))
    if not comps or "".join(c.group() for c in comps) != s:
        return None
    units = [words.units[c["u"]] for c in comps]
    if len(set(units)) != len(units):
        return None
    if _CALENDAR_UNITS & set(units) and set(units) - _CALENDAR_UNITS:
        return REJECT
    if not (force or _is_duration(comps, mod)):
        return None
    return _render_duration(comps, units)


def _is_duration(comps, mod: str | None) -> bool:
    """Strong units, 間, 半, #, decimals make a duration; a bare 年 or 日 needs more."""
    if any(c["kan"] or c["half"] or c["n"] == "#" or "." in c["n"] or c["u"] not in _WEAK_UNITS
           for c in comps):
        return True
    first = comps[0]
    if first["u"] == "年":
        return int(first["n"]) < 1000 and mod not in ("START", "MID", "END")
    return len(comps) == 1 and (int(first["n"]) > 31 or mod in ("MORE_THAN", "LESS_THAN"))


def _render_duration(comps, units) -> Duration:
    amounts = {u: _number(c["n"], bool(c["half"])) for c, u in zip(comps, units)}
    date = "".join(f"{amounts[u]}{u}" for u in ("Y", "M", "W", "D") if u in amounts)
    time = "".join(f"{amounts[u]}{u[-1]}" for u in ("H", "TM", "S") if u in amounts)
    return Duration("P" + date + ("T" + time if time else ""))


# --- points -------------------------------------------------------------------------------------
def _special(s: str, words: DateWords):
    """Point for a century or fiscal year, a TIMEX3 decade string (199X), REJECT, or None."""
    r = _readers(words)
    m = r.decade.fullmatch(s)
    if m:
        y = int(m["y"]) if len(m["y"]) == 4 else int(m["y"]) + (2000 if int(m["y"]) < 50 else 1900)
        return f"{y // 10:03d}X" if y % 10 == 0 else REJECT
    m = r.century.fullmatch(s)
    if m:
        return Point(century=int(m["c"]), bc=bool(m["bc"])) if int(m["c"]) >= 1 else REJECT
    m = r.fiscal.fullmatch(s)
    if m:
        year = _era_year(m["era"], m["ey"], words) if m["era"] else int(m["year"])
        if year is None or (not m["era"] and len(m["year"]) != 4):
            return REJECT
        return Point(year=year, fiscal=True)
    return None


def _era_year(era: str, n: str, words: DateWords) -> int | None:
    if n == "元":
        return words.eras[era] + 1
    return words.eras[era] + int(n) if int(n) >= 1 else None


def _point(s: str, words: DateWords) -> Point | None:
    m = _readers(words).point.fullmatch(s)
    if not m or not any(m[g] for g in ("rel", "ey", "year", "year4", "month", "day", "hour",
                                       "ch", "q", "q2", "part")):
        return None
    year = _year(m, words)
    if year is REJECT:
        return None
    p = Point(rel=words.relative.get(m["rel"]) if m["rel"] else None, year=year,
              month=_int(m["month"]), day=_int(m["day"]), bc=bool(m["bc"]),
              season=words.seasons.get(m["season"]) if m["season"] else None,
              quarter=_int(m["q"] or m["q2"]))
    if p.rel and p.rel.extra:
        p = replace(p, **({"season": p.rel.extra} if p.rel.extra in SEASONS
                          else {"part": p.rel.extra}))
    p = _with_clock(p, m, words)
    return p if p and _valid(p) else None


def _int(v: str | None) -> int | None:
    return int(v) if v is not None else None


def _year(m: re.Match, words: DateWords):
    if m["era"]:
        y = _era_year(m["era"], m["ey"], words)
        return REJECT if y is None else y
    raw = m["year"] or m["year4"]
    if raw is None:
        return None
    y = int(raw)
    if len(raw) <= 2 and not m["bc"]:       # 24年2月: two-figure year
        y += 2000 if y < 50 else 1900
    return y


def _with_clock(p: Point, m: re.Match, words: DateWords) -> Point | None:
    parts = [words.parts[w] for w in (m["part"], m["part2"]) if w]
    code = parts[0][0] if parts else None
    if m["ch"]:
        h, mi, sec = int(m["ch"]), int(m["cm"]), _int(m["cs"])
        if h > _MAX_HOUR:                       # 59:59 is minutes:seconds
            if sec is not None:
                return None
            h, mi, sec = None, h, mi
    elif m["hour"]:
        h, mi, sec = int(m["hour"]), 30 if m["half"] else _int(m["minute"]), _int(m["second"])
    else:
        return replace(p, part=code or p.part)
    shifts = [shift for _, shift in reversed(parts) if shift]
    h = _shift_hour(h, shifts[0] if shifts else None)
    if h is REJECT or (mi is not None and mi > 59) or (sec is not None and sec > 59):
        return None
    return replace(p, hour=h, minute=mi, second=sec, part=code)


def _shift_hour(h: int | None, shift: str | None):
    if h is None or shift is None:
        return REJECT if h is not None and h > _MAX_HOUR else h
    if shift == "am":
        return REJECT if h > 12 else h % 12
    if shift == "pm":
        return h + 12 if 1 <= h <= 11 else h
    return h + 12 if 1 <= h <= 12 else h     # night: 夜12時 → 24


def _valid(p: Point) -> bool:
    """Ranges and the rule that given parts are contiguous (no year + day without month)."""
    if p.month is not None and not 1 <= p.month <= 12:
        return False
    if p.day is not None and not 1 <= p.day <= _days_in(p.year, p.month):
        return False
    if p.quarter is not None and not 1 <= p.quarter <= 4:
        return False
    if (p.season or p.quarter) and (p.month or p.day or p.has_clock):
        return False
    if p.bc and (p.year is None or p.rel):
        return False
    has_year = p.year is not None or (p.rel and p.rel.unit == "year")
    has_month = p.month is not None or (p.rel and p.rel.unit == "month")
    has_day = p.day is not None or (p.rel and p.rel.unit == "day")
    if p.rel and p.rel.unit in ("week", "fy") and (p.month or p.day or p.has_clock):
        return False
    if p.rel and p.rel.unit == "year" and p.day and not p.month:
        return False
    if p.rel and p.rel.unit in ("month", "day") and p.month:
        return False
    if p.rel and p.rel.unit == "day" and p.day:
        return False
    if has_year and has_day and not has_month:
        return False
    if (p.has_clock or p.part) and (has_year or has_month) and not has_day:
        return False
    return True


def _days_in(year: int | None, month: int | None) -> int:
    if month is None or not 1 <= month <= 12:
        return 31
    return calendar.monthrange(year if year else 2000, month)[1]   # 2000: leap, 2月29日 ok


# --- reading a whole string -----------------------------------------------------------------
@dataclass(frozen=True)
class Reading:
    form: object            # Duration | Point | tuple of two (a range)
    mod: str | None


def _strip_affixes(s: str, words: DateWords) -> tuple[str, str | None, str | None]:
    """→ (core, mod from a suffix, mod from a prefix)."""
    pre = None
    for w in sorted(words.premods, key=len, reverse=True):
        if s.startswith(w) and len(s) > len(w):
            s, pre = s[len(w):], words.premods[w]
            break
    suf = None
    for w in sorted(words.mods, key=len, reverse=True):
        if s.endswith(w) and len(s) > len(w):
            s, suf = s[:-len(w)], words.mods[w]
            break
    return s, suf, pre


def _read(raw: str, words: DateWords, hints: dict) -> Reading | None:
    s = _canon(raw)
    s, suf, pre = _strip_affixes(s, words)
    mod = suf or pre
    r = _readers(words)
    weekday = None
    for m in r.wday_paren.finditer(s):
        weekday = words.weekdays[m["w"]]
    s = r.wday_paren.sub("", s)
    if not s and weekday:
        return Reading(Point(weekday=weekday), mod)
    if s in words.weekdays and len(s) > 1:     # 月曜日 written out; a bare 月 is not a date
        return Reading(Point(weekday=words.weekdays[s]), mod)
    form = _read_core(s, words, hints.get("type") == "DURATION", mod)
    if form is None or form is REJECT:
        return None
    if isinstance(form, Reading):                # relative: carries its own mod
        return Reading(form.form, mod or form.mod)
    return Reading(form, mod)


def _read_core(s: str, words: DateWords, force_duration: bool, mod: str | None):
    pair = re.fullmatch(r"(\d+)、(\d+)(\D.*)", s)
    if pair:                                   # 2、3日: two or three days
        a, b = (_duration(n + pair[3], words, True, mod) for n in pair.group(1, 2))
        return (a, b) if isinstance(a, Duration) and isinstance(b, Duration) else None
    if "~" in s:
        return _range(s, words, mod)
    if re.search(r"[年月日時間]", s) and _DASH_RANGE.search(s):   # 1972年-1973年, 4-5日
        return _range(_DASH_RANGE.sub("~", s, count=1), words, mod)
    dur = _duration(s, words, force_duration, mod)
    if dur is not None:
        return dur
    rel = _relative(s, words)
    if rel is not None:
        return rel
    special = _special(s, words)
    if special is not None:
        return special
    s = _unslash(s, words)
    return _point(s, words) if s else None


def _relative(s: str, words: DateWords):
    """`3日前` → DURATION P3D with mod BEFORE (an approximation word wins: およそ1カ月前)."""
    for w in sorted(words.rels, key=len, reverse=True):
        if not (s.endswith(w) and len(s) > len(w)):
            continue
        core, suf, _ = _strip_affixes(s[:-len(w)], words)
        dur = _duration(core, words, True, None)
        return Reading(dur, suf or words.rels[w]) if isinstance(dur, Duration) else None
    return None


def _range(s: str, words: DateWords, mod: str | None):
    left, _, right = s.partition("~")
    if not left or not right or "~" in right:
        return None
    unit = re.match(r"[\d#.]+(\D)", right)
    if re.search(r"\d$", left) and unit:      # 10~12月: the left end shares the unit
        left += _first_unit(right[unit.start(1):], words)
    a = _read_core(left, words, False, mod)
    b = _read_core(right, words, False, mod)
    if isinstance(a, Duration) and isinstance(b, Duration):
        return (a, b)
    if isinstance(a, Point) and isinstance(b, Point):
        return (a, _fill_from(b, a))
    return None


def _first_unit(tail: str, words: DateWords) -> str:
    for w in sorted(list(words.units) + ["年度", "年", "月", "日", "時"], key=len, reverse=True):
        if tail.startswith(w):
            return w
    return tail[:1]


def _fill_from(b: Point, a: Point) -> Point:
    """The right end of 2024年10月~12月 takes the year (and month) it leaves out."""
    if b.rel or a.rel:
        return b
    if b.year is None and (b.month or b.day or b.season or b.quarter):
        b = replace(b, year=a.year)
    if b.month is None and b.day is not None:
        b = replace(b, month=a.month)
    return b


# --- resolution ---------------------------------------------------------------------------------
Anchor = tuple  # (year, month, day), None for unknown parts


@dataclass(frozen=True)
class Context:
    """What the dates before a mention tell about it.

    `anchor` is the nearest preceding date, for anaphoric words and a day alone (4日).
    `year` is the year a month alone (6月) takes: the nearest preceding year except a
    flashback, i.e. a year written earlier than the document's frame (the dct's year, else
    the first year the text gives): after `2016年には…`, `12月上旬` is still the frame's year.
    """
    anchor: Anchor | None = None
    year: int | None = None
    frame: int | None = None
    dct: dt.date | None = None


def _parse_dct(dct: str | None) -> dt.date | None:
    if dct is None:
        return None
    return dt.date.fromisoformat(dct[:10])


def _known(a: Anchor | None, n: int) -> bool:
    return a is not None and all(x is not None for x in a[:n])


def _dct_tuple(ctx: Context) -> Anchor | None:
    return (ctx.dct.year, ctx.dct.month, ctx.dct.day) if ctx.dct else None


def _base(rel: Rel, ctx: Context) -> Anchor | None:
    """The (y, m, d) a relative word counts from, or None if unknown."""
    need = {"year": 1, "fy": 1, "month": 2, "week": 3, "day": 3}[rel.unit]
    if rel.base == "anchor" and _known(ctx.anchor, need):
        return ctx.anchor
    if ctx.dct:
        return _dct_tuple(ctx)
    if rel.base == "anchor" and _known(ctx.anchor, 1) and rel.offset == 0:
        return ctx.anchor
    return None


def _shift(rel: Rel, base: Anchor | None):
    """→ (y, m, d) of the relative word at its own granularity (None parts unknown),
    or an ISO week string for week units."""
    if base is None:
        return "XXXX-WXX" if rel.unit == "week" else (None, None, None)
    y, m, d = base
    if rel.unit == "year":
        return (y + rel.offset, None, None)
    if rel.unit == "fy":
        start = y if m is None or m >= 4 else y - 1
        return (start + rel.offset, None, None)
    if rel.unit == "month":
        if m is None:
            return (y, None, None)
        k = y * 12 + (m - 1) + rel.offset
        return (k // 12, k % 12 + 1, None)
    if d is None:
        return "XXXX-WXX" if rel.unit == "week" else (y, m, None)
    day = dt.date(y, m, d) + dt.timedelta(days=rel.offset * (7 if rel.unit == "week" else 1))
    if rel.unit == "week":
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    return (day.year, day.month, day.day)


def _fill(p: Point, ctx: Context) -> tuple[Anchor, str] | None:
    """(y, m, d) for a point without a relative word and its granularity; None when a part
    of day has no day to belong to."""
    y, m, d = p.year, p.month, p.day
    gran = "day" if d is not None else "month" if m is not None else "year"
    if y is not None or p.century or p.weekday:
        return (y, m, d), gran
    dct_t = _dct_tuple(ctx)
    if d is not None and m is None:
        src = ctx.anchor if _known(ctx.anchor, 2) else dct_t or ctx.anchor
        return ((src[0], src[1], d) if src else (None, None, d)), gran
    if m is not None or p.season or p.quarter:
        year = ctx.year if ctx.year is not None else dct_t[0] if dct_t else None
        return (year, m, d), gran
    if p.has_clock or p.part:                 # a time of day alone: the day it belongs to
        src = ctx.anchor if ctx.anchor and ctx.anchor[2] is not None else dct_t
        if src:
            return src, "day"
        return ((None, None, None), "none") if p.has_clock else None
    return (None, None, None), gran


def _resolve_point(p: Point, ctx: Context):
    """→ (value, type, anchor update or None), or None when the point cannot stand."""
    if p.century is not None:
        c = f"{p.century - 1:02d}XX"
        return ("BC" + c if p.bc else c), "DATE", None
    if p.weekday is not None and not (p.year or p.month or p.day or p.rel):
        return f"XXXX-WXX-{p.weekday}", "DATE", None
    if p.rel:
        shifted = _shift(p.rel, _base(p.rel, ctx))
        if isinstance(shifted, str):          # a week
            return shifted, "DATE", None
        y, m, d = shifted
        m = p.month if p.month is not None else m
        d = p.day if p.day is not None else d
        gran = ("day" if p.day is not None or p.rel.unit == "day" else
                "month" if p.month is not None or p.rel.unit == "month" else "year")
        fiscal = p.rel.unit == "fy"
    else:
        filled = _fill(p, ctx)
        if filled is None:
            return None
        (y, m, d), gran = filled
        fiscal = p.fiscal
    value = _date_value(y, m, d, gran, p, fiscal)
    time = _time_value(p)
    kind = "TIME" if time else "DATE"
    update = (y, m if gran in ("month", "day") else None, d if gran == "day" else None)
    return value + time, kind, (update if any(x is not None for x in update) else None)


def _date_value(y, m, d, gran: str, p: Point, fiscal: bool) -> str:
    if gran == "none":
        return ""
    year = "XXXX" if y is None else f"{y:04d}"
    if p.bc:
        year = "BC" + year
    if fiscal:
        return "FY" + year
    if p.season:
        return f"{year}-{p.season}"
    if p.quarter:
        return f"{year}-Q{p.quarter}"
    out = year
    if gran in ("month", "day"):
        out += "-XX" if m is None else f"-{m:02d}"
    if gran == "day":
        out += "-XX" if d is None else f"-{d:02d}"
    return out


def _time_value(p: Point) -> str:
    if not p.has_clock:
        return p.part or ""          # TIMEX3 part-of-day codes start with T (TAF)
    out = "TXX" if p.hour is None else f"T{p.hour:02d}"
    if p.minute is not None:
        out += f":{p.minute:02d}"
        if p.second is not None:
            out += f":{p.second:02d}"
    return out


def _norm(reading: Reading, ctx: Context, hints: dict):
    """→ (norm or None, anchor update or None, the point that made it)."""
    mod = reading.mod or hints.get("mod")
    form = reading.form
    if isinstance(form, str):                  # a decade
        return {"type": "DATE", "value": form, "mod": mod}, None, None
    if isinstance(form, Duration):
        return {"type": "DURATION", "value": form.value, "mod": mod}, None, None
    if isinstance(form, tuple):
        a, b = form
        if isinstance(a, Duration):
            return {"type": "DURATION", "value": f"{a.value}..{b.value}", "mod": mod}, None, None
        ra, rb = _resolve_point(a, ctx), _resolve_point(b, ctx)
        if ra is None or rb is None:
            return None, None, None
        kind = "TIME" if "TIME" in (ra[1], rb[1]) else "DATE"
        return {"type": kind, "value": f"{ra[0]}..{rb[0]}", "mod": mod}, ra[2], a
    resolved = _resolve_point(form, ctx)
    if resolved is None:
        return None, None, None
    value, kind, update = resolved
    return {"type": kind, "value": value, "mod": mod}, update, form


def _merge(anchor: Anchor | None, new: Anchor | None) -> Anchor | None:
    """Keep the anchor's finer parts while the new date agrees with it."""
    if new is None:
        return anchor
    if anchor is None or new[0] is None:
        return new
    out = []
    agree = True
    for old_part, new_part in zip(anchor, new):
        if new_part is None:
            out.append(old_part if agree else None)
        else:
            agree = agree and new_part == old_part
            out.append(new_part)
    return tuple(out)


def _advance(ctx: Context, update: Anchor | None, point: Point | None) -> Context:
    """The context for the next mention."""
    if update is None:
        return ctx
    anchor = _merge(ctx.anchor, update)
    year, frame = ctx.year, ctx.frame
    if update[0] is not None:
        frame = update[0] if frame is None else frame
        deictic = point is not None and point.rel is not None and point.rel.base == "dct"
        if deictic or update[0] >= frame:      # an earlier written year is a flashback
            year = update[0]
    return replace(ctx, anchor=anchor, year=year, frame=frame)


def _anchor_of(norm: dict | None) -> Anchor | None:
    if not norm:
        return None
    m = re.match(r"(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?", str(norm.get("value", "")))
    if not m:
        return None
    parts = tuple(None if g is None or "X" in g else int(g) for g in m.groups())
    return parts if any(x is not None for x in parts) else None


# --- public API ---------------------------------------------------------------------------------
def normalize_date(text: str, anchor: dict | None = None, dct: str | None = None,
                   hints=(), rules_dir: Path | str = RULES_DIR) -> dict | None:
    """One DATE string → norm, or None if it is not a date. `anchor` is the norm of the
    nearest preceding date (its value supplies missing parts); `dct` is YYYY-MM-DD."""
    words = load_date_words(rules_dir)
    h = dict(hints or ())
    reading = _read(text, words, h)
    if reading is None:
        return None
    a = _anchor_of(anchor)
    ctx = Context(anchor=a, year=a[0] if a else None, dct=_parse_dct(dct))
    return _norm(reading, ctx, h)[0]


def resolve_dates(texts: list[str], dct: str | None, hints: list | None = None,
                  rules_dir: Path | str = RULES_DIR) -> list[dict | None]:
    """A document's DATE strings in text order → one norm each (None: not a date).
    `hints` (optional) lines up with `texts`: each the tagger's Mention.hints."""
    words = load_date_words(rules_dir)
    when = _parse_dct(dct)
    ctx = Context(dct=when, frame=when.year if when else None)
    out = []
    for i, raw in enumerate(texts):
        h = dict(hints[i] if hints else ())
        reading = _read(raw, words, h)
        norm, update, point = _norm(reading, ctx, h) if reading else (None, None, None)
        ctx = _advance(ctx, update, point)
        out.append(norm)
    return out
