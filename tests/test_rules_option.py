"""`--rules DIR` reaches every stage: a word added to a copy of rules/ shows up in the records."""
import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.rules import default_dir

pytestmark = pytest.mark.model

# A made-up armed group, a date word, a counter and a trigger the shipped rules do not have.
ADDITIONS = {
    "date_words.tsv": "先年\tdeictic\tyear:-1\n",
    "counters.tsv": "艇\t艇\tcount\n",
    "actors.tsv": "zambala_front\tmilitary\tCOD\tZambala Liberation Front\tザンバラ解放戦線\n",
    "triggers.tsv": "attack.kyoshu\tATTACK\t強襲\ttrans\t-\n",
}
TEXT = "ザンバラ解放戦線は先年、北部の町を強襲し、小型船5艇を奪った。"


def _run(tmp_path: Path, name: str, rules: Path | None) -> tuple[list, list]:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "z", "text": TEXT, "dct": "2025-03-04"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / name
    args = ["run", str(src), "--out", str(out), "--workers", "1", "-q"]
    assert main(args + (["--rules", str(rules)] if rules else [])) == 0
    read = lambda f: [json.loads(x) for x in (out / f).read_text("utf-8").splitlines()]  # noqa: E731
    return read("entities.jsonl"), read("events.jsonl")


def test_every_added_rule_reaches_the_records(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(default_dir(), rules)
    for name, line in ADDITIONS.items():
        with open(rules / name, "a", encoding="utf-8") as fh:
            fh.write(line)
    base_ents, base_events = _run(tmp_path, "base", None)
    ents, events = _run(tmp_path, "custom", rules)

    def found(entities):
        return {(e["text"], e["label"]): e["norm"] for e in entities}
    base, custom = found(base_ents), found(ents)
    assert ("ザンバラ解放戦線", "ACTOR") not in base
    assert custom[("ザンバラ解放戦線", "ACTOR")]["id"] == "zambala_front"
    assert ("先年", "DATE") not in base
    assert custom[("先年", "DATE")]["value"] == "2024"          # normaliser read the copy too
    assert ("5艇", "NUMBER") not in base
    assert custom[("5艇", "NUMBER")] == {"value": 5, "min": None, "max": None, "unit": "艇",
                                          "approx": False}
    assert "強襲" not in {e["trigger"]["text"] for e in base_events}
    attack = next(e for e in events if e["trigger"]["text"] == "強襲")
    assert attack["type"] == "ATTACK" and attack["rule"].startswith("attack.kyoshu")


def test_a_rules_folder_change_changes_the_fingerprint(tmp_path):
    from pipeline.batch.cache import fingerprint
    rules = tmp_path / "rules"
    shutil.copytree(default_dir(), rules)
    before = fingerprint(rules)
    with open(rules / "counters.tsv", "a", encoding="utf-8") as fh:
        fh.write(ADDITIONS["counters.tsv"])
    assert fingerprint(rules) != before
