"""NUMBER norm: `{"value", "min", "max", "unit", "approx"}` (SPEC §4, GUIDELINES §4).

`normalize_number("約 25 億ドル")` → value 2500000000, unit ドル, approx True. The string is
parsed as [prefix qualifiers] numeral [unit] [~ numeral] [unit] [suffix qualifiers]; units and
qualifiers come from rules/counters.tsv and rules/qualifiers.tsv, which the NUMBER tagger
reads too (`load_number_rules`), so tagger and normaliser agree on what a qualifier is.

Decisions where SPEC/GUIDELINES are silent:
- A plain number has min = max = None; only a qualifier or a range sets them.
- A min qualifier on a range or a vague amount (数百人以上) keeps min and clears max; a max
  qualifier keeps max and clears min.
- `3~5万人` means 3万~5万: the right side's multiplier (万/億/兆/千) applies to a bare left side
  when that keeps the range ascending (8000~1万人 stays 8000..10000).
- 数 is a digit from 2 to 9 (数百 → 200..900, 十数 → 12..19, 数十万 → 200000..900000).
- A unit missing from counters.tsv is kept as written; a bare number has unit "".
"""
from __future__ import annotations

import re
from decimal import Decimal

from kanjize import kanji2number

from ..rules.numbers import NUMERAL_CHARS, Counter, NumberRules
from ..prepare.textnorm import fold

RANGE_MARKS = "~\\-‐−–—"
_MULTIPLIERS = "十百千万億兆"
_SHAPE = re.compile(
    rf"(?P<a>[{NUMERAL_CHARS}]+)"
    rf"(?:(?P<ua>[^{NUMERAL_CHARS}{RANGE_MARKS}][^{RANGE_MARKS}]*?)?[{RANGE_MARKS}]"
    rf"(?P<b>[{NUMERAL_CHARS}]+))?"
    rf"(?P<rest>[^{NUMERAL_CHARS}{RANGE_MARKS}].*)?")
_SPACES = re.compile(r"\s+")
_DECIMAL = re.compile(r"\d+(\.\d+)?")
_DECIMAL_TIMES = re.compile(rf"(\d+\.\d+)([{_MULTIPLIERS}]+)")


def normalize_number(text: str, rules: NumberRules, after: str = "", before: str = "") -> dict:
    """Norm of a NUMBER span; `after`/`before` are the detached qualifiers the tagger found
    (or simply the text following/preceding the span). ValueError if `text` is not a number.
    `rules` is the bundle's NumberRules (rules/counters.tsv, rules/qualifiers.tsv)."""
    s = _compact(text)
    if not s or s in rules.lexical:
        raise ValueError(f"not a number expression: {text!r}")
    effects: set[str] = set()
    s = _strip_prefixes(s, rules, effects)
    m = _SHAPE.fullmatch(s)
    if not m:
        raise ValueError(f"not a number expression: {text!r}")
    unit, tail_effects = _unit_and_suffixes(m["rest"] or "", rules, text)
    effects |= tail_effects
    if m["ua"] and _unit_of(m["ua"], rules, text) != unit:
        raise ValueError(f"range with two different units: {text!r}")
    effects |= _detached(after, before, rules)
    if "reject" in effects:
        raise ValueError(f"ordinal, not a quantity: {text!r}")
    return _norm(m["a"], m["b"], unit, effects, text)


def _compact(text: str) -> str:
    """Fold full-width characters, drop whitespace (PDF breaks, `1,500 人`)."""
    return _SPACES.sub("", fold(text))


def _strip_prefixes(s: str, rules: NumberRules, effects: set[str]) -> str:
    stripped = True
    while stripped:
        stripped = False
        for q in rules.qualifiers_at("prefix"):
            if s.startswith(q.surface) and len(s) > len(q.surface):
                s, stripped = s[len(q.surface):], True
                effects |= q.effects
                break
    return s


def _unit_and_suffixes(rest: str, rules: NumberRules, text: str) -> tuple[str, set[str]]:
    """Split what follows the numeral into unit + suffix qualifiers (1000余人: infix too)."""
    effects: set[str] = set()
    for infix in rules.qualifiers_at("infix"):
        # 1000余人 has an infix; in 1000余り / 1000余 the 余 is a suffix.
        if rest.startswith(infix.surface) and _suffix_effects(rest, rules) is None:
            effects |= infix.effects
            rest = rest[len(infix.surface):]
            break
    known = sorted((c for c in rules.counters_from(rest[:1]) if rest.startswith(c.surface)),
                   key=lambda c: -len(c.surface))
    for counter in known:
        tail = _suffix_effects(rest[len(counter.surface):], rules)
        if tail is not None:
            return _checked_unit(counter, text), effects | tail
    if known:
        raise ValueError(f"text after the unit {known[0].surface!r}: {text!r}")
    for i in range(len(rest) + 1):  # unknown unit: shortest head whose tail is all qualifiers
        tail = _suffix_effects(rest[i:], rules)
        if tail is not None:
            return rest[:i], effects | tail
    raise AssertionError("the empty tail always parses")


