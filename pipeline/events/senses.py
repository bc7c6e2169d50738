"""Is a trigger word used in its event sense? The `needs` column of rules/triggers.tsv, checked
against the arguments found and the parse (支援 of a policy, 打撃 to an economy are not events)."""
from __future__ import annotations

from .arguments import ArgumentFinder, Found, Predicate
from .lexicon import Condition
from .syntax import content_children, is_verbal, raw_marker


def in_sense(pred: Predicate, found: list[Found], finder: ArgumentFinder,
             event_nouns: set[str]) -> bool:
    needs = pred.cand.rule.needs
    return not needs or any(_holds(c, pred, found, finder, event_nouns) for c in needs)


def _holds(cond: Condition, pred: Predicate, found: list[Found], finder: ArgumentFinder,
           event_nouns: set[str]) -> bool:
    if cond.what == "light":
        return pred.light is not None or is_verbal(pred.anchor)
    if cond.what == "quote":
        return _has_quote(pred, finder, event_nouns)
    if cond.what == "mod":
        mods = [c for t in pred.chain for c in t.children
                if c.i < t.i and finder.marker(c) in ("compound", "の", "")]
        return any(_fits(cond.values, (), c.lemma_, c.text) for c in mods)
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
            if finder.marker(c) == "を" and (c.lemma_ in event_nouns
                                            or finder.lex.is_cue("content", c.lemma_)):
                return True
    return False
