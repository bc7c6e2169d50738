"""A prediction folder (SPEC §3) read back into documents shaped like gold ones.

documents.jsonl lists every document (status `ok` or `error`); entities.jsonl and events.jsonl
carry `doc_id` on every line. The folder holds no text: `attach_texts` reads it from the inputs
named in documents.jsonl (or given explicitly) and checks it against the recorded sha256.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .records import FormatError, read_jsonl


@dataclass
class Predictions:
    docs: dict[str, dict]                               # doc_id → document, in file order
    errors: list[dict] = field(default_factory=list)    # errors.jsonl lines

    def ok(self) -> dict[str, dict]:
        return {k: d for k, d in self.docs.items() if d.get("status", "ok") == "ok"}

    def failed(self) -> list[str]:
        return [k for k, d in self.docs.items() if d.get("status", "ok") != "ok"]


def read(folder: Path | str) -> Predictions:
    folder = Path(folder)
    if not (folder / "documents.jsonl").exists():
        raise FormatError(f"{folder}: not a prediction folder (no documents.jsonl)")
    docs: dict[str, dict] = {}
    for _, rec in read_jsonl(folder / "documents.jsonl"):
        docs[str(rec["doc_id"])] = {**rec, "doc_id": str(rec["doc_id"]), "zones": rec.get("zones") or [],
                                    "entities": [], "events": []}
    for name, key in (("entities.jsonl", "entities"), ("events.jsonl", "events")):
        if not (folder / name).exists():
            continue
        for n, rec in read_jsonl(folder / name):
            doc = docs.get(str(rec.get("doc_id")))
            if doc is None:
                raise FormatError(f"{folder / name}:{n}: doc_id {rec.get('doc_id')!r} "
                                  "is not in documents.jsonl")
            doc[key].append(rec)
    errors = [rec for _, rec in read_jsonl(folder / "errors.jsonl")] \
        if (folder / "errors.jsonl").exists() else []
    return Predictions(docs, errors)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def attach_texts(docs: dict[str, dict], inputs: list[str] | None = None) -> list[str]:
    """Set `text` on every document whose input can be read and matches its sha256.

    Returns the doc_ids left without text, so the caller can say which.
    """
    from ..prepare.reading import Article, read_inputs

    paths = inputs or sorted({d["path"] for d in docs.values() if d.get("path")})
    texts = {a.doc_id: a.text for a in read_inputs(paths) if isinstance(a, Article)}
    missing = []
    for doc_id, doc in docs.items():
        text = texts.get(doc_id)
        if text is None or (doc.get("sha256") and sha256(text) != doc["sha256"]):
            missing.append(doc_id)
        else:
            doc["text"] = text
    return missing
