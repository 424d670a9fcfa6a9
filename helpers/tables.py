"""Checks and lookups on the tidy tables every analysis shares: required columns, outlets' periods."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

PERIOD_SEPARATOR = "; "  # between an outlet's coverage periods: "Mar–Apr 2014; Nov 2015"


def require_columns(table: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    """Raise KeyError, naming what is missing and what is there, unless ``table`` has ``columns``.

    ``name`` is the function (or table) that needs them, for the message.
    """
    missing = [c for c in columns if c not in table.columns]
    if missing:
        have = ", ".join(map(str, table.columns))
        raise KeyError(f"{name} needs the column(s) {', '.join(missing)}; it has {have}")


def periods_by_outlet(periods: pd.DataFrame | None, *, separator: str = PERIOD_SEPARATOR) -> dict[str, str]:
    """Outlet -> the labels of its coverage periods in date order (``helpers.events.date_periods``).

    Returns an empty dict for no periods table.
    """
    if periods is None or periods.empty:
        return {}
    ordered = periods.sort_values(["period", "outlet", "article_id"], kind="stable")
    return {o: separator.join(dict.fromkeys(g["period_label"])) for o, g in ordered.groupby("outlet", sort=True)}
