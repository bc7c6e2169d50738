"""The rule tables added for entities in general text (issue 10): GiNZA label roles
(rules/ner_labels.tsv), leader heads (rules/name_parts.tsv) and English credit words
(rules/credit_lines.tsv) load and are validated like every table."""
import shutil

import pytest

from pipeline.rules import RuleError, default_dir
from pipeline.rules.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(default_dir())


def test_shipped_tables_load(gaz):
    assert gaz.ner_roles["City"] == "place" and gaz.ner_roles["Person"] == "person"
    assert gaz.ner_roles["Political_Party"] == "organization"
    assert "War" not in gaz.ner_roles           # events are not read: wars in news are places
    assert "政権" in gaz.leader_heads
    assert {"administration", "ministry"} <= gaz.credit_org_words


@pytest.mark.parametrize("name, line, message", [
    ("ner_labels.tsv", "City\tplaces\n", "ner_labels.tsv:"),
    ("credit_lines.tsv", "Bureau\torg_word\treuters\n", "'-' for an org_word"),
    ("name_parts.tsv", "政権\tleader\n", "name_parts.tsv:"),
])
def test_bad_rows_are_rejected(tmp_path, name, line, message):
    rules = tmp_path / "rules"
    shutil.copytree(default_dir(), rules)
    with open(rules / name, "a", encoding="utf-8") as f:
        f.write(line)
    with pytest.raises(RuleError, match=message):
        load_gazetteer(rules)
