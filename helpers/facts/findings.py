"""The findings' sentences on facts: what outlets covering one event share, and what one alone states."""

from __future__ import annotations

import pandas as pd

from .matching import MIN_SHARED_OUTLETS
from .numbers import NUMBER_WORDS


def _number_word(n: int) -> str:
    """``2`` -> ``"two"``: the first word for ``n`` in ``NUMBER_WORDS``, else the digits."""
    return next((word for word, value in NUMBER_WORDS.items() if value == n), str(n))


def facts_note(overlap: pd.DataFrame, unique: pd.DataFrame) -> str:
    """What outlets covering the same event share, and what one alone reports."""
    multi = overlap[overlap["n_outlets_in_event"] >= 2]
    if overlap.empty:
        return "No facts were found."
    if multi.empty:
        return ("No two outlets covered the same event (or the corpus has only one outlet), so no fact can be "
                "called shared or reported by one outlet alone.")
    parts = []
    for (_event, label), grp in multi.groupby(["event", "event_label"], sort=True):
        shared = grp[grp["n_outlets"] >= MIN_SHARED_OUTLETS]
        all_of = grp[grp["n_outlets"] == grp["n_outlets_in_event"]]
        parts.append(
            f"in {label}, {len(shared)} of {len(grp)} facts {'is' if len(shared) == 1 else 'are'} stated by "
            f"{_number_word(MIN_SHARED_OUTLETS)} or more of its "
            f"{grp['n_outlets_in_event'].iloc[0]} outlets and {len(all_of)} by all of them"
        )
    text = "; ".join(parts)
    text = text[0].upper() + text[1:] + "."
    if len(unique):
        counts = unique.groupby("outlet").size().sort_values(ascending=False, kind="stable")
        text += " Facts only one outlet states: " + ", ".join(f"{o} {n}" for o, n in counts.items()) + "."
    return text
