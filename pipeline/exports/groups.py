"""Merge event mentions into one row per event group (pure functions).

A group is what SPEC v2 §3 `group` names; v1 records have none, so each mention is its own
group keyed by its event id. Mentions are taken in text order; for each role the first
mention whose argument is linked to an entity wins (a linked argument carries a norm), so
the row shows the names an analyst reads first in the article.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

MODALITY_ORDER = ("asserted", "reported", "uncertain", "planned")
DATE_PRECISION_ORDER = ("minute", "day", "month", "year", "range", "partial")
PERSON_UNITS = frozenset({"人", "名"})


def group_id(event: dict) -> str:
    return event.get("group") or event["id"]


def trigger_rule(event: dict) -> str | None:
    """The trigger row id: the part of `rule` before the first `|` (`attack.shelling`)."""
    rule = event.get("rule") or ""
    return rule.split("|", 1)[0] or None


def date_precision(value: str | None) -> str | None:
    """Precision of a TIMEX3 date value; durations (P…) are not dates and give None."""
    if not value or value.startswith("P"):
        return None
    if ".." in value:
        return "range"
    if "X" in value[:10]:
        return "partial"
    if "T" in value:
        return "minute"
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "partial")


def event_day(value: str | None) -> str | None:
    """YYYY-MM-DD when the date is known to the day, else None."""
    return value[:10] if date_precision(value) in ("minute", "day") else None


def _first_linked(mentions: list[dict], roles: tuple[str, ...], label_ok=lambda norm: True) -> dict | None:
    """First argument with one of `roles` (in role order, then text order) with an entity norm."""
    for role in roles:
        for m in mentions:
            for arg in m.get("arguments", []):
                if arg["role"] == role and arg.get("norm") and label_ok(arg["norm"]):
                    return arg
    return None


def _first_any(mentions: list[dict], role: str) -> dict | None:
    for m in mentions:
        for arg in m.get("arguments", []):
            if arg["role"] == role:
                return arg
    return None


def _is_actor(norm: dict) -> bool:
    return "kind" in norm and "lat" not in norm and "value" not in norm


def _is_place(norm: dict) -> bool:
    return "lat" in norm


def actor_fields(arg: dict | None) -> dict:
    norm = (arg or {}).get("norm") or {}
    return {"id": norm.get("id"), "name": norm.get("name"), "country": norm.get("country"),
            "kind": norm.get("kind"), "text": (arg or {}).get("text")}


def place_fields(arg: dict | None) -> dict:
    """Place columns; `admin1` is known only when the place itself is a first-level region."""
    norm = (arg or {}).get("norm") or {}
    kind = norm.get("kind")
    return {"id": norm.get("id"), "name": norm.get("name"), "country": norm.get("country"),
            "admin1": norm.get("name") if kind == "admin1" else None,
            "lat": norm.get("lat"), "lon": norm.get("lon"), "precision": kind,
            "text": (arg or {}).get("text")}


def best_date(mentions: list[dict]) -> tuple[str | None, str | None]:
    """The most precise date among the mentions (first in text order on ties)."""
    dated = [(DATE_PRECISION_ORDER.index(p), i, m["date"]) for i, m in enumerate(mentions)
             if (p := date_precision(m.get("date")))]
    if not dated:
        return None, None
    _, _, value = min(dated)
    return value, date_precision(value)


def quantity_fields(arg: dict | None) -> dict:
    norm = (arg or {}).get("norm") or {}
    return {"value": norm.get("value"), "min": norm.get("min"), "max": norm.get("max"),
            "unit": norm.get("unit"), "approx": norm.get("approx"), "text": (arg or {}).get("text")}


def conservative_count(norm: dict | None) -> int | None:
    """A head count an analyst can defend: the stated value, else the lower bound.

    `約100人` → 100, `100人以上` → 100, `100～300人` → 100, `数百人` → 200 (SPEC's 2× the order);
    an upper bound alone (`最大100人`) or a count of something other than people gives None.
    """
    if not norm or norm.get("unit") not in PERSON_UNITS:
        return None
    value = norm.get("value") if norm.get("value") is not None else norm.get("min")
    return None if value is None else int(value)


def casualty_counts(mentions: list[dict], counts_by_trigger: dict[str, str]) -> tuple[int | None, int | None]:
    """(fatalities, injured) of a CASUALTY group: the lowest count reported for each kind.

    Taking the lowest of conflicting figures is ACLED's conservative convention; a word that
    counts killed and wounded together (死傷) counts neither.
    """
    found: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        if m["type"] != "CASUALTY" or m.get("polarity") == "negative":
            continue
        kind = counts_by_trigger.get(trigger_rule(m) or "", "other")
        qty = next((a for a in m.get("arguments", []) if a["role"] == "quantity"), None)
        count = conservative_count((qty or {}).get("norm"))
        if count is not None and kind in ("fatalities", "injured"):
            found[kind].append(count)
    return (min(found["fatalities"]) if found["fatalities"] else None,
            min(found["injured"]) if found["injured"] else None)


def cross_key(event_type: str, day: str | None, place: dict, actor1: dict, actor2: dict) -> str | None:
    """Equal for groups an analyst would count as one event: same type, day, place and actors.

    Actors compare by country (ロシア and ロシア軍 are one side), else by id; the place by its id,
    else its country. None when the day is unknown: a month or a year is too coarse to merge on.
    """
    if not day:
        return None
    side = lambda a: a.get("country") or a.get("id") or "-"
    parts = [event_type, day, place.get("id") or place.get("country") or "-", side(actor1), side(actor2)]
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def event_country(place: dict, target: dict | None) -> str | None:
    """Where it happened: the place's country, else the target's (a place or a state attacked)."""
    return place.get("country") or ((target or {}).get("norm") or {}).get("country")


def _agent_names(mentions: list[dict]) -> list[str]:
    """Every distinct agent actor of the group, by English name (else id, else text)."""
    names = []
    for m in mentions:
        for arg in m.get("arguments", []):
            norm = arg.get("norm") or {}
            if arg["role"] == "agent" and _is_actor(norm):
                name = norm.get("name") or norm.get("id") or arg.get("text")
                if name and name not in names:
                    names.append(name)
    return names


def _merged_modality(mentions: list[dict]) -> str:
    values = [m.get("modality") or "asserted" for m in mentions]
    return min(values, key=lambda v: MODALITY_ORDER.index(v) if v in MODALITY_ORDER else len(MODALITY_ORDER))


def build_group(doc_id: str, gid: str, mentions: list[dict], counts_by_trigger: dict[str, str]) -> dict:
    """One row for one event group; `mentions` in text order."""
    head = mentions[0]
    actor1 = actor_fields(_first_linked(mentions, ("agent",), _is_actor))
    actor2 = actor_fields(_first_linked(mentions, ("recipient", "patient"), _is_actor))
    target = _first_linked(mentions, ("patient",)) or _first_any(mentions, "patient")
    place = place_fields(_first_linked(mentions, ("place", "patient", "recipient"), _is_place))
    date, precision = best_date(mentions)
    fatalities, injured = casualty_counts(mentions, counts_by_trigger)
    source = actor_fields(_first_linked(mentions, ("source",), _is_actor))
    return {
        "id": f"{doc_id}:{gid}", "doc_id": doc_id, "group": gid, "type": head["type"],
        "trigger_rule": trigger_rule(head),
        "date": date, "date_precision": precision,
        "actor1": actor1, "actor2": actor2,
        "target": {"text": (target or {}).get("text"), "id": ((target or {}).get("norm") or {}).get("id")},
        "place": place, "country": event_country(place, target),
        "quantity": quantity_fields(_first_any(mentions, "quantity")),
        "fatalities": fatalities, "injured": injured,
        "polarity": "positive" if any(m.get("polarity", "positive") == "positive" for m in mentions) else "negative",
        "modality": _merged_modality(mentions),
        "source": source,
        "agents": _agent_names(mentions),
        "mentions": [m["id"] for m in mentions],
        "triggers": [{"start": m["trigger"]["start"], "end": m["trigger"]["end"], "text": m["trigger"]["text"]}
                     for m in mentions],
        "sentences": [m.get("sentence") for m in mentions],
        "rules": [m.get("rule") or "" for m in mentions],
        "cross_key": cross_key(head["type"], event_day(date), place, actor1, actor2),
    }


def _id_number(value: str) -> tuple:
    """`v12` → ('v', 12): ids sort as numbers, not strings."""
    m = re.fullmatch(r"(\D*)(\d+)", value)
    return (m.group(1), int(m.group(2)), "") if m else (value, 0, value)


def group_events(documents: list[dict], events: list[dict], counts_by_trigger: dict[str, str]) -> list[dict]:
    """All groups, in document order, then by the position of each group's first mention."""
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for ev in events:
        by_doc[ev["doc_id"]][group_id(ev)].append(ev)
    order = {d["doc_id"]: i for i, d in enumerate(documents)}
    rows = []
    for doc_id in sorted(by_doc, key=lambda d: (order.get(d, len(order)), d)):
        groups = by_doc[doc_id]
        for gid, mentions in groups.items():
            mentions.sort(key=lambda m: (m["trigger"]["start"], _id_number(m["id"])))
        for gid in sorted(groups, key=lambda g: (groups[g][0]["trigger"]["start"], _id_number(g))):
            rows.append(build_group(doc_id, gid, groups[gid], counts_by_trigger))
    return rows
