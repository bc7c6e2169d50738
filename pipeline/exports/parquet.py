"""Parquet through pyarrow with fixed schemas: the event table and the four run tables.

Files are byte-identical across reruns: explicit schemas (no pandas metadata), one row group,
fixed compression, no timestamps; only pyarrow's own version string is recorded.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .table import COLUMNS

ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
               "list": pa.list_(pa.string())}


def schema(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    return pa.schema([pa.field(name, ARROW_TYPES[kind]) for name, kind in columns])


EVENT_SCHEMA = schema(COLUMNS)

DOCUMENT_COLUMNS = (("doc_id", "str"), ("path", "str"), ("sha256", "str"), ("chars", "int"),
                    ("dct", "str"), ("status", "str"), ("entities", "int"), ("events", "int"),
                    ("zones", "str"))
ENTITY_COLUMNS = (("doc_id", "str"), ("id", "str"), ("label", "str"), ("start", "int"), ("end", "int"),
                  ("text", "str"), ("norm_id", "str"), ("norm", "str"), ("rule", "str"))
MENTION_COLUMNS = (("doc_id", "str"), ("id", "str"), ("group", "str"), ("type", "str"),
                   ("trigger_start", "int"), ("trigger_end", "int"), ("trigger_text", "str"),
                   ("polarity", "str"), ("modality", "str"), ("date", "str"),
                   ("sentence_start", "int"), ("sentence_end", "int"), ("rule", "str"))
ARGUMENT_COLUMNS = (("doc_id", "str"), ("event_id", "str"), ("group", "str"), ("role", "str"),
                    ("start", "int"), ("end", "int"), ("text", "str"), ("entity", "str"),
                    ("norm_id", "str"), ("norm", "str"))


def _json(value) -> str | None:
    """Nested values (norms, zones) as canonical JSON strings: one schema for every label."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def document_rows(documents: list[dict]) -> list[dict]:
    return [{**{k: d.get(k) for k, _ in DOCUMENT_COLUMNS}, "zones": _json(d.get("zones"))}
            for d in documents]


def entity_rows(entities: list[dict]) -> list[dict]:
    return [{**{k: e.get(k) for k, _ in ENTITY_COLUMNS}, "norm_id": (e.get("norm") or {}).get("id"),
             "norm": _json(e.get("norm"))} for e in entities]


def mention_rows(events: list[dict]) -> list[dict]:
    """Event mentions; `group` is the v2 group, or the mention's own id for v1 records."""
    return [{"doc_id": e["doc_id"], "id": e["id"], "group": e.get("group") or e["id"], "type": e["type"],
             "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"],
             "trigger_text": e["trigger"]["text"], "polarity": e.get("polarity"),
             "modality": e.get("modality"), "date": e.get("date"),
             "sentence_start": (e.get("sentence") or {}).get("start"),
             "sentence_end": (e.get("sentence") or {}).get("end"), "rule": e.get("rule")}
            for e in events]


def argument_rows(events: list[dict]) -> list[dict]:
    return [{"doc_id": e["doc_id"], "event_id": e["id"], "group": e.get("group") or e["id"],
             "role": a["role"], "start": a.get("start"), "end": a.get("end"), "text": a.get("text"),
             "entity": a.get("entity"), "norm_id": (a.get("norm") or {}).get("id"), "norm": _json(a.get("norm"))}
            for e in events for a in e.get("arguments", [])]


def write(path: Path | str, rows: list[dict], columns: tuple[tuple[str, str], ...]) -> None:
    """One Parquet file, written under a temporary name and renamed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([{k: r.get(k) for k, _ in columns} for r in rows], schema=schema(columns))
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd", row_group_size=max(len(rows), 1),
                   use_dictionary=True, write_statistics=True)
    tmp.replace(path)


def write_tables(folder: Path | str, documents: list[dict], entities: list[dict], events: list[dict],
                 group_rows: list[dict]) -> dict[str, int]:
    """documents/entities/events/arguments/mentions.parquet in `folder`; returns row counts."""
    folder = Path(folder)
    tables = {"documents": (document_rows(documents), DOCUMENT_COLUMNS),
              "entities": (entity_rows(entities), ENTITY_COLUMNS),
              "events": (group_rows, COLUMNS),
              "mentions": (mention_rows(events), MENTION_COLUMNS),
              "arguments": (argument_rows(events), ARGUMENT_COLUMNS)}
    for name, (rows, columns) in tables.items():
        write(folder / f"{name}.parquet", rows, columns)
    return {name: len(rows) for name, (rows, _) in tables.items()}
