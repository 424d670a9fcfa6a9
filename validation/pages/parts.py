"""``python -m validation.pages.parts``: a trained part chooser (headline, dek, byline) against the rules.

On ``dev`` pages only (``eval`` is never read). For each part, the page's candidate lines
(``candidates``: the first ``CANDIDATE_LINES`` non-blank lines and any line a rule gave a part)
are scored by gradient-boosted trees over ``page_matrix`` (``helpers.clean.linefeatures`` plus
``part_columns``: rank, length, shape, the line model's furniture probability, neighbours' length,
repeated or restated on the page, the rules' picks); the best candidate is the part, or none
under a threshold. Readings: the rules alone; the model without the rules' verdicts ("model");
the model with them as features ("both"); and the rules with one part taken from "both".
Trees and thresholds are chosen by page-grouped cross-validation inside the training pages only
(most pages right); the forward tests (``FORWARD``) train on the sets labelled before and test on
the next, and the figures go to ``parts.csv``. No reading beat the rules on all-five-right in the
forward tests (validation/pages/README.md, "Part model"), so nothing of this ships in ``helpers``.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from helpers.clean import clean_text, normalise_line
from helpers.clean.linefeatures import line_features
from helpers.clean.linemodel import furniture_probability, load_line_model
from helpers.clean.rules import count_words, looks_like_title

from .read import HERE, Page, read_set
from .score import part_right

GRID = (dict(n_estimators=100, max_depth=2, learning_rate=0.1), dict(n_estimators=100, max_depth=3, learning_rate=0.1))
FOLDS = 5
THRESHOLDS = np.round(np.arange(0.0, 0.96, 0.05), 2)
FORWARD = (("301", "349"), ("401", "448"), ("501", "550"))  # train on pages before the first, test to the second
READINGS = ("model", "both")  # model: no rule verdicts; both: the rules' verdicts as features
ALL_PARTS = ("headline", "dek", "byline", "dateline", "agency")
PARTS = ("headline", "dek", "byline")  # the parts the model chooses
PART_RULE_NAMES = {  # the audit rules that give each part
    "headline": ("headline",), "dek": ("dek (standfirst)",), "byline": ("byline",),
}
CANDIDATE_LINES = 15  # the first non-blank lines a part is looked for in
RESTATE_WORDS = 8  # a later line opening with a candidate's first words restates it
LONG_LINE_WORDS = 25  # a story paragraph
PART_COLUMNS = (
    "rank", "rank/15", "words", "title-like", "closes like a sentence", "by ", "line model p",
    "next words", "prev words", "lines to first long", "repeated on the page", "restated below",
    "rule pick headline", "rule pick dek", "rule pick byline", "below rule headline", "right under rule headline",
    "above rule headline",
)
_SENTENCE_CLOSE = re.compile(r"[.!?]['\"\u2019\u201d)]*$")


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def candidates(rules: list[str | None]) -> list[int]:
    """The indexes (into the page's non-blank lines) of the candidate lines: the first
    ``CANDIDATE_LINES``, and any line a rule gave a part."""
    parts = {name for names in PART_RULE_NAMES.values() for name in names}
    return sorted(set(range(min(len(rules), CANDIDATE_LINES))) | {i for i, r in enumerate(rules) if r in parts})


def _picks(rules: list[str | None]) -> dict[str, int | None]:
    """The first line each part's rule gave it (None: none)."""
    return {part: next((i for i, r in enumerate(rules) if r in names), None) for part, names in PART_RULE_NAMES.items()}


def part_columns(
    texts: list[str], rules: list[str | None], p_furniture: np.ndarray, i: int, with_rules: bool
) -> list[float]:
    """The columns ``PART_COLUMNS`` names for candidate line ``i`` of the page's non-blank ``texts``."""
    text, words = texts[i], [count_words(t) for t in texts]
    long_i = next((k for k, w in enumerate(words) if w >= LONG_LINE_WORDS), len(texts))
    keys = [_comparable(t) for t in texts]
    opening = " ".join(keys[i].split()[:RESTATE_WORDS])
    row = [
        float(i), i / CANDIDATE_LINES, float(words[i]), float(looks_like_title(text)),
        float(bool(_SENTENCE_CLOSE.search(text))), float(text.lower().startswith("by ")), float(p_furniture[i]),
        float(words[i + 1]) if i + 1 < len(texts) else 0.0, float(words[i - 1]) if i > 0 else 0.0,
        float(long_i - i), float(bool(keys[i]) and keys.count(keys[i]) > 1),
        float(len(opening.split()) >= 4 and any(keys[k].startswith(opening) for k in range(i + 1, len(keys)))),
    ]
    picks = _picks(rules) if with_rules else dict.fromkeys(PART_RULE_NAMES)
    head = picks["headline"]
    row += [float(picks[p] == i) for p in PARTS]
    row += [float(head is not None and i > head), float(head is not None and i == head + 1),
            float(head is not None and i < head)]
    return row


def page_matrix(
    lines: list[tuple[int, str]], rules: list[str | None], with_rules: bool = True
) -> tuple[np.ndarray, list[int]]:
    """Feature rows of the page's candidate lines (``lines``: non-blank (line number, text);
    ``rules``: each line's audit rule or None) and the candidates' indexes."""
    seen_rules = rules if with_rules else [None] * len(rules)
    base = line_features(lines, seen_rules)
    model = load_line_model()
    p = furniture_probability(base[:, : len(model["features"])], model) if len(lines) else np.zeros(0)
    texts = [t for _, t in lines]
    idx = candidates(rules)
    if not idx:
        return np.zeros((0, base.shape[1] + len(PART_COLUMNS))), idx
    extra = np.asarray([part_columns(texts, rules, p, i, with_rules) for i in idx], dtype=np.float64)
    return np.hstack([base[idx], extra]), idx


def page_rows(page: Page) -> dict:
    """One page: the rules' parts and right/wrong, and per reading its candidates' features and gold."""
    result = clean_text(page.text)
    verdicts = {r["line_n"]: r["rule"] for r in result.removed if r["rule"] != "dateline"}
    lines = [(n, normalise_line(t)) for n, (_, t) in enumerate(page.lines, start=1)]
    lines = [(n, t) for n, t in lines if t]
    rules = [verdicts.get(n) for n, _ in lines]
    byline = next((r["text"] for r in result.removed if r["rule"] == "byline"), None)
    parts = dict(headline=result.headline, dek=result.dek, byline=byline, dateline=result.dateline,
                 agency=_agency(result))
    rules_right = {p: part_right(page, SimpleNamespace(parts=parts), p) for p in ALL_PARTS}
    out = dict(page=page.page_id, rules_right=rules_right, texts=[t for _, t in lines])
    for reading in READINGS:
        x, idx = page_matrix(lines, rules, with_rules=reading == "both")
        out[reading] = (x, idx)
    out["gold"] = {}
    for part in PARTS:
        out["gold"][part] = [page_is(page, part, lines[i][1]) for i in out["both"][1]]
    out["page"] = page
    return out


def _agency(result) -> str | None:
    """The listed agency the cleaner credits, read as the scorer reads it."""
    from .score import agency_of
    return agency_of(result.agency or result.wire_credit)


def page_is(page: Page, part: str, text: str) -> bool:
    """Whether ``text`` is the page's ``part`` as labelled."""
    view = SimpleNamespace(parts={part: text})
    return bool(page.all(part)) and part_right(page, view, part)


def fit(x: np.ndarray, y: np.ndarray, trees: dict) -> GradientBoostingClassifier:
    """Gradient-boosted trees (``trees``: estimators, depth, rate), deterministic (``random_state=0``)."""
    return GradientBoostingClassifier(**trees, random_state=0).fit(x, y)


def stack(rows: list[dict], reading: str, part: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates of every page in ``rows``: features under ``reading``, gold for ``part``, page group."""
    x = np.vstack([r[reading][0] for r in rows])
    y = np.concatenate([np.asarray(r["gold"][part], dtype=bool) for r in rows])
    groups = np.concatenate([[k] * len(r[reading][1]) for k, r in enumerate(rows)])
    return x, y, groups


def pages_right(rows: list[dict], part: str, p: np.ndarray, threshold: float) -> np.ndarray:
    """Per page, whether the best candidate (or none under ``threshold``) is right."""
    out, start = [], 0
    for r in rows:
        n = len(r["both"][1])
        scores, gold = p[start:start + n], r["gold"][part]
        start += n
        has = bool(r["page"].all(part))
        if n == 0 or scores.max() < threshold:
            out.append(not has)
        else:
            out.append(bool(gold[int(np.argmax(scores))]))
    return np.asarray(out)


def choose(rows: list[dict], reading: str, part: str) -> tuple[dict, float, np.ndarray]:
    """Trees and threshold with the most pages right in cross-validation by page inside ``rows``."""
    x, y, groups = stack(rows, reading, part)
    best = None
    for trees in GRID:
        p = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
            p[test] = fit(x[train], y[train], trees).predict_proba(x[test])[:, 1] if y[train].any() else 0.0
        for t in THRESHOLDS:
            right = int(pages_right(rows, part, p, t).sum())
            if best is None or right > best[0]:
                best = (right, trees, float(t))
    return best[1], best[2], x


def forward(rows: list[dict]) -> pd.DataFrame:
    """Every forward test: per part and all five, pages right under rules, model, both."""
    table = []
    for lo, hi in FORWARD:
        train = [r for r in rows if r["page"].page_id < lo]
        test = [r for r in rows if lo <= r["page"].page_id < hi]
        right = {"rules": {p: np.asarray([r["rules_right"][p] for r in test]) for p in ALL_PARTS}}
        for reading in READINGS:
            right[reading] = dict(right["rules"])
            for part in PARTS:
                trees, t, x = choose(train, reading, part)
                _, y, _ = stack(train, reading, part)
                xt, _, _ = stack(test, reading, part)
                p = fit(x, y, trees).predict_proba(xt)[:, 1]
                right[reading][part] = pages_right(test, part, p, t)
                print(lo, reading, part, trees, t, int(right[reading][part].sum()), flush=True)
        for part in PARTS:  # the rules, with only this part the model's (with the rules as features)
            right[f"rules + both's {part}"] = right["rules"] | {part: right["both"][part]}
        for reading, got in right.items():
            allr = np.all([got[p] for p in ALL_PARTS], axis=0)
            table.append(dict(test=f"{lo}-{hi}", reading=reading, pages=len(test),
                              **{p: int(got[p].sum()) for p in ALL_PARTS}, all=int(allr.sum())))
    table = pd.DataFrame(table)
    pooled = table.groupby("reading", sort=False).sum(numeric_only=True).reset_index().assign(test="pooled")
    return pd.concat([table, pooled], ignore_index=True)


def main(argv: list[str] | None = None) -> pd.DataFrame:
    """Run the forward tests on the dev pages; print the table and write it to ``--out``."""
    parser = argparse.ArgumentParser(prog="python -m validation.pages.parts", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "parts.csv")
    args = parser.parse_args(argv)
    rows = [page_rows(p) for p in read_set("dev")]
    table = forward(rows)
    with pd.option_context("display.width", 200):
        print(table.to_string(index=False))
    table.to_csv(args.out, index=False, lineterminator="\n")
    return table


if __name__ == "__main__":
    main()
