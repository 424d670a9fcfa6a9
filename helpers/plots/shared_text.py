"""Charts of what outlets share: article-to-article similarity, each article's share of
wire copy, and which outlets report which facts. Each function returns the Figure or Axes
it drew on.

Labels are outlet names and dates (corpus metadata, untrusted text);
``helpers.plots.style.use_style`` turns off mathtext so they are drawn literally.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import dendrogram, leaves_list, linkage
from scipy.spatial.distance import squareform

from ..overlap import outlet_similarity, similarity_matrix
from .fit import fit_text
from .many import largest_outlets, outlet_row_labels, outlet_shares, shown_note, too_many_bars
from .style import FIG_WIDTH, article_labels, empty_panel, heatmap

MAX_ANNOTATED = 12  # rows up to which every cell of a similarity map, and each join of its tree, shows its value
MAX_MAP_ARTICLES = 60  # articles up to which the similarity maps give each article a row; past it, outlets
MAX_FACT_ROWS = 40  # facts shown in the fact matrix (most outlets first); the CSV has all
BAR_COLOR = "#2b6cb0"
QUOTE_COLOR = "#c05621"  # shared quotation, stacked after the wire copy
SCALE_MAX = 1.0  # both similarity maps are coloured on 0-1: the top colour means identical, never "the maximum"
LINKAGE_METHOD = "average"  # UPGMA: the distance between groups is the mean pairwise distance


def cluster_order(matrix: pd.DataFrame) -> tuple[list[int], np.ndarray | None]:
    """Leaf order of an average-linkage clustering on 1 - similarity (optimal leaf
    ordering, so neighbours are as alike as the tree allows), and the linkage matrix
    (None for fewer than three articles, where there is nothing to cluster)."""
    n = len(matrix)
    if n < 3:
        return list(range(n)), None
    distance = np.clip(1 - matrix.to_numpy(dtype=float), 0, None)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), method=LINKAGE_METHOD, optimal_ordering=True)
    return leaves_list(tree).tolist(), tree


def tree_segments(tree: np.ndarray, order: list[int]) -> list[tuple[list[float], list[float], float]]:
    """The dendrogram of ``tree`` as line segments over heatmap columns 0.5, 1.5, ...

    Returns one ``(xs, ys, similarity)`` per merge: the four points of its bracket, its
    level and the similarity (1 - distance) at which its two groups join. Levels are the
    merges' ranks (1 = first merge), not their distances: distances that differ by 0.01
    (0.79 and 0.80 on the sample) drew brackets on top of each other, which read as
    crossing lines; the distance is kept as the number written at each bracket. Raises
    ValueError if the tree's leaves are not in ``order`` (the heatmap's order).
    """
    drawn = dendrogram(tree, no_plot=True)
    if drawn["leaves"] != list(order):
        raise ValueError(f"dendrogram leaves {drawn['leaves']} are not in the heatmap's order {list(order)}")
    heights = sorted(set(tree[:, 2].tolist()))
    level = {0.0: 0.0, **{h: float(k) for k, h in enumerate(heights, start=1)}}
    return [([x / 10 for x in xs], [level[y] for y in ys], 1 - ys[1])
            for xs, ys in zip(drawn["icoord"], drawn["dcoord"], strict=True)]


def _draw_tree(ax: plt.Axes, tree: np.ndarray, order: list[int]) -> None:
    """The clustering's tree over the heatmap's columns, each bracket marked with its similarity
    while there is room for the numbers (``MAX_ANNOTATED``)."""
    segments = tree_segments(tree, order)
    for xs, ys, sim in segments:
        ax.plot(xs, ys, color="#718096", linewidth=1.2)
        if len(order) <= MAX_ANNOTATED:
            ax.text((xs[1] + xs[2]) / 2, ys[1] + 0.08, f"{sim:.2f}", ha="center", va="bottom", fontsize=7,
                    color="#4a5568")
    ax.set_xlim(0, len(order))
    ax.set_ylim(0, max(ys[1] for _, ys, _ in segments) + 0.9)
    ax.set_axis_off()


def similarity_heatmaps(similarity: pd.DataFrame, articles: pd.DataFrame) -> plt.Figure:
    """TF-IDF cosine and word 5-gram Jaccard side by side, article x article, in the
    order of a clustering on the cosine (its tree drawn above the left map, each join
    marked with its mean cosine), each article labelled "Outlet · date". Both maps
    share one colour scale from 0 (nothing in common) to 1 (identical), so a Jaccard of
    0.16 looks like the small share it is. Past ``MAX_MAP_ARTICLES`` articles the maps are
    outlet x outlet: the mean over every pair of their articles (``outlet_similarity``)."""
    n = len(articles)
    if n < 2:
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.5))
        empty_panel(ax, "Only one article: there is nothing to compare it with.")
        return fig
    if n > MAX_MAP_ARTICLES:
        order = largest_outlets(articles["outlet"])
        maps = [outlet_similarity(similarity, order, measure=m) for m in ("cosine_tfidf", "jaccard_5gram")]
        labels = np.array(outlet_row_labels(articles["outlet"], order))
        title = ("How alike the articles of each pair of outlets are: the mean over every pair of their articles"
                 f" (articles in brackets{shown_note(articles['outlet'], order)}; diagonal: two articles of the"
                 " same outlet; order and tree: clustering on the cosine)")
        return _similarity_maps(maps, labels, title, mask_diagonal=False)
    maps = [similarity_matrix(similarity, articles, measure=m) for m in ("cosine_tfidf", "jaccard_5gram")]
    title = ("How alike each pair of articles is (order and tree: clustering on the cosine; the tree's "
             "numbers: mean cosine of the groups it joins)")
    return _similarity_maps(maps, article_labels(articles).to_numpy(), title, mask_diagonal=True)


def _similarity_maps(maps: list[pd.DataFrame], labels: np.ndarray, title: str, *, mask_diagonal: bool) -> plt.Figure:
    """The two maps (cosine, Jaccard) side by side in the cosine's cluster order, with its tree above."""
    n = len(labels)
    size = max(3.2, min(0.55 * n + 1.5, FIG_WIDTH / 2))
    order, tree = cluster_order(maps[0].fillna(0.0))
    labels = labels[order]
    fig = plt.figure(figsize=(FIG_WIDTH + 1.5, size + 2.4), layout="constrained")
    grid = fig.add_gridspec(2, 3, height_ratios=[1.6, 5] if tree is not None else [0.01, 5],
                            width_ratios=[1, 1, 0.05])
    mask = np.eye(n, dtype=bool) if mask_diagonal else maps[0].isna().to_numpy()[np.ix_(order, order)]
    for col, (matrix, name) in enumerate(zip(maps, ["Same vocabulary: TF-IDF cosine",
                                                  "Same wording: shared word 5-grams (Jaccard)"], strict=True)):
        ax = fig.add_subplot(grid[1, col])
        ax.set_facecolor("#edf2f7")  # the masked cells
        heatmap(matrix.iloc[order, order].to_numpy(), ax=ax, mask=mask, cmap="Blues",
                vmin=0, vmax=SCALE_MAX, linewidths=0.5, annot=n <= MAX_ANNOTATED, fmt=".2f", annot_kws={"fontsize": 8},
                cbar=col == 1, cbar_ax=fig.add_subplot(grid[1, 2]) if col == 1 else None,
                xticklabels=labels, yticklabels=labels if col == 0 else False)
        ax.grid(False)
        ax.tick_params(axis="x", rotation=90, labelsize=8)
        ax.tick_params(axis="y", rotation=0, labelsize=8)
        ax.set_xlabel(name, fontsize=9)
        if col == 1:
            ax.collections[0].colorbar.set_label("0 = nothing in common, 1 = identical", fontsize=8)
        if tree is not None and col == 0:
            _draw_tree(fig.add_subplot(grid[0, col], sharex=ax), tree, order)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=10)
    return fit_text(fig)


