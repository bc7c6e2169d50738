"""Map events found in chunk Docs to SPEC §3 records in source offsets.

Two steps, so a long article never keeps its Docs alive: `located` turns one chunk's events
into source-offset spans as soon as the chunk is parsed; `event_records` links them to the
document's entities (ids, norms, dates) once all mentions are normalised.
"""
from __future__ import annotations

import bisect

from ..events.groups import GROUPING_KEYS, assign_groups


def located(source: str, chunk, doc) -> list[dict]:
    """The chunk's events with every span in source offsets (no entity links yet)."""
    out = []
    for ev in doc._.events or []:
        out.append({"type": ev["type"], "trigger": _span(source, chunk, *ev["trigger"]),
                    "arguments": [_argument(source, chunk, a) for a in ev["arguments"]],
                    "polarity": ev["polarity"], "modality": ev["modality"],
                    "sentence": _span(source, chunk, *ev["sentence"]), "rule": ev["rule"],
                    **{k: ev.get(k) for k in GROUPING_KEYS}})
    return out


def event_records(doc_id: str, events: list[dict], entities: list[dict]) -> list[dict]:
    by_span = {(e["start"], e["end"]): e for e in entities}
    dates = sorted((e for e in entities if e["label"] == "DATE" and (e.get("norm") or {}).get("value")),
                   key=lambda e: e["start"])
    starts = [d["start"] for d in dates]
    out = [_record(doc_id, ev, by_span, dates, starts) for ev in events]
    out.sort(key=lambda r: (r["trigger"]["start"], r["type"]))
    for n, (r, group) in enumerate(zip(out, assign_groups(out)), 1):
        r["id"] = f"v{n}"
        r["group"] = group
    for r in out:                        # what grouping read, not part of the record
        for k in GROUPING_KEYS:
            r.pop(k, None)
    return out


def _span(source: str, chunk, start: int, end: int) -> dict:
    s, e = chunk.to_source(start, end)
    return {"start": s, "end": e, "text": source[s:e]}


def _argument(source: str, chunk, a: dict) -> dict:
    # the span's keys written in place: no span dict built only to be copied
    s, e = chunk.to_source(a["start"], a["end"])
    return {"role": a["role"], "start": s, "end": e, "text": source[s:e],
            "inherited": a.get("inherited", False)}


def _record(doc_id, ev, by_span, dates, starts) -> dict:
    args = []
    for a in ev["arguments"]:
        ent = by_span.get((a["start"], a["end"]))
        norm = ent["norm"] if ent else None
        if a.get("inherited") and a["role"] == "time" and (norm or {}).get("type") == "DURATION":
            continue                     # a duration is no date the sentence states for all
        # located()'s keys but `inherited` (what it knew, not part of the record)
        args.append({"role": a["role"], "start": a["start"], "end": a["end"], "text": a["text"],
                     "entity": ent["id"] if ent else None, "norm": norm})
    sentence = ev["sentence"]
    return {"doc_id": doc_id, "id": None, "type": ev["type"], "trigger": ev["trigger"],
            "arguments": args, "polarity": ev["polarity"], "modality": ev["modality"],
            "date": event_date(args, sentence, ev["trigger"], dates, starts),
            "sentence": {"start": sentence["start"], "end": sentence["end"]}, "rule": ev["rule"],
            "group": None, **{k: ev.get(k) for k in GROUPING_KEYS}}


def event_date(args: list[dict], sentence: dict, trigger: dict, dates: list[dict],
               starts: list[int] | None = None) -> str | None:
    """The time argument's value, else the value of the DATE of the same sentence nearest to
    the trigger (ties: the earlier one), else None (GUIDELINES §6). `dates` sorted by start
    (with their `starts`) makes the sentence look-up a bisection."""
    for a in args:
        if a["role"] == "time" and a["norm"] and a["norm"].get("value"):
            return a["norm"]["value"]
    if starts is None:
        dates = sorted(dates, key=lambda d: d["start"])
        starts = [d["start"] for d in dates]
    lo, hi = bisect.bisect_left(starts, sentence["start"]), bisect.bisect_left(starts, sentence["end"])
    inside = [d for d in dates[lo:hi] if d["end"] <= sentence["end"]
              and d.get("norm") and d["norm"].get("value")]
    if not inside:
        return None
    nearest = min(inside, key=lambda d: (_gap(d, trigger), d["start"]))
    return nearest["norm"]["value"]


def _gap(span: dict, other: dict) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(span["start"] - other["end"], other["start"] - span["end"], 0)
