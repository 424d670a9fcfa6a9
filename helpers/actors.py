"""The actors table: who is who in a corpus, and where each is mentioned.

A corpus folder may hold ``actors.csv`` (editable by the user); a table corpus
``export.csv`` (or ``.jsonl``, ``.parquet``) its ``export.actors.csv`` beside it
(``helpers.corpus.side_table_path``). One row per actor:

| column | meaning |
|---|---|
| ``name`` | the canonical name shown in every table (required) |
| ``aliases`` | other names, ``;``-separated: surnames, short forms ("Kerry", "U.S.") |
| ``affiliation`` | the side the actor speaks for, e.g. US / Israel / Palestinian |
| ``kind`` | person, organisation, country or group |
| ``roles`` | ``;``-separated role nouns ("prime minister") standing for the person where an article names them |

Without the file every analysis still runs, on names alone. Aliases match
case-sensitively on word boundaries, so "US" (the country) is not "us".
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .corpus import CorpusError, side_table_path
from .corpus.read import read_csv_rows
from .wordlists import NAME_TITLES, TITLE_MODIFIERS

ACTORS_FILE = "actors.csv"
ACTOR_COLUMNS = ["name", "aliases", "affiliation", "kind", "roles"]
ALIAS_COLUMNS = ["actor", "alias", "affiliation", "kind"]
MENTION_COLUMNS = ["article_id", "outlet", "sentence_id", "actor", "affiliation", "alias", "start_char", "end_char"]
KINDS = ("person", "organisation", "country", "group")
# Titles stripped from a speaker's name before it is matched (lowercase, no final period):
# the roles and honorifics of helpers/data/titles.csv marked "cut", each after any number
# of modifiers ("Deputy Prime Minister", "Former President").
TITLES = tuple(dict.fromkeys(t.rstrip(".") for t in NAME_TITLES))
_TITLE_PREFIX = re.compile(
    r"^(?:(?:(?:" + "|".join(map(re.escape, TITLE_MODIFIERS)) + r")\s+)*(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\.?\s+)+", re.I
)


def _split(value) -> list[str]:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


def load_actors(corpus_dir: str | Path) -> pd.DataFrame:
    """Read the actors table of a corpus.

    Parameters
    ----------
    corpus_dir:
        A corpus folder, whose table is ``actors.csv`` inside it, or a table corpus
        ``<dir>/<stem>.csv`` (``.jsonl``, ``.parquet``), whose table is
        ``<dir>/<stem>.actors.csv`` (see ``helpers.corpus.side_table_path``).

    Returns
    -------
    DataFrame
        One row per actor: ``name, aliases, affiliation, kind, roles``, aliases and
        roles as ``;``-separated strings. Empty (with these columns) when the file
        does not exist or is empty.

    Raises
    ------
    CorpusError
        Read as ``metadata.csv`` is (``helpers.corpus.read.read_csv_rows``: delimiter
        detected, column names in any case and spacing): a line with more values than
        the header names, a broken quote, not UTF-8; a missing ``name`` column, an
        empty name, a duplicate name, or an unknown kind, naming the line; a file that
        is a link leading outside the corpus folder (or any link, for a table corpus).
    """
    path = side_table_path(corpus_dir, "actors")
    if not path.is_file():
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    needs = f"{path.name} needs a name column; optional: aliases, affiliation, kind, roles"
    rows = read_csv_rows(path, ("name",), needs=needs, known=tuple(ACTOR_COLUMNS))
    table = pd.DataFrame([{col: rec.get(col, "") for col in ACTOR_COLUMNS} for rec in rows.records],
                         columns=ACTOR_COLUMNS, dtype=object)
    problems = []
    seen: dict[str, int] = {}
    for line, row in zip(rows.lines, table.itertuples(), strict=False):
        name = row.name.strip()
        if not name:
            problems.append(f"{path.name} line {line}: the name is empty.")
        elif name in seen:
            problems.append(f"{path.name} line {line}: {name!r} is already on line {seen[name]}; merge the rows.")
        seen.setdefault(name, line)
        kind = row.kind.strip().lower()
        if kind and kind not in KINDS:
            problems.append(f"{path.name} line {line}: kind {row.kind!r} is not one of {', '.join(KINDS)}.")
    if problems:
        raise CorpusError(f"{path} has problems:\n  " + "\n  ".join(problems))
    table = table.apply(lambda col: col.str.strip()) if len(table) else table
    table["kind"] = table["kind"].str.lower()
    return table.reset_index(drop=True)


def actor_aliases(actors: pd.DataFrame) -> pd.DataFrame:
    """One row per (actor, alias), the name itself included, longest alias first.

    Returns
    -------
    DataFrame
        ``actor, alias, affiliation, kind``. An alias listed for two actors is
        kept for the first only.
    """
    rows = []
    for row in actors.itertuples():
        for alias in [row.name, *_split(row.aliases)]:
            rows.append((row.name, alias, row.affiliation or None, row.kind or None))
    out = pd.DataFrame(rows, columns=ALIAS_COLUMNS).drop_duplicates("alias", keep="first")
    order = out["alias"].str.len().sort_values(ascending=False, kind="stable").index
    return out.loc[order].reset_index(drop=True)


def _alias_pattern(aliases: pd.Series) -> re.Pattern[str] | None:
    if aliases.empty:
        return None
    alternation = "|".join(re.escape(a) for a in aliases)
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w]|\.\w)")


def find_mentions(sentences: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every mention of an actor (by name or alias) in every sentence.

    Longer aliases win where they overlap ("Benjamin Netanyahu" is one mention, not
    two). Offsets are into the article body, like the sentence's own.

    Returns
    -------
    DataFrame
        ``article_id, outlet, sentence_id, actor, affiliation, alias, start_char,
        end_char``, one row per mention.
    """
    aliases = actor_aliases(actors)
    pattern = _alias_pattern(aliases["alias"])
    if pattern is None or sentences.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    lookup = aliases.set_index("alias")
    rows = []
    for sent in sentences[["article_id", "outlet", "sentence_id", "start_char", "text"]].itertuples(index=False):
        for m in pattern.finditer(sent.text):
            alias = m.group(0)
            rows.append((
                sent.article_id, sent.outlet, sent.sentence_id, lookup.at[alias, "actor"],
                lookup.at[alias, "affiliation"], alias, sent.start_char + m.start(), sent.start_char + m.end(),
            ))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def strip_titles(name: str) -> str:
    """``"Secretary of State John Kerry"`` -> ``"John Kerry"``; ``"Mr. Abbas"`` -> ``"Abbas"``."""
    return _TITLE_PREFIX.sub("", name.strip()).strip()


def canonical_name(name: str, actors: pd.DataFrame) -> str:
    """The actors-table name for a speaker's name, else the name without titles.

    Matches the whole name, then its surname (last word), against names and aliases.
    """
    bare = strip_titles(name)
    aliases = actor_aliases(actors)
    lookup = dict(zip(aliases["alias"], aliases["actor"], strict=False))
    for candidate in (name.strip(), bare, bare.split()[-1] if bare.split() else bare):
        if candidate in lookup:
            return lookup[candidate]
    return bare
