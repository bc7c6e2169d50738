"""Fuzzing the readers (issue 11): random bytes and random JSON lines — every JSON type, lone
surrogates, NULs, deep nesting, undecodable bytes — never raise, and every line of a JSONL
file is either an article or an error for that line; through a run, either a document or a
line of errors.jsonl."""
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.batch import runner
from pipeline.prepare.reading import Article, InputError, read_inputs
from pipeline.rules import default_dir, load_rules

chars = st.one_of(st.characters(), st.characters(categories=["Cs"]), st.sampled_from("\x00\n\r\"\\"))
texts = st.text(chars, max_size=30)
scalars = st.one_of(st.none(), st.booleans(), st.integers(),
                    st.floats(allow_nan=True, allow_infinity=True), texts,
                    st.sampled_from(["2024-01-02", "2025-13-45", "0000-00-00", "本文"]))
values = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(texts, kids, max_size=4),
                      max_leaves=12)
records = st.fixed_dictionaries({}, optional={"doc_id": st.one_of(values, texts), "text": st.one_of(values, texts),
                                              "dct": values, "extra": values})


@st.composite
def json_lines(draw) -> bytes:
    """One line: a JSON value (mostly an object) serialised with or without escapes, possibly
    with raw surrogates (undecodable), a raw NUL, or a deep nest spliced in."""
    obj = draw(st.one_of(records, records, values))
    ascii_only = draw(st.booleans())
    line = json.dumps(obj, ensure_ascii=ascii_only, allow_nan=True)
    raw = line.encode("utf-8", "surrogatepass")
    trick = draw(st.sampled_from(["none", "none", "nul", "deep", "cut", "bigint"]))
    if trick == "nul":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + b"\x00" + raw[at:]
    elif trick == "deep" and raw.startswith(b"{") and raw != b"{}":
        depth = draw(st.integers(500, 50_000))
        raw = b'{"extra": ' + b"[" * depth + b"]" * depth + b", " + raw[1:]
    elif trick == "bigint":         # past Python's 4300-digit int limit
        raw = b'{"doc_id": ' + b"9" * draw(st.integers(4000, 6000)) + b', "text": "x"}'
    elif trick == "cut":
        raw = raw[:draw(st.integers(0, len(raw)))]
    return raw.replace(b"\n", b"\\n")


lines = st.lists(st.one_of(json_lines(), json_lines(), json_lines(), st.binary(max_size=40)), max_size=12)


def must_count(line: bytes) -> bool:
    """A line that cannot be blank whatever its encoding: it holds a printable ASCII byte that is
    no trail byte of an ideographic space (0x40 of CP932's 0x8140)."""
    return any(0x21 <= b <= 0x7E and b != 0x40 for b in line)


def read_file(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"fuzz{suffix}"
        f.write_bytes(data)
        return f, list(read_inputs([f]))


@settings(max_examples=200, deadline=None)
@given(lines)
def test_every_jsonl_line_is_an_article_or_an_error(parts):
    data = b"\n".join(parts)
    _, items = read_file(data, ".jsonl")
    numbers = [i.line for i in items]
    assert all(isinstance(i, (Article, InputError)) for i in items)
    assert len(numbers) == len(set(numbers))                  # one item per line at most
    split = data.split(b"\n")
    assert {n for n, line in enumerate(split, 1) if must_count(line)} <= set(numbers)
    for i in items:
        json.dumps(i.record() if isinstance(i, InputError) else i.__dict__,
                   ensure_ascii=False).encode("utf-8")      # everything is writable as UTF-8
        if isinstance(i, Article):
            assert i.text.strip() and i.doc_id


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.sampled_from([".txt", ".jsonl", ".TXT"]))
def test_random_bytes_never_raise(data, suffix):
    _, items = read_file(data, suffix)
    assert all(isinstance(i, (Article, InputError)) for i in items)


RULES = load_rules(default_dir())


def fake_work(task):
    key, a, _ = task
    doc = {"doc_id": a.doc_id, "path": a.path, "sha256": a.sha256, "chars": len(a.text), "line": a.line}
    return key, {"documents": [doc], "entities": [], "events": []}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_through_a_run_every_line_is_a_document_or_in_errors_jsonl(parts):
    data = b"\n".join(parts)
    with tempfile.TemporaryDirectory() as d, pytest.MonkeyPatch.context() as mp:
        mp.setattr(runner, "_work", fake_work)
        mp.setattr(runner, "_work_many", lambda tasks: [fake_work(t) for t in tasks])
        mp.setattr(runner, "_init_worker", lambda *a: None)
        f = Path(d) / "in.jsonl"
        f.write_bytes(data)
        summary, _ = runner.run_batch([f], Path(d) / "out", RULES)
        out = Path(d) / "out"
        docs = [json.loads(x) for x in (out / "documents.jsonl").read_text("utf-8").splitlines()]
        errs = [json.loads(x) for x in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    covered = [x["line"] for x in docs] + [e["line"] for e in errs]
    assert len(covered) == len(set(covered))
    assert {n for n, line in enumerate(data.split(b"\n"), 1) if must_count(line)} <= set(covered)
    assert summary.failed == len(errs) and summary.ok == len(docs)
