"""Charts drawn as few times as the picture needs (issue 18): ``plots.style.heatmap`` is
``sns.heatmap`` whose measuring draw paints no pixels, with the same picture."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import seaborn as sns
from matplotlib.figure import Figure

from helpers.plots.style import heatmap, layout_only_draws

# Long column names side by side: sns.heatmap measures them and turns them when they overlap.
GRID = pd.DataFrame(np.arange(12).reshape(3, 4), index=["a", "b", "c"],
                    columns=[f"a rather long outlet name {i}" for i in range(4)])


def _png(draw) -> tuple[bytes, list[float]]:
    """The PNG of a figure ``draw(ax)`` drew on, and its x tick labels' rotations."""
    with plt.rc_context({"figure.autolayout": True}):
        fig, ax = plt.subplots(figsize=(4, 3))
        draw(ax)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=60)
        rotations = [label.get_rotation() for label in ax.get_xticklabels()]
        plt.close(fig)
    return buffer.getvalue(), rotations


def test_heatmap_draws_the_same_picture_as_seaborn():
    ours, our_rotations = _png(lambda ax: heatmap(GRID, ax=ax, annot=True, cbar=False))
    theirs, their_rotations = _png(lambda ax: sns.heatmap(GRID, ax=ax, annot=True, cbar=False))
    assert our_rotations == their_rotations == [90.0] * 4  # the overlapping labels were measured and turned
    assert ours == theirs


def test_heatmap_paints_no_pixels_while_it_measures(monkeypatch):
    draws = []  # per draw of the figure: whether its renderer painted (its draw_* methods not made no-ops)
    draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda fig, renderer: draws.append("draw_path" not in vars(renderer))
                        or draw(fig, renderer))
    for chart in (sns.heatmap, heatmap):
        fig, ax = plt.subplots()
        chart(GRID, ax=ax, cbar=False)
        plt.close(fig)
    assert draws == [True, False]  # seaborn's own draw painted; ours measured only


def test_layout_only_draws_gives_the_canvas_its_own_draw_back_even_after_an_error():
    fig = plt.figure()
    with pytest.raises(ValueError), layout_only_draws(fig):
        assert fig.canvas.draw == fig.draw_without_rendering
        raise ValueError("in the block")
    assert "draw" not in vars(fig.canvas) and fig.canvas.draw.__func__ is type(fig.canvas).draw
    plt.close(fig)
