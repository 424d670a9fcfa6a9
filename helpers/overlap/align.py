"""How two sentences line up word by word: matched runs, spelling variants, coverage.

Spelling variants (balked/baulked, recognise/recognize) are paired and counted as
matches but listed (and highlighted by ``helpers.display.diff_html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from .tokens import Token, normalise_tokens

# The exact check: the share of the shorter sentence's words that lie in runs of at
# least MIN_RUN words found in the same order in the longer one (difflib's matching
# blocks). A sentence reused with a clause cut or added keeps a coverage of 1; one word
# in ten changed gives about 0.9. Runs shorter than three words are not counted:
# common words ("the", "israel", "release") scattered through a long sentence gave a
# short, unrelated sentence of the sample a coverage of 0.82; counting runs of three
# or more (and shorter ones next to them, see MAX_GAP) it is 0.73. Measured on every
# pair of sentences in the sample: the six wire pairs score 1.0; the highest pair from
# different stories scores 0.50 (JTA/The Forward, a shared name and title); the
# highest pair left out, 0.76, is a wire sentence the two Al Jazeera articles word
# differently (clauses moved and added), which is rewriting rather than reuse.
MIN_COVERAGE = 0.8
MIN_RUN = 3
# The partial tier: a pair below MIN_COVERAGE whose overlap share (``overlap_share``: the
# higher of the in-order coverage and the any-order coverage) is at least this is
# listed as "partial", a rewritten wire sentence, not verified copy. Measured on every
# pair of sentences in the sample from two articles: the highest pair from different
# stories scores 0.50; the Al Jazeera sentences rewritten from one wire story (clauses
# moved, added or cut) score 0.73 and 0.76.
PARTIAL_MIN_COVERAGE = 0.6
# ... except a shorter run next to a counted one, across a change of at most this many
# words: in "... and cost about $4 million" vs "... and cost roughly $4 million",
# "4 million" is part of the copy.
MAX_GAP = 2
# Words of at least this many letters, starting with the same letter, whose character
# similarity (difflib ratio) is at least VARIANT_MIN_RATIO count as spelling variants:
# balked/baulked 0.92, recognise/recognize 0.89, defence/defense 0.86; not
# there/three (0.80) or Monday/Sunday (0.67). Numbers are never variants.
VARIANT_MIN_LETTERS = 4
VARIANT_MIN_RATIO = 0.85

LETTERS = re.compile(r"[^\W\d_]+")  # a word of letters alone: only such words can be variants


@dataclass(frozen=True)
class Alignment:
    """How two sentences line up: their tokens, difflib's opcodes and the scores."""

    tokens_a: list[Token]
    tokens_b: list[Token]
    length_a: int
    length_b: int
    opcodes: list[tuple[str, int, int, int, int]]
    n_matched: int
    coverage: float
    similarity: float
    variants: list[tuple[str, str]]


def is_variant(x: str, y: str) -> bool:
    """Whether ``y`` is a spelling variant of ``x`` (see ``VARIANT_MIN_RATIO``).

    difflib's ``real_quick_ratio`` (from the lengths) and ``quick_ratio`` (letters in
    common, in any order) are upper bounds on its ``ratio``, so they rule pairs out first."""
    if not (x[0] == y[0] and len(x) >= VARIANT_MIN_LETTERS and len(y) >= VARIANT_MIN_LETTERS
            and LETTERS.fullmatch(x) is not None and LETTERS.fullmatch(y) is not None):
        return False
    matcher = SequenceMatcher(None, x, y)
    return (matcher.real_quick_ratio() >= VARIANT_MIN_RATIO and matcher.quick_ratio() >= VARIANT_MIN_RATIO
            and matcher.ratio() >= VARIANT_MIN_RATIO)


