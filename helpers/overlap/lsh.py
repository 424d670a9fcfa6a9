"""Each sentence's digest, shingles and words; as an option, MinHash LSH band keys and the rows sharing a band.

``signature_chunk`` gives every indexed sentence the digest and the folded shingles and
words the containment search (``helpers.overlap.containment``) works on. With
``shared_passages(lsh_threshold=...)``, MinHash LSH (``datasketch``) over each sentence's
word 3-grams proposes pairs as well, so still no loop compares all pairs of sentences;
``helpers.overlap.passages`` verifies them.
"""

from __future__ import annotations

import hashlib
from itertools import chain

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

from ..parallel import release_memory
from .entries import fold, run_positions, token_ids
from .tokens import shingles, token_norms

# Word 3-grams per sentence: short enough that one changed word (balked/baulked) breaks
# only three shingles of a 20-word sentence, long enough that two unrelated sentences
# share almost none.
SENTENCE_SHINGLE_SIZE = 3
# Sentences with fewer normalised tokens are not compared: "Harf said." or "Israel
# considers them terrorists." recur by chance and are no evidence of copying.
MIN_SENTENCE_TOKENS = 6
# 128 permutations (datasketch's default): the MinHash estimate of a Jaccard of 0.5 has
# a standard error of sqrt(0.5 * 0.5 / 128) = 0.044.
NUM_PERM = 128
# With 128 permutations and this threshold datasketch's MinHashLSH uses 37 bands of 3
# rows, so a pair is proposed with probability 1 - (1 - J**3)**37: 0.99 at a shingle
# Jaccard of 0.5, 0.91 at 0.4, 0.04 at 0.1. The wire sentences in the sample with a
# word respelled and a clause cut have a shingle Jaccard of about 0.5; the false
# candidates this lets through are removed by the exact check.
LSH_THRESHOLD = 0.3
SEED = 1  # datasketch's default MinHash seed; fixed, so every build finds the same candidates
MINHASH_BATCH = 500  # sentences whose permuted shingle hashes are held at once (about 6 MB)
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)``: how ``datasketch.MinHashLSH`` cuts ``num_perm`` MinHash values
    for a Jaccard ``threshold`` (equal weights on false positives and negatives).

    Raises ValueError where MinHashLSH does: a threshold outside 0-1, or one so high that
    it would use a single band (above 0.98 with 128 permutations). The index is built
    empty, only to read its ``b`` and ``r``.
    """
    index = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return index.b, index.r


def _band_multipliers(rows: int) -> np.ndarray:
    """Odd 64-bit multipliers that fold a band's ``rows`` MinHash values into one key."""
    rng = np.random.default_rng(SEED)
    return rng.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which ``datasketch.MinHash`` applies to each hash before permuting it."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = (hv ^ (hv >> s1)) * m1
    hv = (hv ^ (hv >> s2)) * m2
    return hv ^ (hv >> s3)


