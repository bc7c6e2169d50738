"""Two reference points printed beside the pipeline's figures.

- Raw GiNZA NER: `ja_ginza`'s ENE labels mapped onto the four labels by `ginza_labels.tsv`
  (every label the model knows, `-` = dropped), run on each gold text.
- Keyword triggers: every occurrence of a trigger word is an event of that type with no
  arguments. Words come from `rules/triggers.tsv` (columns `id, type, pattern, …`; the pattern's
  first lemma, or its marked token where the pattern opens with a particle), else from the SPEC
  §5 list below. A verb lemma is searched by its stem
  (述べる → 述べ, 明らかにする → 明らかに) so inflected forms are found.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from ..rules import default_dir

LABEL_TABLE = Path(__file__).with_name("ginza_labels.tsv")

CHUNK = 4000            # characters per GiNZA call: SudachiPy refuses inputs over ~49 kB

BUILTIN_TRIGGERS = {     # SPEC §5 typical triggers, as lemmas
    "ATTACK": "攻撃 攻勢 砲撃 空爆 打撃 交戦 侵攻",
    "CAPTURE": "制圧 占領 奪還 解放",
    "WITHDRAW": "撤退 撤収",
    "DEPLOY": "派遣 派兵 投入 配置 増派 駐留",
    "CASUALTY": "死傷 死亡 戦死 負傷 殺害 損耗",
    "AGREEMENT": "締結 署名 批准 発効 合意",
    "AID": "供与 支援 提供 供給",
    "MEETING": "会談 訪問 協議 交渉",
    "REQUEST": "要請 要求 求める",
    "STATEMENT": "発表 述べる 明らかにする 主張 否定 認める 報じる 非難",
}


# ---------------------------------------------------------------- GiNZA NER

def _rows(path: Path) -> list[list[str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def ginza_label_map(path: Path = LABEL_TABLE) -> dict[str, str | None]:
    header, *rows = _rows(path)
    if header[:2] != ["ene", "label"]:
        raise ValueError(f"{path}: header should start with ene, label")
    return {row[0]: (None if row[1] in ("", "-") else row[1]) for row in rows}


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most `size` characters, cut after a line break where possible."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def ginza_entities(nlp, text: str, mapping: dict[str, str | None]) -> list[dict]:
    return ginza_predict(nlp, [text], mapping)[0]


def ginza_predict(nlp, texts: list[str], mapping: dict[str, str | None]) -> list[list[dict]]:
    """Mapped GiNZA entities for every text; one `nlp.pipe` over all pieces, for speed."""
    pieces = [(k, offset, piece) for k, text in enumerate(texts) for offset, piece in chunks(text)]
    out: list[list[dict]] = [[] for _ in texts]
    for (k, offset, _), doc in zip(pieces, nlp.pipe(piece for _, _, piece in pieces)):
        for ent in doc.ents:
            label = mapping.get(ent.label_)
            if label:
                start, end = offset + ent.start_char, offset + ent.end_char
                # GiNZA's Person: an ACTOR of kind person (scored under --labels PERSON)
                norm = {"kind": "person"} if ent.label_ == "Person" and label == "ACTOR" else None
                out[k].append({"id": f"g{len(out[k]) + 1}", "label": label, "start": start, "end": end,
                               "text": texts[k][start:end], "norm": norm, "rule": f"ginza:{ent.label_}"})
    return out


# ---------------------------------------------------------------- keyword triggers

def search_form(lemma: str) -> str:
    if lemma.endswith("する") and len(lemma) > 2:
        return lemma[:-2]
    if len(lemma) > 2 and lemma[-1] in "うくぐすつぬぶむる":
        return lemma[:-1]
    return lemma


def load_triggers(path: Path | None = None) -> tuple[dict[str, str], str]:
    """(search form → event type, where the words came from)."""
    path = path or default_dir() / "triggers.tsv"
    if not path.exists():
        words = {search_form(w): t for t, ws in BUILTIN_TRIGGERS.items() for w in ws.split()}
        return words, f"built-in SPEC §5 list ({path} not found)"
    header, *rows = _rows(path)
    if header[:3] != ["id", "type", "pattern"]:
        raise ValueError(f"{path}: header should start with id, type, pattern; got {header[:3]}")
    words: dict[str, str] = {}
    for row in rows:
        if len(row) >= 3 and row[2].split():
            words.setdefault(search_form(_trigger_word(row[2])), row[1])
    return words, str(path)


def _trigger_word(pattern: str) -> str:
    """The pattern's first token (`攻防 [戦]` → 攻防, as before marked tokens existed), unless it
    is a particle: then its marked `[…]` token (`で [一致]` → 一致, not every で)."""
    tokens = pattern.split()
    first = tokens[0].strip("[]")
    if re.fullmatch(r"[ぁ-ん]{1,2}", first.split("|")[0]):
        first = next((t.strip("[]") for t in tokens if t.startswith("[")), first)
    return first


def keyword_events(text: str, words: dict[str, str]) -> list[dict]:
    if not words:
        return []
    # longest alternative first, so 派兵 is not cut to a shorter word at the same position
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return [{"id": f"k{i}", "type": words[m.group()],
             "trigger": {"start": m.start(), "end": m.end(), "text": m.group()},
             "arguments": [], "polarity": None, "modality": None}
            for i, m in enumerate(pattern.finditer(text), 1)]
