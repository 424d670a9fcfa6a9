"""The shared-passage exact check's cheap pre-tests never rule out a pair the full check keeps."""

from difflib import SequenceMatcher

import numpy as np
import pytest

from helpers.overlap import MIN_COVERAGE, PARTIAL_MIN_COVERAGE, compare_sentences, overlap_share
from helpers.overlap.align import (
    VARIANT_MIN_LETTERS,
    VARIANT_MIN_RATIO,
    is_variant,
    map_variants,
    matched_bound,
    variant_pairs,
)
from helpers.overlap.passages import PARTIAL, VERIFIED, may_pass, verify_chunk
from helpers.overlap.tokens import token_norms

WORDS = ["the", "minister", "said", "talks", "would", "resume", "in", "jerusalem", "after", "israel", "agreed",
         "to", "release", "prisoners", "and", "the", "palestinian", "negotiators", "balked", "at", "a",
         "framework", "that", "kept", "settlements"]
VARIANTS = {"balked": "baulked", "recognise": "recognize", "defence": "defense", "israel": "israeli",
            "negotiators": "negotiator", "settlements": "settlement", "framework": "frameworks"}


def _edited(rng: np.random.Generator, words: list[str]) -> list[str]:
    """A copy of ``words`` with a few edits of the kinds wire copy gets: words changed,
    cut, added or respelled, a clause moved, a phrase repeated."""
    out = list(words)
    for _ in range(int(rng.integers(0, 10))):
        kind, i = int(rng.integers(0, 6)), int(rng.integers(0, len(out)))
        if kind == 0:
            out[i] = str(rng.choice(WORDS))
        elif kind == 1 and len(out) > 3:
            del out[i]
        elif kind == 2:
            out.insert(i, str(rng.choice(WORDS)))
        elif kind == 3:
            out[i] = VARIANTS.get(out[i], out[i])
        elif kind == 4:
            j = int(rng.integers(i, len(out) + 1))
            out = out[j:] + out[:j] if rng.random() < 0.5 else out[:i] + out[j:] + out[i:j]
        else:
            out[i:i] = out[i:i + int(rng.integers(2, 5))]
    return out


def _pairs(n: int, seed: int) -> list[tuple[str, str]]:
    rng = np.random.default_rng(seed)
    vocab = [*WORDS, "recognise", "defence"]
    pairs = []
    for _ in range(n):
        base = [str(w) for w in rng.choice(vocab, size=int(rng.integers(4, 22)))]
        other = _edited(rng, base)
        if rng.random() < 0.3:  # one inside a longer sentence
            other = [str(w) for w in rng.choice(vocab, size=int(rng.integers(0, 12)))] + other
        pairs.append((" ".join(base).capitalize() + ".", '"' + " ".join(other) + ',"'))
    return pairs


@pytest.fixture(scope="module")
def scored():
    pairs = _pairs(3000, 18)
    return pairs, [compare_sentences(a, b) for a, b in pairs]


def test_written_pairs_reach_both_sides_of_the_thresholds(scored):
    """The written pairs are near the thresholds: many kept, many not, many in between."""
    _, aligned = scored
    coverage = np.array([al.coverage for al in aligned])
    assert (coverage >= MIN_COVERAGE).sum() > 300
    assert (coverage < PARTIAL_MIN_COVERAGE).sum() > 300
    assert ((coverage >= 0.5) & (coverage < 0.9)).sum() > 300
    assert sum(bool(al.variants) for al in aligned) > 50
    assert sum(al.coverage < MIN_COVERAGE <= overlap_share(al) + 0.2 for al in aligned) > 300  # partial


def test_pre_tests_never_rule_out_a_pair_the_full_check_keeps(scored):
    pairs, aligned = scored
    ruled_out = 0
    for (a, b), al in zip(pairs, aligned, strict=True):
        na, nb = token_norms(a), token_norms(b)
        bound = matched_bound(na, map_variants(nb, variant_pairs(na, nb)))
        assert bound >= al.n_matched
        verified, partial = al.coverage >= MIN_COVERAGE, overlap_share(al) >= PARTIAL_MIN_COVERAGE
        if verified:
            assert may_pass(na, nb, MIN_COVERAGE)
        if verified or partial:
            assert may_pass(na, nb, MIN_COVERAGE, PARTIAL_MIN_COVERAGE)
        ruled_out += not may_pass(na, nb, MIN_COVERAGE) or bound / min(len(na), len(nb)) < MIN_COVERAGE
    assert ruled_out > 300  # and the pre-tests do rule pairs out


@pytest.mark.parametrize("partial", [None, PARTIAL_MIN_COVERAGE])
def test_verify_chunk_keeps_exactly_the_pairs_and_scores_of_the_full_check(scored, partial):
    pairs, aligned = scored
    expected = {}
    for k, al in enumerate(aligned):
        share = overlap_share(al)
        tier = VERIFIED if al.coverage >= MIN_COVERAGE else PARTIAL if partial and share >= partial else ""
        if tier:
            expected[k] = (al.coverage, al.similarity, len(al.tokens_a), len(al.tokens_b), al.n_matched,
                           "; ".join(f"{x}/{y}" for x, y in al.variants), share, tier)
    got = {k: tuple(rest) for k, *rest in verify_chunk((pairs, MIN_COVERAGE, partial))}
    assert got == expected


def test_a_repeated_phrase_keeps_its_any_order_share():
    """Each of the short sentence's repeated words is covered, though the other has it once:
    the partial tier keeps the pair (a per-word test on the other sentence would not)."""
    a = "Occupied lands, in the the occupied lands, holding."
    b = "Work on the occupied lands, in a fourth resolve was effort negotiations to."
    al = compare_sentences(a, b)
    assert al.coverage < PARTIAL_MIN_COVERAGE <= overlap_share(al)
    assert may_pass(token_norms(a), token_norms(b), MIN_COVERAGE, PARTIAL_MIN_COVERAGE)
    assert [row[-1] for row in verify_chunk(([(a, b)], MIN_COVERAGE, PARTIAL_MIN_COVERAGE))] == [PARTIAL]


def test_is_variant_gives_the_full_ratio_rule_on_every_pair_of_written_words():
    """Its quick difflib bounds only skip the full ratio where it could not reach the threshold."""
    words = sorted({*WORDS, *VARIANTS.values(), "recognise", "defence", "there", "three", "monday", "sunday",
                    "israelis", "continue", "continued", "prisoner", "premier", "minister", "ministers"})
    agree = 0
    for x in words:
        for y in words:
            full = (x[0] == y[0] and min(len(x), len(y)) >= VARIANT_MIN_LETTERS
                    and SequenceMatcher(None, x, y).ratio() >= VARIANT_MIN_RATIO)
            assert is_variant(x, y) == full
            agree += full and x != y
    assert agree >= 8  # balked/baulked, recognise/recognize, ...
