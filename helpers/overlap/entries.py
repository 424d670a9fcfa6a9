"""What the containment search reads: each distinct sentence's folded words as ids, and its shingles made when needed.

The containment search (``helpers.overlap.containment``) works on *entries*: a distinct
shingle (word 3-gram) of a group (a distinct sentence text), as a 64-bit hash. Held for a
whole corpus, the entries, their ids and their sort cost several times the words they are
made from (about 1.9 GB at 100,000 articles). So a corpus is held as its groups' folded
words, one int32 id a token (``TokenEntries``), and each slab of dates' entries are made
from them when the slab is searched; corpus-wide, only each shingle's number of groups
is kept, and only for the shingles more than one group has (``ShingleCounts``).
``ArrayEntries`` gives the same answers for entries given as arrays (sets of any items).
"""

from __future__ import annotations

import hashlib
from itertools import chain

import numpy as np

from ..arrays import distinct, members

# Words are compared by their first FOLD_LETTERS letters, so most spelling variants
# (Israeli/Israelis, continue/continued, recognise/recognize, move/moves), which
# compare_sentences counts as matched, are not missing; the same folded words make the
# shingles. With 5 letters, move and moves differ ("moves" is cut to itself), and a pair
# of the 10,000-article synthetic corpus was lost.
FOLD_LETTERS = 4
ENTRY_CHUNK = 2_000_000  # tokens whose shingles are made at once (each: about 100 MB at most)
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
                        dtype=np.uint64)  # odd constants that fold a shingle's token hashes into one


def fold(norms: list[str]) -> list[str]:
    """Each normalised token cut to its first ``FOLD_LETTERS`` characters."""
    return [w[:FOLD_LETTERS] for w in norms]


def index_type(n: int) -> type:
    """int32 for counts and positions below ``n`` when they fit, else int64."""
    return np.int32 if n < np.iinfo(np.int32).max else np.int64


def run_positions(counts: np.ndarray, dtype: type = np.int64) -> np.ndarray:
    """0, 1, ..., c - 1 for each count c, concatenated: each item's place in its run."""
    return np.arange(int(counts.sum()), dtype=dtype) - np.repeat((np.cumsum(counts) - counts).astype(dtype), counts)


def ranges(starts: np.ndarray, counts: np.ndarray, dtype: type = np.int64) -> np.ndarray:
    """``range(s, s + c)`` for each start s and count c, concatenated (without a Python loop)."""
    return np.repeat(starts, counts).astype(dtype, copy=False) + run_positions(counts, dtype)


def _token_hash(word: str) -> int:
    """A token's 64-bit hash (BLAKE2b), the same in every process."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def token_ids(token_lists: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(vocab, ids, lengths)``: the distinct tokens' 64-bit hashes (the same in every
    process), sorted; each list's tokens as int32 indices into ``vocab``, list after list;
    and each list's length."""
    flat = list(chain.from_iterable(token_lists))
    distinct = list(dict.fromkeys(flat))
    hashes = np.fromiter(map(_token_hash, distinct), dtype=np.uint64, count=len(distinct))
    order = np.argsort(hashes)
    rank = np.empty(len(distinct), dtype=np.int32)
    rank[order] = np.arange(len(distinct), dtype=np.int32)
    local = dict(zip(distinct, rank.tolist(), strict=True))
    ids = np.fromiter(map(local.__getitem__, flat), dtype=np.int32, count=len(flat))
    return hashes[order], ids, np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))


def shingle_slots(lengths: np.ndarray, size: int) -> np.ndarray:
    """How many word ``size``-grams runs of ``lengths`` tokens have, repeats counted: a run
    shorter than ``size`` has one (all its tokens), an empty run none."""
    return np.where(lengths > 0, lengths - np.minimum(lengths, size) + 1, 0)


