"""Who is quoted, per outlet: quotations per speaker, and each side's share of the quoted words."""

from __future__ import annotations

import pandas as pd

from ..tables import periods_by_outlet


def speaker_counts(quotes: pd.DataFrame, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Direct quotations per outlet and speaker (quoted terms left out).

    Unattributed quotations are one row per outlet with speaker "(unattributed)".

    Returns
    -------
    DataFrame
        ``outlet, periods, speaker, speaker_kind, affiliation, n_quotes, n_words``
        (quoted words), ``n_articles`` (articles of the outlet quoting the speaker);
        sorted by outlet, then most quotations first, then speaker.
    """
    counted = quotes[quotes["form"] != "term"].copy()
    cols = ["outlet", "periods", "speaker", "speaker_kind", "affiliation", "n_quotes", "n_words", "n_articles"]
    if counted.empty:
        return pd.DataFrame(columns=cols)
    counted["speaker"] = counted["speaker"].fillna("(unattributed)")
    out = counted.groupby(["outlet", "speaker", "speaker_kind", "affiliation"], dropna=False).agg(
        n_quotes=("quote_n", "size"), n_words=("n_words", "sum"), n_articles=("article_id", "nunique"),
    ).reset_index()
    out["periods"] = out["outlet"].map(periods_by_outlet(periods))
    out = out.sort_values(["outlet", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable")
    return out[cols].reset_index(drop=True)


def affiliation_shares(quotes: pd.DataFrame, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each outlet's quoted words by the speakers' side.

    Sides come from ``extract_quotes``' ``affiliation`` column ("no side listed" for
    speakers the actors table does not give a side, "unattributed" for unknown
    speakers). Words, not quotations, so one long quotation weighs more than a short one.

    Returns
    -------
    DataFrame
        ``outlet, periods, affiliation, n_quotes, n_words, pct_words`` (% of the outlet's
        quoted words; the outlet's rows sum to 100); sorted by outlet, then share.
    """
    counted = quotes[quotes["form"] != "term"]
    cols = ["outlet", "periods", "affiliation", "n_quotes", "n_words", "pct_words"]
    if counted.empty:
        return pd.DataFrame(columns=cols)
    out = counted.groupby(["outlet", "affiliation"]).agg(
        n_quotes=("quote_n", "size"), n_words=("n_words", "sum")).reset_index()
    out["pct_words"] = 100 * out["n_words"] / out.groupby("outlet")["n_words"].transform("sum")
    out["periods"] = out["outlet"].map(periods_by_outlet(periods))
    out = out.sort_values(["outlet", "pct_words", "affiliation"], ascending=[True, False, True], kind="stable")
    return out[cols].reset_index(drop=True)
