"""Run a per-article step on both cores, or on a Dask cluster, in chunks of whole articles.

Every step that reads one article at a time (splitting sentences, tokens, sentiment,
quotations, MinHash signatures) goes through ``map_chunks``: the table is cut into
chunks at article boundaries, each chunk is processed on its own, and the results are
put back together in the original order, so the output is the same table whichever way
it ran (the tests check this for the process pool and for a Dask ``LocalCluster``).

Where it runs, first match wins:

1. ``client=`` given to a step: that ``distributed.Client`` (``dask.bag`` over the chunks).
2. The environment variable ``NEWS_BUNDLE_DASK`` set to a scheduler address
   (``tcp://host:8786``): that cluster (one client per address, made on first use).
   The workers need this package installed (``pip install -e .`` of the same checkout)
   and must be able to import it.
3. ``n_jobs`` (or ``NEWS_BUNDLE_JOBS``, default: every core) worker processes
   (joblib's loky pool, reused between calls), for tables of at least
   ``MIN_PARALLEL_ARTICLES`` articles: below that, starting workers costs more than it saves.
4. Otherwise, here, in this process.

Progress bars (tqdm, on standard error) show for steps of more than one chunk; set
``NEWS_BUNDLE_PROGRESS=0`` to hide them (the report build does, so its pages hold no
timings).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sys
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

import pandas as pd

JOBS_ENV = "NEWS_BUNDLE_JOBS"
DASK_ENV = "NEWS_BUNDLE_DASK"
PROGRESS_ENV = "NEWS_BUNDLE_PROGRESS"
MIN_PARALLEL_ARTICLES = 2_000
CHUNK_ARTICLES = 1_000  # articles per chunk: small enough for a steady progress bar and bounded memory
_POOL = {"started": False}  # whether map_chunks has started worker processes that may still be running

@functools.cache
def connect(address: str) -> Any:
    """A ``distributed.Client`` for the scheduler at ``address``, made once per address and process."""
    from distributed import Client

    return Client(address)


def dask_client(client: Any = None) -> Any:
    """The Dask client a step should use: ``client``, else one for ``NEWS_BUNDLE_DASK``'s address, else None."""
    if client is not None:
        return client
    address = os.environ.get(DASK_ENV)
    return connect(address) if address else None


def default_jobs() -> int:
    """Worker processes to use: ``NEWS_BUNDLE_JOBS`` if set, else the number of cores."""
    value = os.environ.get(JOBS_ENV, "")
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            raise ValueError(f"{JOBS_ENV} must be a whole number of processes, not {value!r}") from None
    return os.cpu_count() or 1


def article_chunks(table: pd.DataFrame, *, size: int | None = None, column: str = "article_id") -> list[pd.DataFrame]:
    """``table`` cut into pieces of ``size`` articles (default ``CHUNK_ARTICLES``), never splitting an article's rows.

    Rows of one article must be next to each other (as ``split_sentences`` gives them).
    """
    size = size or CHUNK_ARTICLES
    if table.empty:
        return [table]
    ids = table[column].astype(str).to_numpy()
    new_article = ids[1:] != ids[:-1]
    starts = [0] + [i + 1 for i in new_article.nonzero()[0]]
    cuts = starts[::size][1:]
    bounds = [0, *cuts, len(table)]
    return [table.iloc[a:b] for a, b in pairwise(bounds)]


def _progress(total: int, desc: str | None):
    from tqdm.std import tqdm

    hidden = os.environ.get(PROGRESS_ENV, "1") in ("0", "false", "no") or total <= 1
    return tqdm(total=total, desc=desc, unit="chunk", file=sys.stderr, disable=hidden, leave=False)


def _as_partition(chunk: Any) -> list[Any]:
    return [chunk]


