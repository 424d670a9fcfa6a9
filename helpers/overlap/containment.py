"""Candidate pairs by containment: a short sentence inside a long one, found by a prefix filter on rare shingles.

``shared_passages``' candidates come from here (MinHash LSH, ``helpers.overlap.lsh``, is
an option). LSH proposes pairs whose sets of word 3-grams have a high Jaccard; a six-word
sentence quoted inside a thirty-word one has a Jaccard of about 0.14 (4 shared shingles
of 4 and 28) and is missed, though ``compare_sentences``' coverage (the share of the
*shorter* sentence matched) is 1. This module proposes the pairs whose *containment*
``|S & L| / |S|`` (S the sentence with fewer shingles) is at
least ``CONTAINMENT_THRESHOLD``, exactly, with the prefix filter of set-similarity
joins (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-pairs"): order each sentence's
shingles rarest first; if ``|S & L| >= need = ceil(t |S|)``, then the first
``|S| - need + 1`` shingles of S (its *prefix*) include one of L's. So each sentence is
paired only with the sentences holding one of its prefix shingles, and rare shingles
(most of them occur once in a corpus) make those lists short.

Shingles occurring in more than ``MAX_SHINGLE_DF`` distinct sentences ("said in a
statement") are left out of the join (they would pair thousands of sentences that share
nothing else); a pair whose shared prefix shingles are all that common is then missed,
which ``benchmarks.allpairs`` measures.
"""

from __future__ import annotations

import math
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

import numpy as np

from ..arrays import distinct, members
from ..parallel import release_memory
from .align import MIN_COVERAGE
from .entries import ArrayEntries, index_type, ranges

# Containment (shared shingles / the smaller sentence's shingles) a pair needs to be
# proposed, and the most common shingle used to propose it, by the smaller sentence's
# shingles. In a long sentence copied with coverage 0.8 or more, most shingles survive
# and some are rare: on the 10,000-article synthetic corpus every all-pairs pair whose
# smaller sentence has more than 9 shingles has a containment of at least 0.84 and shares
# a shingle found in 2 sentences. A short one is different: one word changed in the
# middle of a six-word sentence leaves one of its four shingles, and that one may be
# common ("said in a"), so short sentences are paired on every shingle they have.
CONTAINMENT_THRESHOLD = 0.5
MAX_SHINGLE_DF = 200
SHORT_SHINGLES = 10  # a sentence with at most this many shingles (12 words) is short
SHORT_THRESHOLD = 0.2  # ... and is paired on each of them unless it has 5 or more
# Before the exact check, a proposed pair must pass a word count it cannot fail and still
# reach MIN_COVERAGE: a distinct word of the shorter sentence missing from the other
# leaves at least one of its words unmatched, so at most (1 - MIN_COVERAGE) of its words
# may be missing. Words are compared folded (``entries.FOLD_LETTERS``), as the shingles are.
SLAB_ENTRIES = 2_000_000  # entries of a slab of dates searched at once (each search: about 300 MB at most)
PAIRS_CHUNK = 100_000  # proposed pairs expanded at a time (each, with its words: about 100 MB at most)


def containment_pairs(group: np.ndarray, hashes: np.ndarray, n_groups: int, *, words: tuple | None = None,
                      **options) -> np.ndarray:
    """``containment_search`` of entries given as arrays: ``group[e]`` and ``hashes[e]``
    are entry e, a distinct shingle of group ``group[e]``; with ``words`` (``word_group,
    word_hashes, n_tokens``: each group's distinct folded words and its token count), the
    word check too. ``options`` are ``containment_search``'s."""
    if not len(hashes):
        return np.empty(0, dtype=np.int64)
    return containment_search(ArrayEntries(group, hashes, n_groups, words), check_words=words is not None, **options)


