"""rules/counters.tsv and rules/qualifiers.tsv: counters (units) and number qualifiers.

The NUMBER tagger and the NUMBER normaliser both read this one table pair, so they agree on
what a counter and a qualifier are.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..prepare.textnorm import fold
from .tables import RuleError, alternatives, load_table, one_of, text

KINDS = ("count", "money", "measure", "ratio", "calibre", "excluded", "lexical")
QUANTITY_KINDS = ("count", "money", "measure", "ratio")
POSITIONS = ("prefix", "suffix", "infix", "before", "after")
EFFECTS = ("approx", "min", "max", "none", "reject")

NUMERAL_CHARS = "0-9.,〇一二三四五六七八九十百千万億兆数"


@dataclass(frozen=True)
class Counter:
    unit: str
    kind: str
    tokens: tuple[str, ...]   # GiNZA token split as written in the table

    @functools.cached_property          # read per candidate by the tagger and normaliser
    def surface(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True)
class Qualifier:
    position: str
    effects: frozenset[str]
    tokens: tuple[str, ...]

    @functools.cached_property          # read per candidate by the tagger and normaliser
    def surface(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True)
class NumberRules:
    counters: tuple[Counter, ...]
    qualifiers: tuple[Qualifier, ...]

    @functools.cached_property
    def by_surface(self) -> dict[str, Counter]:
        return {c.surface: c for c in self.counters}

    def counters_from(self, first: str) -> tuple[Counter, ...]:
        """The counters whose surface starts with the character `first`, in table order."""
        return self._by_first.get(first, ())

    @functools.cached_property          # the normaliser looks a unit up per NUMBER
    def _by_first(self) -> dict[str, tuple[Counter, ...]]:
        out: dict[str, list[Counter]] = {}
        for c in self.counters:
            out.setdefault(c.surface[:1], []).append(c)
        return {k: tuple(v) for k, v in out.items()}

    def qualifiers_at(self, position: str) -> tuple[Qualifier, ...]:
        """Qualifiers of one position, longest surface first (so 余り wins over 余)."""
        return self._by_position.get(position, ())

    @functools.cached_property
    def _by_position(self) -> dict[str, tuple[Qualifier, ...]]:
        ordered = sorted(self.qualifiers, key=lambda q: -len(q.surface))
        return {p: tuple(q for q in ordered if q.position == p) for p in POSITIONS}

    @functools.cached_property
    def lexical(self) -> frozenset[str]:
        return frozenset(c.surface for c in self.counters if c.kind == "lexical")


def _effects(value: str) -> frozenset[str]:
    items = alternatives(value)
    for item in items:
        one_of(*EFFECTS)(item)
    return frozenset(items)


def _split(surface: str) -> tuple[str, ...]:
    return tuple(fold(surface).split())


def load_number_rules(rules_dir: Path | str) -> NumberRules:
    """Read and cross-check counters.tsv and qualifiers.tsv; RuleError names file:line."""
    rules_dir = Path(rules_dir)
    cpath, qpath = rules_dir / "counters.tsv", rules_dir / "qualifiers.tsv"
    crows = load_table(cpath, {"unit": text, "surfaces": alternatives, "kind": one_of(*KINDS)})
    qrows = load_table(qpath, {"surfaces": alternatives, "position": one_of(*POSITIONS),
                               "effects": _effects})
    counters, seen = [], {}
    for row in crows:
        where = f"{cpath}:{row['_line']}"
        if (row["unit"] == "-") != (row["kind"] in ("excluded", "lexical")):
            raise RuleError(f"{where}: unit must be '-' exactly for excluded and lexical rows")
        for surface in row["surfaces"]:
            counter = Counter(row["unit"], row["kind"], _split(surface))
            if counter.surface in seen:
                raise RuleError(f"{where}: surface {surface!r} already on line "
                                f"{seen[counter.surface]}")
            seen[counter.surface] = row["_line"]
            counters.append(counter)
    qualifiers, qseen = [], {}
    for row in qrows:
        where = f"{qpath}:{row['_line']}"
        if "reject" in row["effects"] and (len(row["effects"]) > 1
                                           or row["position"] not in ("prefix", "suffix")):
            raise RuleError(f"{where}: reject stands alone and only on prefix or suffix rows")
        for surface in row["surfaces"]:
            q = Qualifier(row["position"], row["effects"], _split(surface))
            key = (q.position, q.surface)
            if key in qseen:
                raise RuleError(f"{where}: {q.position} {surface!r} already on line {qseen[key]}")
            if q.position in ("prefix", "suffix", "infix") and q.surface in seen:
                # An attached qualifier that is also a counter would make spans ambiguous.
                raise RuleError(f"{where}: {surface!r} is also a counter in {cpath.name}")
            qseen[key] = row["_line"]
            qualifiers.append(q)
    return NumberRules(tuple(counters), tuple(qualifiers))
