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

import re

from spacy.matcher import Matcher
from spacy.parts_of_speech import AUX
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..parse.doctext import text_of
from .docview import DocView, fresh_view
from .mention import Mention
from .prefilter import PrefilteredMatcher
from ..rules.date_patterns import DateRule

class DateTagger:
    """Callable: Doc → DATE mentions (char offsets into doc.text), built once per rules dir."""

    def __init__(self, rules):
        self.planned = _planned_cues(rules.lexicon)
        self.planned_ids = frozenset(get_string_id(w) for w in self.planned)
        self.caption_openers = rules.gazetteer.caption_openers
        rules, patterns = rules.date_patterns
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
        # only the runs of tokens that can be part of a date, holding a token every match of
        # its pattern needs (a digit, a date word...), reach the Matcher: the same matches
        self.find = PrefilteredMatcher(((f"{r}#{a}#{b}", p) for (r, a, b), ps in by_key.items()
                                        for p in ps), grouped=True, memo=True)

    def __call__(self, doc: Doc) -> list[Mention]:
        v = fresh_view(doc)         # the first tagger: the Doc's view, shared with the next ones
        cands = self._candidates(doc)
        if not cands:
            return []
        return [Mention(v.starts[s], v.ends[e - 1], "DATE", rule.id,
                        tuple(h for h in rule.hints if h[0] != "drop") + self._tense(v, s, e)
                        + self._caption(doc, v.starts[s]))
                for s, e, rule in _longest(v, cands) if not rule.drop]

    def _candidates(self, doc: Doc) -> list[tuple[int, int, int, DateRule]]:
        """(start, end, match length with context, rule) of every match, context cut off."""
        cands = []
        for key, start, end in self.find(doc):
            rule_id, pre, post = self.keys[key]
            if end - post > start + pre:
                cands.append((start + pre, end - post, end - start, self.rules[rule_id]))
        return cands

    def _caption(self, doc: Doc, at: int) -> tuple:
        """("zone", "caption") for a photo's date (SPEC §7: a bare day never takes its month
        from a photo caption): a date written right after = or ＝ (…避難する住民=14日、ヘルソン), or
        inside a sentence that opens with a caption word of rules/credit_lines.tsv followed by a
        particle or punctuation (写真は…で7日、…, 【写真】…, a Markdown image `![…`). `at`: the
        date's first character."""
        text = text_of(doc)
        before = text[:at].rstrip(" \u3000")
        if before.endswith(("=", "＝")):
            return (("zone", "caption"),)
        if not self.caption_openers:
            return ()
        cut = max(before.rfind(ch) for ch in "。！？?\n【")     # 【 opens a dateline: the body
        opening = _LEADING.sub("", before[cut + 1:])
        for word in self.caption_openers:
            rest = opening[len(word):len(word) + 1]
            if opening.startswith(word) and (not _WORD_LETTER.match(rest) or not word[-1:].isalnum()):
                return (("zone", "caption"),)
        return ()

    def _tense(self, v: DocView, start: int, end: int) -> tuple:
        """("tense", "past") when the sentence reports in the past (a た after the date) and
        nothing on the way from the date to the root is planned or expected (the `planned`
        words of rules/event_cues.tsv, 見通し, 可能性…): the normaliser then never puts the
        date after the dct (SPEC §7)."""
        i, seen = end - 1, 0
        while seen < 12:
            if any(self._is_planned(v, t) for t in [i] + _aux_children(v, i)):
                return ()
            if v.heads[i] == i:
                break
            i, seen = v.heads[i], seen + 1
        after = range(end, v.sent_end(start))
        if any(v.lemma_ids[t] == _TA and v.pos_ids[t] == AUX for t in after):
            return (("tense", "past"),)
        return ()

    def _is_planned(self, v: DocView, i: int) -> bool:
        return v.lemma_ids[i] in self.planned_ids or v.orth_ids[i] in self.planned_ids


def _aux_children(v: DocView, i: int) -> list[int]:
    """Token i's children tagged AUX (as `[c for c in doc[i].children if c.pos_ == "AUX"]`)."""
    return v.children_of_pos(i, AUX)


_TA = get_string_id("た")
# what may come before a caption word at a sentence's start: space, bullets, opening brackets
_LEADING = re.compile(r"^[\s\u3000・•●■◆▶【\[(（「]*")
# a letter that continues a word (写真集, 写真家: not a caption)
_WORD_LETTER = re.compile(r"[\u4E00-\u9FFF\u3005\u30A0-\u30FFA-Za-z0-9]")


def _planned_cues(lexicon) -> frozenset[str]:
    """Words that make what follows planned or expected: the cues of value `planned` and the
    `expect` cues of rules/event_cues.tsv (見通し, 可能性)."""
    planned = {cue for table in lexicon.cues.values() for cue, v in table.items() if v == "planned"}
    return frozenset(planned | set(lexicon.cues["expect"]))


def _longest(v: DocView, cands) -> list[tuple[int, int, DateRule]]:
    """Greedy by span length in characters; ties: longer match with context, earlier rule."""
    ranked = sorted(cands, key=lambda c: (-(v.ends[c[1] - 1] - v.starts[c[0]]),
                                          -c[2], c[3].order, c[0]))
    taken: set[int] = set()
    out = []
    for start, end, _, rule in ranked:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            out.append((start, end, rule))
    return sorted(out, key=lambda c: c[0])