def _sha1_32(data: bytes) -> int:
    """``datasketch.hashfunc.sha1_hash32`` (SHA-1's first 4 bytes, little-endian), without ``struct``."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


def minhash_values(sets: list[list[bytes]], num_perm: int, seed: int) -> np.ndarray:
    """``[m.hashvalues for m in MinHash.generator(sets, num_perm=num_perm, seed=seed)]`` as one
    ``(len(sets), num_perm)`` array: the same values, computed for a batch of sets at once.

    datasketch's default scheme ("affine32") hashes each value with its ``hashfunc`` (SHA-1's
    first 4 bytes), mixes it (``_fmix32``), permutes it as ``a * h + b`` modulo 2**32 and
    keeps each permutation's minimum; here each distinct value is hashed once, and the
    permuted hashes of ``MINHASH_BATCH`` sets are one array, reduced per set with
    ``np.minimum.reduceat``, instead of one MinHash object a set. Under another scheme
    datasketch's own loop runs (``tests/test_overlap.py`` compares the two).
    """
    m = MinHash(num_perm=num_perm, seed=seed)
    if getattr(m, "scheme", None) != "affine32" or not len(sets):
        return np.stack([x.hashvalues for x in MinHash.generator(sets, num_perm=num_perm, seed=seed)] or
                        [np.empty((0, num_perm), dtype=np.uint64)])
    a, b = (p[:, None] for p in m.permutations)
    out = np.tile(m.hashvalues, (len(sets), 1))
    hashfunc = _sha1_32 if m.hashfunc is sha1_hash32 else m.hashfunc
    hashed: dict[bytes, int] = {}
    for lo in range(0, len(sets), MINHASH_BATCH):
        batch = sets[lo:lo + MINHASH_BATCH]
        sizes = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        flat = list(chain.from_iterable(batch))
        fresh = [v for v in dict.fromkeys(flat) if v not in hashed]
        hashed.update(zip(fresh, map(hashfunc, fresh), strict=True))  # each distinct value hashed once
        hv = _fmix32(np.fromiter(map(hashed.__getitem__, flat), dtype=np.uint32, count=len(flat)))
        filled = np.flatnonzero(sizes)
        if len(filled):
            least = np.minimum.reduceat(a * hv + b, (np.cumsum(sizes) - sizes)[filled], axis=1)
            out[lo + filled] = np.minimum(out[lo + filled], least.T)
    return out


def signature_chunk(args: tuple) -> tuple[np.ndarray, list[bytes], np.ndarray, np.ndarray, np.ndarray]:
    """For one chunk of sentence texts: which are long enough, their token digests, band keys and shingles.

    ``args`` is ``(texts, min_tokens, shingle_size, num_perm, seed, bands, rows)``.
    ``bands`` 0 (LSH off): no MinHash is computed and ``keys`` has no columns.
    Returns ``(positions, digests, keys)``: positions (in the chunk) of sentences with
    at least ``min_tokens`` normalised tokens, a 16-byte hash of each one's token
    sequence (equal for identical sentences; one ``V16`` array, not a Python object
    each, which would keep the chunk's freed memory from being reused), and a ``(len(positions), bands)`` array
    of uint64 band keys: band j's key is its ``rows`` MinHash values folded together,
    so two sentences share a key exactly when their MinHash values agree on that band
    (bar a 2**-64 chance, and a false candidate is removed by the exact check). Then,
    for the containment search, ``(vocab, ids, lengths)``: each one's tokens, folded
    (``entries.fold``), as ids into the chunk's sorted token hashes (``entries.token_ids``),
    and its number of tokens.
    """
    texts, min_tokens, shingle_size, num_perm, seed, bands, rows = args
    positions, digests, sets, kept = [], [], [], []
    for i, text in enumerate(texts):
        norms = token_norms(text)
        if len(norms) >= min_tokens:
            positions.append(i)
            kept.append(norms)
            digests.append(hashlib.blake2b("\x00".join(norms).encode("utf-8"), digest_size=16).digest())
            if bands:  # any order: a minimum
                sets.append([sh.encode("utf-8") for sh in shingles(norms, shingle_size)])
    keys = np.zeros((len(positions), bands), dtype=np.uint64)
    if positions and bands:
        values = minhash_values(sets, num_perm, seed)
        folded = values[:, :bands * rows].reshape(len(positions), bands, rows) * _band_multipliers(rows)
        keys = folded.sum(axis=2, dtype=np.uint64)
    words = token_ids([fold(norms) for norms in kept])
    release_memory()  # the chunk's token lists and shingles
    return np.asarray(positions, dtype=np.int64), np.frombuffer(b"".join(digests), dtype="V16"), keys, words


def band_pairs(keys: np.ndarray, days: np.ndarray | None, window: float | None) -> np.ndarray:
    """Pairs ``(g, h)``, g < h, of rows of ``keys`` that share a key in some band column.

    With ``window``, only pairs whose ``days`` are at most ``window`` apart (a row with
    a NaN day pairs with every row sharing its key). Returns an int64 array of codes
    ``g * len(keys) + h``, sorted and unique.
    """
    n = len(keys)
    found = []
    if days is not None:
        dated = ~np.isnan(days)
        low = float(days[dated].min()) if dated.any() else 0.0
        # Undated rows sort first in their run and pair with the whole run.
        day_all = np.where(dated, days - low + 1.0, 0.0)
        span = float(day_all.max()) + window + 2.0
    for j in range(keys.shape[1]):
        column = keys[:, j]
        order = np.argsort(column, kind="stable") if days is None else np.lexsort((day_all, column))
        sorted_keys = column[order]
        run_start = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        run_len = np.diff(np.r_[run_start, n])
        if not (run_len > 1).any():
            continue
        end = np.repeat(run_start + run_len, run_len)  # one past the last row of each row's run
        if days is not None:
            day = day_all[order]
            composite = np.repeat(np.arange(len(run_start)), run_len) * span + day
            limit = np.searchsorted(composite, composite + window, side="right")
            end = np.where(day > 0, np.minimum(limit, end), end)
        count = end - np.arange(n) - 1
        if count.sum() == 0:
            continue
        first = np.repeat(np.arange(n), count)
        offset = run_positions(count)
        g, h = order[first], order[first + 1 + offset]
        lo, hi = np.minimum(g, h), np.maximum(g, h)
        found.append(np.unique(lo.astype(np.int64) * n + hi))
    if not found:
        return np.empty(0, dtype=np.int64)
    return np.unique(np.concatenate(found))
