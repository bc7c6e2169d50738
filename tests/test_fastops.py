"""NumPy-BLAS Ops must not change what GiNZA outputs on the seeds."""
from pathlib import Path

import numpy
import pytest

from pipeline.parse.fastops import NumpyBlasOps

SEEDS = Path(__file__).resolve().parents[1] / "seeds" / "articles"


@pytest.mark.parametrize("shape, trans1, trans2", [((3, 4, 5), False, False), ((3, 4, 5), True, False),
                                                     ((6, 2, 3), False, True), ((1, 7, 1), True, True)])
def test_gemm_matches_numpy(shape, trans1, trans2):
    m, k, n = shape
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((k, m) if trans1 else (m, k)).astype("float32")
    y = rng.standard_normal((n, k) if trans2 else (k, n)).astype("float32")
    expected = (x.T if trans1 else x) @ (y.T if trans2 else y)
    ops = NumpyBlasOps()
    assert numpy.allclose(ops.gemm(x, y, trans1=trans1, trans2=trans2), expected, atol=1e-5)
    out = numpy.empty((m, n), dtype="float32")
    assert ops.gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out


def _analyses(nlp, texts):
    return [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
            for doc in nlp.pipe(texts)]


@pytest.mark.model
def test_identical_parse_on_the_seeds():
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    from pipeline.parse import fastops
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    set_current_ops(NumpyOps())
    blis = spacy.load("ja_ginza")
    fastops.use()
    fast = spacy.load("ja_ginza")
    assert _analyses(blis, texts) == _analyses(fast, texts)


@pytest.mark.parametrize("shape", [(5, 4, 3), (1, 2, 2), (6, 3, 4)])
def test_maxout_matches_numpy_ops(shape):
    from thinc.api import NumpyOps
    rng = numpy.random.default_rng(1)
    X = rng.standard_normal(shape).astype("float32")
    X[0, 0, :] = 0.5                     # a tie: the first piece is the argmax
    best, which = NumpyBlasOps().maxout(X)
    ref_best, ref_which = NumpyOps().maxout(X)
    assert numpy.array_equal(best, ref_best) and numpy.array_equal(which, ref_which)
    assert which.dtype == ref_which.dtype and best.dtype == ref_best.dtype


@pytest.mark.model
def test_skipping_sub_tokens_changes_no_analysis(ginza):
    """build() turns off Sudachi's sub-tokens (only the excluded compound_splitter reads them):
    every token's text, tag, POS, lemma, norm and morphology must stay the same."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    tok = ginza.tokenizer

    def analyses():
        docs = [tok(t) for t in texts]
        return [[(t.text, t.tag_, t.pos_, t.lemma_, t.norm_, str(t.morph)) for t in d] for d in docs], docs

    assert tok.need_subtokens            # GiNZA's default: the comparison below means something
    with_sub, docs = analyses()
    assert any(any(d.user_data.get("sub_tokens") or ()) for d in docs)
    try:
        tok.need_subtokens = False
        without, docs = analyses()
    finally:
        tok.need_subtokens = True
    assert without == with_sub and not any(any(d.user_data.get("sub_tokens") or ()) for d in docs)
