"""Charts with long outlet names: ``helpers.plots.fit.fit_text`` wraps titles, axis labels and
column labels to the room they have, so no two texts overlap and none crosses the figure's
edge; charts of short names are drawn as before."""

from __future__ import annotations

import itertools
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers.plots import use_style
from helpers.plots.fit import fit_text
from helpers.plots.shared_text import fact_matrix_heatmap
from helpers.plots.voices import PROFILE_MEASURES, profile_panels
from helpers.plots.words import distinctive_dots

LONG_NAMES = [
    "Al Jazeera English Online Middle East Desk",
    "Jewish Telegraphic Agency International Edition",
    "The Forward Daily News and Opinion Section",
    "Washington Free Beacon National Security",
    "Deutsche Welle English Service (Bonn)",
]


@pytest.fixture(autouse=True)
def house_style():
    with plt.rc_context():  # the house style for these tests only
        use_style()
        yield
    plt.close("all")


def _boxes(texts, renderer):
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_visible() and t.get_text()]


def _overlapping(texts, fig) -> list[tuple[str, str]]:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(_boxes(texts, renderer), 2)
            if box_a.overlaps(box_b)]


def _flat(text: str) -> str:
    return "".join(text.split())


def _facts(outlets):
    matrix = pd.DataFrame(np.arange(3 * len(outlets)).reshape(3, -1) % 4, columns=outlets,
                          index=["name: Israel", "date: Monday", "number: 104 prisoners"])
    events = pd.DataFrame(dict(outlet=outlets, event=0, event_label="31 Mar\u20133 Apr 2014"))
    return matrix, events


def test_long_outlet_names_over_the_fact_matrix_are_wrapped_apart_and_keep_every_word():
    ax = fact_matrix_heatmap(*_facts(LONG_NAMES))
    labels = ax.get_xticklabels()
    assert _overlapping(labels, ax.figure) == []
    assert max(t.get_text().count("\n") for t in labels) >= 2  # wrapped (one line ends with the event)
    assert [_flat(t.get_text()) for t in labels] == [_flat(f"{o}\n(31 Mar\u20133 Apr 2014)") for o in LONG_NAMES]


def test_too_many_columns_for_words_turn_the_outlet_names_upright():
    outlets = [f"{name} {i}" for i, name in enumerate(LONG_NAMES * 4)]
    ax = fact_matrix_heatmap(*_facts(outlets))
    labels = ax.get_xticklabels()
    assert {t.get_rotation() for t in labels} == {90.0}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Tight layout not applied": the figure grew for the upright names
        assert _overlapping(labels, ax.figure) == []


def _distinctive(outlets):
    rows = [dict(outlet=o, label=f"term{k}", n=5 - k, n_rest=k, z=3.0 - k / 2, significant=k == 0, tested=True)
            for o in outlets for k in range(4)]
    return pd.DataFrame(rows)


def test_distinctive_panels_titles_never_meet_each_other_or_an_axis_label():
    periods = pd.DataFrame(dict(outlet=LONG_NAMES, period_label="Mar\u2013Apr 2014"))
    fig = distinctive_dots(_distinctive(LONG_NAMES), top_n=4, periods=periods)
    shown = [ax for ax in fig.axes if ax.get_visible()]
    texts = [ax.title for ax in shown] + [ax._left_title for ax in shown] + [ax.xaxis.label for ax in shown]
    assert _overlapping([*texts, fig._suptitle], fig) == []
    renderer = fig.canvas.get_renderer()
    assert fig._suptitle.get_window_extent(renderer).x1 <= fig.bbox.x1  # the long title is wrapped inside the figure
    assert "\n" in fig._suptitle.get_text()


def _profiles(outlets):
    n = len(outlets)
    data = {col: np.arange(1, n + 1, dtype=float) for col, _ in PROFILE_MEASURES}
    return pd.DataFrame(dict(data, outlet=outlets, article_id=[f"a{i}" for i in range(n)],
                             date=pd.to_datetime("2014-03-31"), period_label="Mar\u2013Apr 2014"))


def test_profile_panels_axis_labels_do_not_overlap_and_every_row_has_one_label_size():
    fig = profile_panels(_profiles(LONG_NAMES))
    shown = [ax for ax in fig.axes if ax.axison]
    assert _overlapping([ax.xaxis.label for ax in shown], fig) == []
    sizes = {t.get_fontsize() for ax in shown for t in ax.get_yticklabels() if t.get_visible() and t.get_text()}
    assert sizes == {9.0}


def test_texts_that_fit_are_left_as_they_are():
    fig, axes = plt.subplots(1, 2, figsize=(9, 3))
    for ax, name in zip(axes, ["JTA", "The Forward"], strict=True):
        ax.set_title(name)
        ax.set_xlabel("words")
        ax.set_xticks([0, 1], ["a", "b"])
    fig.suptitle("Short")
    def texts():
        return [fig._suptitle.get_text()] + [(ax._left_title.get_text(), ax.xaxis.label.get_text(),
                                             [t.get_text() for t in ax.get_xticklabels()]) for ax in axes]

    before = texts()
    fit_text(fig)
    assert texts() == before


def test_a_title_too_long_for_its_panel_is_wrapped_before_the_next_panel():
    fig, axes = plt.subplots(1, 2, figsize=(9, 3))
    axes[0].set_title("A very long outlet name that would run well into the panel beside it, twice over")
    axes[1].set_title("Beside")
    fit_text(fig)
    assert _overlapping([axes[0]._left_title, axes[1]._left_title], fig) == []
    assert _flat(axes[0]._left_title.get_text()) == _flat(
        "A very long outlet name that would run well into the panel beside it, twice over")


def test_the_coverage_grid_keeps_its_rows_tall_under_long_outlet_names():
    from helpers.attention import coverage_grid
    from helpers.plots.coverage import coverage_grid_heatmap

    events = pd.DataFrame(dict(article_id=[f"a{i}" for i in range(6)], outlet=[*LONG_NAMES, LONG_NAMES[0]],
                               event=[0, 0, 1, 1, 2, 2],
                               event_label=["30 Jun 2013"] * 2 + ["31 Mar\u20133 Apr 2014"] * 2 + ["25 Nov 2015"] * 2))
    ax = coverage_grid_heatmap(coverage_grid(events))
    labels = ax.get_xticklabels()
    assert _overlapping(labels, ax.figure) == []
    assert {t.get_rotation() for t in labels} == {0.0}
    assert ax.get_window_extent().height / ax.figure.dpi >= 3 * 0.3  # three event rows of at least 0.3 inch
