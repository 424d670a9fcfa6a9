"""Charts of the corpus itself: when each outlet covered the story and how much, which
outlet covered which event, how long its articles are, and what cleaning took out.
Each function returns the Figure or Axes it drew on.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.ticker import MaxNLocator

from ..attention import all_periods
from .fit import fit_text
from .many import BOX_NOTE, largest_outlets, outlet_boxes, outlet_row_labels, shown_note, too_many_bars
from .style import FIG_WIDTH, article_labels, empty_panel, heatmap, short_label

MAX_ATTENTION_OUTLETS = 12  # outlets named in the attention chart (the largest); the CSV has all
MAX_GRID_EVENTS = 30  # events shown in the coverage grid (the largest); the CSV has all


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
    """Words and sentences per article, side by side, one bar per article; past
    ``MAX_ARTICLE_BARS`` articles, one box per outlet over its articles (``helpers.plots.many``)."""
    counts = sentences.groupby("article_id").size()
    data = pd.DataFrame({
        "label": article_labels(articles).values,
        "outlet": articles["outlet"].astype(str).values,
        "words": articles["n_words"].values,
        "sentences": articles["article_id"].map(counts).fillna(0).astype(int).values,
    })
    if too_many_bars(data):
        return _outlet_lengths(data)
    fig, axes = plt.subplots(1, 2, figsize=(FIG_WIDTH, 1.0 + 0.4 * len(data)), sharey=True)
    for ax, col in zip(axes, ["words", "sentences"], strict=False):
        # one row per bar: nothing to aggregate, so no error bar (seaborn would compute an empty one)
        sns.barplot(data=data, y="label", x=col, ax=ax, color="#2b6cb0", errorbar=None)
        ax.bar_label(ax.containers[0], fmt="%d", padding=3, fontsize=9)
        ax.set_ylabel("")
        ax.set_xlabel(f"{col} in the cleaned body")
        ax.margins(x=0.15)
    axes[0].set_title("Length of each article")
    return fig


def _outlet_lengths(data: pd.DataFrame) -> plt.Figure:
    order = largest_outlets(data["outlet"])
    fig, axes = plt.subplots(1, 2, figsize=(FIG_WIDTH, 1.4 + 0.35 * len(order)), sharey=True)
    for ax, col in zip(axes, ["words", "sentences"], strict=True):
        outlet_boxes(ax, data["outlet"], data[col], order)
        ax.set_xlabel(f"{col} in the cleaned body, per article")
    axes[0].set_yticks(range(len(order)), outlet_row_labels(data["outlet"], order))
    fig.suptitle(f"Length of each outlet's articles (articles in brackets{shown_note(data['outlet'], order)}; "
                 f"{BOX_NOTE})", x=0.01, ha="left", fontsize=10, fontweight="bold")
    return fit_text(fig)


def removed_by_rule(removed: pd.DataFrame, articles: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Heatmap of lines cleaning took out: rule x outlet, with counts in the cells."""
    outlets = sorted(articles["outlet"].unique())
    grid = pd.crosstab(removed["rule"], removed["outlet"]).reindex(columns=outlets, fill_value=0)
    if grid.empty:
        grid = pd.DataFrame(np.zeros((1, len(outlets)), dtype=int), index=["(nothing removed)"], columns=outlets)
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.2 + 0.35 * len(grid)))[1]
    annot = grid.astype(str).where(grid > 0, "")  # blank cells read faster than rows of zeros
    heatmap(grid, annot=annot, fmt="", cmap="Blues", cbar=False, linewidths=0.5, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", rotation=20)
    ax.set_title("Lines cleaning took out of each outlet's pages, by rule")
    return ax


def attention_chart(attention_table: pd.DataFrame, *, max_outlets: int = MAX_ATTENTION_OUTLETS) -> plt.Figure:
    """Articles per period, all outlets together (top), and each outlet's share of its own
    articles per period (bottom, so outlets of any size compare) for the ``max_outlets``
    outlets with the most articles; the periods line up, empty ones included."""
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(FIG_WIDTH, 3.0 + 0.32 * max_outlets), sharex=True,
                                      gridspec_kw={"height_ratios": [1, 2]})
    if attention_table.empty:
        empty_panel(top, "No article has a date")
        bottom.set_axis_off()
        return fig
    unit = attention_table["unit"].iloc[0]
    periods = all_periods(attention_table)
    x = np.arange(len(periods)) + 0.5  # the centres of the heatmap's cells below
    total = attention_table.groupby("period_start")["n_articles"].sum().reindex(periods, fill_value=0)
    top.bar(x, total.to_numpy(), width=0.9, color="#2b6cb0")
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.set_ylabel("articles")
    top.grid(axis="x", visible=False)
    top.set_title(f"Articles per {unit}, all outlets")
    sizes = attention_table.groupby("outlet")["n_articles"].sum().sort_values(ascending=False, kind="stable")
    shown = attention_table[attention_table["outlet"].isin(sizes.index[:max_outlets])]
    share = shown.pivot_table(index="outlet", columns="period_start", values="share_of_outlet", fill_value=0)
    share = share.reindex(columns=periods, fill_value=0) * 100
    darkest = float(share.to_numpy().max())  # the scale ends at the largest share, and the title says so
    heatmap(share, cmap="Blues", vmin=0, vmax=darkest, cbar=False, linewidths=0.3, linecolor="#e2e8f0", ax=bottom)
    bottom.set_ylabel(f"the {max_outlets} largest of {len(sizes)} outlets" if len(sizes) > max_outlets else "")
    bottom.set_xlabel("")
    labels = [_period_label(p, unit) for p in periods]
    step = max(1, len(labels) // 12)
    bottom.set_xticks(x[::step], labels[::step], rotation=45, ha="right")
    bottom.set_title(f"Share of each outlet's own articles per {unit} (white: none; darkest: {darkest:.0f}%)")
    return fig


def _period_label(start: pd.Timestamp, unit: str) -> str:
    return start.strftime("%b %Y") if unit == "month" else start.strftime("%Y-%m-%d")


def coverage_grid_heatmap(grid: pd.DataFrame, *, max_events: int = MAX_GRID_EVENTS) -> plt.Axes:
    """Event x outlet: the number of articles each outlet ran on each event (blank: none),
    the ``max_events`` events with the most articles, in date order."""
    sizes = grid.groupby("event")["n_articles"].sum().sort_values(ascending=False, kind="stable")
    shown = grid[grid["event"].isin(sorted(sizes.index[:max_events]))]
    table = shown.pivot_table(index=["event", "event_label"], columns="outlet", values="n_articles", fill_value=0)
    table.index = [label for _, label in table.index]
    ax = plt.subplots(figsize=(FIG_WIDTH, 1.4 + 0.35 * max(len(table), 1)))[1]
    if table.empty:
        return empty_panel(ax, "No events")
    annot = table.astype(int).astype(str).where(table > 0, "")
    heatmap(table.where(table > 0), annot=annot, fmt="", cmap="Blues", vmin=0, cbar=False, linewidths=0.5,
            linecolor="#e2e8f0", ax=ax, xticklabels=[short_label(outlet) for outlet in table.columns])
    ax.grid(visible=False)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", rotation=0)
    ax.set_title("Which outlet covered which news event (articles; blank: none)")
    fit_text(ax.figure)  # long names wrapped under their columns, or turned upright when there are many
    return ax
