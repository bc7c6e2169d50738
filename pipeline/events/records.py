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
    return {"doc_id": doc_id, "id": None, "type": ev["type"],
            "trigger": _span(source, chunk, *ev["trigger"]), "arguments": args,
            "polarity": ev["polarity"], "modality": ev["modality"],
            "date": _event_date(args, sentence, dates),
            "sentence": {"start": sentence["start"], "end": sentence["end"]}, "rule": ev["rule"]}


def _event_date(args, sentence, dates) -> str | None:
    """Time argument's value, else the nearest DATE of the same sentence, else None."""
    for a in args:
        if a["role"] == "time" and a["norm"]:
            return a["norm"].get("value")
    inside = [d for d in dates if sentence["start"] <= d["start"] < sentence["end"]]
    return inside[0]["norm"]["value"] if inside else None
