"""Match an input's column names to the corpus's documented ones: case and spacing ignored,
and the names common news exports use (``media_name``, ``maintext`` ...) read as ours.

The export names are a data file, ``helpers/data/export_columns.csv``, with their sources.
Every rename is a note for the loading log ("column 'media_name' read as 'outlet' (as
Media Cloud exports it)").
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from .errors import raise_all

EXPORT_COLUMNS_FILE = Path(__file__).resolve().parent.parent / "data" / "export_columns.csv"


def fold(name: str) -> str:
    """A column name without case or spacing: ``" Publish Date"`` -> ``"publishdate"``."""
    return "".join(name.split()).casefold()


@functools.lru_cache(maxsize=1)
def export_aliases() -> dict[str, tuple[str, str]]:
    """``{folded alias: (corpus column, tool)}`` from ``export_columns.csv``, in file order."""
    with open(EXPORT_COLUMNS_FILE, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return {fold(row["alias"]): (row["column"], row["tool"]) for row in csv.DictReader(lines)}


def canonical_columns(columns: list[str], known: tuple[str, ...], name: str, *,
                      exports: bool = False) -> tuple[list[str], list[tuple[str, str]]]:
    """``columns`` with each name that is one of ``known`` but for case and spacing renamed
    to it, and an info note per rename ("'Date' read as 'date'").

    With ``exports``, a column named as a news export names it (``export_columns.csv``)
    is read as the ``known`` column it stands for, when no column has that name already
    and no earlier alias took it.

    Raises
    ------
    CorpusError
        Two columns that name one ``known`` column (``date`` and ``Date``), naming both.
    """
    lookup = {fold(k): k for k in known}
    aliases = {a: pair for a, pair in export_aliases().items() if pair[0] in known} if exports else {}
    present = {lookup[fold(c)] for c in columns if fold(c) in lookup}
    out: list[str] = []
    notes: list[tuple[str, str]] = []
    problems: list[str] = []
    first: dict[str, str] = {}
    for col in columns:
        new = lookup.get(fold(col), col)
        tool = None
        if new == col and fold(col) in aliases and aliases[fold(col)][0] not in present:
            new, tool = aliases[fold(col)]
            present.add(new)
        if new in first:
            problems.append(f"{name}: the columns {first[new]!r} and {col!r} both name the {new} column (names "
                            "are read whatever their case and spacing). Rename or remove one of them.")
            continue
        first[new] = col
        out.append(new)
        if new != col:
            how = f" (as {tool} exports it)" if tool else ""
            notes.append(("info", f"{name}: column {col!r} read as {new!r}{how}."))
    raise_all(problems, f"{name} has columns that clash:")
    return out, notes


__all__ = ["EXPORT_COLUMNS_FILE", "canonical_columns", "export_aliases", "fold"]
