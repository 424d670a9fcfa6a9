"""The house style of every chart, and the small pieces the charts share.

Labels come from corpus metadata (outlet names), which is untrusted text; ``use_style``
turns off matplotlib's mathtext so a "$" in a name is drawn as a dollar sign rather than
parsed as LaTeX.
"""

from __future__ import annotations

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
