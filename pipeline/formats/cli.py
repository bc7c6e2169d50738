"""`python -m pipeline export` and `python -m pipeline import`."""
from __future__ import annotations

import argparse
import sys

from . import predictions
from .dispatch import OFFSET_CHOICES, READ_FORMATS, WRITE_FORMATS, read_documents, write_documents
from .records import FormatError, write_jsonl


def add_parser(subparsers) -> None:
    # One `export` command for two families: annotation tools (--pred/--format/--out, checked
    # here) and the event exports (RUN --to FILE, added by pipeline.exports.cli).
    from ..exports.writers import FORMATS as EVENT_FORMATS
    ex = subparsers.add_parser(
        "export", help="write a run folder for annotation tools or downstream event tools",
        description="Export predictions for correction in an annotation tool (--pred, --format, "
                    "--out; the text comes from the inputs recorded in documents.jsonl or --inputs "
                    "and must match its sha256), or a run as an event table, PLOVER, ACLED, GeoJSON "
                    "or Parquet (RUN --to FILE).")
    ex.add_argument("--pred", metavar="DIR", help="prediction folder (SPEC §3), for annotation tools")
    ex.add_argument("--format", choices=(*WRITE_FORMATS, *EVENT_FORMATS))
    ex.add_argument("--out", metavar="PATH",
                    help="a folder for brat, a .jsonl file for doccano, a .json file for Label Studio")
    ex.add_argument("--inputs", nargs="+", metavar="INPUT",
                    help="input files or folders holding the texts (default: the paths in documents.jsonl)")
    ex.add_argument("--offsets", choices=OFFSET_CHOICES[1:],
                    help="offset unit for doccano/Label Studio (default utf16; brat is always code points)")
    ex.set_defaults(func=run_export)

    im = subparsers.add_parser(
        "import", help="read annotations (brat, doccano, Label Studio, ner-wikipedia) as gold JSONL",
        description="Convert annotations to SPEC §6 gold lines; the result can also be run as pipeline input.")
    im.add_argument("--format", required=True, choices=READ_FORMATS[1:])
    im.add_argument("input", metavar="INPUT", help="brat folder or .ann file, .jsonl, .json")
    im.add_argument("--out", required=True, metavar="GOLD.jsonl")
    im.add_argument("--offsets", choices=OFFSET_CHOICES,
                    help="offset unit in INPUT (doccano default utf16; Label Studio default auto)")
    im.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    try:
        preds = predictions.read(args.pred)
    except FormatError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    docs = preds.ok()
    missing = predictions.attach_texts(docs, args.inputs)
    for doc_id in missing:
        print(f"export: {doc_id}: no input text matching documents.jsonl (sha256); skipped",
              file=sys.stderr)
    ready = [d for k, d in docs.items() if k not in missing]
    n = write_documents(args.format, ready, args.out, args.offsets)
    print(f"exported {n} documents to {args.out}"
          + (f"; {len(missing)} skipped" if missing else "")
          + (f"; {len(preds.failed())} had status error" if preds.failed() else ""), file=sys.stderr)
    return 1 if missing or not ready else 0


def run_import(args: argparse.Namespace) -> int:
    try:
        docs = read_documents(args.format, args.input, args.offsets)
    except FormatError as exc:
        print(f"import: {exc}", file=sys.stderr)
        return 2
    n = write_jsonl(docs, args.out)
    print(f"imported {n} documents to {args.out}", file=sys.stderr)
    return 0
