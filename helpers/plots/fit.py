"""Wrap a chart's text to the room it has, so long names (outlets, periods) and long titles
never run into each other or past the figure's edge.

Outlet names are corpus text and can be any length ("Al Jazeera English Online Middle East
Desk"). A chart sets its titles, axis labels and column labels as usual and then calls
``fit_text(fig)``: the figure's layout engine (the house style's tight layout) places the axes,
each text is measured against its room, and a text too wide is wrapped onto more lines
at word breaks (column labels too narrow for one short word each are turned upright instead); the figure
grows by the height its column labels gain.
Texts that fit are left as they are, so charts of short names draw exactly as before.

The rooms:

- the figure's suptitle: the figure's width from where the title starts;
- an axes' title drawn from its left edge: up to the next axes to its right in the same row
  (or the figure's edge);
- an x-axis label, centred under its axes: up to the nearer edge of its neighbours in the
  row (or the figure's edge) on both sides;
- horizontal x tick labels with two or more ticks: the distance between two ticks.
"""

from __future__ import annotations

import itertools
import textwrap

import matplotlib.pyplot as plt
from matplotlib.text import Text

PAD_PX = 8  # the gap kept between two texts, in pixels
MIN_CHARS = 6  # a column label wrapped narrower than this is turned upright instead


def fit_text(fig: plt.Figure) -> plt.Figure:
    """Wrap ``fig``'s suptitle, axes titles, x-axis labels and horizontal x tick labels that
    would overlap each other or cross the figure's edge; returns ``fig``."""
    engine = fig.get_layout_engine()
    if engine is not None:  # its tight layout places every axes, as the final draw will
        engine.execute(fig)
    renderer = fig.canvas.get_renderer()
    fig_right = fig.bbox.x1
    suptitle = fig.get_suptitle()
    for title in [t for t in fig.texts if suptitle and t.get_text() == suptitle][:1]:
        _wrap(title, fig_right - _left_edge(title, renderer) - PAD_PX, renderer)
    for ax in [ax for ax in fig.axes if ax.get_visible() and ax.axison]:
        # hidden panels count too: the grid's empty places hold other rows' axis labels
        row = [other.get_window_extent(renderer) for other in fig.axes if other is not ax and _same_row(ax, other)]
        box = ax.get_window_extent(renderer)
        for title in _titles(ax):
            start = _left_edge(title, renderer)
            following = [o.x0 for o in row if o.x0 > start]
            _wrap(title, min(following, default=fig_right) - start - PAD_PX, renderer)
        _wrap(ax.xaxis.label, _centred_room(box, row, fig), renderer)
        _fit_tick_labels(ax, renderer)
    return fig


def _titles(ax: plt.Axes) -> list[Text]:
    """The axes' titles (left, centre, right) that hold text: its Text children that are
    not among the texts drawn in the axes."""
    return [c for c in ax.get_children() if isinstance(c, Text) and c not in ax.texts and c.get_text()]


def _same_row(ax: plt.Axes, other: plt.Axes) -> bool:
    a, b = ax.get_position(), other.get_position()
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.height, b.height)


def _left_edge(text: Text, renderer) -> float:
    return text.get_window_extent(renderer).x0


def _centred_room(box, row: list, fig: plt.Figure) -> float:
    """Twice the distance from the axes' centre (``box``) to the nearer of its neighbours'
    edges (``row``, their boxes) or the figure's edges."""
    centre = (box.x0 + box.x1) / 2
    left, right = fig.bbox.x0, fig.bbox.x1
    for o in row:
        if o.x0 >= box.x1:
            right = min(right, o.x0)
        elif o.x1 <= box.x0:
            left = max(left, o.x1)
    return 2 * min(centre - left, right - centre) - PAD_PX


def _fit_tick_labels(ax: plt.Axes, renderer) -> None:
    """Wrap (or turn upright) the axes' horizontal x tick labels wider than the space
    between two ticks; set through the axis, which draws its labels anew each time."""
    ticks = ax.get_xticklabels()
    labels = [t for t in ticks if t.get_text()]
    if len(labels) < 2 or any(t.get_rotation() for t in labels):
        return
    centres = sorted((box.x0 + box.x1) / 2 for box in (t.get_window_extent(renderer) for t in labels))
    room = min(b - a for a, b in itertools.pairwise(centres)) - PAD_PX
    widest = max(labels, key=lambda t: t.get_window_extent(renderer).width)
    if widest.get_window_extent(renderer).width <= room:
        return
    if _chars_for(widest, room, renderer) < MIN_CHARS:  # upright, with the figure taller by their height
        _grow(ax.figure, widest.get_window_extent(renderer).width - widest.get_window_extent(renderer).height)
        ax.tick_params(axis="x", labelrotation=90)
        return
    height = max(t.get_window_extent(renderer).height for t in labels)
    for t in labels:
        _wrap(t, room, renderer)
    ax.xaxis.set_ticklabels([t.get_text() for t in ticks])
    _grow(ax.figure, max(t.get_window_extent(renderer).height for t in labels) - height)


def _grow(fig: plt.Figure, pixels: float) -> None:
    """Make ``fig`` taller by ``pixels``, the height its column labels gained, so the axes
    keep their height."""
    fig.set_figheight(fig.get_figheight() + max(pixels, 0.0) / fig.dpi)


def _chars_for(text: Text, room: float, renderer) -> int:
    """How many characters of ``text``'s longest line fit in ``room`` pixels, at its own
    average width per character."""
    longest = max(len(line) for line in text.get_text().split("\n")) or 1
    return int(longest * room / max(text.get_window_extent(renderer).width, 1.0))


def _wrap(text: Text, room: float, renderer) -> None:
    """Wrap ``text`` at word breaks until it is no wider than ``room`` pixels (a word wider
    than the room is cut), or until a line would hold fewer than ``MIN_CHARS`` characters."""
    original = text.get_text()
    chars = _chars_for(text, room, renderer)
    while text.get_window_extent(renderer).width > room and chars >= MIN_CHARS:
        text.set_text("\n".join(textwrap.fill(line, chars, break_on_hyphens=False) for line in original.split("\n")))
        chars -= 1
