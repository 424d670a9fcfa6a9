"""One outlet, one name: outlet spellings that differ only in case, spacing or Unicode form are merged.

"Al Jazeera", "AL JAZEERA", "Al\\u00a0Jazeera" (a no-break space), "Al  Jazeera" and the
full-width "Ａｌ Ｊａｚｅｅｒａ" are one outlet. The name shown is the most frequent
spelling (Unicode NFKC, whitespace collapsed), ties going to the first seen.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import NamedTuple

import pandas as pd


class OutletMerge(NamedTuple):
    """Spellings merged into one outlet: ``kept`` (the name shown) and ``variants``
    (each spelling as written, with its number of articles, in order of first appearance)."""

    kept: str
    variants: list[tuple[str, int]]


def outlet_spelling(name: str) -> str:
    """``name`` in Unicode NFKC with whitespace runs (tabs, no-break spaces) collapsed and stripped."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def outlet_key(name: str) -> str:
    """What two spellings of one outlet have in common: the spelling, case-folded."""
    return unicodedata.normalize("NFKC", outlet_spelling(name).casefold())


def normalise_outlets(outlets: pd.Series) -> tuple[pd.Series, list[OutletMerge]]:
    """Give every spelling of an outlet the same name.

    Parameters
    ----------
    outlets:
        Outlet names as written (strings; missing values are left as they are).

    Returns
    -------
    (Series, list of OutletMerge)
        The names with each outlet's variants replaced by its most frequent spelling
        (after NFKC and whitespace collapse; ties: the first seen), same index; and
        one ``OutletMerge`` per outlet written in more than one way.
    """
    present = outlets.dropna().astype(str)
    keys = present.map(outlet_key)
    names: dict[str, str] = {}
    merges: list[OutletMerge] = []
    for key, group in present.groupby(keys, sort=False):
        spellings = Counter(group.map(outlet_spelling))
        best = max(spellings.values())
        names[key] = next(s for s in dict.fromkeys(group.map(outlet_spelling)) if spellings[s] == best)
        written = Counter(group)
        if len(written) > 1:
            merges.append(OutletMerge(names[key], [(w, written[w]) for w in dict.fromkeys(group)]))
    out = outlets.copy().astype(object)
    out[present.index] = keys.map(names).to_numpy()
    return out, merges
