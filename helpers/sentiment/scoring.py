"""Scoring: VADER compound scores for texts and sentences (NLTK's port, vaderSentiment's lexicon).

The scores come from NLTK's port of VADER (``nltk.sentiment.vader``) with the lexicon
that the ``vaderSentiment`` package ships, put where NLTK looks by
``helpers.nltk_data.ensure_nltk_data()`` (nothing is downloaded), less the words that are
neutral in news language (``helpers/data/news_neutral_words.csv``, see ``newswords``):
"his party will bolt the coalition" is not a celebration. The lexicon as shipped stays
available as the ``"nltk"`` implementation, for the before/after comparison.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from ..parallel import map_articles
from .newswords import news_lexicon, read_news_words
from .vader import SCORE_COLUMNS, CompiledVader

# VADER's own cut-offs for calling a compound score positive (>= 0.05), negative
# (<= -0.05) or neutral (in between): vaderSentiment README, "About the Scoring".
THRESHOLD = 0.05
LABELS = ("negative", "neutral", "positive")

# The first is the one every score in the notebook uses; the others are for comparison.
IMPLEMENTATIONS = {
    "news": "NLTK's VADER, news-neutral words set aside (used in this notebook)",
    "nltk": "NLTK's VADER, lexicon as shipped",
    "reference": "vaderSentiment 3.3.2 (reference implementation)",
}
USED = "news"

SENTENCE_SCORE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "sentence_n", "paragraph_n", "position",
    "start_char", "end_char", "text", "in_quote", "share_quoted",
    "neg", "neu", "pos", "compound", "label",
]


@functools.lru_cache(maxsize=1)
def shipped_analyzer():
    """NLTK's ``SentimentIntensityAnalyzer`` with the offline lexicon as shipped (cached).

    Calls ``helpers.nltk_data.ensure_nltk_data()`` first, which puts the
    ``vaderSentiment`` lexicon where NLTK looks; nothing is downloaded.
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from ..nltk_data import ensure_nltk_data

    ensure_nltk_data()
    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def analyzer():
    """The scorer every notebook score uses: NLTK's VADER without the news-neutral words (cached).

    A separate ``SentimentIntensityAnalyzer`` whose ``lexicon`` is the shipped one less
    the words of ``helpers/data/news_neutral_words.csv``; VADER's rules (negation,
    boosters, "but" ...) are unchanged, and a listed word scores as a word VADER does
    not know.
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    shipped = shipped_analyzer()  # also makes sure the lexicon file is in place
    sia = SentimentIntensityAnalyzer()
    sia.lexicon = news_lexicon(shipped.lexicon, read_news_words()["word"])
    return sia


@functools.lru_cache(maxsize=1)
def reference_analyzer():
    """The ``vaderSentiment`` package's own ``SentimentIntensityAnalyzer`` (cached)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=2)
def compiled_analyzer(implementation: str = USED) -> CompiledVader:
    """NLTK's scores for ``"news"`` or ``"nltk"`` (``analyzer``, ``shipped_analyzer``), computed
    faster and identically by ``helpers.sentiment.vader.CompiledVader`` (cached)."""
    return CompiledVader({"news": analyzer, "nltk": shipped_analyzer}[implementation]())


def score_texts(texts, *, implementation: str = USED) -> pd.DataFrame:
    """VADER scores of each text.

    Parameters
    ----------
    texts
        An iterable of strings (a missing value scores as an empty text).
    implementation
        ``"news"`` (NLTK's port without the news-neutral words, used throughout the
        notebook), ``"nltk"`` (NLTK's port, lexicon as shipped) or ``"reference"``
        (the ``vaderSentiment`` package), the last two for comparison. NLTK's scores
        are computed by ``compiled_analyzer`` (the same numbers, each distinct text once).

    Returns
    -------
    DataFrame
        One row per text, in order: ``neg, neu, pos, compound`` (floats). An empty
        text scores ``neu`` 0 and the rest 0, as VADER returns it.
    """
    if implementation not in IMPLEMENTATIONS:
        raise ValueError(f"implementation must be one of {sorted(IMPLEMENTATIONS)}")
    if implementation != "reference":
        return compiled_analyzer(implementation).score(texts)
    sia = reference_analyzer()
    rows = [sia.polarity_scores(t if isinstance(t, str) else "") for t in texts]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS, dtype="float64")


def label_scores(values, *, threshold: float = THRESHOLD) -> np.ndarray:
    """``"positive"`` (>= threshold), ``"negative"`` (<= -threshold) or ``"neutral"``."""
    values = np.asarray(values, dtype="float64")
    return np.where(values >= threshold, "positive", np.where(values <= -threshold, "negative", "neutral"))


def with_scores(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (with a ``text`` column) re-indexed from 0, plus ``neg, neu, pos, compound, label``."""
    scores = score_texts(table["text"])
    out = table.reset_index(drop=True).copy()
    for col in SCORE_COLUMNS:
        out[col] = scores[col].to_numpy()
    out["label"] = label_scores(out["compound"])
    return out


def _score_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """One chunk of ``score_sentences`` (whole articles: ``article_id, sentence_n, text``):
    only what scoring adds, ``position``, the scores and ``label``, one row per sentence."""
    scores = score_texts(sentences["text"])
    n_in_article = sentences.groupby("article_id")["sentence_n"].transform("max")
    out = pd.DataFrame({"position": ((sentences["sentence_n"] - 0.5) / n_in_article).to_numpy()})
    for col in SCORE_COLUMNS:
        out[col] = scores[col].to_numpy()
    out["label"] = label_scores(out["compound"])
    return out


def score_sentences(sentences: pd.DataFrame, *, n_jobs: int | None = None, client=None) -> pd.DataFrame:
    """Score every sentence with NLTK's VADER, news-neutral words set aside (``analyzer``).

    A corpus of ``helpers.parallel.MIN_PARALLEL_ARTICLES`` articles or more is scored
    in chunks of articles on every core (``n_jobs``), or on a Dask cluster
    (``client``); see ``helpers.parallel``. The table is the same either way.

    Parameters
    ----------
    sentences
        The output of ``helpers.text.split_sentences``. Not modified.

    Returns
    -------
    DataFrame
        One row per sentence, in the input's order: ``article_id, outlet,
        sentence_id, sentence_n, paragraph_n, position`` (where the sentence sits
        in its article, 0-1: the middle of its slot, ``(sentence_n - 0.5) /
        sentences in the article``, so the first of 10 is 0.05 and the last 0.95),
        ``start_char, end_char, text, in_quote, share_quoted`` (from the input),
        ``neg, neu, pos, compound`` (VADER) and ``label`` (negative / neutral /
        positive by the +/-0.05 cut-offs).
    """
    # The workers get and return only what scoring reads and adds: the other columns are
    # the input's own, shared with it rather than copied (half the memory at 100,000 articles).
    added = map_articles(_score_sentences, sentences[["article_id", "sentence_n", "text"]], n_jobs=n_jobs,
                         client=client, desc="sentiment")
    out = sentences.reset_index(drop=True)
    for col in added.columns:
        out[col] = added[col].array
    return out[SENTENCE_SCORE_COLUMNS]
