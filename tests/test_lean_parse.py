"""The lean tokenizer and morphologizer give GiNZA's analyses without growing its memory."""
import pickle
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds" / "articles"
MINE = ["防衛省によると、北朝鮮は３日午前、東部の元山付近から弾道ミサイル２発を日本海に向けて発射した。",
        "ロシア軍の無人機が市内の集合住宅を攻撃し、少なくとも５人が死亡したと州知事が明らかにした。",
        "両国の外相は来週、停戦に向けた協議を行う予定だ。"]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pair():
    import spacy

    from pipeline.parse.lean import make_lean
    stock = spacy.load("ja_ginza", exclude=["compound_splitter", "bunsetu_recognizer"])
    lean = spacy.load("ja_ginza", exclude=["compound_splitter", "bunsetu_recognizer"])
    make_lean(lean)
    return stock, lean


def _analyses(nlp, texts):
    return [[(t.text, t.tag_, t.pos_, t.morph.key, str(t.morph), t.lemma_, t.norm_, t.dep_,
              t.head.i, t.ent_iob_, t.ent_type_) for t in doc] for doc in nlp.pipe(texts)]


def test_swaps_only_the_japanese_classes(pair):
    _, lean = pair
    assert type(lean.tokenizer).__name__ == "LeanJapaneseTokenizer"
    assert type(lean.get_pipe("morphologizer")).__name__ == "LeanMorphologizer"
    assert type(lean.get_pipe("parser")).__name__ == "DependencyParser"


def test_same_analyses_as_stock_ginza(pair):
    stock, lean = pair
    texts = MINE + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:2]]
    expected = _analyses(stock, texts)
    assert any("Reading=" in t[4] for doc in expected for t in doc)  # tokenizer features compared
    assert _analyses(lean, texts) == expected


def _pool_growth(nlp, text, rounds=3) -> int:
    list(nlp.pipe([text]))                       # the text's analyses are known after this
    before = nlp.vocab.morphology.mem.size
    for _ in range(rounds):
        list(nlp.pipe([text]))
    return nlp.vocab.morphology.mem.size - before


def test_known_analyses_allocate_nothing(pair):
    _, lean = pair
    assert _pool_growth(lean, MINE[1]) == 0


def test_stock_spacy_still_allocates_per_token(pair):
    """Why `lean` exists. If this fails, spaCy fixed `Morphology.add`: the module can go."""
    stock, _ = pair
    assert _pool_growth(stock, MINE[1]) > 0


def test_tokenizer_pickles_as_lean(pair):
    _, lean = pair
    again = pickle.loads(pickle.dumps(lean.tokenizer))
    assert type(again) is type(lean.tokenizer)
    assert [t.text for t in again(MINE[2])] == [t.text for t in lean.tokenizer(MINE[2])]
