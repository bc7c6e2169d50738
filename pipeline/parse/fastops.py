"""A thinc Ops backend whose matrix multiply runs on NumPy's BLAS instead of blis, and whose
maxout compares whole pieces at once.

On this project's CPUs blis's gemm is ~3× slower than NumPy's (OpenBLAS) for the small
matrices of GiNZA's CNN. NumpyOps's maxout walks every (row, unit) in a scalar loop; GiNZA's
encoder calls it on (tokens × 256 × 3) arrays 8 times per batch, where whole-array maxima and
comparisons give the same values and indices about 3× faster (the parse 6% faster on clean
news). The indices are computed, not left for a backward pass to find: holding the pieces
until then kept 8 layers' inputs alive per batch (+24 MB peak RSS on the 20 MB run).
Everything else is inherited from NumpyOps, so parses are the same up to float rounding
(tests/test_fastops.py checks identical parses on the seeds).
Thinc picks the current Ops when a model is built, so `use()` must run before spacy.load.
"""
from __future__ import annotations

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from thinc.config import registry


@registry.ops("NumpyBlasOps")
class NumpyBlasOps(NumpyOps):
    name = "numpy_blas"

    def __init__(self, *args, **kwargs):
        kwargs["use_blis"] = False
        super().__init__(*args, **kwargs)

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        if x.ndim != 2 or y.ndim != 2:
            raise ValueError("gemm takes 2-dimensional arrays")
        x = x.T if trans1 else x
        y = y.T if trans2 else y
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out

    def maxout(self, X):
        """(best, which) over the last axis, as NumpyOps.maxout: `which` is the first piece
        holding the maximum (a later piece wins only when strictly greater)."""
        if X.ndim != 3 or not 2 <= X.shape[2] < 256:
            return super().maxout(X)
        best = numpy.maximum(X[:, :, 0], X[:, :, 1])
        which = (X[:, :, 1] > X[:, :, 0]).view(numpy.uint8)
        for piece in range(2, X.shape[2]):
            cand = X[:, :, piece]
            greater = (cand > best).view(numpy.uint8)
            # `piece` where greater, else unchanged: masked writes are 10× slower than this
            which = which + greater * numpy.uint8(piece) - greater * which
            numpy.maximum(best, cand, out=best)
        return best, which.astype(numpy.int32)


def use() -> None:
    """Make NumpyBlasOps the current Ops (idempotent)."""
    if not isinstance(get_current_ops(), NumpyBlasOps):
        set_current_ops(NumpyBlasOps())
