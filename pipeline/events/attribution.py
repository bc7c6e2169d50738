"""Who an event is attributed to (GUIDELINES §6: source, modality `reported`).

- a speech predicate taking the event's clause as its と-complement (〜と発表した,
  〜とされる), or an event noun as its object (関与を認めた, 参加を否定した);
- a content noun quoting it (〜との情報, 〜との見方, 〜とのことだ);
- 〜によると / 〜の分析では on a predicate above the event.
The speaker of the speech predicate, the holder of the view or the named origin becomes the
event's `source`.
"""
from __future__ import annotations

from .clauses import sentence_topic, shared_subject
from .grammar import Grammar
from .phrases import Arg, Found, can_speak
from .syntax import voice_at


class Attribution:
    """Tokens are indices into the Doc the Grammar reads."""

    def __init__(self, g: Grammar):
        self.g = g
        self.lex = g.lex
        self.v = g.v
        self._according: dict[int, list] = {}    # `according` per token of the Grammar's Doc
        self._speech: dict[int, str | None] = {}   # `_speech_value` per token
        self._sources: dict[tuple[int, int], list[Found]] = {}   # `sources` per edge

    def speech(self, child: int, head: int, chain: list[int]) -> str | None:
        """The modality `head` gives the clause or noun `child` as its reported content
        (reported / uncertain), or None when it is no speech act about it."""
        value = self._speech_value(head)
        if value is None:
            return None
        if self.is_quote(child):
            return value
        # 関与を認めた / 派兵の可能性を示唆: an event noun as the object of a STATEMENT verb
        # (a claim noun, 主張を否定, is not its content)
        lemma = self.v.lemma
        cl = lemma[child]
        nominal = cl not in self.g.speech_lemmas and (
            cl in self.g.event_lemmas or child in chain
            or any(cl in self.lex.cues[k] for k in ("content", "modal")))
        if nominal and self.g.markers[child] in ("を", "が", "も") and \
                lemma[head] in self.g.speech_lemmas:
            return value
        return None

    def content(self, child: int, head: int) -> str | None:
        """〜との見方 (uncertain), 〜という情報 / 〜とのことだ (reported)."""
        value = self.lex.cues["content"].get(self.v.lemma[head])
        if value is None or not self.is_quote(child):
            return None
        return "reported" if value == "-" else value

    def is_quote(self, child: int) -> bool:
        m = self.g.markers[child]
        return m.startswith("と") or m == "ように"

    def according(self, i: int) -> list[tuple[str, list[Arg], str, int]]:
        """〜によると / 〜の分析では on token `i`: (modality, sources, note, token) for each; an
        estimate (〜の見積もりによると, 〜の推計では) is uncertain."""
        found = self._according.get(i)
        if found is None:
            found = self._according[i] = self._according_of(i)
        return found

    def _according_of(self, i: int) -> list[tuple[str, list[Arg], str, int]]:
        out = []
        v, markers = self.v, self.g.markers
        according = self.lex.cues["according"]
        for c in v.content[i]:
            content = self.lex.cues["content"].get(v.lemma[c])
            if markers[c] in according or \
                    v.raw_marker[c] == "では" and content not in (None, "-"):
                modality = "uncertain" if content == "uncertain" else "reported"
                out.append((modality, self.origin(c), v.text[c], c))
        return out

    def _speech_value(self, head: int) -> str | None:
        found = self._speech.get(head, "")
        if found == "":
            found = self._speech[head] = self._read_speech_value(head)
        return found

    def _read_speech_value(self, head: int) -> str | None:
        value = self.lex.cues["speech"].get(self.v.lemma[head])
        if value == "reported_passive":                   # 〜とされる, but not 〜とする
            return "reported" if self.g.is_statement_verb(head) or \
                voice_at(self.v, head) == "passive" else None
        if value:
            return value
        return "reported" if self.g.is_statement_verb(head) else None

    # --- who ---------------------------------------------------------------------------
    def speaker(self, head: int, quote: int | None = None) -> list[Arg]:
        """Who says what `head` reports: its subject (passive: its に/による agent), else the
        subject its clause shares, else the sentence topic; never a word of the quote."""
        v, g = self.v, self.g
        passive = voice_at(v, head) == "passive"
        for c in reversed(v.content[head]):    # nearest first
            if quote is not None and v.dominates(quote, c):
                continue                                  # a word of the quote
            by = g.markers[c] == "による" or passive and g.markers[c] == "に"
            if by or not passive and g.is_subject(c):
                a = g.phrases.of_at(c)
                if can_speak(a):
                    return [a] + g.conjuncts(c)
        if passive:
            return []
        subj = shared_subject(head, g)
        if subj is None:
            subj = sentence_topic(head, g)
        a = g.phrases.of_at(subj) if subj is not None and \
            (quote is None or not v.dominates(quote, subj)) else None
        return [a] + g.conjuncts(subj) if can_speak(a) else []

    def origin(self, i: int) -> list[Arg]:
        """CNN(によると) → CNN; CNNの報道(によると) → CNN; CSISが発表した推計(によると) → CSIS."""
        v, g = self.v, self.g
        a = g.phrases.of_at(i)
        if a is not None and a.label in ("ACTOR", "PLACE"):
            return [a] + g.conjuncts(i)
        for c in v.children[i]:
            if c < i and g.markers[c] in ("の", "compound"):
                o = g.phrases.of_at(c)
                if o is not None and o.label in ("ACTOR", "PLACE"):
                    return [o]
            if v.dep[c] == "acl":
                s = self.speaker(c)
                if s:
                    return s
        return [a] if a is not None else []

    def holder(self, content: int) -> list[Arg]:
        """との見方を維持している米国: whoever holds the view the content noun names."""
        h = self.v.head[content]
        if h == content or self.g.markers[content] != "を":
            return []
        return self.speaker(h)

    def sources(self, head: int, child: int) -> list[Found]:
        """The speakers of `head` as sources of what `child` says (read once per edge: the
        events of one quote share it; callers copy the list)."""
        found = self._sources.get((head, child))
        if found is None:
            found = self._sources[(head, child)] = \
                [Found("source", a, "source.speaker") for a in self.speaker(head, quote=child)]
        return found
