"""The house style of every chart, and the small pieces the charts share.

Labels come from corpus metadata (outlet names), which is untrusted text; ``use_style``
turns off matplotlib's mathtext so a "$" in a name is drawn as a dollar sign rather than
parsed as LaTeX.

Drawing a figure (text layout above all) is most of a report page's time, so the charts
draw each figure as few times as the picture needs (issue 18):

- In a notebook kernel (matplotlib's inline backend), ``use_style`` disconnects pyplot's
  redraw after every cell, which draws every changed figure in full just before the
  inline backend draws it again to make its image: the image is the same without it.
- ``heatmap`` is ``sns.heatmap`` whose draw of the whole figure (it measures the tick
  labels to turn them if they overlap) lays the figure out without painting its pixels.
"""

from __future__ import annotations

from contextlib import contextmanager

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

FIG_WIDTH = 9  # inches; fits the report's text column
MAX_LABEL_CHARS = 40  # a longer tick label (an outlet's name) is cut, with "…": the tables keep it whole


def use_style() -> None:
    """Set the plot style every notebook uses (call once in the setup cell)."""
    sns.set_theme(style="whitegrid", context="notebook")
    plt.rcParams.update({
        "text.parse_math": False,  # "$x$" in an outlet name stays literal
        "figure.dpi": 96,
        "savefig.dpi": 96,
        "figure.autolayout": True,
        "svg.hashsalt": "news-coverage",  # identical SVG ids across builds
        "axes.titlelocation": "left",
        "axes.titleweight": "bold",
    })
    backend = matplotlib.get_backend()
    if "inline" in backend:  # a notebook kernel
        plt.switch_backend(backend)  # what pyplot does at the first figure, connecting its redraw ...
        plt.uninstall_repl_displayhook()  # ... which goes; the inline backend still draws and shows each figure


@contextmanager
def layout_only_draws(fig: plt.Figure):
    """Within the block, ``fig.canvas.draw()`` lays ``fig`` out (text sizes, tick labels,
    layout) without painting pixels: for code that draws only to measure."""
    canvas = fig.canvas
    canvas.draw = fig.draw_without_rendering
    try:
        yield fig
    finally:
        del canvas.draw  # the class's own draw again


def heatmap(data, *, ax: plt.Axes, **kwargs) -> plt.Axes:
    """``sns.heatmap(data, ax=ax, **kwargs)``, its measuring draw done without painting
    (``layout_only_draws``): the same chart, drawn in full once, when it is shown."""
    with layout_only_draws(ax.figure):
        return sns.heatmap(data, ax=ax, **kwargs)


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """A short unique label per article: ``Outlet · YYYY-MM-DD`` (plus the id if still ambiguous)."""
    dates = articles["date"].dt.strftime("%Y-%m-%d").fillna("undated")
    labels = articles["outlet"] + " \u00b7 " + dates
    dup = labels.duplicated(keep=False)
    labels[dup] = labels[dup] + " \u00b7 " + articles.loc[dup, "article_id"]
    return labels


def empty_panel(ax: plt.Axes, message: str) -> plt.Axes:
    """Write ``message`` in the middle of ``ax`` instead of a chart, and hide the axes."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return ax


def outlet_label(outlet: str, periods) -> str:
    """``outlet``, with its coverage periods on a second line when there are any."""
    return f"{outlet}\n({periods})" if isinstance(periods, str) and periods else str(outlet)


def short_label(text: object, max_chars: int = MAX_LABEL_CHARS) -> str:
    """``text`` as a tick label: cut to ``max_chars`` characters with a closing "…" when longer,
    so one long name cannot squeeze the chart out of its figure."""
    text = str(text)
    return text if len(text) <= max_chars else text[:max_chars - 1].rstrip() + "\u2026"
