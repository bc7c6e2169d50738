"""The event table: one flat row per event group, as CSV or Parquet.

Columns are fixed (COLUMNS, with their Arrow types in parquet.py) so the files keep one
schema whatever the data; list-valued fields are joined with `;` in the CSV.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

# (column, type): type is one of str, int, float, bool, list (a list of str)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("doc_id", "str"), ("group", "str"), ("type", "str"),
    ("date", "str"), ("date_precision", "str"),
    ("actor1_id", "str"), ("actor1_name", "str"), ("actor1_country", "str"), ("actor1_kind", "str"),
    ("actor2_id", "str"), ("actor2_name", "str"), ("actor2_country", "str"), ("actor2_kind", "str"),
    ("target_text", "str"), ("target_id", "str"),
    ("place_id", "str"), ("place_name", "str"), ("place_admin1", "str"), ("place_country", "str"),
    ("place_lat", "float"), ("place_lon", "float"), ("place_precision", "str"),
    ("country", "str"),
    ("quantity_value", "float"), ("quantity_min", "float"), ("quantity_max", "float"),
    ("quantity_unit", "str"), ("quantity_approx", "bool"),
    ("fatalities", "int"), ("injured", "int"),
    ("polarity", "str"), ("modality", "str"),
    ("source_id", "str"), ("source_name", "str"),
    ("mentions", "list"), ("spans", "list"), ("triggers", "list"), ("rules", "list"),
    ("cross_key", "str"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)


def flat_row(group: dict) -> dict:
    """A merged group (groups.build_group) as the table's flat columns."""
    row = {"id": group["id"], "doc_id": group["doc_id"], "group": group["group"], "type": group["type"],
           "date": group["date"], "date_precision": group["date_precision"]}
    for prefix in ("actor1", "actor2"):
        for key in ("id", "name", "country", "kind"):
            row[f"{prefix}_{key}"] = group[prefix][key]
    row["target_text"], row["target_id"] = group["target"]["text"], group["target"]["id"]
    for key in ("id", "name", "admin1", "country", "lat", "lon", "precision"):
        row[f"place_{key}"] = group["place"][key]
    row["country"] = group["country"]
    for key in ("value", "min", "max", "unit", "approx"):
        row[f"quantity_{key}"] = group["quantity"][key]
    row.update({k: group[k] for k in ("fatalities", "injured", "polarity", "modality", "cross_key")})
    row["source_id"], row["source_name"] = group["source"]["id"], group["source"]["name"]
    row["mentions"] = list(group["mentions"])
    row["spans"] = [f"{t['start']}-{t['end']}" for t in group["triggers"]]
    row["triggers"] = [t["text"] for t in group["triggers"]]
    row["rules"] = list(group["rules"])
    return row


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return ";".join(value)
    if kind == "bool":
        return "true" if value else "false"
    if kind in ("float", "int"):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value)


def csv_text(rows: list[dict], columns: tuple[tuple[str, str], ...] = COLUMNS) -> str:
    """CSV with a header, `\\n` line ends, every field quoted only where needed."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([_cell(row.get(name), kind) for name, kind in columns])
    return buf.getvalue()


def write_text(path: Path | str, content: str) -> None:
    """Write via a temporary name and rename: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(content, encoding="utf-8", newline="")
    tmp.replace(path)
