"""``python -m validation.newsmtsc train|evaluate|ablate``: the tone-toward-a-mention model on NewsMTSC.

- ``train``: 5-fold cross-validation of ``train.jsonl`` by sentence: checks that the numpy
  prediction from the saved arrays gives scikit-learn's labels on the held-out fifth (the
  first fold), prints its scores, and chooses the class offsets on the out-of-fold scores;
  then fits on all of ``train.jsonl`` and writes ``helpers/data/target_sentiment.npz`` and
  ``.json``. Deterministic: retraining writes the same bytes.
- ``evaluate``: the shipped model on ``devtest_rw.jsonl``: macro F1, accuracy, confusion
  matrix, beside sentence-level VADER on the same rows.
- ``ablate``: what each idea gained, on the held-out fifth of ``train.jsonl``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.sentiment.target import VADER_FEATURES, load_model, save_model
from helpers.sentiment.target_features import DENSE_FEATURES
from helpers.sentiment.target_validation import sentence_vader_labels

from .training import (
    DEVTEST_FILE,
    LABELS,
    TRAIN_FILE,
    best_offset,
    fit,
    folds,
    held_out_split,
    label_rows,
    load_split,
    out_of_fold_scores,
    scores,
    sklearn_labels,
    with_offset,
)

NAMES = {-1: "negative", 0: "neutral", 1: "positive"}


def show(title: str, result: dict) -> None:
    """Print macro F1, accuracy and the confusion matrix."""
    print(f"{title}: macro F1 {result['macro_f1']:.3f}, accuracy {result['accuracy']:.3f} (n={result['n']})")
    table = pd.DataFrame(result["confusion"], index=[f"true {NAMES[k]}" for k in LABELS],
                         columns=[f"predicted {NAMES[k]}" for k in LABELS])
    print(table.to_string(), "\n")


def saved_and_loaded(fitted) -> object:
    """The fitted model written to a temporary folder and read back as the API reads it."""
    with tempfile.TemporaryDirectory() as folder:
        npz, vocabulary = Path(folder) / "model.npz", Path(folder) / "model.json"
        save_model(fitted.model, npz, vocabulary)
        return load_model.__wrapped__(npz, vocabulary)


def train() -> None:
    """Cross-validation (the held-out check, the class offsets), then the final fit on all of train.jsonl, saved."""
    data = load_split(TRAIN_FILE)
    truth, splits = data["label"].to_numpy(), folds(data)
    started = time.perf_counter()
    out_of_fold, fits = out_of_fold_scores(data, splits)
    others = np.concatenate([held for _, held in splits[1:]])
    fitted = with_offset(fits[0], best_offset(out_of_fold[others], truth[others]))
    held = data.iloc[splits[0][1]]
    ours, theirs = label_rows(held, saved_and_loaded(fitted)), sklearn_labels(held, fitted)
    if not np.array_equal(ours, theirs):
        raise SystemExit(f"numpy and scikit-learn disagree on {(ours != theirs).sum()} held-out rows")
    print(f"the saved arrays' numpy predict == scikit-learn's predict on all {len(held)} held-out rows")
    show("held-out fifth of train.jsonl, no class offsets", scores(held["label"], sklearn_labels(held, fits[0])))
    show(f"held-out fifth, class offsets {fitted.model.class_offset.tolist()} chosen on the other four folds",
         scores(held["label"], ours))
    per_fold = [scores(truth[held], np.asarray(LABELS)[out_of_fold[held].argmax(axis=1)])["macro_f1"]
                for _, held in splits]
    print(f"{len(splits)}-fold cross-validation, no offsets: macro F1 {np.mean(per_fold):.4f} (folds "
          + " ".join(f"{v:.3f}" for v in per_fold) + ")")
    offset = best_offset(out_of_fold, truth)
    print(f"class offsets {offset.tolist()} chosen on all {len(data)} out-of-fold rows "
          f"({len(splits)}-fold cross-validation in {time.perf_counter() - started:.1f} s)")
    started = time.perf_counter()
    final = with_offset(fit(data), offset)
    seconds = time.perf_counter() - started
    save_model(final.model)
    print(f"trained on all {len(data)} rows of train.jsonl in {seconds:.1f} s "
          f"({final.model.about['n_columns']} columns)")


def evaluate() -> dict:
    """The shipped model and sentence-level VADER on devtest_rw.jsonl; returns the model's scores."""
    load_model.cache_clear()
    data = load_split(DEVTEST_FILE)
    result = scores(data["label"], label_rows(data, load_model()))
    show("target model on devtest_rw.jsonl", result)
    vader = sentence_vader_labels(data["sentence"])
    show("sentence-level VADER on devtest_rw.jsonl", scores(data["label"], vader))
    return result


# The dense columns before AFINN-165.
VADER_ONLY = tuple(n for n in DENSE_FEATURES if not n.startswith("afinn_"))
WITH_VADER = (*VADER_ONLY, *VADER_FEATURES)
ABLATION = (  # (idea, fit options), each adding to the one before
    ("sentence TF-IDF words and pairs, plain LR (C=1)",
     dict(mark=False, views=("word",), class_weight=None, c=1.0)),
    ("+ mention replaced by a placeholder", dict(views=("word",), class_weight=None, c=1.0)),
    ("+ lexicon and position features around the mention",
     dict(views=("word", "dense"), dense_keep=VADER_ONLY, class_weight=None, c=1.0)),
    ("+ the sentence's VADER scores", dict(views=("word", "dense"), dense_keep=WITH_VADER, class_weight=None, c=1.0)),
    ("+ balanced class weights", dict(views=("word", "dense"), dense_keep=WITH_VADER, c=1.0)),
    ("+ letter sequences (3-5) of the marked sentence",
     dict(views=("word", "char", "dense"), dense_keep=WITH_VADER, c=1.0)),
    ("+ words weighted by distance from the mention", dict(dense_keep=WITH_VADER, c=1.0)),
    ("+ C=0.5", dict(dense_keep=WITH_VADER)),
    ("+ AFINN-165 sums around the mention (the shipped features)", dict()),
)


def ablate() -> None:
    """Macro F1 and accuracy on the held-out fifth for each row of ABLATION, then with class offsets."""
    data = load_split(TRAIN_FILE)
    fit_rows, held_rows = held_out_split(data)
    held, fitting = data.iloc[held_rows], data.iloc[fit_rows]
    print("macro_f1  accuracy  idea")
    for idea, options in ABLATION:
        fitted = fit(fitting, **options)
        result = scores(held["label"], sklearn_labels(held, fitted))
        print(f"{result['macro_f1']:.3f}     {result['accuracy']:.3f}     {idea}", flush=True)
    splits = folds(data)[1:]  # as ``train``: offsets chosen on the other four folds' out-of-fold rows
    out_of_fold, _ = out_of_fold_scores(data, splits)
    others = np.concatenate([rows for _, rows in splits])
    offset = best_offset(out_of_fold[others], data["label"].to_numpy()[others])
    result = scores(held["label"], sklearn_labels(held, fitted, offset))
    print(f"{result['macro_f1']:.3f}     {result['accuracy']:.3f}     + class offsets {offset.tolist()} "
          "chosen on the other four folds' out-of-fold scores")


if __name__ == "__main__":
    commands = {"train": train, "evaluate": evaluate, "ablate": ablate}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit("usage: python -m validation.newsmtsc train|evaluate|ablate")
    commands[sys.argv[1]]()
