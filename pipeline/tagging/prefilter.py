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
patterns that share an anchor form a group, and the same facts hold per group: a group's match
lies in a run of tokens satisfying its own specs, holds its anchor, is at least as long as its
shortest pattern's required tokens, and starts (ends) with a token that can start (end) one of
its patterns; so a run is cut to what each group's Matcher must see. The token classes come
from the plain ints of the Doc's view and a cache per (text, tag, POS), never from Token
objects (the Matcher's cost is per token, and so is a Token's). Spec attributes other than
ORTH/TEXT, TAG, POS and the extensions the caller describes by a regex make a spec match
anything (always correct, only slower).
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Iterable

from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .docview import view

_CACHE_MAX = 200_000       # (text, tag, POS) classes remembered (then the cache restarts)
_MEMO_MAX = 20_000         # token sequences whose matches are remembered (some 600 bytes each)
# Values that make a spec a poor anchor: they are everywhere in running text.
_COMMON = re.compile(r"^[\u3040-\u309f\W]$")
_OPS = (None, "1", "+", "?", "*")           # quantifiers whose tokens the prefilter understands
_REQUIRED = (None, "1", "+")
_ANNOTATIONS = {"TAG", "POS", "MORPH", "LEMMA", "DEP"}   # that the Matcher checks a Doc has
_MEMO_READS = {"ORTH", "TEXT", "TAG", "POS", "OP", "_"}   # a token's text, tag, POS; extensions
# a token's first class: not matchable, matchable, an anchor (so matchable); a maximal run of
# matchable tokens holding an anchor, over one byte a token (tried only where a run starts:
# linear time)
_OUT, _IN, _ANCHOR = 0, 1, 2
_RUN = re.compile(rb"(?<![\x01\x02])\x01*\x02[\x01\x02]*")


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
    """The specs of one role (matchable, an anchor group, a group's patterns), merged per kind."""

    def __init__(self, specs: Iterable[_Spec]):
        specs = list(specs)
        self.any = any(s.kind == "any" for s in specs)
        self.texts = frozenset().union(*(s.value for s in specs if s.kind == "texts"))
        # a date part recurs in a hundred specs: each distinct pattern is tested once
        self.patterns = list(dict.fromkeys((s.value.pattern, s.value.flags)
                                           for s in specs if s.kind == "regex"))
        self.regex = _either(self.patterns)
        tags = set().union(*(s.value for s in specs if s.kind == "tags"))
        self.tags = frozenset(get_string_id(t) for t in tags)
        self.pos = frozenset().union(*(s.value for s in specs if s.kind == "pos"))

    def holds(self, text: str, tag: int, pos: int) -> bool:
        return self.any or tag in self.tags or pos in self.pos or text in self.texts \
            or (self.regex is not None and self.regex.search(text) is not None)


class _GroupBits:
    """Which groups a token satisfies in one role (anchor, kin, first, last), by lookups: the
    bits of the groups per text, tag and POS value and per distinct regex."""

    def __init__(self, classes: list[_Classes]):
        self.any = sum(1 << g for g, c in enumerate(classes) if c.any)
        self.texts: dict[str, int] = {}
        self.tags: dict[int, int] = {}
        self.pos: dict[int, int] = {}
        self.regexes: dict[tuple[str, int], int] = {}
        for g, c in enumerate(classes):
            for table, values in ((self.texts, c.texts), (self.tags, c.tags), (self.pos, c.pos),
                                  (self.regexes, c.patterns)):
                for v in values:
                    table[v] = table.get(v, 0) | 1 << g

    def of(self, text: str, tag: int, pos: int, found: set[tuple[str, int]]) -> int:
        """`found`: the regexes (pattern, flags) that find a match in `text`."""
        bits = self.any | self.texts.get(text, 0) | self.tags.get(tag, 0) | self.pos.get(pos, 0)
        for regex in found:         # few or none: cheaper than a test per regex of the role
            bits |= self.regexes.get(regex, 0)
        return bits


