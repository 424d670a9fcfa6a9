"""Positions: the tone of sentences by where they sit in their article (first fifth ... last fifth)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .intervals import summarise_scores

# Sentence position in an article is cut into this many equal parts for "tone through
# the article" (first fifth ... last fifth).
POSITION_BINS = 5
POSITION_LABELS = {5: ("first fifth", "second fifth", "middle fifth", "fourth fifth", "last fifth")}
POSITION_PART = "fifth"  # one of the POSITION_BINS parts, as the findings name it


def position_sentiment(scored: pd.DataFrame, *, bins: int = POSITION_BINS) -> pd.DataFrame:
    """Mean tone by where sentences sit in their article, per outlet.

    Parameters
    ----------
    scored
        From ``score_sentences`` (its ``position``, 0-1).
    bins
        Equal parts the article is cut into (default fifths).

    Returns
    -------
    DataFrame
        One row per outlet and part with sentences: ``outlet, position_bin``
        (1 = start), ``bin_label``, ``n_articles, n_sentences, mean_compound,
        ci_low, ci_high, median_compound, pct_negative, pct_neutral, pct_positive``.
    """
    labels = POSITION_LABELS.get(bins) or tuple(f"part {i} of {bins}" for i in range(1, bins + 1))
    binned = scored.assign(position_bin=np.minimum((scored["position"] * bins).astype("int64") + 1, bins))
    summary = summarise_scores(binned, by=["outlet", "position_bin"])
    summary.insert(2, "bin_label", summary["position_bin"].map(lambda b: labels[int(b) - 1]))
    return summary
