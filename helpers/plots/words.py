"""Charts of word choice: the words that set each outlet apart, and how often each framing
group appears. Each takes tidy tables and returns a Figure or Axes.

Labels come from corpus text (outlet names, words), which is untrusted; the style set by
``helpers.plots.style.use_style`` turns off mathtext, so "$" is drawn as a dollar sign.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..terms import Z_CRITICAL
from .fit import fit_text
from .style import FIG_WIDTH, heatmap

DOT_COLOUR = "#2b6cb0"  # significant after the Benjamini-Hochberg correction
FAINT_COLOUR = "#a0aec0"  # not
MAX_PANEL_COLUMNS = 3  # outlets side by side before the panels wrap


def _panel_title(outlet: str, periods: pd.DataFrame | None) -> str:
    if periods is None or periods.empty:
        return outlet
    labels = periods.loc[periods["outlet"] == outlet, "period_label"].drop_duplicates()
    return f"{outlet}\n({', '.join(labels)})" if len(labels) else outlet


def distinctive_dots(distinctive: pd.DataFrame, *, top_n: int = 8,
                     periods: pd.DataFrame | None = None) -> plt.Figure:
    """Each outlet's most distinctive terms as dots on a z-score axis, one panel per outlet.

    In the manner of scattertext's term lists: the term (its commonest word) with its
    uses in the outlet and in the rest of the corpus ("prisoners 5 | 7"), placed at its
    log-odds z-score; dots significant after the Benjamini-Hochberg correction (the
    table's ``significant``) are dark, others faint; the dashed line is ``Z_CRITICAL``,
    the uncorrected 5% mark, for reference. Terms not tested are left out.
    Panels share the z axis, so outlets compare at a glance; ties keep the table's
    order (count, then alphabetical).

    Parameters
    ----------
    distinctive
        From ``helpers.terms.distinctive_terms`` (sorted by outlet and z).
    periods
        From ``helpers.events.date_periods``: each panel's title names the outlet's
        coverage period.
    """
    outlets = list(dict.fromkeys(distinctive["outlet"]))
    if "tested" in distinctive.columns:
        distinctive = distinctive[distinctive["tested"].astype(bool)]
    top = distinctive.groupby("outlet", sort=False).head(top_n)
    ncols = min(len(outlets), MAX_PANEL_COLUMNS) or 1
    nrows = max(math.ceil(len(outlets) / ncols), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(FIG_WIDTH, 0.6 + nrows * (0.9 + 0.28 * top_n)),
                             sharex=True, squeeze=False)
    z_max = max(float(top["z"].max()) if len(top) else 0.0, Z_CRITICAL) * 1.1
    z_min = min(float(top["z"].min()) if len(top) else 0.0, 0.0)
    for ax, outlet in zip(axes.flat, outlets, strict=False):
        rows = top[top["outlet"] == outlet].reset_index(drop=True)
        y = np.arange(len(rows))[::-1]
        colours = [DOT_COLOUR if s else FAINT_COLOUR for s in rows["significant"]]
        ax.scatter(rows["z"], y, color=colours, s=36, zorder=3)
        ax.hlines(y, 0, rows["z"], color=colours, lw=1)
        ax.set_yticks(y, [f"{lab}  {n} | {r}" for lab, n, r in
                          zip(rows["label"], rows["n"], rows["n_rest"], strict=False)], fontsize=9)
        ax.axvline(Z_CRITICAL, color="#555", ls="--", lw=0.8)
        ax.set_xlim(z_min, z_max)
        ax.set_ylim(-0.7, top_n - 0.3)
        ax.set_title(_panel_title(outlet, periods), fontsize=10)
        ax.grid(axis="y", visible=False)
    for ax in axes.flat[len(outlets):]:
        ax.set_visible(False)
    for column in axes.T:  # the lowest panel shown in each column: the last row may have empty places
        for ax in [ax for ax in column if ax.get_visible()][-1:]:
            ax.set_xlabel("log-odds z-score")
            ax.tick_params(axis="x", labelbottom=True)  # sharex hid them on every row but the last
    fig.suptitle(
        f"Words each outlet uses more than the other outlets (uses here | elsewhere; dark: "
        f"significant after correction; dashed line: z = {Z_CRITICAL}, uncorrected)",
        x=0.01, ha="left", fontsize=11, fontweight="bold",
    )
    return fit_text(fig)


def framing_heatmap(framing: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Framing term groups x outlets, shaded by uses per 1,000 words, with the count in each cell.

    Parameters
    ----------
    framing
        From ``helpers.terms.framing_counts``.
    """
    groups = list(dict.fromkeys(framing["group"]))
    outlets = sorted(framing["outlet"].unique())
    rate = framing.pivot(index="group", columns="outlet", values="per_1000").reindex(
        index=groups, columns=outlets)
    n = framing.pivot(index="group", columns="outlet", values="n").reindex(
        index=groups, columns=outlets)
    annot = rate.map(lambda v: f"{v:.1f}") + n.map(lambda v: f"\n({int(v)})")
    annot = annot.where(n > 0, "")
    ax = ax or plt.subplots(figsize=(FIG_WIDTH, 1.2 + 0.55 * len(groups)))[1]
    heatmap(rate.fillna(0), annot=annot, fmt="", cmap="Blues", cbar=True, linewidths=0.5,
            cbar_kws={"label": "uses per 1,000 words"}, ax=ax, annot_kws={"fontsize": 9})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="x", rotation=20)
    ax.tick_params(axis="y", rotation=0)
    ax.set_title("Framing vocabulary: uses per 1,000 words (count in brackets; blank: none)")
    return ax
