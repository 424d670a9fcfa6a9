"""Exact all-pairs peer for ``helpers.overlap.shared_passages``, and its recall.

    python -m benchmarks.allpairs --articles 10000 --queries 2000 [--n-jobs 2] [--full] [--lsh]

``exact_pairs(sentences)`` finds *every* pair of sentences from different articles that
``compare_sentences`` accepts (coverage >= 0.8, both sentences with at least 6
normalised tokens): the answer ``shared_passages`` approximates with its candidate search. It
looks at every pair, but not one at a time:

1. Each sentence becomes a row of a sparse 0/1 matrix ``X`` whose columns are *word
   occurrences*: ``(w, 1)``, ``(w, 2)``, ... for the first, second, ... time the
   normalised token ``w`` appears in the sentence. So ``X[q] . X[s]`` is exactly the
   multiset intersection ``sum_w min(tf_q(w), tf_s(w))``, not the looser
   ``sum_w tf_q(w) * tf_s(w)`` of plain counts (on the 10,000-article synthetic corpus
   6 candidates a sentence pass the bound below instead of 9,400).
2. Spelling variants (balked/baulked: ``compare_sentences`` counts them as matches)
   are added *exactly*: ``G`` links ``(w, k)`` and ``(v, k)`` for every pair of words
   of the vocabulary that ``is_variant`` accepts in either order, and block by block
   of query rows ``B = X_q (I + G) X^T``. See ``exact_pairs`` for why
   ``B >= matched words`` for every pair, so ``B / min(len_q, len_s) >= min_coverage``
   is a necessary condition and no accepted pair is lost.
3. Every pair passing that bound is verified with ``compare_sentences`` (texts in
   ``shared_passages``' a/b order), in ``n_jobs`` worker processes.

``recall(found, exact)`` compares two pair tables. ``run()`` (the command line) builds
a synthetic corpus, runs ``exact_pairs`` on a seeded random sample of query sentences
(each against *all* sentences), extrapolates the full all-pairs time (the cost is
linear in the number of query rows), times ``shared_passages`` on the whole corpus
and measures its recall on the pairs that involve a query sentence.
"""

from __future__ import annotations

import argparse
import inspect
import json
import multiprocessing
import resource
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from helpers.overlap import (
    LETTERS,
    MIN_COVERAGE,
    MIN_SENTENCE_TOKENS,
    VARIANT_MIN_LETTERS,
    VARIANT_MIN_RATIO,
    compare_sentences,
    is_variant,
    normalise_tokens,
)

EXACT_COLUMNS = ["sentence_id_a", "sentence_id_b", "coverage"]
# Memory of one block's sparse product. Every pair of sentences sharing a word ("the")
# is a non-zero, so a row of the product is nearly as wide as the corpus (192,000 of
# 204,000 at 10,000 synthetic articles). scipy's product peaks at about 18 bytes a
# non-zero (its int32 index and value arrays and their copies while it builds the
# matrix) and the filter adds 1: measured with tracemalloc, a block of 64 rows against
# 207,000 sentences peaks at 232 MB. Blocks are sized for rows of full width, so a block
# stays under BLOCK_BYTES whatever the corpus (per worker process, on top of the index).
BLOCK_BYTES = 256 * 2**20
BYTES_PER_NONZERO = 20
DEFAULT_JOBS = 2
SIMILAR_LENGTH = 0.5  # recall also for pairs whose shorter sentence has half the longer's tokens

_STATE: dict = {}  # set in each process before a block is searched (inherited on fork)


# ---------------------------------------------------------------------------
# The index: occurrence features and the variant links
# ---------------------------------------------------------------------------

def variant_links(words) -> list[tuple[str, str]]:
    """Pairs ``(x, y)``, x < y, of distinct words that ``is_variant`` accepts in either order.

    Only words of letters alone with at least ``VARIANT_MIN_LETTERS`` letters can be
    variants, and only words of one first letter whose lengths allow a ratio of
    ``VARIANT_MIN_RATIO`` (ratio <= 2 * shorter / (both lengths)); difflib's
    ``quick_ratio`` (an upper bound on ``ratio`` in either order) prunes the rest.
    Quadratic in the words of one first letter: instant for the synthetic corpus
    (751 words), minutes for a vocabulary of a few hundred thousand.
    """
    by_letter: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        if len(w) >= VARIANT_MIN_LETTERS and LETTERS.fullmatch(w):
            by_letter.setdefault(w[0], []).append(w)
    links = []
    for group in by_letter.values():
        group.sort(key=len)
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                if 2 * len(x) < VARIANT_MIN_RATIO * (len(x) + len(y)) - 1e-9:
                    break  # longer words only make it worse
                if SequenceMatcher(None, x, y).quick_ratio() < VARIANT_MIN_RATIO - 1e-9:
                    continue
                if is_variant(x, y) or is_variant(y, x):
                    links.append((min(x, y), max(x, y)))
    return sorted(links)


