"""Article and outlet profiles, and the 01_sources notebook on the seeds and a written corpus."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.actors import load_actors
from helpers.corpus import load_corpus
from helpers.events import date_periods
from helpers.profiles import (
    PROFILE_COLUMNS,
    article_profiles,
    comparison_note,
    count_syllables,
    outlet_profiles,
    readability,
    sources_finding,
    unattributed_note,
)
from helpers.quote_spans import quote_spans
from helpers.quotes import anonymous_sources, extract_quotes
from helpers.text import split_sentences
from tests.conftest import SEED_FILES, write_corpus

SEED_IDS = {outlet: name.removesuffix(".txt") for outlet, name in SEED_FILES.items()}
NOTEBOOK = "01_sources"


def _profiles(corpus_dir):
    articles, _, _ = load_corpus(corpus_dir)
    sentences = split_sentences(articles)
    actors = load_actors(corpus_dir)
    quotes = extract_quotes(sentences, articles, actors)
    sources = anonymous_sources(sentences, articles, actors)
    profiles = article_profiles(articles, sentences, quotes, sources, date_periods(articles))
    return articles, sentences, quotes, profiles


@pytest.fixture(scope="module")
def seed(seed_dir):
    return _profiles(seed_dir)


# --- readability -----------------------------------------------------------------------


@pytest.mark.parametrize(("word", "n"), [
    ("the", 1), ("Kerry", 2), ("compromises", 4), ("negotiations", 5), ("fundamental", 4),
    ("Israeli-Palestinian", 5),  # "Is-raeli" + "Pales-tini-an": pyphen undercounts both parts
    ("2014", 0), ("U.S.", 2), ("don't", 1),  # "U.S.": one per letter, as spoken
])
def test_syllables_from_pyphen(word, n):
    assert count_syllables(word) == n


def test_flesch_follows_the_formula_and_ranks_plain_text_easier():
    sentences = pd.DataFrame({
        "article_id": ["plain", "plain", "dense"],
        "text": ["The cat sat on the mat.", "It was a good day.",
                 "Multilateral negotiations necessitate considerable institutional accommodation."],
    })
    read = readability(sentences).set_index("article_id")
    plain = read.loc["plain"]
    assert (plain.n_sentences, plain.n_readability_words, plain.n_syllables) == (2, 11, 11)
    assert plain.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 11 / 2 - 84.6 * 1.0)
    assert read.loc["dense", "flesch_reading_ease"] < 0 < plain.flesch_reading_ease


# --- profiles on the seeds -------------------------------------------------------------


def test_seed_article_profiles(seed):
    articles, sentences, _quotes, profiles = seed
    assert list(profiles.columns) == PROFILE_COLUMNS
    p = profiles.set_index("article_id")
    ids = SEED_IDS
    assert p.loc[[ids[o] for o in ids], "n_quotes"].tolist() == [4, 8, 7, 0, 8]
    assert p.loc[[ids[o] for o in ids], "n_named_speakers"].tolist() == [2, 3, 4, 0, 3]
    assert p.loc[[ids[o] for o in ids], "n_anonymous_sources"].tolist() == [0, 2, 2, 1, 1]
    assert p.loc[ids["JTA"], "named_speakers"] == "John Kerry; Marie Harf"
    assert (p["n_unattributed"] == 0).all()
    assert p.loc[[ids[o] for o in ids], "period_label"].tolist() == [
        "Mar\u2013Apr 2014", "Jun 2013", "Mar\u2013Apr 2014", "Mar\u2013Apr 2014", "Nov 2015"]
    bodies = dict(zip(articles.article_id, articles.body, strict=False))
    for article_id, row in p.iterrows():
        body = bodies[article_id]
        quoted = sum(e - s for s, e in quote_spans(body))
        assert row.pct_quoted == pytest.approx(100 * quoted / len(body))
        assert row.n_words == len(body.split())
        assert row.n_sentences == (sentences.article_id == article_id).sum()
        assert row.mean_sentence_words == pytest.approx(row.n_words / row.n_sentences)
    assert p.loc[ids["The Forward"], "wire"] == "Reuters"
    assert p.loc[ids["Washington Free Beacon"], "dateline"] == "JERUSALEM"
    # newspaper copy: Flesch 30-60
    assert p["flesch_reading_ease"].between(30, 60).all()


def test_outlet_profiles_pool_an_outlets_articles(seed_dir, tmp_path):
    text = lambda name: (seed_dir / SEED_FILES[name]).read_text(encoding="utf-8")  # noqa: E731
    corpus = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="Wire Desk", date="2014-03-31", text=text("Al Jazeera America")),
        dict(file="b.txt", outlet="Wire Desk", date="2014-04-03", text=text("JTA")),
        dict(file="c.txt", outlet="Other", date="2015-11-25", text=text("Washington Free Beacon")),
    ])
    _, _, quotes, profiles = _profiles(corpus)
    outlets = outlet_profiles(profiles, quotes).set_index("outlet")
    desk = outlets.loc["Wire Desk"]
    both = profiles[profiles.outlet == "Wire Desk"]
    assert desk.n_articles == 2 and desk.n_quotes == both.n_quotes.sum() == 11
    assert desk.n_words == both.n_words.sum()
    assert desk.mean_sentence_words == pytest.approx(both.n_words.sum() / both.n_sentences.sum())
    assert desk.pct_quoted == pytest.approx(100 * both.n_quoted_chars.sum() / both.n_chars.sum())
    # Kerry is in neither article as a quoted speaker twice over: distinct across articles
    assert desk.n_named_speakers == 6  # Psaki, Steinitz, Ishtayeh, Erekat + Kerry, Harf
    assert outlets.index.tolist() == ["Wire Desk", "Other"]  # first article's date order
    assert "compare them within a period" in comparison_note(outlet_profiles(profiles, quotes))


def test_seed_finding_and_notes(seed):
    _, _, quotes, profiles = seed
    outlets = outlet_profiles(profiles, quotes)
    text = sources_finding(outlets, quotes)
    assert text.startswith("Direct quotations per outlet range from 0 (Al Jazeera English) to 8 "
                           "(The Forward, Washington Free Beacon)")
    assert "John Kerry (10 quotations in 3 outlets)" in text and "6 unnamed sources" in text
    assert "0 of 27 quotations" in text
    assert unattributed_note(quotes).startswith("Of 27 quotations, the rules found a speaker for 27")


def test_unattributed_quotes_are_counted_in_the_profile(tmp_path):
    corpus = write_corpus(tmp_path / "c", [
        dict(file="a.txt", outlet="Alpha", date="2024-05-01",
             text="The hall was full.\n\n\u201cNobody expected this many people here,\u201d he said.\n\n"
                  "Jane Smith, the organiser, was pleased. \u201cWe are delighted,\u201d she said.\n"),
    ])
    _, _, quotes, profiles = _profiles(corpus)
    assert quotes.speaker_kind.tolist() == ["unknown", "named person"]
    row = profiles.iloc[0]
    assert (row.n_quotes, row.n_unattributed, row.n_named_speakers) == (2, 1, 1)
    assert comparison_note(outlet_profiles(profiles, quotes)).startswith("The corpus has only one outlet (Alpha)")


# --- the notebook ----------------------------------------------------------------------


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_seed_notebook_writes_the_tables(seed_report, seed):
    _, _, quotes, profiles = seed
    data = seed_report / "data"
    written = pd.read_csv(data / "quotes.csv")
    assert written.speaker.fillna("").tolist() == quotes.speaker.fillna("").tolist()
    assert written.sentence_id.tolist() == quotes.sentence_id.tolist()
    prof = pd.read_csv(data / "profiles.csv")
    assert prof.n_quotes.tolist() == profiles.n_quotes.tolist()
    assert set(pd.read_csv(data / "anonymous_sources.csv").outlet) == {
        "The Forward", "Al Jazeera America", "Al Jazeera English", "Washington Free Beacon"}
    assert (data / "outlet_profiles.csv").is_file() and (data / "speakers.csv").is_file()


def test_seed_notebook_page(seed_report):
    page = (seed_report / f"{NOTEBOOK}.html").read_text()
    text = _text(page)
    assert "Traceback" not in page and 'data-mime-type="application/vnd.jupyter.stderr"' not in page
    assert page.count("data:image/png;base64") >= 4
    assert "quotes_and_sources(sentences, articles, actors)" in re.sub(r"<[^>]+>", "", page)  # the call stays visible
    assert "An Israeli official, who asked not to be identified" in text
    assert "Every quotation has a speaker." in text
    assert "compare them within a period" in text
    index = _text((seed_report / "index.html").read_text())
    assert "Direct quotations per outlet range from 0 (Al Jazeera English) to 8" in index


def test_written_corpus_notebook_stays_escaped(written_report):
    _, out = written_report
    for page in [out / f"{NOTEBOOK}.html", out / "no-code" / f"{NOTEBOOK}.html"]:
        html = page.read_text()
        assert "<script>document" not in html and "<b>Outlet</b>" not in html
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html
    page = (out / f"{NOTEBOOK}.html").read_text()
    assert "&lt;script&gt;document.title=" in page  # Ana Ruiz's quotation, shown as text
    quotes = pd.read_csv(out / "data" / "quotes.csv")
    assert sorted(quotes.speaker) == [
        "Ana Ruiz",
        "Ana Ruiz",
        "Ann Lee",
        "Ann Lee",
        "Maria Gomez",
        "Raj Patel",
    ]  # one Ana Ruiz from formula.txt
    assert "no actors table" in _text(page)