def hashed_shingles(tokens: np.ndarray, lengths: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """``(hashes, counts)``: the distinct word ``size``-grams of each run of ``tokens``
    (token hashes, ``lengths[k]`` of them for run k, runs in order) as 64-bit hashes,
    sorted within each run, and how many each run has. A run shorter than ``size`` is one
    shingle of all its tokens; an empty run has none."""
    starts = np.r_[0, np.cumsum(lengths, dtype=np.int64)]
    width = np.minimum(lengths, size)
    n_shingles = shingle_slots(lengths, size)
    owner = np.repeat(np.arange(len(lengths)), n_shingles)
    first = starts[owner] + run_positions(n_shingles)
    hashes = tokens[first] * _MULTIPLIERS[0] if len(first) else np.zeros(0, dtype=np.uint64)
    short = np.flatnonzero(width[owner] < size)  # a run shorter than size: its one shingle has fewer tokens
    for j in range(1, size):
        last = np.minimum(first + j, len(tokens) - 1)  # in range; a short run's extra token is taken back below
        hashes += tokens[last] * _MULTIPLIERS[j % len(_MULTIPLIERS)]
        out = short[j >= width[owner[short]]]
        hashes[out] -= tokens[last[out]] * _MULTIPLIERS[j % len(_MULTIPLIERS)]
    order = owner_hash_order(owner, hashes)
    owner, hashes = owner[order], hashes[order]
    keep = np.r_[True, (owner[1:] != owner[:-1]) | (hashes[1:] != hashes[:-1])] if len(owner) else owner > 0
    return hashes[keep], np.bincount(owner[keep], minlength=len(lengths)).astype(np.int64)


def owner_hash_order(owner: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """The order that sorts entries by ``owner`` (sorted, below 2**32), then hash, as
    ``np.lexsort((hashes, owner))`` gives it, about ten times faster: one stable sort on
    the owner and the hash's high 32 bits, then a lexsort of the few runs they tie."""
    key = (owner.astype(np.uint64) << np.uint64(32)) | (hashes >> np.uint64(32))
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    tie = np.r_[False, ordered[1:] == ordered[:-1]]
    if tie.any():
        tied = np.flatnonzero(tie | np.r_[tie[1:], False])  # every entry of a run of equal keys
        order[tied] = order[tied][np.lexsort((hashes[order[tied]], ordered[tied]))]
    return order


def shingle_hashes(token_lists: list[list[str]], *sizes: int) -> tuple[np.ndarray, ...]:
    """Each token list's distinct word ``size``-grams as 64-bit hashes (the same in every process).

    For each size, ``(hashes, counts)`` (see ``hashed_shingles``): the hashes of the first
    list, then the second, ... (each list's sorted and distinct), and how many each list
    has; the tokens are hashed once for all sizes.
    """
    vocab, ids, lengths = token_ids(token_lists)
    tokens = vocab[ids]
    return tuple(chain.from_iterable(hashed_shingles(tokens, lengths, size) for size in sizes))


class ShingleCounts:
    """How many groups hold each shingle, kept only for the shingles more than one group has."""

    def __init__(self, hashes: np.ndarray) -> None:
        """From every entry's shingle hash (each group's distinct); ``hashes`` is sorted in place."""
        hashes.sort()
        starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]]) if len(hashes) else np.zeros(0, dtype=int)
        df = np.diff(np.r_[starts, len(hashes)]).astype(index_type(len(hashes) + 1))  # each shingle's run
        repeated = df > 1
        self.repeated, self.df = hashes[starts[repeated]], df[repeated]

    def of(self, hashes: np.ndarray) -> np.ndarray:
        """Each hash's number of groups (1 for a shingle not among the repeated ones)."""
        if not len(self.repeated):
            return np.ones(len(hashes), dtype=self.df.dtype)
        at = np.searchsorted(self.repeated, hashes).clip(max=len(self.repeated) - 1)
        return np.where(self.repeated[at] == hashes, self.df[at], 1).astype(self.df.dtype)