def containment_search(source, *, threshold: float = CONTAINMENT_THRESHOLD, max_df: int = MAX_SHINGLE_DF,
                       short: int = SHORT_SHINGLES, short_threshold: float = SHORT_THRESHOLD,
                       days: np.ndarray | None = None, window: float | None = None,
                       check_words: bool = False, threads: int = 1) -> np.ndarray:
    """Pairs ``(g, h)``, g < h, of groups whose shingle containment may reach the threshold.

    ``source`` (``entries.TokenEntries`` or ``entries.ArrayEntries``) gives each group's
    distinct shingles. With S the group with fewer shingles (at most ``short`` of them:
    ``short_threshold``, else ``threshold``), every pair with ``|S & L| >= ceil(t |S|)``
    is returned when a prefix shingle of S they share is in at most ``max_df`` groups (any
    number for a short S); others may be. With ``window``, only pairs whose ``days`` are
    at most ``window`` apart (or either NaN), searched slab of dates by slab
    (``_searches``: a slab's entries are made when it is searched). With ``check_words``,
    only pairs passing ``_enough_words``, checked search by search. With ``threads`` above
    1, that many searches run at once (numpy's sorts and searches release the GIL), each
    next slab's entries made while they run.
    Returns int64 codes ``g * n_groups + h``, sorted and unique.
    """
    if not source.size.any():
        return np.empty(0, dtype=np.int64)
    prefix = (threshold, max_df, short, short_threshold)
    found, running = [], deque()
    with ThreadPoolExecutor(max(threads, 1)) as pool:
        for own, near in _searches(source, days, window):
            running.append(pool.submit(_search, source, own, near, prefix, days, window, check_words))
            del own, near  # held by the search alone
            if len(running) >= threads:
                found += running.popleft().result()
                release_memory()  # the search's arrays, freed in its thread's heap
        while running:
            found += running.popleft().result()
    return distinct(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)


def _search(source, own: tuple, near: list | None, prefix: tuple, days, window, check_words: bool) -> list:
    """One search: the codes of the pairs the probing groups' entries ``own`` propose
    among the entries ``near`` (a list of ``(group, hashes)`` parts, each group in one;
    None: every group's)."""
    own_group, own_hashes = own
    shingles, own_sid = np.unique(own_hashes, return_inverse=True)
    df = source.counts.of(shingles)
    probe = _probes(own_group, own_sid.ravel().astype(index_type(len(shingles))), df, _rarity_rank(df), source.size,
                    *prefix)
    if not len(probe):
        return []
    wanted = shingles[distinct(own_sid.ravel()[probe])]  # the probes' shingles, sorted
    del shingles, own_sid
    group, hashes = _near_entries(source, near, wanted)
    sid = np.searchsorted(wanted, hashes).astype(index_type(max(len(wanted), len(group))))
    key = group.astype(np.int64) * len(wanted) + sid  # sorted: by group, then shingle
    local = np.searchsorted(key, own_group[probe].astype(np.int64) * len(wanted)
                            + np.searchsorted(wanted, own_hashes[probe])).astype(sid.dtype)
    del key, hashes
    runs = _partner_runs(group, sid, local, days, window)
    words_index = _word_index(source, group) if check_words else None
    return _expand(group, source.size, *runs, words_index)


def _near_entries(source, near: list | None, wanted: np.ndarray) -> tuple:
    """The entries of ``near`` (None: of every group) whose shingle is in ``wanted``, sorted by group."""
    if near is None:
        return source.shingles(np.arange(source.n_groups), keep=wanted)
    parts = [(g[found], h[found]) for g, h in near for found in (members(wanted, h),)]
    group, hashes = np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    order = np.argsort(group, kind="stable")  # each group's entries stay sorted by hash
    return group[order], hashes[order]


