"""Actors found in the text of a corpus with no actors.csv (issue 19)."""

from __future__ import annotations

import re

import pandas as pd

from helpers.actors_auto import FOUND, actors_for, find_actors, found_actors_note
from helpers.corpus import load_corpus
from helpers.text import split_sentences
from tests.conftest import write_corpus

ARTICLES = [
    dict(file="a.txt", outlet="Daily Alpha", date="2024-05-01", headline="Budget talks",
         text=("Budget talks resume\n\n"
               "Ruritanian Prime Minister Jane Doe met bankers in Paris on Tuesday.\n\n"
               "\"We will not cut pensions,\" Doe said after the meeting.\n\n"
               "The Acme Corp said it would keep its plant open in Paris.\n")),
    dict(file="b.txt", outlet="Beta News", date="2024-05-02", headline="Doe visits",
         text=("Doe visits the plant\n\n"
               "Prime Minister Doe toured the Acme Corp plant outside Paris on Wednesday.\n\n"
               "\"This plant stays,\" Doe told workers, as the Acme Corp confirmed its plans.\n\n"
               "Officials in Paris welcomed the visit.\n")),
]


def _corpus(tmp_path):
    folder = write_corpus(tmp_path / "corpus", ARTICLES)
    articles, _, _ = load_corpus(folder)
    return folder, articles, split_sentences(articles)


def test_people_organisations_and_places_are_told_apart(tmp_path):
    _, articles, sentences = _corpus(tmp_path)
    actors = find_actors(articles, sentences).set_index("name")
    doe = actors.loc["Jane Doe"]
    assert doe["kind"] == "person" and doe["source"] == FOUND
    assert "Doe" in doe["aliases"].split(";") and "Prime Minister Doe" in doe["aliases"].split(";")
    assert doe["roles"] == "prime minister"
    assert doe["n_quoted"] == 2 and doe["n_mentions"] == 4  # Jane Doe, Doe said, Prime Minister Doe, Doe told
    assert doe["affiliation"] == ""  # "Ruritanian" is no demonym of helpers/data/demonyms.csv
    assert actors.loc["Acme Corp", "kind"] == "organisation" and actors.loc["Acme Corp", "n_mentions"] == 3
    assert "Paris" not in actors.index and "Doe" not in actors.index
    assert list(actors.index[:2]) == ["Jane Doe", "Acme Corp"]  # most named first


def test_affiliation_from_a_nationality_word_before_the_title(tmp_path):
    text = ("Israeli Prime Minister Benjamin Netanyahu met U.S. Secretary of State John Kerry.\n\n"
            "\"No,\" Netanyahu said. \"We will see,\" Secretary Kerry said, and Kerry left for Rome.\n")
    folder = write_corpus(tmp_path / "c", [dict(file="a.txt", outlet="X", date="2024-01-01", text=text)])
    articles, _, _ = load_corpus(folder)
    actors = find_actors(articles, split_sentences(articles)).set_index("name")
    assert actors.loc["Benjamin Netanyahu", "affiliation"] == "Israel"
    assert actors.loc["John Kerry", "affiliation"] == "United States"
    assert set(actors.loc["John Kerry", "aliases"].split(";")) >= {"Kerry", "Secretary Kerry"}
    assert "Rome" not in actors.index  # "for Rome" is not a person's mention, but it is too rare to count


def test_actors_for_reads_the_file_when_there_is_one(tmp_path):
    folder, articles, sentences = _corpus(tmp_path)
    assert actors_for(folder, articles, sentences)["source"].eq(FOUND).all()
    assert "found automatically" in found_actors_note(actors_for(folder, articles, sentences))
    (folder / "actors.csv").write_text("name,aliases,affiliation,kind,roles\nJane Doe,Doe,Ruritania,person,\n")
    table = actors_for(folder, articles, sentences)
    assert table["name"].tolist() == ["Jane Doe"] and "source" not in table.columns
    assert "found automatically" not in found_actors_note(table)


def test_report_without_actors_csv_shows_the_found_actors(written_report):
    _, out = written_report  # tests/conftest.py: a written corpus with no actors.csv, built once per session
    for page in sorted(out.glob("0*.html")):
        html = page.read_text()
        assert "Traceback" not in html and 'data-mime-type="application/vnd.jupyter.stderr"' not in html, page.name
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (out / "01_sources.html").read_text()))
    assert "found automatically" in text
    cells = pd.read_csv(out / "data" / "sentiment_actors.csv")
    assert {"Ann Lee", "Raj Patel"} <= set(cells["actor"])
    assert "found automatically" in (out / "03_sentiment.html").read_text()
