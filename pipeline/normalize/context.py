"""Norms that depend on the mentions around a mention (SPEC §7, issue 10 items 3 and 4).

- `X(ABC)`: an abbreviation in brackets right after an actor names the same actor; an
  unlisted one takes X's id, country and kind (and the other way round).
- A person's country: a nationality in the title chain is already in the norm; otherwise a
  country or place joined by の (ウクライナのクレバ外相, ハリコフ州のシネグボフ知事), else an
  earlier mention of the same person in the document.
- A place missing from the gazetteer takes the country of the place written around it (Xの Y,
  X + direction + Y), else the article's dominant country (the country most places and
  state actors of the article belong to).
"""
from __future__ import annotations

from collections import Counter

_OPEN, _CLOSE = "(（", ")）"


def _unknown_place(norm: dict) -> bool:
    return norm["country"] is None and norm["id"].startswith(("unknown:", "place:"))


def dominant_country(mentions: list[dict], norms: list[dict | None]) -> str | None:
    """The country most PLACE and ACTOR mentions of the article belong to (a tie: the earliest)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for i, (m, n) in enumerate(zip(mentions, norms)):
        if n and m["label"] in ("PLACE", "ACTOR") and n.get("country"):
            counts[n["country"]] += 1
            first.setdefault(n["country"], i)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))


def bind(mentions: list[dict], norms: list[dict | None], text: str | None) -> None:
    """Fill norms in place from their context; `text` is the source the offsets index."""
    if text is None:
        return
    dominant = None
    people: dict[str, str] = {}
    for i, (m, n) in enumerate(zip(mentions, norms)):
        if n is None or m["label"] not in ("ACTOR", "PLACE"):
            continue
        prev = _previous(mentions, norms, i)
        gap = text[mentions[prev]["end"]:m["start"]] if prev is not None else None
        if m["label"] == "ACTOR":
            if prev is not None and gap in _OPEN and text[m["end"]:m["end"] + 1] in _CLOSE \
                    and mentions[prev]["label"] == "ACTOR":
                _bracketed(norms[prev], n)
            if n["kind"] == "person":
                if n["country"] is None and gap == "の" and norms[prev].get("country"):
                    n["country"] = norms[prev]["country"]
                if n["country"] is None:
                    n["country"] = people.get(n["id"])
                if n["country"]:
                    people.setdefault(n["id"], n["country"])
        elif _unknown_place(n):
            if prev is not None and gap == "の" and mentions[prev]["label"] == "PLACE" \
                    and norms[prev].get("country"):
                n["country"] = norms[prev]["country"]
            else:
                if dominant is None:
                    dominant = dominant_country(mentions, norms) or ""
                n["country"] = dominant or None


def _previous(mentions: list[dict], norms: list[dict | None], i: int) -> int | None:
    j = i - 1
    while j >= 0 and norms[j] is None:
        j -= 1
    return j if j >= 0 else None


def _bracketed(outer: dict, inner: dict) -> None:
    """X(ABC): the unlisted side takes the listed side's id, country and kind."""
    def unknown(n):
        return n["id"].startswith(("unknown:", "person:"))
    if unknown(inner) and not unknown(outer):
        inner.update(id=outer["id"], country=outer["country"], kind=outer["kind"],
                     name=outer["name"])
    elif unknown(outer) and not unknown(inner):
        outer.update(id=inner["id"], country=inner["country"], kind=inner["kind"],
                     name=inner["name"])
    elif inner["country"] is None:
        inner["country"] = outer["country"]
