"""Cut an article into parse units: body zones → working copies → chunks under Sudachi's limit.

Sudachi refuses inputs over ~49 KB (UTF-8 bytes), so long zones are split on line breaks,
then on sentence ends, then hard; every chunk keeps its working copy and offset so mentions
map back to the source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import workcopy
from .workcopy import WorkingCopy

MAX_CHARS = 1500      # far under Sudachi's limit; GiNZA's memory per Doc grows with its length
_BREAK = re.compile(r"(?<=\n)|(?<=。)")


@dataclass(frozen=True)
class Chunk:
    wc: WorkingCopy
    offset: int          # where the chunk starts in wc.text
    text: str

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.wc.to_source(self.offset + start, self.offset + end)


def body_chunks(source: str, zones: list[dict], max_chars: int = MAX_CHARS) -> list[Chunk]:
    body = [z for z in zones if z["kind"] == "body"]
    body_text = "\n".join(source[z["start"]:z["end"]] for z in body)
    wrapped = workcopy.is_wrapped(body_text)
    width = workcopy.wrap_width(body_text) if wrapped else 0.0
    chunks = []
    for z in body:
        wc = workcopy.build(source, z["start"], z["end"], wrapped, width)
        for offset, piece in split(wc.text, max_chars):
            if piece.strip():
                chunks.append(Chunk(wc, offset, piece))
    return chunks


def split(text: str, max_chars: int) -> list[tuple[int, str]]:
    """[(offset, piece)] with every piece ≤ max_chars, cut at the last line break or 。 that fits."""
    out, pos = [], 0
    while len(text) - pos > max_chars:
        window = text[pos:pos + max_chars]
        cuts = [m.start() for m in _BREAK.finditer(window) if m.start() > 0]
        cut = cuts[-1] if cuts else max_chars
        out.append((pos, text[pos:pos + cut]))
        pos += cut
    out.append((pos, text[pos:]))
    return out
