"""rules/country_roles.tsv: the word classes that decide whether a country or capital is a PLACE
(it locates something) or an ACTOR (it acts, owns, makes, receives) from its place in the parse."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .tables import load_table, one_of, text


@dataclass(frozen=True)
class CountryRoles:
    """Word classes of rules/country_roles.tsv: role → words."""
    words: dict[str, frozenset[str]]

    def has(self, role: str, word: str) -> bool:
        return word in self.words.get(role, ())

    def ends(self, role: str, word: str) -> bool:
        """`word` is, or is a compound ending in, a word of `role` (軍事基地 → 基地)."""
        return word.endswith(self._tuples.get(role, ()))

    def starts(self, role: str, word: str) -> bool:
        """`word` is, or is an action noun starting with, a word of `role` (派遣団 → 派遣)."""
        return word.startswith(self._tuples.get(role, ()))

    @cached_property
    def _tuples(self) -> dict[str, tuple[str, ...]]:
        """The words of each role as a tuple, for one str.endswith / str.startswith call."""
        return {role: tuple(words) for role, words in self.words.items()}


ROLE_CLASSES = ("location_head", "motion", "attack", "departure", "border", "maker",
                "actor_prefix")


def load_country_roles(rules_dir: Path) -> CountryRoles:
    path = rules_dir / "country_roles.tsv"
    rows = load_table(path, {"word": text, "role": one_of(*ROLE_CLASSES)})
    words: dict[str, set[str]] = {}
    for r in rows:
        words.setdefault(r["role"], set()).add(r["word"])
    return CountryRoles({k: frozenset(v) for k, v in words.items()})
