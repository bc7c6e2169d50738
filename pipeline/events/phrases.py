"""What span an argument covers and what class of thing it is.

An argument is the entity mention that covers its head token (exact offsets, so records.py
can link it), else the entity a relational noun hangs on (ロシア領内 → ロシア), else the head
noun with its fused compound (兵士, 地雷除去チーム).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .syntax import dep

NOUN_POS = {"NOUN", "PROPN", "NUM"}
_COUNTRY_TAG = "固有名詞-地名-国"
# Head-noun classes by cue kind, most specific first.
NOUN_KINDS = (("troop", "TROOP"), ("person", "PERSON"), ("arms", "ARMS"))
# Cue kinds whose nouns are clause words (可能性, 事実, 情報), never arguments.
NOT_ARGUMENT_KINDS = ("modal", "fact", "content", "wh", "suffix", "relational", "negator")


@dataclass(frozen=True)
class Arg:
    start: int
    end: int
    head: Token
    classes: tuple[str, ...]
    entity: Span | None

    @property
    def text(self) -> str:
        return self.head.doc.text[self.start:self.end]

    @property
    def label(self) -> str | None:
        return self.entity.label_ if self.entity is not None else None


class Phrases:
    def __init__(self, doc: Doc, lex: Lexicon):
        self.lex = lex
        self.entity_at: dict[int, Span] = {}
        for span in doc.spans.get("entities", []):
            for i in range(span.start, span.end):
                self.entity_at[i] = span

    def of(self, tok: Token) -> Arg | None:
        span = self.entity_at.get(tok.i)
        if span is not None:
            return self._entity_arg(span, tok)
        if tok.pos_ not in NOUN_POS or any(self.lex.is_cue(k, tok.lemma_)
                                           for k in NOT_ARGUMENT_KINDS):
            return None
        chain = compound_chain(tok)
        inner = self._entity_before_relational(chain)
        if inner is not None:
            return self._entity_arg(inner, tok)
        start = chain[0].idx
        text = tok.doc.text[start:tok.idx + len(tok)]
        return Arg(start, tok.idx + len(tok), tok, self.noun_classes(text, tok), None)

    def entity(self, tok: Token) -> Span | None:
        return self.entity_at.get(tok.i)

    def noun_classes(self, text: str, head: Token) -> tuple[str, ...]:
        for kind, cls in NOUN_KINDS:
            if any(text.endswith(w) for w in self.lex.cues[kind]) or \
                    self.lex.is_cue(kind, head.lemma_):
                return (cls, "noun")
        return ("noun",)

    def _entity_arg(self, span: Span, head: Token) -> Arg:
        return Arg(span.start_char, span.end_char, head, self.entity_classes(span), span)

    def entity_classes(self, span: Span) -> tuple[str, ...]:
        label = span.label_
        if label == "PLACE" and all(_COUNTRY_TAG in t.tag_ for t in span):
            return ("COUNTRY", "PLACE")
        if label == "ACTOR" and self.noun_classes(span.text, span[-1])[0] == "TROOP":
            return ("TROOP", "ACTOR")
        return (label,)

    def _entity_before_relational(self, chain: list[Token]) -> Span | None:
        """ロシア領内 / クルスク州周辺: the entity, when only relational nouns follow it."""
        for k, t in enumerate(chain):
            span = self.entity_at.get(t.i)
            if span is None:
                continue
            rest = [r for r in chain[k:] if r.i >= span.end]
            if rest and all(self.lex.is_cue("relational", r.lemma_) for r in rest):
                return span
            return None
        return None


def compound_chain(tok: Token) -> list[Token]:
    """`tok` with the compound/nummod words fused before it (越境攻撃, 地雷除去チーム)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i < t.i and dep(c) in ("compound", "nummod"):
                out.append(c)
                stack.append(c)
    out.sort(key=lambda t: t.i)
    # keep only the contiguous run that ends at tok
    run = [tok]
    for t in reversed(out[:-1]):
        if t.i == run[0].i - 1:
            run.insert(0, t)
        else:
            break
    return run
