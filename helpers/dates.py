"""Read a corpus date cell: the publication day it states, or a partial date kept as partial.

A date-time keeps the day written in it: ``2014-04-04T22:30:00-04:00`` is 4 April (its
local wall-clock date; the offset is dropped, never converted to another zone). A bare
year (``2014``) or month (``2014-04``) is not placed on a day that was never stated: it
is kept as partial, with its precision, and no day.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pandas as pd

YEAR = re.compile(r"\d{4}")
MONTH = re.compile(r"\d{4}-(\d{2})")
PRECISIONS = ("day", "month", "year")


class StatedDate(NamedTuple):
    """A parsed date cell: ``day`` (midnight of the stated day, None for a partial date)
    and ``precision`` ("day", "month" or "year")."""

    day: pd.Timestamp | None
    precision: str


@functools.lru_cache(maxsize=100_000)
def parse_date(value: str) -> StatedDate | None:
    """Parse an ISO 8601 date, date-time, year-month or year.

    Cached: a large corpus repeats each date hundreds of times.

    Parameters
    ----------
    value:
        The cell, stripped and not empty.

    Returns
    -------
    StatedDate or None
        The stated day (time and offset dropped) with precision "day"; no day and
        precision "month" or "year" for a partial date; None when ``value`` is not a date.
    """
    if YEAR.fullmatch(value):
        return StatedDate(None, "year")
    month = MONTH.fullmatch(value)
    if month:
        return StatedDate(None, "month") if 1 <= int(month.group(1)) <= 12 else None
    try:
        stamp = pd.to_datetime(value, format="ISO8601")
    except (ValueError, TypeError, OverflowError):
        return None
    if stamp is pd.NaT:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)  # the wall-clock time as written, not converted
    return StatedDate(stamp.normalize(), "day")
