"""Format name → reader / writer, so the CLIs and evaluation share one table."""
from __future__ import annotations

from pathlib import Path

from . import brat, doccano, labelstudio, wikiner
from .records import read_gold

READ_FORMATS = ("gold", "brat", "doccano", "labelstudio", "wikiner")
WRITE_FORMATS = ("brat", "doccano", "labelstudio")
OFFSET_CHOICES = ("auto", "utf16", "codepoint")


def read_documents(fmt: str, path: Path | str, offsets: str | None = None) -> list[dict]:
    """Gold documents (SPEC §6 shape) from `path` in format `fmt`.

    `offsets` overrides the format's unit: doccano defaults to utf16, Label Studio to auto (checked
    against each region's stored text); brat always checks; gold and wikiner are code points.
    """
    if fmt == "gold":
        return read_gold(path)
    if fmt == "brat":
        return brat.read(path)
    if fmt == "doccano":
        return doccano.read(path, _fixed(offsets, doccano.DEFAULT_UNIT))
    if fmt == "labelstudio":
        return labelstudio.read(path, offsets or "auto")
    if fmt == "wikiner":
        return wikiner.read(path)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(READ_FORMATS)}")


def write_documents(fmt: str, docs: list[dict], out: Path | str, offsets: str | None = None) -> int:
    if fmt == "brat":
        return brat.write(docs, out)
    if fmt == "doccano":
        return doccano.write(docs, out, _fixed(offsets, doccano.DEFAULT_UNIT))
    if fmt == "labelstudio":
        return labelstudio.write(docs, out, _fixed(offsets, labelstudio.DEFAULT_UNIT))
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(WRITE_FORMATS)}")


def _fixed(offsets: str | None, default: str) -> str:
    return default if offsets in (None, "auto") else offsets
