"""doccano sequence-labelling JSONL.

Export: one line per document, `{"doc_id", "text", "dct", "label": [[start, end, LABEL], …]}` with
entity spans, event triggers labelled with the event type, and `BOILERPLATE` zones (doccano keeps
the extra keys as metadata). The `label` form has no relations, so event arguments are not
exported; use brat or Label Studio for those.
Import: the same `label` (or `labels`) form, or doccano's relation form
`{"entities": [{"id", "start_offset", "end_offset", "label"}], "relations": [{"from_id", "to_id",
"type"}]}`, where a relation from a trigger to a span is an argument with the relation type as
its role. doccano counts offsets in UTF-16 code units (its browser front end measures JavaScript
strings), so the default unit is `utf16`; projects with "count grapheme clusters as one
character" switched on use yet another unit and are not supported.
"""
from __future__ import annotations

from pathlib import Path

from .labels import EVENT_TYPES, ZONE_LABEL
from .records import Flat, FormatError, Region, Relation, assemble, read_jsonl, regions_of
from .utf16 import OffsetMap

DEFAULT_UNIT = "utf16"


def write(docs: list[dict], out: Path | str, unit: str = DEFAULT_UNIT) -> int:
    from ..output.files import write_jsonl      # atomic: a failure leaves the old file
    write_jsonl(Path(out), (record(doc, unit) for doc in docs))
    return len(docs)


def record(doc: dict, unit: str = DEFAULT_UNIT) -> dict:
    flat, omap = regions_of(doc), OffsetMap(doc["text"])
    spans = sorted((r.start, r.end, r.label) for r in flat.regions
                   if r.label in EVENT_TYPES or r.label == ZONE_LABEL or r.key.startswith("ent_"))
    return {"doc_id": doc["doc_id"], "text": doc["text"], "dct": doc.get("dct"),
            "label": [[omap.convert(s, unit, False), omap.convert(e, unit, False), label]
                      for s, e, label in spans]}


def read(path: Path | str, unit: str = DEFAULT_UNIT) -> list[dict]:
    docs = []
    for n, obj in read_jsonl(path):
        try:
            docs.append(assemble(to_flat(obj, n, unit)))
        except (FormatError, ValueError, KeyError, TypeError) as exc:
            raise FormatError(f"{path}:{n}: {exc}") from None
    return docs


def to_flat(obj: dict, line: int, unit: str) -> Flat:
    text = obj.get("text")
    if not isinstance(text, str):
        raise FormatError("no text")
    doc_id = str(obj.get("doc_id") or obj.get("id") or line)
    omap = OffsetMap(text)
    cp = lambda x: omap.convert(x, unit, True)                      # noqa: E731
    if isinstance(obj.get("entities"), list) and all(isinstance(e, dict) for e in obj["entities"]):
        regions = [Region(str(e["id"]), cp(e["start_offset"]), cp(e["end_offset"]), e["label"])
                   for e in obj["entities"]]
        relations = [Relation(str(r["from_id"]), str(r["to_id"]), r["type"])
                     for r in obj.get("relations") or []]
    else:
        spans = obj.get("label", obj.get("labels", obj.get("entities"))) or []
        regions = [Region(f"s{i}", cp(s), cp(e), label) for i, (s, e, label) in enumerate(spans, 1)]
        relations = []
    return Flat(doc_id, text, obj.get("dct"), regions, relations, {})
