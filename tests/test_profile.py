"""bench --profile: a stage's own time is its stream clock minus the one before it."""
import time

from pipeline.batch.profile import Clock, own_times, profile_lines


def _slow(stream, seconds):
    for item in stream:
        time.sleep(seconds)
        yield item


def test_own_time_of_each_stage_excludes_upstream():
    first = Clock(_slow(range(5), 0.01))
    second = Clock(_slow(first, 0.03))
    assert list(second) == [0, 1, 2, 3, 4]
    own = own_times([("first", first), ("second", second)])
    assert 0.04 <= own["first"] < 0.1
    assert 0.14 <= own["second"] < 0.25


def test_profile_lines_sorted_with_shares_and_total():
    lines = profile_lines({"a": 1.0, "b": 3.0}, chars=400)
    assert lines[1].startswith("b") and "75.0%" in lines[1]
    assert lines[-1].startswith("total") and "100 chars/s" in lines[-1]


def test_every_stage_runs_its_own_component():
    from types import SimpleNamespace

    from pipeline.batch.profile import staged_pipe
    seen = []

    def comp(name):
        def run(doc):
            seen.append((name, doc))
            return doc
        return run
    nlp = SimpleNamespace(make_doc=lambda t: t, pipeline=[("a", comp("a")), ("b", comp("b"))])
    docs, clocks = staged_pipe(nlp, ["x", "y"])
    assert list(docs) == ["x", "y"]
    assert seen == [("a", "x"), ("b", "x"), ("a", "y"), ("b", "y")]
    assert [name for name, _ in clocks] == ["tokenizer", "a", "b"]
