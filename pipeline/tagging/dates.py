"""DATE mentions: a spaCy Matcher over GiNZA tokens (SPEC §4 DATE, GUIDELINES §5).

Patterns are data. rules/dates.tsv holds one compact token pattern a row under a rule id;
rules/date_parts.tsv names token classes (a GiNZA tag, a token regex, a word list from
rules/date_words.tsv) and token sequences the patterns refer to as @NAME. A compact pattern
is expanded into plain Matcher patterns: `X?` on a single token becomes OP "?", on a
sequence or a set of alternatives it becomes one pattern with and one without. Tokens after
`>` are trailing context, tokens before `<` leading context: they must be there but stay
outside the span (数カ月 before 以内; 未明 after `11月21日、`).

The tagger only finds spans; pipeline.normalize.dates gives them values and may still reject
one (13/13, 令和0年). Overlaps keep the longest span; a `drop` rule (5年目, 3分の1) takes part
in that choice and is then discarded, so the shorter date inside it never comes out.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..mention import Mention
from ..normalize.dates import load_date_words
from ..rules import RuleError, load_table, one_of, text

MAX_PATTERNS = 20000     # per rule id; a guard against a runaway expansion in the tables
HINT_KEYS = {"mod": ("START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN"),
             "type": ("DURATION",), "drop": ("yes",)}

Alternatives = list[list[dict]]   # each a Matcher token sequence


@dataclass(frozen=True)
class DateRule:
    id: str
    order: int
    hints: tuple
    drop: bool


def _hints(value: str) -> tuple:
    if value.strip() in ("", "-"):
        return ()
    out = []
    for item in value.split("|"):
        key, sep, val = item.strip().partition("=")
        if not sep or key not in HINT_KEYS or val not in HINT_KEYS[key]:
            raise ValueError(f"{item!r} is not one of "
                             + ", ".join(f"{k}={'/'.join(v)}" for k, v in HINT_KEYS.items()))
        out.append((key, val))
    return tuple(out)


class _Grammar:
    """Expands compact patterns, resolving @NAME through rules/date_parts.tsv."""

    def __init__(self, rules_dir: Path):
        self.path = rules_dir / "date_parts.tsv"
        self.words = load_date_words(rules_dir).rows
        rows = load_table(self.path, {"name": text,
                                      "kind": one_of("tag", "regex", "pos", "words", "seq"),
                                      "value": text})
        self.rows: dict[str, list[dict]] = {}
        for row in rows:
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", row["name"]):
                raise RuleError(f"{self.path}:{row['_line']}: column name: "
                                f"{row['name']!r} is not an upper-case name")
            self.rows.setdefault(row["name"], []).append(row)
        self.cache: dict[str, Alternatives] = {}
        self.busy: set[str] = set()
        for name in self.rows:                 # validate every row, used or not
            self.name(name, f"{self.path}:{self.rows[name][0]['_line']}")

    def name(self, name: str, where: str) -> Alternatives:
        if name in self.cache:
            return self.cache[name]
        if name not in self.rows:
            raise RuleError(f"{where}: unknown name @{name}")
        if name in self.busy:
            raise RuleError(f"{where}: @{name} refers to itself")
        self.busy.add(name)
        alts: Alternatives = []
        for row in self.rows[name]:
            alts.extend(self._row(row, f"{self.path}:{row['_line']}"))
        self.busy.discard(name)
        self.cache[name] = _compact(alts)
        return self.cache[name]

    def _row(self, row: dict, where: str) -> Alternatives:
        kind, value = row["kind"], row["value"]
        if kind == "tag":
            return [[{"TAG": value}]]
        if kind == "regex":
            try:
                re.compile(value)
            except re.error as exc:
                raise RuleError(f"{where}: column value: bad regex: {exc}") from None
            return [[{"TEXT": {"REGEX": value}}]]
        if kind == "pos":
            return [[{"POS": {"IN": value.split("|")}}]]
        if kind == "words":
            return self._words(value, where)
        return self.sequence(value.split(), where)

    def _words(self, value: str, where: str) -> Alternatives:
        wanted = [v.split(":", 1) for v in value.split("|")]
        found = [w for w, kind, val in self.words
                 if any(kind == k[0] and (len(k) == 1 or val.split(":")[0] == k[1])
                        for k in wanted)]
        if not found:
            raise RuleError(f"{where}: column value: no word of kind {value!r} in date_words.tsv")
        single = [w for w in found if " " not in w]
        alts: Alternatives = [[{"ORTH": {"IN": single}}]] if single else []
        alts += [[{"ORTH": t} for t in w.split()] for w in found if " " in w]
        return alts

    def sequence(self, items: list[str], where: str) -> Alternatives:
        """Token items → every Matcher token sequence they stand for."""
        out: Alternatives = [[]]
        for item in items:
            optional = item.endswith("?") and len(item) > 1
            body = item[:-1] if optional else item
            choices = self._item(body, where)
            if optional:
                if len(choices) == 1 and len(choices[0]) == 1:
                    choices = [[{**choices[0][0], "OP": "?"}]]
                else:
                    choices = choices + [[]]
            out = [a + c for a, c in itertools.product(out, choices)]
            if len(out) > MAX_PATTERNS:
                raise RuleError(f"{where}: pattern expands to more than {MAX_PATTERNS} patterns")
        return out

    def _item(self, body: str, where: str) -> Alternatives:
        if body.startswith("@"):
            return self.name(body[1:], where)
        values = [v for v in body.split("|")]
        if not all(values):
            raise RuleError(f"{where}: empty alternative in {body!r}")
        return [[{"ORTH": values[0]} if len(values) == 1 else {"ORTH": {"IN": values}}]]


def _split_context(pattern: str, where: str) -> tuple[list[str], list[str], list[str]]:
    """`pre < span > post` → the three item lists (either context may be absent)."""
    items = pattern.split()
    if items.count("<") > 1 or items.count(">") > 1:
        raise RuleError(f"{where}: column pattern: at most one '<' and one '>'")
    lo = items.index("<") + 1 if "<" in items else 0
    hi = items.index(">") if ">" in items else len(items)
    pre, span, post = items[:max(lo - 1, 0)], items[lo:hi], items[hi + 1:]
    if not span:
        raise RuleError(f"{where}: column pattern: no span tokens between '<' and '>'")
    if any(i.endswith("?") and len(i) > 1 for i in pre + post):
        raise RuleError(f"{where}: column pattern: optional items in a context are not supported")
    return pre, span, post


def _compact(alts: Alternatives) -> Alternatives:
    """Merge one-token alternatives that differ only in ORTH, or only in REGEX, into one
    token: the Matcher's cost grows with the number of patterns."""
    orths: list[str] = []
    regexes: list[str] = []
    rest: Alternatives = []
    for alt in alts:
        spec = alt[0] if len(alt) == 1 else {}
        if set(spec) == {"ORTH"}:
            orth = spec["ORTH"]
            orths += orth["IN"] if isinstance(orth, dict) else [orth]
        elif set(spec) == {"TEXT"} and set(spec["TEXT"]) == {"REGEX"}:
            regexes.append(spec["TEXT"]["REGEX"])
        else:
            rest.append(alt)
    out: Alternatives = []
    if orths:
        values = list(dict.fromkeys(orths))
        out.append([{"ORTH": values[0]} if len(values) == 1 else {"ORTH": {"IN": values}}])
    if regexes:
        out.append([{"TEXT": {"REGEX": "|".join(f"(?:{r})" for r in regexes)}}])
    return out + rest


