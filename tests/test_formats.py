"""Annotation-tool formats: UTF-16 offsets, round trips with astral characters, importers."""
import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.formats import brat, doccano, labelstudio, predictions, wikiner
from pipeline.formats import cli as formats_cli
from pipeline.formats.dispatch import read_documents, write_documents
from pipeline.formats.records import FormatError, read_gold
from pipeline.formats.utf16 import OffsetMap, detect_unit, utf16_len

SHARED = Path(__file__).resolve().parents[2] / "shared"
WIKINER = SHARED / "external" / "ner-wikipedia" / "ner.json"

# 𠮷 (U+20BB7) and 🚀 (U+1F680) are two UTF-16 units each; the CRLF must survive byte for byte.
TEXT = "𠮷野家🚀ロシア軍は\r\nクルスク州を攻撃した。ナビ 最新記事"


def span(text, sub, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def sample_doc():
    a, b, t, z = span(TEXT, "ロシア軍"), span(TEXT, "クルスク州"), span(TEXT, "攻撃"), span(TEXT, "ナビ 最新記事")
    place = span(TEXT, "州")     # an argument span that is no entity mention
    return {
        "doc_id": "d/1", "text": TEXT, "dct": "2024-08-10",
        "zones": [{"start": z[0], "end": z[1], "kind": "boilerplate"}],
        "entities": [
            {"id": "e1", "start": a[0], "end": a[1], "label": "ACTOR", "text": "ロシア軍",
             "norm": {"id": "rus_military", "country": "RUS", "kind": "military", "name": "Russian Armed Forces"}},
            {"id": "e2", "start": b[0], "end": b[1], "label": "PLACE", "text": "クルスク州",
             "norm": {"id": "kursk", "country": "RUS", "kind": "admin1", "name": "Kursk Oblast",
                      "lat": 51.6, "lon": 36.3}},
        ],
        "events": [{"id": "v1", "type": "ATTACK", "trigger": {"start": t[0], "end": t[1], "text": "攻撃"},
                    "arguments": [
                        {"role": "agent", "start": a[0], "end": a[1], "text": "ロシア軍", "entity": "e1"},
                        {"role": "patient", "start": b[0], "end": b[1], "text": "クルスク州", "entity": "e2"},
                        {"role": "place", "start": place[0], "end": place[1], "text": "州", "entity": None}],
                    "polarity": "negative", "modality": "reported"}],
    }


def entity_view(doc, with_norm=True):
    return [(e["start"], e["end"], e["label"], e["text"], e["norm"] if with_norm else None)
            for e in doc["entities"]]


def event_view(doc, with_args=True):
    return [(v["type"], v["trigger"]["start"], v["trigger"]["end"],
             sorted((a["role"], a["start"], a["end"], a["text"], a["entity"]) for a in v["arguments"])
             if with_args else None,
             (v["polarity"], v["modality"]) if with_args else None) for v in doc["events"]]


# ---------------------------------------------------------------- UTF-16

def test_offset_map_counts_astral_characters_twice():
    text = "a𠮷b🚀c"
    omap = OffsetMap(text)
    assert [omap.to_utf16(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [omap.to_codepoint(u) for u in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    assert utf16_len(text) == 7 == len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("unit_offset", [2, 5])
def test_offset_inside_a_surrogate_pair_is_refused(unit_offset):
    with pytest.raises(ValueError, match="surrogate"):
        OffsetMap("a𠮷b🚀c").to_codepoint(unit_offset)


@pytest.mark.parametrize("offset", [-1, 8])
def test_offset_outside_the_text_is_refused(offset):
    with pytest.raises(ValueError):
        OffsetMap("a𠮷b🚀c").to_codepoint(offset)


def test_bmp_only_text_maps_to_itself():
    omap = OffsetMap("ロシア軍")
    assert omap.to_utf16(3) == 3 and omap.to_codepoint(4) == 4


@pytest.mark.parametrize("spans, unit", [
    ([(4, 8, "ロシア軍")], "codepoint"),
    ([(6, 10, "ロシア軍")], "utf16"),
    ([(0, 1, "𠮷")], "codepoint"),          # no astral character before: both fit, code points win
])
def test_detect_unit(spans, unit):
    assert detect_unit(TEXT, spans) == unit


def test_detect_unit_is_not_fooled_by_a_slice_past_the_end():
    # a code-point reading of UTF-16 offsets near the end would slice past the text, which Python
    # silently truncates; that must not pass as a fit
    s, e = span(TEXT, "ナビ 最新記事")
    omap = OffsetMap(TEXT)
    assert detect_unit(TEXT, [(omap.to_utf16(s), omap.to_utf16(e), TEXT[s:e])]) == "utf16"


def test_detect_unit_fails_when_nothing_fits():
    with pytest.raises(ValueError):
        detect_unit(TEXT, [(0, 3, "ロシア")])


# ---------------------------------------------------------------- round trips

@pytest.mark.parametrize("fmt", ["brat", "labelstudio"])
def test_full_round_trip(fmt, tmp_path):
    doc = sample_doc()
    out = tmp_path / ("brat" if fmt == "brat" else "tasks.json")
    write_documents(fmt, [doc], out)
    (back,) = read_documents(fmt, out)
    assert back["doc_id"] == "d/1" and back["text"] == TEXT and back["dct"] == "2024-08-10"
    assert entity_view(back) == entity_view(doc)
    assert event_view(back) == event_view(doc)
    assert back["zones"] == doc["zones"]


def test_doccano_round_trip_keeps_spans(tmp_path):
    doc = sample_doc()
    write_documents("doccano", [doc], tmp_path / "d.jsonl")
    (back,) = read_documents("doccano", tmp_path / "d.jsonl")
    assert back["text"] == TEXT and back["dct"] == "2024-08-10"
    assert entity_view(back, with_norm=False) == entity_view(doc, with_norm=False)
    assert event_view(back, with_args=False) == event_view(doc, with_args=False)
    assert back["zones"] == doc["zones"]


@pytest.mark.parametrize("fmt, unit", [("doccano", "utf16"), ("labelstudio", "utf16"),
                                       ("doccano", "codepoint"), ("labelstudio", "codepoint")])
def test_export_offsets_in_the_requested_unit(fmt, unit, tmp_path):
    out = tmp_path / "x"
    write_documents(fmt, [sample_doc()], out, unit)
    s, _ = span(TEXT, "ロシア軍")            # code point 4, after 𠮷 and 🚀 → UTF-16 unit 6
    expected = 6 if unit == "utf16" else 4
    if fmt == "doccano":
        starts = [x[0] for x in json.loads(out.read_text(encoding="utf-8"))["label"]]
    else:
        result = json.loads(out.read_text(encoding="utf-8"))[0]["predictions"][0]["result"]
        starts = [r["value"]["start"] for r in result if r["type"] == "labels"]
    assert expected in starts and (4 if unit == "utf16" else 6) not in starts
    (back,) = read_documents(fmt, out, unit)
    assert entity_view(back, with_norm=False) == entity_view(sample_doc(), with_norm=False)


def test_round_trip_of_real_gold(tmp_path):
    gold = read_gold(Path(__file__).resolve().parents[1] / "seeds" / "gold.jsonl")
    assert any(ord(ch) > 0xFFFF for d in gold for ch in d["text"]), "seed gold should hold an astral character"
    for fmt in ("brat", "labelstudio"):
        out = tmp_path / fmt
        write_documents(fmt, gold, out)
        back = read_documents(fmt, out)
        assert [entity_view(d) for d in back] == [entity_view(d) for d in gold]
        assert [event_view(d) for d in back] == [event_view(d) for d in gold]


# ---------------------------------------------------------------- brat specifics

def test_brat_files(tmp_path):
    brat.write([sample_doc()], tmp_path)
    assert (tmp_path / "d_1.txt").read_bytes() == TEXT.encode("utf-8")      # CRLF kept, no BOM
    ann = (tmp_path / "d_1.ann").read_text(encoding="utf-8").splitlines()
    s, e = span(TEXT, "ロシア軍")
    assert f"T1\tACTOR {s} {e}\tロシア軍" in ann          # code points, as brat's server counts
    t_ids = {line.split("\t")[2]: line.split("\t")[0] for line in ann if line.startswith("T")}
    assert f"E1\tATTACK:{t_ids['攻撃']} agent:{t_ids['ロシア軍']} patient:{t_ids['クルスク州']} place:{t_ids['州']}" in ann
    notes = [line for line in ann if line.startswith("#")]
    assert json.loads(notes[0].split("\t")[2])["id"] == "rus_military"
    assert "A1\tPolarity E1 negative" in ann and "A2\tModality E1 reported" in ann
    assert (tmp_path / "annotation.conf").exists()


def test_brat_import_of_hand_written_annotations(tmp_path):
    text = "ロシア軍とウクライナ軍が🚀ハルキウで交戦した。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tACTOR 0 4\tロシア軍\n"
        "T2\tACTOR 5 11\tウクライナ軍\n"
        "T3\tPLACE 13 17\tハルキウ\n"
        "T4\tATTACK 18 20\t交戦\n"
        "E1\tATTACK:T4 agent:T1 agent2:T2 place:T3\n"
        "R1\tRel Arg1:T1 Arg2:T2\n"                  # relations have no place in gold: ignored
        "#1\tAnnotatorNotes T1\tunsure about this one\n"   # free text is no norm
        "T5\tDATE 0 2;3 4\tロシ 軍\n", encoding="utf-8")
    (doc,) = brat.read(tmp_path)
    assert doc["doc_id"] == "a"
    assert [(e["label"], e["text"], e["norm"]) for e in doc["entities"]] == [
        ("ACTOR", "ロシア軍", None), ("DATE", "ロシア軍", None), ("ACTOR", "ウクライナ軍", None),
        ("PLACE", "ハルキウ", None)]
    (ev,) = doc["events"]
    assert ev["type"] == "ATTACK" and ev["trigger"]["text"] == "交戦"
    assert sorted((a["role"], a["text"], a["entity"]) for a in ev["arguments"]) == [
        ("agent", "ウクライナ軍", "e3"), ("agent", "ロシア軍", "e1"), ("place", "ハルキウ", "e4")]


def test_brat_import_reads_utf16_offsets_from_a_javascript_tool(tmp_path):
    text = "🚀ハルキウ"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPLACE 2 6\tハルキウ\n", encoding="utf-8")
    (doc,) = brat.read(tmp_path)
    assert (doc["entities"][0]["start"], doc["entities"][0]["end"]) == (1, 5)


@pytest.mark.parametrize("ann, message", [
    ("T1\tPARADE 0 2\tロシ\nE1\tPARADE:T1\n", "unknown event type"),
    ("T1\tATTACK 0 2\tロシ\nE1\tATTACK:T1 agent:E2\n", "not a T annotation"),
    ("T1\tACTOR 0 2\tウク\n", "neither as code points"),
    ("X1\tsomething\n", "unknown annotation kind"),
])
def test_brat_import_errors(tmp_path, ann, message):
    (tmp_path / "a.txt").write_text("ロシア", encoding="utf-8")
    (tmp_path / "a.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        brat.read(tmp_path)


# ---------------------------------------------------------------- doccano / Label Studio import

def test_doccano_relation_form_import(tmp_path):
    text = "🚀北朝鮮兵をクルスク州に派遣"
    line = {"id": 7, "text": text,
            "entities": [{"id": 1, "start_offset": 2, "end_offset": 6, "label": "ACTOR"},
                         {"id": 2, "start_offset": 7, "end_offset": 12, "label": "PLACE"},
                         {"id": 3, "start_offset": 13, "end_offset": 15, "label": "DEPLOY"}],
            "relations": [{"id": 1, "from_id": 3, "to_id": 1, "type": "patient"},
                          {"id": 2, "from_id": 3, "to_id": 2, "type": "recipient"}]}
    (tmp_path / "d.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = doccano.read(tmp_path / "d.jsonl")
    assert doc["doc_id"] == "7"
    assert [(e["text"], e["label"]) for e in doc["entities"]] == [("北朝鮮兵", "ACTOR"), ("クルスク州", "PLACE")]
    (ev,) = doc["events"]
    assert ev["trigger"]["text"] == "派遣"
    assert sorted((a["role"], a["text"], a["entity"]) for a in ev["arguments"]) == [
        ("patient", "北朝鮮兵", "e1"), ("recipient", "クルスク州", "e2")]


def test_doccano_relation_from_an_entity_is_refused(tmp_path):
    line = {"text": "ロシアとウクライナ", "entities": [
        {"id": 1, "start_offset": 0, "end_offset": 3, "label": "ACTOR"},
        {"id": 2, "start_offset": 4, "end_offset": 9, "label": "ACTOR"}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "agent"}]}
    (tmp_path / "d.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"d.jsonl:1: .*event trigger"):
        doccano.read(tmp_path / "d.jsonl")


def ls_region(rid, start, end, text, label):
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


@pytest.mark.parametrize("start, end", [(1, 5), (2, 6)])     # code points (newer releases) or UTF-16
def test_label_studio_import_detects_the_unit(tmp_path, start, end):
    task = {"id": 3, "data": {"text": "🚀ハルキウ"},
            "annotations": [{"was_cancelled": True, "result": [ls_region("x", 0, 1, "🚀", "PLACE")]},
                            {"result": [ls_region("a", start, end, "ハルキウ", "PLACE")]}],
            "predictions": [{"result": [ls_region("p", 0, 1, "🚀", "ACTOR")]}]}
    (tmp_path / "t.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    (doc,) = labelstudio.read(tmp_path / "t.json")
    assert doc["doc_id"] == "3"
    assert [(e["start"], e["end"], e["label"]) for e in doc["entities"]] == [(1, 5, "PLACE")]


def test_label_studio_falls_back_to_predictions(tmp_path):
    task = {"data": {"text": "ロシア", "doc_id": "r"},
            "predictions": [{"result": [ls_region("p", 0, 3, "ロシア", "ACTOR")]}]}
    (tmp_path / "t.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    assert [e["text"] for e in labelstudio.read(tmp_path / "t.json")[0]["entities"]] == ["ロシア"]


# ---------------------------------------------------------------- gold and prediction files

def test_gold_span_text_must_match_the_source(tmp_path):
    line = {"doc_id": "x", "text": "ロシア軍", "entities": [{"id": "e1", "start": 0, "end": 3,
                                                        "label": "ACTOR", "text": "ロシア軍"}]}
    (tmp_path / "g.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"g.jsonl:1: x entity e1"):
        read_gold(tmp_path / "g.jsonl")


def test_prediction_line_for_an_unlisted_document_is_an_error(tmp_path):
    (tmp_path / "documents.jsonl").write_text('{"doc_id": "a", "status": "ok"}\n', encoding="utf-8")
    (tmp_path / "entities.jsonl").write_text('{"doc_id": "b", "id": "e1", "label": "ACTOR", "start": 0, "end": 1}\n',
                                             encoding="utf-8")
    with pytest.raises(FormatError, match="not in documents.jsonl"):
        predictions.read(tmp_path)


# ---------------------------------------------------------------- ner-wikipedia

def test_wikiner_mapping_on_one_sentence():
    item = {"curid": "1", "text": "松友美佐紀は日本の選手で、自民党とトヨタ",
            "entities": [{"name": "松友美佐紀", "span": [0, 5], "type": "人名"},
                         {"name": "日本", "span": [6, 8], "type": "地名"},
                         {"name": "自民党", "span": [13, 16], "type": "政治的組織名"},
                         {"name": "トヨタ", "span": [17, 20], "type": "法人名"}]}
    doc = wikiner.document(item, 4)
    assert doc["doc_id"] == "wiki-1-4"
    assert [(e["text"], e["label"]) for e in doc["entities"]] == [
        ("松友美佐紀", "ACTOR"), ("日本", "PLACE"), ("自民党", "ACTOR")]
    assert [e["norm"] for e in doc["entities"]] == [{"kind": "person"}, None, None]


@pytest.mark.skipif(not WIKINER.exists(), reason="shared ner-wikipedia data not present")
def test_wikiner_reader_on_the_real_file():
    raw = json.loads(WIKINER.read_text(encoding="utf-8"))
    docs = wikiner.read(WIKINER)
    assert len(docs) == len(raw) and len({d["doc_id"] for d in docs}) == len(docs)
    types = Counter(e["type"] for item in raw for e in item["entities"])
    labels = Counter(e["label"] for d in docs for e in d["entities"])
    assert labels == {"ACTOR": types["人名"] + types["政治的組織名"], "PLACE": types["地名"]}
    assert all(d["text"][e["start"]:e["end"]] == e["text"] for d in docs for e in d["entities"])


# ---------------------------------------------------------------- command line

def parser():
    p = argparse.ArgumentParser()
    formats_cli.add_parser(p.add_subparsers(dest="command", required=True))
    return p


def write_prediction_folder(folder: Path, doc: dict, path: str, sha: str | None = None):
    folder.mkdir()
    rec = {"doc_id": doc["doc_id"], "path": path, "chars": len(doc["text"]), "dct": doc["dct"],
           "sha256": sha or hashlib.sha256(doc["text"].encode("utf-8")).hexdigest(),
           "zones": doc["zones"], "status": "ok", "entities": 2, "events": 1}
    (folder / "documents.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "entities.jsonl").write_text("".join(
        json.dumps({"doc_id": doc["doc_id"], **e, "rule": "test"}, ensure_ascii=False) + "\n"
        for e in doc["entities"]), encoding="utf-8")
    (folder / "events.jsonl").write_text("".join(
        json.dumps({"doc_id": doc["doc_id"], **v}, ensure_ascii=False) + "\n"
        for v in doc["events"]), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["brat", "doccano", "labelstudio"])
def test_cli_export_then_import(tmp_path, fmt, capsys):
    doc = sample_doc()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"doc_id": doc["doc_id"], "text": TEXT, "dct": doc["dct"]},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    write_prediction_folder(tmp_path / "pred", doc, str(source))
    out = tmp_path / ("out" if fmt == "brat" else "out.json")
    args = parser().parse_args(["export", "--pred", str(tmp_path / "pred"), "--format", fmt, "--out", str(out)])
    assert args.func(args) == 0
    gold = tmp_path / "gold.jsonl"
    args = parser().parse_args(["import", "--format", fmt, str(out), "--out", str(gold)])
    assert args.func(args) == 0
    (back,) = read_gold(gold)
    assert back["doc_id"] == doc["doc_id"] and back["text"] == TEXT
    assert entity_view(back, fmt != "doccano") == entity_view(doc, fmt != "doccano")


def test_cli_export_skips_a_document_whose_text_changed(tmp_path, capsys):
    doc = sample_doc()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"doc_id": doc["doc_id"], "text": TEXT}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    write_prediction_folder(tmp_path / "pred", doc, str(source), sha="0" * 64)
    args = parser().parse_args(["export", "--pred", str(tmp_path / "pred"), "--format", "doccano",
                                "--out", str(tmp_path / "o.jsonl")])
    assert args.func(args) == 1
    assert "d/1" in capsys.readouterr().err
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == ""


def test_cli_import_reports_a_bad_file(tmp_path, capsys):
    (tmp_path / "t.json").write_text("{not json", encoding="utf-8")
    args = parser().parse_args(["import", "--format", "labelstudio", str(tmp_path / "t.json"),
                                "--out", str(tmp_path / "g.jsonl")])
    assert args.func(args) == 2
    assert "t.json" in capsys.readouterr().err
