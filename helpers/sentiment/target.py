"""Target sentiment: the tone of a sentence toward one person mentioned in it (-1, 0, 1).

``target_sentiment(df)`` labels each (sentence, mention) as negative (-1), neutral (0) or
positive (1) toward the mention, which is a different question from the sentence's own
tone: in "Kerry condemned the attacks on Israelis" the sentence is negative, the stance
toward Kerry is not. The model is a multinomial logistic regression trained on NewsMTSC
(Hamborg & Donnay, EACL 2021; ``validation/newsmtsc/``) by ``python -m validation.newsmtsc
train``, over four views of each mention (``target_features``): TF-IDF words and word pairs
of the sentence with the mention replaced by a placeholder; TF-IDF letter sequences of the
same text; the words either side weighted by their distance; lexicon and position features.
A fixed offset per class, chosen by cross-validation on the training file to maximise
macro F1, is added to the linear scores before the highest is taken. It is stored as plain arrays
(``helpers/data/target_sentiment.npz``, read with ``allow_pickle=False``) and a JSON
vocabulary, so loading runs no code; the prediction is the arrays' arithmetic in numpy.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .scoring import analyzer
from .target_features import DENSE_FEATURES, lexicon_features, marked_text, proximity_weights

DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # helpers/data/
MODEL_FILE = DATA_DIR / "target_sentiment.npz"
VOCABULARY_FILE = DATA_DIR / "target_sentiment.json"
VADER_FEATURES = ("vader_neg", "vader_neu", "vader_pos", "vader_compound")  # the sentence's own VADER scores
FEATURE_NAMES = (*DENSE_FEATURES, *VADER_FEATURES)
TARGET_COLUMNS = ("sentence", "start", "end")
TARGET_LABELS = {-1: "negative", 0: "neutral", 1: "positive"}
# The two TF-IDF views of marked_text, as scikit-learn settings (training and prediction
# both build their vectorisers from these): words and word pairs seen in at least 2
# training sentences; letter sequences of 3-5 within words, seen in at least 5. Chosen on a
# held-out part of NewsMTSC's train.jsonl (validation/newsmtsc/README.md).
WORD_VIEW = dict(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+", lowercase=False)
CHAR_VIEW = dict(analyzer="char_wb", ngram_range=(3, 5), min_df=5, sublinear_tf=True)


class TargetModel(NamedTuple):
    """The trained model's arrays, as ``load_model`` reads them; columns in this order."""

    word_vocabulary: list[str]  # WORD_VIEW n-grams, in column order
    word_idf: np.ndarray
    char_vocabulary: list[str]  # CHAR_VIEW letter sequences
    char_idf: np.ndarray
    proximity_vocabulary: list[str]  # L_word / R_word
    dense_mean: np.ndarray  # standardising the FEATURE_NAMES columns
    dense_scale: np.ndarray
    dense_weight: float  # the standardised columns' weight beside the unit-length views
    coef: np.ndarray  # classes x all columns
    intercept: np.ndarray
    classes: np.ndarray  # -1, 0, 1
    class_offset: np.ndarray  # added to each class's score: chosen by cross-validation on train.jsonl for macro F1
    about: dict  # how it was trained: settings, rows, held-out scores


ARRAYS = ("word_idf", "char_idf", "dense_mean", "dense_scale", "coef", "intercept", "classes", "class_offset")
VOCABULARIES = ("word_vocabulary", "char_vocabulary", "proximity_vocabulary")


@functools.lru_cache(maxsize=2)
def load_model(path: str | Path = MODEL_FILE, vocabulary_path: str | Path = VOCABULARY_FILE) -> TargetModel:
    """Read the model's arrays (``np.load(..., allow_pickle=False)``) and its JSON vocabularies (cached)."""
    with np.load(path, allow_pickle=False) as arrays:
        parts = {name: arrays[name] for name in (*ARRAYS, "dense_weight")}
    about = json.loads(Path(vocabulary_path).read_text(encoding="utf-8"))
    vocabularies = {name: about.pop(name) for name in VOCABULARIES}
    if tuple(about["features"]) != FEATURE_NAMES:
        raise ValueError(f"{path} was trained on other features; retrain: python -m validation.newsmtsc train")
    return TargetModel(**vocabularies, **{k: parts[k] for k in ARRAYS}, dense_weight=float(parts["dense_weight"]),
                       about=about)


