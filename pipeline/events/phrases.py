"""What span an argument covers and what class of thing it is.

An argument is the entity mention that covers its head token (exact offsets, so records.py
can link it), else the entity a relational noun hangs on (ロシア領内 → ロシア), else the head
noun with its fused compound (兵士, 地雷除去チーム).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..parse.doctext import text_of
from ..rules.event_lexicon import Lexicon
from .docview import View, view

NOUN_POS = {"NOUN", "PROPN", "NUM"}
_COUNTRY_TAG = "固有名詞-地名-国"
# Head-noun classes by cue kind, most specific first.
NOUN_KINDS = (("troop", "TROOP"), ("person", "PERSON"), ("arms", "ARMS"),
              ("placeish", "PLACEISH"))
# Cue kinds whose nouns are clause words (可能性, 事実, 情報), never arguments.
NOT_ARGUMENT_KINDS = ("modal", "fact", "content", "wh", "suffix", "negator", "linker")
_ADVERBIAL_TAG = "副詞可能"     # その後, 今後, 多く: nouns used as adverbs


@dataclass(frozen=True)
class Arg:
    start: int
    end: int
    head: Token
    classes: tuple[str, ...]
    entity: Span | None

    @property
    def text(self) -> str:
        return text_of(self.head.doc)[self.start:self.end]

    @property
    def label(self) -> str | None:
        return self.entity.label_ if self.entity is not None else None


@dataclass(frozen=True)
class Found:
    """An argument with its role and the rule that gave it (`case:を`, `shared.subject`)."""
    role: str
    arg: Arg
    rule: str


class Phrases:
    def __init__(self, doc: Doc, lex: Lexicon, event_nouns: set[str] = frozenset()):
        self.lex = lex
        self.event_nouns = event_nouns
        self.doc = doc
        self.entity_at: dict[int, Span] = {}
        for span in doc.spans.get("entities", []):
            for i in range(span.start, span.end):
                self.entity_at[i] = span
        self._of: dict[int, Arg | None] = {}     # `of` per token of `doc` (asked many times)
        self._spans: dict[tuple, tuple] = {}     # char offsets and classes per mention
        self._actor_ends: list[int] | None = None
        self._plain_chains: dict[int, list[Token]] = {}   # plain nouns `entity_of` has read

    def of(self, tok: Token) -> Arg | None:
        if tok.doc is not self.doc:
            return self._of_token(tok)
        if tok.i not in self._of:
            self._of[tok.i] = self._of_token(tok)
        return self._of[tok.i]

    def entity_of(self, tok: Token) -> Arg | None:
        """`of(tok)` if it is an entity mention's, else None; a sentence scan asks this of
        every word, and most are plain nouns whose phrase it need not build."""
        if tok.doc is not self.doc:
            a, _ = self._named(tok)
        elif tok.i in self._of:
            a = self._of[tok.i]
        else:
            a, chain = self._named(tok)
            if a is not None or chain is None:
                self._of[tok.i] = a          # what `of` gives too; a plain noun waits for it
            else:
                self._plain_chains[tok.i] = chain
        return a if a is not None and a.entity is not None else None

    def actor_ends(self) -> list[int]:
        """The tokens that close an ACTOR mention, ascending."""
        ends = self._actor_ends
        if ends is None:
            ends = self._actor_ends = sorted(
                i for i, span in self.entity_at.items() if span.label_ == "ACTOR" and span.end - 1 == i)
        return ends

    def may_name(self, i: int) -> bool:
        """Whether `entity_of` can find a mention for token `i` (the first tests of `_named`:
        a scan need not build the Token of a verb or a particle)."""
        if i in self.entity_at:
            return True
        v = view(self.doc)
        return noun_at(v, i) or self.lex.is_cue("portion", v.lemma[i])

    def _of_token(self, tok: Token) -> Arg | None:
        chain = self._plain_chains.pop(tok.i, None) if tok.doc is self.doc else None
        if chain is not None:
            return self._plain(tok, chain)       # `entity_of` found a plain noun
        a, chain = self._named(tok)
        if a is not None or chain is None:
            return a
        return self._plain(tok, chain)

    def _named(self, tok: Token) -> tuple[Arg | None, list[Token] | None]:
        """The entity argument `tok` stands for, else (None, its compound chain) for a
        plain noun, or (None, None) for no argument at all."""
        span = self.entity_at.get(tok.i)
        if span is not None:
            return self._entity_arg(span, tok), None
        v = view(tok.doc)
        lemma = v.lemma[tok.i]
        if self.lex.is_cue("portion", lemma):
            whole = self._group_of(tok)          # 北朝鮮軍の一部 → 北朝鮮軍
            if whole is not None:
                return whole, None
        if not noun_at(v, tok.i) or lemma in self.event_nouns or \
                _ADVERBIAL_TAG in v.tag[tok.i] or \
                lemma in _not_argument_words(self.lex):
            return None, None
        chain = compound_chain(tok)
        if any(v.pos[t.i] == "PRON" for t in chain):
            return None, None             # 彼ら, これら: a pronoun names no one by itself
        inner = self._entity_before_relational(chain) or self._owner_of_relational(tok)
        if inner is not None:
            return self._entity_arg(inner, tok), None
        return None, chain

    def _plain(self, tok: Token, chain: list[Token]) -> Arg | None:
        """A plain noun with its compound and the common nouns joined to it by の."""
        v = view(tok.doc)
        end = v.idx[tok.i] + len(v.text[tok.i])
        start = v.idx[self._common_modifier(chain).i]
        text = text_of(tok.doc)[start:end]
        start += len(text) - len(text.lstrip())
        if not text.strip():
            return None
        return Arg(start, end, tok, self.noun_classes(text.strip(), tok), None)

    def _common_modifier(self, chain: list[Token]) -> Token:
        """欧米の当局者, 軍の幕僚, 国境沿いの一帯: a plain noun joined by の stays in the phrase
        (an entity, a number or a pronoun before の is an argument of its own)."""
        first, head = chain[0], chain[-1]
        v = view(head.doc)
        for c in v.children[head.i]:
            if c < first.i and v.dep[c] == "nmod" and c not in self.entity_at \
                    and v.pos[c] == "NOUN" and _right_texts(v, c) == ["の"] and c + 2 == first.i:
                if not any(t in self.entity_at or v.pos[t] in ("PRON", "NUM", "DET")
                           or t == c and (v.tag[t].startswith("接尾辞") or _ADVERBIAL_TAG in v.tag[t])
                           for t in v.subtree(c)):
                    return compound_chain(v.token(c))[0]
        return first

    def entity(self, tok: Token) -> Span | None:
        return self.entity_at.get(tok.i)

    def noun_classes(self, text: str, head: Token) -> tuple[str, ...]:
        return self._noun_classes(text, view(head.doc).lemma[head.i])

    def _noun_classes(self, text: str, lemma: str) -> tuple[str, ...]:
        for kind, cls in NOUN_KINDS:
            if text.endswith(_endings(self.lex.cues[kind])) or self.lex.is_cue(kind, lemma):
                return (cls, "noun")
        return ("noun",)

    def _entity_arg(self, span: Span, head: Token) -> Arg:
        start, end, classes = self._entity_facts(span)
        return Arg(start, end, head, classes, span)

    def _entity_facts(self, span: Span) -> tuple[int, int, tuple[str, ...]]:
        """Offsets and classes of a mention (read again for each of its tokens)."""
        if span.doc is not self.doc:
            return span.start_char, span.end_char, self.entity_classes(span)
        key = (span.start, span.end, span.label)
        facts = self._spans.get(key)
        if facts is None:
            facts = self._spans[key] = (span.start_char, span.end_char, self.entity_classes(span))
        return facts

    def entity_classes(self, span: Span) -> tuple[str, ...]:
        label = span.label_
        v = view(span.doc)
        if label == "PLACE" and all(_COUNTRY_TAG in v.tag[i] for i in range(span.start, span.end)):
            return ("COUNTRY", "PLACE")
        text = text_of(span.doc)[span.start_char:span.end_char]
        if label == "PLACE" and text.endswith(_endings(self.lex.cues["water"])):
            return ("WATER", "PLACE")           # 日本海, 東シナ海: where a missile falls, no target
        if label == "ACTOR" and self._noun_classes(text, v.lemma[span.end - 1])[0] == "TROOP":
            return ("TROOP", "ACTOR")
        return (label,)

    def _group_of(self, tok: Token) -> Arg | None:
        v = view(tok.doc)
        for c in v.children[tok.i]:
            span = self.entity_at.get(c)
            if c < tok.i and span is not None and span.label_ == "ACTOR" and \
                    _right_texts(v, c) == ["の"]:
                return self._entity_arg(span, v.token(c))
        return None

    def _owner_of_relational(self, tok: Token) -> Span | None:
        """ウクライナの領土 → ウクライナ (a relational noun after の names no place itself;
        中心 部 is one relational noun in two tokens)."""
        v = view(tok.doc)
        whole = "".join(v.text[t.i] for t in compound_chain(tok))
        if not (self.lex.is_cue("relational", v.lemma[tok.i]) or self.lex.is_cue("relational", whole)):
            return None
        for c in v.children[tok.i]:
            span = self.entity_at.get(c)
            if span is None and c < tok.i and _right_texts(v, c) == ["の"]:
                ct = v.token(c)
                span = self._entity_before_relational(compound_chain(ct)) or self._entity_end(ct)
            if c < tok.i and span is not None and span.label_ == "PLACE" and \
                    _right_texts(v, c) == ["の"]:
                return span
        return self._place_before_parenthesis(compound_chain(tok)[0])

    def _place_before_parenthesis(self, first: Token) -> Span | None:
        """キーウ(キエフ)中心部: a place, its other spelling in parentheses, then the
        relational noun."""
        texts, k = view(first.doc).text, first.i - 1
        if k < 0 or texts[k] not in (")", "）"):
            return None
        while k >= 0 and texts[k] not in ("(", "（"):
            k -= 1
        span = self.entity_at.get(k - 1) if k > 0 else None
        return span if span is not None and span.label_ == "PLACE" and span.end == k else None

    def _entity_end(self, tok: Token) -> Span | None:
        """都市スムイ: the entity that ends a compound noun (a classifier before it)."""
        chain = compound_chain(tok)
        span = self.entity_at.get(chain[-1].i)
        return span if span is not None and span.end - 1 == chain[-1].i else None

    def _entity_before_relational(self, chain: list[Token]) -> Span | None:
        """ロシア領内 / クルスク州周辺: the entity, when only relational nouns follow it."""
        for k, t in enumerate(chain):
            span = self.entity_at.get(t.i)
            if span is None:
                continue
            lemmas = view(t.doc).lemma
            rest = [r for r in chain[k:] if r.i >= span.end]
            if rest and all(self.lex.is_cue("relational", lemmas[r.i]) for r in rest):
                return span
            return None
        return None


_ENDINGS: dict[int, tuple[dict, tuple[str, ...]]] = {}


def _endings(table: dict) -> tuple[str, ...]:
    """A cue table's words as one tuple for `str.endswith`, built once per table."""
    hit = _ENDINGS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _ENDINGS[id(table)] = (table, tuple(table))
    return hit[1]


