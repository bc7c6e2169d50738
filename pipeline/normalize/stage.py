"""The normalising stage: give every tagged mention its SPEC §4 norm.

Taggers only find spans; this stage turns span texts into canonical values with the pure
normalisers in pipeline.normalize.*. Dates are resolved as one sequence per document because
anaphoric dates (同日, 4日) depend on the dates before them.
"""
from __future__ import annotations

import weakref

from .actors import normalize_actor
from .context import bind
from .dates import resolve_dates
from .numbers import normalize_number
from .places import normalize_place


def normalise(mentions: list[dict], dct: str | None, rules, text: str | None = None) -> list[dict | None]:
    """`mentions`: dicts with label, wtext (working-copy text) and hints, in text order.
    Returns one norm per mention, None where the normaliser rejects the span. With the
    source `text` (which mention offsets index), norms that depend on the neighbouring
    mentions are completed too (X(ABC), a person's or an unknown place's country)."""
    norms: list[dict | None] = [None] * len(mentions)
    date_idx = [i for i, m in enumerate(mentions) if m["label"] == "DATE"]
    date_texts = [mentions[i]["wtext"] for i in date_idx]
    date_hints = [mentions[i].get("hints") or () for i in date_idx]
    for i, norm in zip(date_idx, resolve_dates(date_texts, dct, date_hints, words=rules.date_words)):
        norms[i] = norm
    memo = _memo(rules)
    for i, m in enumerate(mentions):
        if m["label"] in _ALONE:
            key = (m["label"], m["wtext"], tuple(m.get("hints") or ()))
            if key not in memo:
                memo[key] = _alone(m, rules)
            norm = memo[key]
            norms[i] = dict(norm) if norm is not None else None   # bind() fills norms in place
    bind(mentions, norms, text)
    return norms


# Labels whose norm is a function of the span's text and hints alone (per Rules bundle), so an
# actor or place named again and again is normalised once; the memo lives as long as its bundle.
_ALONE = ("NUMBER", "ACTOR", "PLACE")
_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMO_MAX = 1 << 14


def _memo(rules) -> dict:
    memo = _MEMOS.get(rules)
    if memo is None or len(memo) > _MEMO_MAX:
        memo = _MEMOS[rules] = {}
    return memo


def _alone(m: dict, rules) -> dict | None:
    if m["label"] == "NUMBER":
        return _number(m, rules.numbers)
    if m["label"] == "ACTOR":
        return normalize_actor(m["wtext"], rules.gazetteer,
                               person=("kind", "person") in (m.get("hints") or ()))
    return normalize_place(m["wtext"], rules.gazetteer)


def _number(m: dict, rules) -> dict | None:
    hints = dict(m.get("hints") or ())     # detached qualifiers: before=最大で, after=を超える
    try:
        return normalize_number(m["wtext"], rules, before=hints.get("before", ""), after=hints.get("after", ""))
    except ValueError:
        return None