def _build_index(texts: list[str], min_tokens: int) -> dict:
    """Rows (positions in ``texts``) of sentences with at least ``min_tokens`` tokens, their
    lengths, ``X`` (rows x occurrence features, 0/1, int32 CSR) and ``XG = X (I + G)``."""
    features: dict[tuple[str, int], int] = {}
    rows, indptr, indices, lengths = [], [0], [], []
    for i, text in enumerate(texts):
        norms = [t.norm for t in normalise_tokens(text)]
        if len(norms) < min_tokens:
            continue
        seen: dict[str, int] = {}
        for w in norms:
            seen[w] = seen.get(w, 0) + 1
            indices.append(features.setdefault((w, seen[w]), len(features)))
        indptr.append(len(indices))
        rows.append(i)
        lengths.append(len(norms))
    n_features = len(features)
    x_csr = sp.csr_matrix(
        (
            np.ones(len(indices), dtype=np.int32),
            np.asarray(indices, dtype=np.int32),
            np.asarray(indptr, dtype=np.int64),
        ),
        shape=(len(rows), n_features),
    )
    x_csr.sort_indices()
    links = variant_links({w for w, _ in features})
    g_rows, g_cols = [], []
    for x, y in links:
        k = 1
        while (x, k) in features and (y, k) in features:
            g_rows += [features[(x, k)], features[(y, k)]]
            g_cols += [features[(y, k)], features[(x, k)]]
            k += 1
    g_csr = sp.csr_matrix((np.ones(len(g_rows), dtype=np.int32), (g_rows, g_cols)), shape=(n_features, n_features))
    xg_csr = (x_csr @ (sp.identity(n_features, dtype=np.int32, format="csr") + g_csr)).tocsr() if len(g_rows) else x_csr
    return dict(rows=np.asarray(rows, dtype=np.int64), lengths=np.asarray(lengths, dtype=np.int64), X=x_csr, XG=xg_csr,
                n_features=n_features, n_links=len(links))


# ---------------------------------------------------------------------------
# Searching one block of query rows (in a worker process, or here)
# ---------------------------------------------------------------------------

def _init_worker(state: dict) -> None:
    _STATE.clear()
    _STATE.update(state)


