"""The run cache: one entry per article under a key of its content, id and the run fingerprint.

A rerun reuses the entries whose key still matches, so only new or changed articles are parsed,
and a changed rule file or code change (the fingerprint) re-processes everything. Entries are
written atomically as soon as an article is done, so a killed run resumes where it stopped.
Pruning removes only entries of articles this run read the place of (`Coverage.covers`):
entries of other inputs, or of inputs that could not be read, stay for a later run.
"""
from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..output.files import remove_stale, tmp_name
from ..prepare.reading import Article, Coverage

CACHE = ".cache"


def fingerprint(rules_dir: Path) -> str:
    """Changes whenever the code, the model or a rule file changes."""
    h = hashlib.sha256()
    for pkg in ("spacy", "ginza", "ja-ginza", "sudachipy", "sudachidict-core"):
        h.update(f"{pkg}={_version(pkg)};".encode())
    h.update(f"pipeline={__version__};".encode())
    h.update(_code_digest().encode())
    for f in sorted(rules_dir.rglob("*")):
        if f.is_file():
            h.update(f.relative_to(rules_dir).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "-"


def _code_digest() -> str:
    """The package's own source: an edited normaliser must invalidate the cache too."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]
    for f in sorted(root.rglob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()


def entry_key(article: Article, fp: str, fallback_dct: str | None) -> str:
    h = hashlib.sha256()
    for part in (fp, article.doc_id, article.path, article.dct or "", fallback_dct or "", article.sha256):
        h.update(part.encode() + b"\0")
    return h.hexdigest()[:32]


class Cache:
    def __init__(self, out_dir: Path):
        self.dir = out_dir / CACHE
        self.dir.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def has(self, key: str) -> bool:
        return self.path(key).exists()

    def put(self, key: str, entry: dict) -> None:
        tmp = tmp_name(self.path(key))
        try:
            tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8", errors="backslashreplace")
            os.replace(tmp, self.path(key))
        except BaseException:
            tmp.unlink(missing_ok=True)     # a full disk must not leave a temp file behind
            raise

    def get(self, key: str) -> dict:
        return json.loads(self.path(key).read_text(encoding="utf-8"))

    def remove_stale(self) -> int:
        return remove_stale(self.dir)

    def prune(self, keep: set[str], cov: Coverage) -> int:
        """Drop entries not in `keep` whose article lies where this run read (changed or
        deleted articles); entries of inputs this run did not read are left alone."""
        gone = 0
        for f in self.dir.glob("*.json"):
            if f.stem in keep:
                continue
            path = _article_path(f)
            if path is None or cov.covers(path):    # None: an unreadable entry is no use to anyone
                f.unlink(missing_ok=True)
                gone += 1
        return gone


def _article_path(f: Path) -> str | None:
    try:
        entry = json.loads(f.read_text(encoding="utf-8"))
        record = (entry.get("documents") or [entry.get("error")])[0]
        return record["path"]
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
