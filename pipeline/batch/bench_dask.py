"""`python -m pipeline bench --engine dask`: the local runner against the Dask engine.

The same corpus (the inputs × --copies, as .txt files) is run cold (empty cache) by the local
runner with 2 worker processes and by the Dask engine on a LocalCluster of 2 and of 1 workers,
--repeat rounds alternating, medians reported. Each timed run includes loading the model in
its workers (each Dask run gets a fresh LocalCluster, as the local runner a fresh pool);
starting the LocalCluster itself is reported apart, since a real cluster outlives its runs. Peak RSS per worker is sampled (psutil) over every process below this one. The per-task
overhead is the time per no-op task pushed through the engine's sliding window.
"""
from __future__ import annotations

import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path


class RssSampler:
    """Peak RSS of each descendant process, sampled every `every` seconds."""

    def __init__(self, every: float = 0.1):
        import psutil
        self.me, self.every = psutil.Process(), every
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil
        while not self._stop.is_set():
            for p in self.me.children(recursive=True):
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                self.peak[p.pid] = max(self.peak.get(p.pid, 0), rss)
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def largest_mb(self) -> float:
        """The peak of the largest process: a worker (the model lives there)."""
        return max(self.peak.values(), default=0) / 2**20


def _corpus(inputs, copies: int, dest: Path) -> tuple[int, int]:
    from ..prepare.reading import read_inputs
    dest.mkdir(parents=True)
    docs = chars = 0
    for a in read_inputs(inputs):
        if hasattr(a, "text"):
            for k in range(copies):
                (dest / f"{a.doc_id}-{k}.txt").write_text(a.text, encoding="utf-8")
                docs, chars = docs + 1, chars + len(a.text)
    return docs, chars


def _noop(x):
    return len(x)


def task_overhead(client, n: int = 400, payload: int = 3000, per_thread: int = 2) -> float:
    """Seconds per trivial task (an article-sized string in, a number out) through the same
    sliding window as the engine: submit, schedule, run, result back, release."""
    from distributed import as_completed
    text = "あ" * payload
    window = per_thread * max(1, sum(client.nthreads().values()))
    start = time.perf_counter()
    done = as_completed(loop=client.loop, with_results=True)
    sent = 0
    while sent < min(window, n):
        done.add(client.submit(_noop, text, pure=False))
        sent += 1
    for fut, _ in done:
        fut.release()
        if sent < n:
            done.add(client.submit(_noop, text, pure=False))
            sent += 1
    return (time.perf_counter() - start) / n


def _timed(fn) -> tuple[float, float, float]:
    """Wall seconds, seconds to the first finished article, peak MB of the largest process."""
    first: list[float] = []
    start = time.perf_counter()

    def progress(entry):
        if not first and entry is not None:
            first.append(time.perf_counter() - start)

    with RssSampler() as rss:
        fn(progress)
    return time.perf_counter() - start, (first or [0.0])[0], rss.largest_mb()


def compare(inputs, copies: int, rules, repeat: int) -> dict:
    from distributed import Client

    from .dask_engine import DaskEngine, start_local_cluster
    from .runner import run_batch
    tmp = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    runs: dict[str, list] = {"local2": [], "dask2": [], "dask1": []}
    startup: list[float] = []

    def dask_run(n: int, out: Path) -> tuple[float, float, float]:
        """A fresh LocalCluster of n workers (its start not timed), one cold run, closed."""
        t = time.perf_counter()
        with start_local_cluster(n) as cluster:
            startup.append(time.perf_counter() - t)
            return _timed(lambda p: run_batch(corpus, out, rules, progress=p,
                                              engine=DaskEngine(cluster.scheduler_address)))

    try:
        docs, chars = _corpus(inputs, copies, tmp / "in")
        corpus = [tmp / "in"]
        with start_local_cluster(2) as cluster, Client(cluster, set_as_default=False) as client:
            overhead = task_overhead(client)
        for r in range(repeat):
            out = tmp / f"local2-{r}"
            runs["local2"].append(_timed(lambda p: run_batch(corpus, out, rules, workers=2, progress=p)))  # noqa: B023
            for n in (2, 1):
                runs[f"dask{n}"].append(dask_run(n, tmp / f"dask{n}-{r}"))
            same = all((tmp / f"local2-{r}" / f).read_bytes() == (tmp / f"dask{n}-{r}" / f).read_bytes()
                       for n in (1, 2) for f in ("documents.jsonl", "entities.jsonl", "events.jsonl"))
            if not same:
                raise AssertionError("the Dask engine's records differ from the local runner's")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    med = {k: [statistics.median(x[i] for x in v) for i in range(3)] for k, v in runs.items()}
    return {"documents": docs, "chars": chars, "rounds": repeat, "startup_s": statistics.median(startup),
            "task_overhead_s": overhead,
            **{k: {"seconds": s, "first_s": f, "chars_per_s": chars / s, "peak_worker_mb": m}
               for k, (s, f, m) in med.items()}}


def report(r: dict) -> list[str]:
    loc, d2, d1 = r["local2"], r["dask2"], r["dask1"]
    return [
        f"{r['documents']} documents, {r['chars']:,} characters, cold runs, median of {r['rounds']} rounds",
        f"local runner, 2 workers   {loc['chars_per_s']:8,.0f} chars/s  {loc['seconds']:7.1f} s"
        f"  peak RSS/worker {loc['peak_worker_mb']:6,.0f} MB",
        f"dask engine, 2 workers    {d2['chars_per_s']:8,.0f} chars/s  {d2['seconds']:7.1f} s"
        f"  peak RSS/worker {d2['peak_worker_mb']:6,.0f} MB",
        f"dask engine, 1 worker     {d1['chars_per_s']:8,.0f} chars/s  {d1['seconds']:7.1f} s"
        f"  peak RSS/worker {d1['peak_worker_mb']:6,.0f} MB",
        f"dask / local (2 workers)  {d2['chars_per_s'] / loc['chars_per_s']:8.2f}×",
        f"dask 1 → 2 workers        {d1['seconds'] / d2['seconds']:8.2f}×",
        f"peak RSS dask / local     {d2['peak_worker_mb'] / loc['peak_worker_mb']:8.2f}×",
        f"first article done after  {loc['first_s']:.1f} s local, {d2['first_s']:.1f} s dask "
        f"(model load in the workers)",
        f"per-task overhead         {r['task_overhead_s'] * 1000:8.2f} ms (no-op tasks, 2 workers)",
        f"LocalCluster start        {r['startup_s']:8.1f} s (median), not in the times above",
    ]
