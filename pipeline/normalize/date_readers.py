"""DATE readers: one DATE string → its parsed form (Duration, Point, a range of two, a
decade string) and mod, before any document context (see dates.py for the decisions)."""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from kanjize import kanji2number

from ..prepare.textnorm import fold
from ..rules.date_words import SEASONS, DateWords, Rel, _readers

_CALENDAR_UNITS = {"Y", "M", "W", "D"}
_WEAK_UNITS = {"年": "Y", "日": "D"}     # also a calendar year / day of the month
_MAX_HOUR = 29


# --- canonical spelling -------------------------------------------------------------------------
_FEW = re.compile(r"数十|十数|数百|数千|幾|数")
# a dash between a number or date unit and a number is a range once the text has units
# (2026-02-11 has none and stays a date)
_DASH_RANGE = re.compile(r"(?<=[\d年月日間])[-‐–—](?=\d)")
_KANJI_RUN = re.compile(r"[〇一二三四五六七八九十百千]+(?![昨半])")
_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")
_OTHER_GAP = re.compile(r"(?<!\d)\s+|\s+(?!\d)")
# patterns of the readers below, compiled once (each is tried on every DATE string)
_UNIT_SLASH = re.compile(r"(?<=[年月])/")
_YEAR_SLASH = re.compile(r"^(西暦)?(\d{4})/")
_OPEN_YEAR = re.compile(r"年\d+$")
_OPEN_MONTH = re.compile(r"月\d+$")
_DECIMAL_SECONDS = re.compile(r"(\d+)秒(\d+)")
_TWO_OR_THREE = re.compile(r"(\d+)、(\d+)(\D.*)")
_DATE_UNIT = re.compile(r"[年月日時間]")


def _kanji_digits(match: re.Match) -> str:
    try:
        return str(kanji2number(match.group()))
    except Exception:   # kanjize raises plain errors on odd runs; keep the text then
        return match.group()


def _canon(raw: str) -> str:
    """Working spelling: ASCII, 数 → #, kanji numerals → digits, no spaces except one
    between two digits (2024/12/04 17:27 keeps its date and clock apart)."""
    s = _DIGIT_GAP.sub(" ", fold(raw).strip())
    s = _OTHER_GAP.sub("", s)
    s = _FEW.sub("#", s)
    return _KANJI_RUN.sub(_kanji_digits, s)


def _unslash(s: str, words: DateWords) -> str | None:
    """2021/7/18, 令和3.7, 2021年/7 → kanji-unit form; None for a non-date like 13/13."""
    s = _UNIT_SLASH.sub("", s)
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
    s = _YEAR_SLASH.sub(r"\1\2年", s)
    if _OPEN_YEAR.search(s):
        return s + "月"
    if _OPEN_MONTH.search(s):
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
    m = _DECIMAL_SECONDS.fullmatch(s)
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
        return replace(p, part=code) if code and code != p.part else p   # replace() is dear
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
    r = _readers(words)
    pre = None
    for w in r.premods.get(s[:1], ()):
        if s.startswith(w) and len(s) > len(w):
            s, pre = s[len(w):], words.premods[w]
            break
    suf = None
    for w in r.mods.get(s[-1:], ()):
        if s.endswith(w) and len(s) > len(w):
            s, suf = s[:-len(w)], words.mods[w]
            break
    return s, suf, pre


def _read(raw: str, words: DateWords, hints: dict) -> Reading | None:
    return _reading(raw, words, hints.get("type") == "DURATION")


@functools.lru_cache(maxsize=1 << 14)     # pure; an article repeats its dates (同日, 24日)
def _reading(raw: str, words: DateWords, force_duration: bool) -> Reading | None:
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
    form = _read_core(s, words, force_duration, mod)
    if form is None or form is REJECT:
        return None
    if isinstance(form, Reading):                # relative: carries its own mod
        return Reading(form.form, mod or form.mod)
    return Reading(form, mod)


def _read_core(s: str, words: DateWords, force_duration: bool, mod: str | None):
    pair = _TWO_OR_THREE.fullmatch(s)
    if pair:                                   # 2、3日: two or three days
        a, b = (_duration(n + pair[3], words, True, mod) for n in pair.group(1, 2))
        return (a, b) if isinstance(a, Duration) and isinstance(b, Duration) else None
    if "~" in s:
        return _range(s, words, mod)
    if _DATE_UNIT.search(s) and _DASH_RANGE.search(s):   # 1972年-1973年, 4-5日
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
    for w in _readers(words).rels:
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
    for w in _readers(words).range_units:
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