def _counted_runs(opcodes: list, min_run: int) -> list:
    """difflib opcodes with the matching runs that do not count turned into "replace".

    A run of ``min_run`` words or more counts. A shorter run counts only when a change of
    at most ``MAX_GAP`` words on each side separates it from a run that counts (the
    "4 million" after "about" became "roughly"); other short runs are common words
    that happen to line up.
    """
    long = [tag == "equal" and i2 - i1 >= min_run for tag, i1, i2, _, _ in opcodes]

    def small(k: int) -> bool:
        tag, i1, i2, j1, j2 = opcodes[k]
        return tag != "equal" and i2 - i1 <= MAX_GAP and j2 - j1 <= MAX_GAP

    out = []
    for k, op in enumerate(opcodes):
        if op[0] == "equal" and not long[k]:
            before = k >= 2 and long[k - 2] and small(k - 1)
            after = k + 2 < len(opcodes) and long[k + 2] and small(k + 1)
            if not (before or after):
                out.append(("replace", *op[1:]))
                continue
        out.append(op)
    return out


def align_words(na: list[str], nb: list[str]) -> tuple[list, int, list]:
    """``compare_sentences`` on two sentences' normalised tokens (``token_norms``):
    ``(opcodes, n_matched, variants)``, for a caller that has the tokens already."""
    variants = variant_pairs(na, nb)
    return (*align_mapped(na, map_variants(nb, variants)), variants)


def variant_pairs(na: list[str], nb: list[str]) -> list[tuple[str, str]]:
    """The spelling variants ``compare_sentences`` pairs: each word of b missing from a
    with the first word of a missing from b (alphabetically) it is a variant of, a's first."""
    only_a = sorted(set(na) - set(nb))
    only_b = sorted(set(nb) - set(na))
    by_letter: dict[str, list[str]] = {}  # a variant starts with the same letter (see ``is_variant``)
    for y in only_b:
        by_letter.setdefault(y[0], []).append(y)
    mapped: set[str] = set()
    variants = []
    for x in only_a:
        for y in by_letter.get(x[0], ()):
            if y not in mapped and is_variant(x, y):
                mapped.add(y)
                variants.append((x, y))
                break
    return variants


def map_variants(nb: list[str], variants: list[tuple[str, str]]) -> list[str]:
    """b's tokens with each spelling variant replaced by a's word."""
    mapping = {y: x for x, y in variants}
    return [mapping.get(t, t) for t in nb] if mapping else nb


def align_mapped(na: list[str], mb: list[str]) -> tuple[list, int]:
    """``(opcodes, n_matched)`` of a's tokens against b's with its variants mapped (``map_variants``)."""
    matcher = SequenceMatcher(None, na, mb, autojunk=False)
    opcodes = _counted_runs(matcher.get_opcodes(), max(min(MIN_RUN, len(na), len(mb)), 1))
    return opcodes, sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")


def coverage_and_similarity(n_matched: int, n_a: int, n_b: int) -> tuple[float, float]:
    """``compare_sentences``' two scores from its matched words and the two sentences' word counts."""
    shorter, total = min(n_a, n_b), n_a + n_b
    return n_matched / shorter if shorter else 0.0, 2 * n_matched / total if total else 0.0


def compare_sentences(text_a: str, text_b: str) -> Alignment:
    """Align two sentences word by word and score how much of one is in the other.

    Tokens are ``normalise_tokens``'s. A word of one sentence missing from the other is
    paired with a spelling variant there (see ``VARIANT_MIN_RATIO``), which then counts
    as the same word. ``difflib.SequenceMatcher`` (no autojunk) then finds the longest
    matching runs of words in order; runs shorter than ``MIN_RUN`` words (or than the
    shorter sentence, if that is shorter) count only next to a run that does, across a
    change of at most ``MAX_GAP`` words (see ``_counted_runs``; ``align_words`` does this).

    Returns
    -------
    Alignment
        ``n_matched`` (words in counted runs), ``coverage`` = n_matched / words of the
        shorter sentence (1 when one sentence is the other with words added),
        ``similarity`` = 2 * n_matched / (words of both) (difflib's ratio: 1 only when
        identical), ``variants`` (pairs of words counted as spelling variants, a's
        first), ``opcodes`` (difflib's, over the tokens) and the tokens of both.
    """
    ta, tb = normalise_tokens(text_a), normalise_tokens(text_b)
    opcodes, matched, variants = align_words([t.norm for t in ta], [t.norm for t in tb])
    coverage, similarity = coverage_and_similarity(matched, len(ta), len(tb))
    return Alignment(ta, tb, len(text_a), len(text_b), opcodes, matched, coverage, similarity, variants)


