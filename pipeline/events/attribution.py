"""Who an event is attributed to (GUIDELINES §6: source, modality `reported`).

- a speech predicate taking the event's clause as its と-complement (〜と発表した,
  〜とされる), or an event noun as its object (関与を認めた, 参加を否定した);
- a content noun quoting it (〜との情報, 〜との見方, 〜とのことだ);
- 〜によると / 〜の分析では on a predicate above the event.
The speaker of the speech predicate, the holder of the view or the named origin becomes the
event's `source`.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import sentence_topic, shared_subject
from .docview import view
from .grammar import Grammar
from .phrases import Arg, Found, can_speak
from .syntax import children, content_children, dep, head as head_token, raw_marker, voice


class Attribution:
    def __init__(self, g: Grammar):
        self.g = g
        self.lex = g.lex
        self._according: dict[int, list] = {}    # `according` per token of the Grammar's Doc

    def speech(self, child: Token, head: Token, chain: list[Token]) -> str | None:
        """The modality `head` gives the clause or noun `child` as its reported content
        (reported / uncertain), or None when it is no speech act about it."""
        value = self._speech_value(head)
        if value is None:
            return None
        if self.is_quote(child):
            return value
        # 関与を認めた / 派兵の可能性を示唆: an event noun as the object of a STATEMENT verb
        # (a claim noun, 主張を否定, is not its content)
        nominal = child.lemma_ not in self.g.speech_lemmas and (
            child.lemma_ in self.g.event_lemmas or child in chain
            or any(self.lex.is_cue(k, child.lemma_) for k in ("content", "modal")))
        if nominal and self.g.marker(child) in ("を", "が", "も") and \
                head.lemma_ in self.g.speech_lemmas:
            return value
        return None

    def content(self, child: Token, head: Token) -> str | None:
        """〜との見方 (uncertain), 〜という情報 / 〜とのことだ (reported)."""
        value = self.lex.cue("content", head.lemma_)
        if value is None or not self.is_quote(child):
            return None
        return "reported" if value == "-" else value

    def is_quote(self, child: Token) -> bool:
        m = self.g.marker(child)
        return m.startswith("と") or m == "ように"

    def according(self, tok: Token) -> list[tuple[str, list[Arg], str]]:
        """〜によると / 〜の分析では on `tok`: (modality, sources, note) for each; an
        estimate (〜の見積もりによると, 〜の推計では) is uncertain."""
        if tok.doc is not self.g.phrases.doc:
            return self._according_of(tok)
        found = self._according.get(tok.i)
        if found is None:
            found = self._according[tok.i] = self._according_of(tok)
        return found

    def _according_of(self, tok: Token) -> list[tuple[str, list[Arg], str]]:
        out = []
        for c in content_children(tok):
            content = self.lex.cue("content", c.lemma_)
            if self.lex.is_cue("according", self.g.marker(c)) or \
                    raw_marker(c) == "では" and content not in (None, "-"):
                modality = "uncertain" if content == "uncertain" else "reported"
                out.append((modality, self.origin(c), c.text))
        return out

    def _speech_value(self, head: Token) -> str | None:
        value = self.lex.cue("speech", head.lemma_)
        if value == "reported_passive":                   # 〜とされる, but not 〜とする
            return "reported" if self.g.is_statement_verb(head) or \
                voice(head) == "passive" else None
        if value:
            return value
        return "reported" if self.g.is_statement_verb(head) else None

    # --- who ---------------------------------------------------------------------------
    def speaker(self, head: Token, quote: Token | None = None) -> list[Arg]:
        """Who says what `head` reports: its subject (passive: its に/による agent), else the
        subject its clause shares, else the sentence topic; never a word of the quote."""
        passive = voice(head) == "passive"
        inside = set(view(quote.doc).subtree(quote.i)) if quote is not None else set()
        for c in sorted(content_children(head), key=lambda c: -c.i):    # nearest first
            if c.i in inside:
                continue
            by = self.g.marker(c) == "による" or passive and self.g.marker(c) == "に"
            if by or not passive and self.g.is_subject(c):
                a = self.g.phrases.of(c)
                if can_speak(a):
                    return [a] + self.g.conjuncts(c)
        if passive:
            return []
        subj = shared_subject(head, self.g) or sentence_topic(head, self.g)
        a = self.g.phrases.of(subj) if subj is not None and subj.i not in inside else None
        return [a] + self.g.conjuncts(subj) if can_speak(a) else []

    def origin(self, tok: Token) -> list[Arg]:
        """CNN(によると) → CNN; CNNの報道(によると) → CNN; CSISが発表した推計(によると) → CSIS."""
        a = self.g.phrases.of(tok)
        if a is not None and a.label in ("ACTOR", "PLACE"):
            return [a] + self.g.conjuncts(tok)
        for c in children(tok):
            if c.i < tok.i and self.g.marker(c) in ("の", "compound"):
                o = self.g.phrases.of(c)
                if o is not None and o.label in ("ACTOR", "PLACE"):
                    return [o]
            if dep(c) == "acl":
                s = self.speaker(c)
                if s:
                    return s
        return [a] if a is not None else []

    def holder(self, content: Token) -> list[Arg]:
        """との見方を維持している米国: whoever holds the view the content noun names."""
        h = head_token(content)
        if h.i == content.i or self.g.marker(content) != "を":
            return []
        return self.speaker(h)

    def sources(self, head: Token, child: Token) -> list[Found]:
        return [Found("source", a, "source.speaker") for a in self.speaker(head, quote=child)]