def wire_share_bars(wire: pd.DataFrame, articles: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Share of each article's body found in another outlet's article, one bar per
    article: wire copy, then shared quotation (inside quotation marks) stacked after it,
    with the shared sentences out of all. Past ``MAX_ARTICLE_BARS`` articles, one bar per
    outlet: the share of all its articles' characters (``helpers.plots.many.outlet_shares``)."""
    if too_many_bars(wire):
        return _outlet_wire_bars(wire, ax)
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.2 + 0.45 * max(len(wire), 1)))[1]
    if wire.empty:
        return empty_panel(ax, "No articles")
    labels = article_labels(articles.set_index("article_id").loc[wire["article_id"]].reset_index()).tolist()
    y = np.arange(len(wire))
    copy = wire.get("share_wire", wire["share_shared"]).to_numpy(dtype=float) * 100
    quoted = wire.get("share_shared_quotes", pd.Series(0.0, index=wire.index)).to_numpy(dtype=float) * 100
    ax.barh(y, copy, color=BAR_COLOR, label="wire copy (outside quotation marks)")
    if quoted.any():
        ax.barh(y, quoted, left=copy, color=QUOTE_COLOR, label="shared quotation (inside quotation marks)")
        ax.legend(loc="lower right", frameon=False, fontsize=8)
    for yi, value, row in zip(y, copy + quoted, wire.itertuples(), strict=False):
        ax.text(value + 1, yi, f"{value:.0f}%  ({row.n_sentences_shared} of {row.n_sentences} sentences)",
                va="center", fontsize=9)
    ax.set_yticks(y, labels)
    ax.set_ylim(len(wire) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the article's characters in passages shared with another outlet's article")
    ax.set_title("How much of each article is copy it shares with another outlet")
    return ax


def _outlet_wire_bars(wire: pd.DataFrame, ax: plt.Axes | None) -> plt.Axes:
    order = largest_outlets(wire["outlet"])
    shares = outlet_shares(wire, order)
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.4 + 0.4 * len(order)))[1]
    y = np.arange(len(order))
    ax.barh(y, shares["pct_wire"], color=BAR_COLOR, label="wire copy (outside quotation marks)")
    if shares["pct_quoted"].any():
        ax.barh(y, shares["pct_quoted"], left=shares["pct_wire"], color=QUOTE_COLOR,
                label="shared quotation (inside quotation marks)")
        ax.legend(loc="lower right", frameon=False, fontsize=8)
    for row in shares.itertuples():
        ax.text(row.pct_wire + row.pct_quoted + 1, row.Index,
                f"{row.pct_wire + row.pct_quoted:.0f}%  ({row.n_sharing:,} of {row.n_articles:,} articles share copy)",
                va="center", fontsize=9)
    ax.set_yticks(y, outlet_row_labels(wire["outlet"], order))
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the outlet's characters (all its articles) in passages shared with another outlet")
    ax.set_title("How much of each outlet's copy it shares with another outlet (articles in brackets"
                 f"{shown_note(wire['outlet'], order)})")
    fit_text(ax.figure)
    return ax


