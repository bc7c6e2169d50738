"""Read a run folder (SPEC §3): documents, entities and events, in file order.

Kept independent of the annotation-tool converters so exports need nothing but the JSONL.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path


class RunError(ValueError):
    """The folder is not a readable run; the message names the file and line."""


@dataclass
class Run:
    folder: Path
    documents: list[dict]
    entities: list[dict]
    events: list[dict]

    def ok_documents(self) -> list[dict]:
        return [d for d in self.documents if d.get("status", "ok") == "ok"]


def _jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise RunError(f"{path}:{n}: not JSON: {exc.msg}") from None
    return out


def read_run(folder: Path | str) -> Run:
    folder = Path(folder)
    if not (folder / "documents.jsonl").is_file():
        raise RunError(f"{folder}: not a run folder (no documents.jsonl)")
    return Run(folder, _jsonl(folder / "documents.jsonl"), _jsonl(folder / "entities.jsonl"),
               _jsonl(folder / "events.jsonl"))


ENCODINGS = ("utf-8-sig", "cp932", "euc-jp")


def _decode(raw: bytes) -> str | None:
    for enc in ENCODINGS:
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def _from_jsonl(path: Path, doc_id: str) -> str | None:
    for rec in _jsonl(path):
        if str(rec.get("doc_id")) == doc_id:
            return rec.get("text")
    return None


def document_text(doc: dict, roots: list[Path]) -> str | None:
    """The article's text from its recorded path (tried under each root), if its sha256 matches.

    The sha256 check keeps offsets honest: a changed file would misplace every highlight.
    """
    rel = doc.get("path")
    if not rel:
        return None
    for root in roots:
        path = root / rel
        if not path.is_file():
            continue
        text = _from_jsonl(path, doc["doc_id"]) if path.suffix == ".jsonl" else _decode(path.read_bytes())
        if text is not None and _sha_ok(text, doc.get("sha256")):
            return text
    return None


def _sha_ok(text: str, sha: str | None) -> bool:
    return not sha or hashlib.sha256(text.encode("utf-8")).hexdigest() == sha
