"""`python -m pipeline export RUN --to FILE` and `python -m pipeline report RUN [--html FILE]`.

`export` is shared with the annotation-tool export (`--pred DIR --format brat|doccano|
labelstudio --out PATH`, pipeline/formats/cli.py): a positional RUN folder or `--to` selects
the event exports, anything else goes to the annotation-tool export unchanged.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..rules import RuleError, default_dir

from .runs import RunError, read_run
from .writers import FORMATS, ExportError, export, infer_format


def add_parser(subparsers) -> None:
    ex = subparsers.choices["export"]          # made by pipeline.formats.cli, registered first
    _extend_export(ex)
    rp = subparsers.add_parser(
        "report", help="write a self-contained HTML report of a run folder",
        description="One HTML file with everything inline (no network): each article with its "
                    "entities and triggers highlighted, a filterable event table, a timeline, "
                    "a map and the run's counts.")
    rp.add_argument("run", type=Path, metavar="OUT", help="run folder (documents/entities/events.jsonl)")
    rp.add_argument("--html", type=Path, metavar="FILE", help="output file (default: OUT/report.html)")
    rp.add_argument("--inputs", type=Path, nargs="+", metavar="DIR",
                    help="folders the article paths in documents.jsonl are relative to "
                         "(default: the current folder, then OUT's parent)")
    rp.add_argument("--rules", type=Path, metavar="DIR", help="rule folder (default: the project's rules/)")
    rp.set_defaults(func=run_report)


def _extend_export(ex: argparse.ArgumentParser) -> None:
    """Add RUN and --to to the export command, keeping the annotation-tool export working.

    The annotation-tool options are optional at parse time (pipeline.formats.cli); `_dispatch`
    checks them when that export is the one asked for.
    """
    tool_export = ex.get_default("func")
    ex.add_argument("run", nargs="?", type=Path, metavar="RUN",
                    help="run folder to export as an event table, PLOVER, ACLED, GeoJSON or Parquet")
    ex.add_argument("--to", type=Path, metavar="FILE",
                    help="events.csv or .parquet (event table), *.plover.json, *.acled.csv, *.geojson, "
                         "or a folder with --format parquet-tables")
    ex.add_argument("--rules", type=Path, metavar="DIR", help="rule folder (default: the project's rules/)")

    def _dispatch(args: argparse.Namespace) -> int:
        if args.run is not None or args.to is not None or args.format in FORMATS:
            return run_export(args, ex)
        missing = [o for o, v in (("--pred", getattr(args, "pred", None)), ("--format", args.format),
                                  ("--out", getattr(args, "out", None))) if v is None]
        if missing:
            ex.error(f"the following arguments are required: {', '.join(missing)} "
                     "(or give RUN --to FILE for the event exports)")
        return tool_export(args)

    ex.set_defaults(func=_dispatch)


def run_export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.run is None or args.to is None:
        parser.error("the event exports need a run folder and --to FILE")
    if args.format is not None and args.format not in FORMATS:
        parser.error(f"--format {args.format} is an annotation-tool format: use --pred/--out for it")
    try:
        fmt = infer_format(args.to, args.format)
        run = read_run(args.run)
        n = export(run, args.to, fmt, args.rules or default_dir())
    except (ExportError, RunError, RuleError) as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    print(f"exported {n} rows ({fmt}) to {args.to}", file=sys.stderr)
    return 0


def run_report(args: argparse.Namespace) -> int:
    from .report.builder import build_report
    try:
        run = read_run(args.run)
        roots = args.inputs or [Path.cwd(), args.run.resolve().parent]
        html, counts = build_report(run, roots, args.rules or default_dir())
    except (RunError, RuleError) as exc:
        print(f"report: {exc}", file=sys.stderr)
        return 2
    from .table import write_text
    out = args.html or args.run / "report.html"
    write_text(out, html)
    print(f"report: {counts['documents']} documents, {counts['groups']} event groups → {out}",
          file=sys.stderr)
    return 0
