"""Target validation: the tone-toward-a-mention model measured on NewsMTSC's real-world test set.

NewsMTSC (Hamborg & Donnay, EACL 2021; MIT licence) holds sentences from US political news
with a person mention each labelled negative, neutral or positive toward that person by
several annotators. ``validation/newsmtsc/`` holds its ``train.jsonl`` (the model's only
training data) and ``devtest_rw.jsonl`` (the "real-world" test set, never used for
training or tuning), with the licence and the dataset's readme.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from ..paths import PROJECT_ROOT
from .scoring import USED, label_scores, score_texts
from .stored_scores import fresh_scores, stored_scores
from .target import TARGET_LABELS

NEWSMTSC_DIR = PROJECT_ROOT / "validation" / "newsmtsc"
NEWSMTSC_TEST = NEWSMTSC_DIR / "devtest_rw.jsonl"
NEWSMTSC_TRAIN = NEWSMTSC_DIR / "train.jsonl"
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}  # NewsMTSC's codes (its dataset-readme.md) -> -1, 0, 1
NEWSMTSC_COLUMNS = ["sentence_id", "sentence", "start", "end", "mention", "label"]
# The best model in the NewsMTSC paper (RoBERTa with a BiGRU), macro F1 on devtest_rw, as
# Hamborg & Donnay (EACL 2021) report it (quoted in issue 17). Published, not recomputed here.
PUBLISHED_BEST = ("RoBERTa + BiGRU, Hamborg & Donnay 2021", 0.831)
TARGET_METRIC_COLUMNS = ["method", "macro_f1", "accuracy", "n", "source"]


def load_newsmtsc(path: str | Path = NEWSMTSC_TEST) -> pd.DataFrame:
    """One row per (sentence, mention) of a NewsMTSC file: ``NEWSMTSC_COLUMNS``, label -1/0/1."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        for target in record["targets"]:
            rows.append((record["primary_gid"], record["sentence_normalized"], target["from"], target["to"],
                         target["mention"], POLARITY[target["polarity"]]))
    return pd.DataFrame(rows, columns=NEWSMTSC_COLUMNS)


def target_scores(truth, labels) -> dict:
    """Macro F1 over the three classes, accuracy, n, and the confusion matrix (rows: truth -1, 0, 1)."""
    classes = list(TARGET_LABELS)
    return {
        "macro_f1": float(f1_score(truth, labels, average="macro", labels=classes)),
        "accuracy": float(accuracy_score(truth, labels)),
        "n": len(truth),
        "confusion": confusion_matrix(truth, labels, labels=classes),
    }


def vader_classes(compound) -> np.ndarray:
    """VADER compound scores as classes -1/0/1 (the +/-0.05 cut-offs)."""
    return pd.Series(label_scores(compound)).map({"negative": -1, "neutral": 0, "positive": 1}).to_numpy()


def sentence_vader_labels(sentences) -> np.ndarray:
    """Sentence-level VADER as a tone-toward-the-mention guess: its class, -1/0/1, for every mention."""
    return vader_classes(score_texts(sentences)["compound"])


def target_validation(path: str | Path = NEWSMTSC_TEST) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The model and sentence-level VADER on a NewsMTSC file, beside the published best.

    Returns
    -------
    (metrics, confusion)
        ``metrics``: one row per method, ``method, macro_f1, accuracy, n, source``
        ("computed" on this build, or "published"). ``confusion``: the model's counts,
        human class (rows) by model class (columns). Labels and scores are those of
        ``helpers/data/validation_scores.csv`` while its key holds (``stored_scores``), else computed now.
    """
    data = load_newsmtsc(path)
    scores = stored_scores("newsmtsc", data)
    scores = fresh_scores("newsmtsc", data) if scores is None else scores
    ours = target_scores(data["label"], scores["model"].to_numpy(dtype="int64"))
    vader = target_scores(data["label"], vader_classes(scores[USED]))
    name, published = PUBLISHED_BEST
    metrics = pd.DataFrame([
        ("this model (target_sentiment)", ours["macro_f1"], ours["accuracy"], ours["n"], "computed"),
        ("sentence-level VADER", vader["macro_f1"], vader["accuracy"], vader["n"], "computed"),
        (name, published, np.nan, np.nan, "published"),
    ], columns=TARGET_METRIC_COLUMNS).astype({"n": "Int64"})
    words = [TARGET_LABELS[k] for k in TARGET_LABELS]
    confusion = pd.DataFrame(ours["confusion"], index=[f"human: {w}" for w in words],
                             columns=[f"model: {w}" for w in words])
    return metrics, confusion
