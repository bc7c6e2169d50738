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
Code: pipeline/rules/date_words.py (words, regexes), date_readers.py (one string), here (resolution).

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
- A photo caption's date (the tagger's hint `zone=caption`: `…=14日、ヘルソン`, `写真は…で7日、`)
  is resolved like any date but is never the anchor of the dates after it (SPEC §7: a bare
  day never takes its month from a photo caption); its year still counts for a month alone,
  as the seed gold reads a caption-only year.
- A part of day alone (未明の攻撃) belongs to the nearest preceding date's day, else the dct's
  day; with neither it is not a date (深夜, 今朝 alone), as in ja-timex.
- Ranges of durations read `P2Y..P3Y` (2、3日 → P2D..P3D); a weekday alone is `XXXX-WXX-1`;
  a century is `20XX` (21世紀), a decade `199X` (1990年代, 90年代), BC years `BC0202`, fiscal
  years `FY2021` (April start for 今年度).
- The anchor keeps finer parts while a new date agrees with it (6月3日 … 同年 … 4日 →
  the 4th of June); a date with unknown year replaces it outright.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from ..rules.date_words import DateWords, Rel
from .date_readers import Duration, Point, Reading, _read

# --- resolution ---------------------------------------------------------------------------------
Anchor = tuple  # (year, month, day), None for unknown parts
_VALUE_PARTS = re.compile(r"(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?")


# A NamedTuple, not a frozen dataclass: the context is renewed after every date, and
# _replace costs a quarter of dataclasses.replace.
class Context(NamedTuple):
    """What the dates before a mention tell about it.

    `anchor` is the nearest preceding date, for anaphoric words and a day alone (4日).
    `day` is the nearest preceding date known to the day: a day-counting word (同日, この日,
    翌日) names a day, so a month or year written in between (今年2月以来) is not its referent.
    `year` is the year a month alone (6月) takes: the nearest preceding year except a
    flashback, i.e. a year written earlier than the document's frame (the dct's year, else
    the first year the text gives): after `2016年には…`, `12月上旬` is still the frame's year.
    """
    anchor: Anchor | None = None
    day: Anchor | None = None  # the nearest preceding date known to the day, for 同日/この日
    year: int | None = None
    frame: int | None = None
    dct: dt.date | None = None
    past: bool = False        # the mention's sentence reports in the past (tagger hint)


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
    if rel.base == "anchor" and need == 3 and _known(ctx.day, 3):
        return ctx.day
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
        src = ctx.anchor if _known(ctx.anchor, 2) and not _flashback(ctx.anchor, ctx) \
            else dct_t or ctx.anchor
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


def _flashback(anchor: Anchor, ctx: Context) -> bool:
    """In a past-tense report, a date written more than a month before the dct's month (a
    photo caption's date, a recalled event) is a flashback: a day alone (23日) never takes
    its month from it, but the dct's (SPEC §7)."""
    if not ctx.past or ctx.dct is None or anchor[0] is None or anchor[1] is None:
        return False
    return anchor[0] * 12 + anchor[1] < ctx.dct.year * 12 + ctx.dct.month - 1


def _not_after_dct(p: Point, y, m, d, gran: str, ctx: Context):
    """In a past-tense report nothing happens after the dct (SPEC §7): a month written
    without a year that lies after the dct's month is last year's; a day (bare or with
    今月) after the dct is last month's. Explicit years, and plans, keep the forward date."""
    if not ctx.past or ctx.dct is None or p.year is not None or y is None or m is None:
        return y, m, d
    dct = ctx.dct
    if p.month is not None and (y, m) > (dct.year, dct.month):
        return y - 1, m, d
    if gran == "day" and d is not None and p.month is None and (y, m, d) > (dct.year, dct.month, dct.day):
        k = y * 12 + (m - 1) - 1
        y, m = k // 12, k % 12 + 1
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
        return y, m, min(d, last)
    return y, m, d


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
        if p.rel.unit == "month" and p.rel.offset == 0 and isinstance(y, int):
            y, m, d = _not_after_dct(p, y, m, d, gran, ctx)     # 今月10日
    else:
        filled = _fill(p, ctx)
        if filled is None:
            return None
        (y, m, d), gran = filled
        fiscal = p.fiscal
        if not (p.century or p.weekday):
            y, m, d = _not_after_dct(p, y, m, d, gran, ctx)
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
    elif p.hour is not None:
        out += ":00"                 # SPEC §7: clock times are HH:MM (午前7時 → T07:00)
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
    day = anchor if _known(anchor, 3) else ctx.day
    return ctx._replace(anchor=anchor, day=day, year=year, frame=frame)


def _anchor_of(norm: dict | None) -> Anchor | None:
    if not norm:
        return None
    m = _VALUE_PARTS.match(str(norm.get("value", "")))
    if not m:
        return None
    parts = tuple(None if g is None or "X" in g else int(g) for g in m.groups())
    return parts if any(x is not None for x in parts) else None


# --- public API ---------------------------------------------------------------------------------
def normalize_date(text: str, anchor: dict | None = None, dct: str | None = None,
                   hints=(), *, words: DateWords) -> dict | None:
    """One DATE string → norm, or None if it is not a date. `anchor` is the norm of the
    nearest preceding date (its value supplies missing parts); `dct` is YYYY-MM-DD."""
    h = dict(hints or ())
    reading = _read(text, words, h)
    if reading is None:
        return None
    a = _anchor_of(anchor)
    ctx = Context(anchor=a, year=a[0] if a else None, dct=_parse_dct(dct))
    return _norm(reading, ctx, h)[0]


def resolve_dates(texts: list[str], dct: str | None, hints: list | None = None,
                  *, words: DateWords) -> list[dict | None]:
    """A document's DATE strings in text order → one norm each (None: not a date).
    `hints` (optional) lines up with `texts`: each the tagger's Mention.hints."""
    when = _parse_dct(dct)
    ctx = Context(dct=when, frame=when.year if when else None)
    out = []
    for i, raw in enumerate(texts):
        h = dict(hints[i] if hints else ())
        reading = _read(raw, words, h)
        past = h.get("tense") == "past"
        if past != ctx.past:                    # most dates keep the tense
            ctx = ctx._replace(past=past)
        norm, update, point = _norm(reading, ctx, h) if reading else (None, None, None)
        anchor, day = ctx.anchor, ctx.day
        ctx = _advance(ctx, update, point)
        if h.get("zone") == "caption":
            # a photo's date never anchors a bare day (SPEC §7)
            ctx = ctx._replace(anchor=anchor, day=day)
        out.append(norm)
    return out
