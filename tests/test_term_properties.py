"""Properties of the term counts and framing hits that must hold on any corpus (issue 16),
checked on the sample corpus and on a synthetic corpus written here:

- every word in the term counts table is counted as often as it occurs in the cleaned
  bodies, a word being what the tokenizer makes of the text (a hyphenated compound's
  parts each a word, "United States" the one name of the country);
- every occurrence leads back to its text (article, sentence, offsets);
- every framing hit is one span of text, counted once.
"""

from __future__ import annotations

import random
import re
import warnings
from collections import Counter
from itertools import pairwise

import pandas as pd
import pytest

from helpers import terms
from helpers.corpus import CorpusWarning, load_corpus
from helpers.paths import DEFAULT_CORPUS_DIR
from helpers.text import split_sentences, tokenize
from tests.conftest import write_corpus


def _reference_counts(tokens: pd.DataFrame, sentences: pd.DataFrame) -> Counter:
    """(outlet, word) -> occurrences, computed from the tokenizer's tokens alone: split at
    hyphens, lower-cased; "United States" counted as the country, not as its two words."""
    outlet = sentences.set_index("sentence_id")["outlet"]
    counts: Counter = Counter()
    previous = (None, None)  # (sentence, part) of the last part seen
    for sentence_id, token in zip(tokens["sentence_id"], tokens["token"], strict=True):
        parts = [p for p in token.split("-") if p]
        if len(parts) < 2 or not all(re.search(r"[^\W_]", p) for p in parts):
            parts = [token]
        for part in parts:
            where = outlet[sentence_id]
            if part in terms.COUNTRY_FORMS:
                counts[(where, terms.COUNTRY_TERM)] += 1
            elif part == "States" and previous == (sentence_id, "United"):
                counts[(where, "united")] -= 1
                counts[(where, terms.COUNTRY_TERM)] += 1
            else:
                counts[(where, part.lower())] += 1
            previous = (sentence_id, part)
    return counts


def _forms(text: str) -> dict[str, int]:
    """``"prisoners 4, prisoner 1"`` -> {"prisoners": 4, "prisoner": 1}."""
    pairs = (item.rsplit(" ", 1) for item in text.split(", "))
    return {form: int(n) for form, n in pairs}


def _check_counts(articles: pd.DataFrame, stem: str | None) -> int:
    """Every word's count (and every form's, when stemmed) equals the reference; every
    occurrence's offsets give its text. Returns how many words were checked."""
    sentences = split_sentences(articles)
    tokens = tokenize(sentences)
    phrases = terms.phrases_to_join(tokens, sentences)
    occurrences = terms.term_occurrences(tokens, sentences, stem=stem, phrases=phrases)
    totals = terms.word_totals(tokens, sentences, occurrences)
    counts = terms.term_counts(occurrences, totals)
    reference = _reference_counts(tokens, sentences)
    words = counts[counts["kind"] == "word"]
    checked = 0
    for row in words.itertuples():
        if row.term == terms.COUNTRY_TERM:
            assert row.n == reference[(row.outlet, terms.COUNTRY_TERM)], row
            continue
        for form, n in _forms(row.forms).items():
            assert n == reference[(row.outlet, form)], (row.outlet, form, n)
        assert row.n == sum(_forms(row.forms).values())
        checked += 1
    assert (words.groupby("outlet")["n"].sum() == totals.set_index("outlet")["n_terms"]).all()
    bodies = articles.set_index("article_id")["body"]
    for row in occurrences.itertuples():
        text = bodies[row.article_id][row.start_char:row.end_char]
        if row.kind == "word":
            assert text == row.token, row
        else:
            assert " ".join(re.split(r"[\s-]+", text.lower())) == row.form, row
        assert row.sentence_id.startswith(f"{row.article_id}:")
    return checked


