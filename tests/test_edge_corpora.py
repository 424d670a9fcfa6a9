"""Corpora too small to compare (one article; one outlet, with an article that has no sentence):
every notebook still runs and says what it cannot compare."""

from __future__ import annotations

import re

import pytest


def _pages(out):
    pages = {p.stem: p.read_text() for p in sorted(out.glob("*.html")) if p.stem not in ("index", "explorer")}
    for name, page in pages.items():
        assert "Traceback" not in page, name
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page, name
    return pages


def _text(page):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("case", ["one article", "one outlet"])
def test_small_corpora_build_and_say_what_they_cannot_compare(one_article_report, one_outlet_report, case):
    # both built once in tests/conftest.py (ONE_OUTLET[:1]; ONE_OUTLET and NO_SENTENCES);
    # test_sentiment.py reads the one-article report too
    out = one_article_report if case == "one article" else one_outlet_report
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
