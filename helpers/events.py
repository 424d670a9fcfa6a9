"""Group articles into the moments they cover, so unlike things are not compared silently."""

from __future__ import annotations

import pandas as pd

GAP_DAYS = 30  # articles further apart than this (with no article between) cover different moments


def _label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return start.strftime("%b %Y")
    if start.year == end.year:
        return f"{start:%b}\u2013{end:%b %Y}"
    return f"{start:%b %Y} \u2013 {end:%b %Y}"


def date_periods(articles: pd.DataFrame, *, gap_days: int = GAP_DAYS) -> pd.DataFrame:
    """Assign each article to a coverage period by date.

    Articles are sorted by date and a new period starts wherever two neighbours
    are more than ``gap_days`` apart. Undated articles form their own period.

    Returns
    -------
    DataFrame
        One row per article, in the input's order: ``article_id, outlet, date,
        period`` (1, 2, ... in date order; 0 for undated) and ``period_label``
        ("Jun 2013", "Mar\u2013Apr 2014", or "undated").
    """
    out = articles[["article_id", "outlet", "date"]].copy()
    dated = out.dropna(subset=["date"]).sort_values(["date", "article_id"], kind="stable")
    new_period = dated["date"].diff().dt.days.fillna(gap_days + 1) > gap_days
    dated["period"] = new_period.cumsum().astype("int64")
    bounds = dated.groupby("period")["date"].agg(["min", "max"])
    labels = {p: _label(row["min"], row["max"]) for p, row in bounds.iterrows()}
    out["period"] = dated["period"].reindex(out.index).fillna(0).astype("int64")
    out["period_label"] = out["period"].map(labels).fillna("undated")
    return out


def summarise_periods(periods: pd.DataFrame) -> pd.DataFrame:
    """One row per period: ``period, period_label, start, end, n_articles, n_outlets, outlets``."""
    grouped = periods.groupby(["period", "period_label"], sort=True)
    summary = grouped.agg(
        start=("date", "min"), end=("date", "max"),
        n_articles=("article_id", "size"), n_outlets=("outlet", "nunique"),
        outlets=("outlet", lambda s: ", ".join(sorted(s.unique()))),
    )
    return summary.reset_index()
