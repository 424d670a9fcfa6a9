"""The trained line model: furniture the rules kept, found from ``linefeatures`` and a small tree ensemble.

The model ships as plain arrays in ``helpers/data/line_model.npz`` (read with
``allow_pickle=False``: loading it runs no code) and its description in
``helpers/data/line_model.json`` (source, feature names, threshold). It is gradient-boosted
regression trees (scikit-learn's ``GradientBoostingClassifier``, trained by
``python -m validation.pages.lines --write helpers/data`` on the labelled dev pages),
evaluated here with numpy: each tree is its nodes' feature, threshold, children and value.

Sharp edges:
- It removes a line the rules kept as body when its probability of being furniture reaches
  the stored threshold (chosen in cross-validation, a lost body line counting as five kept
  furniture lines). It may put back a line a rule removed when the probability is under the
  stored keep threshold (0: never), but never a line of a page part (``PART_RULES``): the
  headline, dek, byline, dateline and agency stay the rules'. It never removes a
  line that ends as a sentence does (``may_remove``): short last sentences with a number
  ("The vote was 7-2.") rate high; nor a piece of a paragraph wrapped over several lines, nor
  the copy the rules kept of a paragraph they removed as repeated (``sole_copies``).
  It leaves texts of under ``MIN_PAGE_LINES`` lines alone,
  and a page whose every body line it rates furniture.
- It was trained on the 349 dev pages, on every column ``linefeatures`` computes; on pages it never
  saw it gained a few lines over the rules (validation/pages/README.md, "Line model"). Its audit
  reason names the probability and the label it rates likeliest only as "furniture"; the kind is
  not predicted.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import numpy as np

from ..wordlists import DATA_DIR
from .context import PageLines
from .linefeatures import ROUND4_COLUMNS, feature_names, line_features
from .normalise import comparable
from .rules import SENTENCE_END, count_words

MODEL_NAME = "line_model"  # helpers/data/line_model.npz and .json
RULE_NAME = "line model"  # the audit's rule for a line the model removes
MIN_PAGE_LINES = 5  # on shorter texts (a test's or a user's few lines, not a web page) the model does nothing
LEAD_IN_MIN_WORDS = 4  # a line this long closing with a colon introduces what follows: never removed
SENTENCE_MIN_WORDS = 3  # a line of this many words ending as a sentence does is never the model's to remove
_SENTENCE_CLOSE = re.compile(r"[.!?]['\"\u2019\u201d)]*$")
# Rules whose lines the model never puts back: they fill the page parts (headline, dek, byline,
# dateline, agency) or the subheads column, which their own logic decides.
PART_RULES = frozenset({
    "headline", "headline (repeated)", "headline (wrapped)", "dek (standfirst)", "byline", "sign-off",
    "dateline (own line)", "wire credit", "crosshead (subhead)",
})
TREE_ARRAYS = ("feature", "cut", "left", "right", "value")  # per tree: split feature, split value, children, leaf value


@lru_cache(maxsize=1)
def load_line_model() -> dict:
    """The shipped model: its JSON description with the arrays of the ``.npz`` added.

    Raises ``ValueError`` when the model's features are not the ones ``linefeatures`` computes."""
    meta = json.loads((DATA_DIR / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
    with np.load(DATA_DIR / f"{MODEL_NAME}.npz", allow_pickle=False) as arrays:
        meta.update({name: arrays[name] for name in TREE_ARRAYS})
    if meta["features"] != feature_names():
        raise ValueError(f"{MODEL_NAME}.json lists other features than helpers.clean.linefeatures computes")
    meta.setdefault("keep_threshold", 0.0)  # 0: the model puts back no line
    meta["extended"] = int(meta["feature"].max()) >= ROUND4_COLUMNS  # the later columns only if a tree reads one
    return meta


def furniture_probability(features: np.ndarray, model: dict) -> np.ndarray:
    """P(furniture) per row of ``features``: the trees' summed values from the prior, through the logistic.

    Features are compared as float32, as scikit-learn's trees compare them. Every tree walks all
    rows at once (one step down per pass, a row at a leaf staying there); the leaf values are then
    added to the prior tree by tree, in the trees' order, as one tree at a time would add them."""
    x = features.astype(np.float32).astype(np.float64)
    feature, cut, left, right, value = (model[name] for name in TREE_ARRAYS)
    trees = np.arange(len(feature))[:, None]
    rows = np.arange(len(x))[None, :]
    node = np.zeros((len(feature), len(x)), dtype=np.int64)  # (tree, row)
    while True:
        inner = left[trees, node] >= 0
        if not inner.any():
            break
        goes_left = x[rows, np.maximum(feature[trees, node], 0)] <= cut[trees, node]
        node = np.where(inner, np.where(goes_left, left[trees, node], right[trees, node]), node)
    raw = np.full(len(x), float(model["prior"]))
    for leaf in float(model["learning_rate"]) * value[trees, node]:
        raw += leaf
    return 1.0 / (1.0 + np.exp(-raw))


def may_remove(text: str, n_lines: int) -> bool:
    """Whether the model may remove the line at all: it stands on a page of ``MIN_PAGE_LINES`` or
    more non-blank lines (``n_lines``) and is not a sentence of ``SENTENCE_MIN_WORDS`` or more
    words closing with a full stop, question or exclamation mark, or holding a sentence's end before
    more text ("The vote was 7-2." at a page's end, "... resume next week. AFP", stay body whatever
    the model says), nor a lead-in of ``LEAD_IN_MIN_WORDS`` or more words closing with a colon
    ("Cllr Rob Stewart, Swansea Council Leader, said:", "Read the tweets here:"): it introduces the
    story's next lines ("Related:", "Read more:" are shorter)."""
    closes = _SENTENCE_CLOSE.search(text) or SENTENCE_END.search(text)
    sentence = count_words(text) >= SENTENCE_MIN_WORDS and closes
    lead_in = count_words(text) >= LEAD_IN_MIN_WORDS and text.rstrip().endswith(":")
    return n_lines >= MIN_PAGE_LINES and not sentence and not lead_in


def wrapped_pieces(lines: list[tuple[int, str]]) -> list[bool]:
    """For each of a page's non-blank lines (1-based line number, text), whether it is a piece of a
    paragraph wrapped over several lines (``PageLines.in_wrapped_paragraph``): never the model's to remove."""
    blank = [None] * len(lines)
    page = PageLines(lines=[(n, text, text) for n, text in lines], labels=list(blank), rules=list(blank))
    return [page.in_wrapped_paragraph(i) for i in range(len(lines))]


def sole_copies(texts: list[str], rules: list[str | None]) -> list[bool]:
    """For each line (text, the rule that removed it or None), whether it is the copy the rules kept
    of a paragraph they removed elsewhere as repeated: the story's only copy, never the model's to remove
    (a highlight bullet the story repeats word for word)."""
    removed = {comparable(t) for t, rule in zip(texts, rules, strict=True) if rule == "repeated paragraph"}
    if not removed:  # no line is anyone's copy (most pages)
        return [False] * len(texts)
    return [rule is None and comparable(t) in removed for t, rule in zip(texts, rules, strict=True)]


def may_put_back(rule: str | None, n_lines: int) -> bool:
    """Whether the model may put back a line the rule named ``rule`` removed: a rule of no page part
    (``PART_RULES``), on a page of ``MIN_PAGE_LINES`` or more non-blank lines."""
    return rule is not None and rule not in PART_RULES and n_lines >= MIN_PAGE_LINES


def mark_by_model(page: PageLines) -> None:
    """Mark every line the rules kept as body, and ``may_remove`` allows (not a piece of a wrapped
    paragraph either), whose furniture probability
    reaches the model's threshold (unless that would leave no body at all); put back every line
    ``may_put_back`` allows whose probability is under the model's keep threshold (0: none)."""
    model = load_line_model()
    body = [i for i in range(len(page)) if page.labels[i] is None]
    rules = [label[0] if label else None for label in page.labels]
    sole = sole_copies([page.text(i) for i in range(len(page))], rules)
    kept = [i for i in body if may_remove(page.text(i), len(page)) and not page.in_wrapped_paragraph(i) and not sole[i]]
    undo = [i for i, label in enumerate(page.labels)
            if label and model["keep_threshold"] > 0 and may_put_back(label[0], len(page))]
    if not kept and not undo:
        return
    rated = sorted({*kept, *undo})  # only these lines' rows are read (each row is its line's against the page)
    features = line_features([(n, text) for n, _, text in page.lines], rules, extended=model["extended"], rows=rated)
    p = dict(zip(rated, furniture_probability(features, model), strict=True))
    hits = [i for i in kept if p[i] >= model["threshold"]]
    for i in [i for i in undo if p[i] < model["keep_threshold"]]:
        page.labels[i] = None  # the model rates it body: the rules' removal is undone
    if hits and len(hits) == len(body):
        return  # every body line rated furniture: the page is not one the model knows
    for i in hits:
        page.mark(i, RULE_NAME, detail=f"line model: p={p[i]:.2f} furniture (threshold {model['threshold']:.2f})")
