"""Norm accuracy on matched entity pairs (strict match, else overlap; same label).

A pair counts when the gold entity has a norm, for the fields that norm has; a prediction without
one is wrong. Per label:
ACTOR country and kind; PLACE country and great-circle distance between gold and predicted
coordinates (mean/median over pairs where both have them; "within 25 km" over pairs where gold has
them, so a missing prediction counts as outside); NUMBER value, min and max all equal; DATE value.
"""
from __future__ import annotations

import math
import statistics

EARTH_KM = 6371.0088
NEAR_KM = 25.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _accuracy(outcomes: list[bool]) -> dict:
    n = len(outcomes)
    return {"n": n, "correct": sum(outcomes), "accuracy": sum(outcomes) / n if n else None}


def _field(pairs, name: str) -> dict:
    """A field the gold norm does not have (a partial norm, e.g. ner-wikipedia's `{"kind":
    "person"}`) is not scored."""
    return _accuracy([(p or {}).get(name) == g.get(name) for g, p in pairs if name in g])


def _coords(norm: dict | None):
    if not norm or norm.get("lat") is None or norm.get("lon") is None:
        return None
    return float(norm["lat"]), float(norm["lon"])


def distances(pairs) -> dict:
    gold_located = [(g, p) for g, p in pairs if _coords(g)]
    km = [haversine_km(*_coords(g), *_coords(p)) for g, p in gold_located if _coords(p)]
    n = len(gold_located)
    return {"n_gold_coords": n, "n_both": len(km),
            "mean_km": statistics.fmean(km) if km else None,
            "median_km": statistics.median(km) if km else None,
            "within_25km": sum(d <= NEAR_KM for d in km) / n if n else None}


def score(pairs: list[tuple[dict, dict, bool]]) -> dict:
    """`pairs`: (gold entity, predicted entity, exact) from entity matching."""
    by_label: dict[str, list] = {}
    for g, p, _ in pairs:
        if isinstance(g.get("norm"), dict):
            by_label.setdefault(g["label"], []).append((g["norm"], p.get("norm")))
    get = lambda lab: by_label.get(lab, [])            # noqa: E731
    return {
        "ACTOR": {"pairs": len(get("ACTOR")), "country": _field(get("ACTOR"), "country"),
                  "kind": _field(get("ACTOR"), "kind")},
        "PLACE": {"pairs": len(get("PLACE")), "country": _field(get("PLACE"), "country"),
                  "distance": distances(get("PLACE"))},
        "NUMBER": {"pairs": len(get("NUMBER")), "value_min_max": _accuracy(
            [all(same_number(g.get(k), (p or {}).get(k)) for k in ("value", "min", "max"))
             for g, p in get("NUMBER")])},
        "DATE": {"pairs": len(get("DATE")), "value": _field(get("DATE"), "value")},
    }
