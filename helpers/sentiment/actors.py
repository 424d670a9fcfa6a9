"""Actors: the tone of the sentences that mention each actor, per outlet."""

from __future__ import annotations

import pandas as pd

from ..tables import periods_by_outlet
from .intervals import THIN_CELL, summarise_scores

ACTOR_COLUMNS = [
    "actor", "affiliation", "outlet", "periods", "n_articles", "n_sentences", "n_mentions",
    "mean_compound", "ci_low", "ci_high", "pct_negative", "pct_neutral", "pct_positive", "thin",
]


def actor_sentiment(scored: pd.DataFrame, mentions: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Mean tone of the sentences that mention each actor, per outlet.

    A sentence counts once for an actor however often it names them (by name or an
    alias from the actors table), and it counts for every actor it names: a sentence
    about Kerry meeting Abbas scores for both. So this is the tone of the sentences
    an actor appears in, not a measured attitude toward the actor.

    Parameters
    ----------
    scored
        From ``score_sentences``.
    mentions
        From ``helpers.actors.find_mentions``.
    periods
        From ``helpers.events.date_periods``.

    Returns
    -------
    DataFrame
        One row per actor and outlet with at least one mention, actors with the most
        mentioning sentences first, then by outlet: ``actor, affiliation, outlet,
        periods, n_articles, n_sentences, n_mentions`` (alias hits, repeats counted),
        ``mean_compound, ci_low, ci_high, pct_negative, pct_neutral, pct_positive``
        and ``thin`` (fewer than ``THIN_CELL`` sentences).
    """
    if mentions.empty or scored.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    per_sentence = mentions.groupby(["actor", "sentence_id"], sort=False).agg(
        affiliation=("affiliation", "first"), n_mentions=("alias", "size")
    ).reset_index()
    joined = per_sentence.merge(scored, on="sentence_id", how="inner")
    summary = summarise_scores(joined, by=["actor", "outlet"])
    extra = joined.groupby(["actor", "outlet"]).agg(
        affiliation=("affiliation", "first"), n_mentions=("n_mentions", "sum")
    )
    summary = summary.merge(extra.reset_index(), on=["actor", "outlet"], how="left")
    summary["periods"] = summary["outlet"].map(periods_by_outlet(periods))
    summary["thin"] = summary["n_sentences"] < THIN_CELL
    totals = summary.groupby("actor")["n_sentences"].sum()
    summary["_total"] = summary["actor"].map(totals)
    summary = summary.sort_values(["_total", "actor", "outlet"], ascending=[False, True, True], kind="stable")
    return summary[ACTOR_COLUMNS].reset_index(drop=True)
