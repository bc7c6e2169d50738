"""Gold documents (SPEC §6) in memory, and the flat region/relation view the tool formats share.

A tool sees a document as labelled regions (entities, event triggers labelled with the event
type, argument-only spans, boilerplate zones), relations trigger → argument labelled with the
role, and per-event attributes (polarity, modality). `regions_of` turns a gold or prediction
document into that view, `assemble` turns it back, so each tool module only handles its syntax.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..output.files import dumps
from .labels import ARGUMENT_LABEL, EVENT_TYPES, ZONE_LABEL


class FormatError(ValueError):
    """Input that cannot be read as the claimed format; the message says where."""


@dataclass(frozen=True)
class Region:
    key: str            # the tool's id, unique within a document
    start: int          # code points, end-exclusive
    end: int
    label: str
    norm: dict | None = None


@dataclass(frozen=True)
class Relation:
    source: str         # trigger region key
    target: str         # argument region key
    role: str


@dataclass
class Flat:
    """One document as a tool sees it."""
    doc_id: str
    text: str
    dct: str | None
    regions: list[Region]
    relations: list[Relation]
    attributes: dict[str, dict[str, str]]   # trigger key → {"polarity": …, "modality": …}


# ---------------------------------------------------------------- gold JSONL (SPEC §6)

def read_jsonl(path: Path | str) -> Iterator[tuple[int, dict]]:
    path = Path(path)
    try:
        lines = path.read_bytes().decode("utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"{path}: cannot read: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise FormatError(f"{path}:{n}: malformed JSON ({exc})") from None
        if not isinstance(obj, dict):
            raise FormatError(f"{path}:{n}: a line must be a JSON object")
        yield n, obj


def read_gold(path: Path | str) -> list[dict]:
    """SPEC §6 lines, checked: every span's text equals the source slice (filled in if absent)."""
    docs, seen = [], set()
    for n, obj in read_jsonl(path):
        where = f"{path}:{n}"
        doc = _checked_gold(obj, where)
        if doc["doc_id"] in seen:
            raise FormatError(f"{where}: doc_id {doc['doc_id']!r} repeated")
        seen.add(doc["doc_id"])
        docs.append(doc)
    return docs


def _checked_gold(obj: dict, where: str) -> dict:
    doc_id, text = obj.get("doc_id"), obj.get("text")
    if not isinstance(doc_id, (str, int)) or str(doc_id) == "":
        raise FormatError(f"{where}: no doc_id")
    if not isinstance(text, str):
        raise FormatError(f"{where}: no text")
    where = f"{where}: {doc_id}"
    entities = [_span(e, text, f"{where} entity {e.get('id')}") for e in obj.get("entities") or []]
    events = []
    for ev in obj.get("events") or []:
        ewhere = f"{where} event {ev.get('id')}"
        if not isinstance(ev.get("trigger"), dict):
            raise FormatError(f"{ewhere}: no trigger")
        args = [_span(a, text, f"{ewhere} argument {a.get('role')}")
                for a in ev.get("arguments") or []]
        events.append({**ev, "trigger": _span(ev["trigger"], text, f"{ewhere} trigger"),
                       "arguments": args})
    zones = [_span(z, text, f"{where} zone", with_text=False) for z in obj.get("zones") or []]
    return {**obj, "doc_id": str(doc_id), "dct": obj.get("dct"), "zones": zones,
            "entities": entities, "events": events}


def _span(item: dict, text: str, where: str, with_text: bool = True) -> dict:
    start, end = item.get("start"), item.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise FormatError(f"{where}: bad offsets {start!r}..{end!r} (text has {len(text)} characters)")
    if not with_text:
        return dict(item)
    surface = text[start:end]
    if item.get("text") is not None and item["text"] != surface:
        raise FormatError(f"{where}: text {item['text']!r} but source[{start}:{end}] is {surface!r}")
    return {**item, "text": surface}


def write_jsonl(records: Iterable[dict], path: Path | str) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for rec in records:
            out.write(dumps(rec) + "\n")
            n += 1
    return n


# ---------------------------------------------------------------- document ↔ flat view

