"""Batch runs: many articles into one output folder, parallel, incremental, resumable.

Articles whose cache entry (pipeline.batch.cache) still matches are reused; the others are
parsed by a pool of worker processes, each loading the model once, and cached as soon as done.
The output files are then rebuilt from the cache in input order — byte-identical whatever the
number of workers — and `manifest.json` is written last.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import sys
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from ..output.files import FILES, AtomicJsonl, write_json, write_jsonl
from ..prepare.reading import Article, InputError, read_inputs
from ..rules import Rules
from .cache import CACHE, Cache, entry_key, fingerprint  # noqa: F401  (CACHE re-exported)

MANIFEST = "manifest.json"
BATCH = 32          # articles handed to the worker pool at a time: bounds memory on huge inputs


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    reused: int = 0
    processed: int = 0
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
    rules = load_rules(rules_dir)
    _WORKER["rules"] = rules
    _WORKER["nlp"] = build(rules, fast=fast)
    _WORKER["key"] = (rules_dir, fast)


def _work(task: tuple[str, Article, str | None]) -> tuple[str, dict]:
    key, article, fallback = task
    from ..article import process_entry
    return key, process_entry(article, _WORKER["nlp"], _WORKER["rules"], fallback)


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _pool(workers: int, rules_dir: Path, fast: bool):
    """Spawned workers with one BLAS thread each: one process alone lets NumPy's BLAS use
    every core, but N processes × N threads would fight over the same cores."""
    saved = {k: os.environ.get(k) for k in BLAS_THREADS}
    os.environ.update({k: "1" for k in BLAS_THREADS})
    try:
        return mp.get_context("spawn").Pool(workers, _init_worker, (str(rules_dir), fast))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_batch(inputs: list, out_dir: Path, rules: Rules, fallback_dct: str | None = None,
              workers: int = 1, fast: bool = True, progress=None) -> tuple[Summary, list[dict]]:
    """Process `inputs` into `out_dir` with `rules`; returns the summary and the input errors."""
    rules_dir = rules.dir
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = Cache(out_dir)
    fp = fingerprint(rules_dir)
    order: list[str] = []        # cache keys in input order
    errors: list[dict] = []
    summary = Summary()
    todo = _plan(read_inputs(inputs), cache, fp, fallback_dct, order, errors, summary, progress)
    pool = None
    try:
        for batch in _batches(todo, BATCH):
            if pool is None and workers > 1:      # started only when something needs parsing
                pool = _pool(workers, rules_dir, fast)
            elif workers == 1:
                _init_worker(str(rules_dir), fast)
            results = pool.imap(_work, batch) if pool else map(_work, batch)
            for key, entry in results:
                cache.put(key, entry)
                summary.processed += 1
                if progress:
                    progress(entry)
    finally:
        if pool:
            pool.close()
            pool.join()
    _write(out_dir, cache, order, errors, summary, fp)
    return summary, errors


def _plan(items, cache, fp, fallback, order, errors, summary, progress) -> Iterator[tuple]:
    """Yield the articles to process; record every key in input order as a side effect."""
    for item in items:
        if isinstance(item, InputError):
            print(f"error: {item.message}", file=sys.stderr)
            errors.append(item.record())
            continue
        key = entry_key(item, fp, fallback)
        order.append(key)
        if cache.has(key):
            summary.reused += 1
            if progress:
                progress(None)
            continue
        yield key, item, fallback


def _write(out_dir: Path, cache: Cache, order: list[str], errors: list[dict], summary: Summary, fp: str) -> None:
    """Rebuild the output files from the cache in input order (one pass, constant memory),
    then the manifest, last."""
    files = {name: AtomicJsonl(out_dir / f"{name}.jsonl") for name in ("documents", "entities", "events")}
    counts: dict[str, dict] = {"entities": {}, "events": {}}
    groups: dict[str, set] = {}
    try:
        for key in order:
            entry = cache.get(key)
            if entry.get("error"):
                errors.append(entry["error"])
            for doc in entry.get("documents", []):
                summary.ok += 1
                summary.chars += doc["chars"]
                files["documents"].write(doc)
            for name, field in (("entities", "label"), ("events", "type")):
                for row in entry.get(name, []):
                    counts[name][row[field]] = counts[name].get(row[field], 0) + 1
                    if name == "events":
                        groups.setdefault(row["type"], set()).add((row["doc_id"], row.get("group")))
                    files[name].write(row)
    except BaseException:
        for f in files.values():
            f.abort()
        raise
    for f in files.values():
        f.commit()
    write_jsonl(out_dir / "errors.jsonl", errors)
    summary.failed = len(errors)
    summary.entities = dict(sorted(counts["entities"].items()))
    summary.events = dict(sorted(counts["events"].items()))
    summary.groups = {t: len(g) for t, g in sorted(groups.items())}
    cache.prune(set(order))
    write_json(out_dir / MANIFEST, {
        "fingerprint": fp, "documents": len(order), "ok": summary.ok, "failed": summary.failed,
        "entities": summary.entities, "events": summary.events, "event_groups": summary.groups,
        "files": [f"{n}.jsonl" for n in FILES], "cache_keys": order})


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
