"""Issue 11: no crash, no silent loss. Bad lines, output-folder faults, concurrent runs, empty
inputs, resource caps, bench and brat export. Most tests replace the parser by a fake
(`fake_parse`), so they need no model; the ones that run the real pipeline are marked `model`."""
import errno
import fcntl
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline.batch import outdir, resources, runner
from pipeline.batch.cache import CACHE
from pipeline.batch.progress import count_inputs
from pipeline.batch.runner import MANIFEST, RunError, run_batch
from pipeline.output import files as outfiles
from pipeline.prepare.reading import Article, InputError, read_inputs
from pipeline.rules import default_dir, load_rules

ROOT = Path(__file__).resolve().parents[1]
ROOT_USER = os.geteuid() == 0          # root ignores file permissions: inject those faults instead


@pytest.fixture(scope="module")
def rules():
    return load_rules(default_dir())


@pytest.fixture
def fake_parse(monkeypatch):
    """In-process stand-in for the parser: one document and one entity per article; an article
    whose text holds BOOM fails inside processing (the real process_entry error path)."""
    from pipeline.article import process_entry
    calls = []

    class Exploding:
        def pipe(self, texts, batch_size=None):
            raise RuntimeError("parser exploded\non two lines")

    def work(task):
        key, a, fallback = task
        calls.append(a.doc_id)
        if "BOOM" in a.text:
            return key, process_entry(a, Exploding(), load_rules(default_dir()), fallback)
        doc = {"doc_id": a.doc_id, "path": a.path, "sha256": a.sha256, "chars": len(a.text),
               "dct": a.dct or fallback, "status": "ok", "entities": 1, "events": 0}
        ent = {"doc_id": a.doc_id, "id": "e1", "label": "PLACE", "start": 0, "end": len(a.text), "text": a.text}
        return key, {"documents": [doc], "entities": [ent], "events": []}

    monkeypatch.setattr(runner, "_work", work)
    monkeypatch.setattr(runner, "_work_many", lambda tasks: [work(t) for t in tasks])
    monkeypatch.setattr(runner, "_init_worker", lambda *a: None)
    return calls


def txt(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def ids(out: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]


def errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]


def state(out: Path) -> dict[str, bytes]:
    """Every file under `out` except the lock: what 'nothing changed' compares."""
    return {str(f.relative_to(out)): f.read_bytes() for f in sorted(out.rglob("*"))
            if f.is_file() and f.name != outdir.LOCK}


def leftovers(out: Path) -> list[str]:
    return [f.name for f in out.rglob("*") if outfiles.TMP in f.name]


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=kw.pop("timeout", 120), **kw)


# -- 1. readers that never throw ----------------------------------------------------------------

BAD_LINES = {
    "surrogate_text": '{"doc_id": "s1", "text": "abc\\ud800def"}',
    "surrogate_id": '{"doc_id": "x\\udfff", "text": "本文"}',
    "deep_ignored": '{"doc_id": "n1", "text": "本文", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "raw_nul": '{"doc_id": "z1", "text": "本\x00文"}',
    "escaped_nul": '{"doc_id": "z2", "text": "本\\u0000文"}',
    "huge_int_id": '{"doc_id": ' + "9" * 5000 + ', "text": "本文"}',
    "bool_id": '{"doc_id": true, "text": "本文"}',
    "impossible_dct": '{"doc_id": "d1", "text": "本文", "dct": "2025-13-45"}',
    "not_object": '[1, 2, 3]',
}


def test_every_bad_jsonl_line_is_one_error_and_the_good_lines_are_read(tmp_path):
    f = tmp_path / "mixed.jsonl"
    good = json.dumps({"doc_id": "ok1", "text": "ロシア軍は攻撃した。"}, ensure_ascii=False)
    raw = "\n".join([good, *BAD_LINES.values(), good.replace("ok1", "ok2")]).encode("utf-8")
    f.write_bytes(raw + b"\n\xff\xfe{not utf-8}\n")           # plus one undecodable line
    items = list(read_inputs([f]))
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["ok1", "ok2"]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [e.line for e in bad] == list(range(2, len(BAD_LINES) + 2)) + [len(BAD_LINES) + 3]
    for e in bad:
        json.dumps(e.record(), ensure_ascii=False).encode("utf-8")   # writable as UTF-8
        assert "\n" not in e.message and f"{f}:{e.line}:" in e.message


