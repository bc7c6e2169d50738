"""The event rule tables load, cover every type, and fail with file:line on bad rows."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.rules.event_lexicon import TYPES, load_lexicon, parse_pattern
from pipeline.rules import default_dir, load_rules, RuleError

RULES_DIR = default_dir()

EVENT_TABLES = ("triggers.tsv", "event_cues.tsv", "event_roles.tsv")


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    for name in EVENT_TABLES:
        shutil.copy(RULES_DIR / name, tmp_path / name)
    return tmp_path


def test_project_tables_load_and_cover_every_type():
    lex = load_lexicon(RULES_DIR)
    counts = {t: sum(r.type == t for r in lex.triggers) for t in TYPES}
    assert all(n >= 3 for n in counts.values()), counts


def test_keyword_baseline_columns_come_first():
    header = next(line for line in (RULES_DIR / "triggers.tsv").read_text("utf-8").splitlines()
                  if line and not line.startswith("#"))
    assert header.split("\t")[:3] == ["id", "type", "pattern"]


def test_issue_light_verb_and_compound_forms_are_listed():
    rows = load_lexicon(RULES_DIR).triggers
    patterns = {" ".join("|".join(sorted(a)) for a in r.tokens) for r in rows}
    for p in ("攻撃 を 仕掛ける", "攻撃 を 加える", "撃ち込む", "失う", "派兵", "送り込む", "死者",
              "死傷者", "批准 書 を 交換"):
        assert p in patterns, p


@pytest.mark.parametrize("pattern, tokens, marked", [
    ("攻撃", [{"攻撃"}], (0,)),
    ("[攻撃] を 仕掛ける", [{"攻撃"}, {"を"}, {"仕掛ける"}], (0,)),
    ("命 を [落とす]", [{"命"}, {"を"}, {"落とす"}], (2,)),
    ("条約|協定 を [結ぶ]", [{"条約", "協定"}, {"を"}, {"結ぶ"}], (2,)),
    ("戦死 者", [{"戦死"}, {"者"}], (0, 1)),
])
def test_pattern_syntax(pattern, tokens, marked):
    got_tokens, got_marked = parse_pattern(pattern)
    assert [set(t) for t in got_tokens] == tokens
    assert got_marked == marked


@pytest.mark.parametrize("table, row, message", [
    ("triggers.tsv", "bad.type\tBATTLE\t戦い\ttrans\t-", "column type"),
    ("triggers.tsv", "bad.frame\tATTACK\t戦い\tfly\t-", "column frame"),
    ("triggers.tsv", "bad.bracket\tATTACK\t[攻撃 を\ttrans\t-", "unclosed bracket"),
    ("triggers.tsv", "bad.needs\tATTACK\t戦い\ttrans\tvictim=@ACTOR", "unknown condition"),
    ("triggers.tsv", "bad.class\tATTACK\t戦い\ttrans\tpatient=@SHIP", "unknown class"),
    ("triggers.tsv", "attack.lemma\tATTACK\t戦い\ttrans\t-", "already defined"),
    ("event_cues.tsv", "行う\tlight\tsideways", "column value"),
    ("event_cues.tsv", "何か\tmystery\t-", "column kind"),
    ("event_roles.tsv", "*\t*\t*\tが\tSHIP\tagent", "column arg"),
    ("event_roles.tsv", "*\t*\t*\tが\t*\tvictim", "column role"),
])
def test_bad_rows_fail_with_file_and_line(rules_copy, table, row, message):
    path = rules_copy / table
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join(lines + [row]) + "\n", "utf-8")
    with pytest.raises(RuleError) as err:
        load_lexicon(rules_copy)
    assert f"{path}:{len(lines) + 1}:" in str(err.value)
    assert message in str(err.value)
