"""The notebooks' Method paragraphs are written by code from the constants the computation
uses (issue 14), so a changed threshold changes the sentence; and they render safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import events
from helpers import overlap as overlap_pkg
from helpers import sentiment as sentiment_pkg
from helpers.display import method, prose_html
from helpers.overlap import align, containment, entries
from helpers.quotes import method as quotes_method
from helpers.quotes import vocabulary
from helpers.sentiment import intervals, positions, scoring
from helpers.terms import keyness, phrases
from helpers.terms import method as terms_method
from helpers.wording import number_word

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
WRITTEN_BY_CODE = ("01_sources", "02_terms", "03_sentiment", "04_overlap")  # 00_corpus states no threshold


def test_terms_method_follows_its_constants(monkeypatch):
    text = terms_method.method_note()
    assert "at least three times in at least two articles, with a likelihood ratio above 10.83 (p = 0.001)" in text
    assert "at most 0.05 (a 5% false discovery rate); only terms used at least five times" in text
    monkeypatch.setattr(phrases, "MIN_JOINED_PHRASE_COUNT", 4)
    monkeypatch.setattr(phrases, "MIN_JOINED_PHRASE_SCORE", 6.63)
    monkeypatch.setattr(keyness, "FDR_LEVEL", 0.1)
    monkeypatch.setattr(phrases, "MIN_PHRASE_COUNT", 1)
    text = terms_method.method_note()
    assert "at least four times" in text and "above 6.63 (p = 0.010)" in text
    assert "at most 0.1 (a 10% false discovery rate)" in text and "seen at least once)" in text


def test_sources_method_follows_its_constants(monkeypatch):
    assert "fewer than three words" in quotes_method.method_note()
    monkeypatch.setattr(vocabulary, "MIN_QUOTE_WORDS", 4)
    assert "fewer than four words" in quotes_method.method_note()


@pytest.mark.parametrize(("count", "word"), [(0, "no"), (1, "one"), (10, "ten"), (11, "11"), (1200, "1,200")])
def test_number_words(count, word):
    assert number_word(count) == word


def test_prose_is_escaped_and_marks_only_code_and_emphasis():
    html = prose_html('A `<script>*x*</script>` and *besides* 3 * 4 <img src=x onerror=alert(1)>.\n\nTwo.')
    assert html == ("<p>A <code>&lt;script&gt;*x*&lt;/script&gt;</code> and <em>besides</em> 3 * 4 "
                    "&lt;img src=x onerror=alert(1)&gt;.</p><p>Two.</p>")
    shown = method("`x` is *y*.")
    assert repr(shown) == "x is *y*." and "<code>x</code>" in shown._repr_html_()


@pytest.mark.parametrize("name", WRITTEN_BY_CODE)
def test_the_notebook_method_section_is_written_by_code(name):
    cells = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    at = next(i for i, c in enumerate(cells) if "".join(c["source"]).startswith("## Method"))
    assert "".join(cells[at]["source"]).strip() == "## Method"  # the heading only: no typed numbers
    nxt = cells[at + 1]
    assert nxt["cell_type"] == "code" and "method_note()" in "".join(nxt["source"])
    assert "remove-input" in nxt["metadata"].get("tags", [])


def test_overlap_method_follows_its_constants(monkeypatch):
    text = overlap_pkg.method_note()
    assert "at most seven days apart and their cosine is at least 0.15" in text
    assert "at least 80% of the shorter sentence's words" in text and "at least 60% of the shorter" in text
    assert "cut to their first four letters" in text and "at least 50% of the shorter sentence's 3-grams" in text
    assert "MinHash" not in text  # LSH is off by default: the paragraph names only what runs
    monkeypatch.setattr(events, "EVENT_MAX_DAYS", 1)
    monkeypatch.setattr(align, "MIN_COVERAGE", 0.9)
    monkeypatch.setattr(entries, "FOLD_LETTERS", 5)
    monkeypatch.setattr(containment, "CONTAINMENT_THRESHOLD", 0.6)
    text = overlap_pkg.method_note()
    assert "at most one day apart" in text and "at least 90% of" in text and "first five letters" in text
    assert "at least 60% of the shorter sentence's 3-grams" in text


def test_sentiment_method_follows_its_constants(monkeypatch):
    text = sentiment_pkg.method_note()
    assert "at +0.05 or above counts as positive" in text and "2,000 resamples" in text
    assert "at least five sentences" in text and "into fifths by sentence position" in text
    assert "scores 5,190 New York Times editorial sentences" in text and "less 27 words" in text
    monkeypatch.setattr(scoring, "THRESHOLD", 0.1)
    monkeypatch.setattr(intervals, "N_RESAMPLES", 500)
    monkeypatch.setattr(intervals, "MIN_SENTENCES_FOR_INTERVAL", 2)
    monkeypatch.setattr(positions, "POSITION_BINS", 4)
    text = sentiment_pkg.method_note()
    assert "at +0.10 or above" in text and "500 resamples" in text
    assert "at least two sentences" in text and "into quarters" in text
