"""Command line: `python -m pipeline run|evaluate|import|export|bench`."""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import signal
import sys
from pathlib import Path

DEFAULT_INPUT = Path("seeds/articles")
DEFAULT_OUT = Path("outputs")
CONTRACT = Path(__file__).resolve().parent / "output" / "schema" / "CONTRACT.md"

EXIT_STATUS = """exit status:
  0  every input was read and processed
  1  some inputs failed (one stderr line and one errors.jsonl line each); outputs were written
  2  usage or configuration error (bad option, rule file, unusable --out, --out busy under
     --no-wait): checked before any article is read, nothing touched
  3  the run itself failed (no input file could be read, a full disk, ...): output files unchanged"""


def _date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return n


def _add_run(sub) -> None:
    p = sub.add_parser(
        "run", help="extract entities and events from articles into an output folder",
        description="Read articles (.txt files, .jsonl files with doc_id/text/dct, or folders of "
                    "them, recursively), extract ACTOR/PLACE/NUMBER/DATE mentions and events, and "
                    "write documents/entities/events/errors.jsonl to the output folder.",
        epilog=EXIT_STATUS, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", type=Path, metavar="INPUT",
                   help=f"files or folders to read (default: {DEFAULT_INPUT}/)")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help=f"output folder (default: {DEFAULT_OUT}/)")
    p.add_argument("--dct", type=_date, metavar="YYYY-MM-DD",
                   help="document date for articles whose input and text give none "
                        "(relative dates such as 昨年 resolve against it)")
    p.add_argument("--rules", type=Path, metavar="DIR",
                   help="rule folder (default: the installation's rules, a checkout's rules/)")
    p.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help="worker processes, each loading the model once (default: all cores); "
                        "capped by the articles to parse, the cores and the memory available "
                        "(~0.7 GB per worker); outputs are byte-identical whatever N")
    p.add_argument("--no-wait", action="store_true",
                   help="if another run holds the output folder, exit with status 2 instead of waiting")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: worker processes of this machine (default); dask: a Dask "
                        "cluster, the same records (needs the `dask` extra)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: an existing cluster's scheduler (tcp://HOST:8786); "
                        "without it a local cluster of --workers processes is started")
    p.add_argument("--connect-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="with --scheduler: give up connecting after this long (default 10)")
    p.add_argument("--partition", type=_positive, default=1, metavar="N",
                   help="with --engine dask: articles per task (default 1; more for very "
                        "large clusters, where the scheduler's per-task cost shows)")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    p.add_argument("-v", "--verbose", action="store_true", help="print debugging detail")
    p.set_defaults(func=cmd_run)


def checkout_defaults(args) -> str | None:
    """The defaults are the checkout's seeds/articles/ and outputs/: outside a checkout say so."""
    if not args.inputs and not DEFAULT_INPUT.is_dir():
        return (f"no INPUT given and no {DEFAULT_INPUT}/ in {Path.cwd()} (the default is a "
                "checkout's seed folder): name the articles to read")
    if args.out is None:
        if not DEFAULT_OUT.is_dir():
            return (f"no --out given and no {DEFAULT_OUT}/ in {Path.cwd()} (the default is a "
                    "checkout's outputs/ folder): name the output folder with --out DIR")
        args.out = DEFAULT_OUT
    return None


def cmd_run(args) -> int:
    from .rules import RuleError, load_rules
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO,
                        format="%(message)s")
    problem = checkout_defaults(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        rules = load_rules(args.rules)
    except RuleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from .batch.progress import Reporter, count_inputs, summary_lines
    from .batch.runner import run_batch
    from .batch.resources import cores
    from .batch.outdir import RunError
    from .batch.errors import EngineError
    try:
        engine = _engine(args)        # an unreachable scheduler: status 2, nothing touched
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.status
    inputs = args.inputs or [DEFAULT_INPUT]
    reporter = Reporter(count_inputs(inputs), quiet=args.quiet)
    # SIGTERM (kill, systemd, a cron timeout) unwinds like Ctrl-C: temp files are removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        summary, _ = run_batch(inputs, args.out, rules, args.dct, workers=args.workers or cores(),
                               progress=reporter, wait=not args.no_wait, engine=engine)
    except RunError as exc:
        reporter.close()
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except EngineError as exc:      # the cluster went away mid-run: outputs unchanged, resumable
        reporter.close()
        print(f"error: {exc}", file=sys.stderr)
        return exc.status
    except Exception as exc:        # a bug: still one line (the traceback with -v), outputs unchanged
        reporter.close()
        logging.getLogger("pipeline").debug("", exc_info=True)
        print(f"error: run failed, outputs unchanged: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3
    seconds = reporter.close()
    if not args.quiet:
        for line in summary_lines(summary, seconds, args.out):
            print(line)
    return 1 if summary.failed else 0


def _engine(args):
    """None (the runner's local engine) or a DaskEngine, connected to --scheduler if given."""
    from .batch.errors import EngineError
    if args.engine != "dask":
        if args.scheduler:
            raise EngineError("--scheduler needs --engine dask")
        return None
    from .batch.dask_engine import DaskEngine
    from .batch.resources import cores
    return DaskEngine(args.scheduler, args.workers or cores(), connect_timeout=args.connect_timeout,
                      partition=args.partition)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Japanese event extraction for war and security news: actors, places, "
                    "numbers, dates and events, each with offsets into the source text.",
        epilog=f"What every output field means: {CONTRACT} (record contract, version 2).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_run(sub)
    from .batch import bench
    from .evaluate import cli as evaluate_cli
    from .exports import cli as exports_cli
    from .formats import cli as formats_cli
    for mod in (evaluate_cli, formats_cli, exports_cli, bench):
        mod.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
