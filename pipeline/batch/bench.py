"""`python -m pipeline bench`: the full pipeline against bare GiNZA, same texts, same run.

Bare GiNZA is `spacy.load("ja_ginza").pipe(texts)` on the whole article texts with thinc's
default Ops; the pipeline is everything `run` does per article (zoning, working copy, parse of
body zones, taggers, normalisers, events). Both are timed alternately `--repeat` times and the
median is reported, as characters of input per second; peak RSS is the process's.
"""
from __future__ import annotations

import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help="time the pipeline against bare GiNZA on the same texts",
                       description=__doc__.split("\n\n")[1])
    p.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="articles (default: seeds/articles/)")
    p.add_argument("--repeat", type=int, default=3, help="timed rounds for each side (default 3)")
    p.add_argument("--scaling", action="store_true",
                   help="also time `run` with 1 and 2 worker processes on the inputs ×--copies")
    p.add_argument("--copies", type=int, default=4, help="copies of the inputs for --scaling (default 4)")
    p.add_argument("--rules", type=Path, metavar="DIR", help="rules directory (default: the installation's)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="dask: time the local runner against the Dask engine instead (2 workers "
                        "each, and Dask with 1), on the inputs ×--copies, --repeat rounds")
    p.add_argument("--smoke", action="store_true", help="one round on the first article (for tests)")
    p.set_defaults(func=cmd_bench)


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(articles, repeat: int, rules) -> dict:
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    from ..article import process
    from ..parse.build import build

    set_current_ops(NumpyOps())             # bare GiNZA exactly as shipped
    bare = spacy.load("ja_ginza")
    full = build(rules)                     # switches to NumpyBlasOps for its own models
    texts = [a.text for a in articles]
    run_bare = lambda: list(bare.pipe(texts))  # noqa: E731
    run_full = lambda: [process(a, full, rules) for a in articles]  # noqa: E731
    run_bare(), run_full()                   # warm-up: lazy init, caches
    t_bare, t_full = [], []
    for _ in range(repeat):
        t_bare.append(_time(run_bare))
        t_full.append(_time(run_full))
    chars = sum(len(t) for t in texts)
    bare_cps, full_cps = chars / statistics.median(t_bare), chars / statistics.median(t_full)
    return {"documents": len(texts), "chars": chars, "bare_chars_per_s": bare_cps,
            "pipeline_chars_per_s": full_cps, "ratio": full_cps / bare_cps,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def scaling(inputs, copies: int, rules) -> dict:
    """Wall time of a cold `run` (empty cache) with 1 and 2 workers over `copies` of the inputs."""
    from .runner import run_batch
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        corpus = write_corpus(inputs, copies, tmp / "in")
        out = {}
        for workers in (1, 2):
            start = time.perf_counter()
            run_batch([corpus], tmp / f"out{workers}", rules, workers=workers)
            out[workers] = time.perf_counter() - start
        return {"seconds_1_worker": out[1], "seconds_2_workers": out[2], "speedup": out[1] / out[2]}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_corpus(inputs, copies: int, corpus: Path) -> Path:
    """`copies` of every readable article as numbered .txt files in `corpus`. File names are
    numbers, never doc_ids: a doc_id such as `../../x` must not write outside the folder."""
    from ..prepare.reading import Article, read_inputs
    corpus.mkdir(parents=True, exist_ok=True)
    articles = (a for a in read_inputs(inputs) if isinstance(a, Article))
    for i, a in enumerate(articles):
        for k in range(copies):
            (corpus / f"{i:06d}-{k}.txt").write_text(a.text, encoding="utf-8")
    return corpus


def cmd_bench(args) -> int:
    from ..prepare.reading import Article, read_inputs
    from ..rules import load_rules
    rules = load_rules(args.rules)
    inputs = args.inputs or [Path("seeds/articles")]
    articles = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    if not articles:
        print("error: no readable article among the inputs")
        return 2
    if args.engine == "dask":
        return _bench_dask(inputs, args, rules)
    if args.smoke:
        articles, args.repeat = articles[:1], 1
    r = measure(articles, max(1, args.repeat), rules)
    print(f"{r['documents']} documents, {r['chars']:,} characters, median of {max(1, args.repeat)} rounds")
    print(f"bare GiNZA      {r['bare_chars_per_s']:10,.0f} chars/s")
    print(f"full pipeline   {r['pipeline_chars_per_s']:10,.0f} chars/s")
    print(f"ratio           {r['ratio']:10.2f}× (pipeline / bare GiNZA)")
    print(f"peak RSS        {r['peak_rss_mb']:10,.0f} MB")
    if args.scaling and not args.smoke:
        s = scaling(inputs, args.copies, rules)
        print(f"run, 1 worker   {s['seconds_1_worker']:10.1f} s")
        print(f"run, 2 workers  {s['seconds_2_workers']:10.1f} s  ({s['speedup']:.2f}× faster)")
    return 0


def _bench_dask(inputs, args, rules) -> int:
    from .dask_engine import _require_distributed
    from .errors import EngineError
    try:
        _require_distributed()
    except EngineError as exc:
        print(f"error: {exc}")
        return 2
    from . import bench_dask
    copies, repeat = (1, 1) if args.smoke else (args.copies, max(1, args.repeat))
    for line in bench_dask.report(bench_dask.compare(inputs, copies, rules, repeat)):
        print(line)
    return 0