class TokenEntries:
    """A corpus's groups held as folded word ids; their shingle entries made on demand.

    ``vocab`` (sorted token hashes), ``ids`` (each group's tokens, group after group, as
    indices into ``vocab``) and ``lengths`` (its number of tokens), as ``token_ids``
    gives them. Corpus-wide once: each group's number of distinct shingles (``size``)
    and the ``ShingleCounts``.
    """

    def __init__(self, vocab: np.ndarray, ids: np.ndarray, lengths: np.ndarray, shingle_size: int) -> None:
        self.vocab, self.ids, self.n_tokens, self.shingle_size = vocab, ids, lengths, shingle_size
        self.start = np.r_[0, np.cumsum(lengths)].astype(np.int64)
        self.n_groups, self.n_words = len(lengths), max(len(vocab), 1)
        hashes = np.empty(int(shingle_slots(lengths, shingle_size).sum()), dtype=np.uint64)  # each group's distinct
        self.size, at = np.zeros(self.n_groups, dtype=np.int64), 0
        for groups in self._chunks(np.arange(self.n_groups)):
            part, counts = self._hashed(groups)
            hashes[at:at + len(part)] = part
            self.size[groups], at = counts, at + len(part)
        self.counts = ShingleCounts(hashes[:at])

    def _chunks(self, groups: np.ndarray) -> list[np.ndarray]:
        """``groups`` cut into runs of about ``ENTRY_CHUNK`` tokens."""
        cum = np.cumsum(self.n_tokens[groups])
        cuts = np.searchsorted(cum, np.arange(ENTRY_CHUNK, int(cum[-1]) if len(cum) else 0, ENTRY_CHUNK))
        return [part for part in np.split(groups, np.unique(cuts)) if len(part)]

    def _hashed(self, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``hashed_shingles`` of ``groups``' tokens."""
        lengths = self.n_tokens[groups]
        return hashed_shingles(self.vocab[self.ids[ranges(self.start[groups], lengths)]], lengths, self.shingle_size)

    def shingles(self, groups: np.ndarray, keep: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """``(group, hashes)``: the entries of ``groups`` (sorted), sorted by group then
        hash; with ``keep`` (sorted hashes), only those whose shingle is one of them."""
        parts = []
        for chunk in self._chunks(groups):
            hashes, counts = self._hashed(chunk)
            group = np.repeat(chunk.astype(index_type(self.n_groups)), counts)
            if keep is not None:
                found = members(keep, hashes)
                group, hashes = group[found], hashes[found]
            parts.append((group, hashes))
        return _joined(parts, index_type(self.n_groups))

    def words(self, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(group, word)``: the distinct folded words of ``groups`` (sorted) as ids, by group then id."""
        lengths = self.n_tokens[groups]
        codes = distinct(np.repeat(groups.astype(np.int64), lengths) * self.n_words
                         + self.ids[ranges(self.start[groups], lengths)])
        return (codes // self.n_words).astype(index_type(self.n_groups)), (codes % self.n_words).astype(np.int32)


class ArrayEntries:
    """The same answers as ``TokenEntries`` for entries given as arrays: ``group`` and
    ``hashes`` (sorted by group; each group's distinct) and, optionally, ``words``
    (``word_group, word_hashes, n_tokens``, the same way)."""

    def __init__(self, group: np.ndarray, hashes: np.ndarray, n_groups: int, words: tuple | None = None) -> None:
        order = np.lexsort((hashes, group))
        self.group, self.hashes, self.n_groups = group[order].astype(index_type(n_groups)), hashes[order], n_groups
        self.size = np.bincount(self.group, minlength=n_groups).astype(np.int64)
        self.start = np.r_[0, np.cumsum(self.size)]
        self.counts = ShingleCounts(self.hashes.copy())
        self.n_tokens, self.n_words = None, 1
        if words is not None:
            word_group, word_hashes, self.n_tokens = words
            vocab, wid = np.unique(word_hashes, return_inverse=True)
            self.n_words = max(len(vocab), 1)
            self.word_codes = distinct(word_group.astype(np.int64) * self.n_words + wid.ravel())

    def shingles(self, groups: np.ndarray, keep: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """As ``TokenEntries.shingles``."""
        rows = ranges(self.start[groups], self.size[groups])
        group, hashes = self.group[rows], self.hashes[rows]
        if keep is not None:
            found = members(keep, hashes)
            group, hashes = group[found], hashes[found]
        return group, hashes

    def words(self, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """As ``TokenEntries.words``."""
        codes = self.word_codes[members(groups.astype(np.int64), self.word_codes // self.n_words)]
        return (codes // self.n_words).astype(index_type(self.n_groups)), (codes % self.n_words).astype(np.int32)


def _joined(parts: list[tuple], dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """The ``(group, hashes)`` parts, concatenated (empty arrays when there are none)."""
    if not parts:
        return np.empty(0, dtype=dtype), np.empty(0, dtype=np.uint64)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
