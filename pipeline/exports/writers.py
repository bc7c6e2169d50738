"""Choose an export format from the target's name and write it.

| target                     | format          | what                                  |
|----------------------------|-----------------|---------------------------------------|
| `*.plover.json`            | plover          | PLOVER JSON                           |
| `*.acled.csv`              | acled           | ACLED-style CSV                       |
| `*.geojson`                | geojson         | GeoJSON FeatureCollection             |
| `*.csv`                    | events          | event table (one row per group), CSV  |
| `*.parquet`                | events          | event table, Parquet                  |
| a folder                   | parquet-tables  | documents/entities/events/mentions/arguments.parquet (needs --format) |
"""
from __future__ import annotations

from pathlib import Path

from . import acled, geojson, parquet, plover
from .groups import group_events
from .mappings import acled_table, casualty_table, plover_table
from .runs import Run
from .table import csv_text, flat_row, write_text

FORMATS = ("events", "plover", "acled", "geojson", "parquet-tables")
SUFFIXES = ((".plover.json", "plover"), (".acled.csv", "acled"), (".geojson", "geojson"),
            (".csv", "events"), (".parquet", "events"))


class ExportError(ValueError):
    """A target or format the exporter cannot write (a usage error)."""


def infer_format(target: Path, explicit: str | None = None) -> str:
    """The explicit format, else the one the target's name implies; unknown names are an error."""
    if explicit:
        if explicit == "events" and target.suffix not in (".csv", ".parquet"):
            raise ExportError(f"{target}: the event table is written as .csv or .parquet")
        return explicit
    name = target.name.lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return fmt
    known = ", ".join(s for s, _ in SUFFIXES)
    raise ExportError(f"{target}: cannot tell the format from the name (known endings: {known}; "
                      "for a folder of Parquet tables add --format parquet-tables)")


def export(run: Run, target: Path, fmt: str, rules_dir: Path) -> int:
    """Write `run` to `target` as `fmt`; returns the number of rows (records, features) written."""
    groups = group_events(run.ok_documents(), run.events, casualty_table(rules_dir))
    rows = [flat_row(g) for g in groups]
    if fmt == "events" and target.suffix == ".parquet":
        parquet.write(target, rows, parquet.COLUMNS)
        return len(rows)
    if fmt == "events":
        write_text(target, csv_text(rows))
        return len(rows)
    if fmt == "plover":
        records = plover.records(groups, plover_table(rules_dir))
        write_text(target, plover.plover_text(groups, plover_table(rules_dir)))
        return len(records)
    if fmt == "acled":
        dcts = {d["doc_id"]: d.get("dct") for d in run.documents}
        write_text(target, acled.acled_text(groups, acled_table(rules_dir), dcts))
        return len(acled.rows(groups, acled_table(rules_dir), dcts))
    if fmt == "geojson":
        write_text(target, geojson.geojson_text(rows))
        return len(geojson.located(rows))
    if fmt == "parquet-tables":
        if target.suffix:
            raise ExportError(f"{target}: parquet-tables writes a folder, not a file")
        counts = parquet.write_tables(target, run.ok_documents(), run.entities, run.events, rows)
        return counts["events"]
    raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