def save_model(model: TargetModel, path: Path = MODEL_FILE, vocabulary_path: Path = VOCABULARY_FILE) -> None:
    """Plain arrays in ``.npz``; the vocabularies (in column order) and settings in JSON."""
    np.savez_compressed(path, dense_weight=np.float64(model.dense_weight),
                        **{name: getattr(model, name) for name in ARRAYS})
    about = {**model.about, **{name: list(getattr(model, name)) for name in VOCABULARIES}}
    vocabulary_path.write_text(json.dumps(about, ensure_ascii=False) + "\n", encoding="utf-8")


def tfidf_vectorizer(settings: dict, vocabulary: list[str], idf: np.ndarray) -> TfidfVectorizer:
    """A scikit-learn vectoriser with a fixed vocabulary and IDF: no fitting, no pickle."""
    vectorizer = TfidfVectorizer(vocabulary=vocabulary, **{k: v for k, v in settings.items() if k != "min_df"})
    vectorizer.idf_ = idf
    return vectorizer


def proximity_matrix(weights: list[dict[str, float]], vocabulary: list[str]) -> sp.csr_matrix:
    """Rows of proximity weights over a fixed vocabulary, scaled to unit length (unknown words dropped)."""
    column = {term: i for i, term in enumerate(vocabulary)}
    indptr, indices, values = [0], [], []
    for row in weights:
        known = sorted((column[k], v) for k, v in row.items() if k in column)
        norm = np.sqrt(sum(v * v for _, v in known)) or 1.0
        indices += [c for c, _ in known]
        values += [v / norm for _, v in known]
        indptr.append(len(indices))
    return sp.csr_matrix((values, indices, indptr), shape=(len(weights), len(vocabulary)))


def dense_matrix(sentences: list[str], starts: list[int], ends: list[int]) -> np.ndarray:
    """The ``FEATURE_NAMES`` columns: lexicon features per mention, VADER scores per sentence."""
    if not sentences:
        return np.zeros((0, len(FEATURE_NAMES)))
    lexical = np.vstack([lexicon_features(s, a, b) for s, a, b in zip(sentences, starts, ends, strict=True)])
    vader = analyzer()
    scores = {s: vader.polarity_scores(s) for s in set(sentences)}  # once per distinct sentence
    keys = ("neg", "neu", "pos", "compound")
    return np.hstack([lexical, np.array([[scores[s][k] for k in keys] for s in sentences])])


def scaled_dense(dense: np.ndarray, *, mean, scale, weight: float) -> sp.csr_matrix:
    """Standardised dense columns times ``weight``, as a sparse block."""
    return sp.csr_matrix((dense - mean) / scale * weight)


def features(sentences: list[str], starts: list[int], ends: list[int], model: TargetModel) -> sp.csr_matrix:
    """The model's input for each mention: the four views side by side."""
    rows = list(zip(sentences, starts, ends, strict=True))
    texts = [marked_text(s, a, b) for s, a, b in rows]
    blocks = [
        tfidf_vectorizer(WORD_VIEW, model.word_vocabulary, model.word_idf).transform(texts),
        tfidf_vectorizer(CHAR_VIEW, model.char_vocabulary, model.char_idf).transform(texts),
        proximity_matrix([proximity_weights(s, a, b) for s, a, b in rows], model.proximity_vocabulary),
        scaled_dense(dense_matrix(sentences, starts, ends), mean=model.dense_mean, scale=model.dense_scale,
                     weight=model.dense_weight),
    ]
    return sp.hstack(blocks).tocsr()


def predict(matrix: sp.spmatrix, model: TargetModel) -> np.ndarray:
    """The class (-1, 0, 1) with the highest linear score plus class offset for each row (numpy, saved arrays)."""
    scores = matrix @ model.coef.T + model.intercept + model.class_offset
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
