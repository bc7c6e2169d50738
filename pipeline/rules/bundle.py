"""One `Rules` bundle: every table of one rules directory, loaded and validated once per process.

Every stage receives the bundle (taggers, normalisers, events, zoning, dct), so `--rules DIR`
reaches all of them and no module reads a rules directory on its own.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .boilerplate import load_headers
from .country_roles import CountryRoles, load_country_roles
from .date_patterns import DateRule, load_date_patterns
from .date_words import DateWords, load_date_words
from .datelines import load_labels
from .event_lexicon import Lexicon, load_lexicon
from .gazetteer import Gazetteer, load_gazetteer
from .numbers import NumberRules, load_number_rules
from .place_parts import PlaceParts
from .tables import RuleError

_HERE = Path(__file__).resolve().parent
# The wheel ships the tables as pipeline/ruledata/; a checkout reads rules/ at its top.
_CANDIDATES = (_HERE.parent / "ruledata", _HERE.parents[1] / "rules")
_MARKER = "triggers.tsv"


def default_dir() -> Path:
    """The rules directory of this installation (packaged copy, else the checkout's rules/)."""
    for cand in _CANDIDATES:
        if (cand / _MARKER).is_file():
            return cand
    raise RuleError("no rules directory found: looked in " + ", ".join(map(str, _CANDIDATES)))


@dataclass(frozen=True, eq=False)
class Rules:
    dir: Path
    gazetteer: Gazetteer
    date_words: DateWords
    date_patterns: tuple[list[DateRule], dict[str, list]]
    numbers: NumberRules
    place_parts: PlaceParts
    country_roles: CountryRoles
    lexicon: Lexicon
    headers: list[tuple[str, str]]
    datelines: list[str]

    @functools.cached_property
    def dateline(self) -> re.Pattern:
        from ..prepare.dct import compile_dateline
        return compile_dateline(self.datelines)


def load_rules(rules_dir: Path | str | None = None) -> Rules:
    """The bundle of `rules_dir` (default: `default_dir()`), cached per resolved directory."""
    path = Path(rules_dir) if rules_dir is not None else default_dir()
    if not path.is_dir():
        raise RuleError(f"{path}: rules directory not found")
    return _load(str(path.resolve()))


@functools.lru_cache(maxsize=4)
def _load(rules_dir: str) -> Rules:
    d = Path(rules_dir)
    words = load_date_words(d)
    gaz = load_gazetteer(d)
    return Rules(dir=d, gazetteer=gaz, date_words=words,
                 date_patterns=load_date_patterns(d, words), numbers=load_number_rules(d),
                 place_parts=gaz.parts, country_roles=load_country_roles(d), lexicon=load_lexicon(d, gaz.titles),
                 headers=load_headers(d), datelines=load_labels(d))
