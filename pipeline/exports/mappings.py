"""Mapping tables from our event types to PLOVER and ACLED, and what CASUALTY words count.

Rows are keyed by (type, trigger rule id) with `*` as the type's default, so a domain
expert refines a mapping for one trigger word with one line.
"""
from __future__ import annotations

import functools
from pathlib import Path

from ..rules import RuleError, load_table, one_of, text, unique

EVENT_TYPES = ("ATTACK", "CAPTURE", "WITHDRAW", "DEPLOY", "CASUALTY", "AGREEMENT", "AID", "MEETING",
               "REQUEST", "STATEMENT", "LAUNCH", "INCURSION", "INTERCEPT", "EXERCISE")
CASUALTY_COUNTS = ("fatalities", "injured", "both", "other")


def _dash(value: str):
    value = text(value)
    return None if value == "-" else value


PLOVER_COLUMNS = {"type": one_of(*EVENT_TYPES), "trigger": text, "event": _dash, "mode": _dash,
                  "comment": text}
ACLED_COLUMNS = {"type": one_of(*EVENT_TYPES), "trigger": text, "event_type": _dash,
                 "sub_event_type": _dash, "comment": text}
CASUALTY_COLUMNS = {"trigger": text, "counts": one_of(*CASUALTY_COUNTS), "comment": text}


@functools.lru_cache(maxsize=None)
def trigger_types(rules_dir: Path) -> dict[str, str]:
    """Trigger rule id → event type, from rules/triggers.tsv (its first two columns)."""
    out = {}
    for line in (rules_dir / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 1 and not line.startswith("#") and cells[0] != "id":
            out[cells[0].strip()] = cells[1].strip()
    return out


def _check_triggers(rows: list[dict], path: Path, rules_dir: Path, typed: bool = True) -> None:
    """A trigger id must exist in triggers.tsv (with the row's type), so a typo fails at load."""
    known = trigger_types(rules_dir)
    for row in rows:
        trig = row["trigger"]
        if trig == "*" and typed:
            continue
        if trig not in known:
            raise RuleError(f"{path}:{row['_line']}: column trigger: {trig!r} is not a trigger id "
                            "in triggers.tsv")
        if typed and known[trig] != row["type"]:
            raise RuleError(f"{path}:{row['_line']}: column trigger: {trig!r} is a {known[trig]} "
                            f"trigger, not {row['type']}")


def _keyed(rows: list[dict], path: Path) -> dict[tuple[str, str], dict]:
    for row in rows:
        row["key"] = (row["type"], row["trigger"])
    unique(rows, "key", path)
    missing = [t for t in EVENT_TYPES if (t, "*") not in {r["key"] for r in rows}]
    if missing:
        raise RuleError(f"{path}: no default row (trigger *) for {', '.join(missing)}")
    return {r["key"]: r for r in rows}


def _type_table(rules_dir: Path, name: str, columns: dict) -> dict[tuple[str, str], dict]:
    path = rules_dir / name
    rows = load_table(path, columns)
    _check_triggers(rows, path, rules_dir)
    return _keyed(rows, path)


@functools.lru_cache(maxsize=None)
def plover_table(rules_dir: Path) -> dict[tuple[str, str], dict]:
    return _type_table(rules_dir, "export_plover.tsv", PLOVER_COLUMNS)


@functools.lru_cache(maxsize=None)
def acled_table(rules_dir: Path) -> dict[tuple[str, str], dict]:
    return _type_table(rules_dir, "export_acled.tsv", ACLED_COLUMNS)


@functools.lru_cache(maxsize=None)
def casualty_table(rules_dir: Path) -> dict[str, str]:
    path = rules_dir / "export_casualty.tsv"
    rows = load_table(path, CASUALTY_COLUMNS)
    _check_triggers(rows, path, rules_dir, typed=False)
    unique(rows, "trigger", path)
    return {r["trigger"]: r["counts"] for r in rows}


def lookup(table: dict[tuple[str, str], dict], event_type: str, trigger_rule: str | None) -> dict:
    """The row for this trigger, else the type's default row."""
    return table.get((event_type, trigger_rule or "*")) or table[(event_type, "*")]
