"""Is a trigger word used in its event sense? The `needs` column of rules/triggers.tsv, checked
against the arguments found and the parse (支援 of a policy, 打撃 to an economy are not events)."""
from __future__ import annotations

from .arguments import ArgumentFinder, Found, Predicate
from .lexicon import Condition
from .phrases import compound_chain
from .syntax import content_children, function_words, is_verbal, raw_marker


def in_sense(pred: Predicate, found: list[Found], finder: ArgumentFinder,
             event_nouns: set[str]) -> bool:
    if _hypothetical(pred, finder):
        return False
    nominal = pred.light is None and not is_verbal(pred.anchor)
    if pred.cand.rule.frame == "speech" and nominal and not found \
            and not _has_quote(pred, finder, event_nouns):
        return False                      # その発言は波紋を広げた: a speech noun as a topic
    if nominal and not found and len(pred.chain) == 1 and raw_marker(pred.anchor) != "が":
        return False                      # 停戦交渉は難航: a bare noun used as a label
    needs = pred.cand.rule.needs
    return not needs or any(_holds(c, pred, found, finder, event_nouns) for c in needs)


def _hypothetical(pred: Predicate, finder: ArgumentFinder) -> bool:
    """北朝鮮軍が派兵されれば: a conditional asserts, reports, plans or denies nothing."""
    words = [f for t in [pred.anchor] + ([pred.light] if pred.light is not None else [])
             for f in function_words(t)]
    return any(finder.lex.is_cue("conditional", w.text) for w in words)


def _holds(cond: Condition, pred: Predicate, found: list[Found], finder: ArgumentFinder,
           event_nouns: set[str]) -> bool:
    if cond.what == "light":
        return pred.light is not None or is_verbal(pred.anchor)
    if cond.what == "quote":
        return _has_quote(pred, finder, event_nouns)
    if cond.what == "mod":
        mods = [c for t in pred.chain for c in t.children
                if c.i < t.i and finder.marker(c) in ("compound", "の", "")]
        texts = ["".join(t.text for t in compound_chain(c)) for c in mods]
        return any(_fits(cond.values, (), c.lemma_, x) for c, x in zip(mods, texts))
    return any(f.role == cond.what and _fits(cond.values, f.arg.classes, f.arg.head.lemma_,
                                             f.arg.text) for f in found)


def _fits(values, classes, lemma: str, text: str) -> bool:
    if not values:
        return True
    return any(v[1:] in classes if v.startswith("@") else (lemma == v or text.endswith(v))
               for v in values)


def _has_quote(pred: Predicate, finder: ArgumentFinder, event_nouns: set[str]) -> bool:
    """A と-clause, or an event or content noun as object (関与を認めた, 情報を伝えた)."""
    for t in [pred.anchor] + ([pred.light] if pred.light is not None else []):
        for c in content_children(t):
            m = raw_marker(c)
            if m.startswith("と") and c.i < t.i:
                return True
            if finder.marker(c) in ("を", "が", "も") and \
                    (c.lemma_ in event_nouns or finder.lex.is_cue("content", c.lemma_)):
                return True
    return False
