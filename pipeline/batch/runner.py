"""Batch runs: many articles into one output folder, parallel, incremental, resumable.

Articles whose cache entry (pipeline.batch.cache) still matches are reused; the others are
parsed by a pool of worker processes, each loading the model once, and cached as soon as done.
The output files are then rebuilt from the cache in input order — byte-identical whatever the
number of workers — and all of them, `manifest.json` included, are renamed into place together.

Safety (issue 11): the output folder is checked and locked before anything is read
(pipeline.batch.outdir); a run that could read no input file changes nothing; records of
articles under an input that could not be read this time (missing, unmounted, unreadable) are
carried over from the last manifest, and cache entries are pruned only where this run read.
"""
from __future__ import annotations

import gc
import json
import logging
import multiprocessing as mp
from contextlib import contextmanager
import os
import sys
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from ..output.files import FILES, AtomicJsonl, abort_all, commit_all
from ..prepare.reading import Article, Coverage, InputError, read_inputs
from ..rules import Rules
from . import outdir
from .cache import CACHE, Cache, entry_key, fingerprint  # noqa: F401  (CACHE re-exported)
from .outdir import RunError
from .resources import cap_workers

MANIFEST = "manifest.json"
GROUP_CHARS = 8000  # characters of text parsed in one nlp.pipe stream by a worker
BATCH = 32          # articles handed to the worker pool at a time: bounds memory on huge inputs
log = logging.getLogger("pipeline")


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    reused: int = 0
    processed: int = 0
    kept: int = 0           # records carried over from inputs this run could not read
    chars: int = 0
    entities: dict | None = None
    events: dict | None = None
    groups: dict | None = None          # events counted by group (SPEC §3), per type


# -- workers -----------------------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(rules_dir: str, fast: bool) -> None:
    """Load the model once per process (and once only when run in-process repeatedly)."""
    if _WORKER.get("key") == (rules_dir, fast):
        return
    from ..parse.build import build
    from ..rules import load_rules
    gc.unfreeze()                  # a model loaded before (other rules) can be collected again
    _WORKER.clear()
    rules = load_rules(rules_dir)
    _WORKER["rules"] = rules
    _WORKER["nlp"] = build(rules, fast=fast)
    _WORKER["key"] = (rules_dir, fast)
    # The model and the rules are ~100k objects that live as long as the worker; each full
    # collection walked them all for nothing (2.5% of the parse time on the dev texts). Frozen,
    # the collector skips them.
    gc.collect()
    gc.freeze()


def _work(task: tuple[str, Article, str | None]) -> tuple[str, dict]:
    key, article, fallback = task
    from ..article import process_entry
    try:
        return key, process_entry(article, _WORKER["nlp"], _WORKER["rules"], fallback)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:    # e.g. a Rust panic in Sudachi, which is no Exception
        err = InputError(article.path, article.doc_id, article.line, "processing",
                         f"{article.path}: {article.doc_id}: {type(exc).__name__}: {exc}")
        return key, {"error": err.record()}


def _work_many(tasks: list[tuple[str, Article, str | None]]) -> list[tuple[str, dict]]:
    """Several articles through one parse stream (article.process_entries): a short article
    is not parsed in a batch of one. Should the stream die of something that is no Exception
    (a Rust panic in Sudachi), the articles are retried one by one so only the bad one fails."""
    from ..article import process_entries
    try:
        entries = process_entries([(a, f) for _, a, f in tasks], _WORKER["nlp"], _WORKER["rules"])
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return [_work(task) for task in tasks]
    return [(key, entry) for (key, _, _), entry in zip(tasks, entries)]


