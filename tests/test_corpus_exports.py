"""News exports load without renaming a column: Media Cloud story lists, news-please JSON,
GDELT article lists (helpers.corpus.columns and helpers/data/export_columns.csv)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.corpus import CorpusError, load_corpus
from helpers.corpus.columns import canonical_columns, export_aliases

BODY = ("The council voted on Tuesday to approve the budget. \"It is a fair deal,\" the mayor said. "
        "The vote was seven to two after a long debate about parks and roads.")


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("NEWS_BUNDLE_CACHE", "0")


def _messages(log: pd.DataFrame) -> str:
    return "\n".join(log["message"])


def test_a_media_cloud_story_list_builds_and_counts_rows_without_text(tmp_path):
    path = tmp_path / "mediacloud.csv"
    pd.DataFrame([
        dict(id=101, indexed_date="2024-03-02 10:00:00", language="en", media_name="Daily Planet",
             media_url="dailyplanet.com", publish_date="2024-03-01 09:30:00", title="Council votes on budget",
             url="https://dailyplanet.com/a", text=BODY),
        dict(id=102, indexed_date="2024-03-02", language="en", media_name="The Globe", media_url="theglobe.com",
             publish_date="2024-03-01", title="Budget passes", url="https://theglobe.com/b", text=""),
        dict(id=103, indexed_date="2024-03-02", language="en", media_name="The Globe", media_url="theglobe.com",
             publish_date="2024-03-02", title="Budget, day two", url="https://theglobe.com/c", text="   "),
    ]).to_csv(path, index=False)
    with pytest.warns(UserWarning, match="2 of 3 rows have no article text"):
        articles, _, log = load_corpus(path)
    row = articles.iloc[0]
    assert list(articles["article_id"]) == ["101"]
    assert (row.outlet, row.headline, row.url) == ("Daily Planet", "Council votes on budget", "https://dailyplanet.com/a")
    assert row.date == pd.Timestamp("2024-03-01")
    assert "media_url" in articles.columns  # a column with no corpus meaning is kept as it is
    text = _messages(log)
    assert "column 'media_name' read as 'outlet' (as Media Cloud exports it)" in text
    assert "column 'publish_date' read as 'date'" in text
    assert "mediacloud.csv line 3, mediacloud.csv line 4" in text  # the skipped rows, by line


def test_a_news_please_export_builds(tmp_path):
    path = tmp_path / "newsplease.jsonl"
    record = dict(authors=["A. Writer"], date_download="2024-03-02 10:00:00", date_publish="2024-03-01 08:00:00",
                  description="A dek", language="en", source_domain="example.com", maintext=BODY,
                  title="Council approves budget", url="https://example.com/x")
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    articles, _, log = load_corpus(path)
    row = articles.iloc[0]
    assert (row.outlet, row.headline) == ("example.com", "Council approves budget")
    assert row.date == pd.Timestamp("2024-03-01")
    assert row.body.startswith("The council voted on Tuesday")
    assert "column 'maintext' read as 'text' (as news-please exports it)" in _messages(log)


def test_a_gdelt_style_parquet_reads_its_compact_dates(tmp_path):
    path = tmp_path / "gdelt.parquet"
    pd.DataFrame([dict(domain="example.org", seendate="20240301T120000Z", title="Budget", url="https://e.org/1",
                       text=BODY)]).to_parquet(path)
    articles, _, _ = load_corpus(path)
    assert (articles.outlet[0], articles.date[0]) == ("example.org", pd.Timestamp("2024-03-01"))


def test_our_own_column_name_wins_over_an_export_alias():
    columns, notes = canonical_columns(["Headline", "title", "outlet", "media_name", "source_domain", "text"],
                                       ("outlet", "headline", "text"), "t.csv", exports=True)
    assert columns == ["headline", "title", "outlet", "media_name", "source_domain", "text"]
    assert notes == [("info", "t.csv: column 'Headline' read as 'headline'.")]


def test_the_first_listed_alias_wins_and_the_second_is_kept_as_it_is():
    columns, _ = canonical_columns(["media_name", "source_domain", "text"], ("outlet", "text"), "t.csv",
                                   exports=True)
    assert columns == ["outlet", "source_domain", "text"]
    assert export_aliases()["media_name"] == ("outlet", "Media Cloud")


def test_aliases_are_not_used_for_side_tables():
    columns, notes = canonical_columns(["title", "name"], ("name", "headline"), "actors.csv")
    assert columns == ["title", "name"] and notes == []


def test_an_export_without_any_text_says_what_to_add(tmp_path):
    path = tmp_path / "links.csv"
    pd.DataFrame([dict(media_name="A", title="One", url="u1", text=""),
                  dict(media_name="B", title="Two", url="u2", text="")]).to_csv(path, index=False)
    with pytest.raises(CorpusError, match="none of its 2 rows has an article text"):
        load_corpus(path)


def test_an_export_without_a_text_column_names_the_export_names(tmp_path):
    path = tmp_path / "links.csv"
    pd.DataFrame([dict(media_name="A", title="One", url="u1")]).to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"lacks the column.*text.*maintext"):
        load_corpus(path)


def test_hostile_export_cells_stay_text(tmp_path):
    path = tmp_path / "hostile.jsonl"
    record = dict(source_domain="<script>alert(1)</script>", title="=HYPERLINK(\"http://x\")", maintext=BODY,
                  date_publish="2024-03-01")
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    articles, _, _ = load_corpus(path)
    assert articles.outlet[0] == "<script>alert(1)</script>"  # escaped where shown, kept as written here
    assert articles.headline[0] == "=HYPERLINK(\"http://x\")"
