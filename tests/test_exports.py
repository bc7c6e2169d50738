"""Exports on the committed seed run and on small synthetic runs (no model needed)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.exports import acled, groups, mappings
from pipeline.exports.runs import read_run
from pipeline.exports.table import COLUMN_NAMES
from pipeline.rules import RuleError, default_dir

RULES = default_dir()

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "outputs"
SEED_GROUPS = len({(e["doc_id"], e.get("group") or e["id"])
                   for e in map(json.loads, (SEEDS / "events.jsonl").read_text(encoding="utf-8").splitlines())})


def export(run: Path, target: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "export", str(run), "--to", str(target), *extra],
                          cwd=ROOT, capture_output=True, text=True)


ACTOR_RUS = {"id": "rus_military", "country": "RUS", "kind": "military", "name": "Russian Armed Forces"}
ACTOR_UKR = {"id": "ukr", "country": "UKR", "kind": "state", "name": "Ukraine"}
KYIV = {"id": "kyiv", "country": "UKR", "kind": "city", "name": "Kyiv", "lat": 50.45, "lon": 30.52}


def arg(role, start, text, norm=None):
    return {"role": role, "start": start, "end": start + len(text), "text": text, "entity": None, "norm": norm}


def event(eid, etype, start, rule, args=(), group=None, date=None, sentence=(0, 100), polarity="positive"):
    ev = {"doc_id": "d1", "id": eid, "type": etype, "trigger": {"start": start, "end": start + 2, "text": "攻撃"},
          "arguments": list(args), "polarity": polarity, "modality": "asserted", "date": date,
          "sentence": {"start": sentence[0], "end": sentence[1]}, "rule": rule}
    if group:
        ev["group"] = group
    return ev


@pytest.fixture()
def grouped_run(tmp_path: Path) -> Path:
    """A v2 run: one attack told three times (g1), a casualty in its sentence (g2), a talk (g3)."""
    events = [
        event("v1", "ATTACK", 10, "attack.shelling|x", [arg("agent", 0, "ロシア軍", ACTOR_RUS),
              arg("place", 5, "キーウ", KYIV)], group="g1", date="2024-11-23"),
        event("v2", "CASUALTY", 30, "casualty.death|x", [arg("quantity", 25, "少なくとも5人",
              {"value": 5, "min": 5, "max": None, "unit": "人", "approx": False})], group="g2"),
        event("v3", "ATTACK", 120, "attack.lemma|x", [arg("patient", 115, "ウクライナ", ACTOR_UKR)],
              group="g1", sentence=(110, 200)),
        event("v4", "ATTACK", 210, "attack.lemma|x", group="g1", date="2024-11", sentence=(205, 260)),
        event("v5", "MEETING", 270, "meeting.talks|x", group="g3", sentence=(265, 300)),
        event("v6", "CASUALTY", 50, "casualty.death|x", [arg("quantity", 45, "7人",
              {"value": 7, "min": None, "max": None, "unit": "人", "approx": False})], group="g2"),
    ]
    tmp_path.joinpath("documents.jsonl").write_text(json.dumps(
        {"doc_id": "d1", "path": "d1.txt", "sha256": None, "chars": 300, "dct": "2024-11-24",
         "zones": [], "status": "ok", "entities": 0, "events": 6}) + "\n", encoding="utf-8")
    tmp_path.joinpath("entities.jsonl").write_text("", encoding="utf-8")
    tmp_path.joinpath("events.jsonl").write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    return tmp_path


def test_groups_merge_mentions_into_one_row(grouped_run):
    run = read_run(grouped_run)
    rows = groups.group_events(run.documents, run.events, mappings.casualty_table(RULES))
    assert [r["group"] for r in rows] == ["g1", "g2", "g3"]
    g1 = rows[0]
    assert g1["mentions"] == ["v1", "v3", "v4"]
    assert g1["date"] == "2024-11-23" and g1["date_precision"] == "day"
    assert g1["actor1"]["id"] == "rus_military" and g1["actor2"]["id"] == "ukr"
    assert g1["place"]["name"] == "Kyiv" and g1["country"] == "UKR"
    assert g1["cross_key"] and rows[2]["cross_key"] is None       # g3 has no day
    assert rows[1]["fatalities"] == 5                              # the lowest of 5 and 7


def test_cross_key_matches_same_event_across_articles():
    place, a1, a2 = {"id": "kyiv"}, {"country": "RUS", "id": "rus"}, {"country": "UKR", "id": "ukr"}
    same_side = {"country": "RUS", "id": "rus_military"}
    assert groups.cross_key("ATTACK", "2024-11-23", place, a1, a2) == \
        groups.cross_key("ATTACK", "2024-11-23", place, same_side, a2)
    assert groups.cross_key("ATTACK", "2024-11-24", place, a1, a2) != \
        groups.cross_key("ATTACK", "2024-11-23", place, a1, a2)
    assert groups.cross_key("ATTACK", None, place, a1, a2) is None


@pytest.mark.parametrize("norm,count", [
    ({"value": 100, "min": None, "max": None, "unit": "人", "approx": True}, 100),
    ({"value": 100, "min": 100, "max": None, "unit": "人", "approx": False}, 100),
    ({"value": None, "min": 1000, "max": 3000, "unit": "人", "approx": False}, 1000),
    ({"value": None, "min": 200, "max": 900, "unit": "人", "approx": True}, 200),
    ({"value": 100, "min": None, "max": 100, "unit": "人", "approx": False}, 100),
    ({"value": None, "min": None, "max": 100, "unit": "人", "approx": False}, None),
    ({"value": 3, "min": None, "max": None, "unit": "大隊", "approx": False}, None),
])
def test_conservative_counts(norm, count):
    assert groups.conservative_count(norm) == count


def test_date_precision():
    assert [groups.date_precision(v) for v in ("2024-11-23T07:00", "2024-11-23", "2024-11", "2024",
                                               "XXXX-06-03", "2024-10..2024-12", "P7M", None)] == \
        ["minute", "day", "month", "year", "partial", "range", None, None]


def test_seed_event_table_csv_one_row_per_group(tmp_path):
    out = tmp_path / "events.csv"
    assert export(SEEDS, out).returncode == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == COLUMN_NAMES
    assert len(rows) == SEED_GROUPS
    assert len({r["id"] for r in rows}) == len(rows)


def test_seed_event_table_parquet_reads_back(tmp_path):
    out = tmp_path / "events.parquet"
    assert export(SEEDS, out).returncode == 0
    table = pq.read_table(out)
    assert table.num_rows == SEED_GROUPS and tuple(table.column_names) == COLUMN_NAMES
    assert str(table.schema.field("place_lat").type) == "double"
    mentions = table.schema.field("mentions").type
    assert pa.types.is_list(mentions) and pa.types.is_string(mentions.value_type)


def test_parquet_tables(tmp_path):
    out = tmp_path / "tables"
    assert export(SEEDS, out, "--format", "parquet-tables").returncode == 0
    n = {name: pq.read_table(out / f"{name}.parquet").num_rows
         for name in ("documents", "entities", "events", "mentions", "arguments")}
    lines = lambda f: len((SEEDS / f).read_text(encoding="utf-8").splitlines())
    assert n["documents"] == lines("documents.jsonl") and n["entities"] == lines("entities.jsonl")
    assert n["events"] == SEED_GROUPS and n["mentions"] == lines("events.jsonl")
    assert n["arguments"] == sum(len(json.loads(l)["arguments"])
                                 for l in (SEEDS / "events.jsonl").read_text(encoding="utf-8").splitlines())


def test_geojson_is_rfc7946_lon_lat(tmp_path):
    out = tmp_path / "events.geojson"
    assert export(SEEDS, out).returncode == 0
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["features"]
    ids = [f["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids))
    places = {e["norm"]["id"]: (e["norm"]["lon"], e["norm"]["lat"])
              for e in map(json.loads, (SEEDS / "entities.jsonl").read_text(encoding="utf-8").splitlines())
              if e["label"] == "PLACE" and e["norm"].get("lat") is not None}
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lon, lat) == places[f["properties"]["place_id"]]


def test_plover_fields(tmp_path):
    out = tmp_path / "events.plover.json"
    assert export(SEEDS, out).returncode == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records and len({r["id"] for r in records}) == len(records)
    table = mappings.plover_table(RULES)
    for r in records:
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "text_info"} <= set(r)
        assert r["event"] == mappings.lookup(table, r["our_type"], None)["event"] or r["event"]
        for m in r["text_info"]["mentions"]:
            assert m["trigger"]["end"] > m["trigger"]["start"]
    assert not any(r["our_type"] == "STATEMENT" and r["event"] is None for r in records)


def test_acled_columns_and_fatalities(grouped_run, tmp_path):
    out = tmp_path / "events.acled.csv"
    assert export(grouped_run, out).returncode == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == tuple(name for name, _ in acled.COLUMNS)
    # g2 (CASUALTY) shares its sentence with g1 and is folded into it; g3 (MEETING) is not coded
    assert [r["event_id_cnty"] for r in rows] == ["d1:g1"]
    assert rows[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rows[0]["fatalities"] == "5" and rows[0]["event_date"] == "2024-11-23"
    assert (rows[0]["latitude"], rows[0]["longitude"], rows[0]["geo_precision"]) == ("50.45", "30.52", "1")


def test_acled_on_seeds(tmp_path):
    out = tmp_path / "events.acled.csv"
    assert export(SEEDS, out).returncode == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["event_type"] and r["sub_event_type"] for r in rows)
    # an undated event takes the article's dct; only articles without one leave the date empty
    undated_docs = {d["doc_id"] for d in read_run(SEEDS).documents if not d["dct"]}
    assert all(r["event_date"] or r["event_id_cnty"].split(":")[0] in undated_docs for r in rows)
    assert all(int(r["fatalities"]) >= 0 for r in rows)


@pytest.mark.parametrize("name", ["events.csv", "events.parquet", "e.plover.json", "e.acled.csv", "e.geojson"])
def test_reruns_are_byte_identical(tmp_path, name):
    a, b = tmp_path / "a" / name, tmp_path / "b" / name
    assert export(SEEDS, a).returncode == 0 and export(SEEDS, b).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_parquet_tables_rerun_identical(tmp_path):
    for d in ("a", "b"):
        assert export(SEEDS, tmp_path / d, "--format", "parquet-tables").returncode == 0
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_unknown_extension_is_a_usage_error(tmp_path):
    done = export(SEEDS, tmp_path / "events.xlsx")
    assert done.returncode == 2 and "cannot tell the format" in done.stderr


def test_annotation_tool_export_still_needs_its_options():
    done = subprocess.run([sys.executable, "-m", "pipeline", "export", "--format", "brat"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "--pred" in done.stderr


def test_mapping_tables_cover_every_type():
    for table in (mappings.plover_table(RULES), mappings.acled_table(RULES)):
        assert {t for t, trig in table if trig == "*"} == set(mappings.EVENT_TYPES)
        assert all(row["comment"] for row in table.values())


def test_mapping_table_errors_name_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "triggers.tsv").write_text("id\ttype\npattern\n", encoding="utf-8")
    (rules / "export_plover.tsv").write_text(
        "type\ttrigger\tevent\tmode\tcomment\nATTACK\tattack.nope\tFIGHT\t-\ttypo\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"export_plover.tsv:2: column trigger"):
        mappings.plover_table(rules)
