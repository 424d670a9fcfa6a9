"""helpers.arrays: the sort-based distinct and membership steps equal numpy's own."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.arrays import distinct, members


@pytest.mark.parametrize("n, high", [(0, 5), (1, 5), (1_000, 7), (5_000, 2**62)])
def test_distinct_is_np_unique(n, high):
    values = np.random.default_rng(n).integers(-high, high, size=n, dtype=np.int64)
    out = distinct(values)
    assert out.dtype == values.dtype
    assert np.array_equal(out, np.unique(values))


def test_distinct_leaves_its_input_as_it_was():
    values = np.array([3, 1, 3, 2], dtype=np.uint64)
    assert distinct(values).tolist() == [1, 2, 3] and values.tolist() == [3, 1, 3, 2]


@pytest.mark.parametrize("n_known", [0, 1, 50])
def test_members_is_np_isin(n_known):
    rng = np.random.default_rng(n_known)
    known = np.unique(rng.integers(0, 100, size=n_known))
    values = rng.integers(-5, 110, size=500)  # below, inside and past the known values
    assert np.array_equal(members(known, values), np.isin(values, known))
