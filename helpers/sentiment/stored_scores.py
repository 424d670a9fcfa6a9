"""Stored validation scores: the two validation sets scored once, used only while their key holds.

Every build of ``03_sentiment`` checks the method on two fixed sets: the 5,190 NYT editorial
sentences (three VADER scorers, ``helpers.sentiment.validation``) and the 1,146 NewsMTSC
mentions (the target model and VADER, ``helpers.sentiment.target_validation``). Scoring them
gives the same numbers every time and took 15-20 s of each build. ``python -m
validation.sentiment_scores`` scores them and writes the scores, dated, to
``helpers/data/validation_scores.csv``, one row per scored text, under a key per set: a
hash of the texts scored and of everything a score depends on (``KEY_FILES``: the helpers
code that scores, the news-neutral words, the target model's arrays, and the lexicon that
``vaderSentiment`` ships; plus the versions of ``KEY_LIBRARIES``).

Sharp edge: ``stored_scores`` returns the stored rows only when the key it computes now is
the stored one; otherwise None, and the caller scores afresh. A stale file is therefore
never used, only slower; ``tests/test_stored_scores.py`` fails until the file is written
again.
"""

from __future__ import annotations

import hashlib
import importlib.resources
from pathlib import Path

import numpy as np
import pandas as pd

from ..versions import library_versions
from .scoring import IMPLEMENTATIONS, USED, score_texts

HELPERS_DIR = Path(__file__).resolve().parent.parent  # helpers/
SCORES_FILE = HELPERS_DIR / "data" / "validation_scores.csv"
# What a stored score depends on, relative to helpers/: the scoring code and what it imports
# from helpers (tests/test_stored_scores.py checks the list against the imports), the data
# files it reads, and this module (the file's format).
KEY_FILES = (
    "sentiment/scoring.py", "sentiment/newswords.py", "sentiment/target.py", "sentiment/target_features.py",
    "sentiment/stored_scores.py", "sentiment/vader.py", "sentiment/vader_rules.py",
    "nltk_data.py", "versions.py", "paths.py", "parallel.py", "wordlists.py", "quotes/vocabulary.py",
    "data/news_neutral_words.csv", "data/speech_verbs.csv", "data/titles.csv", "data/afinn.csv",
    "data/target_sentiment.npz", "data/target_sentiment.json",
)
KEY_LIBRARIES = ("nltk", "vaderSentiment", "scikit-learn", "scipy", "numpy", "pandas")
# The sets: the columns of the loaded table that identify and hold each scored text.
SETS = {
    "nyt": ("id", "text"),  # helpers.sentiment.load_benchmark().sentences
    "newsmtsc": ("sentence_id", "sentence", "start", "end", "mention"),  # load_newsmtsc()
}
SCORE_COLUMNS = ["set", "n", "id", *IMPLEMENTATIONS, "model"]
HEADER = (
    "# Scores of 03_sentiment's two validation sets, computed once so a build need not score them again\n"
    "# (helpers/sentiment/stored_scores.py). One row per scored text, in the order of the set as loaded:\n"
    "# nyt = validation/vader-nyt (n = row of load_benchmark().sentences, id = the sentence's id; VADER\n"
    "# compound scores by the three scorers of helpers.sentiment.scoring.IMPLEMENTATIONS); newsmtsc =\n"
    "# validation/newsmtsc/devtest_rw.jsonl (n = row of load_newsmtsc(), id = sentence_id; news = the\n"
    "# sentence's compound score, model = target_sentiment's label, -1/0/1). Both sets are MIT-licensed,\n"
    "# as are these scores. A set's rows are used only while its key below is the one computed now.\n"
)
KEY_PREFIX = "# key "
DATE_PREFIX = "# written by python -m validation.sentiment_scores on "


def vader_lexicon() -> bytes:
    """The bytes of the lexicon ``vaderSentiment`` ships (NLTK's scorers read it too)."""
    return importlib.resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()


def scores_key(name: str, table: pd.DataFrame) -> str:
    """The key of set ``name`` scored now: a hash of its texts (``SETS[name]`` columns), of
    ``KEY_FILES``, of the lexicon ``vaderSentiment`` ships and of the ``KEY_LIBRARIES`` versions."""
    digest = hashlib.sha256(name.encode())
    for relative in KEY_FILES:
        digest.update(b"\0" + relative.encode() + b"\0" + (HELPERS_DIR / relative).read_bytes())
    digest.update(b"\0lexicon\0" + vader_lexicon() + b"\0" + library_versions(KEY_LIBRARIES))
    texts = table[list(SETS[name])].astype(str)
    digest.update(str(len(texts)).encode())
    digest.update(pd.util.hash_pandas_object(texts, index=False).to_numpy().tobytes())
    return digest.hexdigest()[:32]


def fresh_scores(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """Score set ``name`` now. Returns ``SCORE_COLUMNS``: ``set, n, id``, one compound-score
    column per implementation (newsmtsc: ``news`` only) and ``model`` (newsmtsc: -1/0/1)."""
    from .target import target_sentiment

    out = pd.DataFrame({"set": name, "n": np.arange(len(table)), "id": table[SETS[name][0]].astype(str).to_numpy()})
    for implementation in IMPLEMENTATIONS:
        if name == "nyt" or implementation == USED:
            scores = score_texts(table[SETS[name][1]], implementation=implementation)
            out[implementation] = scores["compound"].to_numpy()
        else:
            out[implementation] = np.nan
    out["model"] = pd.array(target_sentiment(table) if name == "newsmtsc" else [pd.NA] * len(table), dtype="Int64")
    return out[SCORE_COLUMNS]


def write_scores(tables: dict[str, pd.DataFrame], date: str, path: Path = SCORES_FILE) -> pd.DataFrame:
    """Score each set of ``tables`` (name -> loaded table) and write ``path`` under ``HEADER``,
    the date and each set's key; return the rows written."""
    rows = pd.concat([fresh_scores(name, table) for name, table in tables.items()], ignore_index=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER + f"{DATE_PREFIX}{date}\n")
        handle.writelines(f"{KEY_PREFIX}{name}: {scores_key(name, table)}\n" for name, table in tables.items())
        rows.to_csv(handle, index=False, lineterminator="\n")
    return rows


def read_scores(path: Path | None = None) -> tuple[dict[str, str], pd.DataFrame]:
    """The keys (set -> key) and the rows of a file ``write_scores`` wrote (pandas reads the floats
    back exactly: ``tests/test_stored_scores.py`` compares them with scoring afresh)."""
    keys, skip, path = {}, 0, path or SCORES_FILE
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            skip += 1
            if line.startswith(KEY_PREFIX):
                name, _, key = line[len(KEY_PREFIX):].partition(":")
                keys[name.strip()] = key.strip()
    rows = pd.read_csv(path, skiprows=skip, dtype={"set": str, "id": str, "model": "Int64"},
                       keep_default_na=False, na_values=[""])
    return keys, rows


def stored_scores(name: str, table: pd.DataFrame, path: Path | None = None) -> pd.DataFrame | None:
    """The stored rows of set ``name`` (``SCORE_COLUMNS``, ``n`` from 0) when ``path`` (default ``SCORES_FILE``) holds
    them under the key ``table`` and the current files give; else None (score afresh)."""
    try:
        keys, rows = read_scores(path)
    except (OSError, ValueError):
        return None
    rows = rows[rows["set"] == name].reset_index(drop=True)
    if keys.get(name) != scores_key(name, table) or len(rows) != len(table):
        return None
    return rows
