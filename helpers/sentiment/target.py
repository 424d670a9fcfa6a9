"""Target sentiment: the tone of a sentence toward one person mentioned in it (-1, 0, 1).

``target_sentiment(df)`` labels each (sentence, mention) as negative (-1), neutral (0) or
positive (1) toward the mention, which is a different question from the sentence's own
tone: in "Kerry condemned the attacks on Israelis" the sentence is negative, the stance
toward Kerry is not. The model is a multinomial logistic regression trained on NewsMTSC
(Hamborg & Donnay, EACL 2021; ``validation/newsmtsc/``) by ``python -m validation.newsmtsc
train``, over TF-IDF word pairs of the sentence with the mention replaced by a placeholder
and the lexicon features of ``target_features``. It is stored as plain arrays
(``helpers/data/target_sentiment.npz``, read with ``allow_pickle=False``) and a JSON
vocabulary, so loading runs no code; the prediction is the arrays' arithmetic in numpy.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .scoring import analyzer
from .target_features import DENSE_FEATURES, lexicon_features, marked_text

DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # helpers/data/
MODEL_FILE = DATA_DIR / "target_sentiment.npz"
VOCABULARY_FILE = DATA_DIR / "target_sentiment.json"
VADER_FEATURES = ("vader_neg", "vader_neu", "vader_pos", "vader_compound")  # the sentence's own VADER scores
FEATURE_NAMES = (*DENSE_FEATURES, *VADER_FEATURES)
TARGET_COLUMNS = ("sentence", "start", "end")
TARGET_LABELS = {-1: "negative", 0: "neutral", 1: "positive"}
NGRAMS = (1, 2)  # word n-grams of marked_text that the TF-IDF part counts


class TargetModel(NamedTuple):
    """The trained model's arrays, as ``load_model`` reads them."""

    vocabulary: dict[str, int]  # n-gram -> column
    idf: np.ndarray  # one per n-gram
    dense_mean: np.ndarray  # standardising the FEATURE_NAMES columns
    dense_scale: np.ndarray
    dense_weight: float  # the standardised columns' weight beside the unit-length TF-IDF row
    coef: np.ndarray  # classes x (n-grams + dense features)
    intercept: np.ndarray
    classes: np.ndarray  # -1, 0, 1
    about: dict  # how it was trained: data, split, settings, held-out scores


@functools.lru_cache(maxsize=2)
def load_model(path: str | Path = MODEL_FILE, vocabulary_path: str | Path = VOCABULARY_FILE) -> TargetModel:
    """Read the model's arrays (``np.load(..., allow_pickle=False)``) and its JSON vocabulary (cached)."""
    with np.load(path, allow_pickle=False) as arrays:
        parts = {name: arrays[name] for name in arrays.files}
    about = json.loads(Path(vocabulary_path).read_text(encoding="utf-8"))
    vocabulary = {term: i for i, term in enumerate(about.pop("vocabulary"))}
    if tuple(about["features"]) != FEATURE_NAMES:
        raise ValueError(f"{path} was trained on other features; retrain: python -m validation.newsmtsc train")
    return TargetModel(
        vocabulary, parts["idf"], parts["dense_mean"], parts["dense_scale"], float(parts["dense_weight"]),
        parts["coef"], parts["intercept"], parts["classes"], about,
    )


def ngrams(text: str) -> list[str]:
    """The word n-grams (``NGRAMS``) of a space-joined text, as scikit-learn's analyzer makes them."""
    words = text.split()
    out = []
    for n in range(NGRAMS[0], NGRAMS[1] + 1):
        out += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return out


