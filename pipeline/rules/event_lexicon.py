"""Load the event rule tables: triggers, cues and case-marker roles (all validated on load)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .tables import RuleError, load_table, one_of, text, unique

TYPES = ("ATTACK", "CAPTURE", "WITHDRAW", "DEPLOY", "CASUALTY", "AGREEMENT", "AID", "MEETING",
         "REQUEST", "STATEMENT", "LAUNCH", "INCURSION", "INTERCEPT", "EXERCISE")
FRAMES = ("trans", "intrans", "self", "loss", "receive", "speech", "incorp")
ROLES = ("agent", "patient", "recipient", "place", "time", "quantity", "source")
VOICES = ("active", "passive", "dpassive", "causative", "noun")
CLASSES = ("DATE", "NUMBER", "COUNTRY", "PLACE", "WATER", "TROOP", "ACTOR", "PERSON", "ARMS",
           "PLACEISH", "noun")
CUE_KINDS = ("light", "negator", "negation", "fact", "modal", "hedge_verb", "announce", "speech",
             "content", "according", "voice_keep", "contrast", "conditional", "suffix", "linker",
             "relational", "troop", "person", "arms", "placeish", "measure", "wh", "backref",
             "water", "toward", "occur", "part", "portion", "state", "continuing", "iterative",
             "generic", "synonym", "marker", "expect", "another", "when", "done", "total",
             "reaction", "force", "already", "war", "plural", "covers", "means", "rebuttal",
             "subcount", "manpower")
CUE_VALUES = {"light": ("active", "passive", "dpassive"), "modal": ("uncertain", "planned"),
              "speech": ("reported", "uncertain", "reported_passive"),
              "content": ("reported", "uncertain", "-")}


@dataclass(frozen=True)
class Condition:
    """One alternative of a trigger's `needs`: `patient`, `patient=@TROOP|兵`, `light`…"""
    what: str                      # a role, "light", "quote", "mod" or "sentence"
    values: frozenset[str] = frozenset()   # lemmas and @CLASSES (sentence: event types)
    veto: bool = False             # `!cond`: the word is no event of this row when it holds


@dataclass(frozen=True)
class Trigger:
    id: str
    type: str
    tokens: tuple[frozenset[str], ...]   # alternatives per pattern token
    marked: tuple[int, ...]              # indices of the trigger tokens in the pattern
    frame: str
    needs: tuple[Condition, ...]
    line: int


@dataclass(frozen=True)
class RoleRule:
    type: str
    frame: str
    voice: str
    marker: str
    arg: str
    role: str | None

    def matches(self, type_: str, frame: str, voice: str, marker: str, classes) -> bool:
        return (self.type in ("*", type_) and self.frame in ("*", frame)
                and self.voice in ("*", voice) and self.marker in ("*", marker)
                and (self.arg == "*" or self.arg in classes))


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    cues: dict[str, dict[str, str]]      # kind → {cue: value}
    roles: tuple[RoleRule, ...]

    def trigger_words(self, type_: str) -> set[str]:
        """The single-word triggers of a type (sentence= conditions)."""
        return {w for t in self.triggers if t.type == type_ and len(t.marked) == 1
                for w in t.tokens[t.marked[0]]}

    def cue(self, kind: str, word: str) -> str | None:
        return self.cues[kind].get(word)

    def is_cue(self, kind: str, word: str) -> bool:
        return word in self.cues[kind]

    def is_negator(self, lemma: str) -> bool:
        """停止, and compounds that end in one (一時停止)."""
        negators = self.cues["negator"]
        return lemma in negators or lemma.endswith(_long_words(negators))


_LONG: dict[int, tuple[dict, int, tuple[str, ...]]] = {}


def _long_words(table: dict) -> tuple[str, ...]:
    """The cues of `table` longer than one character, as one tuple for `str.endswith` (built
    again only if the table is another one or has grown)."""
    hit = _LONG.get(id(table))
    if hit is None or hit[0] is not table or hit[1] != len(table):
        hit = _LONG[id(table)] = (table, len(table), tuple(n for n in table if len(n) > 1))
    return hit[2]


