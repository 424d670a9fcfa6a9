"""Attention over time, the coverage grid, blindspots and the outlets table, on tables the
tests write (helpers.attention, helpers.corpus.outlet_table)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import attention as att
from helpers.corpus import CorpusError, load_outlets, outlet_groups, unlisted_outlets
from helpers.corpus.outlet_table import NO_GROUP


def _articles(rows):
    return pd.DataFrame(rows, columns=["article_id", "outlet", "date"]).assign(date=lambda t: pd.to_datetime(t["date"]))


def test_attention_counts_per_week_raw_and_normalised():
    articles = _articles([("a", "A", "2024-01-01"), ("b", "A", "2024-01-07"), ("c", "A", "2024-01-08"),
                          ("d", "B", "2024-01-02"), ("e", "B", None)])
    table = att.attention(articles, unit="week")
    assert table.to_dict("records") == [
        dict(outlet="A", unit="week", period_start=pd.Timestamp("2024-01-01"), n_articles=2,
             share_of_outlet=2 / 3, share_of_period=2 / 3),
        dict(outlet="B", unit="week", period_start=pd.Timestamp("2024-01-01"), n_articles=1,
             share_of_outlet=1.0, share_of_period=1 / 3),
        dict(outlet="A", unit="week", period_start=pd.Timestamp("2024-01-08"), n_articles=1,
             share_of_outlet=1 / 3, share_of_period=1.0),
    ]  # Sunday 7 January is in the week of Monday 1 January; Monday 8 January starts the next
    assert att.attention_note(table, articles) == (
        "Counted per week: 4 dated articles in 2 weeks with at least one article; the most articles in one "
        "week, 3, came in the week of 1 Jan 2024. 1 undated article is left out.")


@pytest.mark.parametrize(("days", "unit"), [(0, "day"), (att.DAILY_MAX_DAYS, "day"), (att.DAILY_MAX_DAYS + 1, "week"),
                                            (att.WEEKLY_MAX_DAYS, "week"), (att.WEEKLY_MAX_DAYS + 1, "month")])
def test_the_unit_follows_the_span(days, unit):
    dates = pd.Series([pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-01") + pd.Timedelta(days=days), pd.NaT])
    assert att.attention_unit(dates) == unit


def test_attention_with_no_dates_says_so():
    articles = _articles([("a", "A", None)])
    table = att.attention(articles)
    assert table.empty and list(table.columns) == att.ATTENTION_COLUMNS
    assert att.attention_note(table, articles) == (
        "No article has a date, so attention over time cannot be shown. 1 undated article is left out.")


def test_a_tie_for_the_peak_names_every_period():
    articles = _articles([("a", "A", "2024-01-01"), ("b", "A", "2024-03-01")])
    note = att.attention_note(att.attention(articles, unit="month"), articles)
    assert note.endswith("the most articles in one month, 1, came in Jan 2024 and Mar 2024.")
    assert len(att.all_periods(att.attention(articles, unit="month"))) == 3  # February, empty, included


def _events():
    return pd.DataFrame([
        ("a", "Left 1", 1, "1 Jan"), ("b", "Left 2", 1, "1 Jan"), ("c", "Left 3", 1, "1 Jan"),
        ("d", "Right 1", 2, "5 Jan"), ("e", "Left 1", 2, "5 Jan"), ("f", "Right 2", 2, "5 Jan"),
        ("g", "Unrated", 3, "9 Jan"),
    ], columns=["article_id", "outlet", "event", "event_label"])


def test_the_grid_has_every_event_and_outlet_with_zeros():
    grid = att.coverage_grid(_events())
    assert len(grid) == 3 * 6
    row = grid[(grid.event == 1) & (grid.outlet == "Right 1")].iloc[0]
    assert (row.n_articles, row.covered) == (0, False)
    assert att.coverage_note(grid) == "3 news events across 6 outlets: 0 covered by every outlet, 1 by one outlet only."
    assert att.coverage_note(grid.iloc[0:0]) == "There are no events to show."


def test_blindspots_need_the_share_the_count_and_a_missing_side():
    events = _events()
    outlets = pd.DataFrame({"outlet": ["left 1", "Left 2", "Left 3", "Right 1", "Right 2"],
                            "lean": ["left", "left", "left", "right", "right"]})
    grid = att.coverage_grid(events)
    spots = att.blindspots(grid, events, outlets)
    assert spots[["event", "group", "n_group_outlets", "n_grouped_outlets", "not_covering"]].to_dict("records") == [
        dict(event=1, group="left", n_group_outlets=3, n_grouped_outlets=3, not_covering="Right 1, Right 2")]
    # event 2: two right and one left outlet, 67% < 80%: not one side's; event 3: an unrated outlet only
    note = att.blindspot_note(spots, grid, outlets)
    assert note.startswith("1 of 3 events covered mostly by one lean: 1 event by left outlets (")
    assert "at least 80% of the outlets covering it, and at least 3 of them, share that lean" in note
    none = att.blindspots(grid, events, outlets, min_outlets=4)
    assert none.empty and att.blindspot_note(none, grid, outlets).startswith("None of the 3 events is covered mostly")


def test_blindspots_without_a_lean_say_what_they_need():
    grid = att.coverage_grid(_events())
    for outlets in (pd.DataFrame(columns=["outlet", "lean"]), pd.DataFrame({"outlet": ["Left 1"], "lean": [""]})):
        assert att.blindspot_note(att.blindspots(grid, _events(), outlets), grid, outlets).startswith(
            "Blindspots (events one lean of outlets covered almost alone) need an outlets table with a lean column")


def test_outlets_table_reads_matches_and_refuses_repeats(tmp_path):
    (tmp_path / "metadata.csv").write_text("file,outlet\n", encoding="utf-8")
    (tmp_path / "outlets.csv").write_text("Outlet,Lean,founded\nThe Globe,left,1872\n=cmd,right,\n", encoding="utf-8")
    table = load_outlets(tmp_path)
    assert list(table.columns) == ["outlet", "lean", "owner", "country", "type", "audience", "founded"]
    assert table["outlet"].tolist() == ["The Globe", "=cmd"] and table["owner"].tolist() == ["", ""]
    articles = _articles([("a", "the  GLOBE", "2024-01-01"), ("b", "Other", "2024-01-01")])
    assert outlet_groups(articles, table, "lean")["group"].tolist() == ["left", NO_GROUP]
    assert unlisted_outlets(articles, table) == (["Other"], ["=cmd"])
    with pytest.raises(CorpusError, match=r"no column 'bias'.*'lean'"):
        outlet_groups(articles, table, "bias")
    (tmp_path / "outlets.csv").write_text("outlet,lean\nThe Globe,left\nthe globe,right\n,left\n", encoding="utf-8")
    repeat = r"line 3: 'the globe' is already listed on line 2[\s\S]*line 4: the outlet is empty"
    with pytest.raises(CorpusError, match=repeat):
        load_outlets(tmp_path)


def test_no_outlets_table_is_an_empty_one(tmp_path):
    (tmp_path / "metadata.csv").write_text("file,outlet\n", encoding="utf-8")
    assert load_outlets(tmp_path).empty


def test_outlets_note_says_what_the_table_adds_or_misses():
    articles = _articles([("a", "The Globe", "2024-01-01"), ("b", "Other", "2024-01-01")])
    empty = pd.DataFrame(columns=["outlet", "lean", "owner", "country", "type", "audience"])
    assert att.outlets_note(empty, articles).startswith("The corpus has no outlets table. An outlets.csv")
    table = pd.DataFrame({"outlet": ["the globe", "Gone"], "lean": ["left", ""], "owner": ["", ""],
                          "country": ["", ""], "type": ["", ""], "audience": ["", ""]})
    assert att.outlets_note(table, articles) == (
        "The outlets table lists 2 outlets with lean. Not in it: Other (grouped as '(not in outlets.csv)'). "
        "Listed but not in the corpus: Gone. Build with --group-by lean (or another of its columns; group_by in a "
        "notebook's parameters) to compare groups of outlets as well as outlets.")
    assert att.outlets_note(table, articles, group_by="lean").endswith(
        "The other pages compare the outlets grouped by lean too.")
    assert "--group-by" in att.outlets_note(empty, articles)