def stream_groups(tasks: list, chars: int = GROUP_CHARS) -> Iterator[list]:
    """Consecutive tasks whose texts add up to about `chars` (an article longer than that is
    a group of its own): the unit of one parse stream, so memory follows text, not articles."""
    group, size = [], 0
    for task in tasks:
        group.append(task)
        size += len(task[1].text)
        if size >= chars:
            yield group
            group, size = [], 0
    if group:
        yield group


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def one_blas_thread():
    """Worker processes started inside inherit one BLAS thread each: one process alone lets
    NumPy's BLAS use every core, but N processes × N threads would fight over the same cores."""
    saved = {k: os.environ.get(k) for k in BLAS_THREADS}
    os.environ.update({k: "1" for k in BLAS_THREADS})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _pool(workers: int, rules_dir: Path, fast: bool):
    with one_blas_thread():
        return mp.get_context("spawn").Pool(workers, _init_worker, (str(rules_dir), fast))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class LocalEngine:
    """The engine of this machine: N spawned worker processes (none for N = 1), started only
    when something needs parsing, fed BATCH articles at a time.

    An engine is anything with `results(tasks, rules_dir, fast)` — yielding `(key, entry)` for
    each `(key, article, fallback_dct)` task as it is done, in any order, with a bounded number
    in flight — `abort()` (drop the work in flight) and `close()`.
    `pipeline.batch.dask_engine.DaskEngine` is the other one."""

    def __init__(self, workers: int = 1):
        self.workers, self.pool = workers, None

    def results(self, tasks: Iterable[tuple], rules_dir: Path, fast: bool) -> Iterator[tuple[str, dict]]:
        for batch in _batches(tasks, BATCH):
            if self.pool is None and self.workers > 1:    # started only when something needs parsing
                self.workers = _workers(self.workers, len(batch))
                self.pool = _pool(self.workers, rules_dir, fast) if self.workers > 1 else None
            if self.pool is None:
                _init_worker(str(rules_dir), fast)
            parts = list(stream_groups(batch))
            for done in (self.pool.imap(_work_many, parts) if self.pool else map(_work_many, parts)):
                yield from done

    def abort(self) -> None:
        if self.pool:
            self.pool.terminate()   # do not wait for work whose results nobody will store

    def close(self) -> None:
        if self.pool:
            self.pool.close()
            self.pool.join()
            self.pool = None


def _say(record: dict) -> None:
    """Every failure is one stderr line at the moment it is known (cron logs read these)."""
    print(f"error: {record['message']}", file=sys.stderr, flush=True)


# -- the run -----------------------------------------------------------------------------------

def run_batch(inputs: list, out_dir: Path, rules: Rules, fallback_dct: str | None = None,
              workers: int = 1, fast: bool = True, progress=None,
              wait: bool = True, engine=None) -> tuple[Summary, list[dict]]:
    """Process `inputs` into `out_dir` with `rules`; returns the summary and the input errors.
    Raises RunError (with its exit status) when the run cannot be done or completed.
    `engine` parses (default: a LocalEngine of `workers` processes); it is closed at the end."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    outdir.check(out_dir)
    with outdir.locked(out_dir, wait):
        try:
            return _run(inputs, out_dir, rules, fallback_dct, engine or LocalEngine(workers),
                        fast, progress)
        except OSError as exc:          # a full disk, a folder removed under us: outputs unchanged
            raise RunError(f"run failed, output files in {out_dir} unchanged: "
                           f"{exc.strerror or exc}{f' ({exc.filename})' if exc.filename else ''}") from exc


def _run(inputs, out_dir, rules, fallback_dct, engine, fast, progress) -> tuple[Summary, list[dict]]:
    cache = Cache(out_dir)
    cache.remove_stale()
    fp = fingerprint(rules.dir)
    cov = Coverage()
    order: list[tuple[str, str]] = []      # (cache key, article path) in input order
    errors: list[dict] = []
    summary = Summary()
    todo = _plan(read_inputs(inputs, cov), cache, fp, fallback_dct, order, errors, summary, progress)
    fresh = _parse(todo, cache, engine, rules.dir, fast, summary, progress)
    if cov.files_read == 0:
        raise RunError(f"no input file could be read; nothing in {out_dir} was changed")
    _write(out_dir, cache, order, errors, summary, fp, cov, fresh)
    return summary, errors


def _parse(todo, cache: Cache, engine, rules_dir: Path, fast: bool, summary: Summary,
           progress) -> set[str]:
    """Parse and cache every task with `engine`; returns the keys parsed by this run."""
    fresh: set[str] = set()
    try:
        for key, entry in engine.results(todo, rules_dir, fast):
            cache.put(key, entry)
            fresh.add(key)
            summary.processed += 1
            if entry.get("error"):
                _say(entry["error"])
            if progress:
                progress(entry)
    except BaseException:
        engine.abort()
        raise
    finally:
        engine.close()
    return fresh


def _workers(requested: int, first_batch: int) -> int:
    """Never more workers than articles, cores or memory for one model each."""
    tasks = first_batch if first_batch < BATCH else requested
    n, reason = cap_workers(requested, tasks)
    if n < requested:
        log.info(f"workers: {n} instead of {requested} (limited by {reason})")
    return n


def _plan(items, cache, fp, fallback, order, errors, summary, progress) -> Iterator[tuple]:
    """Yield the articles to process; record every key in input order as a side effect."""
    for item in items:
        if isinstance(item, InputError):
            _say(item.record())
            errors.append(item.record())
            continue
        key = entry_key(item, fp, fallback)
        order.append((key, item.path))
        if cache.has(key):
            summary.reused += 1
            if progress:
                progress(None)
            continue
        yield key, item, fallback


def _previous(out_dir: Path) -> list[tuple[str, str]]:
    """(key, path) of the last manifest's records; none from a missing or older manifest."""
    try:
        m = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return [(k, p) for k, p in zip(m["cache_keys"], m["paths"]) if isinstance(k, str) and isinstance(p, str)]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _carried(out_dir: Path, cache: Cache, order, cov: Coverage) -> list[tuple[str, str]]:
    """Last run's records of articles under an input named now but not readable now."""
    mine = {k for k, _ in order}
    return [(k, p) for k, p in _previous(out_dir)
            if k not in mine and cov.missed(p) and cache.has(k)]


