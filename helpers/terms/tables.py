"""Tables for reading the term analysis in 02_terms.

Outlets with their periods, top terms per outlet, framing z-scores, and the sentences
several outlets ran word for word.
"""

from __future__ import annotations

import pandas as pd

from ..tables import periods_by_outlet

PERIOD_SEPARATOR = ", "  # between an outlet's coverage periods in these tables


def outlet_summary(totals: pd.DataFrame, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per outlet: ``outlet, period`` (its coverage period(s)), ``n_articles,
    n_words`` (the per-1,000 denominator) and ``n_terms`` (words counted as terms)."""
    out = totals.copy()
    out.insert(1, "period", out["outlet"].map(
        periods_by_outlet(periods, separator=PERIOD_SEPARATOR)))
    return out


def term_table(counts: pd.DataFrame, *, top_n: int = 5) -> pd.DataFrame:
    """A term x outlet table to scan: each outlet's ``top_n`` commonest words, per 1,000 words.

    Returns
    -------
    DataFrame
        One row per term (the union of the outlets' top terms, most used in the corpus
        first): ``term`` (its commonest word), then one column per outlet with its uses
        per 1,000 words (0 where it never uses it), then ``n`` (uses in the corpus).
    """
    if counts.empty:
        return pd.DataFrame(columns=["term", "n"])
    counts = counts[counts["kind"] == "word"]  # phrases are counted besides, in their own rows
    top = counts[counts["rank"] <= top_n]["term"].unique()
    chosen = counts[counts["term"].isin(top)]
    wide = chosen.pivot_table(index="term", columns="outlet", values="per_1000",
                              aggfunc="sum", fill_value=0.0)
    total = chosen.groupby("term")["n"].sum()
    labels = counts.drop_duplicates("term").set_index("term")["label"]
    wide = wide.reindex(columns=sorted(counts["outlet"].unique()), fill_value=0.0)
    wide.columns = list(wide.columns)
    wide["n"] = total.astype("int64")
    wide.insert(0, "label", wide.index.map(labels))
    wide = wide.reset_index(drop=True).rename(columns={"label": "term"})
    return wide.sort_values(["n", "term"], ascending=[False, True], kind="stable",
                            ignore_index=True)


def top_distinctive(distinctive: pd.DataFrame, *, top_n: int = 8,
                    periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each outlet's ``top_n`` most distinctive terms, for display.

    Returns
    -------
    DataFrame
        ``outlet, period, rank, term`` (its commonest word), ``n`` (uses in the outlet),
        ``n_rest`` (in all other outlets), ``per_1000, per_1000_rest`` (per 1,000 words),
        ``z``, ``q_value`` and ``significant`` (after the Benjamini-Hochberg
        correction); tested terms only (``rank`` is theirs).
    """
    top = distinctive[(distinctive["rank"] <= top_n).fillna(False)].copy()
    period = top["outlet"].map(periods_by_outlet(periods, separator=PERIOD_SEPARATOR))
    top.insert(1, "period", period.astype("str"))
    top = top.drop(columns="term").rename(columns={"label": "term"})
    return top[["outlet", "period", "rank", "term", "kind", "n", "n_rest", "per_1000",
                "per_1000_rest", "z", "q_value", "significant"]].reset_index(drop=True)


def framing_z_table(framing_z: pd.DataFrame) -> pd.DataFrame:
    """Framing groups x outlets, each cell the group's log-odds z in that outlet.

    Returns
    -------
    DataFrame
        ``group`` then one column per outlet (z, positive: used more than by the
        other outlets), groups in file order. Empty with a single outlet.
    """
    if framing_z.empty or framing_z["z"].isna().all():
        return pd.DataFrame(columns=["group"])
    groups = list(dict.fromkeys(framing_z["group"]))
    wide = framing_z.pivot(index="group", columns="outlet", values="z").reindex(groups)
    wide.columns = list(wide.columns)
    return wide.reset_index()


def shared_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences that appear word for word (case and spacing aside) in more than one outlet.

    Wire copy and shared agency text make outlets' vocabularies overlap by construction;
    a word in a shared sentence counts for each outlet that ran it.

    Returns
    -------
    DataFrame
        One row per outlet with at least one shared sentence: ``outlet``,
        ``n_sentences``, ``n_shared`` (its sentences also in another outlet),
        ``shared_with`` (those outlets, ", "-joined).
    """
    key = sentences["text"].fillna("").str.casefold().str.split().str.join(" ")
    data = sentences.assign(_key=key)
    outlets_per = data.groupby("_key")["outlet"].nunique()
    shared = data[data["_key"].map(outlets_per) > 1]
    rows = []
    for outlet, group in shared.groupby("outlet", sort=True):
        others = data[data["_key"].isin(group["_key"]) & (data["outlet"] != outlet)]["outlet"]
        rows.append((outlet, int((sentences["outlet"] == outlet).sum()), len(group),
                     ", ".join(sorted(others.unique()))))
    return pd.DataFrame(rows, columns=["outlet", "n_sentences", "n_shared", "shared_with"])
