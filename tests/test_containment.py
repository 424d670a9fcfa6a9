"""The containment search: a short sentence inside a long one is proposed, the prefix filter loses no pair."""

from __future__ import annotations

from itertools import combinations
from math import ceil

import numpy as np
import pandas as pd
import pytest

from helpers.overlap import (
    LSH_THRESHOLD,
    MIN_COVERAGE,
    compare_sentences,
    containment,
    entries,
    lsh,
    passages,
    shared_passages,
)
from helpers.overlap.containment import containment_pairs, containment_search
from helpers.overlap.entries import shingle_hashes

LONG = ("Officials from both sides met in Jerusalem on Tuesday evening for three hours, and a senior negotiator "
        "told reporters afterwards that the prisoners would be freed before the end of the month if the talks "
        "continued, although several ministers in the coalition have threatened to resign over the release.")
SHORT = "The prisoners would be freed before the end of the month."  # eleven words, inside LONG


def _sentences(texts_by_article: dict[str, list[str]]) -> pd.DataFrame:
    rows = []
    for article, texts in texts_by_article.items():
        for k, text in enumerate(texts, start=1):
            rows.append(dict(article_id=article, outlet=f"Outlet {article}", sentence_id=f"{article}:{k}",
                             start_char=0, end_char=len(text), text=text))
    return pd.DataFrame(rows)


def test_a_short_sentence_inside_a_long_one_is_found_by_containment_not_by_lsh():
    filler = ["The weather in the city was mild for the time of year, forecasters said on Monday.",
              "Markets in the region closed higher after a week of steady trading in most shares."]
    sentences = _sentences({"wire": [filler[0], LONG], "paper": [SHORT, filler[1]]})
    assert compare_sentences(SHORT, LONG).coverage >= MIN_COVERAGE  # the exact check accepts the pair
    lsh_only = shared_passages(sentences, lsh_threshold=LSH_THRESHOLD, containment=None)
    found = shared_passages(sentences)
    assert lsh_only.empty  # 9 of LONG's 42 shingles: a Jaccard of 0.21, below the LSH threshold
    assert list(zip(found.sentence_id_a, found.sentence_id_b, strict=True)) == [("wire:2", "paper:1")]
    assert found.coverage.iloc[0] == 1 and found.tier.iloc[0] == "verified"


def test_containment_alone_adds_pairs_and_keeps_the_rows_lsh_found():
    rng = np.random.default_rng(3)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    vocab = np.unique(["".join(rng.choice(letters, size=7)) for _ in range(3000)])

    def sentence(n: int) -> str:
        return " ".join(rng.choice(vocab, size=n)) + "."

    texts = {f"a{a}": [sentence(int(rng.integers(8, 30))) for _ in range(12)] for a in range(40)}
    texts["a30"][2] = texts["a3"][5]  # an identical copy
    texts["a7"][1] = sentence(40)
    texts["a31"][4] = " ".join(texts["a7"][1].split()[2:9]) + "."  # seven words cut from a longer one
    sentences = _sentences(texts)
    before = shared_passages(sentences, lsh_threshold=LSH_THRESHOLD, containment=None)
    after = shared_passages(sentences)  # the default: the containment search alone
    key = ["sentence_id_a", "sentence_id_b"]
    assert ("a3:6", "a30:3") in set(before[key].itertuples(index=False, name=None))
    merged = before.merge(after, on=key, suffixes=("", "_new"))
    assert len(merged) == len(before)  # every pair found before is found again, with the same scores
    for col in ("text_a", "text_b", "coverage", "similarity", "tier"):
        assert (merged[col] == merged[f"{col}_new"]).all()
    added = set(after[key].itertuples(index=False, name=None)) - set(before[key].itertuples(index=False, name=None))
    assert ("a7:2", "a31:5") in added


