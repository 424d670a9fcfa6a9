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

import hashlib
import math
from itertools import chain, pairwise

import numpy as np

from .align import MIN_COVERAGE

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
# may be missing. Words are compared by their first FOLD_LETTERS letters, so most
# spelling variants (Israeli/Israelis, continue/continued, recognise/recognize,
# move/moves), which compare_sentences counts as matched, are not missing; the same
# folded words make the shingles. With 5 letters, move and moves differ ("moves" is
# cut to itself), and a pair of the 10,000-article synthetic corpus was lost.
FOLD_LETTERS = 4
SLAB_ENTRIES = 4_000_000  # entries of a slab of dates searched at once (each search: a few hundred MB)
PAIRS_CHUNK = 100_000  # proposed pairs expanded at a time (each, with its words: about 100 MB at most)
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
                        dtype=np.uint64)  # odd constants that fold a shingle's token hashes into one


def fold(norms: list[str]) -> list[str]:
    """Each normalised token cut to its first ``FOLD_LETTERS`` characters."""
    return [w[:FOLD_LETTERS] for w in norms]


def _token_hash(word: str) -> int:
    """A token's 64-bit hash (BLAKE2b), the same in every process."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def shingle_hashes(token_lists: list[list[str]], *sizes: int) -> tuple[np.ndarray, ...]:
    """Each token list's distinct word ``size``-grams as 64-bit hashes (the same in every process).

    For each size, ``(hashes, counts)``: the hashes of the first list, then the second, ...
    (each list's sorted and distinct), and how many each list has; the tokens are hashed
    once for all sizes. A list shorter than ``size`` is one shingle of all its tokens; an
    empty list has none.
    """
    flat = list(chain.from_iterable(token_lists))
    digest = dict(zip(distinct := dict.fromkeys(flat), map(_token_hash, distinct), strict=True))  # each token once
    tokens = np.fromiter(map(digest.__getitem__, flat), dtype=np.uint64, count=len(flat))
    starts_arr = np.r_[0, np.cumsum([len(norms) for norms in token_lists], dtype=np.int64)].astype(np.int64)
    lengths = np.diff(starts_arr)
    out: tuple = ()
    for size in sizes:
        width = np.minimum(lengths, size)
        n_shingles = np.where(lengths > 0, lengths - width + 1, 0)
        owner = np.repeat(np.arange(len(token_lists)), n_shingles)
        first = starts_arr[owner] + run_positions(n_shingles)
        hashes = np.zeros(len(owner), dtype=np.uint64)
        for j in range(size):
            inside = j < width[owner]
            hashes[inside] += tokens[first[inside] + j] * _MULTIPLIERS[j % len(_MULTIPLIERS)]
        order = np.lexsort((hashes, owner))
        owner, hashes = owner[order], hashes[order]
        keep = np.r_[True, (owner[1:] != owner[:-1]) | (hashes[1:] != hashes[:-1])] if len(owner) else owner > 0
        out += (hashes[keep], np.bincount(owner[keep], minlength=len(token_lists)).astype(np.int64))
    return out


def containment_pairs(group: np.ndarray, hashes: np.ndarray, n_groups: int, *,
                      threshold: float = CONTAINMENT_THRESHOLD, max_df: int = MAX_SHINGLE_DF,
                      short: int = SHORT_SHINGLES, short_threshold: float = SHORT_THRESHOLD,
                      days: np.ndarray | None = None, window: float | None = None,
                      words: tuple | None = None) -> np.ndarray:
    """Pairs ``(g, h)``, g < h, of groups whose shingle containment may reach the threshold.

    ``group[e]`` and ``hashes[e]`` are entry e: a distinct shingle of group ``group[e]``
    (entries sorted by group; each group's shingles distinct). With S the group with fewer
    shingles (at most ``short`` of them: ``short_threshold``, else ``threshold``), every
    pair with ``|S & L| >= ceil(t |S|)`` is returned when a prefix shingle of S they share
    is in at most ``max_df`` groups (any number for a short S); others may be. With
    ``window``, only pairs whose ``days`` are at most ``window`` apart (or either NaN),
    searched slab of dates by slab (``_slabs``). With ``words`` (``word_group,
    word_hashes, n_tokens``: each group's distinct folded words and its token count; a
    list is emptied), only pairs passing ``_enough_words``, checked slab by slab.
    Returns int64 codes ``g * n_groups + h``, sorted and unique.
    """
    if not len(hashes):
        return np.empty(0, dtype=np.int64)
    idx = index_type(max(len(hashes), n_groups))
    sid = _dense_ids(hashes)
    del hashes  # freed here when the caller holds no other reference
    group = group.astype(idx, copy=False)
    size = np.bincount(group, minlength=n_groups)
    df = np.bincount(sid).astype(sid.dtype)
    prefix = (df, _rarity_rank(df), size, threshold, max_df, short, short_threshold)
    if words is not None:  # each word's id and each group's words rarest first, once; the hashes freed
        words = _word_ids(words, n_groups)
    found = []
    for entries, probe in _slabs(group, sid, prefix, days, window):
        sub_group, sub_sid = (group, sid) if entries is None else (group[entries], sid[entries])
        local = probe if entries is None else np.searchsorted(entries, probe).astype(idx)
        runs = _partner_runs(sub_group, sub_sid, local, days, window)
        words_index = None if words is None else _word_index(words, None if entries is None else sub_group)
        found += _expand(sub_group, size, *runs, words, words_index)
        del runs, words_index  # freed before the next slab's are made
    return np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)


def _expand(group, size, probe, start, count, indexed, words, words_index) -> list:
    """The codes of the pairs the runs propose (about ``PAIRS_CHUNK`` at a time), the
    smaller (or equal) group probing, each chunk's distinct and, with ``words``, passing
    ``_enough_words``."""
    n_groups, found = len(size), []
    cuts = np.searchsorted(np.cumsum(count), np.arange(PAIRS_CHUNK, int(count.sum()), PAIRS_CHUNK), side="right")
    for lo, hi in pairwise(np.unique(np.r_[0, cuts, len(count)]).tolist()):
        c = count[lo:hi]
        g = np.repeat(group[probe[lo:hi]], c)
        h = group[indexed[ranges(start[lo:hi], c)]]
        keep = (h != g) & (size[h] >= size[g])  # the smaller (or equal) group probes
        code = np.sort(np.minimum(g[keep], h[keep]).astype(np.int64) * n_groups + np.maximum(g[keep], h[keep]))
        code = code[np.r_[True, code[1:] != code[:-1]]] if len(code) else code  # distinct (a sort: faster here)
        if words is not None and len(code):
            code = code[_enough_words(code // n_groups, code % n_groups, *words_index)]
        found.append(code)
    return found


def _slabs(group, sid, prefix, days, window):
    """``(entries, probes)`` for each search: the entries indexed (sorted; None: all)
    and the probes (entry numbers) searched in them.

    Without ``window``, one search of everything. With it, the dated groups are cut into
    slabs of ``width`` days holding about ``SLAB_ENTRIES`` entries: a slab's probes
    are searched among the entries of the groups within ``window`` days of the slab and
    the undated ones, so the index and runs of a search are bounded by its slab. The
    undated groups' probes are searched last, among the entries of their shingles.
    """
    size = prefix[2]
    starts = np.r_[0, np.cumsum(size)].astype(group.dtype)
    dated = ~np.isnan(days) if window is not None and days is not None else np.zeros(len(size), dtype=bool)
    if not dated.any():
        yield None, _probes(group, sid, *prefix)
        return
    low, high = float(np.nanmin(days)), float(np.nanmax(days))
    width = max(math.ceil(window), 1, math.ceil((high - low + 1) * SLAB_ENTRIES / max(int(size[dated].sum()), 1)))
    slab = np.where(dated, (np.nan_to_num(days, nan=low) - low) // width, -1).astype(np.int64)
    undated = np.flatnonzero(~dated)
    for s in range(int(slab.max()) + 1):
        own = _group_entries(np.flatnonzero(slab == s), starts, size)
        if not len(own):
            continue
        first = low + s * width
        near = np.flatnonzero(dated & (days >= first - window) & (days < first + width + window))
        probe = own[_probes(group[own], sid[own], *prefix)]
        yield _sharing(_group_entries(np.union1d(near, undated), starts, size), sid, probe, len(prefix[0])), probe
    if len(undated):
        own = _group_entries(undated, starts, size)
        probe = own[_probes(group[own], sid[own], *prefix)]
        yield _sharing(None, sid, probe, len(prefix[0])), probe


def _sharing(entries: np.ndarray | None, sid: np.ndarray, probe: np.ndarray, n_shingles: int) -> np.ndarray:
    """Those of ``entries`` (None: every entry) whose shingle is one of the probes'."""
    wanted = np.zeros(n_shingles, dtype=bool)
    wanted[sid[probe]] = True
    if entries is None:
        return np.flatnonzero(wanted[sid]).astype(probe.dtype)
    return entries[wanted[sid[entries]]]


def _group_entries(groups: np.ndarray, starts: np.ndarray, size: np.ndarray) -> np.ndarray:
    """The entries of ``groups`` (sorted), entries being sorted by group from ``starts``."""
    return ranges(starts[groups], size[groups], starts.dtype)


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


def _dense_ids(values: np.ndarray) -> np.ndarray:
    """Each value's rank among the distinct values (``np.unique``'s inverse), as int32
    where it fits, with a third of ``np.unique``'s memory: one argsort, no inverse copies."""
    order = np.argsort(values)
    new = np.zeros(len(values), dtype=bool)  # where a value differs from the one before, in order
    for a in range(0, len(values) - 1, 1 << 20):  # in chunks: no sorted copy of values
        ordered = values[order[a:a + (1 << 20) + 1]]
        new[a + 1:a + len(ordered)] = ordered[1:] != ordered[:-1]
    ids = np.empty(len(values), dtype=index_type(len(values)))
    ids[order] = np.cumsum(new, dtype=ids.dtype)
    return ids


def index_type(n: int) -> type:
    """int32 for counts and positions below ``n`` when they fit, else int64."""
    return np.int32 if n < np.iinfo(np.int32).max else np.int64


def run_positions(counts: np.ndarray, dtype: type = np.int64) -> np.ndarray:
    """0, 1, ..., c - 1 for each count c, concatenated: each item's place in its run."""
    return np.arange(int(counts.sum()), dtype=dtype) - np.repeat((np.cumsum(counts) - counts).astype(dtype), counts)


def ranges(starts: np.ndarray, counts: np.ndarray, dtype: type = np.int64) -> np.ndarray:
    """``range(s, s + c)`` for each start s and count c, concatenated (without a Python loop)."""
    return np.repeat(starts, counts).astype(dtype, copy=False) + run_positions(counts, dtype)


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


def _take(items: tuple | list) -> tuple:
    """``items`` as a tuple; a list is emptied, so that its arrays are held by the caller alone."""
    out = tuple(items)
    if isinstance(items, list):
        items.clear()
    return out


def _word_ids(words: tuple | list, n_groups: int) -> tuple:
    """Corpus-wide, once, from ``words`` (``word_group, word_hashes, n_tokens``; a list is
    emptied): ``(word_group, wid, rarest, word_start, n_words, n_tokens)``: each word
    entry's dense id (int32 where it fits, in place of its 64-bit hash), the same entries'
    ids again with each group's rarest first, and where each group's entries start."""
    word_group, word_hashes, n_tokens = _take(words)
    wid = _dense_ids(word_hashes)
    del word_hashes  # freed here when the caller holds no other reference
    n_words = int(wid.max()) + 1 if len(wid) else 1
    rarest = wid[np.argsort(word_group.astype(np.int64) * n_words + _rarity_rank(np.bincount(wid))[wid], kind="stable")]
    word_start = np.r_[0, np.cumsum(np.bincount(word_group, minlength=n_groups))]
    return word_group, wid, rarest, word_start, n_words, n_tokens


def _word_index(words: tuple, sub_group: np.ndarray | None) -> tuple:
    """For the groups in ``sub_group`` (sorted; None: every group), the only groups a
    search's pairs can hold (so a slab's index is bounded by the slab): codes ``group *
    n_words + word`` of each group's distinct words, sorted (an index); its words, rarest
    first, with each group's first entry and count there; and each group's token count."""
    word_group, wid, rarest, word_start, n_words, n_tokens = words
    if sub_group is not None:
        groups = sub_group[np.r_[True, sub_group[1:] != sub_group[:-1]]] if len(sub_group) else sub_group
        rows = ranges(word_start[groups], word_start[groups + 1] - word_start[groups])
        word_group, wid, rarest = word_group[rows], wid[rows], rarest[rows]
    codes = word_group.astype(np.int64) * n_words + wid  # distinct; searched sorted (a hash table is 3 times the size)
    if len(codes) > 1 and not (codes[1:] > codes[:-1]).all():
        codes = np.sort(codes)
    counts = np.bincount(word_group, minlength=len(word_start) - 1)
    return codes, rarest, np.r_[0, np.cumsum(counts)[:-1]], counts, n_words, n_tokens


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
    ordered = wanted[order]
    found = np.empty(len(wanted), dtype=bool)
    found[order] = codes.take(np.searchsorted(codes, ordered), mode="clip") == ordered
    return found


def prefix_length(n_shingles: int, threshold: float = CONTAINMENT_THRESHOLD) -> int:
    """How many of a sentence's rarest shingles it is paired on (``n - ceil(t n) + 1``)."""
    return n_shingles - max(math.ceil(threshold * n_shingles - 1e-9), 1) + 1
