"""One outlet, one name: outlet spellings that differ only in case, spacing, invisible
characters or Unicode form are merged.

"Al Jazeera", "AL JAZEERA", "Al\\u00a0Jazeera" (a no-break space), "Al  Jazeera",
"Al Jazeera\\u200b" (a zero-width space) and the full-width "Ａｌ Ｊａｚｅｅｒａ" are one
outlet. Unicode format characters (category Cf: zero-width spaces and joiners, soft
hyphens, direction marks and overrides, byte-order marks) are dropped. The name shown
is the most frequent spelling (Unicode NFKC, format characters dropped, whitespace
collapsed), ties going to the first seen.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import pandas as pd


class OutletMerge(NamedTuple):
    """Spellings merged into one outlet: ``kept`` (the name shown) and ``variants``
    (each spelling as written, with its number of articles, in order of first appearance).
    A single variant is a spelling shown otherwise than written (invisible characters
    dropped, spacing or Unicode form normalised)."""

    kept: str
    variants: list[tuple[str, int]]


@lru_cache(maxsize=4096)  # each article's outlet is read, and a corpus has few outlets
def outlet_spelling(name: str) -> str:
    """``name`` in Unicode NFKC with format characters (category Cf) dropped and
    whitespace runs (tabs, no-break spaces) collapsed and stripped; "" if nothing is left."""
    visible = "".join(c for c in unicodedata.normalize("NFKC", name) if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())


@lru_cache(maxsize=4096)
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
        (after NFKC, format characters dropped and whitespace collapsed; ties: the first
        seen), same index; and one ``OutletMerge`` per outlet written in more than one
        way, or written one way that is shown otherwise for more than a stripped margin
        of whitespace (an invisible character, inner spacing, a Unicode form).
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
        if len(written) > 1 or next(iter(written)).strip() != names[key]:
            merges.append(OutletMerge(names[key], [(w, written[w]) for w in dict.fromkeys(group)]))
    out = outlets.copy().astype(object)
    out[present.index] = keys.map(names).to_numpy()
    return out, merges
