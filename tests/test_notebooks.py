"""Every notebook, run by the report build in a fresh kernel, on the seeds and on a written corpus."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.corpus import load_corpus
from helpers.paths import NOTEBOOKS_DIR


def _text(page: str) -> str:
    """The page's text without tags (code is split into highlighted spans)."""
    return re.sub(r"<[^>]+>", "", page)


NOTEBOOKS = sorted(p.stem for p in Path(os.environ.get("REPORT_NOTEBOOKS", NOTEBOOKS_DIR)).glob("*.ipynb"))


def test_every_notebook_has_a_page(seed_report):
    assert NOTEBOOKS and NOTEBOOKS[0] == "00_corpus"
    for name in NOTEBOOKS:
        page = (seed_report / f"{name}.html").read_text()
        assert "Traceback" not in page
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page  # no warnings printed into the report
        assert "use_style" not in _text(page)  # setup cell hidden


def test_seed_index_leads_with_the_computed_finding(seed_report):
    index = (seed_report / "index.html").read_text()
    assert "5 articles from 5 outlets cover 3 separate moments" in index
    assert 'href="00_corpus.html"' in index


def test_seed_tables_match_the_helpers(seed_report, seed_dir):
    articles, removed, _ = load_corpus(seed_dir)
    data = seed_report / "data"
    written = pd.read_csv(data / "articles.csv", keep_default_na=False)
    assert written.body.tolist() == articles.body.tolist()
    assert written.headline.tolist() == articles.headline.tolist()
    assert "raw_text" not in written.columns
    audit = pd.read_csv(data / "removed.csv")
    assert len(audit) == len(removed) and audit.line_n.tolist() == removed.line_n.tolist()
    sentences = pd.read_csv(data / "sentences.csv")
    bodies = dict(zip(articles.article_id, articles.body, strict=False))
    for row in sentences.itertuples():
        assert bodies[row.article_id][row.start_char:row.end_char] == row.text


def test_seed_page_shows_the_audit_and_plots(seed_report):
    page = (seed_report / "00_corpus.html").read_text()
    assert "Featured on Al Jazeera" in page and "page footer block" in page
    assert page.count("data:image/png;base64") >= 3
    assert "load_corpus(corpus_dir)" in _text(page)  # the analysis calls stay visible


def test_written_corpus_builds_and_stays_escaped(written_report):
    _corpus, out = written_report
    index = (out / "index.html").read_text()
    assert "5 articles from 4 outlets, all published in May 2024." in index
    for page in [out / "00_corpus.html", out / "no-code" / "00_corpus.html", out / "index.html"]:
        html = page.read_text()
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Outlet</b>" not in html
    page = (out / "00_corpus.html").read_text()
    assert "&lt;script&gt;alert(" in page  # shown, as text, in the cleaning audit
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in page


def test_warnings_go_to_the_loading_log_not_stderr(written_report):
    _, out = written_report
    page = (out / "00_corpus.html").read_text()
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page
    assert "evil.txt: does not look like English" in page  # in the loading log table


def test_code_free_copy_has_no_code(written_report):
    _, out = written_report
    page = (out / "no-code" / "00_corpus.html").read_text()
    assert "load_corpus(corpus_dir)" not in _text(page)
    assert "5 articles from 4 outlets" in page


def test_parameters_reach_the_notebook(written_report):
    _corpus, out = written_report
    articles = pd.read_csv(out / "data" / "articles.csv")
    assert sorted(articles.file) == ["a.txt", "b.txt", "c.txt", "evil.txt", "formula.txt"]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in Path(os.environ.get("REPORT_NOTEBOOKS", NOTEBOOKS_DIR)).glob("*.ipynb"))
)
def test_notebook_runs_from_the_repository_root_with_its_defaults(default_runs, name):
    """As `jupyter nbconvert --execute notebooks/X.ipynb` from the root would run it: only data_dir is moved."""
    out, error = default_runs[name]
    assert error is None, error
    assert any((out / "data").glob("*.csv"))