def load_lexicon(rules_dir: Path, titles: Iterable[str] = ()) -> Lexicon:
    """The event rules of `rules_dir`. `titles` (rules/titles.tsv) are person nouns too: an
    office named by its title alone (国防相は…と述べた) can speak and suffer like 当局者."""
    cues = load_cues(rules_dir / "event_cues.tsv")
    for title in titles:
        cues["person"].setdefault(title, "-")
    return Lexicon(load_triggers(rules_dir / "triggers.tsv"), cues,
                   load_roles(rules_dir / "event_roles.tsv"))


def load_triggers(path: Path) -> tuple[Trigger, ...]:
    rows = load_table(path, {"id": text, "type": one_of(*TYPES), "pattern": text,
                             "frame": one_of(*FRAMES), "needs": text})
    unique(rows, "id", path)
    out = []
    for r in rows:
        try:
            tokens, marked = parse_pattern(r["pattern"])
            needs = parse_needs(r["needs"])
        except ValueError as exc:
            raise RuleError(f"{path}:{r['_line']}: {exc}") from None
        out.append(Trigger(r["id"], r["type"], tokens, marked, r["frame"], needs, r["_line"]))
    return tuple(out)


def parse_pattern(pattern: str) -> tuple[tuple[frozenset[str], ...], tuple[int, ...]]:
    """`[攻撃] を 仕掛ける` → token alternatives and the indices inside brackets."""
    words = pattern.split()
    opened, tokens, marked = False, [], []
    for w in words:
        start, end = w.startswith("["), w.endswith("]")
        if start and opened or end and not (opened or start):
            raise ValueError(f"column pattern: unbalanced brackets in {pattern!r}")
        w = w.strip("[]")
        if not w or any(not a for a in w.split("|")):
            raise ValueError(f"column pattern: empty token in {pattern!r}")
        opened = opened or start
        if opened:
            marked.append(len(tokens))
        tokens.append(frozenset(w.split("|")))
        opened = opened and not end
    if opened:
        raise ValueError(f"column pattern: unclosed bracket in {pattern!r}")
    return tuple(tokens), tuple(marked or range(len(tokens)))


def parse_needs(value: str) -> tuple[Condition, ...]:
    if value.strip() == "-":
        return ()
    out = []
    for item in value.split(","):
        what, _, values = item.strip().partition("=")
        veto = what.startswith("!")
        what = what.lstrip("!")
        if what not in ROLES + ("light", "quote", "mod", "sentence"):
            raise ValueError(f"column needs: unknown condition {what!r}")
        alts = frozenset(v for v in values.split("|") if v) if values else frozenset()
        bad = [a for a in alts if a.startswith("@") and a[1:] not in CLASSES]
        if bad:
            raise ValueError(f"column needs: unknown class {bad[0]!r}")
        if what == "sentence" and (not alts or not alts <= set(TYPES)):
            raise ValueError(f"column needs: sentence= takes event types, not {values!r}")
        out.append(Condition(what, alts, veto))
    if out and all(c.veto for c in out):
        out.insert(0, Condition("any"))
    return tuple(out)


def load_cues(path: Path) -> dict[str, dict[str, str]]:
    rows = load_table(path, {"cue": text, "kind": one_of(*CUE_KINDS), "value": text})
    cues: dict[str, dict[str, str]] = {k: {} for k in CUE_KINDS}
    for r in rows:
        allowed = CUE_VALUES.get(r["kind"])
        if allowed and r["value"] not in allowed:
            raise RuleError(f"{path}:{r['_line']}: column value: {r['value']!r} is not one of "
                            f"{', '.join(allowed)}")
        if r["cue"] in cues[r["kind"]]:
            raise RuleError(f"{path}:{r['_line']}: cue {r['cue']!r} already has kind {r['kind']}")
        cues[r["kind"]][r["cue"]] = r["value"]
    return cues


def load_roles(path: Path) -> tuple[RoleRule, ...]:
    rows = load_table(path, {
        "type": one_of("*", *TYPES), "frame": one_of("*", *FRAMES),
        "voice": one_of("*", *VOICES), "marker": text, "arg": one_of("*", *CLASSES),
        "role": one_of("-", *ROLES)})
    return tuple(RoleRule(r["type"], r["frame"], r["voice"], r["marker"], r["arg"],
                          None if r["role"] == "-" else r["role"]) for r in rows)
