"""NUMBER mentions: a spaCy Matcher over GiNZA tokens (SPEC §4, GUIDELINES §4).

A numeral is a token made of digits / kanji numerals / 数 that GiNZA tags as a number (NUM,
名詞-数詞 or like_num); GiNZA already merges `1万1000`, `4千`, `2.5万`, `1,500`. Patterns, each a
rule id on the mention:
- `number.plain`: [prefix] numeral+ [余] counter [suffix]          (約5万人, 300万発以上)
- `number.range`: [prefix] numeral+ [counter] ~|- numeral+ counter  (約400-500人, 8000~1万人)
- `number.fused`: [prefix] numeral* numeral-and-counter token      (数千人, 十人, 二人 are one
  token for GiNZA)
Counters and qualifiers come from rules/counters.tsv and rules/qualifiers.tsv. A date, age or
ordinal never matches because its counter (年, 歳, 番目…) is not a quantity counter; bare numbers
(footnote markers `扱う1。`, ranking items, identifiers like S-400) never match because a
NUMBER needs its counter. Candidates are then dropped when they are ordinals (第3波, 3人目),
calibres (155mm), measures naming a thing (300km射程), lexicalised words (一度), or join two
numbers across a space (MiG-29 2機). Overlaps keep the longest. Detached qualifiers found
right after / before the span (2000人を超える, 最大で3万人) go into `hints`.
"""
from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..parse.doctext import text_of
from .docview import view
from .mention import Mention
from .prefilter import PrefilteredMatcher
from ..rules.numbers import NUMERAL_CHARS, QUANTITY_KINDS, NumberRules

_EXT = "number_tagger_numeral"  # Token extension; a unique name so no other tagger clashes
_NUMERAL_TEXT = re.compile(rf"(?=.*[0-9〇一二三四五六七八九十百千万億兆数])[{NUMERAL_CHARS}]+")
_NUMERAL_TAG = "名詞-数詞"
_RANGE_MARKS = ["~", "-", "‐", "−", "–", "—"]
# A measure unit compounded into a following common/proper noun makes a name (300km射程,
# 38度線); relational/adverbial nouns (10km先) and non-compounds (約800km東) do not.
_NAME_NOUN_TAGS = ("名詞-普通名詞-一般", "名詞-固有名詞")
_ID_CHARS = set("/_#@=&?:\\")
_NEGATIONS = {"ない", "ず", "ぬ", "ん"}


def _is_numeral(token: Token) -> bool:
    return bool(_NUMERAL_TEXT.fullmatch(token.text)) and (
        token.pos_ == "NUM" or token.tag_ == _NUMERAL_TAG or token.like_num)


Token.set_extension(_EXT, getter=_is_numeral, force=True)


