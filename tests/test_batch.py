"""Incremental, resumable, parallel batch runs (pipeline.batch), on a small corpus."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.runner import CACHE, MANIFEST, run_batch
from pipeline.rules import default_dir, load_rules

RULES_DIR = default_dir()

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.model

ARTICLES = {
    "a": "ロシア軍は2024年8月にクルスク州で攻撃した。",
    "b": "北朝鮮は1万1000人の兵士をロシアに派遣したと韓国国家情報院が発表した。",
    "c": "ゼレンスキー大統領は、約3000人が死傷したと述べた。",
    "d": "ウクライナ軍は10月1日にヴフレダルから撤退した。",
}
FILES = ("documents.jsonl", "entities.jsonl", "events.jsonl", "errors.jsonl", MANIFEST)


def corpus(tmp_path: Path, names=ARTICLES) -> Path:
    d = tmp_path / "in"
    d.mkdir(exist_ok=True)
    for name in names:
        (d / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    return d


def snapshot(out: Path) -> dict[str, bytes]:
    return {f: (out / f).read_bytes() for f in FILES}


def doc_ids(out: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]


def test_incremental_add_change_delete(tmp_path):
    src, out = corpus(tmp_path, ["a", "b"]), tmp_path / "out"
    first, _ = run_batch([src], out, load_rules(RULES_DIR))
    assert (first.processed, first.reused) == (2, 0)
    (src / "c.txt").write_text(ARTICLES["c"], encoding="utf-8")            # add
    (src / "a.txt").write_text(ARTICLES["a"] + "\n追記。", encoding="utf-8")  # change
    second, _ = run_batch([src], out, load_rules(RULES_DIR))
    assert (second.processed, second.reused) == (2, 1)
    (src / "b.txt").unlink()                                               # delete
    third, _ = run_batch([src], out, load_rules(RULES_DIR))
    assert (third.processed, third.reused) == (0, 2)
    assert doc_ids(out) == ["a", "c"]
    assert all(json.loads(line)["doc_id"] != "b" for line in (out / "entities.jsonl").read_text("utf-8").splitlines())
    assert len(list((out / CACHE).glob("*.json"))) == 2                    # stale entries pruned


def test_rerun_is_byte_identical_and_reuses_everything(tmp_path):
    src, out = corpus(tmp_path), tmp_path / "out"
    run_batch([src], out, load_rules(RULES_DIR))
    before = snapshot(out)
    again, _ = run_batch([src], out, load_rules(RULES_DIR))
    assert again.processed == 0 and again.reused == len(ARTICLES)
    assert snapshot(out) == before


def test_changed_rule_file_reprocesses_everything(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    src, out = corpus(tmp_path, ["a", "b"]), tmp_path / "out"
    run_batch([src], out, load_rules(rules))
    with open(rules / "titles.tsv", "a", encoding="utf-8") as fh:
        fh.write("# a comment is a change too\n")
    again, _ = run_batch([src], out, load_rules(rules))
    assert (again.processed, again.reused) == (2, 0)


def _cli(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out), "-q", *extra]


def _cached(out: Path) -> bool:
    return (out / CACHE).exists() and any((out / CACHE).glob("*.json"))


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path):
    # 16 articles of ~3,000 characters: a worker parses about 8,000 characters in one stream
    # (runner.GROUP_CHARS), so there are several groups and the kill lands mid-run.
    for k in range(4):
        for name, text in ARTICLES.items():
            d = tmp_path / "in"
            d.mkdir(exist_ok=True)
            body = "\n".join(f"{text}({k}-{i})" for i in range(80))
            (d / f"{name}{k}.txt").write_text(body, encoding="utf-8")
    src, out, clean = tmp_path / "in", tmp_path / "out", tmp_path / "clean"
    proc = subprocess.Popen(_cli(src, out, "--workers", "1"), cwd=ROOT)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not _cached(out):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)      # right after the first article is stored
    proc.wait()
    assert not (out / MANIFEST).exists()                       # the manifest is written last
    assert subprocess.run(_cli(src, out, "--workers", "1"), cwd=ROOT).returncode == 0
    assert subprocess.run(_cli(src, clean, "--workers", "1"), cwd=ROOT).returncode == 0
    ids = doc_ids(out)
    assert len(ids) == len(set(ids)) == 16
    for f in ("documents.jsonl", "entities.jsonl", "events.jsonl"):
        assert (out / f).read_bytes() == (clean / f).read_bytes()


def test_worker_count_does_not_change_a_byte(tmp_path):
    src = corpus(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    assert subprocess.run(_cli(src, one, "--workers", "1"), cwd=ROOT).returncode == 0
    assert subprocess.run(_cli(src, two, "--workers", "2"), cwd=ROOT).returncode == 0
    assert snapshot(one) == snapshot(two)


def test_bench_smoke(tmp_path):
    src = corpus(tmp_path, ["a"])
    proc = subprocess.run([sys.executable, "-m", "pipeline", "bench", "--smoke", str(src)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    for figure in ("shipped GiNZA", "parse floor", "full pipeline", "pipeline / floor", "peak RSS"):
        assert figure in proc.stdout


def test_worker_model_is_frozen_and_let_go_when_replaced():
    """A worker freezes its model out of the collector's way; loading another (other rules, or
    without fast Ops) unfreezes first, so the old model is freed, not kept for ever."""
    import gc
    import weakref

    from pipeline.batch import runner
    runner._init_worker(str(default_dir()), True)
    assert gc.get_freeze_count() > 10_000
    old = weakref.ref(runner._WORKER["nlp"])
    runner._init_worker(str(default_dir()), False)
    assert old() is None
    assert gc.get_freeze_count() > 10_000
    runner._init_worker(str(default_dir()), True)      # as other tests expect it