def load_date_patterns(rules_dir: Path) -> tuple[list[DateRule], dict[str, list]]:
    """→ rules in file order, and for each rule id its (Matcher pattern, leading context
    length, trailing context length) triples."""
    path = rules_dir / "dates.tsv"
    grammar = _Grammar(rules_dir)
    rows = load_table(path, {"id": text, "pattern": text, "hints": text})
    rules: dict[str, DateRule] = {}
    patterns: dict[str, list] = {}
    for row in rows:
        where = f"{path}:{row['_line']}"
        try:
            hints = _hints(row["hints"])
        except ValueError as exc:
            raise RuleError(f"{where}: column hints: {exc}") from None
        pre_items, span_items, post_items = _split_context(row["pattern"], where)
        rule = rules.setdefault(row["id"], DateRule(row["id"], len(rules), hints,
                                                    ("drop", "yes") in hints))
        if rule.hints != hints:
            raise RuleError(f"{where}: rule {row['id']!r} has other hints on an earlier line")
        pres = grammar.sequence(pre_items, where)
        spans = grammar.sequence(span_items, where)
        posts = grammar.sequence(post_items, where)
        for pre, span, post in itertools.product(pres, spans, posts):
            if span:
                patterns.setdefault(row["id"], []).append((pre + span + post, len(pre), len(post)))
    return list(rules.values()), patterns


