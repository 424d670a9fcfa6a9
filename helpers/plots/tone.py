"""Charts of tone: the spread of sentence scores per outlet, narration against quotations,
tone around each actor, tone through the article, and the agreement with human ratings.
Each function returns the Figure or Axes it drew on.

Outlet names are corpus metadata (untrusted text); ``helpers.plots.style.use_style`` turns
off mathtext so they are drawn literally. Jitter uses a fixed seed, so two builds draw
identical charts.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import ticker

from ..sentiment import BOOTSTRAP_SEED, THIN_CELL, THRESHOLD
from .style import FIG_WIDTH, empty_panel, heatmap, outlet_label

JITTER = 0.18  # half-height of the band of dots around each outlet's row
POINT_COLOR = "#2b6cb0"
VOICE_COLORS = {"narration": "#2b6cb0", "quoted": "#c05621"}
MAX_ACTORS = 20  # rows in the actor heatmap (most mentioned first); the CSV has all


def _sign(value: float) -> str:
    return "n/a" if pd.isna(value) else f"{value:+.2f}".replace("-", "\u2212")


def _neutral_band(ax: plt.Axes, *, vertical: bool = True) -> None:
    span = ax.axvspan if vertical else ax.axhspan
    line = ax.axvline if vertical else ax.axhline
    span(-THRESHOLD, THRESHOLD, color="#999999", alpha=0.15, lw=0)
    line(0, color="#666666", lw=0.8)


def compound_distribution(scored: pd.DataFrame, outlets: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Every sentence's compound score as a dot, one row per outlet, with a box for the
    middle half and the mean with its 95% interval; outlets in the order of ``outlets``
    (from ``outlet_sentiment``: most positive mean first), labelled with their periods."""
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.4 + 0.75 * max(len(outlets), 1)))[1]
    if outlets.empty:
        return empty_panel(ax, "No sentences to score")
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    order = list(outlets["outlet"])
    _neutral_band(ax)
    for y, row in enumerate(outlets.itertuples()):
        values = scored.loc[scored["outlet"] == row.outlet, "compound"].to_numpy()
        ax.boxplot(values, positions=[y], orientation="horizontal", widths=0.5, showfliers=False,
                   patch_artist=True, boxprops=dict(facecolor="#e2e8f0", edgecolor="#718096"),
                   medianprops=dict(color="#718096"), whiskerprops=dict(color="#a0aec0"),
                   capprops=dict(color="#a0aec0"), zorder=1)
        ax.scatter(values, y + rng.uniform(-JITTER, JITTER, len(values)), s=20, color=POINT_COLOR, alpha=0.7,
                   lw=0, zorder=2)
        if not pd.isna(row.ci_low):
            ax.plot([row.ci_low, row.ci_high], [y, y], color="black", lw=2.5, zorder=3)
        ax.scatter([row.mean_compound], [y], marker="D", s=40, color="black", zorder=4)
        ax.text(1.04, y, f"mean {_sign(row.mean_compound)}\nn = {row.n_sentences}", va="center", fontsize=9,
                transform=ax.get_yaxis_transform())
    ax.set_yticks(
        range(len(order)), [outlet_label(o, p) for o, p in zip(outlets["outlet"], outlets["periods"], strict=False)]
    )
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound score of a sentence (\u22121 most negative, +1 most positive; grey band: neutral)")
    ax.set_title("Tone of every sentence, by outlet (\u25c6 mean with 95% interval; box: middle half)")
    return ax


