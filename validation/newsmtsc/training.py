"""Training and evaluating the tone-toward-a-mention model on NewsMTSC (used by ``__main__``).

Trains on ``train.jsonl`` only: the settings were chosen on a held-out fifth of it (split
by sentence, so one sentence's mentions stay on one side); ``devtest_rw.jsonl`` is read
by ``evaluate`` alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

from helpers.sentiment.target import (
    FEATURE_NAMES,
    MODEL_FILE,
    NGRAMS,
    VOCABULARY_FILE,
    TargetModel,
    dense_matrix,
    design_matrix,
    features,
    predict,
)
from helpers.sentiment.target_features import marked_text, tokens

HERE = Path(__file__).resolve().parent
TRAIN_FILE = HERE / "train.jsonl"
DEVTEST_FILE = HERE / "devtest_rw.jsonl"
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}  # NewsMTSC's codes (dataset-readme.md) -> our labels
HELD_OUT = 0.2  # share of train.jsonl's sentences held out to choose the settings
SPLIT_SEED = 0
# Chosen on the held-out part (README.md, "What each idea gained"): word pairs seen in
# at least MIN_DF sentences; the dense columns' weight; the inverse regularisation C;
# classes weighted by their inverse frequency, as macro F1 weighs them equally.
MIN_DF = 2
DENSE_WEIGHT = 0.3
C = 1.0
CLASS_WEIGHT = "balanced"
MAX_ITER = 5000
LABELS = (-1, 0, 1)
DATA_COLUMNS = ["sentence_id", "sentence", "start", "end", "mention", "label"]


def load_split(path: str | Path) -> pd.DataFrame:
    """One row per (sentence, mention) of a NewsMTSC file: ``DATA_COLUMNS``."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        for target in record["targets"]:
            rows.append((record["primary_gid"], record["sentence_normalized"], target["from"], target["to"],
                         target["mention"], POLARITY[target["polarity"]]))
    return pd.DataFrame(rows, columns=DATA_COLUMNS)


def held_out_split(data: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row positions of the fitting part and the held-out part, whole sentences on each side."""
    split = GroupShuffleSplit(n_splits=1, test_size=HELD_OUT, random_state=SPLIT_SEED)
    return next(split.split(data, data["label"], groups=data["sentence"]))


class Fitted(NamedTuple):
    """A fit: the arrays the API reads, and scikit-learn's objects to check them against."""

    model: TargetModel
    vectorizer: TfidfVectorizer
    classifier: LogisticRegression


def fit(data: pd.DataFrame, *, dense_weight: float = DENSE_WEIGHT, c: float = C,
        class_weight: str | None = CLASS_WEIGHT, mark: bool = True, dense_keep: tuple[str, ...] = FEATURE_NAMES,
        ) -> Fitted:
    """Fit the vectoriser, scaler and logistic regression with scikit-learn.

    ``mark=False`` keeps the mention's own words instead of the placeholder; ``dense_keep``
    names the dense columns used (the others are zeroed): both for the ablation table only.
    """
    texts = texts_of(data, mark=mark)
    vectorizer = TfidfVectorizer(ngram_range=NGRAMS, min_df=MIN_DF, sublinear_tf=True,
                                 token_pattern=r"\S+", lowercase=False)
    text_rows = vectorizer.fit_transform(texts)
    dense = dense_of(data, keep=dense_keep)
    scaler = StandardScaler().fit(dense)
    matrix = design_matrix(text_rows, dense, mean=scaler.mean_, scale=scaler.scale_, weight=dense_weight)
    classifier = LogisticRegression(C=c, class_weight=class_weight, max_iter=MAX_ITER)
    classifier.fit(matrix, data["label"].to_numpy())
    terms = vectorizer.get_feature_names_out()
    about = {
        "features": list(FEATURE_NAMES), "ngrams": list(NGRAMS), "min_df": MIN_DF,
        "dense_weight": dense_weight, "C": c, "class_weight": class_weight, "n_rows": len(data),
        "n_terms": len(terms),
    }
    model = TargetModel(
        {t: i for i, t in enumerate(terms)}, vectorizer.idf_, scaler.mean_, scaler.scale_, dense_weight,
        classifier.coef_, classifier.intercept_, classifier.classes_, about,
    )
    return Fitted(model, vectorizer, classifier)


def texts_of(data: pd.DataFrame, *, mark: bool = True) -> list[str]:
    """Each row's marked sentence, or with ``mark=False`` its plain tokens."""
    rows = zip(data["sentence"], data["start"], data["end"], strict=True)
    return [marked_text(s, a, b) if mark else " ".join(tokens(s)) for s, a, b in rows]


def dense_of(data: pd.DataFrame, *, keep: tuple[str, ...] = FEATURE_NAMES) -> np.ndarray:
    """The dense columns, those not named in ``keep`` set to zero."""
    dense = dense_matrix(list(data["sentence"]), list(data["start"]), list(data["end"]))
    dense[:, [i for i, name in enumerate(FEATURE_NAMES) if name not in keep]] = 0.0
    return dense


def sklearn_labels(data: pd.DataFrame, fitted: Fitted, *, mark: bool = True,
                   dense_keep: tuple[str, ...] = FEATURE_NAMES) -> np.ndarray:
    """The labels scikit-learn's own transform and predict give (to check the numpy path)."""
    model = fitted.model
    matrix = design_matrix(fitted.vectorizer.transform(texts_of(data, mark=mark)),
                           dense_of(data, keep=dense_keep), mean=model.dense_mean,
                           scale=model.dense_scale, weight=model.dense_weight)
    return fitted.classifier.predict(matrix)


def save_model(model: TargetModel, path: Path = MODEL_FILE, vocabulary_path: Path = VOCABULARY_FILE) -> None:
    """Plain arrays in ``.npz`` and the vocabulary (in column order) with the settings in JSON."""
    np.savez_compressed(
        path, idf=model.idf, dense_mean=model.dense_mean, dense_scale=model.dense_scale,
        dense_weight=np.float64(model.dense_weight), coef=model.coef, intercept=model.intercept,
        classes=model.classes.astype(np.int64),
    )
    terms = sorted(model.vocabulary, key=model.vocabulary.get)
    vocabulary_path.write_text(json.dumps({**model.about, "vocabulary": terms}, ensure_ascii=False) + "\n",
                               encoding="utf-8")


def scores(truth, labels) -> dict:
    """Macro F1, accuracy and the confusion matrix (rows: truth -1, 0, 1; columns: predicted)."""
    return {
        "macro_f1": float(f1_score(truth, labels, average="macro", labels=list(LABELS))),
        "accuracy": float(accuracy_score(truth, labels)),
        "confusion": confusion_matrix(truth, labels, labels=list(LABELS)),
        "n": len(truth),
    }


def label_rows(data: pd.DataFrame, model: TargetModel) -> np.ndarray:
    """The model's labels for a loaded split, by the numpy predict the API uses."""
    return predict(features(list(data["sentence"]), list(data["start"]), list(data["end"]), model), model)
