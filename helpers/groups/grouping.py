"""Outlet groups: each article's group by a column of ``outlets.csv``, and any table's ``outlet``
relabelled as that group, so the per-outlet analyses run unchanged on groups.

``groups_for(corpus_dir, articles, "lean")`` reads the outlets table and gives a ``Grouping``;
``as_groups(table, grouping)`` puts each row's group where its outlet was; ``group_table``
turns a result keyed by that relabelled ``outlet`` into one keyed by ``group`` with a
``group_by`` column naming the grouping (the form shown and written as CSV). Outlets the
table does not list, or lists with the column empty, form the group ``NO_GROUP``: counted
and named by ``groups_note``, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..corpus import NO_GROUP, CorpusError, load_outlets, outlet_groups, side_table_path
from ..wording import join_names, plural

# A group with fewer articles is listed but not compared: what sets it apart describes
# those articles, not a group (03_sentiment says the same of one article per outlet).
MIN_GROUP_ARTICLES = 3
SIZE_COLUMNS = ["group_by", "group", "n_outlets", "n_articles", "outlets", "small_group"]


@dataclass(frozen=True)
class Grouping:
    """Articles grouped by the outlets table's column ``by``.

    ``articles``: ``article_id, outlet, group`` (``outlet_groups``); ``source``: the
    outlets table's file name, for the sentences.
    """

    by: str
    articles: pd.DataFrame
    source: str = "outlets.csv"

    def outlet_group(self) -> dict[str, str]:
        """Each outlet of the corpus -> its group."""
        pairs = self.articles.drop_duplicates("outlet")
        return dict(zip(pairs["outlet"].astype(str), pairs["group"], strict=True))

    @cached_property
    def sizes(self) -> pd.DataFrame:
        """``group_sizes`` of this grouping, computed once (every group table and sentence reads it)."""
        return _sizes(self.articles, self.by)


def check_group_by(corpus_dir: str | Path, by: str) -> pd.DataFrame:
    """The corpus's outlets table, when it has a column ``by``; else a CorpusError naming
    the file and its columns (or saying the file is missing or lists no outlet)."""
    path = side_table_path(corpus_dir, "outlets")
    if not path.is_file():
        raise CorpusError(f"group_by {by!r}: the corpus has no outlets table ({path.name} beside the articles, "
                          f"looked for at {path}). Add one with the columns outlet and {by}, or leave group_by out.")
    outlets = load_outlets(corpus_dir)
    if outlets.empty:
        raise CorpusError(f"group_by {by!r}: {path.name} lists no outlet. Add one row per outlet (outlet,{by}).")
    if by not in outlets.columns or by == "outlet":
        listed = ", ".join(c for c in outlets.columns if c != "outlet")
        raise CorpusError(f"group_by {by!r} is not a column of {path.name} to group outlets by; its columns are "
                          f"{listed}. Use one of them, or add a column {by!r} to {path.name}.")
    return outlets


def groups_for(corpus_dir: str | Path, articles: pd.DataFrame, by: str | None) -> Grouping | None:
    """The articles grouped by the outlets table's column ``by``; None when ``by`` is None or "".

    Raises
    ------
    CorpusError
        No outlets table, an empty one, or no column ``by`` (``check_group_by``).
    """
    if not by:
        return None
    outlets = check_group_by(corpus_dir, by)
    source = side_table_path(corpus_dir, "outlets").name
    return Grouping(by, outlet_groups(articles, outlets, by), source)


def as_groups(table: pd.DataFrame, grouping: Grouping) -> pd.DataFrame:
    """``table`` with each row's ``outlet`` replaced by its outlet's group (a new table).

    Raises
    ------
    ValueError
        A row's outlet is not one of the grouped articles' (the table is of another corpus).
    """
    mapping = grouping.outlet_group()
    outlets = table["outlet"].astype(str)
    unknown = sorted(set(outlets) - mapping.keys())
    if unknown:
        raise ValueError(f"outlets not in the grouped articles: {join_names(unknown)}")
    return table.assign(outlet=outlets.map(mapping).to_numpy())


def group_table(result: pd.DataFrame, grouping: Grouping) -> pd.DataFrame:
    """A result computed on ``as_groups`` tables, keyed by ``group`` (was ``outlet``), with
    ``group_by`` (the grouping's column) first and ``small_group`` last (the group has
    fewer than ``MIN_GROUP_ARTICLES`` articles: listed, not compared)."""
    out = result.rename(columns={"outlet": "group"})
    out.insert(0, "group_by", grouping.by)
    small = set(grouping.sizes.query("small_group")["group"])
    out["small_group"] = out["group"].isin(small).to_numpy(dtype=bool)
    return out.reset_index(drop=True)


def group_sizes(grouping: Grouping) -> pd.DataFrame:
    """One row per group: ``group_by, group, n_outlets, n_articles, outlets`` (its outlets,
    "; "-separated) and ``small_group`` (under ``MIN_GROUP_ARTICLES`` articles); the groups
    by name, ``NO_GROUP`` last. Computed once per grouping; a copy, so callers may change it."""
    return grouping.sizes.copy()


def _sizes(arts: pd.DataFrame, by: str) -> pd.DataFrame:
    if arts.empty:
        return pd.DataFrame(columns=SIZE_COLUMNS)
    out = arts.groupby("group").agg(n_outlets=("outlet", "nunique"), n_articles=("article_id", "nunique"),
                                    outlets=("outlet", lambda s: "; ".join(sorted(s.astype(str).unique()))))
    out = out.reset_index()
    out["small_group"] = out["n_articles"] < MIN_GROUP_ARTICLES
    out.insert(0, "group_by", by)
    order = out["group"].eq(NO_GROUP).astype(int)
    return out.assign(_last=order).sort_values(["_last", "group"], kind="stable").drop(columns="_last")[
        SIZE_COLUMNS].reset_index(drop=True)


def size_phrase(row) -> str:
    """"left (2 outlets, 5 articles)"."""
    return f"{row.group} ({plural(int(row.n_outlets), 'outlet')}, {plural(int(row.n_articles), 'article')})"


def compared_groups(grouping: Grouping) -> list[str]:
    """The groups with at least ``MIN_GROUP_ARTICLES`` articles, as ``group_sizes`` orders them."""
    sizes = grouping.sizes
    return sizes.loc[~sizes["small_group"], "group"].tolist()


def too_few_sentence(grouping: Grouping) -> str:
    """"" or the sentence naming the groups under ``MIN_GROUP_ARTICLES`` articles."""
    sizes = grouping.sizes
    few = sizes[sizes["small_group"]]
    if few.empty:
        return ""
    names = join_names([f"{r.group} ({plural(int(r.n_articles), 'article')})" for r in few.itertuples(index=False)])
    return (f" Too few articles to compare (under {MIN_GROUP_ARTICLES}): {names}; listed in the tables, not "
            "compared, since a difference would describe those articles, not a group.")


def groups_note(grouping: Grouping) -> str:
    """Which groups there are, how many outlets and articles each, which outlets are in
    ``NO_GROUP`` (named), and which groups are too small to compare."""
    sizes = grouping.sizes
    if sizes.empty:
        return f"Grouped by {grouping.by} ({grouping.source}): there are no articles to group."
    named = sizes[sizes["group"] != NO_GROUP]
    listed = join_names([size_phrase(r) for r in named.itertuples(index=False)]) or "no group"
    text = f"Grouped by {grouping.by} from {grouping.source}: {listed}."
    unlisted = sizes[sizes["group"] == NO_GROUP]
    if len(unlisted):
        row = unlisted.iloc[0]
        outlets = row["outlets"].split("; ")
        text += (f" Not in {grouping.source}, or listed with no {grouping.by}: {join_names(outlets)} "
                 f"({plural(int(row['n_articles']), 'article')}), kept as the group {NO_GROUP!r}.")
    return text + too_few_sentence(grouping)
