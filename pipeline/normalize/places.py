"""PLACE norm (SPEC §4, GUIDELINES §3): `{"id", "country", "kind", "name", "lat", "lon"}`.

A maximal place expression normalises to its most specific part: ロシア西部クルスク州,
ロシア・クルスク州, ロシア領クルスク州 → Kursk Oblast; 東部ドネツク州 → Donetsk Oblast;
ドニプロ市街 → Dnipro; ロシア西部 → a "Western Russia" region. An unknown X州/X市/X村/X地区…
gets the kind its classifier says and the country of a prefix, with no coordinates (a
facility named after a known city, キーウ中央駅, takes that city's point).
"""
from __future__ import annotations

import re

from ..rules.gazetteer import Gazetteer, Place, compact

MAX_LEN = 60
_BRACKETS = "「」『』\"“”'‘’<>《》〈〉【】()"

_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc・]+")


def normalize_place(text: str, gaz: Gazetteer) -> dict:
    """Normalise a PLACE span; never raises. Line breaks and spaces inside are ignored."""
    s = compact(text or "").strip(_BRACKETS)
    found = _resolve(s, None, gaz) if 0 < len(s) <= MAX_LEN else None
    return found or _unknown(s)


def _resolve(s: str, country: str | None, gaz: Gazetteer) -> dict | None:
    """`country` is the one a preceding part of the expression established (ロシア領…)."""
    if not s:
        return None
    place = gaz.place(s)
    if place:
        return _norm(place)
    return (_genitive(s, gaz) or _without_relational(s, country, gaz)
            or _without_classifier(s, country, gaz) or _after_direction(s, country, gaz)
            or _after_prefix(s, gaz) or _after_territory(s, country, gaz)
            or _by_suffix(s, country, gaz))


# ---------------------------------------------------------------------------- builders

def _norm(place: Place, country: str | None = None) -> dict:
    return {"id": place.id, "country": place.country or country, "kind": place.kind,
            "name": place.name, "lat": place.lat, "lon": place.lon}


def _unknown(s: str) -> dict:
    """An unclassified name; in war news a bare unknown katakana name is nearly always a
    small settlement, anything else is taken as an area."""
    kind = "village" if _KATAKANA.fullmatch(s or "-") else "region"
    return {"id": f"unknown:{s}", "country": None, "kind": kind, "name": None,
            "lat": None, "lon": None}


def _subregion(parent: dict, direction: str, gaz: Gazetteer) -> dict:
    """ロシア西部 → Western Russia; ガザ地区南部 → Southern Gaza Strip (no coordinates)."""
    slug, adjective = gaz.parts.direction_names[direction]
    return {"id": f"{parent['id']}_{slug}", "country": parent["country"], "kind": "region",
            "name": f"{adjective} {parent['name']}" if parent["name"] else None,
            "lat": None, "lon": None}


# ---------------------------------------------------------------------------- steps

def _genitive(s: str, gaz: Gazetteer) -> dict | None:
    """X の Y are two places; the span's head is Y, inside X's country (ロシアの極東地域)."""
    if "の" not in s:
        return None
    owner, _, tail = s.rpartition("の")
    outer = _resolve(owner, None, gaz)
    return _resolve(tail, outer["country"] if outer else None, gaz)


def _without_relational(s: str, country: str | None, gaz: Gazetteer) -> dict | None:
    for word in gaz.parts.trailing:
        if s.endswith(word) and len(s) > len(word):
            found = _resolve(s[:-len(word)], country, gaz)
            if found:
                return found
    return None


def _without_classifier(s: str, country: str | None, gaz: Gazetteer) -> dict | None:
    for word in gaz.parts.classifiers:
        if s.startswith(word) and len(s) > len(word):
            found = _known(s[len(word):], country, gaz)
            if found:
                return found
    return None


def _after_direction(s: str, country: str | None, gaz: Gazetteer) -> dict | None:
    """東部ドネツク州 → Donetsk Oblast: a leading direction word only narrows the place."""
    for word in gaz.parts.direction_names:
        if s.startswith(word) and len(s) > len(word):
            return _resolve(s[len(word):], country, gaz)
    return None


def _after_prefix(s: str, gaz: Gazetteer) -> dict | None:
    """A known place (country, oblast…) followed by a narrower part: return the narrower one;
    a direction word alone after it makes a subregion (ロシア西部)."""
    for i in range(len(s) - 1, 0, -1):
        outer = _prefix_place(s[:i], gaz)
        if not outer:
            continue
        rest = s[i:].lstrip("・")
        rest = rest[1:] if rest.startswith("領") and len(rest) > 1 else rest
        if rest in gaz.parts.direction_names:
            return _subregion(outer, rest, gaz)
        if rest == "領":
            return outer
        found = _resolve(rest, outer["country"], gaz)
        if found and (_is_known(found) or outer["kind"] in _CONTAINERS):
            return found
        if found is None and outer["kind"] in ("admin1", "admin2") and _KATAKANA.fullmatch(rest):
            # アラスカ州アンカレジ: an unlisted town inside a listed region
            return {**_unknown(rest), "id": f"place:{rest}", "country": outer["country"]}
    return None


# Only these may introduce an unlisted subdivision (ロシア西部ノボセリフカ村); a city prefix
# followed by an unknown word is more likely a mis-split of one unknown name.
_CONTAINERS = ("country", "admin1", "admin2", "region")


def _is_known(found: dict) -> bool:
    return not found["id"].startswith("place:")


def _after_territory(s: str, country: str | None, gaz: Gazetteer) -> dict | None:
    """自国領クルスク州, 敵領X: whatever owns the territory, the place is what follows 領."""
    _, sep, tail = s.partition("領")
    return _known(tail, country, gaz) if sep and tail else None


def _prefix_place(prefix: str, gaz: Gazetteer) -> dict | None:
    place = gaz.place(prefix)
    if place:
        return _norm(place)
    iso = gaz.country_code(prefix)       # 露西部, 米東部: one-kanji country prefixes
    return _norm(gaz.country_place(iso)) if iso else None


def _known(s: str, country: str | None, gaz: Gazetteer) -> dict | None:
    """A name that resolves to a listed place (for stripping classifiers before it)."""
    found = _resolve(s, country, gaz)
    return found if found and _is_known(found) else None


def _by_suffix(s: str, country: str | None, gaz: Gazetteer) -> dict | None:
    """X市 → the city X if known; otherwise an unknown place of the suffix's kind."""
    longest = max((len(k) for k in gaz.parts.kinds), default=0)
    for j in range(min(len(s) - 1, longest), 0, -1):
        kind = gaz.parts.kinds.get(s[-j:])
        if not kind:
            continue
        stem = s[:-j]
        if kind in ("city", "village"):
            city = gaz.city(stem)
            if city:
                return _norm(city, country)
        known = gaz.place(stem)
        # a facility named after its city (キーウ中央駅, X体育館) lies in it: the city's point
        near = known if kind == "facility" and known is not None and known.kind == "city" else None
        return {"id": f"place:{s}", "country": (known.country if known else None) or country,
                "kind": kind, "name": None, "lat": near.lat if near else None,
                "lon": near.lon if near else None}
    return None
