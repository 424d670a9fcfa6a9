"""Validation: the NYT editorial benchmark (5,190 human-rated sentences) read, scored and compared.

``load_benchmark`` and ``validation_metrics`` measure the method against the human
ratings of 5,190 New York Times editorial sentences (Hutto & Gilbert 2014), copied into
``validation/vader-nyt/``; ``news_words_effect`` measures what setting the news-neutral
words aside changes, on all sentences and on the half that was not used to choose them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..paths import PROJECT_ROOT, resolve
from .intervals import CONFIDENCE
from .newswords import HALVES, benchmark_half
from .scoring import IMPLEMENTATIONS, LABELS, USED, label_scores
from .stored_scores import fresh_scores, stored_scores

# The benchmark: validation/vader-nyt/ (see its README.md). Human ratings are means on
# -4...+4 (Hutto & Gilbert 2014, and the README of their data release); dividing by RATING_SCALE puts them on
# compound's -1...1 so the same +/-THRESHOLD classes apply.
BENCHMARK_DIR = PROJECT_ROOT / "validation" / "vader-nyt"
BENCHMARK_FILE = BENCHMARK_DIR / "nytEditorialSnippets_GroundTruth.txt"
RATING_SCALE = 4.0
_BENCHMARK_ID = re.compile(r"^(\d+)_(\d+)$")

BENCHMARK_COLUMNS = ["line_n", "id", "editorial", "rating", "human", "text"]
EFFECT_COLUMNS = ["sentences", "n_sentences", "n_editorials", "n_changed", "r_before", "r_after",
                  "macro_f1_before", "macro_f1_after"]
ALL_SENTENCES = "all"
SKIPPED_COLUMNS = ["line_n", "reason", "line"]


class Benchmark(NamedTuple):
    """What ``load_benchmark`` returns: the sentences, and the lines it skipped."""

    sentences: pd.DataFrame
    skipped: pd.DataFrame


def load_benchmark(path: str | Path = BENCHMARK_FILE) -> Benchmark:
    """Read the NYT editorial benchmark (tab-separated id, rating, sentence; CRLF).

    A line is skipped, and listed with its reason, when it does not have exactly three
    tab-separated fields, its id is not ``<editorial>_<sentence>`` or repeats an earlier
    one, its rating is not a finite number within -4...+4, or its sentence is empty.

    Parameters
    ----------
    path
        The ground-truth file; a relative path is taken from the repository root.

    Returns
    -------
    Benchmark
        ``sentences``: ``line_n`` (1-based), ``id``, ``editorial`` (the id's first
        part), ``rating`` (-4...+4 as in the file), ``human`` (rating / 4, on
        compound's -1...1 scale), ``text``. ``skipped``: ``line_n, reason, line``.
    """
    raw = resolve(path).read_text(encoding="utf-8")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the line end after the last line, if there is one
    rows, skipped, seen = [], [], set()
    for line_n, raw_line in enumerate(lines, start=1):
        line = raw_line.removesuffix("\r")
        fields = line.split("\t")
        reason = None
        if len(fields) != 3:
            reason = f"{len(fields)} tab-separated fields, not 3"
        else:
            ident, rating_text, text = fields[0].strip(), fields[1].strip(), fields[2].strip()
            match = _BENCHMARK_ID.match(ident)
            try:
                rating = float(rating_text)
            except ValueError:
                rating = float("nan")
            if not match:
                reason = f"id {ident!r} is not <editorial>_<sentence>"
            elif ident in seen:
                reason = f"id {ident} repeats an earlier line"
            elif not np.isfinite(rating) or abs(rating) > RATING_SCALE:
                reason = f"rating {rating_text!r} is not a number within -{RATING_SCALE:g}...+{RATING_SCALE:g}"
            elif not text:
                reason = "empty sentence"
        if reason:
            skipped.append((line_n, reason, line))
            continue
        seen.add(ident)
        rows.append((line_n, ident, int(match.group(1)), rating, rating / RATING_SCALE, text))
    sentences = pd.DataFrame(rows, columns=BENCHMARK_COLUMNS)
    return Benchmark(sentences, pd.DataFrame(skipped, columns=SKIPPED_COLUMNS))


def score_benchmark(benchmark: pd.DataFrame) -> pd.DataFrame:
    """Score the benchmark sentences with both VADER implementations.

    Returns
    -------
    DataFrame
        The benchmark's columns plus ``half`` (``"selection"``: odd-numbered
        editorials, which chose the news-neutral words; ``"held-out"``: even ones),
        ``human_label``, one compound-score column per implementation (``news``,
        ``nltk``, ``reference``) and its class (``news_label`` ...; the +/-0.05
        classes; the human rating, scaled to -1...1, gets the same cut-offs). The scores
        are those of ``helpers/data/validation_scores.csv`` while its key holds for these
        texts and the current scorers (``helpers.sentiment.stored_scores``), else scored now.
    """
    out = benchmark.copy()
    out["half"] = benchmark_half(out)
    out["human_label"] = label_scores(out["human"])
    scores = stored_scores("nyt", out)
    scores = fresh_scores("nyt", out) if scores is None else scores
    for name in IMPLEMENTATIONS:
        out[name] = scores[name].to_numpy()
        out[f"{name}_label"] = label_scores(out[name])
    return out


def validation_metrics(scored_benchmark: pd.DataFrame, *, confidence: float = CONFIDENCE) -> pd.DataFrame:
    """How well each implementation agrees with the human ratings.

    Returns
    -------
    DataFrame
        One row per implementation (the one the notebook uses first): ``implementation, n_sentences,
        pearson_r`` (sentence scores vs scaled human ratings), ``r_ci_low, r_ci_high``
        (Fisher-z interval, ``scipy.stats.pearsonr``), ``r_squared``,
        ``n_editorials, editorial_r`` (the same correlation between each editorial's
        mean score and its mean human rating: what averaging over about ten
        sentences buys), ``macro_f1`` (scikit-learn, negative / neutral / positive,
        each class weighted equally), ``accuracy``.
    """
    from scipy.stats import pearsonr
    from sklearn.metrics import accuracy_score, f1_score

    rows = []
    truth = scored_benchmark["human_label"]
    by_editorial = scored_benchmark.groupby("editorial")[["human", *IMPLEMENTATIONS]].mean()
    for name, title in IMPLEMENTATIONS.items():
        result = pearsonr(scored_benchmark[name], scored_benchmark["human"])
        interval = result.confidence_interval(confidence_level=confidence)
        rows.append({
            "implementation": title,
            "n_sentences": len(scored_benchmark),
            "pearson_r": float(result.statistic),
            "r_ci_low": float(interval.low),
            "r_ci_high": float(interval.high),
            "r_squared": float(result.statistic) ** 2,
            "n_editorials": len(by_editorial),
            "editorial_r": float(pearsonr(by_editorial[name], by_editorial["human"]).statistic),
            "macro_f1": float(f1_score(truth, scored_benchmark[f"{name}_label"], labels=list(LABELS), average="macro")),
            "accuracy": float(accuracy_score(truth, scored_benchmark[f"{name}_label"])),
        })
    return pd.DataFrame(rows)


def news_words_effect(scored_benchmark: pd.DataFrame) -> pd.DataFrame:
    """Agreement with people before (lexicon as shipped) and after (news-neutral words set aside).

    Parameters
    ----------
    scored_benchmark
        The output of ``score_benchmark``.

    Returns
    -------
    DataFrame
        Rows ``all``, ``held-out`` (the half not used to choose the words: the honest
        estimate) and ``selection``: ``sentences, n_sentences, n_editorials,
        n_changed`` (sentences whose score the list changes), ``r_before, r_after``
        (Pearson r with the scaled human rating) and ``macro_f1_before,
        macro_f1_after`` (three classes, +/-0.05), before = ``nltk``, after = ``news``.
    """
    from scipy.stats import pearsonr
    from sklearn.metrics import f1_score

    rows = []
    for part in (ALL_SENTENCES, *reversed(HALVES)):
        rated = scored_benchmark if part == ALL_SENTENCES else scored_benchmark[scored_benchmark["half"] == part]
        row = {"sentences": part, "n_sentences": len(rated), "n_editorials": rated["editorial"].nunique(),
               "n_changed": int((rated["nltk"] != rated[USED]).sum())}
        for when, name in (("before", "nltk"), ("after", USED)):
            row[f"r_{when}"] = float(pearsonr(rated[name], rated["human"]).statistic)
            row[f"macro_f1_{when}"] = float(f1_score(rated["human_label"], rated[f"{name}_label"],
                                                     labels=list(LABELS), average="macro"))
        rows.append(row)
    return pd.DataFrame(rows, columns=EFFECT_COLUMNS)


def benchmark_confusion(scored_benchmark: pd.DataFrame, *, implementation: str = USED) -> pd.DataFrame:
    """Human class vs VADER class on the benchmark, as counts.

    Returns
    -------
    DataFrame
        One row per human class: ``human rating`` then one column per VADER class
        (``VADER negative`` ...) and ``n`` (row total).
    """
    grid = pd.crosstab(
        pd.Categorical(scored_benchmark["human_label"], categories=LABELS),
        pd.Categorical(scored_benchmark[f"{implementation}_label"], categories=LABELS),
        dropna=False,
    )
    grid.columns = [f"VADER {c}" for c in grid.columns]
    grid.insert(0, "human rating", [str(c) for c in grid.index])
    grid["n"] = grid.iloc[:, 1:].sum(axis=1)
    return grid.reset_index(drop=True)

