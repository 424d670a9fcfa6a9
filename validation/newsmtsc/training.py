"""Training and evaluating the tone-toward-a-mention model on NewsMTSC (used by ``__main__``).

Trains on ``train.jsonl`` only: the settings were chosen on a held-out fifth of it (split
by sentence, so one sentence's mentions stay on one side); ``devtest_rw.jsonl`` is read
by ``evaluate`` alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler, normalize

from helpers.sentiment.target import (
    CHAR_VIEW,
    FEATURE_NAMES,
    WORD_VIEW,
    TargetModel,
    dense_matrix,
    features,
    predict,
    scaled_dense,
)
from helpers.sentiment.target_features import marked_text, proximity_weights, tokens
from helpers.sentiment.target_validation import NEWSMTSC_TEST, NEWSMTSC_TRAIN, load_newsmtsc, target_scores

TRAIN_FILE = NEWSMTSC_TRAIN
DEVTEST_FILE = NEWSMTSC_TEST
N_FOLDS = 5  # cross-validation folds of train.jsonl, by sentence; the first is "the held-out fifth"
SPLIT_SEED = 0
# Chosen on the held-out part (README.md, "What each idea gained"), with WORD_VIEW and
# CHAR_VIEW in helpers.sentiment.target: the dense columns' weight; the inverse
# regularisation C; classes weighted by their inverse frequency, as macro F1 weighs them equally.
DENSE_WEIGHT = 0.3
C = 0.5
CLASS_WEIGHT = "balanced"
MAX_ITER = 5000
VIEWS = ("word", "char", "proximity", "dense")
LABELS = (-1, 0, 1)
# Class offsets tried (the negative and the positive class's; the neutral one stays 0), in
# order of size so that a tie keeps the smaller offset.
OFFSET_GRID = tuple(sorted(np.round(np.arange(-1.0, 1.0001, 0.05), 2), key=lambda v: (abs(v), v)))


def load_split(path: str | Path) -> pd.DataFrame:
    """One row per (sentence, mention) of a NewsMTSC file (``helpers.sentiment.target_validation``)."""
    return load_newsmtsc(path)


def folds(data: pd.DataFrame) -> list[tuple[np.ndarray, np.ndarray]]:
    """``N_FOLDS`` (fitting rows, held-out rows) pairs, whole sentences on each side, seeded."""
    split = GroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=SPLIT_SEED)
    return list(split.split(data, data["label"], groups=data["sentence"]))


def held_out_split(data: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row positions of the fitting part and the held-out fifth: the first of ``folds``."""
    return folds(data)[0]


class Fitted(NamedTuple):
    """A fit: the arrays the API reads, and scikit-learn's objects to check them against."""

    model: TargetModel
    transformers: dict  # view -> fitted scikit-learn object (the scaler for "dense")
    classifier: LogisticRegression
    options: dict  # mark, views, dense_keep


def texts_of(data: pd.DataFrame, *, mark: bool = True) -> list[str]:
    """Each row's marked sentence, or with ``mark=False`` its plain tokens."""
    rows = zip(data["sentence"], data["start"], data["end"], strict=True)
    return [marked_text(s, a, b) if mark else " ".join(tokens(s)) for s, a, b in rows]


def dense_of(data: pd.DataFrame, *, keep: tuple[str, ...] = FEATURE_NAMES) -> np.ndarray:
    """The dense columns, those not named in ``keep`` set to zero."""
    dense = dense_matrix(list(data["sentence"]), list(data["start"]), list(data["end"]))
    dense[:, [i for i, name in enumerate(FEATURE_NAMES) if name not in keep]] = 0.0
    return dense


def blocks(data: pd.DataFrame, transformers: dict, options: dict, *, fitting: bool) -> list:
    """Each view's block for ``data``, fitting the transformers first when ``fitting``."""
    texts = texts_of(data, mark=options["mark"])
    out = []
    for view in options["views"]:
        step = transformers[view]
        if view in ("word", "char"):
            out.append(step.fit_transform(texts) if fitting else step.transform(texts))
        elif view == "proximity":
            rows = zip(data["sentence"], data["start"], data["end"], strict=True)
            weights = [proximity_weights(s, a, b) for s, a, b in rows]
            out.append(normalize(step.fit_transform(weights) if fitting else step.transform(weights)))
        else:
            dense = dense_of(data, keep=options["dense_keep"])
            step = step.fit(dense) if fitting else step
            out.append(scaled_dense(dense, mean=step.mean_, scale=step.scale_, weight=options["dense_weight"]))
    return out


