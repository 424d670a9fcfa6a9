"""The findings' sentences on facts: what outlets covering one event share, and what one alone states."""

from __future__ import annotations

import pandas as pd

from .matching import MIN_SHARED_OUTLETS
from .numbers import NUMBER_WORDS


def _number_word(n: int) -> str:
    """``2`` -> ``"two"``: the first word for ``n`` in ``NUMBER_WORDS``, else the digits."""
    return next((word for word, value in NUMBER_WORDS.items() if value == n), str(n))


def _event_clause(label: str, grp: pd.DataFrame) -> str:
    """``"in <event>, 2 of 3 facts are stated by two or more of its 3 outlets and 1 by all of
    them"``; an event's one fact said as such, and an event with no more outlets than
    ``MIN_SHARED_OUTLETS`` said once ("by both its outlets")."""
    n_in = int(grp["n_outlets_in_event"].iloc[0])
    shared = int((grp["n_outlets"] >= MIN_SHARED_OUTLETS).sum())
    all_of = int((grp["n_outlets"] == n_in).sum())
    if len(grp) == 1:
        subject = f"its one fact is{'' if shared else ' not'}"
    else:
        subject = f"{shared} of {len(grp)} facts {'is' if shared == 1 else 'are'}"
    if n_in <= MIN_SHARED_OUTLETS:  # "two or more" and "all" are the same outlets
        return f"in {label}, {subject} stated by {'both' if n_in == 2 else 'all'} its outlets"
    tail = (f", {'and' if all_of else 'but not'} by all of them" if len(grp) == 1 and shared
            else "" if len(grp) == 1 else f" and {all_of} by all of them")
    return f"in {label}, {subject} stated by {_number_word(MIN_SHARED_OUTLETS)} or more of its {n_in} outlets{tail}"


def facts_note(overlap: pd.DataFrame, unique: pd.DataFrame) -> str:
    """What outlets covering the same event share, and what one alone reports."""
    multi = overlap[overlap["n_outlets_in_event"] >= 2]
    if overlap.empty:
        return "No facts were found."
    if multi.empty:
        return ("No two outlets covered the same event (or the corpus has only one outlet), so no fact can be "
                "called shared or reported by one outlet alone.")
    parts = [_event_clause(label, grp) for (_event, label), grp in multi.groupby(["event", "event_label"], sort=True)]
    text = "; ".join(parts)
    text = text[0].upper() + text[1:] + "."
    if len(unique):
        counts = unique.groupby("outlet").size().sort_values(ascending=False, kind="stable")
        text += " Facts only one outlet states: " + ", ".join(f"{o} {n}" for o, n in counts.items()) + "."
    return text