def _check_framing(articles: pd.DataFrame, framing: pd.DataFrame) -> pd.DataFrame:
    """Every framing hit is one span of its text, counted once (senses read with the
    sample corpus's cues); returns the hits."""
    sentences = split_sentences(articles)
    tokens = tokenize(sentences)
    senses = terms.load_framing_senses(DEFAULT_CORPUS_DIR)
    matches = terms.framing_matches(tokens, sentences, framing, senses=senses)
    occurrences = terms.term_occurrences(tokens, sentences)
    totals = terms.word_totals(tokens, sentences, occurrences)
    counts = terms.framing_counts(matches, totals, framing)
    bodies = articles.set_index("article_id")["body"]
    for row in matches.itertuples():
        text = bodies[row.article_id][row.start_char:row.end_char]
        assert " ".join(text.split()) == row.match
    for (_, _), hits in matches.groupby(["article_id", "group"]):
        spans = sorted(zip(hits.start_char, hits.end_char, strict=True))
        assert all(end <= nxt for (_, end), (nxt, _) in pairwise(spans)), spans
    counted = matches[matches["sense"].isin(terms.COUNTED)]
    expected = counted.groupby(["outlet", "group"]).size()
    got = counts.set_index(["outlet", "group"])["n"]
    assert got[got > 0].sort_index().to_dict() == expected.sort_index().to_dict()
    assert counts["n"].sum() + counts["n_other_sense"].sum() == len(matches)
    return matches


@pytest.fixture(scope="module")
def sample(seed_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(seed_dir).articles, terms.load_framing(seed_dir)


@pytest.mark.parametrize("stem", [None, "snowball"])
def test_sample_word_counts_equal_their_occurrences(sample, stem):
    assert _check_counts(sample[0], stem) > 300


def test_sample_framing_hits_are_single_spans(sample):
    matches = _check_framing(*sample)
    assert (matches["match"] == "prisoner release").sum() == 4  # one hit each, not two


# A synthetic corpus: sentences drawn from these, with names, phrases, compounds, the
# country in several spellings and framing words in both senses.
SENTENCES = [
    "Kerry said the talks would go on.",
    "Secretary Kerry said the West Bank talks were stalled.",
    "The Netanyahu-Kerry meeting ended without a deal.",
    "The U.S.-brokered prisoner release was delayed again.",
    "Officials in the United States said the prisoner release would happen.",
    "Israel freed prisoners last year, and the US welcomed it.",
    "The ministry released a statement on Monday.",
    "Both sides want a negotiated settlement to the conflict.",
    "Settlement construction in the West Bank went on.",
    "The release was postponed, a spokesman said.",
    "Palestinian leaders met in Ramallah; Israeli-Palestinian talks resumed.",
    "U.S. officials said the West Bank settlements would grow.",
]
FRAMING = pd.DataFrame({
    "group": ["prisoners", "prisoners", "prisoners", "settlements", "place"],
    "term": ["prisoner*", "releas*", "freed", "settlement*", "west bank"],
})


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    rng = random.Random(16)
    outlets = ["North Post", "South Times", "East Wire"]
    articles = [dict(file=f"s{i}.txt", outlet=outlets[i % 3], date=f"2014-04-{i + 1:02d}",
                     text=" ".join(rng.choice(SENTENCES) for _ in range(14)) + "\n")
                for i in range(9)]
    folder = write_corpus(tmp_path_factory.mktemp("synthetic") / "c", articles)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(folder).articles


@pytest.mark.parametrize("stem", [None, "snowball"])
def test_synthetic_word_counts_equal_their_occurrences(synthetic, stem):
    assert _check_counts(synthetic, stem) >= 40


def test_synthetic_framing_hits_are_single_spans(synthetic):
    matches = _check_framing(synthetic, FRAMING)
    senses = matches.groupby("match")["sense"].agg(set)
    assert senses["prisoner release"] == {"in"} and senses["freed prisoners"] == {"in"}
    assert senses["released"] == {"other"}  # "released a statement"
    assert matches.query("match == 'settlement'")["sense"].isin(["other", "in"]).all()
    assert set(matches.loc[matches.match == "release", "sense"]) == {"ambiguous"}
