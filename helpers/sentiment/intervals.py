"""Intervals: mean compound scores with their bootstrap intervals, per group, and whether two overlap.

Every mean comes with its count and a 95% bootstrap interval, which is missing (NaN),
not zero-width, when it rests on a single sentence. The bootstrap is written here, not
taken from ``scipy.stats.bootstrap``: scipy resamples one level only, while the tables
resample articles and then their sentences (sentences of one article are not
independent). For one level, scipy 1.17 (``method="percentile"``, the same seeded
Generator) draws the same resamples, but its interval ends differ from ``np.quantile``'s
in the last bits (measured: 20 and 300 values differ, 3,000 match), enough to flip a
rounding in the tables now and then.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .scoring import LABELS

# Bootstrap: percentile intervals from resampling with numpy's default Generator
# (PCG64) seeded with BOOTSTRAP_SEED, an arbitrary fixed number (a date, 2014-03-31),
# so every build gives the same intervals. Each interval is computed with a freshly
# seeded Generator, so it does not depend on which other groups were computed first.
# Efron & Tibshirani (1993, An Introduction to the Bootstrap) advise at least 1,000
# resamples for percentile intervals; with 2,000, rerunning with other seeds moves an
# interval end of a seed outlet (13-26 sentences) by a standard deviation of about
# 0.005, half the 0.01 the tables show (measured over 200 seeds).
BOOTSTRAP_SEED = 20140331
N_RESAMPLES = 2000
CONFIDENCE = 0.95
MAX_DRAWS = 5_000_000  # random draws held in memory at once (40 MB of float64)

# A mean resting on fewer sentences than this is flagged as thin in the actor chart
# (and should not be read as a finding): sentence scores spread widely (standard
# deviation 0.37-0.52 within each seed outlet), so the 95% interval of a mean of 5
# sentences is still about +/-0.4 wide (1.96 x 0.45 / sqrt(5)).
THIN_CELL = 5
# The same floor for comparing two intervals: below it the bootstrap sees too little of the
# spread (three neutral sentences give the zero-width interval [0, 0]), so the notes say
# "too few sentences" instead of judging whether two intervals overlap.
MIN_SENTENCES_FOR_INTERVAL = THIN_CELL

# Decimals kept in the CSVs: compound scores have 4 (VADER rounds them); percentages 1.
SCORE_DECIMALS = 4
PCT_DECIMALS = 1

SUMMARY_COLUMNS = [
    "n_articles", "mean_compound", "ci_low", "ci_high", "median_compound",
    "pct_negative", "pct_neutral", "pct_positive",
]


def bootstrap_mean(
    values,
    *,
    groups=None,
    n_resamples: int = N_RESAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float, float]:
    """Mean of ``values`` with a percentile bootstrap interval.

    Without ``groups`` the values are resampled with replacement. With ``groups``
    (the article of each sentence) the bootstrap has two stages, because sentences
    of one article are not independent: each resample draws as many articles as there
    are, with replacement, and then, within each drawn article, as many of its
    sentences as it has, with replacement; the statistic is the mean over all drawn
    sentences. With a single group this is the plain sentence bootstrap, and the
    interval then describes that one article, not its outlet.

    Parameters
    ----------
    values
        Numbers (NaN not allowed).
    groups
        Optional labels, one per value.
    n_resamples, confidence, seed
        Resamples, interval coverage, and the seed of ``numpy.random.default_rng``.

    Returns
    -------
    tuple of float
        ``(mean, low, high)``. With fewer than two values the interval is undefined:
        ``low`` and ``high`` are NaN (and all three are NaN with no values).
    """
    values = np.asarray(values, dtype="float64")
    n = len(values)
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(values.mean())
    if n < 2:
        return mean, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    codes = None if groups is None else pd.factorize(np.asarray(groups), sort=True)[0]
    if codes is None or codes.max() == 0:
        stats = _sentence_means(values, rng, n_resamples)
    else:
        stats = _article_means(values, codes, rng, n_resamples)
    alpha = (1 - confidence) / 2
    low, high = np.quantile(stats, [alpha, 1 - alpha])
    return mean, float(low), float(high)


def _sentence_means(values: np.ndarray, rng: np.random.Generator, n_resamples: int) -> np.ndarray:
    """Means of ``n_resamples`` resamples of ``values`` (with replacement), drawn in batches."""
    n = len(values)
    chunk = max(1, MAX_DRAWS // n)  # resamples per batch, to bound memory on big outlets
    return np.concatenate([
        values[rng.integers(0, n, size=(min(chunk, n_resamples - start), n))].mean(axis=1)
        for start in range(0, n_resamples, chunk)
    ])


def _article_means(
    values: np.ndarray, codes: np.ndarray, rng: np.random.Generator, n_resamples: int
) -> np.ndarray:
    """Means of two-stage resamples: groups (``codes`` 0...k-1) drawn, then values within each."""
    k = int(codes.max()) + 1
    picks = rng.integers(0, k, size=(n_resamples, k)).ravel()
    order = np.argsort(picks, kind="stable")
    bounds = np.searchsorted(picks[order], np.arange(k + 1))
    sums = np.zeros(n_resamples)
    counts = np.zeros(n_resamples)
    for g in range(k):
        rows = order[bounds[g]:bounds[g + 1]] // k  # the resamples that drew group g
        member = values[codes == g]
        draws = member[rng.integers(0, len(member), size=(len(rows), len(member)))]
        np.add.at(sums, rows, draws.sum(axis=1))
        np.add.at(counts, rows, len(member))
    return sums / counts


def summarise_scores(
    scored: pd.DataFrame,
    *,
    by: list[str],
    count: str = "n_sentences",
    seed: int = BOOTSTRAP_SEED,
) -> pd.DataFrame:
    """Mean compound score per group, with its count and a bootstrap interval.

    Parameters
    ----------
    scored
        Rows with ``article_id``, ``compound``, ``label`` and the ``by`` columns
        (sentences from ``score_sentences``, segments from ``score_voices``).
    by
        Grouping columns.
    count
        Name of the row-count column (``n_sentences``, ``n_segments``).
    seed
        Bootstrap seed (see ``bootstrap_mean``; resampling is by article, then row).

    Returns
    -------
    DataFrame
        One row per group, sorted by ``by``: the ``by`` columns, ``n_articles``,
        ``<count>``, ``mean_compound``, ``ci_low``, ``ci_high`` (95% bootstrap
        interval, NaN for a single row), ``median_compound`` (scores rounded to 4
        decimals, as VADER's own), ``pct_negative``, ``pct_neutral``, ``pct_positive``
        (percent of the group's rows with that label, 1 decimal).
    """
    columns = [*by, "n_articles", count, *SUMMARY_COLUMNS[1:]]
    if scored.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for key, group in scored.groupby(by, sort=True):
        mean, low, high = bootstrap_mean(group["compound"], groups=group["article_id"], seed=seed)
        shares = group["label"].value_counts(normalize=True).reindex(LABELS, fill_value=0) * 100
        rows.append((
            *key, group["article_id"].nunique(), len(group), mean, low, high,
            float(group["compound"].median()), *shares.to_numpy(),
        ))
    out = pd.DataFrame(rows, columns=columns).astype({"n_articles": "int64", count: "int64"})
    scores = ["mean_compound", "ci_low", "ci_high", "median_compound"]
    out[scores] = out[scores].round(SCORE_DECIMALS)
    pcts = ["pct_negative", "pct_neutral", "pct_positive"]
    out[pcts] = out[pcts].round(PCT_DECIMALS)
    return out


def interval_defect(low: float, high: float) -> str | None:
    """Why the interval ``(low, high)`` cannot be compared with another one, or None when it can.

    ``"missing"``: an end is NaN (a single sentence has no interval). ``"reversed"``:
    ``low > high``. ``"zero width"``: ``low == high``, every resample gave the same mean
    because every sentence has the same score (three neutral sentences give [0, 0]); the
    bootstrap then saw no spread at all, and "the intervals do not overlap" would claim a
    certainty that a handful of identical scores cannot give.
    """
    if pd.isna(low) or pd.isna(high):
        return "missing"
    if low > high:
        return "reversed"
    if low == high:
        return "zero width"
    return None


def intervals_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool | None:
    """Whether closed intervals ``(low, high)`` share a point (a shared end counts).

    None, not False, when either interval has an ``interval_defect`` (missing, reversed
    or zero width): such a pair can be neither "overlapping" nor "clear of each other".
    """
    if interval_defect(*a) or interval_defect(*b):
        return None
    return bool(a[0] <= b[1] and b[0] <= a[1])
