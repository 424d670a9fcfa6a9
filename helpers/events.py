"""Group articles into the moments they cover, so unlike things are not compared silently."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

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


# Articles at most this many days apart can report the same news event: a story and its
# follow-ups within a week (the sample's Al Jazeera and JTA articles on the March-April
# 2014 prisoner-release crisis are 3 days apart).
EVENT_MAX_DAYS = 7
# ... and must share this much vocabulary (TF-IDF cosine from
# helpers.overlap.document_similarity). A heuristic, set from what was measured: in the
# sample, articles on one story score 0.19-0.48 (0.48 for the two Al Jazeera articles,
# 0.19-0.22 between JTA and them), and articles on other moments of the same diplomacy
# 0.13-0.21, which only the date gap separates; in the tests' small corpus the two
# reports of a council budget score 0.17, a parks group's reaction 0.06-0.11 with them,
# and an article of unrelated text 0.04-0.09.
EVENT_MIN_SIMILARITY = 0.15


def _linked_groups(ids: list[str], similarity: pd.DataFrame, *, max_days: int, min_similarity: float,
                   measure: str) -> list[str]:
    """Each article's group: the smallest ``article_id`` among the articles joined to it by
    links (scipy's ``connected_components`` of the graph of linked pairs)."""
    codes, names = pd.factorize(pd.Series(ids, dtype=object))
    node = {a: k for k, a in enumerate(names)}
    ends: list[list[int]] = [[], []]
    if len(similarity):
        linked = similarity[(similarity["days_apart"] <= max_days) & (similarity[measure] >= min_similarity)]
        ends = [[node[a] for a in linked[column].astype(str)] for column in ("article_id_a", "article_id_b")]
    if not len(names):
        return []
    rows, cols = (np.asarray(e, dtype=np.int64) for e in ends)
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(names), len(names)))
    _, component = connected_components(graph, directed=False)
    smallest: dict[int, str] = {}
    for name, c in zip(names, component, strict=True):
        smallest[c] = min(smallest.get(c, name), name)
    return [smallest[component[k]] for k in codes]


def _event_label(dates: pd.Series, group: str) -> str:
    """An event's label from its dates: "31 Mar\u20133 Apr 2014", or "undated (<article_id>)"."""
    if not dates.notna().any():
        return f"undated ({group})"
    start, end = dates.min(), dates.max()
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if start.year != end.year:
        return f"{start.day} {start:%b %Y}\u2013{end.day} {end:%b %Y}"
    if start.month != end.month:
        return f"{start.day} {start:%b}\u2013{end.day} {end:%b %Y}"
    return f"{start.day}\u2013{end.day} {end:%b %Y}"


def group_events(
    articles: pd.DataFrame,
    similarity: pd.DataFrame,
    *,
    max_days: int = EVENT_MAX_DAYS,
    min_similarity: float = EVENT_MIN_SIMILARITY,
    measure: str = "cosine_tfidf",
) -> pd.DataFrame:
    """Group articles into news events: close in date and alike in content.

    Two articles are linked when they are at most ``max_days`` apart and their
    ``measure`` in ``similarity`` is at least ``min_similarity``; an event is a group of
    articles joined by links (single linkage, so a story that unfolds over a fortnight
    in several articles stays one event). An undated article is an event of its own.
    Events are finer than ``date_periods``: two unrelated stories in one month are two
    events.

    Parameters
    ----------
    articles
        At least ``article_id``, ``outlet``, ``date``. Not modified.
    similarity
        ``helpers.overlap.document_similarity(articles)`` (pairs with
        ``article_id_a``, ``article_id_b``, ``days_apart`` and ``measure``).

    Returns
    -------
    DataFrame
        One row per article, in the input's order: ``article_id, outlet, date,
        period, period_label`` (from ``date_periods``), ``event`` (1, 2, ... in date
        order, undated last) and ``event_label`` ("31 Mar\u20133 Apr 2014", or
        "undated (<article_id>)").
    """
    periods = date_periods(articles)
    ids = periods["article_id"].astype(str).tolist()
    out = periods.copy()
    out["_group"] = _linked_groups(ids, similarity, max_days=max_days, min_similarity=min_similarity,
                                   measure=measure)
    dated = out["date"].notna()
    first = out[dated].groupby("_group")["date"].min()
    groups = sorted(first.index, key=lambda g: (first[g], g))
    undated = [g for g in dict.fromkeys(out.loc[~dated, "_group"]) if g not in first.index]
    number = {g: i for i, g in enumerate(groups + undated, start=1)}
    out["event"] = out["_group"].map(number).astype("int64")
    labels = {g: _event_label(grp["date"], g) for g, grp in out.groupby("_group")}
    out["event_label"] = out["_group"].map(labels)
    return out.drop(columns="_group")