def test_by_default_the_containment_search_alone_finds_contained_and_near_identical_pairs(monkeypatch):
    """By default (``lsh_threshold=None``) no MinHash is made (datasketch is never called),
    and the containment search alone finds the short sentence inside the long one and a
    sentence copied with a word respelled and one changed: the same rows as with LSH too."""
    wire = "Negotiators from both governments said on Wednesday that the ceasefire would hold through the weekend."
    copy = "Negotiators from both governments said on Wednesday that the cease-fire would hold through the holiday."
    filler = ["The weather in the city was mild for the time of year, forecasters said on Monday.",
              "Markets in the region closed higher after a week of steady trading in most shares."]
    sentences = _sentences({"wire": [filler[0], LONG, wire], "paper": [SHORT, filler[1]], "daily": [copy]})
    assert compare_sentences(wire, copy).coverage >= MIN_COVERAGE
    with_lsh = shared_passages(sentences, lsh_threshold=LSH_THRESHOLD)

    def no_datasketch(*args, **kwargs):
        raise AssertionError("datasketch called with lsh_threshold=None")

    for module, name in ((lsh, "minhash_values"), (lsh, "MinHash"), (lsh, "MinHashLSH"), (passages, "lsh_bands")):
        monkeypatch.setattr(module, name, no_datasketch)
    alone = shared_passages(sentences, n_jobs=1)
    pairs = list(zip(alone.sentence_id_a, alone.sentence_id_b, strict=True))
    assert pairs == [("wire:2", "paper:1"), ("wire:3", "daily:1")]
    assert alone.coverage.iloc[0] == 1 and 0.8 <= alone.coverage.iloc[1] < 1
    pd.testing.assert_frame_equal(alone, with_lsh)


def test_lsh_and_containment_cannot_both_be_off():
    with pytest.raises(ValueError, match="both None"):
        shared_passages(_sentences({"a": [LONG], "b": [SHORT]}), containment=None)  # LSH is off by default


def test_shingle_hashes_are_distinct_per_list_and_equal_for_equal_lists():
    hashes, counts = shingle_hashes([["a", "b", "c", "a", "b", "c"], ["x", "y"], [], ["a", "b", "c"]], 3)
    assert counts.tolist() == [3, 1, 0, 1]  # abc, bca, cab; one shingle of a short list; none
    first = hashes[:3]
    assert len(set(first.tolist())) == 3 and hashes[-1] in first


def test_the_prefix_filter_returns_every_pair_with_enough_containment():
    """Brute force over every pair of random sets: none at or above the threshold is missing."""
    rng = np.random.default_rng(11)
    sets = [set(rng.choice(60, size=int(rng.integers(3, 25)), replace=False).tolist()) for _ in range(150)]
    group = np.concatenate([np.full(len(s), g) for g, s in enumerate(sets)])
    hashes = np.concatenate([np.array(sorted(s), dtype=np.uint64) for s in sets])
    threshold = 0.6
    codes = set(containment_pairs(group, hashes, len(sets), threshold=threshold, max_df=len(sets), short=0).tolist())
    wanted = {g * len(sets) + h for g, h in combinations(range(len(sets)), 2)
              if len(sets[g] & sets[h]) >= ceil(threshold * min(len(sets[g]), len(sets[h])))}
    assert wanted and wanted <= codes
    assert len(codes) < len(sets) * (len(sets) - 1) // 2  # not every pair


