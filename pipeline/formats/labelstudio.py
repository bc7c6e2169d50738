"""Label Studio JSON: a list of tasks `{"data": {"text", "doc_id", "dct"}, "predictions" |
"annotations": [{"result": [...]}]}`.

Results written: `labels` regions (`value: {start, end, text, labels: [LABEL]}`) for entities,
event triggers (labelled with the event type), `ARGUMENT` spans and `BOILERPLATE` zones; an
entity's norm as JSON in the region's `meta.text`; `relation` results trigger → argument with the
role as label; per-region `choices` (`polarity`, `modality`) on triggers. A matching labelling
config is in pipeline/formats/README.md.
Offsets: Label Studio's browser front end measures JavaScript strings, i.e. UTF-16 code units;
some releases store code points instead. Export writes `utf16` unless told otherwise; import
checks every region's stored `text` and picks the unit that fits (`auto`).
On import a task's first annotation that was not cancelled is used, else its first prediction.
"""
from __future__ import annotations

import json
from pathlib import Path

from .labels import EVENT_TYPES
from .records import Flat, FormatError, Region, Relation, assemble, regions_of
from .utf16 import OffsetMap, detect_unit

DEFAULT_UNIT = "utf16"
CHOICES = ("polarity", "modality")


def write(docs: list[dict], out: Path | str, unit: str = DEFAULT_UNIT,
          kind: str = "predictions", model_version: str = "pipeline") -> int:
    tasks = [task(doc, unit, kind, model_version) for doc in docs]
    from ..output.files import write_text        # atomic: a failure leaves the old file
    write_text(Path(out), json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    return len(tasks)


def task(doc: dict, unit: str = DEFAULT_UNIT, kind: str = "predictions",
         model_version: str = "pipeline") -> dict:
    flat, omap = regions_of(doc), OffsetMap(doc["text"])
    result = []
    for r in sorted(flat.regions, key=lambda r: (r.start, r.end, r.key)):
        value = {"start": omap.convert(r.start, unit, False), "end": omap.convert(r.end, unit, False),
                 "text": doc["text"][r.start:r.end]}
        item = {"id": r.key, "from_name": "label", "to_name": "text", "type": "labels",
                "value": {**value, "labels": [r.label]}}
        if r.norm is not None:
            item["meta"] = {"text": [json.dumps(r.norm, ensure_ascii=False)]}
        result.append(item)
        for name in CHOICES if r.label in EVENT_TYPES else ():
            if flat.attributes.get(r.key, {}).get(name):
                result.append({"id": r.key, "from_name": name, "to_name": "text", "type": "choices",
                               "value": {**value, "choices": [flat.attributes[r.key][name]]}})
    result += [{"from_id": rel.source, "to_id": rel.target, "type": "relation",
                "direction": "right", "labels": [rel.role]} for rel in flat.relations]
    body = {"result": result}
    if kind == "predictions":
        body["model_version"] = model_version
    return {"data": {"text": doc["text"], "doc_id": doc["doc_id"], "dct": doc.get("dct")},
            kind: [body]}


def read(path: Path | str, unit: str = "auto") -> list[dict]:
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise FormatError(f"{path}: cannot read Label Studio JSON: {exc}") from None
    tasks = data if isinstance(data, list) else [data]
    docs = []
    for i, t in enumerate(tasks):
        try:
            docs.append(assemble(to_flat(t, i, unit)))
        except (FormatError, ValueError, KeyError, TypeError) as exc:
            raise FormatError(f"{path}: task {t.get('id', i) if isinstance(t, dict) else i}: {exc}") from None
    return docs


def to_flat(t: dict, index: int, unit: str) -> Flat:
    data = t.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise FormatError("no data.text")
    doc_id = str(data.get("doc_id") or t.get("id") or index + 1)
    result = _chosen_result(t)
    labelled = [r for r in result if r.get("type") == "labels"]
    if unit == "auto":
        unit = detect_unit(text, [(r["value"]["start"], r["value"]["end"], r["value"]["text"])
                                  for r in labelled if "text" in r["value"]])
    omap = OffsetMap(text)
    regions = [Region(str(r["id"]), omap.convert(r["value"]["start"], unit, True),
                      omap.convert(r["value"]["end"], unit, True), r["value"]["labels"][0],
                      _norm(r.get("meta"))) for r in labelled]
    relations = [Relation(str(r["from_id"]), str(r["to_id"]), (r.get("labels") or ["argument"])[0])
                 for r in result if r.get("type") == "relation"]
    attributes: dict[str, dict] = {}
    for r in result:
        if r.get("type") == "choices" and r.get("from_name") in CHOICES and r["value"].get("choices"):
            attributes.setdefault(str(r["id"]), {})[r["from_name"]] = r["value"]["choices"][0]
    return Flat(doc_id, text, data.get("dct"), regions, relations, attributes)


def _chosen_result(t: dict) -> list[dict]:
    for ann in t.get("annotations") or t.get("completions") or []:
        if not ann.get("was_cancelled"):
            return ann.get("result") or []
    for pred in t.get("predictions") or []:
        return pred.get("result") or []
    return []


def _norm(meta: dict | None) -> dict | None:
    texts = (meta or {}).get("text") or []
    try:
        value = json.loads(texts[0]) if texts else None
    except ValueError:
        return None         # a free-text region note is no norm
    return value if isinstance(value, dict) else None
