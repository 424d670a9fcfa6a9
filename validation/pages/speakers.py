"""``python -m validation.pages.speakers``: forward tests of a learned speaker chooser against the rules.

Reads dev pages only (``eval/`` is never read). For each quotation the system finds, the
candidates and features of ``validation.pages.candidates``; a candidate is right when it is
the labelled speaker (``score.speaker_right``). Forward tests train on the sets labelled
before and test on the next (001-248 -> 301-348, 001-348 -> 401-447, 001-447 -> 501-549);
the "none" threshold is chosen by 5-fold page-grouped cross-validation inside the training
pages only. Readings: the rules; a model (logistic regression, or gradient-boosted trees)
choosing among the candidates without the rules' choice among its features ("model"); with
it and the rules' path to it ("model + rules"); and the rules' speakers kept, the model
choosing only where the rules find none ("rules, model fills"). Prints totals only (the
last test is a held-out check: no per-page or per-quotation output).
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from .read import normalise, read_set
from .score import speaker_right

RULE_COLUMNS = ("rule_choice", "rule_is_person", "rule_none", "rule_in_sentence", "rule_carried", "rule_weak",
                "resolved_pronoun", "resolved_role")
TESTS = (("0", "12", "3"), ("0", "123", "4"), ("0", "1234", "5"))  # (first set, later sets, test set) by hundreds
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.05), 2)
READINGS = ("model", "model + rules", "rules, model fills")
ESTIMATORS = {
    "logistic": lambda: LogisticRegression(C=1.0, max_iter=2000),
    "trees": lambda: GradientBoostingClassifier(n_estimators=150, max_depth=2, learning_rate=0.1, random_state=0),
}


def page_quotes(pages) -> list[dict]:
    """Per page: its quotations (the rules' speaker, the candidates) and each one's labelled speaker (or None)."""
    from helpers.clean import clean_text
    from helpers.quote_spans import PARAGRAPH_PATTERN, quote_spans
    from helpers.quotes import extract_quotes
    from helpers.quotes.article import mask_quotes
    from helpers.text import split_sentences

    from .candidates import article_candidates

    bodies = [clean_text(p.text).body for p in pages]
    articles = pd.DataFrame({"article_id": [p.page_id for p in pages],
                             "outlet": [p.meta["outlet"] for p in pages], "body": bodies})
    table = extract_quotes(split_sentences(articles, n_jobs=1), articles, None)
    out = []
    for page, body in zip(pages, bodies, strict=True):
        rows = table[(table["article_id"] == page.page_id) & (table["form"] != "term")].to_dict("records")
        paragraphs = [(m.start(), m.end()) for m in PARAGRAPH_PATTERN.finditer(body)]
        cands = article_candidates(body, mask_quotes(body, quote_spans(body)), rows, paragraphs) if rows else []
        gold: list[str | None] = [None] * len(rows)
        for speaker, words in page.quotes:  # matched as score.match_quotes matches them
            key = normalise(words)
            hit = next((i for i, r in enumerate(rows) if gold[i] is None and key in normalise(r["quote"])), None)
            if hit is not None:
                gold[hit] = speaker
        out.append(dict(page=page.page_id, n_gold=len(page.quotes), rows=rows, cands=cands, gold=gold))
    return out


def features(cands: list[dict], use_rules: bool) -> np.ndarray:
    """The candidates' feature rows, the rules' columns zeroed unless ``use_rules``."""
    from .candidates import FEATURES

    x = np.array([c["x"] for c in cands], dtype=float)
    if not use_rules:
        x[:, [FEATURES.index(c) for c in RULE_COLUMNS]] = 0
    return x


def fit(pages: list[dict], use_rules: bool, estimator: str):
    """The estimator fitted on the candidates of the labelled quotations of ``pages``."""
    xs, ys = [], []
    for page in pages:
        for cands, gold in zip(page["cands"], page["gold"], strict=True):
            if gold is not None and cands:
                xs.append(features(cands, use_rules))
                ys += [speaker_right(gold, dict(speaker=c["name"], speaker_kind=c["kind"])) for c in cands]
    return ESTIMATORS[estimator]().fit(np.vstack(xs), np.array(ys, dtype=int))


def rules_pick(row: dict) -> dict | None:
    speaker = row["speaker"]
    return dict(name=speaker, kind=row["speaker_kind"]) if isinstance(speaker, str) and speaker else None


def tally(pages: list[dict], model, threshold: float, reading: str) -> np.ndarray:
    """(labelled, attributed, found, right) over ``pages`` for one reading (``model`` None: the rules)."""
    total = np.zeros(4, dtype=int)
    for page in pages:
        total[0] += page["n_gold"]
        for row, cands, gold in zip(page["rows"], page["cands"], page["gold"], strict=True):
            pick = rules_pick(row)
            if model is not None and cands and (reading != "rules, model fills" or pick is None):
                p = model.predict_proba(features(cands, reading == "model + rules"))[:, 1]
                pick = cands[int(np.argmax(p))] if p.max() >= threshold else None
            if pick is None:
                continue
            total[1] += 1
            if gold is not None:
                total[2] += 1
                total[3] += speaker_right(gold, dict(speaker=pick["name"], speaker_kind=pick["kind"]))
    return total


def prf(t: np.ndarray) -> tuple[float, float, float]:
    """Speaker precision, recall and F1 from (labelled, attributed, found, right)."""
    p = t[3] / t[1] if t[1] else 0.0
    r = t[3] / t[0] if t[0] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def inner_threshold(pages: list[dict], reading: str, estimator: str) -> float:
    """The threshold with the best pooled F1 over 5 page-grouped folds of the training pages."""
    sums = {t: np.zeros(4, dtype=int) for t in THRESHOLDS}
    for train, test in GroupKFold(n_splits=5).split(np.arange(len(pages)), groups=np.arange(len(pages))):
        model = fit([pages[i] for i in train], reading == "model + rules", estimator)
        for t in THRESHOLDS:
            sums[t] += tally([pages[i] for i in test], model, t, reading)
    return float(max(THRESHOLDS, key=lambda t: (round(prf(sums[t])[2], 6), -t)))


def forward(data: list[dict]) -> pd.DataFrame:
    """The forward tests' table: per test and reading, spans attributed and found, speaker P/R/F1; then pooled."""
    rows = []
    for first, rest, hundred in TESTS:
        train = [p for p in data if p["page"][0] == first or p["page"][0] in rest]
        held = [p for p in data if p["page"][0] == hundred]
        test = f"{held[0]['page']}-{held[-1]['page']}"
        rows.append(_row(test, "rules", None, tally(held, None, 0, "rules")))
        for estimator in ESTIMATORS:
            for reading in READINGS:
                thr = inner_threshold(train, reading, estimator)
                model = fit(train, reading == "model + rules", estimator)
                rows.append(_row(test, f"{reading} ({estimator})", thr, tally(held, model, thr, reading)))
    table = pd.DataFrame(rows)
    pooled = table.groupby("reading", sort=False)[["labelled", "attributed", "found", "right"]].sum().reset_index()
    pooled = [_row("pooled", r.reading, None, np.array([r.labelled, r.attributed, r.found, r.right]))
              for r in pooled.itertuples()]
    return pd.concat([table, pd.DataFrame(pooled)], ignore_index=True)


def _row(test: str, reading: str, threshold: float | None, t: np.ndarray) -> dict:
    p, r, f = prf(t)
    return dict(test=test, reading=reading, threshold=threshold,
                labelled=int(t[0]), attributed=int(t[1]), found=int(t[2]), right=int(t[3]),
                precision=round(p, 3), recall=round(r, 3), f1=round(f, 3))


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Print the forward tests' table; return it."""
    parser = argparse.ArgumentParser(prog="python -m validation.pages.speakers", description=__doc__.split("\n")[0])
    parser.parse_args(argv)
    table = forward(page_quotes(read_set("dev")))
    with pd.option_context("display.width", 160):
        print(table.to_string(index=False))
    return table


if __name__ == "__main__":
    main()
