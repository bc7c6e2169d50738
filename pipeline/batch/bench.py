"""`python -m pipeline bench`: the pipeline against GiNZA, same texts, same run.

Three figures, in characters of input per second, timed in alternating rounds (median of
`--repeat`): shipped GiNZA (`spacy.load("ja_ginza").pipe(texts)` on the whole texts, thinc's
default Ops); the parse floor (the same model on the project's Ops with only the components the
pipeline reads, batched over the body chunks the pipeline parses); and the full pipeline (zoning,
parse, taggers, normalisers, events, records, in the groups a worker parses). Each input set is
measured on its own: the seeds and a clean-news set (the dev set's texts by default).
`--profile` adds a per-stage table. Peak RSS is the process's.
"""
from __future__ import annotations

import gc
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

DEFAULT_SEEDS = Path("seeds/articles")
DEFAULT_NEWS = Path(__file__).resolve().parents[3] / "shared" / "dev" / "gold-dev.jsonl"


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help="time the pipeline against GiNZA on the same texts",
                       description=__doc__.split("\n\n")[1])
    p.add_argument("inputs", nargs="*", type=Path, metavar="INPUT",
                   help=f"articles (default: {DEFAULT_SEEDS}/, and the clean-news set)")
    p.add_argument("--news", type=Path, metavar="PATH",
                   help="clean-news articles, a folder or JSONL (default: the dev set's texts, "
                        "../shared/dev/gold-dev.jsonl, when present)")
    p.add_argument("--repeat", type=int, default=3, help="timed rounds for each figure (default 3)")
    p.add_argument("--profile", action="store_true", help="add a per-stage table for each input set")
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


class Models:
    """Shipped GiNZA and the pipeline (whose GiNZA part, alone, is the parse floor)."""

    def __init__(self, rules):
        import spacy
        from thinc.api import NumpyOps, set_current_ops

        from ..parse.build import build
        set_current_ops(NumpyOps())             # shipped GiNZA exactly as it comes
        self.shipped = spacy.load("ja_ginza")
        self.full = build(rules)                # switches to NumpyBlasOps for its own models
        self.ours = [n for n, _ in self.full.pipeline if n.startswith("ja_")]
        self.rules = rules
        gc.collect()
        gc.freeze()                             # both models, as a run's worker freezes its own


def measure(articles, repeat: int, models: Models) -> dict:
    from ..article import PARSE_BATCH, prepare, process_entries
    from .runner import stream_groups
    texts = [a.text for a in articles]
    chunks = [c.text for a in articles for c in prepare(a, models.rules).chunks]
    tasks = [(None, a, None) for a in articles]

    def shipped():
        list(models.shipped.pipe(texts))

    def floor():
        with models.full.select_pipes(disable=models.ours):
            list(models.full.pipe(chunks, batch_size=PARSE_BATCH))

    def full():
        for group in stream_groups(tasks):
            process_entries([(a, f) for _, a, f in group], models.full, models.rules)
    runs = {"shipped": shipped, "floor": floor, "pipeline": full}
    for fn in runs.values():                 # warm-up: lazy init, caches
        fn()
    times: dict[str, list] = {k: [] for k in runs}
    for _ in range(repeat):                  # alternate, so a busy moment hits all three
        for name, fn in runs.items():
            times[name].append(_time(fn))
    chars = sum(len(t) for t in texts)
    cps = {k: chars / statistics.median(v) for k, v in times.items()}
    return {"documents": len(texts), "chars": chars, **{f"{k}_chars_per_s": v for k, v in cps.items()},
            "vs_shipped": cps["pipeline"] / cps["shipped"], "vs_floor": cps["pipeline"] / cps["floor"],
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def report(name: str, r: dict, repeat: int) -> list[str]:
    return [f"{name}: {r['documents']} documents, {r['chars']:,} characters, median of {repeat} rounds",
            f"  shipped GiNZA   {r['shipped_chars_per_s']:10,.0f} chars/s",
            f"  parse floor     {r['floor_chars_per_s']:10,.0f} chars/s",
            f"  full pipeline   {r['pipeline_chars_per_s']:10,.0f} chars/s",
            f"  pipeline / shipped GiNZA {r['vs_shipped']:6.2f}×   pipeline / floor {r['vs_floor']:6.2f}",
            f"  peak RSS        {r['peak_rss_mb']:10,.0f} MB"]


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
    from .profile import profile, profile_lines
    rules = load_rules(args.rules)
    inputs = args.inputs or [DEFAULT_SEEDS]
    if args.engine == "dask":
        return _bench_dask(inputs, args, rules)
    sets = {"input": inputs} if args.inputs else {"seeds": inputs}
    news = args.news or (DEFAULT_NEWS if DEFAULT_NEWS.exists() and not args.inputs else None)
    if news:
        sets["clean news"] = [news]
    repeat = 1 if args.smoke else max(1, args.repeat)
    models = None
    for name, paths in sets.items():
        articles = [a for a in read_inputs(paths) if isinstance(a, Article)]
        if not articles:
            print(f"error: no readable article in {', '.join(map(str, paths))}")
            return 2
        articles = articles[:1] if args.smoke else articles
        models = models or Models(rules)
        print("\n".join(report(name, measure(articles, repeat, models), repeat)))
        if args.profile:
            times = profile(articles, models.full, rules)
            print("\n".join("  " + line for line in profile_lines(times, sum(len(a.text) for a in articles))))
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
