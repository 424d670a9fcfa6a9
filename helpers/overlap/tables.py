"""The event and wire-share tables as the page shows them (tidy DataFrames)."""

from __future__ import annotations

import pandas as pd


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per news event: ``event, event_label, n_articles, n_outlets, outlets,
    first, last, days_spanned``."""
    if events.empty:
        return pd.DataFrame(
            columns=["event", "event_label", "n_articles", "n_outlets", "outlets", "first", "last", "days_spanned"]
        )
    out = events.groupby(["event", "event_label"], sort=True).agg(
        n_articles=("article_id", "size"), n_outlets=("outlet", "nunique"),
        outlets=("outlet", lambda s: ", ".join(sorted(s.unique()))),
        first=("date", "min"), last=("date", "max"),
    ).reset_index()
    out["days_spanned"] = (out["last"] - out["first"]).dt.days
    return out


def wire_table(wire: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``wire_share`` for display: ``outlet, date, event_label, n_sentences_shared,
    n_sentences, n_chars_shared, n_chars, pct_shared`` (0-100), ``pct_wire`` and
    ``pct_shared_quotes`` (its two parts: outside and inside quotation marks), ``shared_with``."""
    out = wire.merge(events[["article_id", "event_label"]], on="article_id", how="left")
    for pct, share in (("pct_shared", "share_shared"), ("pct_wire", "share_wire"),
                       ("pct_shared_quotes", "share_shared_quotes")):
        out[pct] = (out[share] * 100).round(1)
    return out[["outlet", "date", "event_label", "n_sentences_shared", "n_sentences", "n_chars_shared",
                "n_chars", "pct_shared", "pct_wire", "pct_shared_quotes", "shared_with"]]
