"""Per-outlet forms of the per-article charts, for corpora with more articles than a chart
can give a bar each (``MAX_ARTICLE_BARS``).

With one bar per article, 3,000 articles made a lengths chart 115,000 pixels tall and the
article profiles 184,000 (measured 2026-12-07 on a synthetic corpus): nothing a reader can
take in, and minutes to draw. Past ``MAX_ARTICLE_BARS`` articles those charts show each
outlet instead: its articles' values as a box (the middle half of its articles, the line
at the median, whiskers to the furthest article within 1.5 box-lengths, dots beyond), or
its summed shares; at most ``MAX_OUTLET_ROWS`` outlets, those with the most articles, each
labelled with its number of articles. The CSV tables keep every article.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .style import short_label

MAX_ARTICLE_BARS = 40  # articles up to which a chart gives each article its own bar
MAX_OUTLET_ROWS = 30  # outlets shown in a per-outlet chart (the most articles first); the CSV has all
BOX_COLOUR = "#2b6cb0"
BOX_NOTE = "box: middle half of the outlet's articles; line: median; dots: far from the rest"


def too_many_bars(articles: pd.DataFrame) -> bool:
    """Whether ``articles`` is past ``MAX_ARTICLE_BARS``: a chart then shows outlets, not articles."""
    return len(articles) > MAX_ARTICLE_BARS


def largest_outlets(outlets: pd.Series, *, max_rows: int = MAX_OUTLET_ROWS) -> list[str]:
    """The ``max_rows`` outlets with the most articles (ties by name), in name order."""
    counts = outlets.astype(str).value_counts()
    return sorted(sorted(counts.index, key=lambda o: (-counts[o], o))[:max_rows])


def outlet_row_labels(outlets: pd.Series, order: list[str]) -> list[str]:
    """``Outlet (n)`` for each outlet of ``order``: its name, cut when long, and its articles."""
    counts = outlets.astype(str).value_counts()
    return [f"{short_label(o)} ({counts[o]:,})" for o in order]


def shown_note(outlets: pd.Series, order: list[str]) -> str:
    """"" when every outlet is shown, else "; the N outlets with the most articles of M"."""
    total = outlets.astype(str).nunique()
    return "" if len(order) >= total else f"; the {len(order)} outlets with the most articles of {total:,}"


def outlet_boxes(ax: plt.Axes, outlets: pd.Series, values: pd.Series, order: list[str]) -> plt.Axes:
    """One horizontal box per outlet of ``order`` (top to bottom) over its articles' ``values``."""
    keys = outlets.astype(str).to_numpy()
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    groups = [numbers[(keys == o) & ~np.isnan(numbers)] for o in order]
    ax.boxplot(groups, orientation="horizontal", positions=np.arange(len(order)), widths=0.6,
               patch_artist=True, boxprops={"facecolor": "#bee3f8", "edgecolor": BOX_COLOUR},
               medianprops={"color": BOX_COLOUR, "linewidth": 2},
               flierprops={"marker": "o", "markersize": 3, "markerfacecolor": BOX_COLOUR, "alpha": 0.5,
                           "markeredgecolor": "none"})
    ax.set_ylim(len(order) - 0.5, -0.5)
    return ax


def outlet_shares(wire: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Per outlet of ``order``: the share of its articles' characters that is wire copy and
    shared quotation (summed characters over summed characters, 0-100), and how many of its
    articles share any copy. Columns ``outlet, pct_wire, pct_quoted, n_articles, n_sharing``."""
    data = wire.assign(outlet=wire["outlet"].astype(str))
    chars = data["n_chars"].astype(float)
    wire_chars = data["n_chars_wire"] if "n_chars_wire" in data else data["n_chars_shared"]
    quoted = data["n_chars_shared_quotes"] if "n_chars_shared_quotes" in data else 0.0 * chars
    grouped = pd.DataFrame({"outlet": data["outlet"], "chars": chars, "wire": wire_chars.astype(float),
                            "quoted": quoted.astype(float),
                            "sharing": data["n_chars_shared"].astype(float) > 0}).groupby("outlet")
    sums = grouped[["chars", "wire", "quoted"]].sum().reindex(order)
    denominator = sums["chars"].where(sums["chars"] > 0)
    return pd.DataFrame({
        "outlet": order,
        "pct_wire": (100 * sums["wire"] / denominator).fillna(0.0).to_numpy(),
        "pct_quoted": (100 * sums["quoted"] / denominator).fillna(0.0).to_numpy(),
        "n_articles": grouped.size().reindex(order).to_numpy(),
        "n_sharing": grouped["sharing"].sum().reindex(order).astype(int).to_numpy(),
    })
