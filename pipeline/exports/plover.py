"""PLOVER-style JSON: one record per event group that PLOVER codes (rules/export_plover.tsv).

Fields follow the PLOVER data format: id, date, actor, recipient, event, mode, context,
event_loc, text_info (with character offsets into the source text).
"""
from __future__ import annotations

import json

from .mappings import lookup


def _actor(a: dict) -> dict:
    return {"id": a["id"], "name": a["name"], "country": a["country"], "kind": a["kind"], "text": a["text"]}


def context(group: dict) -> list[str]:
    """PLOVER context tags we can infer: `military` when either side is an armed force."""
    return ["military"] if "military" in (group["actor1"]["kind"], group["actor2"]["kind"]) else []


def record(group: dict, row: dict) -> dict:
    place = group["place"]
    return {
        "id": group["id"], "date": group["date"], "date_precision": group["date_precision"],
        "event": row["event"], "mode": row["mode"], "context": context(group),
        "actor": _actor(group["actor1"]), "recipient": _actor(group["actor2"]),
        "event_loc": {"name": place["name"], "admin1": place["admin1"], "country": group["country"],
                      "lat": place["lat"], "lon": place["lon"], "geo_precision": place["precision"]},
        "polarity": group["polarity"], "modality": group["modality"],
        "source": group["source"]["name"],
        "text_info": {"doc_id": group["doc_id"], "group": group["group"], "mentions": [
            {"id": mid, "trigger": trig, "sentence": sent}
            for mid, trig, sent in zip(group["mentions"], group["triggers"], group["sentences"])]},
        "our_type": group["type"], "cross_key": group["cross_key"],
    }


def records(groups: list[dict], table: dict) -> list[dict]:
    """Records for the groups PLOVER codes (the table's event is not `-`), in group order."""
    out = []
    for g in groups:
        row = lookup(table, g["type"], g["trigger_rule"])
        if row["event"]:
            out.append(record(g, row))
    return out


def plover_text(groups: list[dict], table: dict) -> str:
    return json.dumps(records(groups, table), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
