"""Every notebook, run by the report build in a fresh kernel, on the seeds and on a written corpus."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import papermill
import pytest

from helpers.corpus import load_corpus
from helpers.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from helpers.report.engine import ENGINE_NAME


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


def _run_with_defaults(source: Path, out: Path) -> str | None:
    """Run ``source`` as `jupyter nbconvert --execute notebooks/X.ipynb` from the root would
    (only data_dir is moved, into ``out``); None, or the error papermill raised, as text. With the
    build's papermill engine, which writes the executed copy once at the end rather than before and
    after every cell (helpers/report/engine.py): the kernel and what it runs are papermill's own."""
    try:
        papermill.execute_notebook(
            source, out / source.name, parameters={"data_dir": str(out / "data")},
            cwd=str(PROJECT_ROOT), kernel_name="python3", progress_bar=False, engine_name=ENGINE_NAME,
        )
    except Exception as error:  # reported by the test of this notebook
        return f"{type(error).__name__}: {error}"
    return None


@pytest.fixture(scope="module")
def default_runs(tmp_path_factory):
    """Every notebook run with its defaults, each in its own kernel and folder, one after the
    other from this process: notebook file name -> (its folder, None or the error). Two worker
    processes to run them two at a time would each import papermill and the helpers again (about
    3 s of CPU each) while the background builds keep the second core busy anyway; the build's
    two-at-a-time path is the seed report's (conftest.py). Papermill changes this process's
    folder while a notebook runs; nothing else here reads a relative path meanwhile (the
    background builds are given whole paths and their own folder)."""
    folder = Path(os.environ.get("REPORT_NOTEBOOKS", NOTEBOOKS_DIR))
    outs = {p.name: tmp_path_factory.mktemp(p.stem) for p in sorted(folder.glob("*.ipynb"))}
    return {name: (out, _run_with_defaults(folder / name, out)) for name, out in outs.items()}


@pytest.mark.parametrize(
    "name", sorted(p.name for p in Path(os.environ.get("REPORT_NOTEBOOKS", NOTEBOOKS_DIR)).glob("*.ipynb"))
)
def test_notebook_runs_from_the_repository_root_with_its_defaults(default_runs, name):
    """As `jupyter nbconvert --execute notebooks/X.ipynb` from the root would run it: only data_dir is moved."""
    out, error = default_runs[name]
    assert error is None, error
    assert any((out / "data").glob("*.csv"))
