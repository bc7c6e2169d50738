"""What span an argument covers and what class of thing it is.

An argument is the entity mention that covers its head token (exact offsets, so records.py
can link it), else the entity a relational noun hangs on (ロシア領内 → ロシア), else the head
noun with its fused compound (兵士, 地雷除去チーム).
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

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


class Mention(NamedTuple):
    """An entity mention of doc.spans["entities"], read once per Doc: a Span's `label_`
    looks its string up anew at each call, and the stages ask it of the same mentions many
    times. (The fields a Span has by those names.)"""
    start: int                   # tokens
    end: int
    label_: str
    start_char: int
    end_char: int


class Arg(NamedTuple):
    """An argument phrase (a tuple: made many times per Doc, never changed)."""
    start: int                   # characters in the Doc
    end: int
    head: int                    # the token that stands for it
    classes: tuple[str, ...]
    entity: Mention | None

    @property
    def label(self) -> str | None:
        return self.entity.label_ if self.entity is not None else None


class Found(NamedTuple):
    """An argument with its role and the rule that gave it (`case:を`, `shared.subject`)."""
    role: str
    arg: Arg
    rule: str


_NOT_READ = object()      # `_of` has no entry for the token yet


class Phrases:
    def __init__(self, doc: Doc, lex: Lexicon, event_nouns: set[str] = frozenset()):
        self.lex = lex
        self.event_nouns = event_nouns
        self.doc = doc
        self.v = view(doc)
        self.text = text_of(doc)
        self.entity_at: dict[int, Mention] = {}
        for span in doc.spans.get("entities", []):
            m = Mention(span.start, span.end, span.label_, span.start_char, span.end_char)
            for i in range(m.start, m.end):
                self.entity_at[i] = m
        self._of: dict[int, Arg | None] = {}     # `of_at` per token of `doc` (asked many times)
        self._spans: dict[int, tuple] = {}       # char offsets and classes per mention (by id:
        #                                          every mention asked of is one of entity_at's)
        self._actor_ends: list[int] | None = None
        self._plain_chains: dict[int, list[int]] = {}   # plain nouns `entity_of_at` has read
        self._portion = lex.cues["portion"]
        self._not_argument = _not_argument_words(lex)
        # NOUN_KINDS with their cue words and those words as endings
        self._kinds = [(_endings(lex.cues[kind]), lex.cues[kind], cls) for kind, cls in NOUN_KINDS]
        self._plural = lex.cues["plural"]
        self._classes = _classes_memo(lex)       # `_noun_classes` answers (rules only)

    def of_at(self, i: int) -> Arg | None:
        """The argument token `i` of the Doc stands for, or None."""
        a = self._of.get(i, _NOT_READ)
        if a is not _NOT_READ:
            return a
        chain = self._plain_chains.pop(i, None)
        if chain is not None:
            a = self._plain(i, chain)          # `entity_of_at` found a plain noun
        else:
            a, chain = self._named(i)
            if a is None and chain is not None:
                a = self._plain(i, chain)
        self._of[i] = a
        return a

    def entity_of_at(self, i: int) -> Arg | None:
        """`of_at(i)` if it is an entity mention's, else None; a sentence scan asks this of
        every word, and most are plain nouns whose phrase it need not build."""
        a = self._of.get(i, _NOT_READ)
        if a is _NOT_READ:
            a, chain = self._named(i)
            if a is not None or chain is None:
                self._of[i] = a          # what `of_at` gives too; a plain noun waits for it
            else:
                self._plain_chains[i] = chain
        return a if a is not None and a.entity is not None else None

    def actor_ends(self) -> list[int]:
        """The tokens that close an ACTOR mention, ascending."""
        ends = self._actor_ends
        if ends is None:
            ends = self._actor_ends = sorted(
                i for i, span in self.entity_at.items() if span.label_ == "ACTOR" and span.end - 1 == i)
        return ends

    def _named(self, i: int) -> tuple[Arg | None, list[int] | None]:
        """The entity argument token `i` stands for, else (None, its compound chain) for a
        plain noun, or (None, None) for no argument at all."""
        span = self.entity_at.get(i)
        if span is not None:
            return self._entity_arg(span, i), None
        v = self.v
        lemma = v.lemma[i]
        if lemma in self._portion:
            whole = self._group_of(i)            # 北朝鮮軍の一部 → 北朝鮮軍
            if whole is not None:
                return whole, None
        if not noun_at(v, i) or lemma in self.event_nouns or \
                _ADVERBIAL_TAG in v.tag[i] or lemma in self._not_argument:
            return None, None
        chain = compound_ids(v, i)
        pos = v.pos
        for t in chain:
            if pos[t] == "PRON":
                return None, None             # 彼ら, これら: a pronoun names no one by itself
        if not self.relational_at(i):
            return None, chain                # a plain noun (see `relational_at`)
        inner = self._entity_before_relational(chain) or self._owner_of_relational(i)
        if inner is not None:
            return self._entity_arg(inner, i), None
        return None, chain

    def _plain(self, i: int, chain: list[int]) -> Arg | None:
        """A plain noun with its compound and the common nouns joined to it by の."""
        v = self.v
        end = v.idx[i] + len(v.text[i])
        start = v.idx[self._common_modifier(chain)]
        text = self.text[start:end]
        start += len(text) - len(text.lstrip())
        if not text.strip():
            return None
        return Arg(start, end, i, self._noun_classes(text.strip(), v.lemma[i]), None)

    def _common_modifier(self, chain: list[int]) -> int:
        """欧米の当局者, 軍の幕僚, 国境沿いの一帯: a plain noun joined by の stays in the phrase
        (an entity, a number or a pronoun before の is an argument of its own)."""
        first, head = chain[0], chain[-1]
        v = self.v
        for c in v.children[head]:
            if c < first and v.dep[c] == "nmod" and c not in self.entity_at \
                    and v.pos[c] == "NOUN" and _right_texts(v, c) == ["の"] and c + 2 == first:
                if not any(t in self.entity_at or v.pos[t] in ("PRON", "NUM", "DET")
                           or t == c and (v.tag[t].startswith("接尾辞") or _ADVERBIAL_TAG in v.tag[t])
                           for t in v.subtree(c)):
                    return compound_ids(v, c)[0]
        return first

    def noun_classes(self, text: str, head: int) -> tuple[str, ...]:
        return self._noun_classes(text, self.v.lemma[head])

    def _noun_classes(self, text: str, lemma: str) -> tuple[str, ...]:
        key = (text, lemma)
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = self._read_noun_classes(text, lemma)
        return found

    def _read_noun_classes(self, text: str, lemma: str) -> tuple[str, ...]:
        plural = self._plural
        if lemma in plural and len(text) > len(lemma) and text.endswith(lemma):
            text, lemma = text[:-len(lemma)], ""       # 兵士ら, 市民たち: the noun before the suffix
        for endings, words, cls in self._kinds:
            if text.endswith(endings) or lemma in words:
                return (cls, "noun")
        return ("noun",)

    def _entity_arg(self, span: Mention, head: int) -> Arg:
        # offsets and classes of a mention, read once (asked again for each of its tokens)
        facts = self._spans.get(id(span))
        if facts is None:
            facts = self._spans[id(span)] = (span.start_char, span.end_char, self.entity_classes(span))
        return Arg(facts[0], facts[1], head, facts[2], span)

    def entity_classes(self, span: Mention) -> tuple[str, ...]:
        label = span.label_
        v = self.v
        if label == "PLACE" and all(_COUNTRY_TAG in v.tag[i] for i in range(span.start, span.end)):
            return ("COUNTRY", "PLACE")
        text = self.text[span.start_char:span.end_char]
        if label == "PLACE" and text.endswith(_endings(self.lex.cues["water"])):
            return ("WATER", "PLACE")           # 日本海, 東シナ海: where a missile falls, no target
        if label == "ACTOR" and self._noun_classes(text, v.lemma[span.end - 1])[0] == "TROOP":
            return ("TROOP", "ACTOR")
        return (label,)

    def is_person(self, a: Arg) -> bool:
        """A person, named or by title alone (ゼレンスキー大統領, 報道官, 当局者)."""
        if "PERSON" in a.classes:
            return True
        if a.entity is None or a.entity.label_ != "ACTOR":
            return False
        return self._noun_classes(self.text[a.start:a.end], self.v.lemma[a.entity.end - 1])[0] == "PERSON"

    def _group_of(self, i: int) -> Arg | None:
        """北朝鮮軍の一部 → 北朝鮮軍; ロケット弾の大半 → ロケット弾: the whole a portion is of."""
        v = self.v
        for c in v.children[i]:
            if c >= i or _right_texts(v, c) != ["の"]:
                continue
            span = self.entity_at.get(c)
            if span is not None and span.label_ == "ACTOR":
                return self._entity_arg(span, c)
            if span is None and noun_at(v, c):
                return self.of_at(c)
        return None

    def relational_at(self, i: int) -> bool:
        """Is token `i` a relational noun (領土; 中心 部 is one in two tokens)? Only through
        one does a word outside every mention stand for a mention (`_entity_before_relational`,
        `_owner_of_relational`)."""
        v = self.v
        relational = self.lex.cues["relational"]
        if v.lemma[i] in relational:
            return True
        chain = compound_ids(v, i)
        return (v.text[i] if len(chain) == 1 else "".join([v.text[t] for t in chain])) in relational

    def _owner_of_relational(self, i: int) -> Mention | None:
        """ウクライナの領土 → ウクライナ (a relational noun, `relational_at`, after の names no
        place itself)."""
        v = self.v
        for c in v.children[i]:
            span = self.entity_at.get(c)
            if span is None and c < i and _right_texts(v, c) == ["の"]:
                span = self._entity_before_relational(compound_ids(v, c)) or self._entity_end(c)
            if c < i and span is not None and span.label_ == "PLACE" and \
                    _right_texts(v, c) == ["の"]:
                return span
        return self._place_before_parenthesis(compound_ids(v, i)[0])

    def _place_before_parenthesis(self, first: int) -> Mention | None:
        """キーウ(キエフ)中心部: a place, its other spelling in parentheses, then the
        relational noun."""
        texts, k = self.v.text, first - 1
        if k < 0 or texts[k] not in (")", "）"):
            return None
        while k >= 0 and texts[k] not in ("(", "（"):
            k -= 1
        span = self.entity_at.get(k - 1) if k > 0 else None
        return span if span is not None and span.label_ == "PLACE" and span.end == k else None

    def _entity_end(self, i: int) -> Mention | None:
        """都市スムイ: the entity that ends a compound noun (a classifier before it)."""
        last = compound_ids(self.v, i)[-1]
        span = self.entity_at.get(last)
        return span if span is not None and span.end - 1 == last else None

    def _entity_before_relational(self, chain: list[int]) -> Mention | None:
        """ロシア領内 / クルスク州周辺: the entity, when only relational nouns follow it."""
        for k, t in enumerate(chain):
            span = self.entity_at.get(t)
            if span is None:
                continue
            lemmas = self.v.lemma
            rest = [r for r in chain[k:] if r >= span.end]
            if rest and all(lemmas[r] in self.lex.cues["relational"] for r in rest):
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


_CLASSES: dict[int, tuple[Lexicon, dict]] = {}
_CLASSES_MAX = 1 << 14


def _classes_memo(lex: Lexicon) -> dict[tuple[str, str], tuple[str, ...]]:
    """The head-noun classes found so far for a lexicon, by (text, lemma): the same nouns come
    back Doc after Doc (cleared when it grows past the bound)."""
    hit = _CLASSES.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _CLASSES[id(lex)] = (lex, {})
    elif len(hit[1]) > _CLASSES_MAX:
        hit[1].clear()
    return hit[1]


_NOT_ARGUMENT: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _not_argument_words(lex: Lexicon) -> frozenset[str]:
    """The cues of the NOT_ARGUMENT_KINDS as one set, built once per lexicon."""
    hit = _NOT_ARGUMENT.get(id(lex))
    if hit is None or hit[0] is not lex:
        words = frozenset().union(*(lex.cues[k] for k in NOT_ARGUMENT_KINDS))
        hit = _NOT_ARGUMENT[id(lex)] = (lex, words)
    return hit[1]


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


def compound_ids(v: View, i: int) -> list[int]:
    """Token `i` with the compound/nummod words fused before it (越境攻撃, 地雷除去チーム),
    ascending (remembered per token)."""
    memo = v.compounds
    ids = memo.get(i)
    if ids is None:
        ids = memo[i] = _compound_ids(v, i)
    return ids


def _compound_ids(v: View, i: int) -> list[int]:
    kids = v.children[i]
    if not kids or kids[0] > i:
        return [i]                    # nothing before it to fuse
    out = [i]
    stack = [i]
    deps, children, space = v.dep, v.children, v.space
    while stack:
        t = stack.pop()
        for c in children[t]:
            # `_fused`: a compound or number word, or a particle-less nmod
            if c < t and not space[c] and (
                    deps[c] in ("compound", "nummod") or deps[c] in ("nmod", "amod") and
                    not any(f > c and deps[f] in ("case", "cop", "aux") for f in children[c])):
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
