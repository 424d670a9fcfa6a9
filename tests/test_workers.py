"""``parallel.stop_workers``: the worker processes ``map_chunks`` keeps between calls are
stopped (their memory handed back), and the next call starts new ones with the same results."""

from __future__ import annotations

import operator
import os
from pathlib import Path

import pandas as pd
import pytest

from helpers import parallel


def _alive(pid: int) -> bool:
    """A running (not reaped, not zombie) process."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_stop_workers_stops_the_pool_and_the_next_call_starts_another():
    jobs = [os.getpid] * 6  # each chunk is a function: the worker calls it and gives its own pid
    first = set(parallel.map_chunks(operator.call, jobs, n_jobs=2))
    assert first and os.getpid() not in first  # they ran in worker processes
    assert all(map(_alive, first))  # kept for the next call
    parallel.stop_workers()
    assert not any(map(_alive, first))
    parallel.stop_workers()  # none running: nothing to do
    again = set(parallel.map_chunks(operator.call, jobs, n_jobs=2))
    assert again and not again & first and os.getpid() not in again
    assert sorted(parallel.map_chunks(abs, [-3, 1, -2], n_jobs=2)) == [1, 2, 3]
    parallel.stop_workers()
    assert not any(map(_alive, again))


def test_stop_workers_does_nothing_when_no_worker_was_started_here():
    parallel.stop_workers()
    assert parallel.map_chunks(abs, [-1, -2], n_jobs=1) == [1, 2]  # in this process
    parallel.stop_workers()


def test_chunks_sliced_from_one_arrow_column_reach_a_dask_cluster_as_themselves():
    """Dask hashes a slice of an Arrow array as its whole array: scattered under that hash, two
    chunks of one column of texts became one (shared passages lost 82 of 85 pairs on a cluster)."""
    distributed = pytest.importorskip("distributed")
    texts = pd.Series([f"sentence {i}" for i in range(10)], dtype="str").array
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        got = parallel.map_chunks(list, [texts[0:3], texts[3:7], texts[7:]], client=client)
    assert got == [[f"sentence {i}" for i in part] for part in (range(3), range(3, 7), range(7, 10))]
