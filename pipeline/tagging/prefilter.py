"""A token Matcher run only where it can match (issue 14: the rules' cost).

spaCy's Matcher starts every pattern at every token, so its cost is tokens × patterns, and the
DATE patterns expand to hundreds. Two facts about any match of a token pattern let most of a
Doc be skipped without changing the matches:

- every token of a match satisfies some token spec of its pattern, so a match lies inside one
  maximal run of tokens that satisfy *any* spec of *any* pattern (the `matchable` tokens);
- a match holds at least one token satisfying a *required* spec of its pattern (one not marked
  `?`, `*`); one such spec is picked per pattern, the most selective by a simple rule (a word
  list or a regex before a tag, before a list of particles or punctuation) — the `anchors`.

So the Matcher is run on the runs of matchable tokens that hold an anchor token, each a Span,
and the offsets are shifted back: the same (key, start, end) triples as on the whole Doc. The
token classes are computed with arrays (`Doc.to_array`) and a per-lexeme cache, never a Python
loop over the Doc's tokens. Spec attributes other than ORTH/TEXT, TAG, POS and the extensions the
caller describes by a regex make a spec match anything (always correct, only slower).
"""
from __future__ import annotations

import re
from typing import Iterable

import numpy as np
from spacy.attrs import ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

_CACHE_MAX = 500_000       # lexemes whose text class is remembered (then the cache restarts)
# Values that make a spec a poor anchor: they are everywhere in running text.
_COMMON = re.compile(r"^[\u3040-\u309f\W]$")
_OPS = (None, "1", "+", "?", "*")           # quantifiers whose tokens the prefilter understands
_REQUIRED = (None, "1", "+")


class _Spec:
    """One token spec reduced to what the prefilter tests: a set of texts, a regex, a set of
    tags or of POS ids, or `any`."""

    def __init__(self, spec: dict, extensions: dict[str, re.Pattern] | None = None):
        self.kind, self.value = "any", None
        for attr, val in spec.items():
            if attr == "OP":
                continue
            if attr == "_" and isinstance(val, dict) and len(val) == 1:
                (name, wanted), = val.items()
                if wanted is True and name in (extensions or {}):
                    self.kind, self.value = "regex", extensions[name]
            attr = attr.upper()
            if attr in ("ORTH", "TEXT"):
                if isinstance(val, str):
                    self.kind, self.value = "texts", frozenset([val])
                elif isinstance(val, dict) and set(val) == {"IN"}:
                    self.kind, self.value = "texts", frozenset(val["IN"])
                elif isinstance(val, dict) and set(val) == {"REGEX"}:
                    self.kind, self.value = "regex", re.compile(val["REGEX"])
            elif attr == "TAG":
                if isinstance(val, str):
                    self.kind, self.value = "tags", frozenset([val])
                elif isinstance(val, dict) and set(val) == {"IN"}:
                    self.kind, self.value = "tags", frozenset(val["IN"])
            elif attr == "POS":
                names = [val] if isinstance(val, str) else val.get("IN") if isinstance(val, dict) and set(val) == {"IN"} else None
                if names is not None and all(n in POS_IDS for n in names):
                    self.kind, self.value = "pos", frozenset(POS_IDS[n] for n in names)
            if self.kind != "any":      # a conjunction: one supported attribute over-approximates it
                break

    def key(self) -> tuple:
        value = self.value.pattern if self.kind == "regex" else \
            tuple(sorted(self.value)) if self.value is not None else None
        return self.kind, value

    def rank(self) -> int:
        """Lower is more selective."""
        if self.kind == "texts":
            return 3 if any(_COMMON.match(v) for v in self.value) else 0
        return {"regex": 1, "tags": 2, "pos": 4}.get(self.kind, 9)


class _Classes:
    """The specs of one role (matchable or anchor), merged per kind."""

    def __init__(self, specs: Iterable[_Spec]):
        specs = list(specs)
        self.any = any(s.kind == "any" for s in specs)
        self.texts = frozenset().union(*(s.value for s in specs if s.kind == "texts"))
        # patterns repeat across specs (a date part in a hundred patterns): each tested once
        self.regexes = list({(r.pattern, r.flags): r
                             for r in (s.value for s in specs if s.kind == "regex")}.values())
        tags = set().union(*(s.value for s in specs if s.kind == "tags"))
        self.tags = np.array(sorted(get_string_id(t) for t in tags), dtype=np.uint64)
        pos = set().union(*(s.value for s in specs if s.kind == "pos"))
        self.pos = np.array(sorted(pos), dtype=np.uint64)

    def by_text(self, text: str) -> bool:
        return text in self.texts or any(r.search(text) for r in self.regexes)