class NumberTagger:
    """Callable: Doc → NUMBER mentions (char offsets into doc.text)."""

    def __init__(self, rules):
        self.rules: NumberRules = rules.numbers
        counters = [c for c in self.rules.counters if c.kind in QUANTITY_KINDS]
        self.unit_kind = {c.surface: c.kind for c in counters}
        self.suffix = {q.surface for q in self.rules.qualifiers_at("suffix")
                       if "reject" not in q.effects}
        self.reject_before = {q.surface for q in self.rules.qualifiers_at("prefix")
                              if "reject" in q.effects}
        self.reject_after = {q.surface for q in self.rules.qualifiers_at("suffix")
                             if "reject" in q.effects}
        self.infix = {q.surface for q in self.rules.qualifiers_at("infix")}
        self.matcher = Matcher(Vocab())
        patterns = _patterns(self.rules, counters)
        for key, pats in patterns.items():
            self.matcher.add(key, pats)
        # the Matcher sees only runs of tokens that can be part of a NUMBER holding a numeral
        # or a fused number+counter token: the same matches (pipeline.tagging.prefilter); the
        # numeral extension reads only a token's text, tag, POS and like_num (its text)
        self.find = PrefilteredMatcher([(k, p) for k, ps in patterns.items() for p in ps],
                                       {_EXT: re.compile(rf"^(?:{_NUMERAL_TEXT.pattern})\Z")},
                                       memo=True)

    def __call__(self, doc: Doc) -> list[Mention]:
        found = self.find(doc)
        if not found:
            return []
        toks = _Tokens(doc)
        cands = [(start, end, self.matcher.vocab.strings[key]) for key, start, end in found
                 if self._keep(toks, start, end)]
        return [self._mention(toks, start, end, rule) for start, end, rule in _longest(cands)]

    # --- filters -------------------------------------------------------------------------
    def _keep(self, toks: "_Tokens", start: int, end: int) -> bool:
        first, last, unit_start, unit_end = self._parts(toks, start, end)
        core, unit = toks.span_text(first, last), toks.span_text(unit_start, unit_end)
        after = end if end < len(toks) else None
        if first > 0 and toks.text(first - 1) in self.reject_before:
            return False                                  # 第3波: ordinal
        if after is not None and toks.text(after) in self.reject_after:
            return False                                  # 3人目, 2回目: ordinal
        if _identifier_context(toks.doc_text, toks.idx[start], toks.ends[end - 1]):
            return False                                  # URL paths, codes: /00m/
        if _space_between_numerals(toks, first, last):
            return False                                  # MiG-29 2機
        if core + unit in self.rules.lexical:
            return False                                  # 一度 split as 一|度
        if first > start and re.match(r"数[0-9]", core):
            return False                                  # 約数100: tokenisation noise
        if self.unit_kind.get(unit) == "measure" and after is not None \
                and unit_end == end and toks.tag(after).startswith(_NAME_NOUN_TAGS) \
                and toks.dep(unit_end - 1) == "compound" and toks.head[unit_end - 1] >= after:
            return False                                  # 300km射程, 38度線: part of a name
        return True

    def _parts(self, toks: "_Tokens", start: int, end: int) -> tuple[int, int, int, int]:
        """(first, end of the numerals incl. a range, unit start, unit end) of a match:
        suffix qualifiers are stripped from the end, then the longest counter (km|2 is one
        counter)."""
        first = next(i for i in range(start, end) if toks.numeral(i) or self._fused(toks.text(i)))
        while end > first + 1 and toks.text(end - 1) in self.suffix:
            end -= 1
        unit_start = end
        for n in (3, 2, 1):
            if end - n > first and toks.span_text(end - n, end) in self.unit_kind:
                unit_start = end - n
                break
        last = unit_start
        while last > first + 1 and toks.text(last - 1) in self.infix:
            last -= 1
        return first, last, unit_start, end

    def _fused(self, text: str) -> bool:
        m = re.match(rf"[{NUMERAL_CHARS}]+", text)
        return bool(m) and text[m.end():] in self.unit_kind

    # --- output --------------------------------------------------------------------------
    def _mention(self, toks: "_Tokens", first: int, last: int, rule: str) -> Mention:
        start, end = toks.idx[first], toks.ends[last - 1]
        doc = toks.doc
        if re.match(r"数[0-9]", toks.doc_text[start:end]):
            start += 1                                    # 死者数1000人 → GiNZA: 数100|0|人
        hints = []
        found = _detached_before(doc, start, self.rules.qualifiers_at("before"))
        if found:
            hints.append(("before", found))
        found = _detached_after(doc, end, self.rules.qualifiers_at("after"))
        if found:
            hints.append(("after", found))
        return Mention(start, end, "NUMBER", rule, tuple(hints))


