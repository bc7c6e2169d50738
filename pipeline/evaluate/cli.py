"""`python -m pipeline evaluate`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..formats import predictions
from ..formats.dispatch import OFFSET_CHOICES, READ_FORMATS, read_documents
from ..formats.labels import ENTITY_LABELS
from ..formats.records import FormatError

from . import report, run


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "evaluate", help="score a prediction folder against gold annotations",
        description="Entity P/R/F1 (strict, overlap, SemEval-2013 schemes), norm accuracy, "
                    "ACE-style event scores, optionally beside baselines.")
    p.add_argument("--gold", required=True, metavar="FILE", help="gold annotations (a folder for brat)")
    p.add_argument("--pred", required=True, metavar="DIR", help="prediction folder (SPEC §3)")
    p.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    p.add_argument("--gold-format", default="gold", choices=READ_FORMATS,
                   help="gold = SPEC §6 JSONL (default)")
    p.add_argument("--offsets", choices=OFFSET_CHOICES,
                   help="offset unit of a doccano / Label Studio gold file")
    p.add_argument("--labels", type=labels_arg, default=list(ENTITY_LABELS), metavar="L1,L2",
                   help=f"entity labels to score (default {','.join(ENTITY_LABELS)}); PERSON "
                        "scores the ACTORs whose norm kind is person on both sides")
    p.add_argument("--baseline", action="append", choices=("ginza", "keywords"), default=[],
                   help="ginza: raw GiNZA NER and keyword-trigger events beside the pipeline; "
                        "keywords: only the keyword-trigger events (no model load)")
    p.add_argument("--triggers", type=Path, metavar="TSV",
                   help="trigger table for the keyword baseline (default rules/triggers.tsv)")
    p.set_defaults(func=run_evaluate)


def labels_arg(value: str) -> list[str]:
    labels = [v.strip() for v in value.split(",") if v.strip()]
    if not labels:
        raise argparse.ArgumentTypeError("give at least one label")
    return labels


def run_evaluate(args: argparse.Namespace) -> int:
    try:
        gold = read_documents(args.gold_format, args.gold, args.offsets)
        preds = predictions.read(args.pred)
    except (FormatError, ValueError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    wanted = set(args.baseline)
    if "ginza" in wanted:
        wanted.add("keywords")
    nlp = None
    if "ginza" in wanted:
        import spacy
        nlp = spacy.load("ja_ginza")
    try:
        rep = run.evaluate(gold, preds, args.labels, wanted, nlp, args.triggers)
    except ValueError as exc:       # a malformed trigger or label table
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(report.render(rep))
    if args.json:
        Path(args.json).write_text(json.dumps(rep, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not rep["documents"]["scored"]:
        print("evaluate: no document is present in both gold and predictions", file=sys.stderr)
        return 1
    return 0