def _write(out_dir: Path, cache: Cache, order, errors: list[dict], summary: Summary, fp: str,
           cov: Coverage, fresh: set[str]) -> None:
    """Rebuild the output files from the cache (one pass, constant memory), then rename them
    all into place together, the manifest with them."""
    carried = _carried(out_dir, cache, order, cov)
    old = set(carried)
    files: dict[str, AtomicJsonl] = {}
    counts: dict[str, dict] = {"entities": {}, "events": {}, "groups": {}}
    written: list[tuple[str, str]] = []
    try:
        for n in (*FILES, "manifest"):
            files[n] = AtomicJsonl(out_dir / (MANIFEST if n == "manifest" else f"{n}.jsonl"))
        seen: set[str] = set()
        for key, path in order + carried:
            entry = cache.get(key)
            if not _take(entry, key, (key, path) in old, fresh, errors, seen):
                continue
            written.append((key, path))
            summary.kept += (key, path) in old
            _rows(entry, files, counts, summary)
        summary.failed = len(errors)
        for err in errors:
            files["errors"].write(err)
        summary.entities = dict(sorted(counts["entities"].items()))
        summary.events = dict(sorted(counts["events"].items()))
        summary.groups = {t: len(g) for t, g in sorted(counts["groups"].items())}
        files["manifest"].write_text(json.dumps({
            "fingerprint": fp, "documents": len(written), "ok": summary.ok, "failed": summary.failed,
            "entities": summary.entities, "events": summary.events, "event_groups": summary.groups,
            "files": [f"{n}.jsonl" for n in FILES], "cache_keys": [k for k, _ in written],
            "paths": [p for _, p in written]}, ensure_ascii=False, indent=1) + "\n")
    except BaseException:
        abort_all(list(files.values()))
        raise
    commit_all(list(files.values()))
    cache.prune({k for k, _ in written}, cov)


def _take(entry: dict, key: str, carried: bool, fresh: set[str], errors: list[dict], seen: set[str]) -> bool:
    """Whether `entry` goes into the outputs; its error, if any, goes to `errors`."""
    if entry.get("error"):
        if carried:
            return False            # an old failure of an input not read now: no record to keep
        if key not in fresh:
            _say(entry["error"])    # a reused failure is still a failure of this run
        errors.append(entry["error"])
        return True
    ids = {d["doc_id"] for d in entry.get("documents", [])}
    if carried and ids & seen:
        return False                # the same doc_id was read again this run: that one wins
    seen |= ids
    return True


def _rows(entry: dict, files: dict, counts: dict, summary: Summary) -> None:
    for doc in entry.get("documents", []):
        summary.ok += 1
        summary.chars += doc["chars"]
        files["documents"].write(doc)
    for name, field in (("entities", "label"), ("events", "type")):
        for row in entry.get(name, []):
            counts[name][row[field]] = counts[name].get(row[field], 0) + 1
            files[name].write(row)
    for ev in entry.get("events", []):      # a downstream table counts events by group
        counts["groups"].setdefault(ev["type"], set()).add((ev["doc_id"], ev.get("group")))


def summary_dict(s: Summary) -> dict:
    return asdict(s)




@dataclass
class RunResult:
    documents: list[dict]
    entities: list[dict]
    events: list[dict]
    errors: list[dict]
    summary: Summary

    @property
    def failed(self) -> int:
        return len(self.errors)


def run(inputs: list, out_dir: Path, dct: str | None = None, workers: int = 1,
        rules: Rules | None = None, progress=None) -> RunResult:
    """Process every input into `out_dir` (incrementally) and return what was written."""
    from ..rules import load_rules
    summary, _ = run_batch(inputs, out_dir, rules or load_rules(), dct, workers=workers,
                           progress=progress)
    read = lambda name: _read(out_dir / f"{name}.jsonl")  # noqa: E731
    return RunResult(read("documents"), read("entities"), read("events"), read("errors"), summary)


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
