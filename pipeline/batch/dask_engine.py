"""The Dask engine: `run --engine dask [--scheduler tcp://HOST:8786]` parses on a Dask cluster.

A thin adapter beside `runner.LocalEngine`: the runner still plans the cache keys, stores every
entry in `OUT/.cache/` as it arrives and writes the output files and the manifest, so the
records are byte-identical to a local run and reruns, resume and the atomic final write are the
same. Only the parsing moves:

- Without a scheduler a LocalCluster of N worker processes (one thread each, BLAS pinned to one
  thread) is started when the first article needs parsing; with one, the client connects to an
  existing cluster (`dask scheduler` / `dask worker`), or fails at once with a one-line error.
- The rule files travel to the workers inside a WorkerPlugin (a worker needs neither the
  client's rules path nor its inputs or output folder); each worker process loads the rules and
  the model once, on its first task, and keeps them for every later task of the run (and of
  later runs with the same fingerprint).
- Every worker reports the fingerprint of its own code, package versions and rules with each
  result; a worker that differs from the client stops the run, so records never depend on the
  machine that computed them.
- Tasks of PARTITION articles are submitted through a sliding window of a few tasks per worker
  thread, so neither the client nor the scheduler ever holds more than that many articles.
- A worker that dies has its tasks re-run elsewhere by the scheduler; an article whose task
  kills its workers `distributed.scheduler.allowed-failures` times becomes its errors.jsonl
  line, as an article that fails locally. An article's own exceptions never reach the client
  (process_entry makes them its entry, as locally); any other task failure is the cluster's
  and stops the run (EngineError) without caching anything for its articles.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from ..prepare.reading import InputError
from .cache import fingerprint
from .errors import EngineError  # noqa: F401  (re-exported)
from .runner import BLAS_THREADS, one_blas_thread

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:                       # the engine says so when asked for (EngineError)
    WorkerPlugin = object

PARTITION = 1          # articles per task: one short article ≈ 1 s of work ≫ the ≈ms per task
PER_THREAD = 2         # tasks in flight per worker thread (one running, one queued)
RETRIES = 2            # re-runs of a task that raised (a dead worker is re-run by the scheduler)
CONNECT_TIMEOUT = 10.0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


def _require_distributed():
    try:
        import distributed
    except ImportError:
        raise EngineError("the dask engine needs Dask distributed: "
                          "python3 -m pip install 'ja-event-pipeline[dask]'") from None
    return distributed


def start_local_cluster(workers: int):
    """A LocalCluster of `workers` processes with one thread and one BLAS thread each."""
    distributed = _require_distributed()
    quiet = logging.getLogger().getEffectiveLevel() > logging.DEBUG
    with one_blas_thread():
        return distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.CRITICAL if quiet else logging.DEBUG,
            env={k: "1" for k in BLAS_THREADS})


# -- worker side -------------------------------------------------------------------------------
_LOCK = threading.Lock()     # one article at a time per process: Sudachi is not thread-safe


def _rule_files(rules_dir: Path) -> dict[str, bytes]:
    return {f.relative_to(rules_dir).as_posix(): f.read_bytes()
            for f in sorted(rules_dir.rglob("*")) if f.is_file()}


def _materialise(files: dict[str, bytes], tag: str) -> Path:
    """The rule files as a directory of this machine (written once, renamed into place)."""
    target = Path(tempfile.gettempdir()) / f"ja-pipeline-rules-{tag}"
    if target.is_dir():
        return target
    tmp = Path(tempfile.mkdtemp(prefix=f".ja-pipeline-rules-{tag}-"))
    for rel, data in files.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_bytes(data)
    try:
        os.rename(tmp, target)
    except OSError:                       # another worker of this machine was first
        shutil.rmtree(tmp, ignore_errors=True)
    return target


class RulesPlugin(WorkerPlugin):
    """Carries the rule files and the build options to every worker, present and future.
    `setup` only writes the files; the model is loaded by the first task, in the thread that
    runs tasks, so the worker's event loop never blocks for the seconds that takes."""

    def __init__(self, files: dict[str, bytes], fast: bool, tag: str):
        self.files, self.fast, self.tag = files, fast, tag
        self.dir: Path | None = None
        self.fp: str | None = None

    def setup(self, worker) -> None:
        self.dir = _materialise(self.files, self.tag)

    def load(self):
        from . import runner
        if self.dir is None:
            self.dir = _materialise(self.files, self.tag)
        runner._init_worker(str(self.dir), self.fast)      # once per process and rules
        if self.fp is None:
            self.fp = fingerprint(self.dir)
        return runner


def _process(plugin_name: str, tasks: list[tuple]) -> dict:
    """Run on a worker: the cache entries of a partition, with this worker's fingerprint."""
    from distributed import get_worker
    plugin = get_worker().plugins[plugin_name]
    with _LOCK:
        try:
            runner = plugin.load()
        except Exception as exc:          # no model, unreadable rules: the whole run is wrong
            return {"setup_error": f"{type(exc).__name__}: {_one_line(exc)}"}
        if plugin.fast:
            from ..parse import fastops
            fastops.use()                 # thinc's current Ops is per thread
        entries = [done for group in runner.stream_groups(tasks) for done in runner._work_many(group)]
    return {"fp": plugin.fp, "entries": entries}