def _suffix_effects(tail: str, rules: NumberRules) -> set[str] | None:
    """Effects of a run of suffix qualifiers, or None if `tail` is not such a run."""
    if not tail:
        return set()
    for q in rules.qualifiers_at("suffix"):
        if tail.startswith(q.surface):
            more = _suffix_effects(tail[len(q.surface):], rules)
            if more is not None:
                return set(q.effects) | more
    return None


def _unit_of(surface: str, rules: NumberRules, text: str) -> str:
    counter = rules.by_surface.get(surface)
    return _checked_unit(counter, text) if counter else surface


def _checked_unit(counter: Counter, text: str) -> str:
    if counter.kind in ("excluded", "lexical", "calibre"):
        raise ValueError(f"{counter.surface!r} makes a date, age, ordinal, calibre or word, "
                         f"not a quantity: {text!r}")
    return counter.unit


def _detached(after: str, before: str, rules: NumberRules) -> set[str]:
    after, before = _compact(after), _compact(before)
    effects: set[str] = set()
    for q in rules.qualifiers_at("after"):
        if after and after.startswith(q.surface):
            effects |= q.effects
            break
    for q in rules.qualifiers_at("before"):
        if before and before.endswith(q.surface):
            effects |= q.effects
            break
    return effects - {"none"}


def _norm(a: str, b: str | None, unit: str, effects: set[str], text: str) -> dict:
    lo_a, hi_a = _numeral(a, text)
    if b is None:
        lo, hi = lo_a, hi_a
    else:
        lo_b, hi_b = _numeral(b, text)
        lo_a, hi_a = _shared_multiplier(a, b, lo_a, hi_a, lo_b)
        lo, hi = lo_a, hi_b
    if b is None and lo == hi:
        value = lo
        mn = value if "min" in effects else None
        mx = value if "max" in effects else None
    else:  # range or 数: bounds from the text; a one-sided qualifier opens the other side
        value, mn, mx = None, lo, hi
        if "min" in effects and "max" not in effects:
            mx = None
        if "max" in effects and "min" not in effects:
            mn = None
    approx = "approx" in effects or "数" in a + (b or "")
    return {"value": _plain(value), "min": _plain(mn), "max": _plain(mx), "unit": unit,
            "approx": approx}


def _numeral(s: str, text: str) -> tuple[Decimal, Decimal]:
    """(low, high) of one numeral; equal unless it contains 数."""
    s = s.replace(",", "")
    if "数" not in s:
        v = _value(s, text)
        return v, v
    if re.search(r"数[0-9.]|[0-9.]数", s):
        raise ValueError(f"数 next to Arabic digits: {text!r}")
    return _value(s.replace("数", "2"), text), _value(s.replace("数", "9"), text)


def _value(s: str, text: str) -> Decimal:
    if _DECIMAL.fullmatch(s):
        return Decimal(s)
    # kanjize multiplies decimals in floating point (4.6億 → 459999999): do it exactly here.
    m = _DECIMAL_TIMES.fullmatch(s)
    if m:
        return Decimal(m[1]) * _multiplier(m[2])
    if "." in s or not s:
        raise ValueError(f"malformed numeral {s!r} in {text!r}")
    try:
        return Decimal(kanji2number(s))
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"malformed numeral {s!r} in {text!r}") from exc


def _multiplier(kanji: str) -> Decimal:
    return Decimal(kanji2number("1" + kanji))


def _shared_multiplier(a: str, b: str, lo_a: Decimal, hi_a: Decimal, lo_b: Decimal):
    """3~5万 → 30000..50000: a bare left side borrows the right side's trailing multiplier."""
    m = re.search(rf"[{_MULTIPLIERS}]+$", b)
    if not m or re.search(rf"[{_MULTIPLIERS}]", a):
        return lo_a, hi_a
    k = _multiplier(m[0])
    return (lo_a * k, hi_a * k) if hi_a * k <= lo_b else (lo_a, hi_a)


def _plain(v: Decimal | None) -> int | float | None:
    """int when whole (2.5万 → 25000), else float (1.5倍 → 1.5)."""
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else float(v)
