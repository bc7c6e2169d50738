import shutil
import subprocess
import sys
from pathlib import Path

from pipeline.rules import default_dir, load_rules

RULES_DIR = default_dir()

ROOT = Path(__file__).resolve().parents[1]


def test_bad_rule_file_stops_the_run_with_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    with open(rules / "places.tsv", "a", encoding="utf-8") as fh:
        fh.write("nowhere\tcity\tRUS\tNowhere\tninety\t30\tどこでもない村\n")
    line = sum(1 for _ in open(rules / "places.tsv", encoding="utf-8"))
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", "--rules", str(rules),
                           "--out", str(tmp_path / "out"), str(ROOT / "seeds" / "articles")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    assert f"places.tsv:{line}: column lat" in proc.stderr
    assert not (tmp_path / "out" / "entities.jsonl").exists()


def test_help_names_every_command():
    out = subprocess.run([sys.executable, "-m", "pipeline", "--help"], cwd=ROOT,
                         capture_output=True, text=True).stdout
    for command in ("run", "evaluate", "import", "export", "bench"):
        assert command in out


def test_usage_errors_exit_2(tmp_path):
    for args in (["run", "--workers", "0"], ["run", "--dct", "2024-13-01"], ["frobnicate"]):
        proc = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True)
        assert proc.returncode == 2, args