class PrefilteredMatcher:
    """`matcher(doc)`'s (key, start, end) triples, computed only on the spans that can hold a
    match. Built from the (key, pattern) pairs of the Matcher it stands for.

    `grouped`: the patterns are split by their anchor into Matchers of their own, and a span
    meets only the Matchers whose anchors it holds (a span `54` never meets the hundred
    patterns anchored on 年). The triples are then the same set, not in the Matcher's order:
    for callers that rank the matches themselves. Ungrouped, the order is the Matcher's."""

    def __init__(self, keyed: Iterable[tuple[str, list[dict]]],
                 extensions: dict[str, re.Pattern] | None = None, grouped: bool = False):
        """`extensions`: for a token extension a spec may require to be True, a regex every
        such token's text satisfies (a necessary condition is enough)."""
        every: list[_Spec] = []
        groups: dict[tuple, list[_Spec]] = {}       # anchor → its spec(s)
        members: dict[tuple, list] = {}             # anchor → (key, pattern) pairs
        lengths: list[int] = []
        for key, pattern in keyed:
            specs = [_Spec(t, extensions) for t in pattern]
            ops = [t.get("OP") for t in pattern]
            if any(op not in _OPS for op in ops):
                specs = [_Spec({})]            # `!` or a quantifier: let the whole Doc through
                ops = [None]
            every.extend(specs)
            required = [s for op, s in zip(ops, specs) if op in _REQUIRED]
            # no required token: a match still holds a token satisfying one of its specs
            anchors = [min(required, key=_Spec.rank)] if required else specs
            group = tuple(a.key() for a in anchors) if grouped else ()
            groups.setdefault(group, []).extend(anchors)
            members.setdefault(group, []).append((key, pattern))
            lengths.append(max(len(required), 1))
        if len(groups) > 63:        # one bit a group in a uint64: too many, one Matcher for all
            groups = {(): [a for specs in groups.values() for a in specs]}
            members = {(): [pair for pairs in members.values() for pair in pairs]}
        self.matchable = _Classes(every)
        self.anchors = [_Classes(specs) for specs in groups.values()]
        self.matchers = []
        for pairs in members.values():
            matcher = Matcher(Vocab())
            for key, pattern in pairs:
                matcher.add(key, [pattern])
            self.matchers.append(matcher)
        self.grouped = grouped
        self.min_len = min(lengths, default=1)
        self._text_class: dict[int, tuple[int, int]] = {}

    def _groups(self, doc: Doc) -> tuple[np.ndarray, np.ndarray]:
        """Per token: matchable (bool) and the bits of the anchor groups it satisfies."""
        n = len(doc)
        arr = doc.to_array([ORTH, TAG, POS]).reshape(n, 3)
        uniq, inv = np.unique(arr[:, 0], return_inverse=True)
        inv = inv.reshape(-1)
        classes = [self._classify(o, doc) for o in uniq.tolist()]
        by_text = np.fromiter((c[0] for c in classes), dtype=bool, count=len(uniq))[inv]
        bits = np.fromiter((c[1] for c in classes), dtype=np.uint64, count=len(uniq))[inv]
        matchable = self._mask(arr, by_text, self.matchable)
        for g, anchor in enumerate(self.anchors):
            if anchor.any or len(anchor.tags) or len(anchor.pos):
                extra = self._mask(arr, np.zeros(n, dtype=bool), anchor)
                bits |= extra.astype(np.uint64) << np.uint64(g)
        return matchable, bits

    def spans(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(start, end, anchor group bits) of the token ranges the Matchers must see."""
        if len(doc) == 0:
            return []
        matchable, bits = self._groups(doc)
        anchor = bits != 0
        if not anchor.any():
            return []
        edges = np.flatnonzero(np.diff(np.concatenate(([0], matchable.astype(np.int8), [0]))))
        starts, ends = edges[0::2], edges[1::2]
        held = np.concatenate(([0], np.cumsum(anchor)))
        keep = (held[ends] > held[starts]) & (ends - starts >= self.min_len)
        return [(s, e, int(np.bitwise_or.reduce(bits[s:e])))
                for s, e in zip(starts[keep].tolist(), ends[keep].tolist())]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        for start, end, held in self.spans(doc):
            span = doc if start == 0 and end == len(doc) else doc[start:end]
            for g, matcher in enumerate(self.matchers):
                if held >> g & 1:
                    out.extend((key, start + s, start + e) for key, s, e in matcher(span))
        # a key whose patterns sit in several groups may match a span twice (the Matcher
        # reports each (key, start, end) once)
        return list(dict.fromkeys(out)) if self.grouped else out

    @staticmethod
    def _mask(arr: np.ndarray, by_text: np.ndarray, classes: _Classes) -> np.ndarray:
        if classes.any:
            return np.ones(len(arr), dtype=bool)
        mask = by_text.astype(bool)
        if len(classes.tags):
            mask |= np.isin(arr[:, 1], classes.tags)
        if len(classes.pos):
            mask |= np.isin(arr[:, 2], classes.pos)
        return mask

    def _classify(self, orth: int, doc: Doc) -> tuple[int, int]:
        """(the text satisfies a text spec of some pattern, bits of the anchor groups whose
        text specs it satisfies), remembered per lexeme."""
        c = self._text_class.get(orth)
        if c is None:
            if len(self._text_class) >= _CACHE_MAX:
                self._text_class.clear()
            text = doc.vocab.strings[orth]
            c = self._text_class[orth] = (
                int(self.matchable.by_text(text)),
                sum(1 << g for g, a in enumerate(self.anchors) if a.by_text(text)))
        return c
