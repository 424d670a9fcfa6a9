"""The outlets table: what a user knows about each outlet (lean, owner, country, type, audience).

A corpus folder may hold ``outlets.csv``; a table corpus ``export.csv`` its
``export.outlets.csv`` beside it (``helpers.corpus.side_table_path``). One row per outlet:

| column | meaning |
|---|---|
| ``outlet`` | the outlet's name as the corpus gives it (required; case and spacing do not matter) |
| ``lean`` | its political lean as the user classes it (any labels: left / centre / right, or a rating's) |
| ``owner``, ``country``, ``type``, ``audience`` | any grouping the user wants to compare by |

Any other column is kept and can be grouped by too. The bundle ships no ratings: the
classes are the user's, and the report names the file they came from.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import CorpusError, raise_all
from .files import side_table_path
from .outlets import outlet_key
from .read import read_csv_rows

OUTLET_COLUMNS = ["outlet", "lean", "owner", "country", "type", "audience"]
NO_GROUP = "(not in outlets.csv)"  # the group of an outlet the table does not list


def load_outlets(corpus_dir: str | Path) -> pd.DataFrame:
    """Read the outlets table of a corpus.

    Returns
    -------
    DataFrame
        One row per outlet: ``outlet, lean, owner, country, type, audience`` (empty
        strings where not given) and any other column of the file. Empty, with these
        columns, when the corpus has no outlets table.

    Raises
    ------
    CorpusError
        Read as ``metadata.csv`` is: a broken line, not UTF-8, no ``outlet`` column; an
        empty outlet or one listed twice (whatever its case and spacing), naming the lines.
    """
    path = side_table_path(corpus_dir, "outlets")
    if not path.is_file():
        return pd.DataFrame(columns=OUTLET_COLUMNS)
    needs = f"{path.name} needs an outlet column; optional: {', '.join(OUTLET_COLUMNS[1:])}"
    rows = read_csv_rows(path, ("outlet",), needs=needs, known=tuple(OUTLET_COLUMNS))
    extra = [c for c in rows.columns if c not in OUTLET_COLUMNS]
    columns = OUTLET_COLUMNS + extra
    table = pd.DataFrame([{c: (rec.get(c) or "").strip() for c in columns} for rec in rows.records],
                         columns=columns, dtype=object)
    problems, seen = [], {}
    for line, name in zip(rows.lines, table["outlet"], strict=True):
        key = outlet_key(name)
        if not key:
            problems.append(f"{path.name} line {line}: the outlet is empty. Give the outlet's name as the corpus does.")
        elif key in seen:
            problems.append(f"{path.name} line {line}: {name!r} is already listed on line {seen[key]}; merge the rows.")
        seen.setdefault(key, line)
    raise_all(problems, f"{path} has problems:")
    return table.reset_index(drop=True)


def outlet_groups(articles: pd.DataFrame, outlets: pd.DataFrame, by: str) -> pd.DataFrame:
    """Each article's group by the outlets table's column ``by`` (``"lean"``, ``"owner"`` ...).

    Outlets are matched by ``outlet_key`` (case, spacing, invisible characters and Unicode
    form ignored). An outlet the table does not list, or lists with an empty ``by``, is in
    the group ``NO_GROUP``.

    Returns
    -------
    DataFrame
        ``article_id, outlet, group``, one row per article in the input's order.

    Raises
    ------
    CorpusError
        ``by`` is not a column of the outlets table (naming the columns it has).
    """
    if by not in outlets.columns:
        listed = ", ".join(map(repr, outlets.columns))
        raise CorpusError(f"The outlets table has no column {by!r}; its columns are {listed}. "
                          "Add the column to outlets.csv or group by another.")
    lookup = {outlet_key(o): g for o, g in zip(outlets["outlet"], outlets[by], strict=True) if g}
    groups = articles["outlet"].map(lambda o: lookup.get(outlet_key(o), NO_GROUP))
    return pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "outlet": articles["outlet"].to_numpy(),
                         "group": groups.to_numpy()})


def unlisted_outlets(articles: pd.DataFrame, outlets: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(corpus outlets the table does not list, table outlets the corpus does not have), sorted."""
    corpus = {outlet_key(o): o for o in articles["outlet"].unique()}
    table = {outlet_key(o): o for o in outlets["outlet"]}
    unlisted = sorted(corpus[k] for k in corpus.keys() - table.keys())
    return unlisted, sorted(table[k] for k in table.keys() - corpus.keys())
