"""Batch runs: parallel, incremental, resumable.

Every processed article is stored in `OUT/.cache/` under a key made of the article's content
hash, its doc_id and the run fingerprint (package, spaCy and model versions, rule files). A
rerun reuses the entries whose key still matches, so only new or changed articles are parsed,
and a changed rule file re-processes everything. Entries are written atomically as soon as an
article is done, so a run killed at any moment (SIGKILL included) resumes where it stopped.
The output files are then rebuilt from the cache in input order — byte-identical whatever the
number of workers — and `manifest.json` is written last.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .output import FILES, AtomicJsonl, write_json, write_jsonl
from .reading import Article, InputError, read_inputs

CACHE = ".cache"
MANIFEST = "manifest.json"
BATCH = 32          # articles handed to the worker pool at a time: bounds memory on huge inputs


def fingerprint(rules_dir: Path) -> str:
    """Changes whenever the code, the model or a rule file changes."""
    h = hashlib.sha256()
    for pkg in ("spacy", "ginza", "ja-ginza", "sudachipy", "sudachidict-core"):
        h.update(f"{pkg}={_version(pkg)};".encode())
    h.update(f"pipeline={__version__};".encode())
    h.update(_code_digest().encode())
    for f in sorted(rules_dir.rglob("*")):
        if f.is_file():
            h.update(f.relative_to(rules_dir).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "-"


def _code_digest() -> str:
    """The package's own source: an edited normaliser must invalidate the cache too."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for f in sorted(root.rglob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()


def entry_key(article: Article, fp: str, fallback_dct: str | None) -> str:
    h = hashlib.sha256()
    for part in (fp, article.doc_id, article.path, article.dct or "", fallback_dct or "", article.sha256):
        h.update(part.encode() + b"\0")
    return h.hexdigest()[:32]


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    reused: int = 0
    processed: int = 0
    chars: int = 0
    entities: dict | None = None
    events: dict | None = None


class Cache:
    def __init__(self, out_dir: Path):
        self.dir = out_dir / CACHE
        self.dir.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def has(self, key: str) -> bool:
        return self.path(key).exists()

    def put(self, key: str, entry: dict) -> None:
        tmp = self.dir / f".{key}.tmp-{os.getpid()}"
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path(key))

    def get(self, key: str) -> dict:
        return json.loads(self.path(key).read_text(encoding="utf-8"))

    def prune(self, keep: set[str]) -> int:
        """Drop entries of inputs that disappeared or changed, and stray temp files."""
        gone = 0
        for f in self.dir.iterdir():
            if f.name.startswith(".") or f.stem not in keep:
                f.unlink(missing_ok=True)
                gone += 1
        return gone


# -- workers -----------------------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(rules_dir: str, fast: bool) -> None:
    """Load the model once per process (and once only when run in-process repeatedly)."""
    if _WORKER.get("key") == (rules_dir, fast):
        return
    from . import nlp as nlp_mod
    from .document import Context
    ctx = Context(Path(rules_dir))
    _WORKER["ctx"] = ctx
    _WORKER["nlp"] = nlp_mod.build(ctx.rules_dir, fast=fast)
    _WORKER["key"] = (rules_dir, fast)


def _work(task: tuple[str, Article, str | None]) -> tuple[str, dict]:
    key, article, fallback = task
    from .runner import process_entry
    return key, process_entry(article, _WORKER["nlp"], _WORKER["ctx"], fallback)


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


def run_batch(inputs: list, out_dir: Path, rules_dir: Path, fallback_dct: str | None = None,
              workers: int = 1, fast: bool = True, progress=None) -> tuple[Summary, list[dict]]:
    """Process `inputs` into `out_dir`; returns the summary and the input errors."""
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
    cache.prune(set(order))
    write_json(out_dir / MANIFEST, {
        "fingerprint": fp, "documents": len(order), "ok": summary.ok, "failed": summary.failed,
        "entities": summary.entities, "events": summary.events,
        "files": [f"{n}.jsonl" for n in FILES], "cache_keys": order})


def summary_dict(s: Summary) -> dict:
    return asdict(s)


