"""How many worker processes a run can afford.

Each worker loads its own copy of the model. Measured on this machine class (Python 3.11,
ja_ginza, spaCy 3.8.7): about 510 MB after loading the model and, with parse/lean.py's leak fix,
a flat 730-840 MB through a 20 MB JSONL of 6,923 articles (`--workers 1`, peak 820 MiB: the
resident size swings with the longest articles of a batch, not with the articles done). With
Wikipedia text mixed in (343 of 6,873 articles, new words throughout) the per-word memos grow
it slowly: mean 754 MiB over the first half, 797 MiB over the second, peak 905 MiB (949 MB).
WORKER_MB leaves a margin over that peak.
"""
from __future__ import annotations

import os

WORKER_MB = 1000


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def available_mb() -> int | None:
    """MemAvailable, lowered to the cgroup's remaining memory when a container limits it."""
    found = []
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            found += [int(line.split()[1]) // 1024 for line in fh if line.startswith("MemAvailable:")]
    except (OSError, ValueError, IndexError):
        pass
    try:
        limit = open("/sys/fs/cgroup/memory.max", encoding="ascii").read().strip()
        used = open("/sys/fs/cgroup/memory.current", encoding="ascii").read().strip()
        if limit != "max":
            found.append((int(limit) - int(used)) // 2**20)
    except (OSError, ValueError):
        pass
    return min(found) if found else None


def cap_workers(requested: int, tasks: int) -> tuple[int, str]:
    """min(requested, tasks, cores, memory / WORKER_MB), at least 1, with the reason."""
    mem = available_mb()
    limits = {"requested": requested, "articles to parse": tasks, "cores": cores()}
    if mem is not None:
        limits[f"{mem} MB available / {WORKER_MB} MB per worker"] = mem // WORKER_MB
    reason = min(limits, key=lambda k: limits[k])
    return max(1, limits[reason]), reason
