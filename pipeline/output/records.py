"""SPEC §3 records of one article: its document line and its entity lines (events: event_records)."""
from __future__ import annotations


def entity_records(doc_id: str, source: str, mentions: list[dict], norms: list) -> list[dict]:
    """One record per mention whose normaliser accepted it, ids e1, e2, … in text order."""
    out = []
    for m, norm in zip(mentions, norms):
        if norm is None:
            continue
        out.append({"doc_id": doc_id, "id": f"e{len(out) + 1}", "label": m["label"],
                    "start": m["start"], "end": m["end"], "text": source[m["start"]:m["end"]],
                    "norm": norm, "rule": m["rule"]})
    return out


def document_record(article, dct: str | None, zones: list[dict], entities: list, events: list) -> dict:
    return {"doc_id": article.doc_id, "path": article.path, "sha256": article.sha256,
            "chars": len(article.text), "dct": dct, "zones": zones, "status": "ok",
            "entities": len(entities), "events": len(events)}