def tfidf_matrix(texts: list[str], vocabulary: dict[str, int], idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF-IDF rows of unit length, as ``TfidfVectorizer(sublinear_tf=True)`` gives them."""
    indptr, indices, values = [0], [], []
    for text in texts:
        counts = Counter(g for g in ngrams(text) if g in vocabulary)
        cols = sorted(vocabulary[g] for g in counts)
        inverse = {vocabulary[g]: c for g, c in counts.items()}
        row = np.array([(1.0 + math.log(inverse[c])) * idf[c] for c in cols])
        norm = np.sqrt((row**2).sum()) if len(row) else 1.0
        indices += cols
        values += list(row / norm if norm else row)
        indptr.append(len(indices))
    return sp.csr_matrix((values, indices, indptr), shape=(len(texts), len(idf)))


def dense_matrix(sentences: list[str], starts: list[int], ends: list[int]) -> np.ndarray:
    """The ``FEATURE_NAMES`` columns: lexicon features per mention, VADER scores per sentence."""
    if not sentences:
        return np.zeros((0, len(FEATURE_NAMES)))
    lexical = np.vstack([lexicon_features(s, a, b) for s, a, b in zip(sentences, starts, ends, strict=True)])
    vader = analyzer()
    scores = {s: [vader.polarity_scores(s)[k] for k in ("neg", "neu", "pos", "compound")] for s in set(sentences)}
    return np.hstack([lexical, np.array([scores[s] for s in sentences])])


def design_matrix(text_rows: sp.spmatrix, dense: np.ndarray, *, mean, scale, weight: float) -> sp.csr_matrix:
    """TF-IDF rows beside the standardised dense columns times ``weight``: what the model sees."""
    scaled = (dense - mean) / scale * weight
    return sp.hstack([text_rows, sp.csr_matrix(scaled)]).tocsr()


def features(sentences: list[str], starts: list[int], ends: list[int], model: TargetModel) -> sp.csr_matrix:
    """The model's input for each mention."""
    texts = [marked_text(s, a, b) for s, a, b in zip(sentences, starts, ends, strict=True)]
    return design_matrix(
        tfidf_matrix(texts, model.vocabulary, model.idf), dense_matrix(sentences, starts, ends),
        mean=model.dense_mean, scale=model.dense_scale, weight=model.dense_weight,
    )


def predict(matrix: sp.spmatrix, model: TargetModel) -> np.ndarray:
    """The class (-1, 0, 1) with the highest linear score for each row."""
    scores = matrix @ model.coef.T + model.intercept
    return model.classes[np.asarray(scores).argmax(axis=1)]


def _checked(df: pd.DataFrame) -> tuple[list[str], list[int], list[int]]:
    missing = [c for c in TARGET_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"target_sentiment needs columns {', '.join(TARGET_COLUMNS)}; missing: {', '.join(missing)}")
    sentences, starts, ends = [], [], []
    for label, sentence, start, end in zip(df.index, df["sentence"], df["start"], df["end"], strict=True):
        if not isinstance(sentence, str):
            raise ValueError(f"row {label!r}: sentence is {type(sentence).__name__}, not text")
        ok = all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in (start, end))
        if not ok or not 0 <= start < end <= len(sentence):
            raise ValueError(
                f"row {label!r}: start={start!r}, end={end!r} is not a mention inside the sentence "
                f"(whole numbers, 0 <= start < end <= {len(sentence)})"
            )
        sentences.append(sentence)
        starts.append(int(start))
        ends.append(int(end))
    return sentences, starts, ends


def target_sentiment(df: pd.DataFrame, *, model: TargetModel | None = None) -> pd.Series:
    """The tone of each sentence toward its mention: -1 negative, 0 neutral, 1 positive.

    Parameters
    ----------
    df
        ``sentence`` (text), ``start`` and ``end`` (character offsets of the mention,
        ``sentence[start:end]``); other columns are ignored.
    model
        The default is the shipped one (``load_model()``).

    Returns
    -------
    Series
        One integer label per row, in ``df``'s order and with its index, named
        ``target_sentiment``.

    Raises
    ------
    ValueError
        A missing column, or a row (named by its index label) whose sentence is not
        text or whose offsets are not whole numbers with 0 <= start < end <= its length.
    """
    sentences, starts, ends = _checked(df)
    model = model or load_model()
    labels = predict(features(sentences, starts, ends, model), model) if sentences else np.zeros(0, dtype=int)
    return pd.Series(labels.astype(int), index=df.index, name="target_sentiment")