class _Tokens:
    """A Doc's tokens as plain lists (its view, shared with the other taggers): a token's or a
    range's text is a slice of the Doc's text, no Token or Span object is built."""

    def __init__(self, doc: Doc):
        self.doc, self.view = doc, view(doc)
        self.doc_text, self.idx, self.ends, self.head = (
            self.view.text, self.view.starts, self.view.ends, self.view.heads)

    def __len__(self) -> int:
        return len(self.idx)

    def text(self, i: int) -> str:
        return self.doc_text[self.idx[i]:self.ends[i]]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as `doc[start:end].text`."""
        return self.doc_text[self.idx[start]:self.ends[end - 1]] if end > start else ""

    def numeral(self, i: int) -> bool:
        return _is_numeral(self.doc[i])

    def whitespace(self, i: int) -> bool:
        """Token i (not the last) is followed by a space."""
        return self.idx[i + 1] > self.ends[i]

    def tag(self, i: int) -> str:
        return self.view.tags[i]

    def dep(self, i: int) -> str:
        return self.view.deps[i]


def _patterns(rules: NumberRules, counters) -> dict[str, list[list[dict]]]:
    numeral = {"_": {_EXT: True}}
    single = sorted({c.surface for c in counters} | {t for c in counters if len(c.tokens) == 1
                                                     for t in c.tokens})
    multi = [c.tokens for c in counters if len(c.tokens) > 1]
    counter_forms = [[{"ORTH": {"IN": single}}]] + [[{"ORTH": t} for t in seq] for seq in multi]
    pre_one, pre_multi = _qualifier_forms(rules, "prefix")
    suf_one, suf_multi = _qualifier_forms(rules, "suffix")
    # Attached qualifiers may stack (最大約3万人, 3000人程度以上); multi-token ones (少なく とも)
    # come as separate variants to keep the pattern count small.
    prefixes = [[{**pre_one, "OP": "*"}]] + [seq + [{**pre_one, "OP": "*"}] for seq in pre_multi]
    suffixes = [[{**suf_one, "OP": "*"}]] + [[{**suf_one, "OP": "*"}] + seq for seq in suf_multi]
    infix = {"ORTH": {"IN": [q.surface for q in rules.qualifiers_at("infix")]}, "OP": "?"}
    sep = {"ORTH": {"IN": _RANGE_MARKS}}
    units = "|".join(map(re.escape, single))
    fused = {"TEXT": {"REGEX": rf"^[0-9〇一二三四五六七八九十百千万億兆数][{NUMERAL_CHARS}]*(?:{units})$"},
             "ORTH": {"NOT_IN": sorted(rules.lexical)}}
    out: dict[str, list] = {"number.plain": [], "number.range": [], "number.fused": []}
    for pre in prefixes:
        for suf in suffixes:
            for cnt in counter_forms:
                out["number.plain"].append(pre + [{**numeral, "OP": "+"}, infix] + cnt + suf)
                out["number.range"].append(pre + [{**numeral, "OP": "+"},
                                                  {"ORTH": {"IN": single}, "OP": "?"}, sep,
                                                  {**numeral, "OP": "+"}, infix] + cnt + suf)
            out["number.fused"].append(pre + [{**numeral, "OP": "*"}, fused] + suf)
    return out


def _qualifier_forms(rules: NumberRules, position: str) -> tuple[dict, list[list[dict]]]:
    """(one token dict for all one-token qualifiers, token sequences of multi-token ones).
    A multi-token qualifier also matches as one joined token. Verbs are never attached
    qualifiers (超えた is detached)."""
    quals = [q for q in rules.qualifiers_at(position) if "reject" not in q.effects]
    one = {"ORTH": {"IN": sorted({q.surface for q in quals})}, "POS": {"NOT_IN": ["VERB", "AUX"]}}
    multi = [[{"ORTH": t} for t in q.tokens] for q in quals if len(q.tokens) > 1]
    return one, multi


def _longest(cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping candidates, longest first, then earliest (like spacy.util.filter_spans)."""
    taken: set[int] = set()
    kept = []
    for start, end, rule in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not taken.intersection(range(start, end)):
            kept.append((start, end, rule))
            taken.update(range(start, end))
    return sorted(kept, key=lambda c: c[0])


def _identifier_context(text: str, start: int, end: int) -> bool:
    """A span glued to URL/code characters is part of an identifier, not a quantity."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (text[start].isascii() and text[start].isdigit() and bool(before)
            and (before in _ID_CHARS or (before.isascii() and before.isdigit()))) or \
        (text[end - 1].isascii() and text[end - 1].isalnum() and bool(after)
         and (after in _ID_CHARS or (after.isascii() and after.isalnum())))


def _space_between_numerals(toks: _Tokens, first: int, last: int) -> bool:
    return any(toks.whitespace(i) and toks.numeral(i + 1) for i in range(first, last - 1))


def _detached_after(doc: Doc, end: int, qualifiers) -> str | None:
    """The token-aligned text of a detached qualifier starting at `end` (を超え for を超えた)."""
    following = text_of(doc)[end:end + 16]
    for q in qualifiers:
        if following.startswith(q.surface):
            span = doc.char_span(end, end + len(q.surface), alignment_mode="expand")
            if span is None or _negated(span):
                return None                               # 1000人を超えなかった: no bound
            return span.text
    return None


def _negated(span: Span) -> bool:
    """The verb chain right after `span` negates it (ない, なかっ, ず, ませ-ん)."""
    for token in span.doc[span.end:span.end + 3]:
        if token.lemma_ in _NEGATIONS:
            return True
        if token.pos_ not in ("AUX", "SCONJ", "VERB"):
            break
    return False


def _detached_before(doc: Doc, start: int, qualifiers) -> str | None:
    """A detached qualifier ending at `start` on a token boundary (最大で3万人)."""
    preceding = text_of(doc)[max(0, start - 16):start]
    for q in qualifiers:
        if preceding.endswith(q.surface) and \
                doc.char_span(start - len(q.surface), start) is not None:
            return q.surface
    return None