def matched_spans(al: Alignment, side: str) -> list[tuple[int, int]]:
    """Character spans (in that sentence) of the runs of matched words on one side.

    Runs with no word of this side between them (the other sentence has words added
    there) are one span; a run that starts or ends the sentence takes in its opening
    quote mark or final stop.
    """
    tokens, length = (al.tokens_a, al.length_a) if side == "a" else (al.tokens_b, al.length_b)
    runs: list[list[int]] = []
    for tag, i1, i2, j1, j2 in al.opcodes:
        lo, hi = (i1, i2) if side == "a" else (j1, j2)
        if tag == "equal" and hi > lo:
            if runs and runs[-1][1] == lo:
                runs[-1][1] = hi
            else:
                runs.append([lo, hi])
    return [
        (0 if lo == 0 else tokens[lo].start, length if hi == len(tokens) else tokens[hi - 1].end)
        for lo, hi in runs
    ]


def any_order_coverage(al: Alignment) -> float:
    """The share of the shorter sentence's words that lie in a run of ``MIN_RUN`` words
    the other sentence also has, *in any order* (spelling variants counted as the same
    word): clauses moved around keep their runs, which ``coverage`` (runs in order) loses.
    0 when either sentence has no words."""
    return any_order_words([t.norm for t in al.tokens_a], [t.norm for t in al.tokens_b], al.variants)


def any_order_words(na: list[str], nb: list[str], variants: list[tuple[str, str]]) -> float:
    """``any_order_coverage`` on the two sentences' normalised tokens and ``align_words``' variants."""
    return any_order_mapped(na, map_variants(nb, variants))


def any_order_mapped(na: list[str], mb: list[str]) -> float:
    """``any_order_words`` on a's tokens and b's with its variants mapped (``map_variants``)."""
    short, other = (na, mb) if len(na) <= len(mb) else (mb, na)
    if not short:
        return 0.0
    k = max(min(MIN_RUN, len(short)), 1)
    grams = {tuple(other[i:i + k]) for i in range(len(other) - k + 1)}
    covered = np.zeros(len(short), dtype=bool)
    for i in range(len(short) - k + 1):
        if tuple(short[i:i + k]) in grams:
            covered[i:i + k] = True
    return float(covered.mean())


def matched_bound(na: list[str], mb: list[str]) -> int:
    """An upper bound on ``align_mapped(na, mb)``'s matched words, without aligning.

    With k the run length that counts (``MIN_RUN``, or the shorter sentence's length), a
    word in a counted run of k or more is in a k-gram of a that mb also has; a shorter
    run counts only beside such a run (at most two beside each), and has at most k - 1
    words. So with c the words of a in a shared k-gram, at most c + 2 (k - 1) (c // k)
    words are matched.
    """
    k = max(min(MIN_RUN, len(na), len(mb)), 1)
    grams = {tuple(mb[i:i + k]) for i in range(len(mb) - k + 1)}
    covered = np.zeros(len(na), dtype=bool)
    for i in range(len(na) - k + 1):
        if tuple(na[i:i + k]) in grams:
            covered[i:i + k] = True
    c = int(covered.sum())
    return c + 2 * (k - 1) * (c // k)


def overlap_share(al: Alignment) -> float:
    """The partial tier's measure: the higher of ``al.coverage`` (runs in order) and
    ``any_order_coverage(al)``."""
    return max(al.coverage, any_order_coverage(al))