def regions_of(doc: dict) -> Flat:
    """Gold or prediction document → regions, relations, attributes (keys are record ids)."""
    # keys are namespaced: a prediction's entity and event ids may share a prefix
    regions = [Region(f"ent_{e['id']}", e["start"], e["end"], e["label"], e.get("norm"))
               for e in doc.get("entities") or []]
    by_id = {r.key[len("ent_"):]: r for r in regions}
    by_span = {(r.start, r.end): r for r in regions}
    relations, attributes, extra = [], {}, {}
    for ev in doc.get("events") or []:
        t, key = ev["trigger"], f"ev_{ev['id']}"
        regions.append(Region(key, t["start"], t["end"], ev["type"]))
        for arg in ev.get("arguments") or []:
            target = by_id.get(arg.get("entity")) or by_span.get((arg["start"], arg["end"]))
            if target is None:      # an argument span that is no entity mention: one region per span
                span = (arg["start"], arg["end"])
                if span not in extra:
                    extra[span] = Region(f"arg_{len(extra) + 1}", *span, ARGUMENT_LABEL)
                target = extra[span]
            relations.append(Relation(key, target.key, arg["role"]))
        attributes[key] = {k: ev[k] for k in ("polarity", "modality") if ev.get(k)}
    regions.extend(extra.values())
    zones = [z for z in doc.get("zones") or [] if z.get("kind", "boilerplate") == "boilerplate"]
    regions.extend(Region(f"zone_{i}", z["start"], z["end"], ZONE_LABEL) for i, z in enumerate(zones, 1))
    return Flat(doc["doc_id"], doc["text"], doc.get("dct"), regions, relations, attributes)


def assemble(flat: Flat) -> dict:
    """Regions, relations and attributes → a SPEC §6 gold document, ids in text order."""
    text = flat.text
    for r in flat.regions:
        if not 0 <= r.start < r.end <= len(text):
            raise FormatError(f"{flat.doc_id}: region {r.key} offsets {r.start}..{r.end} "
                              f"outside the text ({len(text)} characters)")
    order = lambda r: (r.start, r.end, r.label, r.key)          # noqa: E731
    entities = sorted((r for r in flat.regions
                       if r.label not in EVENT_TYPES and r.label not in (ZONE_LABEL, ARGUMENT_LABEL)),
                      key=order)
    triggers = sorted((r for r in flat.regions if r.label in EVENT_TYPES), key=order)
    eid = {r.key: f"e{i}" for i, r in enumerate(entities, 1)}
    entity_at = {}
    for r in entities:
        entity_at.setdefault((r.start, r.end), eid[r.key])
    regions = {r.key: r for r in flat.regions}
    events = []
    for i, trig in enumerate(triggers, 1):
        args = []
        for rel in flat.relations:
            if rel.source != trig.key:
                continue
            target = regions.get(rel.target)
            if target is None:
                raise FormatError(f"{flat.doc_id}: relation {rel.source} → {rel.target}: no such span")
            if target.label in EVENT_TYPES:
                raise FormatError(f"{flat.doc_id}: relation {rel.source} → {rel.target}: "
                                  "an event as argument is not supported")
            args.append({"role": rel.role, "start": target.start, "end": target.end,
                         "text": text[target.start:target.end],
                         "entity": eid.get(target.key) or entity_at.get((target.start, target.end))})
        attrs = flat.attributes.get(trig.key, {})
        events.append({"id": f"v{i}", "type": trig.label,
                       "trigger": {"start": trig.start, "end": trig.end,
                                   "text": text[trig.start:trig.end]},
                       "arguments": sorted(args, key=lambda a: (a["start"], a["end"], a["role"])),
                       "polarity": attrs.get("polarity"), "modality": attrs.get("modality")})
    _check_relation_sources(flat, {r.key for r in triggers})
    zones = sorted(({"start": r.start, "end": r.end, "kind": "boilerplate"}
                    for r in flat.regions if r.label == ZONE_LABEL), key=lambda z: z["start"])
    return {"doc_id": flat.doc_id, "text": text, "dct": flat.dct, "zones": zones,
            "entities": [{"id": eid[r.key], "start": r.start, "end": r.end, "label": r.label,
                          "text": text[r.start:r.end], "norm": r.norm} for r in entities],
            "events": events}


def _check_relation_sources(flat: Flat, trigger_keys: set[str]) -> None:
    for rel in flat.relations:
        if rel.source not in trigger_keys:
            raise FormatError(f"{flat.doc_id}: relation {rel.source} → {rel.target} ({rel.role}) "
                              f"does not start at an event trigger (labels: {', '.join(EVENT_TYPES)})")