class _AnyOf:
    """Regexes searched one by one (they could not be joined into one)."""

    def __init__(self, regexes: list[re.Pattern]):
        self.regexes = regexes

    def search(self, text: str):
        return next((m for r in self.regexes if (m := r.search(text))), None)


# a pattern that refers to a group by number changes meaning inside a join
_NUMBERED_REF = re.compile(r"\\[1-9]|\(\?\(")


def _either(distinct: list[tuple[str, int]]) -> re.Pattern | _AnyOf | None:
    """What finds a match where any of the (pattern, flags) does: one joined regex when it is
    safe."""
    if len(distinct) <= 1:
        return re.compile(*distinct[0]) if distinct else None
    flags = {f for _, f in distinct}
    if len(flags) == 1 and not any(_NUMBERED_REF.search(p) for p, _ in distinct):
        try:
            return re.compile("|".join(f"(?:{p})" for p, _ in distinct), flags.pop())
        except re.error:        # a group name used twice
            pass
    return _AnyOf([re.compile(p, f) for p, f in distinct])


class _Group:
    """Patterns that share an anchor: the specs the prefilter tests for them."""

    def __init__(self):
        self.anchors: list[_Spec] = []
        self.kin: list[_Spec] = []          # every spec of the patterns
        self.firsts: list[_Spec] = []       # the specs a match's first token may satisfy
        self.lasts: list[_Spec] = []        # ... its last token
        self.pairs: list[tuple[str, list[dict]]] = []
        self.lengths: list[int] = []        # the required tokens of each pattern

    def add(self, key: str, pattern: list[dict], specs: list[_Spec], ops: list,
            anchors: list[_Spec], required: int):
        self.anchors += anchors
        self.kin += specs
        self.firsts += _leading(specs, ops)
        self.lasts += _leading(specs[::-1], ops[::-1])
        self.pairs.append((key, pattern))
        self.lengths.append(max(required, 1))

    @staticmethod
    def union(groups: Iterable["_Group"]) -> "_Group":
        out = _Group()
        for g in groups:
            for name, value in vars(g).items():
                getattr(out, name).extend(value)
        return out


def _leading(specs: list[_Spec], ops: list) -> list[_Spec]:
    """The specs a match's first token may satisfy: up to the first required one."""
    out = []
    for spec, op in zip(specs, ops):
        out.append(spec)
        if op in _REQUIRED:
            break
    return out


