"""spaCy's Japanese tokenizer and morphologizer without their per-token memory leak.

`Morphology.add` (spaCy 3.x) allocates a new analysis's feature arrays from a pool that is never
freed *before* it checks whether the analysis is already known; only a FEATS string is looked up
first. spaCy's `JapaneseTokenizer`, and a morphologizer that extends the tokenizer's features
(GiNZA's: `overwrite` and `extend`), pass a dict for every token, so a long run grows by about
0.2 MB per article for ever, the same texts again as much as new ones. The lean classes hand
`add` the normalised FEATS string instead: the analyses (keys, features, POS) are the same, and
a known one allocates nothing. `make_lean` swaps the classes of a loaded pipeline's instances, so
the stock classes stay untouched for shipped GiNZA (bench times it in the same process).
"""
from __future__ import annotations

import types

import spacy.lang.ja as spacy_ja
from spacy.attrs import MORPH, POS
from spacy.morphology import Morphology
from spacy.pipeline import Morphologizer
from spacy.tokens import Doc, MorphAnalysis

# (tokenizer's analysis, morphologizer label) → extended analysis; bounded by the vocabulary,
# cleared if a huge run ever fills it
_MAX_EXTENDED = 200_000


def _morph_analysis(vocab, features=None) -> MorphAnalysis:
    """`MorphAnalysis(vocab, features)`, given the FEATS string so a known analysis is found
    before anything is allocated."""
    if isinstance(features, dict) or features is None:
        features = vocab.morphology.normalize_features(features or {})
    return MorphAnalysis(vocab, features)


class LeanJapaneseTokenizer(spacy_ja.JapaneseTokenizer):
    # spaCy's own `__call__`, reading `_morph_analysis` where it reads the name `MorphAnalysis`:
    # nothing of the tokenizer's logic is copied.
    __call__ = types.FunctionType(spacy_ja.JapaneseTokenizer.__call__.__code__,
                                  {**vars(spacy_ja), "MorphAnalysis": _morph_analysis}, "__call__")

    def __reduce__(self):
        return LeanJapaneseTokenizer, (self.vocab, self.split_mode)


class LeanMorphologizer(Morphologizer):
    """Sets what `Morphologizer.set_annotations` sets in its `overwrite` + `extend` mode (the
    label's features over the tokenizer's, and the label's POS), through FEATS strings."""

    def set_annotations(self, docs, batch_tag_ids):
        if not (self.cfg["overwrite"] and self.cfg["extend"]):
            return super().set_annotations(docs, batch_tag_ids)
        if isinstance(docs, Doc):
            docs = [docs]
        memo = self.__dict__.setdefault("_lean_memo", {})
        if len(memo) > _MAX_EXTENDED:
            memo.clear()
        for doc, tag_ids in zip(docs, batch_tag_ids):
            tag_ids = tag_ids.get() if hasattr(tag_ids, "get") else tag_ids
            if len(doc):
                doc.from_array([MORPH, POS], self._annotations(doc, tag_ids, memo))

    def _annotations(self, doc: Doc, tag_ids, memo: dict):
        labels, pos_of = self.labels, self.cfg["labels_pos"]
        arr = doc.to_array([MORPH, POS])
        for j, tag_id in enumerate(tag_ids):
            label = labels[tag_id]
            key = (int(arr[j, 0]), label)
            if key not in memo:
                memo[key] = self._extended(*key)
            arr[j, 0], arr[j, 1] = memo[key], pos_of.get(label, 0)
        return arr

    def _extended(self, morph: int, label: str) -> int:
        """The tokenizer's features, overwritten by the label's, as one known analysis."""
        features = Morphology.feats_to_dict(self.vocab.strings[morph] if morph else "")
        features.update(Morphology.feats_to_dict(self.cfg["labels_morph"].get(label, 0)))
        return self.vocab.morphology.add(self.vocab.morphology.normalize_features(features))


def make_lean(nlp) -> None:
    """Swap the classes of `nlp`'s loaded tokenizer and morphologizers in place (no second
    dictionary or model load). Other classes are left as they are."""
    if type(nlp.tokenizer) is spacy_ja.JapaneseTokenizer:
        nlp.tokenizer.__class__ = LeanJapaneseTokenizer
    for _, pipe in nlp.pipeline:
        if type(pipe) is Morphologizer:
            pipe.__class__ = LeanMorphologizer
