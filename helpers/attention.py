"""How much each outlet wrote, when, and about which stories: attention over time, the
event-by-outlet coverage grid, and the stories one side of an ``outlets.csv`` grouping
covered almost alone (blindspots). With their sentences, from the same constants.
"""

from __future__ import annotations

import pandas as pd

from .corpus.outlet_table import NO_GROUP, OUTLET_COLUMNS, outlet_groups, unlisted_outlets
from .tables import require_columns
from .wording import join_names, plural

DAILY_MAX_DAYS = 62  # a corpus spanning up to two months is counted per day
WEEKLY_MAX_DAYS = 731  # up to two years per week (weeks start on Monday); longer, per month
PERIODS = {"day": "D", "week": "W-SUN", "month": "M"}  # pandas periods (weeks run Monday to Sunday)
ATTENTION_COLUMNS = ["outlet", "unit", "period_start", "n_articles", "share_of_outlet", "share_of_period"]
GRID_COLUMNS = ["event", "event_label", "outlet", "n_articles", "covered"]
BLINDSPOT_SHARE = 0.8  # an event is one side's when at least this share of the outlets covering it are that side's
BLINDSPOT_MIN_OUTLETS = 3  # ... and at least this many grouped outlets covered it
BLINDSPOT_COLUMNS = ["event", "event_label", "group", "n_group_outlets", "n_grouped_outlets", "share", "not_covering"]


def attention_unit(dates: pd.Series) -> str:
    """"day", "week" or "month": the unit that suits the span of ``dates`` (NaT ignored)."""
    dated = dates.dropna()
    span = (dated.max() - dated.min()).days if len(dated) else 0
    return "day" if span <= DAILY_MAX_DAYS else "week" if span <= WEEKLY_MAX_DAYS else "month"


def attention(articles: pd.DataFrame, *, unit: str | None = None) -> pd.DataFrame:
    """Articles per outlet per day, week or month, raw and normalised.

    Parameters
    ----------
    articles:
        ``article_id, outlet, date``; undated articles are left out (``attention_note``
        counts them).
    unit:
        "day", "week" or "month"; by default the one ``attention_unit`` picks.

    Returns
    -------
    DataFrame
        One row per outlet and period it published in: ``outlet, unit, period_start,
        n_articles``, ``share_of_outlet`` (of the outlet's dated articles, so outlets of
        different sizes compare) and ``share_of_period`` (of all articles that period).
    """
    require_columns(articles, ["article_id", "outlet", "date"], "articles")
    unit = unit or attention_unit(articles["date"])
    if unit not in PERIODS:
        raise ValueError(f"unit must be one of {', '.join(PERIODS)}, not {unit!r}")
    dated = articles.dropna(subset=["date"])
    if dated.empty:
        return pd.DataFrame(columns=ATTENTION_COLUMNS)
    start = dated["date"].dt.to_period(PERIODS[unit]).dt.start_time
    counts = (dated.assign(period_start=start).groupby(["outlet", "period_start"]).size()
              .rename("n_articles").reset_index())
    counts["share_of_outlet"] = counts["n_articles"] / counts.groupby("outlet")["n_articles"].transform("sum")
    counts["share_of_period"] = counts["n_articles"] / counts.groupby("period_start")["n_articles"].transform("sum")
    counts.insert(1, "unit", unit)
    return counts.sort_values(["period_start", "outlet"], kind="stable").reset_index(drop=True)[ATTENTION_COLUMNS]


def all_periods(attention_table: pd.DataFrame) -> pd.DatetimeIndex:
    """The start of every period from the first to the last in ``attention_table``, empty ones too."""
    if attention_table.empty:
        return pd.DatetimeIndex([])
    freq = PERIODS[attention_table["unit"].iloc[0]]
    starts = attention_table["period_start"]
    return pd.period_range(starts.min(), starts.max(), freq=freq).start_time


def attention_note(attention_table: pd.DataFrame, articles: pd.DataFrame) -> str:
    """What the attention table rests on: its unit, periods, peak and the undated left out."""
    n_undated = int(articles["date"].isna().sum())
    verb = "is" if n_undated == 1 else "are"
    undated = f" {plural(n_undated, 'undated article')} {verb} left out." if n_undated else ""
    if attention_table.empty:
        return f"No article has a date, so attention over time cannot be shown.{undated}"
    unit = attention_table["unit"].iloc[0]
    per_period = attention_table.groupby("period_start")["n_articles"].sum()
    peak = per_period[per_period == per_period.max()]
    when = join_names([_period_name(p, unit) for p in peak.index])
    return (f"Counted per {unit}: {plural(int(per_period.sum()), 'dated article')} in "
            f"{plural(len(per_period), unit)} with at least one article; the most articles in one {unit}, "
            f"{int(peak.iloc[0])}, came in {when}.{undated}")


def _period_name(start: pd.Timestamp, unit: str) -> str:
    if unit == "month":
        return start.strftime("%b %Y")
    return ("the week of " if unit == "week" else "") + f"{start.day} {start:%b %Y}"


def coverage_grid(events: pd.DataFrame) -> pd.DataFrame:
    """Which outlet covered which news event: one row per event and outlet of the corpus,
    ``n_articles`` 0 (``covered`` False) where the outlet has no article on it.

    ``events`` is ``helpers.events.group_events``' table (``article_id, outlet, event,
    event_label``).
    """
    require_columns(events, ["article_id", "outlet", "event", "event_label"], "events")
    labels = events.drop_duplicates("event").set_index("event")["event_label"]
    counts = events.groupby(["event", "outlet"]).size()
    index = pd.MultiIndex.from_product([sorted(labels.index), sorted(events["outlet"].unique())],
                                       names=["event", "outlet"])
    grid = counts.reindex(index, fill_value=0).rename("n_articles").reset_index()
    grid.insert(1, "event_label", grid["event"].map(labels))
    grid["covered"] = grid["n_articles"] > 0
    return grid[GRID_COLUMNS]