class PrefilteredMatcher:
    """`matcher(doc)`'s (key, start, end) triples, computed only on the spans that can hold a
    match. Built from the (key, pattern) pairs of the Matcher it stands for.

    `grouped`: the patterns are split by their anchor into Matchers of their own, and a span
    meets only the Matchers whose anchors it holds (a span `54` never meets the hundred
    patterns anchored on 年). The triples are then the same set, not in the Matcher's order:
    for callers that rank the matches themselves. Ungrouped, one Matcher sees each whole run
    that some anchor group could match in, and the order is the Matcher's."""

    def __init__(self, keyed: Iterable[tuple[str, list[dict]]],
                 extensions: dict[str, re.Pattern] | None = None, grouped: bool = False,
                 memo: bool = False):
        """`extensions`: for a token extension a spec may require to be True, a regex every
        such token's text satisfies (a necessary condition is enough). `memo`: the patterns
        read nothing but a token's text, tag and POS (and extensions computed from them
        alone), so the Matcher's answer on a token sequence can be remembered."""
        every: list[_Spec] = []
        groups: dict[tuple, _Group] = {}            # by anchor
        pairs: list[tuple[str, list[dict]]] = []    # every (key, pattern), in order
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
            group = groups.setdefault(tuple(a.key() for a in anchors), _Group())
            group.add(key, pattern, specs, ops, anchors, len(required))
            pairs.append((key, pattern))
        if len(groups) > 63:        # too many Matchers: one for all
            groups = {(): _Group.union(groups.values())}
        groups = list(groups.values())
        self.matchable = _Classes(every)
        self.anchors = [_Classes(g.anchors) for g in groups]
        self.kin = [_Classes(g.kin) for g in groups]
        self.firsts = [_Classes(g.firsts) for g in groups]
        self.lasts = [_Classes(g.lasts) for g in groups]
        self.matchers = [_matcher(g.pairs) for g in groups] if grouped else [_matcher(pairs)]
        self.grouped = grouped
        self.min_lens = [min(g.lengths) for g in groups]
        self.min_len = min(self.min_lens, default=1)
        self._classes: dict[tuple[int, int, int], tuple] = {}
        self._roles = [_GroupBits(c) for c in (self.anchors, self.kin, self.firsts, self.lasts)]
        self._regexes = {k: re.compile(*k) for role in self._roles for k in role.regexes}
        read = {a.upper() for _, p in pairs for t in p for a in t}
        self._memo: dict | None = {} if memo and read <= _MEMO_READS else None
        self._run_memo: dict = {}
        self._needs = sorted(read & _ANNOTATIONS)

    def spans(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(start, end, anchor group bits) of the runs of matchable tokens holding an anchor."""
        return self._runs(self._token_classes(doc, _token_keys(doc)))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        keys = _token_keys(doc)
        classes = self._token_classes(doc, keys)
        memo = self._memo if self._memo is not None and self._annotated(doc) else None
        out: list[tuple[int, int, int]] = []
        for start, end, held in self._runs(classes):
            if memo is None:
                out.extend(self._in_run(doc, keys, classes, start, end, held, None))
                continue
            # a run's matches depend on its tokens alone: remembered per run too (whole
            # sentences of dates and figures recur), in the run's offsets
            seq = tuple(keys[start:end])
            found = self._run_memo.get(seq)
            if found is None:
                if len(self._run_memo) >= _MEMO_MAX:
                    self._run_memo.clear()
                found = self._run_memo[seq] = [
                    (key, s - start, e - start)
                    for key, s, e in self._in_run(doc, keys, classes, start, end, held, memo)]
            out.extend([(key, start + s, start + e) for key, s, e in found])
        # a key whose patterns sit in several groups may match a span twice (the Matcher
        # reports each (key, start, end) once)
        return list(dict.fromkeys(out)) if self.grouped else out

    def _in_run(self, doc: Doc, keys: list, classes: list[tuple], start: int, end: int,
                held: int, memo: dict | None) -> list[tuple[int, int, int]]:
        """The triples of the Matchers of the anchor groups `held` in the run [start, end)."""
        out: list[tuple[int, int, int]] = []
        groups = [g for g in range(len(self.anchors)) if held >> g & 1]
        if not self.grouped:
            if any(next(self._pieces(classes, start, end, g), None) for g in groups):
                out.extend(self._match(0, doc, keys, start, end, memo))
            return out
        for g in groups:
            for s, e in self._pieces(classes, start, end, g):
                out.extend(self._match(g, doc, keys, s, e, memo))
        return out

    def _runs(self, classes: list[tuple]) -> list[tuple[int, int, int]]:
        """Maximal runs of matchable tokens with the anchor bits they hold (an anchor token is
        matchable: its spec is one of all the specs). The runs are found by a regex over one
        byte a token, not a Python loop over the Doc."""
        out = []
        for run in _RUN.finditer(bytes(map(itemgetter(0), classes))):
            start, end = run.span()
            held = 0
            for c in classes[start:end]:
                held |= c[1]
            if end - start >= self.min_len:
                out.append((start, end, held))
        return out

    def _pieces(self, classes: list[tuple], start: int, end: int, group: int):
        """The parts of a run that group `group`'s Matcher must see: runs of tokens satisfying
        a spec of its own patterns (a token `の` between `4` and `日` may join a run for some
        other group's patterns), cut to the first token that can start one of its matches and
        the last that can end one, that hold one of its anchors."""
        bit = 1 << group
        first, anchored = start, False
        for i in range(start, end + 1):
            if i == end or not classes[i][2] & bit:
                # a part with none of the group's anchors is never a piece: not trimmed
                piece = self._trimmed(classes, first, i, bit) if anchored else None
                if piece is not None and piece[1] - piece[0] >= self.min_lens[group]:
                    yield piece
                first, anchored = i + 1, False
            elif classes[i][1] & bit:
                anchored = True

    @staticmethod
    def _trimmed(classes: list[tuple], start: int, end: int, bit: int) -> tuple[int, int] | None:
        """[start, end) without the tokens before any match's first token or after its last
        one, or None when it holds no anchor there."""
        while start < end and not classes[start][3] & bit:
            start += 1
        while end > start and not classes[end - 1][4] & bit:
            end -= 1
        if any(classes[i][1] & bit for i in range(start, end)):
            return start, end
        return None

    def _match(self, m: int, doc: Doc, keys: list, start: int, end: int,
               memo: dict | None) -> list[tuple[int, int, int]]:
        """Matcher m's triples on doc[start:end], in Doc offsets. With a memo, remembered
        per token sequence: the same dates (17日, 2月24日) recur from Doc to Doc."""
        if memo is None:
            found = _run_matcher(self.matchers[m], doc, start, end)
        else:
            seq = (m, tuple(keys[start:end]))
            found = memo.get(seq)
            if found is None:
                if len(memo) >= _MEMO_MAX:
                    memo.clear()
                found = memo[seq] = _run_matcher(self.matchers[m], doc, start, end)
        return [(key, start + s, start + e) for key, s, e in found]

    def _annotated(self, doc: Doc) -> bool:
        """The Doc has every annotation the patterns read (else the Matcher itself must
        see it, and raise)."""
        return all(doc.has_annotation(attr) for attr in self._needs)

    def _token_classes(self, doc: Doc, keys: list[tuple[int, int, int]]) -> list[tuple]:
        """Per token: (_OUT, _IN or _ANCHOR, then the bits of the groups for which it
        satisfies an anchor, any spec, a spec that may start a match, one that may end it),
        remembered per (text, tag, POS)."""
        classes = list(map(self._classes.get, keys))
        if None in classes:             # a (text, tag, POS) not seen yet
            classes = [c or self._classify(k, w) for k, w, c in zip(keys, view(doc).words, classes)]
        return classes

    def _classify(self, key: tuple[int, int, int], text: str) -> tuple:
        """The classes of a token of this (ORTH, TAG, POS) key and text."""
        if len(self._classes) >= _CACHE_MAX:
            self._classes.clear()
        _, tag, pos = key
        if not self.matchable.holds(text, tag, pos):     # so none of the narrower classes
            c = (_OUT, 0, 0, 0, 0)
        else:
            # the matchable specs' regexes joined: when it finds nothing, none of them does
            found = {k for k, regex in self._regexes.items() if regex.search(text)} \
                if self.matchable.regex is not None and self.matchable.regex.search(text) else ()
            bits = tuple([role.of(text, tag, pos, found) for role in self._roles])
            c = (_ANCHOR if bits[0] else _IN,) + bits
        self._classes[key] = c
        return c


def _matcher(pairs: list[tuple[str, list[dict]]]) -> Matcher:
    matcher = Matcher(Vocab())
    for key, pattern in pairs:
        matcher.add(key, [pattern])
    return matcher


def _run_matcher(matcher: Matcher, doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
    """The Matcher's triples on doc[start:end], in the span's offsets."""
    return matcher(doc if start == 0 and end == len(doc) else doc[start:end])


def _token_keys(doc: Doc) -> list[tuple[int, int, int]]:
    """(ORTH, TAG, POS) of each token: plain ints from the Doc's view, no Token objects."""
    return view(doc).token_keys


