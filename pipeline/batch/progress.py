"""Progress while a batch runs: a tqdm bar on a terminal, plain periodic lines elsewhere."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from ..prepare.reading import expand, open_regular

LOG_EVERY = 10.0      # seconds between plain progress lines (CI logs, pipes)


def count_inputs(inputs: list) -> int:
    """Articles to expect: one per .txt, one per non-empty .jsonl line (cheap byte scan)."""
    n = 0
    for f in expand(inputs):
        if f.suffix.lower() != ".jsonl":
            n += 1
            continue
        try:                    # never blocks on a FIFO, never raises: the reader reports those
            with open_regular(f) as fh:
                n += sum(1 for line in fh if line.strip())
        except OSError:
            n += 1
    return n


class Reporter:
    """Callable per finished article (entry dict, or None for one reused from the cache)."""

    def __init__(self, total: int, quiet: bool = False, stream=sys.stderr):
        self.total, self.quiet, self.stream = total, quiet, stream
        self.done = 0
        self.start = self.last = time.monotonic()
        self.bar = None
        if not quiet and stream.isatty():
            from tqdm import tqdm
            self.bar = tqdm(total=total, unit="doc", file=stream, dynamic_ncols=True)

    def __call__(self, entry: dict | None) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.monotonic()
        if not self.quiet and now - self.last >= LOG_EVERY:
            self.last = now
            rate = self.done / (now - self.start)
            eta = (self.total - self.done) / rate if rate else 0
            print(f"progress: {self.done}/{self.total} documents, {rate:.1f} docs/s, ETA {eta:.0f}s",
                  file=self.stream, flush=True)

    def close(self) -> float:
        if self.bar is not None:
            self.bar.close()
        return time.monotonic() - self.start


def summary_lines(summary, seconds: float, out: Path) -> list[str]:
    rate = summary.chars / seconds if seconds else 0.0
    lines = [f"{summary.ok} documents ok, {summary.failed} failed "
             f"({summary.processed} processed, {summary.reused} unchanged"
             + (f", {summary.kept} kept from inputs not read" if summary.kept else "") + f") → {out}/",
             "entities: " + (", ".join(f"{k} {v}" for k, v in summary.entities.items()) or "none"),
             "events: " + (", ".join(f"{k} {v}" for k, v in summary.events.items()) or "none"),
             "event groups: " + (", ".join(f"{k} {v}" for k, v in (summary.groups or {}).items())
                                 or "none"),
             f"time {seconds:.1f}s, {summary.processed / seconds if seconds else 0:.2f} docs/s, "
             f"{rate:,.0f} chars/s"]
    return lines
