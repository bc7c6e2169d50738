"""rules/place_parts.tsv: the words place expressions are built from (directions, connectors,
type suffixes with their place kind, relational nouns, locative verbs, words that are never places)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .tables import RuleError, load_table, one_of, optional, text


ROLES = ("direction", "connector", "suffix", "relational", "locative_verb", "not_place",
         "kind_suffix", "trailing", "classifier", "name_head")
KINDS = ("admin1", "admin2", "city", "village", "region", "facility", "water", "country")


@dataclass(frozen=True)
class PlaceParts:
    directions: frozenset[str]
    connectors: frozenset[str]
    suffixes: dict[str, str]          # tagger: a name + suffix is a place
    relational: frozenset[str]
    locative_verbs: frozenset[str]
    not_places: frozenset[str]
    # read by the PLACE normaliser; tuples keep file order (the first match wins)
    kinds: dict[str, str] = field(default_factory=dict)       # suffix → place kind
    trailing: tuple[str, ...] = ()
    classifiers: tuple[str, ...] = ()
    direction_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # word → slug, adjective
    name_heads: frozenset[str] = frozenset()      # tagger: place + this noun is a name


def load_place_parts(rules_dir: Path) -> PlaceParts:
    path = rules_dir / "place_parts.tsv"
    rows = load_table(path, {"word": text, "role": one_of(*ROLES), "kind": optional(one_of(*KINDS))})
    for r in rows:
        if (r["kind"] is None) == (r["role"] in ("suffix", "kind_suffix")):
            raise RuleError(f"{path}:{r['_line']}: column kind: a place kind for suffix and "
                            "kind_suffix rows, '-' for the others")
    by_role = lambda role: [r for r in rows if r["role"] == role]  # noqa: E731
    directions = frozenset(r["word"] for r in by_role("direction"))
    return PlaceParts(
        directions=directions,
        connectors=frozenset(r["word"] for r in by_role("connector")),
        suffixes={r["word"]: r["kind"] for r in by_role("suffix")},
        relational=frozenset(r["word"] for r in by_role("relational")),
        locative_verbs=frozenset(r["word"] for r in by_role("locative_verb")),
        not_places=frozenset(r["word"] for r in by_role("not_place")),
        kinds={r["word"]: r["kind"] for r in rows if r["role"] in ("suffix", "kind_suffix")},
        trailing=tuple(r["word"] for r in by_role("trailing")),
        classifiers=tuple(r["word"] for r in by_role("classifier")),
        direction_names=_direction_names(rules_dir / "directions.tsv", directions),
        name_heads=frozenset(r["word"] for r in by_role("name_head")),
    )


def _direction_names(path: Path, directions: frozenset[str]) -> dict[str, tuple[str, str]]:
    rows = load_table(path, {"word": text, "slug": text, "adjective": text})
    for r in rows:
        if r["word"] not in directions:
            raise RuleError(f"{path}:{r['_line']}: column word: {r['word']!r} is not a "
                            "direction in place_parts.tsv")
    return {r["word"]: (r["slug"], r["adjective"]) for r in rows}
