"""The normalising stage: give every tagged mention its SPEC §4 norm.

Taggers only find spans; this stage turns span texts into canonical values with the pure
normalisers in pipeline.normalize.*. Dates are resolved as one sequence per document because
anaphoric dates (同日, 4日) depend on the dates before them.
"""
from __future__ import annotations

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
    for i, m in enumerate(mentions):
        if m["label"] == "NUMBER":
            norms[i] = _number(m, rules.numbers)
        elif m["label"] == "ACTOR":
            norms[i] = normalize_actor(m["wtext"], rules.gazetteer,
                                       person=("kind", "person") in (m.get("hints") or ()))
        elif m["label"] == "PLACE":
            norms[i] = normalize_place(m["wtext"], rules.gazetteer)
    bind(mentions, norms, text)
    return norms


def _number(m: dict, rules) -> dict | None:
    hints = dict(m.get("hints") or ())     # detached qualifiers: before=最大で, after=を超える
    try:
        return normalize_number(m["wtext"], rules, before=hints.get("before", ""), after=hints.get("after", ""))
    except ValueError:
        return None