def test_bad_lines_reach_errors_jsonl_and_stderr_and_the_run_goes_on(tmp_path, rules, fake_parse, capsys):
    f = tmp_path / "in.jsonl"
    good = json.dumps({"doc_id": "ok1", "text": "本文"}, ensure_ascii=False)
    f.write_text("\n".join([good, *BAD_LINES.values()]), encoding="utf-8", errors="surrogatepass")
    summary, _ = run_batch([f], tmp_path / "out", rules)
    assert ids(tmp_path / "out") == ["ok1"]
    assert len(errors(tmp_path / "out")) == summary.failed == len(BAD_LINES)
    stderr = capsys.readouterr().err.splitlines()
    assert len(stderr) == len(BAD_LINES) and all(line.startswith(f"error: {f}:") for line in stderr)
    assert any("2025-13-45" in line for line in stderr)                # the impossible dct


@pytest.mark.parametrize("breaker", ["\x85", "\u2028", "\u2029"])
def test_a_line_break_character_in_a_record_never_splits_its_jsonl_line(tmp_path, rules, fake_parse,
                                                                        breaker):
    # JSON leaves these raw with ensure_ascii=False, but str.splitlines() ends a line at them
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"doc_id": f"a{breaker}b", "text": f"本文{breaker}です"}) + "\n"
                 + json.dumps({"doc_id": "ok", "dct": "2025-99-01", "text": "x"}) + "\n",
                 encoding="utf-8")
    run_batch([f], tmp_path / "out", rules)
    for name in ("documents", "errors"):
        text = (tmp_path / "out" / f"{name}.jsonl").read_text("utf-8")
        assert breaker not in text and len(text.splitlines()) == 1
    assert json.loads((tmp_path / "out" / "documents.jsonl").read_text("utf-8"))["doc_id"] == f"a{breaker}b"


def test_file_name_that_is_not_utf8_is_an_error(tmp_path, rules, fake_parse):
    folder = tmp_path / "in"
    txt(folder, "good.txt", "本文")
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as fh:
        fh.write("本文".encode("utf-8"))
    summary, _ = run_batch([folder], tmp_path / "out", rules)
    assert ids(tmp_path / "out") == ["good"]
    assert [e["error"] for e in errors(tmp_path / "out")] == ["bad_name"]


def test_uppercase_extensions_are_read(tmp_path):
    txt(tmp_path / "in", "A.TXT", "本文")
    txt(tmp_path / "in", "b.JsonL", json.dumps({"doc_id": "b", "text": "本文"}))
    assert sorted(a.doc_id for a in read_inputs([tmp_path / "in"])) == ["A", "b"]


# -- 2. every failure visible ---------------------------------------------------------------------

def test_processing_error_is_printed_when_it_happens_and_again_when_reused(tmp_path, rules, fake_parse, capsys):
    folder = tmp_path / "in"
    txt(folder, "bad.txt", "ロシア軍が攻撃した。BOOM")
    txt(folder, "good.txt", "本文")
    for _ in range(2):
        summary, _ = run_batch([folder], tmp_path / "out", rules)
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith(f"error: {folder / 'bad.txt'}: bad: RuntimeError")
        assert summary.failed == 1 and ids(tmp_path / "out") == ["good"]
        assert errors(tmp_path / "out")[0]["error"] == "processing"


