"""rules/place_parts.tsv: the words place expressions are built from (directions, connectors,
type suffixes with their place kind, relational nouns, locative verbs, words that are never places)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .tables import load_table, one_of, optional, text


@dataclass(frozen=True)
class PlaceParts:
    directions: frozenset[str]
    connectors: frozenset[str]
    suffixes: dict[str, str]
    relational: frozenset[str]
    locative_verbs: frozenset[str]
    not_places: frozenset[str]


def load_place_parts(rules_dir: Path) -> PlaceParts:
    rows = load_table(rules_dir / "place_parts.tsv", {
        "word": text, "role": one_of("direction", "connector", "suffix", "relational", "locative_verb", "not_place"),
        "kind": optional(one_of("admin1", "admin2", "city", "village", "region", "facility",
                                "water", "country"))})
    by_role = lambda role: [r for r in rows if r["role"] == role]  # noqa: E731
    return PlaceParts(
        directions=frozenset(r["word"] for r in by_role("direction")),
        connectors=frozenset(r["word"] for r in by_role("connector")),
        suffixes={r["word"]: r["kind"] for r in by_role("suffix")},
        relational=frozenset(r["word"] for r in by_role("relational")),
        locative_verbs=frozenset(r["word"] for r in by_role("locative_verb")),
        not_places=frozenset(r["word"] for r in by_role("not_place")),
    )
