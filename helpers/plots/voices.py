"""Charts of who speaks: the measures of each article's sourcing, who is quoted where,
the sides the quoted people stand on, and named versus unnamed sources. Each function
returns the Figure or Axes it drew on.

Outlet and speaker names are corpus text (untrusted); ``helpers.plots.style.use_style`` turns
off mathtext so a "$" is drawn literally. Orders are stable (by date, then name), so
two builds draw identical charts.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..quotes import NO_AFFILIATION, UNATTRIBUTED
from .fit import fit_text
from .many import BOX_NOTE, largest_outlets, outlet_boxes, outlet_row_labels, shown_note, too_many_bars
from .style import FIG_WIDTH, article_labels, empty_panel, heatmap, outlet_label

MAX_SPEAKERS = 20  # columns of the speaker heatmap (most quoted first); the CSV has all
PERIOD_COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#c53030"]  # one per coverage period
UNDATED_COLOR = "#a0aec0"
SIDE_GREYS = {NO_AFFILIATION: "#cbd5e0", UNATTRIBUTED: "#718096"}
SIDE_COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#319795", "#c53030", "#d53f8c"]
PROFILE_MEASURES = [  # (column, axis label)
    ("n_words", "words"),
    ("mean_sentence_words", "words per sentence"),
    ("flesch_reading_ease", "Flesch reading ease (higher = easier)"),
    ("n_quotes", "direct quotations"),
    ("pct_quoted", "% of text in quotation marks"),
    ("n_named_speakers", "named people quoted"),
    ("n_anonymous_sources", "unnamed sources cited"),
]


def _period_colors(profiles: pd.DataFrame) -> dict[str, str]:
    labels = profiles.sort_values("date", kind="stable", na_position="last")["period_label"].fillna("undated")
    out = {}
    for label in dict.fromkeys(labels):
        out[label] = UNDATED_COLOR if label == "undated" else PERIOD_COLORS[len(out) % len(PERIOD_COLORS)]
    return out


def profile_panels(profiles: pd.DataFrame) -> plt.Figure:
    """One small bar chart per measure of ``article_profiles``, one bar per article
    (labelled outlet and date, in date order), coloured by coverage period; past
    ``MAX_ARTICLE_BARS`` articles, one box per outlet over its articles (``helpers.plots.many``)."""
    data = profiles.sort_values(["date", "outlet", "article_id"], kind="stable", na_position="last").reset_index(
        drop=True
    )
    if too_many_bars(data):
        return _outlet_profiles(data)
    n_cols = 4
    n_rows = int(np.ceil((len(PROFILE_MEASURES) + 1) / n_cols))
    height = 0.8 + 0.32 * max(len(data), 1)
    fig, axes = plt.subplots(n_rows, n_cols, figsize=(FIG_WIDTH * 1.25, n_rows * height + 0.6), sharey=True)
    axes = axes.ravel()
    if data.empty:
        empty_panel(axes[0], "No articles")
        for ax in axes[1:]:
            ax.set_axis_off()
        return fig
    labels = article_labels(data).tolist()
    colors = _period_colors(data)
    bar_colors = [colors[p] for p in data["period_label"].fillna("undated")]
    y = np.arange(len(data))
    for ax, (col, label) in zip(axes, PROFILE_MEASURES, strict=False):
        values = data[col].astype(float).fillna(0).to_numpy()
        ax.barh(y, values, color=bar_colors)
        fmt = "%d" if col.startswith("n_") else "%.1f"
        ax.bar_label(ax.containers[0], fmt=fmt, padding=2, fontsize=8)
        ax.set_xlabel(label, fontsize=9)
        ax.margins(x=0.25)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlim(left=min(0, values.min() * 1.2))
        if col.startswith("n_"):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    axes[0].set_yticks(y, labels)
    for ax in axes:  # one size on every row: sharey gives the labels, not their size
        ax.tick_params(axis="y", labelsize=9)
    axes[0].invert_yaxis()
    for ax in axes[len(PROFILE_MEASURES):]:
        ax.set_axis_off()
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in colors.values()]
    axes[-1].legend(handles, list(colors), title="coverage period", loc="center", frameon=False)
    fig.suptitle("Each article's length, readability and sourcing (bars coloured by coverage period)",
                 x=0.01, ha="left", fontweight="bold")
    return fit_text(fig)


def _outlet_profiles(data: pd.DataFrame) -> plt.Figure:
    order = largest_outlets(data["outlet"])
    n_rows = int(np.ceil(len(PROFILE_MEASURES) / 4))
    fig, axes = plt.subplots(n_rows, 4, figsize=(FIG_WIDTH * 1.25, n_rows * (1.0 + 0.3 * len(order)) + 0.8),
                             sharey=True)
    for ax, (col, label) in zip(axes.ravel(), PROFILE_MEASURES, strict=False):
        outlet_boxes(ax, data["outlet"], data[col], order)
        ax.set_xlabel(label, fontsize=9)
        ax.tick_params(axis="x", labelsize=8)
        ax.tick_params(axis="y", labelsize=9)
    axes.ravel()[0].set_yticks(range(len(order)), outlet_row_labels(data["outlet"], order))
    for ax in axes.ravel()[len(PROFILE_MEASURES):]:
        ax.set_axis_off()
    fig.suptitle(f"Each outlet's articles: length, readability and sourcing (articles in brackets"
                 f"{shown_note(data['outlet'], order)}; {BOX_NOTE})", x=0.01, ha="left", fontweight="bold")
    return fit_text(fig)


def speaker_heatmap(speakers: pd.DataFrame, outlets: pd.DataFrame, *, max_speakers: int = MAX_SPEAKERS,
                    ax: plt.Axes | None = None) -> plt.Axes:
    """Direct quotations per outlet (rows, with their periods) and speaker (columns,
    most quoted first; unattributed quotations last), counts in the cells."""
    if speakers.empty:
        ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.5))[1]
        return empty_panel(ax, "No outlet quotes anyone directly")
    totals = speakers.groupby("speaker")["n_quotes"].sum()
    order = sorted(totals.index, key=lambda s: (s == "(unattributed)", -totals[s], s))
    order = [s for s in order if s != "(unattributed)"][:max_speakers] + [s for s in order if s == "(unattributed)"]
    outlet_order = list(outlets["outlet"])
    grid = speakers.pivot_table(index="outlet", columns="speaker", values="n_quotes", aggfunc="sum", fill_value=0)
    grid = grid.reindex(index=outlet_order, columns=order, fill_value=0)
    labels = [outlet_label(o, p) for o, p in zip(outlets["outlet"], outlets["periods"], strict=False)]
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.6 + 0.55 * len(grid)))[1]
    annot = grid.astype(int).astype(str).where(grid > 0, "")
    heatmap(grid, annot=annot, fmt="", cmap="Blues", cbar=False, linewidths=0.5, linecolor="#e2e8f0", ax=ax,
            vmin=0)
    ax.set_yticks(np.arange(len(labels)) + 0.5, labels, rotation=0, fontsize=9)
    ax.set_xticks(np.arange(len(order)) + 0.5, order, rotation=40, ha="right", fontsize=9)
    ax.set_xlabel("")
    ax.set_ylabel("")
    shown = "" if len(totals) - ("(unattributed)" in totals) <= max_speakers else f" (top {max_speakers})"
    ax.set_title(f"Who each outlet quotes directly: quotations per speaker{shown}")
    return ax


def affiliation_bars(shares: pd.DataFrame, outlets: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Stacked bars: each outlet's quoted words split by the speakers' side (%), with
    speakers of no listed side and unattributed quotations in grey at the end.

    Every outlet of ``outlets`` has a row, its label giving n, the quoted words its
    percentages rest on; an outlet that quotes no one keeps an empty row marked so,
    rather than vanishing from the chart.
    """
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.6 + 0.6 * max(len(outlets), 1)))[1]
    if shares.empty:
        return empty_panel(ax, "No outlet quotes anyone directly")
    overall = shares.groupby("affiliation")["n_words"].sum()
    sides = sorted([s for s in overall.index if s not in SIDE_GREYS], key=lambda s: (-overall[s], s))
    sides += [s for s in SIDE_GREYS if s in overall.index]
    colors = {s: SIDE_COLORS[i % len(SIDE_COLORS)] for i, s in enumerate(x for x in sides if x not in SIDE_GREYS)}
    colors.update(SIDE_GREYS)
    grid = shares.pivot_table(index="outlet", columns="affiliation", values="pct_words", fill_value=0)
    order = list(dict.fromkeys([*outlets["outlet"], *grid.index]))  # every outlet, quoted or not
    grid = grid.reindex(index=order, columns=sides, fill_value=0)
    n_words = shares.groupby("outlet")["n_words"].sum().reindex(order, fill_value=0).astype(int)
    periods = dict(zip(outlets["outlet"], outlets["periods"], strict=False))
    left = np.zeros(len(grid))
    y = np.arange(len(grid))
    for side in sides:
        values = grid[side].to_numpy()
        bars = ax.barh(y, values, left=left, color=colors[side], label=side, edgecolor="white")
        ax.bar_label(bars, labels=[f"{v:.0f}%" if v >= 8 else "" for v in values], label_type="center",
                     fontsize=8, color="white" if side != NO_AFFILIATION else "#1a202c")
        left += values
    for yi, n in zip(y, n_words, strict=True):
        if not n:
            ax.text(1, yi, "no direct quotation", va="center", fontsize=9, color="#4a5568")
    ax.set_yticks(y, [f"{outlet_label(o, periods.get(o))}\nn = {n:,} quoted words" for o, n in n_words.items()],
                  fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the outlet's directly quoted words (n beside each outlet)")
    ax.legend(title="speaker's side", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
    ax.set_title("Share of quoted words by the speaker's side")
    return ax


def sourcing_bars(outlets: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Named people quoted, unnamed sources cited and unattributed quotations, per outlet."""
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.6 + 0.7 * max(len(outlets), 1)))[1]
    if outlets.empty:
        return empty_panel(ax, "No articles")
    measures = [("n_named_speakers", "named people quoted", "#2b6cb0"),
                ("n_anonymous_sources", "unnamed sources cited", "#c05621"),
                ("n_unattributed", "quotations with no speaker found", "#718096")]
    y = np.arange(len(outlets))
    height = 0.8 / len(measures)
    for i, (col, label, color) in enumerate(measures):
        bars = ax.barh(y + (i - 1) * height, outlets[col].to_numpy(), height=height, color=color, label=label)
        ax.bar_label(bars, fmt="%d", padding=2, fontsize=8)
    ax.set_yticks(
        y, [outlet_label(o, p) for o, p in zip(outlets["outlet"], outlets["periods"], strict=False)], fontsize=9
    )
    ax.invert_yaxis()
    ax.margins(x=0.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("count")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
    ax.set_title("Named and unnamed sources per outlet")
    return ax