def test_fifo_named_jsonl_is_reported_not_waited_on(tmp_path, rules, fake_parse):
    folder = tmp_path / "in"
    txt(folder, "good.txt", "本文")
    os.mkfifo(folder / "pipe.jsonl")
    result = {}
    t = threading.Thread(target=lambda: result.update(
        n=count_inputs([folder]), run=run_batch([folder], tmp_path / "out", rules)), daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "hung on the FIFO"
    assert ids(tmp_path / "out") == ["good"]
    (e,) = errors(tmp_path / "out")
    assert e["error"] == "special" and "FIFO" in e["message"]


def test_unreadable_subfolder_and_file_are_reported(tmp_path, rules, fake_parse, monkeypatch):
    folder = tmp_path / "in"
    txt(folder, "good.txt", "本文")
    txt(folder / "locked", "hidden.txt", "本文")
    txt(folder, "secret.txt", "本文")
    if ROOT_USER:
        real_scandir, real_read = os.scandir, runner.read_inputs.__globals__["read_regular"]

        def scandir(p="."):
            if str(p).endswith("locked"):
                raise PermissionError(errno.EACCES, "Permission denied", str(p))
            return real_scandir(p)

        def read_regular(p):
            if p.name == "secret.txt":
                raise PermissionError(errno.EACCES, "Permission denied", str(p))
            return real_read(p)
        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setitem(runner.read_inputs.__globals__, "read_regular", read_regular)
    else:
        os.chmod(folder / "locked", 0)
        os.chmod(folder / "secret.txt", 0)
    try:
        run_batch([folder], tmp_path / "out", rules)
    finally:
        os.chmod(folder / "locked", 0o755)
    assert ids(tmp_path / "out") == ["good"]
    assert sorted(e["error"] for e in errors(tmp_path / "out")) == ["unreadable", "unreadable"]


# -- 3. exit codes, output-folder checks before any parsing -----------------------------------------

def test_exit_codes_are_documented_in_help_and_readme():
    out = cli("run", "--help").stdout
    readme = (ROOT / "README.md").read_text("utf-8")
    for code in ("0", "1", "2", "3"):
        assert f"  {code}  " in out
        assert f"- {code} —" in readme
    assert "--no-wait" in out and "exit status" in out


def test_output_folder_that_is_a_file_is_one_line_and_exit_2_before_reading(tmp_path):
    src = txt(tmp_path / "in", "a.txt", "本文")
    (tmp_path / "out").write_text("not a folder")
    proc = cli("run", str(src), "--out", str(tmp_path / "out"), "-q")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "is not a folder" in proc.stderr
    assert (tmp_path / "out").read_text() == "not a folder"


@pytest.mark.parametrize("err", [errno.EACCES, errno.EROFS, errno.ENOSPC])
def test_unwritable_output_folder_stops_before_any_parsing(tmp_path, rules, fake_parse, monkeypatch, err):
    src = txt(tmp_path / "in", "a.txt", "本文")

    def probe(_):
        raise OSError(err, os.strerror(err))
    monkeypatch.setattr(outdir, "_probe", probe)
    with pytest.raises(RunError) as info:
        run_batch([src], tmp_path / "out", rules)
    assert info.value.code == 2 and os.strerror(err) in str(info.value)
    assert fake_parse == []                                   # nothing was parsed


def test_not_permitted_output_folder_is_a_usage_error(tmp_path, rules, fake_parse, monkeypatch):
    src = txt(tmp_path / "in", "a.txt", "本文")
    parent = tmp_path / "closed"
    parent.mkdir()
    if ROOT_USER:
        def mkdir(self, *a, **kw):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        monkeypatch.setattr(Path, "mkdir", mkdir)
    else:
        os.chmod(parent, 0o500)
    try:
        with pytest.raises(RunError) as info:
            run_batch([src], parent / "out", rules)
    finally:
        os.chmod(parent, 0o755)
    assert info.value.code == 2 and "Permission denied" in str(info.value) and fake_parse == []


def _mount_tmpfs(where: Path, size: str, *opts: str) -> bool:
    where.mkdir()
    if os.environ.get("NO_TMPFS"):
        return False
    try:
        return subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *opts]), "tmpfs",
                               str(where)], capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.fixture
def tmpfs(tmp_path):
    """A real small filesystem where the machine allows mounting one (else None)."""
    mounted = []

    def make(size: str, *opts: str):
        where = tmp_path / f"fs{len(mounted)}"
        if not _mount_tmpfs(where, size, *opts):
            return None
        mounted.append(where)
        return where
    yield make
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_read_only_output_folder_real_mount_or_injected(tmp_path, rules, fake_parse, tmpfs, monkeypatch):
    src = txt(tmp_path / "in", "a.txt", "本文")
    out = tmpfs("1m", "ro")
    if out is None:
        out = tmp_path / "ro"
        monkeypatch.setattr(outdir, "_probe", lambda _: (_ for _ in ()).throw(
            OSError(errno.EROFS, os.strerror(errno.EROFS))))
    with pytest.raises(RunError) as info:
        run_batch([src], out, rules)
    assert info.value.code == 2 and fake_parse == []


