"""A thinc Ops backend whose matrix multiply runs on NumPy's BLAS instead of blis.

On this project's CPUs blis's gemm is ~3× slower than NumPy's (OpenBLAS) for the small
matrices of GiNZA's CNN; everything else is inherited from NumpyOps, so parses are the same
up to float rounding (tests/test_fastops.py checks identical parses on the seeds). Thinc picks
the current Ops when a model is built, so `use()` must run before spacy.load.
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


def use() -> None:
    """Make NumpyBlasOps the current Ops (idempotent)."""
    if not isinstance(get_current_ops(), NumpyBlasOps):
        set_current_ops(NumpyBlasOps())
