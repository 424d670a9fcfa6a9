"""The trained line model (helpers.clean.linefeatures, helpers.clean.linemodel): its features,
its arrays read as scikit-learn's trees, the shipped file, and what it removes from short pages
the tests write."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import GradientBoostingClassifier

from helpers.clean import clean_text, linemodel
from helpers.clean.linefeatures import (
    GRAM_BUCKETS,
    HASH_BUCKETS,
    LONG_LINE_WORDS,
    ROUND4_COLUMNS,
    feature_names,
    line_features,
)
from helpers.clean.linemodel import (
    MIN_PAGE_LINES,
    MODEL_NAME,
    PART_RULES,
    RULE_NAME,
    TREE_ARRAYS,
    furniture_probability,
    load_line_model,
    may_put_back,
    may_remove,
    sole_copies,
    wrapped_pieces,
)
from helpers.clean.rules import count_words
from helpers.wordlists import DATA_DIR
from tests.clean_texts import P1, P2, P3
from validation.pages.lines import tree_arrays

HEADLINE = "Council shuts the old bridge after engineers find cracks"
LONG = f"{P1} {P2}"  # a paragraph of LONG_LINE_WORDS or more


def column(name: str) -> int:
    return feature_names().index(name)


def test_features_read_the_rules_the_neighbours_and_repeats():
    lines = [(1, HEADLINE), (3, LONG), (5, "Topics"), (7, LONG), (9, "Topics")]
    rules = ["headline", None, None, None, None]
    assert len(LONG.split()) >= LONG_LINE_WORDS
    x = line_features(lines, rules)
    assert x.shape == (5, len(feature_names()))
    assert x[0, column("rule=headline")] == 1 and x[1, column("rule_none")] == 1
    assert x[2, column("repeated")] == 1 and x[0, column("repeated")] == 0
    assert x[2, column("prev_long")] == 1 and x[2, column("word=topics")] == 1
    assert x[0, column("before_first_long")] == 1 and x[4, column("after_last_long")] == 1
    assert x[2, column("blank_before")] == 1
    hashed = [column(f"hash={k}") for k in range(HASH_BUCKETS)]
    assert x[2, hashed].sum() == 1 and x[1, hashed].sum() == 0  # a paragraph's words are not hashed
    assert x[0, column("rule=other rule")] == 0
    assert line_features([(1, "Odd")], ["some new rule"])[0, column("rule=other rule")] == 1


def test_tree_arrays_give_scikit_learns_probabilities():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 4))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0.3).astype(int)
    model = GradientBoostingClassifier(n_estimators=30, max_depth=2, random_state=0).fit(x, y)
    arrays = tree_arrays(model)
    prior = np.log(model.init_.class_prior_[1] / model.init_.class_prior_[0])
    got = furniture_probability(x, arrays | dict(prior=prior, learning_rate=0.1))
    assert np.allclose(got, model.predict_proba(x)[:, 1], atol=1e-9)


def test_a_stump_by_hand():
    stump = dict(feature=np.array([[0, -2, -2]]), cut=np.array([[0.5, 0, 0]]), left=np.array([[1, -1, -1]]),
                 right=np.array([[2, -1, -1]]), value=np.array([[0.0, -2.0, 3.0]]), prior=0.0, learning_rate=1.0)
    got = furniture_probability(np.array([[0.0], [1.0]]), stump)
    assert np.allclose(got, 1 / (1 + np.exp([2.0, -3.0])))


def one_tree_at_a_time(features: np.ndarray, model: dict) -> np.ndarray:
    """The model read tree by tree, each tree's rows stepping down until all reach a leaf (the
    form before issue 18): ``furniture_probability`` must give exactly these floats."""
    x = features.astype(np.float32).astype(np.float64)
    raw, rows = np.full(len(x), float(model["prior"])), np.arange(len(x))
    for feature, cut, left, right, value in zip(*(model[name] for name in TREE_ARRAYS), strict=True):
        node = np.zeros(len(x), dtype=np.int64)
        while (left[node] >= 0).any():
            goes_left = x[rows, np.maximum(feature[node], 0)] <= cut[node]
            node = np.where(left[node] >= 0, np.where(goes_left, left[node], right[node]), node)
        raw += float(model["learning_rate"]) * value[node]
    return 1.0 / (1.0 + np.exp(-raw))


def test_all_trees_at_once_give_the_same_floats_as_one_tree_at_a_time():
    model = load_line_model()
    lines = [(1, HEADLINE), (3, "Topics"), (5, LONG), (7, "Share this:"), (9, P3), (11, "Related News"), (12, "0")]
    x = line_features(lines, ["headline", None, None, "share/print widget", None, None, None])
    rng = np.random.default_rng(18)
    noisy = np.vstack([x, x + rng.normal(scale=0.5, size=x.shape), rng.integers(0, 3, size=(50, x.shape[1]))])
    for features in (x, noisy, x[:1], x[:0]):
        assert np.array_equal(furniture_probability(features, model), one_tree_at_a_time(features, model))
    spread = furniture_probability(noisy, model)
    assert spread.min() < model["threshold"] <= spread.max()  # rows on both sides of the threshold


def test_rows_of_some_lines_are_those_lines_rows_of_the_whole_page():
    lines = [(1, HEADLINE), (3, "Topics"), (5, LONG), (7, "Share this:"), (9, P3), (11, "Topics"), (12, "0")]
    rules = ["headline", None, None, "share/print widget", None, "section label", None]
    for extended in (True, False):
        every = line_features(lines, rules, extended=extended)
        for rows in ([1, 5, 6], [6], [0, 2, 4], []):
            assert np.array_equal(line_features(lines, rules, extended=extended, rows=rows), every[rows])
    alone = line_features(lines, rules, rows=[1])
    assert alone[0, column("repeated")] == 1  # "Topics" read against the page, though line 5 is not asked for


def test_the_shipped_model_is_arrays_and_json_only():
    meta = json.loads((DATA_DIR / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
    assert "validation/pages/lines.py" in meta["source"] and meta["licence"]
    assert meta["features"] == feature_names() and 0.5 <= meta["threshold"] < 1
    with np.load(DATA_DIR / f"{MODEL_NAME}.npz", allow_pickle=False) as arrays:
        assert set(arrays.files) == set(TREE_ARRAYS)
        assert all(arrays[name].dtype != object for name in arrays.files)
        assert arrays["feature"].max() < len(feature_names())
    assert load_line_model()["threshold"] == meta["threshold"]


@pytest.mark.parametrize("tail", ["Topics", "Related Topics"])
def test_the_model_removes_furniture_the_rules_keep_and_says_why(tail):
    page = f"{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{tail}\n"
    assert tail not in {row["text"] for row in clean_text(page, line_model=False).removed}
    result = clean_text(page)
    row = next(row for row in result.removed if row["text"] == tail)
    assert row["rule"] == RULE_NAME and row["action"] == "removed"
    assert row["detail"].startswith("line model: p=")
    assert float(row["detail"].split("p=")[1].split()[0]) >= load_line_model()["threshold"]
    assert tail not in result.body and P3 in result.body


def test_the_model_never_removes_a_sentence_or_a_plain_story():
    assert not may_remove("The vote was 7-2.", 10) and not may_remove('"We will rebuild it," she said.', 10)
    assert may_remove("Topics", 10) and may_remove("Yes.", 10) and not may_remove("Topics", MIN_PAGE_LINES - 1)
    assert not may_remove("The minister said the talks would resume next week. AFP", 10)  # a sentence, then a credit
    assert may_remove("Photo: Jane Doe. Reuters", 10)  # no sentence of three words ends inside it
    page = f"{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n\nThe vote was 7-2.\n"
    assert "The vote was 7-2." in clean_text(page).body
    story = f"{P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(story).removed == [] and clean_text(story).body == clean_text(story, line_model=False).body


def test_short_texts_and_all_furniture_pages_are_left_alone():
    assert clean_text(f"{P1}\n{P2}\n0\n").body.endswith("0")  # three lines: no page to read
    lines = "\n".join(["0", "1", "Topics", "Close Story", "More"])
    assert clean_text(lines).body  # the model would take every line: it takes none


def test_features_read_the_page_the_voice_and_short_lines_letters():
    lines = [(1, "Home | World \u00bb Politics"), (2, "UPDATED 10:45 AM GMT, March 3"), (3, LONG),
             (4, '"We will rebuild it," he said. Work starts soon.'), (5, "The mayor said the work would start in the"),
             (6, "Home | World \u00bb Politics")]
    rules = ["section label", "timestamp", None, None, None, None]
    x = line_features(lines, rules)
    assert feature_names()[:ROUND4_COLUMNS][-1] == f"hash={HASH_BUCKETS - 1}"  # round 4's columns come first
    words = [count_words(text) for _, text in lines]
    assert x[2, column("share_of_page_words")] == pytest.approx(words[2] / sum(words)) and words[2] / sum(words) > 0.5
    assert x[2, column("length_rank")] == 0 and x[2, column("in_longest_block")] == 1
    assert x[0, column("separators")] > 0 and x[0, column("section_words")] > 0.5
    assert x[1, column("all_caps")] == 0 and line_features([(1, "READ MORE")], [None])[0, column("all_caps")] == 1
    assert x[1, column("clock_times")] > 0 and x[1, column("month_names")] > 0 and x[2, column("clock_times")] == 0
    assert x[3, column("quote_marks")] > 0 and x[3, column("first_person")] > 0 and x[3, column("third_person")] > 0
    assert x[3, column("speech_verbs")] > 0 and x[3, column("sentences")] > x[1, column("sentences")]
    assert x[4, column("ends_unfinished")] == 1 and x[3, column("ends_unfinished")] == 0
    assert x[5, column("repeats_removed_line")] == 1 and x[0, column("repeats_body_line")] == 1
    grams = [column(f"gram={k}") for k in range(GRAM_BUCKETS)]
    assert x[0, grams].sum() > 3 and x[2, grams].sum() == 0  # a paragraph's letters are not hashed


def test_parts_are_never_put_back():
    assert not any(may_put_back(rule, 10) for rule in PART_RULES)
    assert may_put_back("repeated paragraph", 10) and may_put_back("teaser link", 10)
    assert not may_put_back(None, 10) and not may_put_back("teaser link", MIN_PAGE_LINES - 1)


def test_a_confident_model_puts_back_what_the_rules_removed_but_no_page_part(monkeypatch):
    body_everywhere = dict(  # one leaf: P(furniture) = 1 / (1 + e^8) for every line
        feature=np.array([[-2]]), cut=np.array([[0.0]]), left=np.array([[-1]]), right=np.array([[-1]]),
        value=np.array([[0.0]]), prior=-8.0, learning_rate=0.1, threshold=0.9, keep_threshold=0.0, extended=False,
    )
    page = f"{HEADLINE}\n\nBy Jane Doe\n\n{P1}\n\nAdvertisement\n\n{P2}\n\n{P3}\n"
    monkeypatch.setattr(linemodel, "load_line_model", lambda: body_everywhere)
    never = clean_text(page)
    assert "Advertisement" in {row["text"] for row in never.removed}  # keep threshold 0: no put-back
    monkeypatch.setattr(linemodel, "load_line_model", lambda: body_everywhere | dict(keep_threshold=0.5))
    result = clean_text(page)
    assert "Advertisement" in result.body and result.headline == HEADLINE
    assert {row["text"] for row in result.removed} >= {HEADLINE, "By Jane Doe"}
    assert P1 in result.body and "By Jane Doe" not in result.body


def test_pieces_of_a_wrapped_paragraph_are_never_the_models():
    lines = [(1, "The council said the bridge would close for"), (2, "repairs next week."), (4, "Topics"),
             (6, "Officers said the road was shut and"), (8, "Close Story")]
    assert wrapped_pieces(lines) == [True, True, False, True, False]  # line 6 ends on "and": it runs on


def test_a_lead_in_closing_with_a_colon_is_never_the_models_to_remove():
    assert not may_remove("Cllr Rob Stewart, Swansea Council Leader, said:", 10)
    assert not may_remove("Read the tweets here:", 10)
    assert may_remove("Read more:", 10) and may_remove("Related:", 10)  # short labels stay the model's


def test_the_shipped_model_reads_the_later_columns():
    model = load_line_model()
    assert model["extended"] and model["feature"].max() >= ROUND4_COLUMNS  # round 5's columns are read
    page = f"{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n\nTopics\n"
    assert "Topics" not in clean_text(page).body and P3 in clean_text(page).body


def test_forward_tests_train_only_on_earlier_sets():
    from validation.pages import lines as script

    assert len(script.FORWARD) == 5 and script.FORWARD[-1][1:] == ("700", "701", "800")
    for _, train_before, test_from, test_to in script.FORWARD:
        assert train_before <= test_from < test_to  # page ids as text: the test set follows the training sets


def test_the_learning_curve_draws_shares_of_the_training_pages(monkeypatch):
    from validation.pages import lines as script

    rng = np.random.default_rng(1)
    pages = [f"{k:03d}" for k in range(1, 21)] + [f"{k:03d}" for k in range(501, 511)]
    table = pd.DataFrame([dict(page=p, gold="body" if k % 3 else "widget", rule=None, allowed=True, undoable=False)
                          for p in pages for k in range(6)])
    y = (table["gold"] != "body").to_numpy()
    x = np.column_stack([y + rng.normal(scale=0.1, size=len(y)), rng.normal(size=len(y))])
    monkeypatch.setattr(script, "FORWARD", (("001-020 -> 501-510", "500", "501", "600"),))
    monkeypatch.setattr(script, "CURVE_SHARES", (0.5, 1.0))
    curve = script.learning_curve(x, table, trees=dict(n_estimators=10, max_depth=1, learning_rate=0.5))
    assert list(curve["pages"]) == [10] * 6 + [20] * 2  # three seeds at half, one draw of all, two readings each
    assert set(curve["reading"]) == {"model", "combination"} and (curve["body"] == 40).all()
    assert (curve["f1"] == 1.0).all() and (curve["body_kept"] == 40).all()  # the test pages are separable


def test_a_comma_or_a_fixed_width_break_makes_a_wrapped_piece():
    width = [  # a transcript broken at about 70 characters: a line ending "... Press Secretary" runs on
        "The missile issue is a serious problem not only for the nation's own",
        "national security but also for world peace and stability, as well as",
        "from the viewpoint of nonproliferation of weapons, said the Press Secretary",
        "Kazuo Kodama while withholding all comment on intelligence matters",
        "Earlier on Tuesday the Chief Cabinet Secretary told a separate news",
        "conference that the government would keep gathering information.",
    ]
    assert wrapped_pieces(list(enumerate(width, start=1))) == [True] * 6
    short = [(1, "Topics"), (2, "Politics and the economy this week in review here"), (3, "Share this story")]
    assert wrapped_pieces(short) == [False] * 3  # a block of three lines is no fixed-width text
    spaced = [(n, t) for n, t in zip(range(1, 12, 2), width, strict=True)]  # blank lines between: paragraphs
    assert wrapped_pieces(spaced)[2:4] == [False, False]
    assert wrapped_pieces([(1, "The five members of the Bench adjourned twice before the chairman,"),
                           (2, "Colonel Ogier, announced that the case would be dismissed.")]) == [True, True]


def test_the_kept_copy_of_a_repeated_paragraph_is_never_the_models():
    texts = ["• They did not say how many people they detained", P1, "They did not say how many people they detained."]
    assert sole_copies(texts, [None, None, "repeated paragraph"]) == [True, False, False]
    assert sole_copies(texts, [None, None, None]) == [False, False, False]


def test_a_summary_the_story_restates_loses_its_own_copy_not_the_storys():
    summary = "Police said they responded to several incidents of disorder on Thursday night in the city."
    page = f"Police appeal after disorder\n{summary}\nShare this article\n\nBy Jane Doe\n\n{P1}\n\n{summary}\n\n{P2}"
    r = clean_text(page, line_model=False)
    assert [row["line_n"] for row in r.removed if row["text"] == summary] == [2]
    assert r.body.split("\n\n") == [P1, summary, P2]
    bullet = "They did not say how many people they detained at the scene."
    points = f"Key points:\n\n• {bullet}\n• The suspects are aged 18 to 21"
    page = f"Suspects detained\n\n{P1}\n\n{points}\n\n{P2}\n\n{bullet}\n\n{P3}"
    r = clean_text(page, line_model=False)
    assert bullet in r.body.split("\n\n") and f"• {bullet}" in {row["text"] for row in r.removed}
    page = f"Suspects detained\n\n{P3}\n\n{P1}\n\n{P2}\n\n{P1}"  # a paragraph printed twice: the later copy goes
    assert [row["line_n"] for row in clean_text(page).removed if row["text"] == P1] == [9]
