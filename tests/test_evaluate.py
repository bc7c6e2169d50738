"""Scoring against hand-computed answers: entities, SemEval schemes, norms, events, documents."""
import argparse
import hashlib
import json
import math
from pathlib import Path

import pytest
from nervaluate import Evaluator

from pipeline.evaluate import baselines, entities, events, norms, report, run, semeval
from pipeline.evaluate import cli as evaluate_cli
from pipeline.evaluate.matching import overlap_pairs, prf, strict_pairs
from pipeline.formats.predictions import Predictions

LABELS = ["ACTOR", "PLACE", "NUMBER", "DATE"]


def ent(start, end, label="ACTOR", norm=None, **extra):
    return {"start": start, "end": end, "label": label, "norm": norm, **extra}


def event(start, end, etype, *args, **attrs):
    return {"type": etype, "trigger": {"start": start, "end": end},
            "arguments": [{"role": r, "start": s, "end": e} for r, s, e in args], **attrs}


def close(a, b):
    return a == pytest.approx(b, abs=1e-3)


# ---------------------------------------------------------------- matching and entity P/R/F1

@pytest.mark.parametrize("gold, pred, strict, overlap", [
    # 3 gold, 2 pred, 1 exact + 1 overlapping → strict P 1/2 R 1/3, overlap P 2/2 R 2/3
    ([ent(0, 3), ent(5, 8), ent(10, 12)], [ent(0, 3), ent(5, 7)], (0.5, 1 / 3, 0.4), (1.0, 2 / 3, 0.8)),
    ([ent(0, 3)], [ent(0, 3, "PLACE")], (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),       # label differs
    ([ent(0, 3)], [ent(3, 5)], (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),                # adjacent, not overlapping
    ([ent(0, 10)], [ent(0, 4), ent(5, 9)], (0.0, 0.0, 0.0), (0.5, 1.0, 2 / 3)),  # one-to-one
    ([], [ent(0, 2)], (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
])
def test_entity_scores(gold, pred, strict, overlap):
    result = entities.score([(gold, pred)], LABELS)
    for mode, expected in (("strict", strict), ("overlap", overlap)):
        got = result.scores[mode]["overall"]
        assert (close(got["precision"], expected[0]) and close(got["recall"], expected[1])
                and close(got["f1"], expected[2])), (mode, got)


def test_overlap_matching_finds_the_larger_pairing():
    # greedy by overlap size would pair X with A (5 chars) and leave Y and B single
    gold = [ent(0, 10), ent(10, 12)]
    pred = [ent(5, 11), ent(0, 3)]
    assert overlap_pairs(gold, pred) == [(0, 1), (1, 0)]


def test_strict_pairs_are_kept_before_overlap_pairs():
    gold = [ent(0, 4)]
    pred = [ent(0, 3), ent(0, 4)]
    assert overlap_pairs(gold, pred) == strict_pairs(gold, pred) == [(0, 1)]


def test_per_label_and_micro_overall():
    gold = [ent(0, 3, "ACTOR"), ent(4, 6, "ACTOR"), ent(8, 10, "DATE")]
    pred = [ent(0, 3, "ACTOR"), ent(8, 10, "DATE"), ent(12, 14, "DATE")]
    s = entities.score([(gold, pred)], LABELS).scores["strict"]
    assert (s["ACTOR"]["tp"], s["ACTOR"]["pred"], s["ACTOR"]["gold"]) == (1, 1, 2)
    assert (s["DATE"]["tp"], s["DATE"]["pred"], s["DATE"]["gold"]) == (1, 2, 1)
    assert (s["PLACE"]["precision"], s["PLACE"]["recall"]) == (0.0, 0.0)
    assert (s["overall"]["tp"], s["overall"]["pred"], s["overall"]["gold"]) == (2, 3, 3)


def test_prf_with_empty_sides():
    assert prf(0, 0, 0)["f1"] == 0.0 and prf(0, 0, 4)["recall"] == 0.0


# ---------------------------------------------------------------- SemEval schemes via nervaluate

def test_nervaluate_still_reads_end_as_inclusive():
    # the convention semeval.py converts for: with raw exclusive ends, [0,3) and [3,5) would overlap
    raw = Evaluator([[{"label": "A", "start": 0, "end": 3}]], [[{"label": "A", "start": 3, "end": 5}]],
                    tags=["A"], loader="dict").evaluate()
    assert raw["overall"]["partial"].partial == 1


def test_conversion_to_inclusive_ends():
    assert semeval.to_nervaluate([ent(4, 5), ent(0, 3)]) == [
        {"label": "ACTOR", "start": 0, "end": 2}, {"label": "ACTOR", "start": 4, "end": 4}]


@pytest.mark.parametrize("pred, scheme, counts, p", [
    # adjacent spans: no overlap in any scheme
    ([ent(3, 5)], "partial", {"correct": 0, "partial": 0, "missed": 1, "spurious": 1}, 0.0),
    ([ent(3, 5)], "strict", {"correct": 0, "incorrect": 0, "missed": 1, "spurious": 1}, 0.0),
    # one shared character: partial credit 0.5, ent_type correct, strict/exact incorrect
    ([ent(2, 5)], "partial", {"correct": 0, "partial": 1, "missed": 0, "spurious": 0}, 0.5),
    ([ent(2, 5)], "ent_type", {"correct": 1, "incorrect": 0}, 1.0),
    ([ent(2, 5)], "strict", {"correct": 0, "incorrect": 1}, 0.0),
    ([ent(2, 5)], "exact", {"correct": 0, "incorrect": 1}, 0.0),
    # same span, other label: exact and partial correct, strict and ent_type incorrect
    ([ent(0, 3, "PLACE")], "exact", {"correct": 1}, 1.0),
    ([ent(0, 3, "PLACE")], "strict", {"incorrect": 1}, 0.0),
    ([ent(0, 3, "PLACE")], "ent_type", {"incorrect": 1}, 0.0),
])
def test_semeval_schemes(pred, scheme, counts, p):
    got = semeval.score([([ent(0, 3)], pred)], LABELS)["overall"][scheme]
    assert {k: got[k] for k in counts} == counts
    assert close(got["precision"], p)


def test_semeval_strict_agrees_with_our_strict():
    docs = [([ent(0, 3), ent(5, 8), ent(10, 12, "DATE")], [ent(0, 3), ent(5, 7), ent(10, 12, "PLACE")]),
            ([ent(1, 2)], [])]
    ours = entities.score(docs, LABELS).scores["strict"]["overall"]
    theirs = semeval.score(docs, LABELS)["overall"]["strict"]
    assert (theirs["correct"], theirs["actual"], theirs["possible"]) == (ours["tp"], ours["pred"], ours["gold"])


def test_semeval_with_no_documents():
    assert semeval.score([], LABELS)["overall"]["strict"]["f1"] == 0.0


# ---------------------------------------------------------------- norms

def actor(country, kind):
    return {"id": "x", "country": country, "kind": kind, "name": None}


def place(lat, lon, country="UKR"):
    return {"id": "p", "country": country, "kind": "city", "name": "P", "lat": lat, "lon": lon}


def test_haversine_one_degree_of_latitude():
    assert close(norms.haversine_km(0, 0, 1, 0), 2 * math.pi * norms.EARTH_KM / 360)
    assert norms.haversine_km(50.45, 30.52, 50.45, 30.52) == 0


def test_norm_accuracy():
    one_degree = 2 * math.pi * norms.EARTH_KM / 360
    pairs = [
        (ent(0, 1, "ACTOR", actor("RUS", "military")), ent(0, 1, "ACTOR", actor("RUS", "military")), True),
        (ent(2, 3, "ACTOR", actor("UKR", "state")), ent(2, 4, "ACTOR", actor("RUS", "state")), False),
        (ent(5, 6, "ACTOR", None), ent(5, 6, "ACTOR", actor("RUS", "state")), True),   # no gold norm: not counted
        (ent(7, 8, "PLACE", place(0, 0)), ent(7, 8, "PLACE", place(0, 0)), True),
        (ent(9, 10, "PLACE", place(0, 0)), ent(9, 10, "PLACE", place(1, 0, "RUS")), True),
        (ent(11, 12, "PLACE", place(0, 0)), ent(11, 12, "PLACE", place(None, None)), True),
        (ent(13, 14, "NUMBER", {"value": 3000, "min": None, "max": None}),
         ent(13, 14, "NUMBER", {"value": 3000.0, "min": None, "max": None}), True),
        (ent(15, 16, "NUMBER", {"value": None, "min": 200, "max": 900}),
         ent(15, 16, "NUMBER", {"value": None, "min": 200, "max": None}), True),
        (ent(17, 18, "DATE", {"value": "2024-08"}), ent(17, 18, "DATE", {"value": "2024-08"}), True),
        (ent(19, 20, "DATE", {"value": "2024-08"}), ent(19, 20, "DATE", None), True),
    ]
    n = norms.score(pairs)
    assert n["ACTOR"]["country"] == {"n": 2, "correct": 1, "accuracy": 0.5}
    assert n["ACTOR"]["kind"]["accuracy"] == 1.0
    assert n["PLACE"]["country"] == {"n": 3, "correct": 2, "accuracy": 2 / 3}
    d = n["PLACE"]["distance"]
    assert (d["n_gold_coords"], d["n_both"]) == (3, 2)
    assert close(d["mean_km"], one_degree / 2) and close(d["median_km"], one_degree / 2)
    assert close(d["within_25km"], 1 / 3)
    assert n["NUMBER"]["value_min_max"] == {"n": 2, "correct": 1, "accuracy": 0.5}
    assert n["DATE"]["value"] == {"n": 2, "correct": 1, "accuracy": 0.5}


# ---------------------------------------------------------------- events

def test_ace_event_scores():
    gold = [event(10, 12, "ATTACK", ("agent", 0, 3), ("place", 5, 8), polarity="positive"),
            event(20, 22, "DEPLOY", ("agent", 14, 17))]
    pred = [event(10, 12, "ATTACK", ("agent", 0, 3), ("patient", 5, 8), polarity="negative"),
            event(20, 22, "STATEMENT", ("agent", 14, 17)),
            event(30, 32, "AID")]
    s = events.score([(gold, pred)])
    expect = {"trigger_identification": (2, 3, 2), "trigger_classification": (1, 3, 2),
              # arguments only of the type-matched pair: 2 overlap, 1 with the same role; 3 pred, 3 gold
              "argument_identification": (2, 3, 3), "argument_classification": (1, 3, 3)}
    for measure, (tp, n_pred, n_gold) in expect.items():
        assert (s[measure]["tp"], s[measure]["pred"], s[measure]["gold"]) == (tp, n_pred, n_gold), measure
    assert close(s["trigger_identification"]["precision"], 2 / 3) and s["trigger_identification"]["recall"] == 1
    assert close(s["argument_classification"]["f1"], 1 / 3)
    assert s["attributes"]["polarity"] == {"n": 1, "correct": 0, "accuracy": 0.0}
    assert s["attributes"]["modality"]["n"] == 0


def test_overlapping_trigger_counts():
    s = events.score([([event(10, 12, "ATTACK")], [event(9, 11, "ATTACK")])])
    assert s["trigger_classification"]["f1"] == 1.0


def test_per_type_scores():
    gold = [event(10, 12, "ATTACK"), event(20, 22, "LAUNCH"), event(30, 32, "LAUNCH")]
    pred = [event(10, 12, "ATTACK"), event(20, 22, "ATTACK"), event(30, 32, "LAUNCH")]
    t = events.score([(gold, pred)])["per_type"]
    assert (t["ATTACK"]["tp"], t["ATTACK"]["pred"], t["ATTACK"]["gold"]) == (1, 2, 1)
    assert (t["LAUNCH"]["tp"], t["LAUNCH"]["pred"], t["LAUNCH"]["gold"]) == (1, 1, 2)


def test_group_links_over_matched_mentions():
    # gold: {a1, a2, a3} one attack, b another; pred links a1-a2 and wrongly a3-b;
    # the unmatched predicted mention at 90 adds no link
    gold = [event(10, 12, "ATTACK", group="g1"), event(20, 22, "ATTACK", group="g1"),
            event(30, 32, "ATTACK", group="g1"), event(40, 42, "ATTACK", group="g2")]
    pred = [event(10, 12, "ATTACK", group="g1"), event(20, 22, "ATTACK", group="g1"),
            event(30, 32, "ATTACK", group="g2"), event(40, 42, "ATTACK", group="g2"),
            event(90, 92, "ATTACK", group="g1")]
    g = events.score([(gold, pred)])["groups"]
    assert (g["tp"], g["pred"], g["gold"]) == (1, 2, 3)
    assert close(g["precision"], 0.5) and close(g["recall"], 1 / 3)


def test_same_trigger_baseline_and_missing_groups():
    gold = [event(10, 12, "ATTACK", group="g1"), event(20, 22, "ATTACK", group="g1")]
    pred = [{**event(10, 12, "ATTACK"), "trigger": {"start": 10, "end": 12, "text": "攻撃"}},
            {**event(20, 22, "ATTACK"), "trigger": {"start": 20, "end": 22, "text": "攻撃"}}]
    g = events.score([(gold, pred)])["groups"]
    assert (g["tp"], g["pred"], g["gold"]) == (0, 0, 1)        # no group: singletons
    assert g["lemma_baseline"]["f1"] == 1.0


# ---------------------------------------------------------------- documents on one side only

def doc(doc_id, text="ロシア軍が攻撃した", ents=(), evs=(), zones=()):
    return {"doc_id": doc_id, "text": text, "dct": None, "zones": list(zones),
            "entities": list(ents), "events": list(evs)}


def pred_doc(gold_doc, ents=(), evs=(), status="ok", text=None):
    return {"doc_id": gold_doc["doc_id"], "status": status,
            "sha256": hashlib.sha256((text or gold_doc["text"]).encode("utf-8")).hexdigest(),
            "zones": [], "entities": list(ents), "events": list(evs)}


def test_alignment_reports_every_unscored_document():
    a, b, c, d = doc("a"), doc("b"), doc("c"), doc("d")
    preds = Predictions({"b": pred_doc(b), "c": pred_doc(c, status="error"),
                         "d": pred_doc(d, text="other text"), "z": pred_doc(doc("z"))})
    pairs, info = run.align([a, b, c, d], preds)
    assert [g["doc_id"] for g, _ in pairs] == ["b"]
    assert info == {"gold": 4, "pred": 4, "scored": 1, "gold_only": ["a"], "pred_only": ["z"],
                    "pred_error": ["c"], "text_mismatch": ["d"]}


def test_gold_only_documents_do_not_count_as_misses():
    g1 = doc("a", ents=[ent(0, 4)])
    g2 = doc("b", ents=[ent(0, 4), ent(5, 7)])
    rep = run.evaluate([g1, g2], Predictions({"a": pred_doc(g1, ents=[ent(0, 4)])}), LABELS)
    assert rep["entities"]["strict"]["overall"]["recall"] == 1.0
    assert rep["documents"]["gold_only"] == ["b"]


def test_predictions_in_boilerplate_are_false_positives():
    g = doc("a", ents=[ent(0, 4)], zones=[{"start": 5, "end": 9, "kind": "boilerplate"}])
    rep = run.evaluate([g], Predictions({"a": pred_doc(g, ents=[ent(0, 4), ent(6, 8, "PLACE")])}), LABELS)
    assert rep["entities"]["strict"]["overall"]["precision"] == 0.5
    assert rep["zones"]["pred_entities_in_boilerplate"] == 1


def test_labels_restrict_both_sides():
    g = doc("a", ents=[ent(0, 4), ent(5, 7, "NUMBER")])
    rep = run.evaluate([g], Predictions({"a": pred_doc(g, ents=[ent(0, 4), ent(8, 9, "DATE")])}), ["ACTOR"])
    assert rep["entities"]["strict"]["overall"] == prf(1, 1, 1)
    assert list(rep["entities"]["strict"]) == ["ACTOR", "overall"]


def test_person_is_the_actors_of_kind_person():
    # gold: a person, an organisation, a place; pred: the person (span differs by its title),
    # the organisation read as a person, and an ACTOR without a norm
    person = {"kind": "person"}
    g = doc("a", text="田中太郎首相と自民党が東京で", ents=[ent(0, 4, "ACTOR", person), ent(7, 10), ent(11, 13, "PLACE")])
    p = [ent(0, 6, "ACTOR", actor("JPN", "person")), ent(7, 10, "ACTOR", actor("JPN", "person")), ent(11, 13)]
    rep = run.evaluate([g], Predictions({"a": pred_doc(g, ents=p)}), ["ACTOR", "PLACE", "PERSON"])
    s, o = rep["entities"]["strict"], rep["entities"]["overlap"]
    assert s["PERSON"] == prf(0, 2, 1) and o["PERSON"] == prf(1, 2, 1)
    assert s["ACTOR"] == prf(1, 3, 2)
    assert s["overall"] == prf(1, 3, 3)             # PERSON is inside ACTOR: not counted twice
    assert rep["entities"]["semeval"]["overall"]["strict"]["possible"] == 3
    # the partial gold norm scores kind only; the PERSON copies add no norm pairs
    assert rep["norms"]["ACTOR"]["kind"] == {"n": 1, "correct": 1, "accuracy": 1.0}
    assert rep["norms"]["ACTOR"]["country"]["n"] == 0
    alone = run.evaluate([g], Predictions({"a": pred_doc(g, ents=p)}), ["PERSON"])
    assert alone["entities"]["overlap"]["overall"] == prf(1, 2, 1)
    assert "PERSON" in report.render(rep)


# ---------------------------------------------------------------- baselines (no model)

@pytest.mark.parametrize("lemma, form", [("攻撃", "攻撃"), ("述べる", "述べ"), ("明らかにする", "明らかに"),
                                         ("求める", "求め"), ("報じる", "報じ"), ("失う", "失う")])
def test_trigger_search_form(lemma, form):
    assert baselines.search_form(lemma) == form


def test_keyword_events_take_the_longest_word():
    words = {"派兵": "DEPLOY", "増派": "DEPLOY", "派": "ATTACK", "述べ": "STATEMENT"}
    evs = baselines.keyword_events("北朝鮮が増派と述べた", words)
    assert [(v["type"], v["trigger"]["text"], v["trigger"]["start"]) for v in evs] == [
        ("DEPLOY", "増派", 4), ("STATEMENT", "述べ", 7)]
    assert all(v["arguments"] == [] for v in evs)


def test_trigger_table_and_builtin_fallback(tmp_path):
    table = tmp_path / "triggers.tsv"
    table.write_text("# comment\nid\ttype\tpattern\tnote\nt1\tATTACK\t砲撃\t-\nt2\tSTATEMENT\t述べる だ\t-\n",
                     encoding="utf-8")
    assert baselines.load_triggers(table) == ({"砲撃": "ATTACK", "述べ": "STATEMENT"}, str(table))
    words, source = baselines.load_triggers(tmp_path / "missing.tsv")
    assert words["派遣"] == "DEPLOY" and words["明らかに"] == "STATEMENT" and "built-in" in source
    bad = tmp_path / "bad.tsv"
    bad.write_text("type\tid\tpattern\n", encoding="utf-8")
    with pytest.raises(ValueError, match="id, type, pattern"):
        baselines.load_triggers(bad)


def test_ginza_label_table():
    m = baselines.ginza_label_map()
    expected = {"Person": "ACTOR", "Military": "ACTOR", "Country": "PLACE", "City": "PLACE",
                "N_Person": "NUMBER", "Money": "NUMBER", "Date": "DATE", "Period_Month": "DATE",
                "Ordinal_Number": None, "Age": None, "Position_Vocation": None}
    assert {k: m[k] for k in expected} == expected
    assert set(m.values()) == {"ACTOR", "PLACE", "NUMBER", "DATE", None}


def test_chunks_cut_after_line_breaks():
    text = "あ" * 5 + "\n" + "い" * 5 + "\n" + "う" * 12
    pieces = baselines.chunks(text, size=8)
    assert "".join(p for _, p in pieces) == text
    assert [o for o, _ in pieces] == [0, 6, 12, 20]
    assert all(len(p) <= 8 for _, p in pieces)


@pytest.mark.model
def test_ginza_baseline_on_one_sentence(ginza):
    text = "ロシア軍は2024年8月にクルスク州を攻撃した。"
    assert set(baselines.ginza_label_map()) >= set(ginza.get_pipe("ner").labels)
    got = {(e["text"], e["label"]) for e in baselines.ginza_entities(ginza, text, baselines.ginza_label_map())}
    assert {("ロシア軍", "ACTOR"), ("2024年8月", "DATE")} <= got
    assert all(text[s:e] == t for s, e, t in
               [(x["start"], x["end"], x["text"]) for x in baselines.ginza_entities(ginza, text, baselines.ginza_label_map())])


# ---------------------------------------------------------------- command line

def parser():
    p = argparse.ArgumentParser()
    evaluate_cli.add_parser(p.add_subparsers(dest="command", required=True))
    return p


def write_jsonl(path: Path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_cli_end_to_end(tmp_path, capsys):
    text = "ロシア軍が🚀クルスク州を攻撃した。2024年8月"
    g = doc("a", text, ents=[ent(0, 4, "ACTOR", actor("RUS", "military"), id="e1", text="ロシア軍"),
                             ent(6, 11, "PLACE", place(51.6, 36.3, "RUS"), id="e2", text="クルスク州"),
                             ent(17, 24, "DATE", {"type": "DATE", "value": "2024-08", "mod": None},
                                 id="e3", text="2024年8月")],
            evs=[{**event(12, 14, "ATTACK", ("agent", 0, 4)), "id": "v1"}])
    write_jsonl(tmp_path / "gold.jsonl", [g, doc("only-gold")])
    pred = tmp_path / "pred"
    pred.mkdir()
    write_jsonl(pred / "documents.jsonl", [{**pred_doc(g), "path": "x"}, {"doc_id": "only-pred", "status": "ok"}])
    write_jsonl(pred / "entities.jsonl", [
        {"doc_id": "a", "id": "e1", "label": "ACTOR", "start": 0, "end": 4, "norm": actor("RUS", "state")},
        {"doc_id": "a", "id": "e2", "label": "PLACE", "start": 6, "end": 10, "norm": place(51.6, 36.3, "RUS")}])
    write_jsonl(pred / "events.jsonl", [{"doc_id": "a", "id": "e3", **event(12, 14, "ATTACK", ("agent", 0, 4))}])
    args = parser().parse_args(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--pred", str(pred),
                                "--json", str(tmp_path / "r.json"), "--baseline", "keywords"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "only-gold" in out and "only-pred" in out
    rep = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert rep["entities"]["strict"]["overall"] == prf(1, 2, 3)
    assert rep["entities"]["overlap"]["overall"] == prf(2, 2, 3)
    assert rep["norms"]["ACTOR"]["kind"]["accuracy"] == 0.0
    assert rep["norms"]["PLACE"]["distance"]["within_25km"] == 1.0
    assert rep["events"]["argument_classification"]["f1"] == 1.0
    kw = rep["baselines"]["keywords"]
    assert (kw["trigger_classification"]["tp"], kw["trigger_classification"]["pred"]) == (1, 1)
    assert report.render(rep) == out


def test_cli_wikiner_gold_with_labels(tmp_path, capsys):
    item = {"curid": "9", "text": "松友美佐紀は日本の選手。",
            "entities": [{"name": "松友美佐紀", "span": [0, 5], "type": "人名"},
                         {"name": "日本", "span": [6, 8], "type": "地名"}]}
    (tmp_path / "ner.json").write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    pred = tmp_path / "pred"
    pred.mkdir()
    write_jsonl(pred / "documents.jsonl", [{"doc_id": "wiki-9-0", "status": "ok"}])
    write_jsonl(pred / "entities.jsonl", [{"doc_id": "wiki-9-0", "id": "e1", "label": "PLACE", "start": 6, "end": 8},
                                          {"doc_id": "wiki-9-0", "id": "e2", "label": "DATE", "start": 9, "end": 11}])
    args = parser().parse_args(["evaluate", "--gold", str(tmp_path / "ner.json"), "--gold-format", "wikiner",
                                "--pred", str(pred), "--labels", "ACTOR,PLACE", "--json", str(tmp_path / "r.json")])
    assert args.func(args) == 0
    rep = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert rep["entities"]["strict"]["overall"] == prf(1, 1, 2)
    # persons alone: 人名 gold is an ACTOR of kind person
    write_jsonl(pred / "entities.jsonl", [{"doc_id": "wiki-9-0", "id": "e1", "label": "ACTOR", "start": 0, "end": 5,
                                           "norm": {"id": "person:松友美佐紀", "country": None, "kind": "person",
                                                    "name": None}}])
    args = parser().parse_args(["evaluate", "--gold", str(tmp_path / "ner.json"), "--gold-format", "wikiner",
                                "--pred", str(pred), "--labels", "ACTOR,PLACE,PERSON", "--json", str(tmp_path / "r.json")])
    assert args.func(args) == 0
    rep = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert rep["entities"]["strict"]["PERSON"] == prf(1, 1, 1)
    assert rep["entities"]["strict"]["overall"] == prf(1, 1, 2)


def test_cli_exit_codes(tmp_path, capsys):
    write_jsonl(tmp_path / "gold.jsonl", [doc("a")])
    args = parser().parse_args(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path)])
    assert args.func(args) == 2 and "documents.jsonl" in capsys.readouterr().err
    write_jsonl(tmp_path / "documents.jsonl", [{"doc_id": "b", "status": "ok"}])
    assert args.func(args) == 1 and "no document" in capsys.readouterr().err


@pytest.mark.parametrize("pattern, word", [
    ("で [一致]", "一致"),                # a particle is no keyword: the marked word
    ("攻防 [戦]", "攻防"),                # the first word otherwise
    ("攻撃", "攻撃"),
])
def test_keyword_baseline_takes_a_pattern_s_word(pattern, word):
    from pipeline.evaluate.baselines import _trigger_word
    assert _trigger_word(pattern) == word