def fit(data: pd.DataFrame, *, c: float = C, class_weight: str | None = CLASS_WEIGHT, mark: bool = True,
        views: tuple[str, ...] = VIEWS, dense_keep: tuple[str, ...] = FEATURE_NAMES,
        dense_weight: float = DENSE_WEIGHT) -> Fitted:
    """Fit the views and the logistic regression with scikit-learn.

    ``mark=False`` (the mention's own words instead of the placeholder), fewer ``views`` and
    ``dense_keep`` (dense columns kept; the others are zeroed) serve the ablation table.
    """
    options = dict(mark=mark, views=views, dense_keep=dense_keep, dense_weight=dense_weight)
    transformers = {"word": TfidfVectorizer(**WORD_VIEW), "char": TfidfVectorizer(**CHAR_VIEW),
                    "proximity": DictVectorizer(), "dense": StandardScaler()}
    matrix = sp.hstack(blocks(data, transformers, options, fitting=True)).tocsr()
    classifier = LogisticRegression(C=c, class_weight=class_weight, max_iter=MAX_ITER)
    classifier.fit(matrix, data["label"].to_numpy())
    about = {"features": list(FEATURE_NAMES), "word_view": {k: list(v) if isinstance(v, tuple) else v
             for k, v in WORD_VIEW.items()}, "char_view": {k: list(v) if isinstance(v, tuple) else v
             for k, v in CHAR_VIEW.items()}, "C": c, "class_weight": class_weight, "n_rows": len(data),
             "n_columns": matrix.shape[1]}
    model = None
    if views == VIEWS and mark:
        word, char, prox, scaler = (transformers[v] for v in VIEWS)
        model = TargetModel(
            list(word.get_feature_names_out()), word.idf_, list(char.get_feature_names_out()), char.idf_,
            list(prox.feature_names_), scaler.mean_, scaler.scale_, dense_weight,
            classifier.coef_, classifier.intercept_, classifier.classes_.astype(np.int64),
            np.zeros(len(classifier.classes_)), about,
        )
    return Fitted(model, transformers, classifier, options)


def sklearn_scores(data: pd.DataFrame, fitted: Fitted) -> np.ndarray:
    """scikit-learn's linear score of each class (columns in ``LABELS`` order) for each row."""
    matrix = sp.hstack(blocks(data, fitted.transformers, fitted.options, fitting=False)).tocsr()
    return fitted.classifier.decision_function(matrix)


def sklearn_labels(data: pd.DataFrame, fitted: Fitted, offset=None) -> np.ndarray:
    """The labels from scikit-learn's transforms and scores plus ``offset`` (default: the fit's), to check numpy's."""
    if offset is None:
        offset = fitted.model.class_offset if fitted.model is not None else np.zeros(len(LABELS))
    return np.asarray(LABELS)[(sklearn_scores(data, fitted) + offset).argmax(axis=1)]


def with_offset(fitted: Fitted, offset: np.ndarray) -> Fitted:
    """The same fit with the class offsets set."""
    return fitted._replace(model=fitted.model._replace(class_offset=np.asarray(offset, dtype=float)))


def best_offset(scores: np.ndarray, truth) -> np.ndarray:
    """The class offsets (negative, 0, positive) from ``OFFSET_GRID`` that give ``scores`` the best macro F1."""
    truth, best, choice = np.searchsorted(LABELS, np.asarray(truth)), -1.0, np.zeros(len(LABELS))
    for negative in OFFSET_GRID:
        for positive in OFFSET_GRID:
            offset = np.array([negative, 0.0, positive])
            value = macro_f1(truth, (scores + offset).argmax(axis=1))
            if value > best + 1e-12:
                best, choice = value, offset
    return choice


def macro_f1(truth: np.ndarray, guess: np.ndarray) -> float:
    """Macro F1 of class positions (0, 1, 2), as scikit-learn's ``f1_score(average="macro")``, fast."""
    counts = np.bincount(truth * len(LABELS) + guess, minlength=len(LABELS) ** 2).reshape(len(LABELS), -1)
    hits = np.diag(counts).astype(float)
    sizes = counts.sum(axis=1) + counts.sum(axis=0)
    return float(np.mean(np.divide(2 * hits, sizes, out=np.zeros_like(hits), where=sizes > 0)))


def out_of_fold_scores(data: pd.DataFrame, splits, **options) -> tuple[np.ndarray, list[Fitted]]:
    """Each row's scikit-learn class scores from the fit that did not see it, and the fits (one per split)."""
    out, fits = np.zeros((len(data), len(LABELS))), []
    for fit_rows, held_rows in splits:
        fits.append(fit(data.iloc[fit_rows], **options))
        out[held_rows] = sklearn_scores(data.iloc[held_rows], fits[-1])
    return out, fits


def scores(truth, labels) -> dict:
    """Macro F1, accuracy, n and the confusion matrix (``helpers.sentiment.target_validation``)."""
    return target_scores(truth, labels)


def label_rows(data: pd.DataFrame, model: TargetModel) -> np.ndarray:
    """The model's labels for a loaded split, by the numpy predict the API uses."""
    return predict(features(list(data["sentence"]), list(data["start"]), list(data["end"]), model), model)
