"""Shared passages: pairs of sentences from different articles that are the same text, or nearly.

``shared_passages(sentences)`` works in three steps, none of which compares all pairs of
sentences:

1. Each sentence of at least ``min_tokens`` normalised tokens gets a hash of its token
   sequence and its word ``shingle_size``-grams (words cut to their first
   ``entries.FOLD_LETTERS`` letters). Identical sentences (same hash) are paired
   directly; each distinct sentence is indexed once.
2. A containment search proposes candidate pairs (``helpers.overlap.containment``): the
   pairs where at least ``containment`` of the shorter sentence's 3-grams are in the
   other, found through its rarest ones (a prefix filter), and that pass a word count
   they cannot fail and still be verified. A near-identical pair has a containment near
   1, and a short sentence inside a long one too, which MinHash LSH on Jaccard misses
   (few of the long one's 3-grams are the short one's). With ``lsh_threshold``, MinHash
   LSH proposes pairs as well: each sentence's MinHash (``datasketch.MinHash``,
   ``num_perm`` permutations, fixed ``seed``) is cut into the bands
   ``datasketch.MinHashLSH`` would use for that Jaccard threshold, and two sentences are
   candidates when they agree on a whole band (``helpers.overlap.lsh``). Off by default:
   on the 10,000-article synthetic corpus it adds no pair the containment search misses
   and takes about a third of the stage's time (``benchmarks.allpairs``).
3. Each candidate pair from two different articles is verified with
   ``compare_sentences`` and kept when its ``coverage`` is at least ``min_coverage``:
   the "verified" tier. With ``partial_min_coverage``, a pair below that whose
   ``overlap_share`` (runs in order or in any order) is at least ``partial_min_coverage``
   is kept too, in the "partial" tier: a wire sentence rewritten (clauses moved, added
   or cut), listed with its share, never counted as shared copy.

Steps 1 and 3 run on every core for a large corpus, or on a Dask cluster (``n_jobs``,
``client``; see ``helpers.parallel``), and step 2 searches ``n_jobs`` slabs of dates at
once in threads of this process, with the same result.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..arrays import distinct
from ..parallel import article_chunks, default_jobs, map_chunks, release_memory, stop_workers
from ..tables import require_columns
from .align import (
    LETTERS,
    MIN_COVERAGE,
    VARIANT_MIN_LETTERS,
    align_mapped,
    any_order_mapped,
    coverage_and_similarity,
    map_variants,
    matched_bound,
    variant_pairs,
)
from .containment import CONTAINMENT_THRESHOLD, containment_search
from .entries import TokenEntries, run_positions
from .lsh import (
    MIN_SENTENCE_TOKENS,
    NUM_PERM,
    SEED,
    SENTENCE_SHINGLE_SIZE,
    band_pairs,
    lsh_bands,
    signature_chunk,
)
from .tokens import token_norms

PASSAGE_COLUMNS = [
    "passage_id", "article_id_a", "outlet_a", "sentence_id_a", "start_char_a", "end_char_a", "text_a",
    "article_id_b", "outlet_b", "sentence_id_b", "start_char_b", "end_char_b", "text_b",
    "same_outlet", "coverage", "similarity", "n_tokens_a", "n_tokens_b", "n_matched", "variants",
    "overlap_share", "tier",
]
VERIFIED, PARTIAL = "verified", "partial"  # the tiers: coverage >= min_coverage; overlap_share >= partial
VERIFY_CHUNK = 20_000  # candidate pairs per chunk of the exact check
GATHER_TRIM = 50  # chunks of step 1 copied between two hand-backs of their memory (malloc_trim)
SIGNATURE_CHUNK = 250  # articles per chunk of step 1: its shingles and MinHash objects held at once


Texts = pd.api.extensions.ExtensionArray  # the sentences' texts, one str column (``sentence_texts``)


def sentence_texts(column: pd.Series) -> Texts:
    """The sentences' texts as one column of ``str`` ("" for a missing one), in the table's
    own memory when it already is one. Not a Python string each: as a list, the texts of
    2 million sentences hold about 500 MB more, for the whole stage; each chunk's are
    made from the column when the chunk is worked on (a slice of it is what a worker is sent)."""
    text = column if column.dtype == "str" and not column.hasnans else column.fillna("").astype(str)
    return text.array


class _Groups(NamedTuple):
    """Indexed sentences grouped by identical token sequence (one group per distinct text)."""

    positions: np.ndarray  # row in the sentences table of each indexed sentence
    codes: np.ndarray  # its group
    first_row: np.ndarray  # per group: its first indexed sentence (an index into positions)
    size: np.ndarray  # per group: how many sentences
    members: np.ndarray  # rows in the table of the indexed sentences, by group (each group's in order)
    member_start: np.ndarray  # per group: where its rows start in members


def may_pass(na: list[str], nb: list[str], min_coverage: float, partial: float | None = None) -> bool:
    """False only when ``compare_sentences`` on two sentences (their ``token_norms``) can
    neither reach ``min_coverage`` nor, with ``partial``, an ``overlap_share`` of ``partial``.

    A cheap, exact upper bound first. A word counted as matched is paired with one word
    of the other sentence: the same word, or a spelling variant, which is a word of
    ``VARIANT_MIN_LETTERS`` letters or more missing from the other sentence and starting
    with the letter of one missing from this one. So the matched words are at most the
    words both have (each as often as the sentence with fewer of it has it) plus the
    fewer of the two sentences' possible variants. The any-order share (the partial
    tier) counts the shorter sentence's words that are in the other or possible variants.
    """
    shorter = min(len(na), len(nb))
    if shorter == 0:
        return False
    ca, cb = Counter(na), Counter(nb)
    common = sum(min(n, cb[w]) for w, n in ca.items() if w in cb)
    if common / shorter >= min_coverage:
        return True
    var_a, var_b = _possible_variants(ca, cb), _possible_variants(cb, ca)
    bound = common + min(sum(ca[w] for w in var_a), sum(cb[w] for w in var_b))
    if bound / shorter >= min_coverage:
        return True
    if partial is None:
        return False
    short, other, var = (ca, cb, var_a) if len(na) <= len(nb) else (cb, ca, var_b)
    any_order = sum(n for w, n in short.items() if w in other or w in var)
    return max(bound, any_order) / shorter >= partial


def _possible_variants(own: Counter, other: Counter) -> set[str]:
    """The words of one sentence that may be spelling variants of a word of the other (see ``is_variant``)."""
    def variable(w: str) -> bool:
        return len(w) >= VARIANT_MIN_LETTERS and LETTERS.fullmatch(w) is not None

    starts = {w[0] for w in other if w not in own and variable(w)}
    return {w for w in own if w not in other and w[0] in starts and variable(w)} if starts else set()


def verify_chunk(args: tuple) -> list[tuple]:
    """``compare_sentences`` on each pair of texts; the scores of those that pass.

    ``args`` is ``(pairs, min_coverage, partial_min_coverage)`` (the last None: no partial
    tier); returns ``(k, coverage, similarity, n_tokens_a, n_tokens_b, n_matched, variants,
    overlap_share, tier)`` for each pair ``k`` that passes: "verified" when its coverage is
    at least ``min_coverage``, else "partial" when its overlap share is at least the other.
    Each text is normalised once (``token_norms``); a pair that ``may_pass`` rules out,
    or whose ``matched_bound`` cannot reach the thresholds, is not aligned.
    """
    pairs, min_coverage, partial = args
    norms: dict[str, list[str]] = {}
    out = []
    for k, (a, b) in enumerate(pairs):
        na, nb = norms.get(a), norms.get(b)
        if na is None:
            na = norms[a] = token_norms(a)
        if nb is None:
            nb = norms[b] = token_norms(b)
        if not may_pass(na, nb, min_coverage, partial):
            continue
        variants = variant_pairs(na, nb)
        mb = map_variants(nb, variants)
        shorter = min(len(na), len(nb))
        any_order = any_order_mapped(na, mb) if partial is not None else None
        reach = matched_bound(na, mb) / shorter  # the highest coverage aligning could give
        if reach < min_coverage and (any_order is None or max(reach, any_order) < partial):
            continue
        _, matched = align_mapped(na, mb)
        coverage, similarity = coverage_and_similarity(matched, len(na), len(nb))
        share = max(coverage, any_order_mapped(na, mb) if any_order is None else any_order)
        tier = VERIFIED if coverage >= min_coverage else PARTIAL if partial is not None and share >= partial else ""
        if tier:
            out.append((k, coverage, similarity, len(na), len(nb), matched,
                        "; ".join(f"{x}/{y}" for x, y in variants), share, tier))
    return out


def _signatures(table: pd.DataFrame, texts: Texts, params: tuple, run: dict) -> tuple:
    """Step 1, chunk by chunk of articles: ``(positions, digests, keys, (vocab, ids,
    lengths))`` of the indexed sentences (see ``signature_chunk``; ``params`` are its
    arguments after the texts), the ids numbered into one corpus-wide ``vocab``."""
    chunks = article_chunks(table, size=SIGNATURE_CHUNK) if len(table) else []
    offsets = np.cumsum([0] + [len(c) for c in chunks])
    step = "MinHash" if params[-2] else "shingles"  # no bands: LSH off
    jobs = [(texts[a:b], *params) for a, b in pairwise(offsets)]
    results = [[r[0] + off, r[1], r[2], *r[3]] for r, off in
               zip(map_chunks(signature_chunk, jobs, **run, desc=f"shared passages: {step}"), offsets, strict=False)]
    vocab = distinct(np.concatenate([r[3] for r in results])) if results else np.empty(0, dtype=np.uint64)
    for r in results:  # each chunk's ids into the corpus-wide vocab
        r[4] = np.searchsorted(vocab, r[3]).astype(np.int32)[r[4]]
        r[3] = None
    empty = (np.empty(0, dtype=np.int64), np.empty(0, dtype="V16"), np.zeros((0, params[-2]), dtype=np.uint64),
             None, np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int64))
    fields = [None if none is None else _gather(results, k, none) for k, none in enumerate(empty)]
    return fields[0], fields[1], fields[2], (vocab, fields[4], fields[5])


def _gather(results: list[list], k: int, empty: np.ndarray) -> np.ndarray:
    """Field ``k`` of every chunk's result, concatenated; each chunk's copy is dropped as
    soon as it is copied and its memory handed back every ``GATHER_TRIM`` chunks, so that
    a field is held about once, not twice (as ``np.concatenate`` would: 375 MB for the
    shingles of 100,000 articles)."""
    if not results:
        return empty
    first = results[0][k]
    out = np.empty((sum(len(r[k]) for r in results), *first.shape[1:]),
                   dtype=np.result_type(*[r[k].dtype for r in results]))
    at = 0
    for n, r in enumerate(results, start=1):
        out[at:at + len(r[k])] = r[k]
        at += len(r[k])
        r[k] = None
        if n % GATHER_TRIM == 0 or n == len(results):
            release_memory()  # the copied chunks' memory, freed but resident until handed back
    return out


def _identical_groups(positions: np.ndarray, digests: np.ndarray) -> _Groups:
    """The indexed sentences grouped by token digest: identical texts share a group,
    numbered in order of first appearance."""
    _, first, inverse = np.unique(digests, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    codes = rank[inverse.ravel()]
    n_groups = int(codes.max()) + 1 if len(codes) else 0
    first_row = np.full(n_groups, len(codes), dtype=np.int64)
    np.minimum.at(first_row, codes, np.arange(len(codes)))
    size = np.bincount(codes, minlength=n_groups)
    members = positions[np.argsort(codes, kind="stable")]  # one pass: each group's rows, in order
    return _Groups(positions, codes, first_row, size, members, np.cumsum(size) - size)


def _group_days(article_ids: pd.Series, articles: pd.DataFrame, groups: _Groups) -> np.ndarray:
    """Each group's earliest article date, in days (NaN for a group with no date: compared
    at any distance)."""
    dates = article_ids.map(
        dict(zip(articles["article_id"].astype(str), pd.to_datetime(articles["date"]), strict=False))
    )
    row_days = (dates - pd.Timestamp("1970-01-01")).dt.days.astype(float).to_numpy()
    group_days = np.full(len(groups.first_row), np.inf)
    np.minimum.at(group_days, groups.codes, np.nan_to_num(row_days[groups.positions], nan=np.inf))
    return np.where(np.isinf(group_days), np.nan, group_days)


def _group_entries(groups: _Groups, tokens: tuple, shingle_size: int) -> TokenEntries:
    """The folded words of each group's first sentence (``tokens`` as ``_signatures``
    gives them, for every indexed sentence), for the containment search. Groups are
    numbered in the order of their first sentences, so those sentences' words, in row
    order, are the groups' in group order."""
    vocab, ids, lengths = tokens
    first = np.zeros(len(lengths), dtype=bool)
    first[groups.first_row] = True
    ids = ids if first.all() else _compact(ids, np.repeat(first, lengths))
    return TokenEntries(vocab, ids, lengths[groups.first_row], shingle_size)


