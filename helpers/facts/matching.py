"""Facts matched across articles: which outlets covering one news event state each fact."""

from __future__ import annotations

import pandas as pd

OVERLAP_COLUMNS = [
    "event", "event_label", "category", "kind", "fact", "n_outlets", "outlets", "n_outlets_in_event",
    "n_mentions", "sentence_id", "text",
]
# A fact is shared when at least this many outlets covering its event state it.
MIN_SHARED_OUTLETS = 2


def fact_overlap(facts: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Each fact in each news event, with the outlets that report it.

    Parameters
    ----------
    facts
        ``extract_facts`` output.
    events
        ``helpers.events.group_events`` output (``article_id, outlet, event,
        event_label``).

    Returns
    -------
    DataFrame
        One row per (event, fact): ``event, event_label, category, kind, fact,
        n_outlets`` (outlets in the event that state it), ``outlets`` ("; "-separated),
        ``n_outlets_in_event``, ``n_mentions``, and the first mention's ``sentence_id``
        and ``text``. Sorted by event, then most outlets first, then category and fact.
    """
    if facts.empty:
        return pd.DataFrame(columns=OVERLAP_COLUMNS)
    joined = facts.merge(events[["article_id", "event", "event_label"]], on="article_id", how="left")
    in_event = events.groupby("event")["outlet"].nunique()
    grouped = joined.groupby(["event", "event_label", "category", "fact"], sort=False)
    out = grouped.agg(
        kind=("kind", "first"),
        n_outlets=("outlet", "nunique"),
        outlets=("outlet", lambda s: "; ".join(sorted(s.unique()))),
        n_mentions=("fact", "size"),
        sentence_id=("sentence_id", "first"),
        text=("text", "first"),
    ).reset_index()
    out["n_outlets_in_event"] = out["event"].map(in_event).astype("int64")
    out = out.sort_values(
        ["event", "n_outlets", "category", "fact"], ascending=[True, False, True, True], kind="stable"
    )
    return out[OVERLAP_COLUMNS].reset_index(drop=True)


def unique_facts(overlap: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The facts only one outlet states, among the outlets that covered the same event.

    Events covered by a single outlet are left out: there, nothing can be said to be
    reported by one outlet *alone*.

    Parameters
    ----------
    overlap
        ``fact_overlap`` output.
    sentences
        ``split_sentences`` output, for the sentence each fact first appears in.

    Returns
    -------
    DataFrame
        ``event_label, outlet, category, fact, n_mentions, sentence_id, sentence``,
        sorted by event, outlet, category and fact.
    """
    only = overlap[(overlap["n_outlets"] == 1) & (overlap["n_outlets_in_event"] >= 2)]
    out = only.rename(columns={"outlets": "outlet"})[
        ["event", "event_label", "outlet", "category", "fact", "n_mentions", "sentence_id"]
    ]
    out = out.merge(
        sentences[["sentence_id", "text"]].rename(columns={"text": "sentence"}), on="sentence_id", how="left"
    )
    out = out.sort_values(["event", "outlet", "category", "fact"], kind="stable")
    return out.drop(columns="event").reset_index(drop=True)


def fact_matrix(
    facts: pd.DataFrame, overlap: pd.DataFrame, events: pd.DataFrame, *, min_outlets: int = MIN_SHARED_OUTLETS,
) -> pd.DataFrame:
    """Outlet x fact mentions, for the facts that at least ``min_outlets`` outlets covering
    the same event state.

    Every outlet is a column (also those of other events, so a fact they happen to name
    as well shows up there), ordered by event and then name.

    Returns
    -------
    DataFrame
        Index: "category: fact"; columns: outlets; values: mentions in that outlet's
        articles. Rows sorted by the number of outlets stating the fact in its event
        (most first), then by category and fact. Empty when no fact is shared.
    """
    shared = overlap[overlap["n_outlets"] >= min_outlets]
    if facts.empty or shared.empty:
        return pd.DataFrame()
    first_event = events.groupby("outlet")["event"].min()
    outlets = sorted(first_event.index, key=lambda o: (first_event[o], o))
    keys = shared.groupby(["category", "fact"])["n_outlets"].max().reset_index()
    keys = keys.sort_values(["n_outlets", "category", "fact"], ascending=[False, True, True], kind="stable")
    labelled = facts.merge(keys[["category", "fact"]], on=["category", "fact"])
    labelled = labelled.assign(key=labelled["category"] + ": " + labelled["fact"])
    counts = pd.crosstab(labelled["key"], labelled["outlet"]).reindex(columns=outlets, fill_value=0)
    order = (keys["category"] + ": " + keys["fact"]).tolist()
    counts = counts.reindex(order)
    counts.index.name = "fact"
    counts.columns.name = None
    return counts


def facts_with_overlap(facts: pd.DataFrame, overlap: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``facts`` with, for each mention, its event and how many outlets of that event
    state the same fact (``event, event_label, n_outlets, n_outlets_in_event``): the
    table written as ``facts.csv``."""
    joined = facts.merge(events[["article_id", "event", "event_label"]], on="article_id", how="left")
    keys = overlap[["event", "category", "fact", "n_outlets", "n_outlets_in_event"]]
    return joined.merge(keys, on=["event", "category", "fact"], how="left")