def test_a_date_window_keeps_exactly_the_pairs_close_enough_in_time():
    """With days (some unknown), the pairs are those without a window, less those too far apart."""
    rng = np.random.default_rng(5)
    sets = [set(rng.choice(40, size=int(rng.integers(3, 15)), replace=False).tolist()) for _ in range(120)]
    group = np.concatenate([np.full(len(s), g) for g, s in enumerate(sets)])
    hashes = np.concatenate([np.array(sorted(s), dtype=np.uint64) for s in sets])
    days = rng.integers(0, 30, size=len(sets)).astype(float)
    days[rng.choice(len(sets), size=10, replace=False)] = np.nan  # undated: paired at any distance
    n = len(sets)
    everything = containment_pairs(group, hashes, n, max_df=n)
    windowed = containment_pairs(group, hashes, n, max_df=n, days=days, window=3.0)
    gap = np.abs(days[everything // n] - days[everything % n])
    assert windowed.tolist() == everything[np.isnan(gap) | (gap <= 3)].tolist()
    assert 0 < len(windowed) < len(everything)


def test_the_windowed_search_gives_the_same_pairs_in_slabs_of_dates(monkeypatch):
    """Searched in many small slabs of dates (some groups undated), the pairs are those of
    one search of everything less those too far apart."""
    rng = np.random.default_rng(8)
    sets = [set(rng.choice(50, size=int(rng.integers(3, 15)), replace=False).tolist()) for _ in range(200)]
    group = np.concatenate([np.full(len(s), g) for g, s in enumerate(sets)])
    hashes = np.concatenate([np.array(sorted(s), dtype=np.uint64) for s in sets])
    days = rng.integers(100, 160, size=len(sets)).astype(float)
    days[rng.choice(len(sets), size=15, replace=False)] = np.nan
    n = len(sets)
    everything = containment_pairs(group, hashes, n, max_df=n)
    gap = np.abs(days[everything // n] - days[everything % n])
    monkeypatch.setattr(containment, "SLAB_ENTRIES", 40)  # 15 slabs of 4 days (the window), searched one by one
    slabbed = containment_pairs(group, hashes, n, max_df=n, days=days, window=4.0)
    assert slabbed.tolist() == everything[np.isnan(gap) | (gap <= 4)].tolist()
    assert 0 < len(slabbed) < len(everything)


def test_the_word_check_made_slab_by_slab_keeps_the_pairs_of_one_corpus_wide_check(monkeypatch):
    """With the word check, searched in small slabs of dates, each slab's word index
    holds only its own groups' words, and the pairs are those of one search of everything
    with one corpus-wide word index, less those too far apart."""
    rng = np.random.default_rng(9)
    sets = [set(rng.choice(50, size=int(rng.integers(3, 15)), replace=False).tolist()) for _ in range(200)]
    group = np.concatenate([np.full(len(s), g) for g, s in enumerate(sets)])
    hashes = np.concatenate([np.array(sorted(s), dtype=np.uint64) for s in sets])
    n_tokens = np.array([len(s) for s in sets], dtype=np.int64)  # each word once: a token per word
    words = (group, hashes, n_tokens)
    days = rng.integers(100, 160, size=len(sets)).astype(float)
    days[rng.choice(len(sets), size=15, replace=False)] = np.nan
    n = len(sets)
    unchecked = containment_pairs(group, hashes, n, max_df=n)
    checked = containment_pairs(group, hashes, n, max_df=n, words=words)
    gap = np.abs(days[checked // n] - days[checked % n])
    sizes, real = [], containment._word_index

    def word_index(*args):  # the words each index holds
        index = real(*args)
        sizes.append(len(index[0]))
        return index

    monkeypatch.setattr(containment, "_word_index", word_index)
    monkeypatch.setattr(containment, "SLAB_ENTRIES", 40)
    slabbed = containment_pairs(group, hashes, n, max_df=n, days=days, window=4.0, words=words)
    assert slabbed.tolist() == checked[np.isnan(gap) | (gap <= 4)].tolist()
    assert 0 < len(checked) < len(unchecked)  # the word check removes pairs
    assert len(sizes) > 5 and max(sizes[:-1]) < len(group) / 3  # one index a slab of dates (the last: the undated)


def _word_lists(seed: int) -> list[list[str]]:
    """Random word lists of 1-15 words from 40, and near copies of some (two words cut, one added)."""
    rng = np.random.default_rng(seed)
    vocab = [f"w{k}" for k in range(40)]
    lists = [[str(w) for w in rng.choice(vocab, size=int(rng.integers(1, 16)))] for _ in range(250)]
    return lists + [[*lists[k][2:], "w1"] for k in range(0, 90, 3)]


def test_shingle_counts_are_the_number_of_groups_holding_each_shingle():
    lists = _word_lists(4)
    hashes, counts = shingle_hashes(lists, 3)
    held = entries.ShingleCounts(hashes.copy())
    per_group = np.split(hashes, np.cumsum(counts)[:-1])
    brute = {h: sum(h in set(g.tolist()) for g in per_group) for h in set(hashes.tolist())}
    assert held.of(hashes).tolist() == [brute[h] for h in hashes.tolist()]
    assert max(brute.values()) > 2 and len(held.repeated) == sum(n > 1 for n in brute.values())
    assert held.of(np.array([12345], dtype=np.uint64)).tolist() == [1]  # a shingle no group has: counted once


def test_entries_made_from_word_ids_slab_by_slab_give_the_pairs_of_entries_given_whole(monkeypatch):
    """``TokenEntries`` (each slab's shingles made from word ids when it is searched, a
    few groups at a time) and ``ArrayEntries`` (every group's shingles given at once)
    propose the same pairs, with the word check, with and without a window, one search
    at a time or three at once."""
    lists = _word_lists(12)
    n = len(lists)
    hashes, counts, word_hashes, word_counts = shingle_hashes(lists, 3, 1)
    n_tokens = np.array([len(x) for x in lists], dtype=np.int64)
    whole = entries.ArrayEntries(np.repeat(np.arange(n), counts), hashes, n,
                                 (np.repeat(np.arange(n), word_counts), word_hashes, n_tokens))
    rng = np.random.default_rng(2)
    days = rng.integers(0, 15, size=n).astype(float)
    days[rng.choice(n, size=20, replace=False)] = np.nan
    options = {None: {}, 3.0: {"days": days, "window": 3.0}}
    expected = {w: containment_search(whole, check_words=True, max_df=n, **o) for w, o in options.items()}
    monkeypatch.setattr(entries, "ENTRY_CHUNK", 50)  # shingles made about five groups at a time
    monkeypatch.setattr(containment, "SLAB_ENTRIES", 60)  # 5 slabs of 3 days
    made = entries.TokenEntries(*entries.token_ids(lists), 3)
    assert made.size.tolist() == counts.tolist()
    for w, o in options.items():
        assert containment_search(made, check_words=True, max_df=n, **o).tolist() == expected[w].tolist()
        assert containment_search(made, check_words=True, max_df=n, threads=3, **o).tolist() == expected[w].tolist()
    assert 10 < len(expected[3.0]) < len(expected[None])
    unchecked = containment_search(made, max_df=n)
    assert len(expected[None]) < len(unchecked)  # the word check removes pairs


def test_shingle_hashes_are_the_sums_of_their_words_hashes_and_sorted_by_list_then_hash():
    """Against a plain loop: each shingle's hash is its words' hashes times the multipliers,
    summed modulo 2**64; lists shorter than three words are one shingle of all their words."""
    lists = [*_word_lists(6), ["one"], ["two", "words"], [], ["a", "a", "a", "a", "a"]]
    vocab, ids, lengths = entries.token_ids(lists)
    hashes, counts = shingle_hashes(lists, 3)
    mult = [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9]
    words = np.split(vocab[ids].astype(object), np.cumsum(lengths)[:-1])
    expected = []
    for w in words:
        spans = [w[k:k + 3] for k in range(max(len(w) - 2, 1))] if len(w) else []
        expected.append(sorted({sum(int(x) * m for x, m in zip(s, mult, strict=False)) % 2**64 for s in spans}))
    assert counts.tolist() == [len(e) for e in expected]
    assert hashes.tolist() == [h for e in expected for h in e]
    assert counts[-1] == 1 and counts[-2] == 0 and counts[-4] == 1  # "a a a a a": one distinct shingle


def test_owner_hash_order_is_lexsorts_even_when_high_bits_tie():
    rng = np.random.default_rng(3)
    owner = np.sort(rng.integers(0, 300, size=20_000))
    high = rng.integers(0, 4, size=len(owner)).astype(np.uint64) << np.uint64(32)  # many ties in the high bits
    hashes = high | rng.integers(0, 2**32, size=len(owner)).astype(np.uint64)
    hashes[1:-1:7] = hashes[2::7]  # and equal hashes
    order = entries.owner_hash_order(owner, hashes)
    expected = np.lexsort((hashes, owner))
    assert (owner[order] == owner[expected]).all() and (hashes[order] == hashes[expected]).all()