def coverage_note(grid: pd.DataFrame) -> str:
    """How many events, how many every outlet covered, and how many only one outlet did."""
    if grid.empty:
        return "There are no events to show."
    per_event = grid.groupby("event")["covered"].sum()
    n_outlets = grid["outlet"].nunique()
    if n_outlets == 1:
        return (f"{plural(len(per_event), 'news event')}, all covered by the one outlet ({grid['outlet'].iloc[0]}); "
                "there is no other outlet to compare its coverage with.")
    all_covered = int((per_event == n_outlets).sum())
    alone = int((per_event == 1).sum())
    return (f"{plural(len(per_event), 'news event')} across {plural(n_outlets, 'outlet')}: "
            f"{all_covered} covered by every outlet, {alone} by one outlet only.")


def blindspots(grid: pd.DataFrame, articles: pd.DataFrame, outlets: pd.DataFrame, *, by: str = "lean",
               min_share: float = BLINDSPOT_SHARE, min_outlets: int = BLINDSPOT_MIN_OUTLETS) -> pd.DataFrame:
    """Events covered mostly by one group of outlets (by ``outlets.csv``'s column ``by``).

    An event is listed when at least ``min_outlets`` outlets with a group covered it and at
    least ``min_share`` of them belong to one group, while outlets of another group in the
    corpus did not cover it (``not_covering`` names them). Outlets without a group are not
    counted either way.
    """
    groups = outlet_groups(articles, outlets, by).drop_duplicates("outlet").set_index("outlet")["group"]
    grouped = grid.assign(group=grid["outlet"].map(groups).fillna(NO_GROUP))
    grouped = grouped[grouped["group"] != NO_GROUP]
    rows = []
    for (event, label), ev in grouped.groupby(["event", "event_label"], sort=True):
        covering = ev[ev["covered"]]
        if len(covering) < min_outlets:
            continue
        top = covering["group"].value_counts()
        share = top.iloc[0] / len(covering)
        missing = ev[~ev["covered"] & (ev["group"] != top.index[0])]["outlet"].tolist()
        if share >= min_share and missing:
            rows.append(dict(event=event, event_label=label, group=top.index[0], n_group_outlets=int(top.iloc[0]),
                             n_grouped_outlets=len(covering), share=share, not_covering=", ".join(sorted(missing))))
    return pd.DataFrame(rows, columns=BLINDSPOT_COLUMNS)


def blindspot_note(spots: pd.DataFrame, grid: pd.DataFrame, outlets: pd.DataFrame, *, by: str = "lean") -> str:
    """The blindspot rule in words, with how many events it finds, or what it needs."""
    if by not in outlets.columns or not outlets[by].astype(str).str.strip().ne("").any():
        return (f"Blindspots (events one {by} of outlets covered almost alone) need an outlets table with a {by} "
                f"column: an outlets.csv beside the articles, one row per outlet.")
    rule = (f"an event counts as one {by}'s when at least {BLINDSPOT_SHARE:.0%} of the outlets covering it, "
            f"and at least {BLINDSPOT_MIN_OUTLETS} of them, share that {by}, and outlets of another {by} did not "
            "cover it")
    n_events = grid["event"].nunique()
    if spots.empty:
        which = "The one event is not" if n_events == 1 else f"None of the {plural(n_events, 'event')} is"
        return f"{which} covered mostly by one {by} ({rule})."
    by_group = spots["group"].value_counts().sort_index()
    listed = join_names([f"{plural(int(n), 'event')} by {g} outlets" for g, n in by_group.items()])
    return f"{len(spots)} of {plural(n_events, 'event')} covered mostly by one {by}: {listed} ({rule})."


def outlets_note(outlets: pd.DataFrame, articles: pd.DataFrame, *, group_by: str | None = None) -> str:
    """What the corpus's outlets table holds, which outlets it misses, what one would add, and
    whether the other pages compare groups of outlets (``group_by``) or how to ask them to."""
    if outlets.empty:
        return ("The corpus has no outlets table. An outlets.csv beside the articles (columns outlet and any of "
                "lean, owner, country, type, audience) lets the report list the stories one group covered almost "
                "alone and, built with --group-by and one of its columns (group_by in a notebook's parameters), "
                "compare groups of outlets as well as outlets: distinctive terms, tone, tone toward each person, "
                "share of voice and shared copy per group.")
    missing, extra = unlisted_outlets(articles, outlets)
    filled = [c for c in OUTLET_COLUMNS[1:] + [c for c in outlets.columns if c not in OUTLET_COLUMNS]
              if outlets[c].astype(str).str.strip().ne("").any()]
    text = (f"The outlets table lists {plural(len(outlets), 'outlet')}"
            f"{' with ' + join_names(filled) if filled else ', with no other column filled'}.")
    if missing:
        text += f" Not in it: {join_names(missing)} (grouped as {NO_GROUP!r})."
    if extra:
        text += f" Listed but not in the corpus: {join_names(extra)}."
    if group_by:
        text += f" The other pages compare the outlets grouped by {group_by} too."
    elif filled:
        text += (f" Build with --group-by {filled[0]} (or another of its columns; group_by in a notebook's "
                 "parameters) to compare groups of outlets as well as outlets.")
    return text