def test_full_disk_before_the_run_is_a_usage_error(tmp_path, rules, fake_parse, tmpfs, monkeypatch):
    src = txt(tmp_path / "in", "a.txt", "本文")
    fs = tmpfs("256k")
    if fs is None:
        fs = tmp_path / "fs"
        monkeypatch.setattr(outdir, "_probe", lambda _: (_ for _ in ()).throw(
            OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    else:
        try:
            (fs / "filler").write_bytes(b"x" * (1 << 20))
        except OSError:
            pass                                    # full now
    with pytest.raises(RunError) as info:
        run_batch([src], fs / "out", rules)
    assert info.value.code == 2 and "No space left" in str(info.value)
    assert fake_parse == [] and leftovers(fs) == []


def test_full_disk_during_the_run_changes_no_output_and_leaves_no_temp_file(tmp_path, rules, fake_parse,
                                                                            tmpfs, monkeypatch):
    folder = tmp_path / "in"
    txt(folder, "a.txt", "本文")
    fs = tmpfs("320k")
    out = (fs or tmp_path) / "out"
    run_batch([folder], out, rules)
    before = state(out)
    for k in range(8):                               # 8 × 100 KB: the disk fills up mid-run
        txt(folder, f"big{k}.txt", "長" * 34_000)
    if fs is None:
        real = outfiles.AtomicJsonl.write

        def write(self, row):
            if self.path.name == "entities.jsonl":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(self, row)
        monkeypatch.setattr(outfiles.AtomicJsonl, "write", write)
    with pytest.raises(RunError) as info:
        run_batch([folder], out, rules)
    assert info.value.code == 3 and "No space left" in str(info.value)
    assert leftovers(out) == []
    after = state(out)
    assert {k: v for k, v in after.items() if not k.startswith(CACHE)} == \
        {k: v for k, v in before.items() if not k.startswith(CACHE)}


def test_cli_full_disk_mid_run_exit_3(tmp_path, monkeypatch):
    """The exit status of a run that failed: RunError → 3, one line."""
    from pipeline import cli

    def boom(*a, **kw):
        raise RunError("run failed, output files in X unchanged: No space left on device")
    monkeypatch.setattr("pipeline.batch.runner.run_batch", boom)
    src = txt(tmp_path / "in", "a.txt", "本文")
    assert cli.main(["run", str(src), "--out", str(tmp_path / "out"), "-q"]) == 3


def test_stale_temp_files_of_a_crashed_run_are_removed(tmp_path, rules, fake_parse):
    src, out = txt(tmp_path / "in", "a.txt", "本文"), tmp_path / "out"
    (out / CACHE).mkdir(parents=True)
    for stale in (out / ".documents.jsonl.tmp-99999", out / CACHE / ".abc.json.tmp-99999"):
        stale.write_text("half")
    run_batch([src], out, rules)
    assert leftovers(out) == []


def test_interrupted_write_leaves_old_outputs_and_no_temp_file(tmp_path, rules, fake_parse, monkeypatch):
    src, out = txt(tmp_path / "in", "a.txt", "本文"), tmp_path / "out"
    run_batch([src.parent], out, rules)
    before = state(out)
    txt(src.parent, "b.txt", "本文二")

    def interrupted(*a):
        raise KeyboardInterrupt
    monkeypatch.setattr(runner, "_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch([src.parent], out, rules)
    assert leftovers(out) == []
    assert {k: v for k, v in state(out).items() if not k.startswith(CACHE)} == \
        {k: v for k, v in before.items() if not k.startswith(CACHE)}


# -- 4. nothing lost ------------------------------------------------------------------------------

@pytest.mark.parametrize("make_input", ["missing", "empty_folder"])
def test_a_run_that_reads_nothing_changes_nothing(tmp_path, rules, fake_parse, make_input, capsys):
    folder, out = tmp_path / "news", tmp_path / "out"
    txt(folder, "a.txt", "本文")
    run_batch([folder], out, rules)
    before = state(out)
    for f in folder.iterdir():
        f.unlink()
    if make_input == "missing":
        folder.rmdir()
    capsys.readouterr()
    with pytest.raises(RunError) as info:
        run_batch([folder], out, rules)
    assert info.value.code == 3
    assert state(out) == before
    assert str(folder) in capsys.readouterr().err


def test_cli_missing_input_and_empty_folder_exit_3_not_0(tmp_path):
    (tmp_path / "empty").mkdir()
    for src in (tmp_path / "empty", tmp_path / "missing"):
        proc = cli("run", str(src), "--out", str(tmp_path / "out"), "-q")
        assert proc.returncode == 3, proc.stderr
        assert str(src) in proc.stderr and "nothing in" in proc.stderr


def test_records_of_an_input_not_read_are_kept_the_rest_follows_the_inputs(tmp_path, rules, fake_parse):
    a, b, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    txt(a, "a1.txt", "本文")
    txt(a, "a2.txt", "本文")
    txt(b, "b1.txt", "本文")
    run_batch([a, b], out, rules)
    (a / "a2.txt").unlink()                                  # deleted in a read folder: pruned
    (b / "b1.txt").rename(tmp_path / "away.txt")
    b.rmdir()                                                # b unmounted: kept
    summary, _ = run_batch([a, b], out, rules)
    assert ids(out) == ["a1", "b1"] and summary.kept == 1 and summary.failed == 1
    assert len(list((out / CACHE).glob("*.json"))) == 2


def test_two_runs_with_different_inputs_keep_each_others_cache(tmp_path, rules, fake_parse):
    a, b, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    txt(a, "a1.txt", "本文")
    txt(b, "b1.txt", "本文")
    run_batch([a], out, rules)
    run_batch([b], out, rules)
    assert ids(out) == ["b1"]                                # outputs follow this run's inputs
    again, _ = run_batch([a], out, rules)
    assert (again.processed, again.reused) == (0, 1) and ids(out) == ["a1"]


def test_changed_article_replaces_its_cache_entry(tmp_path, rules, fake_parse):
    a, out = tmp_path / "a", tmp_path / "out"
    txt(a, "a1.txt", "本文")
    run_batch([a], out, rules)
    txt(a, "a1.txt", "本文が変わった")
    run_batch([a], out, rules)
    assert len(list((out / CACHE).glob("*.json"))) == 1


def test_brat_export_long_doc_id_and_no_half_written_folder(tmp_path, monkeypatch):
    from pipeline.formats import brat
    long_id = "記事/" * 200 + "../x"
    docs = [{"doc_id": long_id, "text": "本文", "dct": None, "entities": [], "events": [], "zones": []},
            {"doc_id": "..", "text": "本文", "dct": None, "entities": [], "events": [], "zones": []}]
    out = tmp_path / "brat"
    assert brat.write(docs, out) == 2
    names = sorted(f.name for f in out.iterdir())
    assert all(len(n.encode()) <= 255 and not n.startswith(".") for n in names)
    assert {json.loads(line)["doc_id"] for line in (out / "meta.jsonl").read_text("utf-8").splitlines()} == {long_id, ".."}
    before = state(out)

    def fail(*a):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(brat, "annotation_conf", fail)
    with pytest.raises(OSError):
        brat.write(docs + [{**docs[0], "doc_id": "new"}], out)
    assert state(out) == before and [f.name for f in tmp_path.iterdir()] == ["brat"]
    with pytest.raises(OSError):
        brat.write(docs, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()


# -- 5. one writer per output folder --------------------------------------------------------------

def _bad_jsonl(tmp_path: Path) -> Path:
    """Input that needs no parsing (one malformed line): runs in a second without the model."""
    return txt(tmp_path / "in", "x.jsonl", "{not json\n")


def test_no_wait_exits_2_while_another_run_holds_the_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / outdir.LOCK, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write("4242\n")
        fh.flush()
        proc = cli("run", str(_bad_jsonl(tmp_path)), "--out", str(out), "-q", "--no-wait")
    assert proc.returncode == 2
    assert "in use by another run (pid 4242)" in proc.stderr and "--no-wait" in proc.stderr
    assert not (out / "documents.jsonl").exists()


def _run_behind_a_lock(tmp_path):
    """A run started while this test holds the lock on its --out: (out, lock file, process,
    the first stderr line the run printed)."""
    out = tmp_path / "out"
    out.mkdir()
    fh = open(out / outdir.LOCK, "a+")
    fcntl.flock(fh, fcntl.LOCK_EX)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(_bad_jsonl(tmp_path)),
                             "--out", str(out), "-q"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    first = []
    reader = threading.Thread(target=lambda: first.append(proc.stderr.readline()), daemon=True)
    reader.start()
    reader.join(120)
    return out, fh, proc, first


def test_second_run_waits_for_the_lock_then_runs(tmp_path):
    out, fh, proc, first = _run_behind_a_lock(tmp_path)
    assert first and first[0].startswith("waiting: ") and "in use by another run" in first[0]
    time.sleep(1)
    assert proc.poll() is None and not (out / "errors.jsonl").exists()   # waiting, nothing written
    fh.close()                                                           # release
    proc.communicate(timeout=60)
    assert proc.returncode == 1 and len(errors(out)) == 1


@pytest.mark.model
def test_two_processes_on_one_folder_at_once(tmp_path):
    a, b, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    txt(a, "a1.txt", "ロシア軍は2024年8月にクルスク州で攻撃した。")
    txt(b, "b1.txt", "ウクライナ軍は10月1日にヴフレダルから撤退した。")
    args = ["--out", str(out), "-q", "--workers", "1"]
    procs = [subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), *args], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for src in (a, b)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    assert sum(err.startswith("waiting: ") for _, err in results) == 1      # one waited
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert ids(out) in (["a1"], ["b1"]) and manifest["documents"] == 1
    assert len(list((out / CACHE).glob("*.json"))) == 2 and leftovers(out) == []


# -- 6. bounded resources -------------------------------------------------------------------------

def test_workers_capped_by_articles_cores_and_memory(monkeypatch):
    assert resources.cap_workers(64, 1) == (1, "articles to parse")
    assert resources.cap_workers(64, 1000)[0] <= resources.cores()
    monkeypatch.setattr(resources, "available_mb", lambda: 3 * resources.WORKER_MB + 10)
    monkeypatch.setattr(resources, "cores", lambda: 16)
    assert resources.cap_workers(64, 1000)[0] == 3


def test_64_workers_on_one_article_start_no_pool(tmp_path, rules, fake_parse, monkeypatch):
    monkeypatch.setattr(runner, "_pool", lambda *a: pytest.fail("a pool for one article"))
    summary, _ = run_batch([txt(tmp_path / "in", "a.txt", "本文")], tmp_path / "out", rules, workers=64)
    assert summary.processed == 1


@pytest.mark.parametrize("n", ["0", "-3", "x"])
def test_zero_or_negative_workers_are_usage_errors(tmp_path, n, rules):
    proc = cli("run", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", n)
    assert proc.returncode == 2 and not (tmp_path / "out").exists()
    with pytest.raises(ValueError):
        run_batch([tmp_path], tmp_path / "out", rules, workers=0)


# -- 7. bench writes only inside its temporary folder ---------------------------------------------

def test_bench_corpus_stays_inside_its_folder(tmp_path):
    from pipeline.batch.bench import write_corpus
    src = tmp_path / "src.jsonl"
    rows = [{"doc_id": "../../escape", "text": "本文"}, {"doc_id": "a/b", "text": "本文"}]
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    corpus = write_corpus([src], 2, tmp_path / "t" / "in")
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == \
        sorted(["src.jsonl", "000000-0.txt", "000000-1.txt", "000001-0.txt", "000001-1.txt"])
    assert all(p.parent == corpus for p in corpus.iterdir())


def test_sigterm_ends_a_run_cleanly(tmp_path):
    """SIGTERM (a cron timeout, systemd) unwinds like Ctrl-C: no traceback, no temp file."""
    import signal
    out, fh, proc, first = _run_behind_a_lock(tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    fh.close()
    assert proc.returncode == 128 + signal.SIGTERM and "Traceback" not in err
    assert leftovers(out) == [] and not (out / "errors.jsonl").exists()
