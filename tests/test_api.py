"""The public API: pipeline.load() → Extractor; records equal the JSONL lines of a run."""
import json

import pytest

import pipeline
from pipeline.cli import main

pytestmark = pytest.mark.model

TEXT = "ロシア軍は3日、ウクライナ東部ドネツク州の町を攻撃し、住民約20人が死亡した。"


@pytest.fixture(scope="module")
def ex():
    return pipeline.load()


def test_extract_returns_the_records_a_run_writes(ex, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "a1", "text": TEXT, "dct": "2025-03-04"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["run", str(src), "--out", str(tmp_path / "o"), "--workers", "1", "-q"]) == 0
    lines = lambda f: [json.loads(x) for x in (tmp_path / "o" / f).read_text("utf-8").splitlines()]  # noqa: E731
    rec = ex.extract(TEXT, dct="2025-03-04", doc_id="a1")
    assert rec.entities == lines("entities.jsonl")
    assert rec.events == lines("events.jsonl")
    doc = lines("documents.jsonl")[0]
    assert {k: v for k, v in rec.document.items() if k != "path"} == \
           {k: v for k, v in doc.items() if k != "path"}


def test_pipe_streams_many_in_order(ex):
    recs = list(ex.pipe(["ロシア軍が攻撃した。", {"text": "北朝鮮がミサイルを発射した。", "doc_id": "k"}]))
    assert [r.document["doc_id"] for r in recs] == ["doc1", "k"]
    assert recs[0].events[0]["type"] == "ATTACK"
    assert all(r.document["status"] == "ok" for r in recs)


def test_the_spacy_language_is_reachable(ex):
    doc = ex.nlp("ロシア軍は3日、キーウを攻撃した。")
    assert [s.label_ for s in doc.spans["entities"]][:2] == ["ACTOR", "DATE"]
    assert doc._.events and doc._.events[0]["type"] == "ATTACK"


def test_bad_dct_is_a_clear_error(ex):
    with pytest.raises(ValueError):
        ex.extract(TEXT, dct="2025-13-45")


def test_readme_example_runs():
    """The README's "Use from Python" block, executed as written."""
    from pathlib import Path
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    block = readme.split("## Use from Python", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    env: dict = {}
    exec(compile(block, "README.md", "exec"), env)      # noqa: S102  (our own README)
    assert env["rec"].events and env["rec"].entities


def test_factories_are_spacy_entry_points():
    """After install, nlp.add_pipe("ja_dates") works without importing this package first."""
    from importlib.metadata import entry_points
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"ja_lines", "ja_dates", "ja_numbers", "ja_names", "ja_entities", "ja_events"} <= names
