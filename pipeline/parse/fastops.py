"""A thinc Ops backend whose matrix multiply runs on NumPy's BLAS instead of blis, and whose
maxout compares whole pieces at once.

On this project's CPUs blis's gemm is ~3× slower than NumPy's (OpenBLAS) for the small
matrices of GiNZA's CNN. NumpyOps's maxout walks every (row, unit) in a scalar loop and
computes the argmax that only training reads; GiNZA's encoder calls it on (tokens × 256 × 3)
arrays 8 times per batch, where two vectorised maxima give the same values about 10× faster
(a tenth of the parse on clean news). Everything else is inherited from NumpyOps, so parses are
the same up to float rounding (tests/test_fastops.py checks identical parses on the seeds).
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
        """(best, which) over the last axis, as NumpyOps.maxout. Only `backprop_maxout` reads
        `which`, so it is handed out unevaluated: inference never pays for the argmax."""
        if X.ndim != 3 or X.shape[2] < 2:
            return super().maxout(X)
        best = numpy.maximum(X[:, :, 0], X[:, :, 1])
        for piece in range(2, X.shape[2]):
            numpy.maximum(best, X[:, :, piece], out=best)
        return best, LazyWhich(X)

    def backprop_maxout(self, dY, which, P):
        if isinstance(which, LazyWhich):
            which = which.resolve()
        return super().backprop_maxout(dY, which, P)


class LazyWhich:
    """The argmax a maxout would return, computed only when training asks for it."""

    def __init__(self, X):
        self.X = X

    def resolve(self):
        return self.X.argmax(axis=-1).astype("int32")


def use() -> None:
    """Make NumpyBlasOps the current Ops (idempotent)."""
    if not isinstance(get_current_ops(), NumpyBlasOps):
        set_current_ops(NumpyBlasOps())
