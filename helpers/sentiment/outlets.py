"""Outlets and articles: each one's mean tone, its most extreme sentences, the lexicon words behind it.

``news_words_shift`` shows what setting the news-neutral words aside does to each outlet's mean.
"""

from __future__ import annotations

import pandas as pd

from ..tables import periods_by_outlet
from .intervals import summarise_scores
from .scoring import analyzer, score_texts

EXTREME_COLUMNS = ["outlet", "end", "rank", "compound", "sentence_id", "text"]
LEXICON_COLUMNS = ["outlet", "word", "valence", "n", "total_valence", "example_sentence_id"]
SHIFT_COLUMNS = ["outlet", "n_sentences", "n_changed", "mean_before", "mean_after", "rank_before", "rank_after"]


def article_sentiment(scored: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Mean sentence tone of each article.

    Parameters
    ----------
    scored
        From ``score_sentences``.
    periods
        From ``helpers.events.date_periods``.

    Returns
    -------
    DataFrame
        One row per article (articles with no sentence are left out), sorted by
        outlet and date: ``article_id, outlet, date, period_label, n_sentences,
        mean_compound, ci_low, ci_high`` (bootstrap over the article's sentences),
        ``median_compound, pct_negative, pct_neutral, pct_positive``.
    """
    summary = summarise_scores(scored, by=["article_id", "outlet"]).drop(columns="n_articles")
    meta = periods[["article_id", "date", "period_label"]].astype({"article_id": "str"})
    out = summary.astype({"article_id": "str"}).merge(meta, on="article_id", how="left")
    first = ["article_id", "outlet", "date", "period_label"]
    out = out[first + [c for c in out.columns if c not in first]]
    return out.sort_values(["outlet", "date", "article_id"], kind="stable", ignore_index=True)


def outlet_sentiment(scored: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Mean sentence tone of each outlet, with the moments its articles cover.

    Parameters
    ----------
    scored
        From ``score_sentences``.
    periods
        From ``helpers.events.date_periods``.

    Returns
    -------
    DataFrame
        One row per outlet, most positive mean first (ties by name): ``outlet,
        periods`` (its articles' coverage periods), ``n_articles, n_sentences,
        mean_compound, ci_low, ci_high`` (two-stage bootstrap: articles, then their
        sentences), ``median_compound, pct_negative, pct_neutral, pct_positive``.
    """
    summary = summarise_scores(scored, by=["outlet"])
    summary.insert(1, "periods", summary["outlet"].map(periods_by_outlet(periods)))
    return summary.sort_values(["mean_compound", "outlet"], ascending=[False, True], kind="stable", ignore_index=True)


def extreme_sentences(scored: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """The most negative and most positive sentences of each outlet.

    Only sentences on the right side of zero qualify (an outlet with no negative
    sentence shows none as "most negative"). Ties are broken by sentence order.

    Returns
    -------
    DataFrame
        ``outlet, end`` ("most negative" / "most positive"), ``rank`` (1 = most
        extreme), ``compound, sentence_id, text``; sorted by outlet, end, rank.
    """
    parts = []
    ends = [("most negative", True, scored["compound"] < 0), ("most positive", False, scored["compound"] > 0)]
    for end, ascending, side in ends:
        chosen = (
            scored[side]
            .sort_values(["outlet", "compound", "article_id", "sentence_n"],
                         ascending=[True, ascending, True, True], kind="stable")
            .groupby("outlet", sort=True)
            .head(n)
        )
        chosen = chosen.assign(end=end, rank=chosen.groupby("outlet").cumcount() + 1)
        parts.append(chosen[EXTREME_COLUMNS])
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["outlet", "end", "rank"], kind="stable", ignore_index=True)


def lexicon_words(sentences: pd.DataFrame, *, top: int = 6) -> pd.DataFrame:
    """The lexicon words that weigh most in each outlet's scores.

    Tokens come from ``helpers.text.tokenize`` (lower-cased) and are looked up in the
    VADER lexicon NLTK uses. The valence is the word's lexicon value (-4...+4) before
    VADER's rules (negation, boosters, "but"), so this shows what drives the scores,
    not each word's exact contribution.

    Returns
    -------
    DataFrame
        ``outlet, word, valence, n`` (occurrences), ``total_valence`` (valence x n)
        and ``example_sentence_id`` (its first sentence): the ``top`` words by
        ``|total_valence|`` per outlet (ties by word), sorted by outlet, then
        ``total_valence`` descending.
    """
    from ..text import tokenize

    lexicon = analyzer().lexicon
    tokens = tokenize(sentences)
    hits = tokens[tokens["lower"].isin(lexicon.keys())].merge(
        sentences[["sentence_id", "outlet"]], on="sentence_id", how="left"
    )
    if hits.empty:
        return pd.DataFrame(columns=LEXICON_COLUMNS)
    counted = hits.groupby(["outlet", "lower"], sort=True).agg(
        n=("token", "size"), example_sentence_id=("sentence_id", "first")
    ).reset_index().rename(columns={"lower": "word"})
    counted["valence"] = counted["word"].map(lexicon).astype("float64")
    counted["total_valence"] = counted["valence"] * counted["n"]
    counted["_weight"] = counted["total_valence"].abs()
    top_words = (
        counted.sort_values(["outlet", "_weight", "word"], ascending=[True, False, True], kind="stable")
        .groupby("outlet", sort=True).head(top)
    )
    out = top_words.sort_values(["outlet", "total_valence", "word"], ascending=[True, False, True], kind="stable")
    return out[LEXICON_COLUMNS].reset_index(drop=True)


def news_words_shift(scored: pd.DataFrame) -> pd.DataFrame:
    """Each outlet's mean tone with the lexicon as shipped (before) and without the news-neutral words (after).

    Parameters
    ----------
    scored
        From ``score_sentences`` (scored without the news-neutral words). Not modified.

    Returns
    -------
    DataFrame
        One row per outlet, most positive (after) first: ``outlet, n_sentences,
        n_changed`` (sentences whose score the list changes), ``mean_before,
        mean_after`` (mean compound) and ``rank_before, rank_after`` (1 = most positive).
    """
    both = scored[["outlet", "compound"]].assign(
        before=score_texts(scored["text"], implementation="nltk")["compound"].to_numpy())
    both["changed"] = both["before"] != both["compound"]
    out = both.groupby("outlet", sort=True).agg(
        n_sentences=("compound", "size"), n_changed=("changed", "sum"),
        mean_before=("before", "mean"), mean_after=("compound", "mean")).reset_index()
    for when in ("before", "after"):
        out[f"rank_{when}"] = out[f"mean_{when}"].rank(ascending=False, method="min").astype("int64")
    return out.sort_values(["rank_after", "outlet"], ignore_index=True)[SHIFT_COLUMNS]