def fact_matrix_heatmap(matrix: pd.DataFrame, events: pd.DataFrame, *, max_rows: int = MAX_FACT_ROWS,
                        ax: plt.Axes | None = None) -> plt.Axes:
    """Outlet x fact: how often each outlet states each shared fact (blank: never), the
    outlets grouped by news event, with the event under each name."""
    shown = matrix.head(max_rows)
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.8 + 0.28 * max(len(shown), 1)))[1]
    if shown.empty:
        return empty_panel(ax, "No fact is stated by two outlets covering the same event")
    event_of = events.sort_values("event", kind="stable").groupby("outlet")["event_label"].agg(
        lambda s: ", ".join(dict.fromkeys(s)))
    annot = shown.astype(str).where(shown > 0, "")
    heatmap(shown.where(shown > 0), annot=annot, fmt="", cmap="Blues", cbar=False, linewidths=0.5,
            linecolor="#e2e8f0", ax=ax, vmin=0, vmax=max(int(shown.to_numpy().max()), 4))
    ax.grid(False)
    ax.set_xticks(np.arange(len(shown.columns)) + 0.5, [f"{o}\n({event_of.get(o, '')})" for o in shown.columns],
                  rotation=0, fontsize=8)
    ax.set_yticks(np.arange(len(shown)) + 0.5, shown.index, rotation=0, fontsize=8)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    more = len(matrix) - len(shown)
    ax.set_title("Facts stated by two or more outlets covering the same event (mentions per outlet)"
                 + (f"; {more} more in facts.csv" if more > 0 else ""), pad=12)
    fit_text(ax.figure)
    return ax
