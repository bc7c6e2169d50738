"""ACLED-style CSV: one row per event group that ACLED codes (rules/export_acled.tsv).

ACLED's conventions, as far as our records can follow them:
- fatalities: the lowest reported count (groups.casualty_counts); 0 when unknown or vague
  beyond a lower bound; wounded never count;
- a CASUALTY group sharing a sentence with an ATTACK or INTERCEPT group is the outcome of that
  event: its fatalities are added there and it gets no row of its own;
- event_date: the day with time_precision 1; a month, a year or a range is coded to its first
  day with time_precision 3; an undated event takes the article's date (dct), time_precision 3;
- geo_precision: 1 for a town, village or facility, 2 for a district, 3 for a region or country.
"""
from __future__ import annotations

from .mappings import lookup
from .table import csv_text

COLUMNS = (("event_id_cnty", "str"), ("event_date", "str"), ("time_precision", "int"),
           ("event_type", "str"), ("sub_event_type", "str"), ("actor1", "str"), ("assoc_actor_1", "str"),
           ("actor2", "str"), ("country", "str"), ("admin1", "str"), ("location", "str"),
           ("latitude", "float"), ("longitude", "float"), ("geo_precision", "int"), ("source", "str"),
           ("notes", "str"), ("fatalities", "int"))
GEO_PRECISION = {"city": 1, "village": 1, "facility": 1, "admin2": 2}
FOLD_INTO = ("ATTACK", "INTERCEPT")


def event_date(group: dict, dct: str | None) -> tuple[str | None, int]:
    value, precision = group["date"], group["date_precision"]
    if precision in ("minute", "day"):
        return value[:10], 1
    if precision == "month":
        return value + "-01", 3
    if precision == "year":
        return value + "-01-01", 3
    if precision == "range" and len(value.split("..")[0]) >= 4 and "X" not in value.split("..")[0]:
        start = value.split("..")[0]
        return (start + "-01-01")[:10] if len(start) == 4 else (start + "-01")[:10], 3
    return dct, 3


def _overlap(a: dict | None, b: dict | None) -> bool:
    return bool(a and b and a["start"] < b["end"] and b["start"] < a["end"])


def fold_casualties(groups: list[dict]) -> tuple[list[dict], dict[str, int]]:
    """Drop CASUALTY groups that report the outcome of a violent group in the same sentence.

    Returns the remaining groups and, per violent group id, the fatalities folded into it.
    """
    folded: dict[str, int] = {}
    keep = []
    for g in groups:
        host = None
        if g["type"] == "CASUALTY":
            host = next((h for h in groups if h["doc_id"] == g["doc_id"] and h["type"] in FOLD_INTO
                         and any(_overlap(s, t) for s in g["sentences"] for t in h["sentences"])), None)
        if host is None:
            keep.append(g)
        else:
            folded[host["id"]] = folded.get(host["id"], 0) + (g["fatalities"] or 0)
    return keep, folded


def row(group: dict, mapping: dict, dct: str | None, extra_fatalities: int) -> dict:
    place = group["place"]
    date, precision = event_date(group, dct)
    actor1 = group["actor1"]["name"] or group["actor1"]["id"]
    notes = (f"{group['type']} ({'/'.join(t['text'] for t in group['triggers'])}); "
             f"{group['doc_id']} mentions {','.join(group['mentions'])}; modality {group['modality']}"
             + ("; denied" if group["polarity"] == "negative" else ""))
    return {
        "event_id_cnty": group["id"], "event_date": date, "time_precision": precision,
        "event_type": mapping["event_type"], "sub_event_type": mapping["sub_event_type"],
        "actor1": actor1, "assoc_actor_1": "; ".join(a for a in group["agents"] if a != actor1),
        "actor2": group["actor2"]["name"] or group["actor2"]["id"],
        "country": group["country"] or group["actor1"]["country"],
        "admin1": place["admin1"], "location": place["name"],
        "latitude": place["lat"], "longitude": place["lon"],
        "geo_precision": GEO_PRECISION.get(place["precision"], 3) if place["precision"] else None,
        "source": group["source"]["name"] or group["doc_id"], "notes": notes,
        "fatalities": (group["fatalities"] or 0) + extra_fatalities
        if group["polarity"] == "positive" else 0,
    }


def rows(groups: list[dict], table: dict, dcts: dict[str, str | None]) -> list[dict]:
    kept, folded = fold_casualties(groups)
    out = []
    for g in kept:
        mapping = lookup(table, g["type"], g["trigger_rule"])
        if mapping["event_type"]:
            out.append(row(g, mapping, dcts.get(g["doc_id"]), folded.get(g["id"], 0)))
    return out


def acled_text(groups: list[dict], table: dict, dcts: dict[str, str | None]) -> str:
    return csv_text(rows(groups, table, dcts), COLUMNS)
