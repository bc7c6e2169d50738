"""The pipeline on the seed gold must not fall below these floors.

Raise a floor when quality improves; never lower one. Measured when set (strict entity F1 0.952,
trigger F1 0.886, argument classification F1 0.760 on the five seeds).
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "seeds" / "gold.jsonl"

FLOORS = {
    ("entities", "strict", "overall"): 0.95,        # issue 10: 0.959
    ("entities", "strict", "ACTOR"): 0.95,          # 0.958
    ("entities", "strict", "PLACE"): 0.92,          # 0.925
    ("entities", "strict", "NUMBER"): 0.95,
    ("entities", "strict", "DATE"): 0.95,
    ("events", "trigger_classification"): 0.94,      # contract v2 gold (issue 9): 0.955
    ("events", "argument_classification"): 0.82,     # 0.824 (2026-12-04, second session)
    # group link F1 0.453 against the seeds' second-pass groups (2026-12-03); the floor of
    # 0.75 was set against the drafted groups, which were written from the pipeline's own
    # same-word grouping: the gold changed, not the code. 0.535 after the deployment,
    # continuing-statement and generic-fighting rules (issue 9); 0.537 with one act told by
    # several words (agreement, aid) and casualty synonyms
    # 0.547 with one statement per speaker and content; 0.570 with one country's deployment
    # across the article (2026-12-04); 0.681 with what a deployment sends compared as units
    # (a named force = a bare word for soldiers), not as attacked targets; 0.711 with the
    # noun a relative clause modifies as its patient (…に投入された北朝鮮軍の…); 0.725 with a
    # state and its forces as one speaker, and 侵略 grouped as 侵攻; 0.743 with one count of two
    # outcomes, casualties by side, a war's toll apart and 前進 as fighting in general; 0.742
    # after the review fixes (2026-12-04); 0.769 with an attack's toll apart from the total,
    # 死傷者 covering 死亡 and 負傷 nearby, and a part of a count on its own; 0.775 with an attack by other
    # means apart; 0.780 with a statement of another content apart; 0.786
    # with hedged fighting in general as the fighting told; 0.789 with 派兵 sending troops;
    # 0.796 with a speech named by a noun as the statement just told; 0.799 with
    # meetings of different people apart; 0.801 with one side's denials of one claim as one
    # statement; 0.800 after the review fixes;
    # 0.802 with acts in two provinces or cities apart; 0.804 with 交戦 grouped as 戦闘
    # (2026-12-04)
    ("events", "groups"): 0.75,
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("gold_run")
    # the gold file is itself valid input (doc_id, text, dct)
    run = subprocess.run([sys.executable, "-m", "pipeline", "run", str(GOLD), "--out", str(out / "pred"),
                          "--workers", "1", "-q"], cwd=ROOT)
    assert run.returncode == 0
    proc = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", "--gold", str(GOLD),
                           "--pred", str(out / "pred"), "--json", str(out / "eval.json")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    print(proc.stdout)
    return json.loads((out / "eval.json").read_text(encoding="utf-8"))


@pytest.mark.model
@pytest.mark.parametrize("path, floor", FLOORS.items(), ids=["/".join(k) for k in FLOORS])
def test_f1_floor(report, path, floor):
    node = report
    for key in path:
        node = node[key]
    assert node["f1"] >= floor, f"{'/'.join(path)} F1 {node['f1']:.3f} fell below the floor {floor}"