class DateTagger:
    """Callable: Doc → DATE mentions (char offsets into doc.text), built once per rules dir."""

    def __init__(self, rules_dir: Path):
        rules, patterns = load_date_patterns(Path(rules_dir))
        self.planned = _planned_cues(Path(rules_dir))
        self.rules = {r.id: r for r in rules}
        self.matcher = Matcher(Vocab())
        self.keys: dict[int, tuple[str, int, int]] = {}
        by_key: dict[tuple, list] = {}
        for rule_id, pats in patterns.items():
            for pattern, pre, post in pats:
                by_key.setdefault((rule_id, pre, post), []).append(pattern)
        for (rule_id, pre, post), pats in by_key.items():
            key = f"{rule_id}#{pre}#{post}"
            self.keys[self.matcher.vocab.strings.add(key)] = (rule_id, pre, post)
            self.matcher.add(key, pats)

    def __call__(self, doc: Doc) -> list[Mention]:
        cands = []
        for key, start, end in self.matcher(doc):
            rule_id, pre, post = self.keys[key]
            if end - post > start + pre:
                cands.append((start + pre, end - post, end - start, self.rules[rule_id]))
        chosen = _longest(doc, cands)
        return [Mention(doc[s].idx, _end_char(doc, e), "DATE", rule.id,
                        tuple(h for h in rule.hints if h[0] != "drop") + self._tense(doc, s, e))
                for s, e, rule in chosen if not rule.drop]

    def _tense(self, doc: Doc, start: int, end: int) -> tuple:
        """("tense", "past") when the sentence reports in the past (a た after the date) and
        nothing on the way from the date to the root is planned or expected (the `planned`
        words of rules/event_cues.tsv, 見通し, 可能性…): the normaliser then never puts the
        date after the dct (SPEC §7)."""
        sent = doc[start].sent
        tok, seen = doc[end - 1], 0
        while seen < 12:
            words = [tok] + [c for c in tok.children if c.pos_ == "AUX"]
            if any(t.lemma_ in self.planned or t.text in self.planned for t in words):
                return ()
            if tok.head.i == tok.i:
                break
            tok, seen = tok.head, seen + 1
        if any(t.lemma_ == "た" and t.pos_ == "AUX" for t in doc[end:sent.end]):
            return (("tense", "past"),)
        return ()


# Words of expectation the event cue table does not list as planned.
_EXPECTED = frozenset(("見通し", "見込み", "見込む", "予想", "予測", "見方", "可能性", "恐れ", "おそれ"))


def _planned_cues(rules_dir: Path) -> frozenset[str]:
    path = rules_dir / "event_cues.tsv"
    if not path.exists():
        return _EXPECTED
    rows = load_table(path, {"cue": text, "kind": text, "value": text})
    return frozenset(r["cue"] for r in rows if r["value"] == "planned") | _EXPECTED


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _longest(doc: Doc, cands) -> list[tuple[int, int, DateRule]]:
    """Greedy by span length in characters; ties: longer match with context, earlier rule."""
    ranked = sorted(cands, key=lambda c: (-(_end_char(doc, c[1]) - doc[c[0]].idx),
                                          -c[2], c[3].order, c[0]))
    taken: set[int] = set()
    out = []
    for start, end, _, rule in ranked:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            out.append((start, end, rule))
    return sorted(out, key=lambda c: c[0])
