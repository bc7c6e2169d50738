"""The stockmark ner-wikipedia data set (`ner.json`: a JSON list of `{curid, text, entities:
[{name, span: [start, end), type}]}`, code-point offsets) read as gold documents.

Label mapping (MAPPING below): 人名 → ACTOR with the partial norm `{"kind": "person"}` (all the
set says about it; `evaluate --labels PERSON` scores persons alone), 地名 → PLACE, 政治的組織名 →
ACTOR (governments, parties, armed forces; no norm); 法人名, その他の組織名, 施設名, 製品名,
イベント名 are dropped. A 地名 can be a country acting as an ACTOR in SPEC terms and SPEC counts companies
(法人名) as ACTORs too, so compare with `--labels` and read the figures as a general-domain check
of person and place detection, not as the record contract's scores.
Every sentence becomes one document `wiki-{curid}-{n}` (n = its position in the file: a curid
repeats across sentences); no dct, no events, no norms but the persons' kind.
"""
from __future__ import annotations

import json
from pathlib import Path

from .records import FormatError

MAPPING = {"人名": "ACTOR", "地名": "PLACE", "政治的組織名": "ACTOR"}
NORMS = {"人名": {"kind": "person"}}


def read(path: Path | str) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise FormatError(f"{path}: cannot read ner-wikipedia JSON: {exc}") from None
    if not isinstance(data, list):
        raise FormatError(f"{path}: expected a JSON list of sentences")
    return [document(item, n, f"{path}: item {n}") for n, item in enumerate(data)]


def document(item: dict, n: int, where: str = "") -> dict:
    text = item.get("text")
    if not isinstance(text, str):
        raise FormatError(f"{where}: no text")
    kept = sorted((e for e in item.get("entities") or [] if e.get("type") in MAPPING),
                  key=lambda e: tuple(e["span"]))
    entities = []
    for i, e in enumerate(kept, 1):
        start, end = e["span"]
        if text[start:end] != e.get("name", text[start:end]):
            raise FormatError(f"{where}: span {start}..{end} is {text[start:end]!r}, not {e['name']!r}")
        entities.append({"id": f"e{i}", "start": start, "end": end, "label": MAPPING[e["type"]],
                         "text": text[start:end], "norm": dict(NORMS[e["type"]]) if e["type"] in NORMS else None})
    return {"doc_id": f"wiki-{item.get('curid', 'x')}-{n}", "text": text, "dct": None, "zones": [],
            "entities": entities, "events": []}
