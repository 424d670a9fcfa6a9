"""Corpora too small to compare (one article; one outlet, with an article that has no sentence):
every notebook still runs and says what it cannot compare."""

from __future__ import annotations

import re

import pytest

from helpers.report import main
from tests.conftest import NOTEBOOK_ARGS, ONE_OUTLET, write_corpus


def _build(tmp_path, articles):
    corpus = write_corpus(tmp_path / "corpus", articles)
    out = tmp_path / "reports"
    assert main(["--corpus", str(corpus), "--out", str(out), *NOTEBOOK_ARGS]) == 0
    return out


def _pages(out):
    pages = {p.stem: p.read_text() for p in sorted(out.glob("*.html")) if p.stem not in ("index", "explorer")}
    for name, page in pages.items():
        assert "Traceback" not in page, name
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page, name
    return pages


def _text(page):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


NO_SENTENCES = dict(  # a saved page that is all furniture: cleaning keeps no sentence of it
    file="furniture.txt", outlet="JTA", date="2014-04-02",
    text="Share this article\nSign up for our weekly newsletter\nRelated News\n",
)


@pytest.mark.parametrize("case", ["one article", "one outlet"])
def test_small_corpora_build_and_say_what_they_cannot_compare(tmp_path, request, case):
    if case == "one article":  # built once in tests/conftest.py; test_sentiment.py reads it too
        out = request.getfixturevalue("one_article_report")
    else:
        out = _build(tmp_path, [*ONE_OUTLET, NO_SENTENCES])
    pages = _pages(out)
    assert "00_corpus" in pages
    index = _text((out / "index.html").read_text())
    if case == "one article":
        assert "1 article from 1 outlet, all published in Apr 2014." in index
    else:
        assert "3 articles from 1 outlet, all published in Mar\u2013Apr 2014." in index
    for name, page in pages.items():
        if name != "00_corpus":  # every comparison notebook says it has a single outlet
            assert re.search(r"only one outlet|a single outlet", _text(page), re.I), name