def _expand(group, size, probe, start, count, indexed, words_index) -> list:
    """The codes of the pairs the runs propose (about ``PAIRS_CHUNK`` at a time), the
    smaller (or equal) group probing, each chunk's distinct and, with ``words_index``
    (``_word_index``), passing ``_enough_words``."""
    n_groups, found = len(size), []
    cuts = np.searchsorted(np.cumsum(count), np.arange(PAIRS_CHUNK, int(count.sum()), PAIRS_CHUNK), side="right")
    for lo, hi in pairwise(np.unique(np.r_[0, cuts, len(count)]).tolist()):
        c = count[lo:hi]
        g = np.repeat(group[probe[lo:hi]], c)
        h = group[indexed[ranges(start[lo:hi], c)]]
        keep = (h != g) & (size[h] >= size[g])  # the smaller (or equal) group probes
        code = distinct(np.minimum(g[keep], h[keep]).astype(np.int64) * n_groups + np.maximum(g[keep], h[keep]))
        if words_index is not None and len(code):
            code = code[_enough_words(code // n_groups, code % n_groups, *words_index)]
        found.append(code)
    return found


def _searches(source, days, window):
    """``(own, near)`` for each search: the probing groups' entries ``(group, hashes)``,
    and the parts of the entries they are searched in (None: every group's).

    Without ``window``, one search of everything. With it, the dated groups are cut into
    slabs of ``width`` days (at least ``window``) holding about ``SLAB_ENTRIES`` entries:
    a slab's groups are searched among the groups within ``window`` days of the slab (in
    it and the slabs either side) and the undated ones. A slab's entries are made when
    the first search needs them and dropped after the last, so at most three slabs' are
    held. The undated groups are searched last, among every group's entries.
    """
    size = source.size
    dated = ~np.isnan(days) if window is not None and days is not None else np.zeros(len(size), dtype=bool)
    if not dated.any():
        everything = source.shingles(np.arange(source.n_groups))
        yield everything, [everything]
        return
    low, high = float(np.nanmin(days)), float(np.nanmax(days))
    width = max(math.ceil(window), 1, math.ceil((high - low + 1) * SLAB_ENTRIES / max(int(size[dated].sum()), 1)))
    slab = np.where(dated, (np.nan_to_num(days, nan=low) - low) // width, -1).astype(np.int64)
    n_slabs = int(slab.max()) + 1
    undated = source.shingles(np.flatnonzero(~dated))
    held: dict[int, tuple] = {}
    for s in range(n_slabs):
        for t in range(max(s - 1, 0), min(s + 2, n_slabs)):
            if t not in held:
                held[t] = source.shingles(np.flatnonzero(slab == t))
        held.pop(s - 2, None)
        if not len(held[s][0]):
            continue
        first = low + s * width
        near = dated & (days >= first - window) & (days < first + width + window)
        yield held[s], [(g[keep], h[keep]) for g, h in held.values() for keep in (near[g],)] + [undated]
    held.clear()
    if len(undated[0]):
        yield undated, None


def _probes(group, sid, df, rarity, size, threshold, max_df, short, short_threshold) -> np.ndarray:
    """The entries each group is paired on: its prefix, rarest first (``df``: each shingle's
    groups in the whole corpus; ``rarity``: its ``_rarity_rank``), less the shingles no
    other group has and, for a long group, those in more than ``max_df`` groups. ``group``
    and ``sid`` hold every entry of their groups, sorted by group. Per-entry arrays are
    int32 where the counts fit."""
    idx = index_type(len(sid))
    entry_df = df[sid]
    order = np.argsort(group.astype(np.int64) * len(df) + rarity[sid], kind="stable")  # each group's, rarest first
    ordered = group[order]
    new = np.r_[True, ordered[1:] != ordered[:-1]]
    del ordered
    position = np.arange(len(order), dtype=idx)
    rank = np.empty(len(order), dtype=idx)
    rank[order] = position - np.maximum.accumulate(np.where(new, position, 0))
    del order, new, position
    is_short = size <= short
    need = np.maximum(np.ceil(np.where(is_short, short_threshold, threshold) * size - 1e-9).astype(np.int64), 1)
    keep = (rank < (size - need + 1).astype(idx)[group]) & (entry_df >= 2)
    keep &= (entry_df <= max_df) | is_short[group]
    return np.flatnonzero(keep)


def _partner_runs(group, sid, probe, days, window) -> tuple:
    """``(owner, start, count, indexed)``: the probe entry ``owner[k]`` is paired with the
    entries ``indexed[start[k]:start[k] + count[k]]``: the entries of its shingle (with
    ``window``, those within ``window`` days of it; entries are sorted by shingle, then
    day, so they are one run; undated ones sort first and are paired with every probe,
    and an undated probe with every entry)."""
    if window is None or days is None:  # every entry of the shingle: its run in shingle order
        indexed = np.argsort(sid, kind="stable").astype(sid.dtype)
        run_start = np.r_[0, np.cumsum(np.bincount(sid))]
        return probe, run_start[sid[probe]], run_start[sid[probe] + 1] - run_start[sid[probe]], indexed
    else:
        d = days[group]
        dated = ~np.isnan(d)
        low = int(np.nanmin(d)) if dated.any() else 0
        day = np.where(dated, np.nan_to_num(d, nan=low) - low + window + 1, 0).astype(np.int64)
        window = int(window)
    span = int(day.max()) + window + 2
    key = sid.astype(np.int64) * span + day
    probe = probe[np.argsort(key[probe], kind="stable")]  # searched in order: about three times faster
    undated = day[probe] == 0
    indexed = np.argsort(key, kind="stable").astype(sid.dtype)
    sorted_key = key[indexed]
    base = sid[probe].astype(np.int64) * span
    lo_day = np.where(undated, 1, np.maximum(day[probe] - window, 1))  # dated only: the undated are run one
    hi_day = np.where(undated, span - 1, day[probe] + window)
    run_start = np.searchsorted(sorted_key, base)
    undated_end = np.searchsorted(sorted_key, base + 1)  # the undated entries: [run_start, undated_end)
    lo = np.searchsorted(sorted_key, base + lo_day)
    hi = np.searchsorted(sorted_key, base + hi_day, side="right")
    # Two runs a probe: the undated entries of its shingle, then the dated ones in range.
    owner, start, count = np.r_[probe, probe], np.r_[run_start, lo], np.r_[undated_end - run_start, hi - lo]
    keep = count > 0
    return owner[keep], start[keep], count[keep], indexed


def _word_index(source, sub_group: np.ndarray) -> tuple:
    """For the groups in ``sub_group`` (sorted), the only groups a search's pairs can hold
    (so a slab's index is bounded by the slab): codes ``group * n_words + word`` of each
    group's distinct words, sorted (an index); its words, rarest in the index first, with
    each group's first entry and count there; and each group's token count."""
    groups = sub_group[np.r_[True, sub_group[1:] != sub_group[:-1]]] if len(sub_group) else sub_group
    word_group, wid = source.words(groups)
    n_words = source.n_words
    codes = word_group.astype(np.int64) * n_words + wid  # distinct, sorted: searched (a hash table is 3 times the size)
    rarity = _rarity_rank(np.bincount(wid, minlength=n_words))
    rarest = wid[np.argsort(word_group.astype(np.int64) * n_words + rarity[wid], kind="stable")]
    counts = np.bincount(word_group, minlength=source.n_groups)
    return codes, rarest, np.r_[0, np.cumsum(counts)[:-1]], counts, n_words, source.n_tokens


def _rarity_rank(df: np.ndarray) -> np.ndarray:
    """Each id's rank (from 0) by ``df``, its number of occurrences, then by id: a group's
    entries sorted by ``group * len(df) + rank`` (one stable sort, which finds the runs of
    each group already in order) are sorted rarest first, as a three-key lexsort would."""
    idx = index_type(len(df))
    rank = np.empty(len(df), dtype=idx)
    rank[np.argsort(df.astype(np.int64) * len(df) + np.arange(len(df)), kind="stable")] = np.arange(len(df), dtype=idx)
    return rank


def _enough_words(g, h, codes, wids, start, counts, n_words, n_tokens) -> np.ndarray:
    """Whether the shorter of each pair misses at most (1 - MIN_COVERAGE) of its words in the other.

    First on the shorter's rarest ``floor((1 - MIN_COVERAGE) n) + 1`` words alone (if all
    are missing, too many are), then on all its words for the pairs left.
    """
    keep = np.ones(len(g), dtype=bool)
    allowed = np.floor((1 - MIN_COVERAGE) * np.minimum(n_tokens[g], n_tokens[h]) + 1e-9).astype(np.int64)
    for first_only in (True, False):
        i = np.flatnonzero(keep)
        a, b = g[i], h[i]
        short, other = np.where(n_tokens[a] <= n_tokens[b], a, b), np.where(n_tokens[a] <= n_tokens[b], b, a)
        c = np.minimum(counts[short], allowed[i] + 1) if first_only else counts[short]
        pair = np.repeat(np.arange(len(short), dtype=wids.dtype), c)
        entry = ranges(start[short], c)
        wanted = other[pair].astype(np.int64) * n_words + wids[entry]
        del entry
        found = _members(codes, wanted)
        missing = np.bincount(pair[~found], minlength=len(short))
        keep[i[missing > allowed[i]]] = False
    return keep


def _members(codes: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Whether each of ``wanted`` is in the sorted ``codes``: searched in sorted order (an
    argsort first), which is about three times faster than random order on millions."""
    order = np.argsort(wanted)
    found = np.empty(len(wanted), dtype=bool)
    found[order] = members(codes, wanted[order])
    return found


def prefix_length(n_shingles: int, threshold: float = CONTAINMENT_THRESHOLD) -> int:
    """How many of a sentence's rarest shingles it is paired on (``n - ceil(t n) + 1``)."""
    return n_shingles - max(math.ceil(threshold * n_shingles - 1e-9), 1) + 1
