"""Target actors: the tone toward each person, per outlet, from every mention of them.

Every mention that ``helpers.actors.find_mentions`` finds (names and aliases from the
actors table) is labelled by ``target_sentiment`` with its sentence: -1 negative, 0 neutral,
1 positive toward that person. Unlike ``actor_sentiment`` (the tone of the sentences an
actor appears in), this asks how the sentence treats the person.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..tables import periods_by_outlet
from .intervals import PCT_DECIMALS, SCORE_DECIMALS, bootstrap_mean
from .target import TARGET_LABELS, target_sentiment

# The model was trained on mentions of people (NewsMTSC), so only actors of these kinds are
# labelled; an actor with no kind in the table counts as a person.
TARGET_KINDS = ("person", "")
# Below this many mentions an outlet's shares for an actor are not compared with another
# outlet's: the 95% interval of a share from 10 mentions is still about +/-0.3 wide
# (1.96 x sqrt(0.5 x 0.5 / 10)), and the notes say "too few mentions to compare" instead.
MIN_MENTIONS_TO_COMPARE = 10

LABELLED_COLUMNS = ["article_id", "outlet", "sentence_id", "actor", "alias", "start", "end", "sentence", "tone"]
TARGET_ACTOR_COLUMNS = [
    "actor", "affiliation", "outlet", "periods", "n_articles", "n_mentions",
    "pct_negative", "pct_neutral", "pct_positive", "net_tone", "ci_low", "ci_high", "too_few",
]


def label_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Each mention of a person with its sentence and the tone toward it.

    Parameters
    ----------
    sentences
        From ``split_sentences`` (``sentence_id, start_char, text``).
    mentions
        From ``helpers.actors.find_mentions`` (offsets into the article body).
    actors
        The actors table; only actors whose ``kind`` is in ``TARGET_KINDS`` are kept.

    Returns
    -------
    DataFrame
        ``LABELLED_COLUMNS``: ``start, end`` are offsets into ``sentence``; ``tone`` is
        -1, 0 or 1. One row per mention, in the mentions' order.
    """
    people = set(actors.loc[actors["kind"].fillna("").isin(TARGET_KINDS), "name"])
    kept = mentions[mentions["actor"].isin(people)]
    if kept.empty:
        return pd.DataFrame(columns=LABELLED_COLUMNS)
    text = sentences[["sentence_id", "start_char", "text"]].rename(columns={"start_char": "offset", "text": "sentence"})
    out = kept.merge(text, on="sentence_id", how="inner", validate="many_to_one")
    out["start"] = (out["start_char"] - out["offset"]).astype(int)
    out["end"] = (out["end_char"] - out["offset"]).astype(int)
    out["tone"] = target_sentiment(out[["sentence", "start", "end"]]).to_numpy()
    return out[LABELLED_COLUMNS].reset_index(drop=True)


def _cell(group: pd.DataFrame) -> dict:
    tone = group["tone"].to_numpy()
    net, low, high = bootstrap_mean(tone.astype(float), groups=group["article_id"].to_numpy())
    shares = {f"pct_{TARGET_LABELS[k]}": round(100 * float(np.mean(tone == k)), PCT_DECIMALS) for k in TARGET_LABELS}
    net, low, high = (round(v, SCORE_DECIMALS) for v in (net, low, high))
    return dict(n_articles=group["article_id"].nunique(), n_mentions=len(group), **shares,
                net_tone=net, ci_low=low, ci_high=high)


def target_actor_sentiment(labelled: pd.DataFrame, actors: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """The tone toward each person per outlet: shares of negative, neutral, positive mentions.

    ``net_tone`` is the mean label (share positive minus share negative, -1...1), with a
    95% bootstrap interval that resamples articles, then their mentions
    (``bootstrap_mean``); missing when it rests on one mention. ``too_few`` marks cells
    under ``MIN_MENTIONS_TO_COMPARE`` mentions.

    Returns
    -------
    DataFrame
        ``TARGET_ACTOR_COLUMNS``, one row per person and outlet with a mention, the most
        mentioned people first, then by outlet.
    """
    if labelled.empty:
        return pd.DataFrame(columns=TARGET_ACTOR_COLUMNS)
    rows = [dict(actor=actor, outlet=outlet, **_cell(group))
            for (actor, outlet), group in labelled.groupby(["actor", "outlet"], sort=True)]
    out = pd.DataFrame(rows)
    out["affiliation"] = out["actor"].map(actors.set_index("name")["affiliation"])
    out["periods"] = out["outlet"].map(periods_by_outlet(periods))
    out["too_few"] = out["n_mentions"] < MIN_MENTIONS_TO_COMPARE
    total = out["actor"].map(out.groupby("actor")["n_mentions"].sum())
    order = pd.DataFrame({"total": -total, "actor": out["actor"], "outlet": out["outlet"]})
    out = out.loc[order.sort_values(["total", "actor", "outlet"], kind="stable").index]
    return out[TARGET_ACTOR_COLUMNS].reset_index(drop=True)
