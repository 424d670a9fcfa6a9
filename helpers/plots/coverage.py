"""Charts of the corpus itself: when each outlet covered the story, how long its articles
are, and what cleaning took out. Each function returns the Figure or Axes it drew on.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from .style import FIG_WIDTH, article_labels


def timeline(periods: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Dot per article on a date axis, one row per outlet, each coverage period shaded and named."""
    dated = periods.dropna(subset=["date"])
    outlets = sorted(periods["outlet"].unique())
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.2 + 0.45 * len(outlets)))[1]
    if dated.empty:
        ax.text(0.5, 0.5, "No article has a date", ha="center", va="center", transform=ax.transAxes)
        return ax
    y = dated["outlet"].map({o: i for i, o in enumerate(outlets)})
    span = max((dated["date"].max() - dated["date"].min()).days, 1)
    pad = pd.Timedelta(days=max(span * 0.01, 3))
    for _, group in dated.groupby("period"):
        start, end = group["date"].min() - pad, group["date"].max() + pad
        ax.axvspan(start, end, color="#2b6cb0", alpha=0.12, lw=0)
        ax.text(start + (end - start) / 2, len(outlets) - 0.4, group["period_label"].iloc[0],
                ha="center", va="bottom", fontsize=9, color="#1a365d")
    ax.scatter(dated["date"], y, s=60, color="#2b6cb0", zorder=3)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(-0.6, len(outlets) + 0.2)
    ax.set_xlim(dated["date"].min() - pad * 8, dated["date"].max() + pad * 8)
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("publication date")
    ax.set_title("When each outlet's articles were published")
    return ax


def lengths(articles: pd.DataFrame, sentences: pd.DataFrame) -> plt.Figure:
    """Words and sentences per article, side by side, one bar per article."""
    counts = sentences.groupby("article_id").size()
    data = pd.DataFrame({
        "label": article_labels(articles).values,
        "words": articles["n_words"].values,
        "sentences": articles["article_id"].map(counts).fillna(0).astype(int).values,
    })
    fig, axes = plt.subplots(1, 2, figsize=(FIG_WIDTH, 1.0 + 0.4 * len(data)), sharey=True)
    for ax, col in zip(axes, ["words", "sentences"], strict=False):
        sns.barplot(data=data, y="label", x=col, ax=ax, color="#2b6cb0")
        ax.bar_label(ax.containers[0], fmt="%d", padding=3, fontsize=9)
        ax.set_ylabel("")
        ax.set_xlabel(f"{col} in the cleaned body")
        ax.margins(x=0.15)
    axes[0].set_title("Length of each article")
    return fig


def removed_by_rule(removed: pd.DataFrame, articles: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Heatmap of lines cleaning took out: rule x outlet, with counts in the cells."""
    outlets = sorted(articles["outlet"].unique())
    grid = pd.crosstab(removed["rule"], removed["outlet"]).reindex(columns=outlets, fill_value=0)
    if grid.empty:
        grid = pd.DataFrame(np.zeros((1, len(outlets)), dtype=int), index=["(nothing removed)"], columns=outlets)
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.2 + 0.35 * len(grid)))[1]
    annot = grid.astype(str).where(grid > 0, "")  # blank cells read faster than rows of zeros
    sns.heatmap(grid, annot=annot, fmt="", cmap="Blues", cbar=False, linewidths=0.5, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", rotation=20)
    ax.set_title("Lines cleaning took out of each outlet's pages, by rule")
    return ax
