"""Map events found in chunk Docs to SPEC §3 records in source offsets."""
from __future__ import annotations


def event_records(doc_id: str, source: str, chunks, docs, entities: list[dict]) -> list[dict]:
    by_span = {(e["start"], e["end"]): e for e in entities}
    dates = [e for e in entities if e["label"] == "DATE"]
    out = []
    for chunk, doc in zip(chunks, docs):
        for ev in doc._.events or []:
            out.append(_record(doc_id, source, chunk, ev, by_span, dates))
    out.sort(key=lambda r: (r["trigger"]["start"], r["type"]))
    for n, r in enumerate(out, 1):
        r["id"] = f"v{n}"
    return out


def _span(source: str, chunk, start: int, end: int) -> dict:
    s, e = chunk.to_source(start, end)
    return {"start": s, "end": e, "text": source[s:e]}


def _record(doc_id, source, chunk, ev, by_span, dates) -> dict:
    args = []
    for a in ev["arguments"]:
        span = _span(source, chunk, a["start"], a["end"])
        ent = by_span.get((span["start"], span["end"]))
        args.append({"role": a["role"], **span, "entity": ent["id"] if ent else None,
                     "norm": ent["norm"] if ent else None})
    sentence = _span(source, chunk, *ev["sentence"])
    trigger = _span(source, chunk, *ev["trigger"])
    return {"doc_id": doc_id, "id": None, "type": ev["type"],
            "trigger": trigger, "arguments": args,
            "polarity": ev["polarity"], "modality": ev["modality"],
            "date": event_date(args, sentence, trigger, dates),
            "sentence": {"start": sentence["start"], "end": sentence["end"]}, "rule": ev["rule"]}


def event_date(args: list[dict], sentence: dict, trigger: dict, dates: list[dict]) -> str | None:
    """The time argument's value, else the value of the DATE of the same sentence nearest to
    the trigger (ties: the earlier one), else None (GUIDELINES §6)."""
    for a in args:
        if a["role"] == "time" and a["norm"] and a["norm"].get("value"):
            return a["norm"]["value"]
    inside = [d for d in dates if sentence["start"] <= d["start"] and d["end"] <= sentence["end"]
              and d.get("norm") and d["norm"].get("value")]
    if not inside:
        return None
    nearest = min(inside, key=lambda d: (_gap(d, trigger), d["start"]))
    return nearest["norm"]["value"]


def _gap(span: dict, other: dict) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(span["start"] - other["end"], other["start"] - span["end"], 0)
