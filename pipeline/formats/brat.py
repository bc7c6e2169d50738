"""brat standoff: one `ID.txt` (the source text, UTF-8, byte for byte) and one `ID.ann` per document.

`.ann` lines written: `T` text-bound spans (entities with their label, event triggers with the
event type, `ARGUMENT` for argument spans that are no entity mention, `BOILERPLATE` for zones),
`E` events (`TYPE:Ttrigger role:Targ …`, a repeated role numbered `agent2` as brat does),
`A` attributes `Polarity` and `Modality` on events, and `#` AnnotatorNotes holding an entity's
norm as one-line JSON. Offsets are code points: brat's server slices Python strings and checks the
span text stored in the `T` line against them. On import the unit is checked against those stored
texts, so files from a tool that counted UTF-16 units are also read correctly.
brat has no document metadata, so the folder also gets `meta.jsonl` (file stem, doc_id, dct) and
an `annotation.conf` declaring the labels; `R`, `N` and `*` lines are ignored on import.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from .labels import (ARGUMENT_LABEL, ENTITY_LABELS, EVENT_TYPES, MODALITY, POLARITY, ROLES,
                     ZONE_LABEL)
from .records import Flat, FormatError, Region, Relation, assemble, read_jsonl, regions_of
from .utf16 import OffsetMap, detect_unit

META = "meta.jsonl"
ATTRIBUTES = {"Polarity": "polarity", "Modality": "modality"}
_UNSAFE = re.compile(r"[^\w.\-]+")
MAX_STEM_BYTES = 120       # file names are limited to 255 bytes; `.ann` and a suffix must fit


# ---------------------------------------------------------------- export

def write(docs: list[dict], out_dir: Path | str) -> int:
    """Write the folder atomically: every file is complete before any is renamed into `out`,
    so a failure leaves the old files (or no folder) and no half-written one."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out}: exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        _write_into(docs, tmp)
        _swap(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return len(docs)


def _write_into(docs: list[dict], out: Path) -> None:
    meta, used = [], set()
    for doc in docs:
        stem = _file_stem(doc["doc_id"], used)
        (out / f"{stem}.txt").write_bytes(doc["text"].encode("utf-8"))
        (out / f"{stem}.ann").write_bytes(ann_text(regions_of(doc)).encode("utf-8"))
        meta.append({"file": stem, "doc_id": doc["doc_id"], "dct": doc.get("dct")})
    (out / META).write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in meta),
                            encoding="utf-8")
    (out / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")


def _swap(new: Path, out: Path) -> None:
    """Put the finished files in place: a new folder by one rename; into an existing folder
    (which may hold other files of the user's) file by file, each rename atomic."""
    os.chmod(new, 0o755)            # mkdtemp makes it private
    if not out.exists():
        os.replace(new, out)
        return
    for f in sorted(new.iterdir()):
        os.replace(f, out / f.name)


def _file_stem(doc_id: str, used: set[str]) -> str:
    """A safe, short, unique file name: no separators or leading dot, at most MAX_STEM_BYTES
    bytes (a long doc_id is cut and keeps a hash of the whole for uniqueness)."""
    stem = _UNSAFE.sub("_", doc_id).lstrip(".") or "doc"
    if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        digest = hashlib.sha256(doc_id.encode("utf-8", "backslashreplace")).hexdigest()[:12]
        cut = stem.encode("utf-8")[:MAX_STEM_BYTES - 13].decode("utf-8", "ignore")
        stem = f"{cut}_{digest}"
    base, n = stem, 1
    while stem in used:
        n += 1
        stem = f"{base}_{n}"
    used.add(stem)
    return stem


def ann_text(flat: Flat) -> str:
    lines, tid = [], {}
    triggers = {r.key for r in flat.regions if r.label in EVENT_TYPES}
    for r in sorted(flat.regions, key=lambda r: (r.start, r.end, r.label)):
        tid[r.key] = f"T{len(tid) + 1}"
        lines.append(f"{tid[r.key]}\t{r.label} {r.start} {r.end}\t{_one_line(flat.text[r.start:r.end])}")
    notes = [r for r in flat.regions if r.norm is not None]
    lines += [f"#{i}\tAnnotatorNotes {tid[r.key]}\t{json.dumps(r.norm, ensure_ascii=False)}"
              for i, r in enumerate(sorted(notes, key=lambda r: tid_order(tid[r.key])), 1)]
    by_event = defaultdict(list)
    for rel in flat.relations:
        by_event[rel.source].append(rel)
    eid, attrs = {}, []
    label_of = {r.key: r.label for r in flat.regions}
    for key in sorted(triggers, key=lambda k: tid_order(tid[k])):
        eid[key] = f"E{len(eid) + 1}"
        lines.append(f"{eid[key]}\t{label_of[key]}:{tid[key]}" + "".join(
            f" {role}:{tid[rel.target]}" for role, rel in _numbered_roles(by_event[key])))
        for name, field in ATTRIBUTES.items():
            if flat.attributes.get(key, {}).get(field):
                attrs.append((name, eid[key], flat.attributes[key][field]))
    lines += [f"A{i}\t{name} {e} {value}" for i, (name, e, value) in enumerate(attrs, 1)]
    return "".join(line + "\n" for line in lines)


def tid_order(t: str) -> int:
    return int(t[1:])


def _one_line(s: str) -> str:
    # the span text is informational in .ann; a line break inside it would break the line format
    return re.sub(r"[\t\r\n]", " ", s)


def _numbered_roles(rels: list[Relation]) -> list[tuple[str, Relation]]:
    seen: dict[str, int] = defaultdict(int)
    out = []
    for rel in rels:
        seen[rel.role] += 1
        out.append((rel.role if seen[rel.role] == 1 else f"{rel.role}{seen[rel.role]}", rel))
    return out


def annotation_conf() -> str:
    args = ", ".join(f"{role}*:<ENTITY>" for role in ROLES)
    return "\n".join([
        "[entities]", *ENTITY_LABELS, ARGUMENT_LABEL, ZONE_LABEL, "",
        "[relations]", "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "",
        "[events]", *(f"{t}\t{args}" for t in EVENT_TYPES), "",
        "[attributes]",
        f"Polarity\tArg:<EVENT>, Value:{'|'.join(POLARITY)}",
        f"Modality\tArg:<EVENT>, Value:{'|'.join(MODALITY)}", ""])


# ---------------------------------------------------------------- import

def read(path: Path | str) -> list[dict]:
    """A folder of .ann/.txt pairs (searched recursively), or one .ann file."""
    path = Path(path)
    if path.is_file():
        anns, root = [path], path.parent
    elif path.is_dir():
        anns, root = sorted(path.rglob("*.ann")), path
    else:
        raise FormatError(f"{path}: no such file or folder")
    meta = {m["file"]: m for _, m in read_jsonl(root / META)} if (root / META).exists() else {}
    return [read_document(ann, meta.get(ann.stem, {})) for ann in anns]


def read_document(ann: Path, meta: dict) -> dict:
    txt = ann.with_suffix(".txt")
    try:
        text = txt.read_bytes().decode("utf-8-sig")
        lines = ann.read_bytes().decode("utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"{ann}: cannot read the .ann/.txt pair: {exc}") from exc
    parsed = _parse(ann, lines)
    doc_id = str(meta.get("doc_id") or ann.stem)
    flat = _to_flat(ann, doc_id, text, meta.get("dct"), parsed)
    return assemble(flat)


def _parse(ann: Path, lines: list[str]) -> dict:
    spans, events, attrs, notes = {}, {}, [], {}
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = f"{ann}:{n}"
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        try:
            if kind == "T":
                spans[ident] = _parse_t(rest)
            elif kind == "E":
                events[ident] = _parse_e(rest)
            elif kind in "AM":
                name, target, *value = rest.split()
                attrs.append((name, target, value[0] if value else None))
            elif kind == "#":
                ref, _, note = rest.partition("\t")
                what, _, target = ref.partition(" ")
                if what == "AnnotatorNotes":
                    notes[target] = note
            elif kind in "RN*":
                continue        # relations between entities and normalisations have no place in SPEC §6
            else:
                raise ValueError(f"unknown annotation kind {ident!r}")
        except ValueError as exc:
            raise FormatError(f"{where}: {exc}") from None
    return {"spans": spans, "events": events, "attrs": attrs, "notes": notes}


def _parse_t(rest: str) -> tuple[str, int, int, str]:
    head, _, surface = rest.partition("\t")
    label, _, frags = head.partition(" ")
    pairs = [tuple(int(x) for x in frag.split()) for frag in frags.split(";")]
    if not pairs or any(len(p) != 2 for p in pairs):
        raise ValueError(f"bad offsets {frags!r}")
    # a discontinuous span becomes the span covering its fragments
    return label, min(p[0] for p in pairs), max(p[1] for p in pairs), surface if len(pairs) == 1 else None


def _parse_e(rest: str) -> tuple[str, str, list[tuple[str, str]]]:
    parts = rest.split()
    etype, _, trigger = parts[0].partition(":")
    args = []
    for part in parts[1:]:
        role, _, target = part.partition(":")
        args.append((re.sub(r"\d+$", "", role), target))
    return etype, trigger, args


def _to_flat(ann: Path, doc_id: str, text: str, dct, parsed: dict) -> Flat:
    spans, events = parsed["spans"], parsed["events"]
    checkable = [(s, e, t) for _, s, e, t in spans.values() if t is not None]
    try:
        unit = detect_unit(text, checkable, fold=_one_line)
    except ValueError as exc:
        raise FormatError(f"{ann}: {exc}") from None
    omap = OffsetMap(text)
    cp = {k: (omap.convert(s, unit, True), omap.convert(e, unit, True)) for k, (_, s, e, _) in spans.items()}
    trigger_ids = {trig for _, trig, _ in events.values()}
    regions = [Region(k, *cp[k], label, _norm(parsed["notes"].get(k)))
               for k, (label, *_rest) in spans.items() if k not in trigger_ids]
    relations = []
    for e, (etype, trig, args) in events.items():
        if etype not in EVENT_TYPES:
            raise FormatError(f"{ann}: {e}: unknown event type {etype!r}")
        if trig not in cp:
            raise FormatError(f"{ann}: {e}: trigger {trig} is not a T annotation")
        regions.append(Region(e, *cp[trig], etype))
        for role, target in args:
            if target not in cp:
                raise FormatError(f"{ann}: {e}: argument {role}:{target} is not a T annotation "
                                  "(events as arguments are not supported)")
            relations.append(Relation(e, target, role))
    attributes = defaultdict(dict)
    for name, target, value in parsed["attrs"]:
        if name in ATTRIBUTES and target in events:
            attributes[target][ATTRIBUTES[name]] = value
    return Flat(doc_id, text, dct, regions, relations, dict(attributes))


def _norm(note: str | None) -> dict | None:
    # AnnotatorNotes written by export hold a norm as JSON; a free-text human note is no norm
    if not note:
        return None
    try:
        value = json.loads(note)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