_NOT_ARGUMENT: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _not_argument_words(lex: Lexicon) -> frozenset[str]:
    """The cues of the NOT_ARGUMENT_KINDS as one set, built once per lexicon."""
    hit = _NOT_ARGUMENT.get(id(lex))
    if hit is None or hit[0] is not lex:
        words = frozenset().union(*(lex.cues[k] for k in NOT_ARGUMENT_KINDS))
        hit = _NOT_ARGUMENT[id(lex)] = (lex, words)
    return hit[1]


def is_noun(tok: Token) -> bool:
    """A noun, also where GiNZA's tagger called it a verb (民間人5人) but no する follows."""
    return noun_at(view(tok.doc), tok.i)


def noun_at(v: View, i: int) -> bool:
    if v.space[i] or not v.text[i].strip():
        return False
    if v.pos[i] in NOUN_POS:
        return True
    return v.tag[i].startswith("名詞") and not any(
        v.lemma[c] == "する" for c in v.children[i] if c > i)


def _right_texts(v: View, i: int) -> list[str]:
    """The words hanging on `i` after it (its particles: ["の"])."""
    return [v.text[f] for f in v.children[i] if f > i]


def compound_chain(tok: Token) -> list[Token]:
    """`tok` with the compound/nummod words fused before it (越境攻撃, 地雷除去チーム)."""
    v = view(tok.doc)
    memo = v.table("compound_chain")
    ids = memo.get(tok.i)
    if ids is None:
        ids = memo[tok.i] = _compound_ids(v, tok.i)
    return v.tokens(ids)


def _compound_ids(v: View, i: int) -> list[int]:
    out = [i]
    stack = [i]
    while stack:
        t = stack.pop()
        for c in v.children[t]:
            if c < t and not v.space[c] and _fused(v, c):
                out.append(c)
                stack.append(c)
    out.sort()
    # keep only the contiguous run that ends at i
    run = [i]
    for t in reversed(out[:-1]):
        if t == run[0] - 1:
            run.insert(0, t)
        else:
            break
    return run


def _fused(v: View, c: int) -> bool:
    """A compound or number word, or a particle-less nmod (包括的戦略パートナーシップ条約)."""
    deps = v.dep
    if deps[c] in ("compound", "nummod"):
        return True
    return deps[c] in ("nmod", "amod") and \
        not any(f > c and deps[f] in ("case", "cop", "aux") for f in v.children[c])


def can_speak(a: Arg | None) -> bool:
    """A speaker is an actor or a person-like noun (当局者, 避難民), not 軍事協力関係."""
    return a is not None and bool(set(a.classes) & {"ACTOR", "PLACE", "PERSON", "TROOP"})
