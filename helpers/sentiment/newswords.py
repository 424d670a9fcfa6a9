"""News words: the VADER lexicon words that are neutral in news language, chosen by a stated rule.

VADER's lexicon was rated by people reading social-media text, where *party* is a
celebration and *support* a kindness. In news they name institutions and process ("his
party will bolt the coalition", "support for the bill"). The words listed in
``helpers/data/news_neutral_words.csv`` are taken out of the lexicon the scorer uses
(``helpers.sentiment.scoring.analyzer``), so they count as neutral words.

The list is chosen by a rule that never looks at the half of the NYT benchmark the report
measures it on (``benchmark_half``): a lexicon word qualifies when it occurs in at least
``MIN_NEWS_SHARE`` of the sentences of a news corpus (NewsMTSC, Hamborg & Donnay 2021), and
the mean human rating of the ``MIN_SELECTION_SENTENCES`` or more selection-half sentences
that contain it is not on the side of zero its lexicon value is on (``select_news_words``).
A second, short group comes from reading the sample corpus (issue 16); the file names the
rule of every entry.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

NEWS_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "news_neutral_words.csv"
NEWS_WORDS_COLUMNS = ["word", "rule", "news_sense", "valence", "n_news", "share_news",
                      "n_selection", "mean_selection_rating"]
RULES = {
    "news-frequent": "frequent in news and rated against their lexicon sign on the selection half",
    "issue-16": "misread in the sample corpus (issue 16)",
}

# The rule's two thresholds, fixed before the held-out half was scored: a word must be in
# 1 of every 400 news sentences (0.25%), and in 5 or more selection-half sentences so that
# their mean rating is not one sentence's.
MIN_NEWS_SHARE = 0.0025
MIN_SELECTION_SENTENCES = 5

# The benchmark is split by editorial, never inside one: odd-numbered editorials choose
# the words ("selection"), even-numbered ones only measure them ("held-out").
HALVES = ("selection", "held-out")

# A word as VADER looks words up once punctuation is stripped: letters, with an inner
# apostrophe ("don't"); lower-cased before matching.
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")

SELECTION_COLUMNS = ["word", "valence", "n_news", "share_news", "n_selection", "mean_selection_rating", "chosen"]


def read_news_words(path: str | Path = NEWS_WORDS_FILE) -> pd.DataFrame:
    """The news-neutral word list, past its ``#`` header comments.

    Returns
    -------
    DataFrame
        One row per word: ``word`` (lower case), ``rule`` (a key of ``RULES``),
        ``news_sense`` (why the word is neutral in news), ``valence`` (its VADER
        value), ``n_news, share_news`` (news sentences containing it, NewsMTSC),
        ``n_selection, mean_selection_rating`` (selection-half sentences containing
        it, and their mean human rating on -1...1; empty for issue-16 words).
    """
    table = pd.read_csv(path, comment="#", dtype={"word": str, "rule": str, "news_sense": str})
    missing = set(NEWS_WORDS_COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    unknown = sorted(set(table["rule"]) - set(RULES))
    if unknown:
        raise ValueError(f"{path}: unknown rule(s) {unknown}; expected one of {sorted(RULES)}")
    if table["word"].duplicated().any():
        raise ValueError(f"{path}: repeated words {sorted(table.loc[table['word'].duplicated(), 'word'])}")
    return table[NEWS_WORDS_COLUMNS]


def news_lexicon(lexicon: dict[str, float], words) -> dict[str, float]:
    """``lexicon`` without ``words`` (a new dict; the words then score as neutral)."""
    drop = {str(w).lower() for w in words}
    return {w: v for w, v in lexicon.items() if w not in drop}


def benchmark_half(benchmark: pd.DataFrame) -> pd.Series:
    """``"selection"`` for odd-numbered editorials, ``"held-out"`` for even ones, per row."""
    return pd.Series(np.where(benchmark["editorial"] % 2 == 1, *HALVES), index=benchmark.index, name="half")


def read_news_sentences(paths) -> list[str]:
    """The ``sentence_normalized`` field of NewsMTSC's JSON-lines files, each sentence once."""
    sentences = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            sentences += [json.loads(line)["sentence_normalized"] for line in handle if line.strip()]
    return list(dict.fromkeys(s.replace("\u2019", "'") for s in sentences))


def _word_sets(texts) -> list[set[str]]:
    return [set(WORD.findall(str(t).lower())) for t in texts]


def select_news_words(news_sentences, selection: pd.DataFrame, lexicon: dict[str, float], *,
                      min_news_share: float = MIN_NEWS_SHARE,
                      min_sentences: int = MIN_SELECTION_SENTENCES) -> pd.DataFrame:
    """Apply the rule: the lexicon words frequent in news whose rated sentences disagree with their sign.

    Parameters
    ----------
    news_sentences
        Sentences of news text (not the benchmark).
    selection
        The benchmark sentences the rule may look at (``text`` and ``human``, -1...1):
        the selection half only.
    lexicon
        VADER's lexicon as shipped (word -> valence).

    Returns
    -------
    DataFrame
        One row per lexicon word in at least ``min_news_share`` of the news sentences,
        most frequent first: ``word, valence, n_news, share_news, n_selection,
        mean_selection_rating`` and ``chosen`` (``n_selection >= min_sentences`` and
        ``sign(valence) * mean_selection_rating <= 0``).
    """
    news_sets = _word_sets(news_sentences)
    counts = pd.Series([w for s in news_sets for w in s if w in lexicon], dtype=object).value_counts()
    frequent = counts[counts >= min_news_share * len(news_sets)]
    selection_sets = _word_sets(selection["text"])
    human = selection["human"].to_numpy(dtype="float64")
    rows = []
    for word, n_news in frequent.items():
        inside = np.array([word in s for s in selection_sets], dtype=bool)
        mean = float(human[inside].mean()) if inside.any() else float("nan")
        chosen = bool(inside.sum() >= min_sentences and np.sign(lexicon[word]) * mean <= 0)
        rows.append((word, lexicon[word], int(n_news), n_news / len(news_sets), int(inside.sum()), mean, chosen))
    table = pd.DataFrame(rows, columns=SELECTION_COLUMNS)
    return table.sort_values(["n_news", "word"], ascending=[False, True], ignore_index=True)
