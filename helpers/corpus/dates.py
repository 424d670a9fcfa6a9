"""Read a corpus date cell: the publication day it states, or a partial date kept as partial.

A date-time keeps the day written in it: ``2014-04-04T22:30:00-04:00`` is 4 April (its
local wall-clock date; the offset is dropped, never converted to another zone). Only a
cell that starts with a full day (``YYYY-MM-DD`` or ``YYYYMMDD``) is read as a day. A
bare year (``2014``) or month (``2014-04``, ``2014/4``, ``2014.04``, ``2014 04``) is not
placed on a day that was never stated: it is kept as partial, with its precision, and
no day. A year outside 1800-2200 is not a plausible publication date.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pandas as pd

YEAR = re.compile(r"([+-]?\d{4})")
MONTH = re.compile(r"([+-]?\d{4})[-/. ](\d{1,2})")
DAY = re.compile(r"([+-]?\d{4,})-(\d{2})-(\d{2})(?!\d)|(\d{4})(\d{2})(\d{2})(?![\d:])")
PRECISIONS = ("day", "month", "year")
PLAUSIBLE_YEARS = (1800, 2200)  # a publication year outside these is a typo or a placeholder


class StatedDate(NamedTuple):
    """A parsed date cell: ``day`` (midnight of the stated day, None for a partial date)
    and ``precision`` ("day", "month" or "year")."""

    day: pd.Timestamp | None
    precision: str


@functools.lru_cache(maxsize=100_000)
def read_date(value: str) -> StatedDate | str:
    """Parse a date cell, or say why it is not one.

    Cached: a large corpus repeats each date hundreds of times.

    Parameters
    ----------
    value:
        The cell, stripped and not empty.

    Returns
    -------
    StatedDate or str
        The stated day (time and offset dropped) with precision "day"; no day and
        precision "month" or "year" for a partial date. Else the problem, to follow
        the cell in a message: "is not a date" or "is not a plausible publication
        date (year 0001; ...)".
    """
    day, month, year_only = DAY.match(value), MONTH.fullmatch(value), YEAR.fullmatch(value)
    found = day or month or year_only
    if not found:
        return "is not a date"
    year = found.group(1) or found.group(4)  # group 4: the year of a YYYYMMDD day
    if not PLAUSIBLE_YEARS[0] <= int(year) <= PLAUSIBLE_YEARS[1]:
        return (f"is not a plausible publication date (year {year}; years {PLAUSIBLE_YEARS[0]}-"
                f"{PLAUSIBLE_YEARS[1]} are read)")
    if not day:
        if year_only:
            return StatedDate(None, "year")
        return StatedDate(None, "month") if 1 <= int(month.group(2)) <= 12 else "is not a date"
    try:
        stamp = pd.to_datetime(value, format="ISO8601")
    except (ValueError, TypeError, OverflowError):
        stamp = pd.NaT
    if stamp is pd.NaT:
        return "is not a date"
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)  # the wall-clock time as written, not converted
    return StatedDate(stamp.normalize(), "day")