def voice_tone(voice_summary: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Mean compound of quoted text and of narration per outlet, each with its 95%
    interval and its number of segments."""
    outlets = sorted(voice_summary["outlet"].unique()) if not voice_summary.empty else []
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.4 + 0.8 * max(len(outlets), 1)))[1]
    if not outlets:
        return empty_panel(ax, "No sentences to score")
    _neutral_band(ax)
    periods = voice_summary.groupby("outlet")["periods"].first()
    for voice, offset in [("narration", -0.15), ("quoted", 0.15)]:
        part = voice_summary[voice_summary["voice"] == voice]
        ys = [outlets.index(o) + offset for o in part["outlet"]]
        ax.scatter(part["mean_compound"], ys, color=VOICE_COLORS[voice], s=40, zorder=3, label=voice)
        for y, row in zip(ys, part.itertuples(), strict=False):
            if not pd.isna(row.ci_low):
                ax.plot([row.ci_low, row.ci_high], [y, y], color=VOICE_COLORS[voice], lw=2, zorder=2)
            ax.text(1.04, y, f"{voice} n = {row.n_segments}", va="center", fontsize=8,
                    color=VOICE_COLORS[voice], transform=ax.get_yaxis_transform())
    ax.set_yticks(range(len(outlets)), [outlet_label(o, periods[o]) for o in outlets])
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean VADER compound score of the segments (line: 95% interval)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=9, frameon=False)
    ax.set_title("Quoted voices vs the journalist's narration, by outlet")
    return ax


def actor_heatmap(actor_summary: pd.DataFrame, *, max_actors: int = MAX_ACTORS, ax: plt.Axes | None = None) -> plt.Axes:
    """Mean compound of the sentences mentioning each actor (rows) in each outlet
    (columns), with the number of sentences in every cell; cells with fewer than
    ``THIN_CELL`` sentences are grey, not coloured."""
    if actor_summary.empty:
        ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.5))[1]
        return empty_panel(ax, "No actor is mentioned (or the corpus has no actors table)")
    actors = list(dict.fromkeys(actor_summary["actor"]))[:max_actors]
    outlets = sorted(actor_summary["outlet"].unique())
    data = actor_summary[actor_summary["actor"].isin(actors)]
    means = data.pivot(index="actor", columns="outlet", values="mean_compound").reindex(index=actors, columns=outlets)
    counts = data.pivot(index="actor", columns="outlet", values="n_sentences").reindex(index=actors, columns=outlets)
    thin = counts < THIN_CELL
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.6 + 0.55 * len(actors)))[1]
    limit = max(0.3, float(np.ceil(np.nanmax(np.abs(means.to_numpy(dtype=float))) * 10) / 10))
    heatmap(means.where(~thin), cmap="RdBu", vmin=-limit, vmax=limit, center=0, linewidths=0.5,
            linecolor="white", cbar_kws={"label": "mean compound", "shrink": 0.6}, ax=ax)
    grey = np.where(thin.to_numpy() & counts.notna().to_numpy(), 1.0, np.nan)
    ax.pcolormesh(np.arange(len(outlets) + 1), np.arange(len(actors) + 1), grey, cmap="Greys", vmin=0, vmax=4,
                  edgecolors="white", linewidth=0.5)
    for i, actor in enumerate(actors):
        for j, outlet in enumerate(outlets):
            n = counts.loc[actor, outlet]
            if pd.isna(n):
                continue
            ax.text(j + 0.5, i + 0.5, f"{_sign(means.loc[actor, outlet])}\nn={int(n)}", ha="center", va="center",
                    fontsize=8, color="#555555" if thin.loc[actor, outlet] else "black")
    ax.set_xticks(np.arange(len(outlets)) + 0.5, outlets, rotation=20, ha="right")
    ax.set_yticks(np.arange(len(actors)) + 0.5, actors, rotation=0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.grid(False)
    ax.set_title(f"Tone of the sentences that mention each actor (grey: fewer than {THIN_CELL} sentences)")
    return ax


def tone_through_article(scored: pd.DataFrame, positions: pd.DataFrame, outlets: pd.DataFrame) -> plt.Figure:
    """One panel per outlet: each sentence's compound score against where it sits in its
    article (0 = start, 1 = end), and the mean of each fifth with its 95% interval."""
    names = list(outlets["outlet"])
    ncols = min(3, max(len(names), 1))
    nrows = max(1, -(-len(names) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(FIG_WIDTH, 0.6 + 2.6 * nrows), sharex=True, sharey=True,
                             squeeze=False)
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    periods = dict(zip(outlets["outlet"], outlets["periods"], strict=False))
    for ax, outlet in zip(axes.flat, names, strict=False):
        points = scored[scored["outlet"] == outlet]
        ax.axhspan(-THRESHOLD, THRESHOLD, color="#999999", alpha=0.15, lw=0)
        ax.axhline(0, color="#666666", lw=0.8)
        ax.scatter(points["position"], points["compound"] + rng.uniform(-0.01, 0.01, len(points)), s=12,
                   color=POINT_COLOR, alpha=0.45, lw=0)
        cells = positions[positions["outlet"] == outlet]
        bins = positions["position_bin"].max() if not positions.empty else 1
        centres = (cells["position_bin"] - 0.5) / bins
        ax.fill_between(centres, cells["ci_low"], cells["ci_high"], color="black", alpha=0.1, lw=0)
        ax.plot(centres, cells["mean_compound"], color="black", marker="o", ms=4, lw=1.5)
        ax.set_title(outlet_label(outlet, periods.get(outlet)).replace("\n", " "), fontsize=9, loc="left")
    for ax in list(axes.flat)[len(names):]:
        ax.set_axis_off()
    for ax in axes[-1]:
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.5, 1], ["start", "middle", "end"])
    for ax in axes[:, 0]:
        ax.set_ylim(-1.05, 1.05)
        ax.set_ylabel("compound")
    fig.suptitle("Tone through the article: every sentence (dot) and the mean of each fifth (line, band: 95% interval)",
                 x=0.01, ha="left", fontsize=11, fontweight="bold")
    return fig


def benchmark_agreement(scored_benchmark: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """How VADER's compound score (NLTK, news-neutral words set aside) relates to the mean human rating (scaled to
    -1...1) on the benchmark sentences: a density of sentences and the mean score for
    each step of the human rating."""
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 5))[1]
    hb = ax.hexbin(scored_benchmark["human"], scored_benchmark["news"], gridsize=(24, 20), extent=(-1, 1, -1, 1),
                   cmap="Blues", bins="log", mincnt=1, linewidths=0.2)
    bar = plt.colorbar(hb, ax=ax, label="sentences (log scale)", shrink=0.8)
    bar.ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}"))  # no mathtext: it is off
    bar.ax.yaxis.set_minor_formatter(ticker.NullFormatter())
    steps = np.round(scored_benchmark["human"] * 10) / 10  # human ratings in steps of 0.1
    means = scored_benchmark.groupby(steps)["news"].agg(["mean", "size"])
    means = means[means["size"] >= 10]
    ax.plot(means.index, means["mean"], color="#c05621", marker="o", ms=4, lw=1.5,
            label="mean VADER score at each human rating (steps of 0.1, \u226510 sentences)")
    ax.plot([-1, 1], [-1, 1], color="#666666", lw=0.8, ls="--", label="perfect agreement")
    reach = max(0.25, float(np.ceil(scored_benchmark["human"].abs().max() * 4) / 4))  # human means stay near 0
    ax.set_xlim(-reach, reach)
    ax.set_ylim(-1.02, 1.02)
    ax.set_xlabel("mean human rating, scaled to \u22121\u2026+1 (rating / 4)")
    ax.set_ylabel("VADER compound (NLTK)")
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title(f"VADER vs human ratings on {len(scored_benchmark):,} NYT editorial sentences")
    return ax