def _compact(values: np.ndarray, kept: np.ndarray, chunk: int = 1 << 20) -> np.ndarray:
    """``values[kept]``, written over the start of ``values`` itself (a view of it), chunk
    by chunk: no second copy of a field of every shingle."""
    n = 0
    for a in range(0, len(values), chunk):
        part = values[a:a + chunk][kept[a:a + chunk]]
        values[n:n + len(part)] = part
        n += len(part)
    return values[:n]


def _contained(source: TokenEntries, threshold: float, days, window, n_jobs: int | None) -> np.ndarray:
    """Step 2's containment candidates (``containment_search``, with the word check) over
    each group's first sentence, ``n_jobs`` searches at once (None: one a core)."""
    threads = default_jobs() if n_jobs is None else max(n_jobs, 1)
    return containment_search(source, threshold=threshold, days=days, window=window, check_words=True,
                              threads=threads)


def _candidate_rows(groups: _Groups, pair_codes: np.ndarray, article_rank: np.ndarray) -> tuple:
    """Step 2's pairs of groups, and every pair of identical texts, as pairs of table rows
    ``(i_rows, j_rows)`` from two different articles, i's article first."""
    n_groups = max(len(groups.first_row), 1)
    size, start, members = groups.size, groups.member_start, groups.members
    g, h = pair_codes // n_groups, pair_codes % n_groups
    count = size[g] * size[h]  # every row of g with every row of h
    pair = np.repeat(np.arange(len(g)), count)
    k = run_positions(count)
    i_rows, j_rows = members[start[g][pair] + k // size[h][pair]], members[start[h][pair] + k % size[h][pair]]
    group = np.repeat(np.arange(len(size)), size)  # each member's group, then each pair of members of one group
    after = size[group] - 1 - (np.arange(len(members)) - start[group])  # members after it in its group
    first = np.repeat(np.arange(len(members)), after)
    second = first + 1 + run_positions(after)
    i_rows, j_rows = np.r_[i_rows, members[first]].astype(np.int64), np.r_[j_rows, members[second]].astype(np.int64)
    keep = article_rank[i_rows] != article_rank[j_rows]
    i_rows, j_rows = i_rows[keep], j_rows[keep]
    swap = (article_rank[i_rows] > article_rank[j_rows]) | (
        (article_rank[i_rows] == article_rank[j_rows]) & (i_rows > j_rows))
    return np.where(swap, j_rows, i_rows), np.where(swap, i_rows, j_rows)


def _candidates(table: pd.DataFrame, texts: Texts, article_rank: np.ndarray, params: tuple,
                dated: tuple | None, containment: float | None, run: dict) -> tuple:
    """Steps 1 and 2: the candidate pairs as table rows ``(i_rows, j_rows)`` (``_candidate_rows``).

    ``dated`` is None or ``(article_ids, articles, window_days)``. The signatures, band
    keys and shingles are this function's alone, so they are freed before step 3.
    """
    positions, digests, keys, tokens = _signatures(table, texts, params, run)
    stop_workers()  # idle until step 3: their memory is the search's (step 3 starts new ones)
    release_memory()  # the chunks' results, now concatenated
    groups = _identical_groups(positions, digests)
    days = None if dated is None else _group_days(dated[0], dated[1], groups)
    window = None if dated is None else dated[2]
    source = None if containment is None else _group_entries(groups, tokens, params[1])
    del tokens, digests  # the source's ids are the same array, compacted in place
    keys = keys[groups.first_row]
    pair_codes = band_pairs(keys, days, window) if keys.shape[1] else np.empty(0, dtype=np.int64)  # 0 bands: LSH off
    del keys
    if containment is not None:
        pair_codes = np.union1d(pair_codes, _contained(source, containment, days, window, run["n_jobs"]))
    return _candidate_rows(groups, pair_codes, article_rank)


def _verify(texts: Texts, i_rows: np.ndarray, j_rows: np.ndarray, article_rank: np.ndarray,
            thresholds: tuple, run: dict) -> tuple:
    """Step 3: each distinct pair of texts checked once. Returns the pairs that pass,
    the verified tier first, each sorted by a's article and position, then b's, and their
    ``verify_chunk`` scores."""
    rows = distinct(np.r_[i_rows, j_rows])  # only the texts of the pairs: equal texts, equal ids
    text_id, unique_texts = pd.factorize(texts.take(rows))
    text_i, text_j = text_id[np.searchsorted(rows, i_rows)], text_id[np.searchsorted(rows, j_rows)]
    pair_code, _ = pd.factorize(text_i * max(len(unique_texts), 1) + text_j)
    first = np.unique(pair_code, return_index=True)[1]  # each distinct pair's first row, in order
    text_pairs = list(zip(unique_texts[text_i[first]], unique_texts[text_j[first]], strict=True))
    jobs = [(text_pairs[k:k + VERIFY_CHUNK], *thresholds) for k in range(0, len(text_pairs), VERIFY_CHUNK)]
    run = dict(run, n_articles=run["n_articles"] if len(text_pairs) > VERIFY_CHUNK else 0)
    checked = map_chunks(verify_chunk, jobs, **run, desc="shared passages: exact check")
    scores = {k + c * VERIFY_CHUNK: rest for c, part in enumerate(checked) for k, *rest in part}
    passed = np.array([scores.get(int(k)) is not None for k in pair_code], dtype=bool)
    i_rows, j_rows, pair_code = i_rows[passed], j_rows[passed], np.asarray(pair_code)[passed]
    partial = np.array([scores[int(k)][-1] == PARTIAL for k in pair_code], dtype=bool)  # listed after the verified
    order = np.lexsort((j_rows, article_rank[j_rows], i_rows, article_rank[i_rows], partial))
    return i_rows[order], j_rows[order], [scores[int(k)] for k in pair_code[order]]


def _passage_table(table: pd.DataFrame, i_rows: np.ndarray, j_rows: np.ndarray, verified: list) -> pd.DataFrame:
    """The verified pairs as ``PASSAGE_COLUMNS`` rows, numbered from 1."""
    a, b = table.iloc[i_rows].reset_index(drop=True), table.iloc[j_rows].reset_index(drop=True)
    out = pd.DataFrame({"passage_id": np.arange(1, len(i_rows) + 1, dtype=np.int64)})
    for side, part in (("a", a), ("b", b)):
        for col in ("article_id", "outlet", "sentence_id", "start_char", "end_char", "text"):
            out[f"{col}_{side}"] = part[col].to_numpy()
        for col in ("start_char", "end_char"):
            out[f"{col}_{side}"] = out[f"{col}_{side}"].astype(int)
    out["same_outlet"] = (a["outlet"] == b["outlet"]).to_numpy(dtype=bool)
    for n, col in enumerate(("coverage", "similarity", "n_tokens_a", "n_tokens_b", "n_matched", "variants",
                             "overlap_share", "tier")):
        out[col] = [v[n] for v in verified]
    return out[PASSAGE_COLUMNS] if len(out) else pd.DataFrame(columns=PASSAGE_COLUMNS)


def shared_passages(
    sentences: pd.DataFrame, *, articles: pd.DataFrame | None = None, window_days: int | None = None,
    min_coverage: float = MIN_COVERAGE, partial_min_coverage: float | None = None,
    min_tokens: int = MIN_SENTENCE_TOKENS, shingle_size: int = SENTENCE_SHINGLE_SIZE, num_perm: int = NUM_PERM,
    lsh_threshold: float | None = None, containment: float | None = CONTAINMENT_THRESHOLD, seed: int = SEED,
    n_jobs: int | None = None, client=None,
) -> pd.DataFrame:
    """Pairs of sentences from different articles that are the same text, or nearly.

    The steps are in this module's docstring. Candidate pairs grow faster than the corpus
    when many sentences are alike; ``window_days`` (with ``articles``) bounds them:
    near-identical sentences are proposed only when their articles' dates are at most
    ``window_days`` apart (a repeated sentence counts from its earliest date; an undated
    one at any distance); identical ones are paired at any distance. A sentence repeated
    in k articles gives k(k-1)/2 rows, so boilerplate left in bodies shows up.

    Parameters
    ----------
    sentences
        ``split_sentences`` output (at least ``article_id``, ``outlet``, ``sentence_id``,
        ``start_char``, ``end_char``, ``text``), in article order. Not modified.
    articles
        With ``article_id`` and ``date``; needed only with ``window_days``.
    window_days
        None (default): every sentence is compared with every other through the index.
    partial_min_coverage
        None (default): the verified tier only; else (``PARTIAL_MIN_COVERAGE``) the partial tier too.
    lsh_threshold
        None (default): the containment search alone; else (``LSH_THRESHOLD``) MinHash LSH's too.
    containment
        The containment search's threshold (``CONTAINMENT_THRESHOLD``); None: LSH alone.

    Returns
    -------
    DataFrame
        One row per pair kept, ``a`` the sentence whose article comes first; the verified
        tier first (numbered as without the partial), each by a's article and position, then
        b's: ``passage_id`` (1, 2, ...), ``article_id_a, outlet_a, sentence_id_a, start_char_a,
        end_char_a, text_a``, the same for ``b``, ``same_outlet``, ``coverage``, ``similarity``,
        ``n_tokens_a``, ``n_tokens_b``, ``n_matched`` (see ``compare_sentences``), ``variants``
        ("balked/baulked; ..." or ""), ``overlap_share`` (``align.overlap_share``), ``tier``.
    """
    require_columns(sentences, ("article_id", "outlet", "sentence_id", "start_char", "end_char", "text"), "sentences")
    if window_days is not None and articles is None:
        raise ValueError("window_days needs articles (with article_id and date) to order the sentences by date")
    if lsh_threshold is None and containment is None:
        raise ValueError("lsh_threshold and containment are both None: nothing would propose candidates")
    table = sentences.reset_index(drop=True)
    article_ids = table["article_id"].astype(str)
    article_rank = pd.factorize(article_ids)[0]
    texts = sentence_texts(table["text"])
    run = {"n_articles": int(article_rank.max()) + 1 if len(table) else 0, "n_jobs": n_jobs, "client": client}
    bands = (0, 0) if lsh_threshold is None else lsh_bands(lsh_threshold, num_perm)  # 0 bands: no MinHash
    params = (min_tokens, shingle_size, num_perm, seed, *bands)
    dated = None if window_days is None else (article_ids, articles, float(window_days))
    i_rows, j_rows = _candidates(table, texts, article_rank, params, dated, containment, run)
    tiers = (min_coverage, partial_min_coverage)  # the verified tier's floor; the partial's (None: none)
    i_rows, j_rows, verified = _verify(texts, i_rows, j_rows, article_rank, tiers, run)
    return _passage_table(table, i_rows, j_rows, verified)