# -- client side -------------------------------------------------------------------------------
class DaskEngine:
    """`results(tasks, rules_dir, fast)` on a Dask cluster; see the module docstring."""

    def __init__(self, scheduler: str | None = None, workers: int = 1,
                 connect_timeout: float = CONNECT_TIMEOUT, partition: int = PARTITION,
                 per_thread: int = PER_THREAD):
        self.scheduler, self.workers = scheduler, workers
        self.connect_timeout, self.partition, self.per_thread = connect_timeout, partition, per_thread
        self.client = self.cluster = None
        if scheduler:
            self.connect()                # an unreachable scheduler fails before any reading

    def connect(self):
        if self.client is not None:
            return self.client
        distributed = _require_distributed()
        if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
            # quiet unless -v: what goes wrong on the client side is reported in one line
            for name in ["distributed", *logging.root.manager.loggerDict]:
                if name.startswith("distributed"):
                    logging.getLogger(name).setLevel(logging.CRITICAL)
        if self.scheduler:
            try:
                self.client = distributed.Client(self.scheduler, timeout=self.connect_timeout,
                                                 set_as_default=False)
            except (OSError, TimeoutError, ValueError, TypeError) as exc:
                raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler}: "
                                  f"{_one_line(exc)}") from None
        else:
            self.cluster = start_local_cluster(self.workers)
            self.client = distributed.Client(self.cluster, set_as_default=False)
        return self.client

    def threads(self) -> int:
        try:
            return max(1, sum(self.client.nthreads().values()))
        except Exception as exc:
            raise _lost(exc) from None

    def results(self, tasks: Iterable[tuple], rules_dir: Path, fast: bool) -> Iterator[tuple[str, dict]]:
        tasks = iter(tasks)
        first = list(islice(tasks, self.partition))
        if not first:
            return                        # everything cached: no cluster needed
        client = self.connect()
        fp = fingerprint(rules_dir)
        files = _rule_files(rules_dir)
        tag = hashlib.sha256(b"".join(k.encode() + b"\0" + v for k, v in files.items())).hexdigest()[:16]
        name = f"ja-pipeline-rules-{tag}-{'fast' if fast else 'plain'}"
        try:
            client.register_plugin(RulesPlugin(files, fast, tag), name=name)
        except Exception as exc:          # a worker that cannot even write the rule files
            raise EngineError(f"a Dask worker refused the rules: {type(exc).__name__}: "
                              f"{_one_line(exc)}", status=3) from None
        yield from self._stream(client, _partitions(first, tasks, self.partition), name, fp)

    def _stream(self, client, partitions: Iterator[list], name: str, fp: str) -> Iterator[tuple[str, dict]]:
        """Submit partitions through a sliding window, yield their entries as they arrive."""
        from distributed import as_completed
        retry: deque[list] = deque()      # partitions split after a failure, one article each
        pending: dict = {}
        done = as_completed(loop=client.loop, with_results=True, raise_errors=False)

        def submit() -> bool:
            part = retry.popleft() if retry else next(partitions, None)
            if part is None:
                return False
            try:
                fut = client.submit(_process, name, part, pure=False, retries=RETRIES)
            except Exception as exc:      # a closed client: the scheduler went away
                raise _lost(exc) from None
            pending[fut.key] = part
            done.add(fut)
            return True

        window, looked = self.per_thread * self.threads(), time.monotonic()
        while len(pending) < window and submit():
            pass
        for fut, res in done:
            part = pending.pop(fut.key)
            if fut.status == "cancelled":
                raise _lost(None)
            if fut.status == "error":      # `res` is then (type, exception, traceback)
                exc = fut.exception()
                if type(exc).__name__ != "KilledWorker":
                    # process_entry turns an article's own failure into its entry: what
                    # reaches here is the cluster's (an environment that cannot unpickle the
                    # task, ...) and must not be cached as the articles' errors
                    raise EngineError(f"a task failed on the Dask cluster: {type(exc).__name__}: "
                                      f"{_one_line(exc)}", status=3)
                if len(part) > 1:          # find the article at fault: one task per article
                    retry.extend([t] for t in part)
                else:
                    yield _failed(part[0], exc)
            elif "setup_error" in res:
                raise EngineError(f"a Dask worker could not load the pipeline: {res['setup_error']}", status=3)
            elif res["fp"] != fp:
                raise EngineError(f"a Dask worker runs other code, package versions or rules "
                                  f"(fingerprint {res['fp']}, this machine {fp}): install the same "
                                  f"version everywhere", status=3)
            else:
                yield from res["entries"]
            fut.release()
            if time.monotonic() - looked > 2:    # workers may have joined or left
                window, looked = self.per_thread * self.threads(), time.monotonic()
            while len(pending) < window and submit():
                pass

    def abort(self) -> None:
        """Nothing to drop by hand: closing the client releases every task in flight."""

    def close(self) -> None:
        for obj in (self.client, self.cluster):
            if obj is not None:
                try:
                    obj.close()
                except Exception:         # closing after a lost scheduler: nothing to save
                    pass
        self.client = self.cluster = None


def _lost(exc: BaseException | None) -> EngineError:
    why = f" ({type(exc).__name__}: {_one_line(exc)})" if exc is not None else ""
    return EngineError(f"lost the Dask cluster mid-run{why}: the scheduler went away? "
                       "Run again to resume from the cache", status=3)


def _partitions(first: list, rest: Iterator, size: int) -> Iterator[list]:
    yield first
    while part := list(islice(rest, size)):
        yield part


def _failed(task: tuple, exc: BaseException) -> tuple[str, dict]:
    """The errors.jsonl entry of an article whose task killed every worker that ran it."""
    key, article, _ = task
    err = InputError(article.path, article.doc_id, article.line, "processing",
                     f"{article.path}: {article.doc_id}: {type(exc).__name__}: the worker "
                     "parsing it died each time (out of memory or a crash)")
    return key, {"error": err.record()}