def map_chunks(
    fn: Callable[..., Any],
    chunks: Sequence[Any],
    *,
    n_articles: int | None = None,
    n_jobs: int | None = None,
    client: Any = None,
    desc: str | None = None,
) -> list[Any]:
    """``[fn(chunk) for chunk in chunks]``, on a Dask cluster, in worker processes or here.

    ``fn`` must be a module-level function (it is pickled by reference). ``n_articles``
    (the corpus size) decides whether worker processes are worth starting; see the
    module docstring for the order in which the places to run are tried.
    """
    chunks = list(chunks)
    client = dask_client(client)
    bar = _progress(len(chunks), desc)
    try:
        if client is not None and len(chunks) > 0:
            import dask.bag as db
            from dask import delayed

            # The chunks go to the workers once, as data (not inside the task graph),
            # then a bag with one chunk per partition maps fn over them. Each under a key of
            # its own: Dask's hash of a slice of an Arrow array is its whole array's, so
            # two chunks sliced from one column would be sent as one.
            futures = client.scatter(chunks, hash=False)
            bag = db.from_delayed([delayed(_as_partition)(f) for f in futures]).map(fn)
            results = bag.compute(scheduler=client)
            bar.update(len(chunks))
            return list(results)
        jobs = default_jobs() if n_jobs is None else max(1, n_jobs)
        if jobs > 1 and len(chunks) > 1 and (n_articles is None or n_articles >= MIN_PARALLEL_ARTICLES):
            from joblib import Parallel, delayed

            _POOL["started"] = True
            results = []
            for result in Parallel(n_jobs=jobs, return_as="generator")(delayed(_released)(fn, c) for c in chunks):
                results.append(result)
                bar.update()
            return results
        results = []
        for chunk in chunks:
            results.append(fn(chunk))
            bar.update()
        return results
    finally:
        bar.close()
        release_memory()  # what the chunks' work left in this process's heap


def _released(fn: Callable[[Any], Any], chunk: Any) -> Any:
    """``fn(chunk)`` in a worker process, then the worker's freed heap given back to the system:
    an idle worker otherwise keeps its largest chunk's memory resident until the pool stops."""
    try:
        return fn(chunk)
    finally:
        release_memory()


def stop_workers() -> None:
    """Stop the worker processes ``map_chunks`` keeps for its next call (joblib's reusable
    loky pool). An idle worker holds what its chunks left (200-300 MB each at 100,000
    articles); a step that then holds much memory in this process for a long while (the
    containment search of ``shared_passages``) stops them first, and the next
    ``map_chunks`` starts new ones (a fraction of a second). Nothing happens when no
    workers were started here."""
    if not _POOL["started"]:
        return
    from joblib.externals.loky import get_reusable_executor

    get_reusable_executor().shutdown(wait=True)
    _POOL["started"] = False


def release_memory() -> None:
    """Give the heap memory freed so far back to the system (glibc's ``malloc_trim``, and
    the unused pages of pyarrow's memory pool, which holds pandas' ``str`` columns).

    A step that builds and drops millions of small objects (token lists, shingles) leaves
    the freed memory resident, and it counts in every later step's peak; a no-op where
    the C library is not glibc. Nothing is freed that is still in use.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    if "pyarrow" in sys.modules:  # never imported here only to release it
        with contextlib.suppress(AttributeError):
            sys.modules["pyarrow"].default_memory_pool().release_unused()


def map_articles(
    fn: Callable[[pd.DataFrame], pd.DataFrame],
    table: pd.DataFrame,
    *,
    n_jobs: int | None = None,
    client: Any = None,
    desc: str | None = None,
    column: str = "article_id",
) -> pd.DataFrame:
    """``fn(table)`` computed chunk by chunk of whole articles and concatenated in order.

    Only for functions whose rows for one article depend on that article alone.
    Small tables (fewer than ``MIN_PARALLEL_ARTICLES`` articles, no Dask client) are
    passed to ``fn`` whole.
    """
    n_articles = table[column].nunique() if column in table.columns else len(table)
    if dask_client(client) is None and (n_articles < MIN_PARALLEL_ARTICLES or n_jobs == 1):
        return fn(table)
    chunks = article_chunks(table, column=column)
    if len(chunks) == 1 and dask_client(client) is None:
        return fn(table)
    parts = map_chunks(fn, chunks, n_articles=n_articles, n_jobs=n_jobs, client=client, desc=desc)
    out = pd.concat(parts, ignore_index=True)
    del parts, chunks
    release_memory()  # the chunks' tables, now copied into one
    return out
