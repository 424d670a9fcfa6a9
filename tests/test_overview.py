"""Periods, corpus summaries, escaped display and CSV output."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.corpus import load_corpus
from helpers.display import finding, table
from helpers.events import date_periods, summarise_periods
from helpers.outputs import write_table
from helpers.overview import corpus_finding, outlet_counts, removed_summary


def _articles(dates, outlets=None):
    outlets = outlets or [f"O{i}" for i in range(len(dates))]
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(len(dates))],
        "outlet": outlets,
        "date": pd.to_datetime(dates),
    })


def test_seed_corpus_spans_three_moments(seed_dir):
    articles, removed, _ = load_corpus(seed_dir)
    periods = date_periods(articles)
    summary = summarise_periods(periods)
    assert summary.period_label.tolist() == ["Jun 2013", "Mar\u2013Apr 2014", "Nov 2015"]
    assert summary.n_articles.tolist() == [1, 3, 1]
    assert summary.outlets[1] == "Al Jazeera America, Al Jazeera English, JTA"
    text = corpus_finding(articles, removed, periods)
    assert text.startswith("5 articles from 5 outlets cover 3 separate moments")
    assert "Mar\u2013Apr 2014 (3 articles)" in text
    assert f"kept {articles.n_paragraphs.sum()} body paragraphs" in text


def test_periods_split_on_gaps_and_keep_undated_apart():
    periods = date_periods(_articles(["2024-01-01", "2024-01-20", "2024-03-15", None]))
    assert periods.period.tolist() == [1, 1, 2, 0]
    assert periods.period_label.tolist() == ["Jan 2024", "Jan 2024", "Mar 2024", "undated"]
    assert date_periods(_articles(["2024-01-01", "2024-01-20"]), gap_days=10).period.tolist() == [1, 2]


def test_outlet_counts_and_removed_summary(seed_dir):
    articles, removed, _ = load_corpus(seed_dir)
    sentences = pd.DataFrame({"article_id": ["000_d30445ea75725141"] * 4})
    counts = outlet_counts(articles, sentences).set_index("outlet")
    assert counts.loc["JTA", "n_sentences"] == 4 and counts.loc["JTA", "n_articles"] == 1
    summary = removed_summary(removed).set_index("rule")
    assert summary.loc["page footer block", "n_lines"] == 10
    assert summary.loc["page footer block", "n_articles"] == 2
    assert summary.n_lines.sum() == len(removed)


def test_table_escapes_cells_labels_and_caption():
    df = pd.DataFrame({"<th>": ["<script>alert(1)</script>", "</table><img src=x onerror=alert(2)>"]})
    out = table(df, caption="<b>x</b>")._repr_html_()
    assert "<script>" not in out and "<img" not in out and "</table><" not in out.replace("</table></div>", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;th&gt;" in out and "&lt;b&gt;x&lt;/b&gt;" in out
    assert "tex2jax_ignore" in out  # MathJax leaves "$x$" in corpus text alone


def test_table_is_deterministic_and_counts_hidden_rows():
    df = pd.DataFrame({"n": range(60)})
    first, second = table(df, max_rows=10)._repr_html_(), table(df, max_rows=10)._repr_html_()
    assert first == second
    assert "and 50 more rows" in first


def test_finding_is_escaped_and_plain_for_the_index():
    shown = finding('Outlet <script>x</script> "quoted"')
    assert "&lt;script&gt;" in shown._repr_html_() and "<script>" not in shown._repr_html_()
    assert repr(shown) == 'Outlet <script>x</script> "quoted"'


def test_write_table_is_deterministic(tmp_path):
    df = _articles(["2024-01-02", "2024-02-03"])
    path = write_table(df, tmp_path / "data", "x.csv")
    assert path.read_text() == "article_id,outlet,date\na0,O0,2024-01-02\na1,O1,2024-02-03\n"


def test_finding_does_not_call_a_partly_dated_corpus_all_published(tmp_path):
    from helpers.corpus import load_corpus
    from helpers.events import date_periods
    from tests.conftest import SMALL_ARTICLES, write_corpus

    rows = [dict(SMALL_ARTICLES[0]), dict(SMALL_ARTICLES[1], date="2024"), dict(SMALL_ARTICLES[2], date="")]
    with pytest.warns(UserWarning, match="gives only a year"):
        articles, removed, _ = load_corpus(write_corpus(tmp_path / "c", rows), cache=False)
    text = corpus_finding(articles, removed, date_periods(articles))
    assert "all published" not in text
    assert text.startswith(
        "3 articles from 2 outlets: 1 published in May 2024, 2 undated (1 with only a year or month)."
    )


def test_cleaning_validation_note_reads_every_number_from_the_figures():
    from helpers.overview import cleaning_validation_note, page_validation

    rows = [
        ("pages", "pages", 12, 12, 1.0), ("outlets", "outlets", 9, 12, 0.75), ("topics", "topics", 3, 12, 0.25),
        ("body line recall", "body", 70, 71, 0.9859), ("precision", "non-body", 30, 32, 0.9375),
        ("recall", "non-body", 30, 40, 0.75), ("f1", "non-body", None, None, 0.8333),
        ("page parts all right", "all", 5, 12, 0.4167), ("agency found where stated", "agency", 2, 3, 0.6667),
    ]
    figures = pd.DataFrame(
        [("eval", *row, "2030-01-02") for row in rows],
        columns=["set", "measure", "label", "numerator", "denominator", "value", "date"],
    )
    text = cleaning_validation_note(figures)
    for part in ("12 real news pages held out", "9 outlets", "3 topics", "2030-01-02", "70 of 71",
                 "F1 0.83", "precision 0.94", "recall 0.75", "5 of 12", "2 of 3"):
        assert part in text, part
    shipped = page_validation()  # the file helpers/data/page_validation.csv, written by validation.pages
    assert {"eval", "dev"} <= set(shipped["set"]) and shipped["date"].str.match(r"\d{4}-\d{2}-\d{2}$").all()