def _search_block(task: tuple[np.ndarray, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    """Pairs of one block of query rows (indexes into the index's rows) that pass.

    ``task = (query_positions, first_column)``: the block is compared with index rows
    ``first_column`` onwards (the triangle when every sentence is a query; 0 otherwise).
    Returns ``(i, j, coverage, n_bound, n_verified)``: table rows of accepted pairs in
    a/b order, their coverage, the pairs passing the bound and the calls to
    ``compare_sentences``.
    """
    positions, first_column = task
    st = _STATE
    lengths, rank, rows, texts = st["lengths"], st["rank"], st["rows"], st["texts"]
    c = st["min_coverage"]
    cols = st["X"][first_column:].T.tocsr() if st["triangle"] else st["XT"]
    product = st["XG"][positions] @ cols  # int32; B[q, s] >= words compare_sentences can match
    # Cheap pass over every non-zero first: B >= c * min_tokens is necessary.
    hit = np.flatnonzero(product.data >= c * st["min_tokens"] - 1e-9)
    q = positions[np.searchsorted(product.indptr, hit, side="right") - 1]
    s = product.indices[hit].astype(np.int64) + first_column
    bound = product.data[hit].astype(np.float64)
    del product
    # The exact bound, in the same float arithmetic as compare_sentences' coverage.
    keep = bound / np.minimum(lengths[q], lengths[s]) >= c
    keep &= (s > q) if st["triangle"] else (s != q)
    i, j = rows[q[keep]], rows[s[keep]]
    keep = rank[i] != rank[j]
    i, j = i[keep], j[keep]
    swap = (rank[i] > rank[j]) | ((rank[i] == rank[j]) & (i > j))
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    cache: dict[tuple[str, str], float] = {}
    coverage = np.empty(len(i))
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        key = (texts[a], texts[b])
        if key not in cache:
            cache[key] = compare_sentences(*key).coverage
        coverage[k] = cache[key]
    ok = coverage >= c
    return i[ok], j[ok], coverage[ok], len(i), len(cache)


# ---------------------------------------------------------------------------
# The exact all-pairs search
# ---------------------------------------------------------------------------

def exact_pairs(
    sentences: pd.DataFrame,
    *,
    queries=None,
    min_tokens: int = MIN_SENTENCE_TOKENS,
    min_coverage: float = MIN_COVERAGE,
    block: int | None = None,
    n_jobs: int = DEFAULT_JOBS,
) -> pd.DataFrame:
    """Every pair of sentences from different articles that ``compare_sentences`` accepts.

    Considers every pair ``(q, s)``, ``q`` in ``queries`` (sentence ids; default every
    sentence) and ``s`` any sentence of another article, both with at least
    ``min_tokens`` normalised tokens, and keeps those whose ``compare_sentences(text_a,
    text_b).coverage >= min_coverage``: ``shared_passages``' criterion, applied to all
    pairs instead of the candidate search's.

    Why no pair is missed (the variants handled exactly, not by a looser threshold).
    ``compare_sentences`` maps each word ``y`` only in b to at most one variant ``x``
    only in a (and no two y to one x), then counts words in difflib's matching runs.
    Matching runs pair equal tokens one to one, so matched words <= the multiset
    intersection of a's tokens and b's mapped tokens = sum over shared words ``w`` of
    ``min(tf_a(w), tf_b(w))`` + sum over mapped pairs of ``min(tf_a(x), tf_b(y))``
    <= ``B = X_q (I + G) X_s^T`` (X's columns are word occurrences, so ``X_q X_s^T`` is
    the first sum exactly; ``G``'s part sums ``min(tf_q(x), tf_s(y))`` over every variant
    pair of the vocabulary, in both directions, which includes the mapped ones). Hence
    ``B / min(len_q, len_s) < min_coverage`` implies coverage < min_coverage (float
    division is monotonic, so this holds for the computed floats too), and only pairs
    with a bound at least ``min_coverage`` are verified. The result is exact: the same
    set a double loop of ``compare_sentences`` over all pairs would give.

    Cost: one sparse product row per query sentence against every sentence (a few ms
    a query row at 204,000 sentences; it dominates on the synthetic corpus, where about
    6 pairs a sentence pass the bound) and ``compare_sentences`` on each pair passing
    the bound (~120 us a pair; it dominated on an earlier synthetic corpus with many
    near-duplicates, 210 a sentence). Both are linear in the number of query rows.
    With ``queries=None`` each block is compared only with the sentences from its own
    first row on, so each pair is looked at once: half the work of every sentence as a
    query against all.

    Parameters
    ----------
    sentences
        ``split_sentences`` output (``article_id``, ``sentence_id``, ``text``), in
        article order: a pair's ``a`` is the sentence whose article comes first.
    queries
        Sentence ids to search from (each against every sentence); None: all.
    block
        Query rows per sparse product; default: as many as keep a block's product
        under ``BLOCK_BYTES`` (256 MB) with rows of full width, and at most a quarter of
        a worker's share of the query rows.
    n_jobs
        Worker processes (forked; 1: here).

    Returns
    -------
    DataFrame
        ``sentence_id_a, sentence_id_b, coverage``, one row per pair, sorted by a's
        article and position, then b's. ``.attrs["stats"]``: ``setup_s`` (tokens, index),
        ``search_s`` (products and verification), ``n_indexed``, ``n_query_rows``,
        ``n_bound`` (pairs passing the bound), ``n_verified`` (distinct text pairs
        compared), ``n_links`` (variant word pairs), ``block``, ``n_blocks``.
    """
    for col in ("article_id", "sentence_id", "text"):
        if col not in sentences.columns:
            raise KeyError(f"sentences needs the column {col}")
    start = time.perf_counter()
    table = sentences.reset_index(drop=True)
    texts = table["text"].fillna("").astype(str).tolist()
    rank = pd.factorize(table["article_id"].astype(str))[0].astype(np.int64)
    index = _build_index(texts, min_tokens)
    n = len(index["rows"])
    triangle = queries is None
    if triangle:
        positions = np.arange(n)
    else:
        wanted = set(pd.Series(list(queries)).astype(str))
        is_query = table["sentence_id"].astype(str).isin(wanted).to_numpy()
        positions = np.flatnonzero(is_query[index["rows"]])
    if block is None:
        block = BLOCK_BYTES // (BYTES_PER_NONZERO * max(n, 1))
        if n_jobs > 1:  # at least 4 blocks a worker, so none waits long for the last one
            block = min(block, -(-len(positions) // (4 * n_jobs)))
        block = max(1, min(len(positions), block))
    state = dict(lengths=index["lengths"], rank=rank, rows=index["rows"], texts=texts, X=index["X"],
                 XG=index["XG"], XT=None if triangle else index["X"].T.tocsr(), min_coverage=min_coverage,
                 min_tokens=min_tokens, triangle=triangle)
    tasks = [(positions[k:k + block], int(positions[k]) if triangle else 0) for k in range(0, len(positions), block)]
    setup = time.perf_counter() - start

    start = time.perf_counter()
    if n_jobs > 1 and len(tasks) > 1:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ProcessPoolExecutor(max_workers=n_jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(state,)) as pool:
            parts = list(pool.map(_search_block, tasks))
    else:
        _init_worker(state)
        parts = [_search_block(t) for t in tasks]
        _STATE.clear()
    search = time.perf_counter() - start

    i = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    j = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int64)
    cov = np.concatenate([p[2] for p in parts]) if parts else np.empty(0)
    if len(i):  # a pair of two query sentences is found from both
        _, first = np.unique(i * len(table) + j, return_index=True)
        i, j, cov = i[first], j[first], cov[first]
    order = np.lexsort((j, rank[j], i, rank[i]))
    ids = table["sentence_id"].to_numpy()
    out = pd.DataFrame(dict(zip(EXACT_COLUMNS, (ids[i[order]], ids[j[order]], cov[order]), strict=True)))
    out.attrs["stats"] = dict(
        setup_s=round(setup, 3), search_s=round(search, 3), n_indexed=n, n_query_rows=len(positions),
        n_bound=int(sum(p[3] for p in parts)), n_verified=int(sum(p[4] for p in parts)),
        n_links=index["n_links"], n_features=index["n_features"], block=block, n_blocks=len(tasks),
    )
    return out


# ---------------------------------------------------------------------------
# Recall
# ---------------------------------------------------------------------------

def _pair_keys(pairs: pd.DataFrame) -> pd.Index:
    a, b = pairs["sentence_id_a"].astype(str).to_numpy(), pairs["sentence_id_b"].astype(str).to_numpy()
    lo, hi = np.where(a <= b, a, b), np.where(a <= b, b, a)
    return pd.MultiIndex.from_arrays([lo, hi])


def recall(found: pd.DataFrame, exact: pd.DataFrame) -> dict:
    """How many of the ``exact`` pairs ``found`` has, as unordered sentence-id pairs.

    Returns
    -------
    dict
        ``n_exact``, ``n_found`` (exact pairs in found), ``share`` (n_found / n_exact;
        1.0 when exact is empty), ``n_extra`` (pairs of found not in exact: 0 when found
        only has pairs the criterion accepts), ``missed`` (the rows of ``exact`` not
        found, for inspection).
    """
    exact_keys, found_keys = _pair_keys(exact), _pair_keys(found)
    present = exact_keys.isin(found_keys)
    n_found = int(present.sum())
    return dict(
        n_exact=len(exact), n_found=n_found, share=n_found / len(exact) if len(exact) else 1.0,
        n_extra=int((~found_keys.isin(exact_keys)).sum()), missed=exact[~present].reset_index(drop=True),
    )


# ---------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------

def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n_articles: int, n_queries: int | None, *, seed: int = 0, n_jobs: int = DEFAULT_JOBS,  # noqa: PLR0915 -- a benchmark run reads top to bottom
        workdir: Path = Path("/tmp"), full: bool = False, save: Path | None = None, lsh: bool = False) -> dict:
    """Exact all-pairs on a query sample (or all, ``full``) against ``shared_passages``.

    ``n_queries`` sentence ids drawn at random (``numpy.random.default_rng(seed)``), each
    searched against every sentence. ``allpairs_full_s`` extrapolates the sample's search
    time to every sentence as a query: setup + search x n_sentences / n_queries / 2 (the
    full run looks at each pair once, from its earlier sentence; see ``exact_pairs``);
    ``allpairs_full_ordered_s`` is without the halving (every sentence against all).
    ``recall`` is over the exact pairs with a query sentence on either side;
    ``recall_similar_length`` over those whose shorter sentence has at least
    ``SIMILAR_LENGTH`` of the longer's tokens (LSH on shingle Jaccard cannot see a short
    sentence inside a long one, which ``compare_sentences``' coverage accepts). ``save``:
    a Parquet file for the exact pairs, with their token counts and whether found.
    ``lsh``: ``shared_passages`` with MinHash LSH (``lsh_threshold=LSH_THRESHOLD``) beside the
    containment search (default: the containment search alone).
    """
    from benchmarks.synth import make_corpus
    from helpers.corpus import load_corpus
    from helpers.overlap import LSH_THRESHOLD, shared_passages
    from helpers.text import split_sentences

    warnings.simplefilter("ignore")
    table, _ = make_corpus(n_articles)
    path = Path(workdir) / f"allpairs_synthetic_{n_articles}.parquet"
    table.to_parquet(path)
    articles, _, _ = load_corpus(path, cache=False)
    sentences = split_sentences(articles)
    ids = sentences["sentence_id"].astype(str).to_numpy()
    res: dict = dict(n_articles=n_articles, n_sentences=len(sentences), n_jobs=n_jobs)

    if full or not n_queries or n_queries >= len(ids):
        queries = None
        res["n_queries"] = len(ids)
    else:
        queries = np.random.default_rng(seed).choice(ids, size=n_queries, replace=False)
        res["n_queries"] = n_queries
    start = time.perf_counter()
    exact = exact_pairs(sentences, queries=queries, n_jobs=n_jobs)
    res["allpairs_s"] = round(time.perf_counter() - start, 2)
    stats = exact.attrs["stats"]
    res.update({f"allpairs_{k}": v for k, v in stats.items()})
    scale = len(ids) / res["n_queries"]
    if queries is None:
        res["allpairs_full_s"] = res["allpairs_s"]
    else:
        res["allpairs_full_s"] = round(stats["setup_s"] + stats["search_s"] * scale / 2, 1)
        res["allpairs_full_ordered_s"] = round(res["allpairs_s"] * scale, 1)
    res["n_exact_pairs"] = len(exact)
    res["n_exact_pairs_full_est"] = len(exact) if queries is None else round(len(exact) * scale / 2)

    kwargs = {"articles": articles} if "articles" in inspect.signature(shared_passages).parameters else {}
    kwargs.update({"lsh_threshold": LSH_THRESHOLD} if lsh else {})
    start = time.perf_counter()
    passages = shared_passages(sentences, **kwargs)
    res["shared_passages_s"] = round(time.perf_counter() - start, 2)
    res["n_shared_passages"] = len(passages)
    found = passages[["sentence_id_a", "sentence_id_b"]]
    if queries is not None:
        q = set(queries)
        found = found[found["sentence_id_a"].astype(str).isin(q) | found["sentence_id_b"].astype(str).isin(q)]
    rec = recall(found, exact)
    res.update(recall=round(rec["share"], 5), n_recalled=rec["n_found"], n_missed=len(rec["missed"]),
               n_extra=rec["n_extra"])
    # Recall by shape: pairs of similar length, and a short sentence inside a long one.
    n_tokens = dict(
        zip(ids, (len(normalise_tokens(t)) for t in sentences["text"].fillna("").astype(str)), strict=False)
    )
    short = exact["sentence_id_a"].map(n_tokens).combine(exact["sentence_id_b"].map(n_tokens), min)
    long = exact["sentence_id_a"].map(n_tokens).combine(exact["sentence_id_b"].map(n_tokens), max)
    similar = exact[short >= SIMILAR_LENGTH * long]
    rec_similar = recall(found, similar)
    res.update(n_exact_similar_length=len(similar), recall_similar_length=round(rec_similar["share"], 5))
    if save is not None:
        exact.assign(n_tokens_short=short, n_tokens_long=long,
                     found=_pair_keys(exact).isin(_pair_keys(found))).to_parquet(save)
    res["speedup"] = round(res["allpairs_full_s"] / res["shared_passages_s"], 2) if res["shared_passages_s"] else None
    res["peak_rss_mb"] = round(_max_rss_mb(), 1)
    res["missed_sample"] = rec["missed"].head(5).to_dict("records")
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=2_000, help="query sentences sampled (0: all)")
    parser.add_argument("--full", action="store_true", help="every sentence a query (no extrapolation)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n-jobs", type=int, default=DEFAULT_JOBS)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp"))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--save", type=Path, help="write the exact pairs (Parquet) here")
    parser.add_argument("--lsh", action="store_true", help="MinHash LSH too (default: containment alone)")
    args = parser.parse_args(argv)
    res = run(args.articles, args.queries, seed=args.seed, n_jobs=args.n_jobs, workdir=args.workdir,
              full=args.full, save=args.save, lsh=args.lsh)
    for key, value in res.items():
        if key != "missed_sample":
            print(f"{key:>28}  {value}")
    for row in res["missed_sample"]:
        print("missed:", row)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
