"""Sentiment (helpers.sentiment, notebooks/03_sentiment): scores, intervals, voices, actors,
and the benchmark against human ratings, checked against independent computations."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd
import pytest

from helpers import sentiment
from helpers.actors import find_mentions, load_actors
from helpers.corpus import load_corpus
from helpers.events import date_periods
from helpers.paths import NOTEBOOKS_DIR
from helpers.text import split_sentences

NOTEBOOK = "03_sentiment"


@pytest.fixture(scope="module")
def seed(seed_dir):
    articles, _, _ = load_corpus(seed_dir)
    sentences = split_sentences(articles)
    return articles, sentences, date_periods(articles), sentiment.score_sentences(sentences)


@pytest.fixture(scope="module")
def reference():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _articles(*bodies: tuple[str, str, str]) -> pd.DataFrame:
    """(article_id, outlet, body) triples as an articles table."""
    return pd.DataFrame(bodies, columns=["article_id", "outlet", "body"])


# ----------------------------------------------------------------- scores against the reference

# Sentences on which NLTK's port and the vaderSentiment package agree: news-style
# negation, a booster, "but", an emoticon, exclamation marks, quoted speech.
AGREEING = [
    "The talks did not fail.",
    "Peace talks collapsed amid bitter recriminations.",
    "He was killed.",
    "The deal is not bad at all.",
    "It was :) great",
    '"Killer trees!"',
    "Kerry said the talks were a good step forward, but the gaps remain very wide.",
    "After carrying out the first three releases, Israel has balked at releasing the final group of 26 "
    "prisoners without a Palestinian commitment to extend talks.",  # a seed sentence (Al Jazeera America)
]


def test_compound_equals_vadersentiment_where_the_two_agree(reference):
    ours = sentiment.score_texts(AGREEING, implementation="nltk")["compound"].tolist()
    assert sentiment.score_texts(AGREEING)["compound"].tolist() == ours  # no news-neutral word in them
    theirs = [reference.polarity_scores(s)["compound"] for s in AGREEING]
    assert ours == theirs
    assert ours[2] < -0.5 and ours[0] > 0  # "He was killed." / negated failure


def test_known_difference_leading_no(reference):
    """NLTK's port reads a leading "No," differently from the reference (shared/OFFLINE.md)."""
    with_no, without = "No, the talks did not fail.", "The talks did not fail."
    nltk_with, nltk_without = sentiment.score_texts([with_no, without], implementation="nltk")["compound"]
    assert nltk_without == reference.polarity_scores(without)["compound"]
    assert nltk_with != reference.polarity_scores(with_no)["compound"]


def test_score_sentences_keeps_every_sentence_and_its_offsets(seed):
    articles, sentences, _, scored = seed
    assert len(scored) == len(sentences)
    assert scored["sentence_id"].tolist() == sentences["sentence_id"].tolist()
    assert np.allclose(scored[["neg", "neu", "pos"]].sum(axis=1), 1, atol=0.01)
    bodies = dict(zip(articles["article_id"], articles["body"], strict=False))
    for row in scored.sample(10, random_state=1).itertuples():
        assert bodies[row.article_id][row.start_char:row.end_char] == row.text
    expected = np.where(scored.compound >= 0.05, "positive", np.where(scored.compound <= -0.05, "negative", "neutral"))
    assert (scored["label"] == expected).all()
    assert scored["position"].between(0, 1, inclusive="neither").all()
    lone_wolf = scored[scored["text"].str.contains('"Lone wolf" attackers')]
    assert len(lone_wolf) == 1 and lone_wolf["compound"].iloc[0] < -0.5


# ----------------------------------------------------------------- bootstrap


def test_bootstrap_interval_is_missing_for_one_value_and_fixed_by_the_seed():
    assert sentiment.bootstrap_mean([0.4])[0] == 0.4
    assert np.isnan(sentiment.bootstrap_mean([0.4])[1:]).all()
    values = np.linspace(-0.8, 0.9, 30)
    first, again = sentiment.bootstrap_mean(values), sentiment.bootstrap_mean(values)
    assert first == again
    assert first[1] < first[0] < first[2]
    assert sentiment.bootstrap_mean(values, seed=1) != first


def test_bootstrap_by_article_sees_the_spread_between_articles():
    values = [1.0] * 10 + [-1.0] * 10
    groups = ["a"] * 10 + ["b"] * 10
    _, low, high = sentiment.bootstrap_mean(values, groups=groups)
    assert (low, high) == (-1.0, 1.0)  # resampling two articles: all a, all b, or half each
    _, low, high = sentiment.bootstrap_mean(values)
    assert -0.7 < low < -0.2 and 0.2 < high < 0.7  # sentences taken as independent: too narrow


# ----------------------------------------------------------------- summaries on the seeds


def test_outlet_means_match_a_plain_groupby_and_show_periods(seed):
    _, sentences, periods, scored = seed
    outlets = sentiment.outlet_sentiment(scored, periods).set_index("outlet")
    plain = scored.groupby("outlet")["compound"].agg(["mean", "size"])
    assert outlets["n_sentences"].sum() == len(sentences)
    assert (outlets["n_sentences"] == plain["size"].reindex(outlets.index)).all()
    assert np.allclose(outlets["mean_compound"], plain["mean"].reindex(outlets.index), atol=1e-4)
    assert (outlets["ci_low"] <= outlets["mean_compound"]).all() and (
        outlets["mean_compound"] <= outlets["ci_high"]
    ).all()
    assert outlets.loc["The Forward", "periods"] == "Jun 2013"
    assert outlets.loc["Washington Free Beacon", "periods"] == "Nov 2015"
    assert outlets["mean_compound"].is_monotonic_decreasing


def test_single_sentence_article_has_no_interval():
    articles = _articles(
        ("one", "Solo", "The talks failed badly."),
        ("two", "Duo", "The talks went well. Both sides were pleased. Nobody left angry."),
    )
    articles["date"] = pd.to_datetime(["2024-01-01", "2024-01-02"])
    scored = sentiment.score_sentences(split_sentences(articles))
    table = sentiment.article_sentiment(scored, date_periods(articles)).set_index("article_id")
    assert table.loc["one", "n_sentences"] == 1
    assert np.isnan(table.loc["one", ["ci_low", "ci_high"]].astype(float)).all()
    assert table.loc["two", "n_sentences"] == 3 and not np.isnan(table.loc["two", "ci_low"])


def test_extremes_are_each_outlets_minimum_and_maximum(seed):
    scored = seed[3]
    extremes = sentiment.extreme_sentences(scored, n=3)
    for outlet, group in scored.groupby("outlet"):
        mine = extremes[extremes["outlet"] == outlet]
        worst = mine[(mine["end"] == "most negative") & (mine["rank"] == 1)]
        best = mine[(mine["end"] == "most positive") & (mine["rank"] == 1)]
        assert worst["compound"].iloc[0] == group["compound"].min() < 0
        assert best["compound"].iloc[0] == group["compound"].max() > 0
        assert len(mine) <= 6
    assert (extremes.loc[extremes["end"] == "most negative", "compound"] < 0).all()


def test_position_parts_cover_every_sentence(seed):
    scored = seed[3]
    positions = sentiment.position_sentiment(scored)
    assert positions["n_sentences"].sum() == len(scored)
    first = scored[scored["sentence_n"] == 1]
    assert (positions[positions["position_bin"] == 1].groupby("outlet")["n_sentences"].sum()
            >= first.groupby("outlet").size()).all()
    assert set(positions["bin_label"]) <= set(sentiment.POSITION_LABELS[5])


def test_lexicon_words_count_the_words_in_the_text(seed):
    _, sentences, _, _ = seed
    words = sentiment.lexicon_words(sentences, top=6)
    forward = words[(words["outlet"] == "The Forward") & (words["word"] == "peace")]
    text = " ".join(sentences.loc[sentences["outlet"] == "The Forward", "text"]).lower()
    assert forward["n"].iloc[0] == len(re.findall(r"(?<![\w-])peace(?![\w-])", text))
    assert forward["valence"].iloc[0] == sentiment.analyzer().lexicon["peace"] > 0


# ----------------------------------------------------------------- voices


def test_sentences_are_cut_at_quotations_into_both_voices():
    body = ('"We will review every line," said council member Raj Patel.\n\n'
            'Kerry urged leaders to "lead" and to make compromises.')
    articles = _articles(("a", "Beta", body))
    segments = sentiment.voice_segments(split_sentences(articles), articles)
    assert segments[["voice", "text"]].values.tolist() == [
        ["quoted", '"We will review every line,"'],
        ["narration", "said council member Raj Patel."],
        ["narration", 'Kerry urged leaders to "lead" and to make compromises.'],  # a scare quote stays narration
    ]
    for row in segments.itertuples():
        assert body[row.start_char:row.end_char] == row.text
    scored = sentiment.score_voices(split_sentences(articles), articles)
    assert scored["compound"].tolist() == sentiment.score_texts(segments["text"])["compound"].tolist()


def test_seed_voices_trace_to_the_body_and_cover_quoted_sentences(seed):
    articles, sentences, periods, _ = seed
    voices = sentiment.score_voices(sentences, articles)
    bodies = dict(zip(articles["article_id"], articles["body"], strict=False))
    assert all(bodies[r.article_id][r.start_char:r.end_char] == r.text for r in voices.itertuples())
    whole_quotes = sentences[sentences["in_quote"] & (sentences["text"].str.split().str.len() >= 3)]
    quoted = voices[voices["sentence_id"].isin(whole_quotes["sentence_id"])]
    assert len(whole_quotes) > 0 and (quoted["voice"] == "quoted").all()
    summary = sentiment.voice_sentiment(voices, periods)
    assert summary["n_segments"].sum() == len(voices)
    assert set(summary["voice"]) == {"narration", "quoted"}


# ----------------------------------------------------------------- actors


def test_actor_cells_count_sentences_naming_the_actor(seed, seed_dir):
    _, sentences, periods, scored = seed
    actors = load_actors(seed_dir)
    table = sentiment.actor_sentiment(scored, find_mentions(sentences, actors), periods)
    kerry = table[table["actor"] == "John Kerry"].set_index("outlet")
    naming = scored[scored["text"].str.contains(r"\bKerry\b")]
    assert (kerry["n_sentences"] == naming.groupby("outlet").size().reindex(kerry.index)).all()
    assert np.allclose(
        kerry["mean_compound"], naming.groupby("outlet")["compound"].mean().reindex(kerry.index), atol=1e-4
    )
    assert (table["thin"] == (table["n_sentences"] < sentiment.THIN_CELL)).all()
    assert table["actor"].iloc[0] == "John Kerry"  # most mentioned first


def test_no_actors_table_gives_an_empty_table_and_says_so(small_corpus):
    articles, _, _ = load_corpus(small_corpus)
    sentences = split_sentences(articles)
    actors = load_actors(small_corpus)
    table = sentiment.actor_sentiment(sentiment.score_sentences(sentences), find_mentions(sentences, actors),
                                      date_periods(articles))
    assert table.empty and list(table.columns) == sentiment.ACTOR_COLUMNS
    assert "no actors table" in sentiment.actors_note(actors, table)



# ----------------------------------------------------------------- the sentences: intervals and counts

def test_a_zero_width_interval_is_never_judged_apart_or_overlapping():
    # [0, 0] is what identical scores give: the bootstrap saw no spread, so no verdict
    assert sentiment.intervals_overlap((0.0, 0.0), (-0.1, 0.2)) is None
    assert sentiment.intervals_overlap((0.1, 0.3), (0.0, 0.0)) is None
    assert sentiment.intervals_overlap((0.0, 0.3), (0.3, 0.5))  # closed: a shared end point is an overlap
    assert sentiment.intervals_overlap((0.1, 0.3), (-0.2, 0.0)) is False
    assert sentiment.intervals_overlap((float("nan"), float("nan")), (0.1, 0.3)) is None  # NaN is not "apart"
    assert sentiment.intervals_overlap((0.3, 0.1), (0.0, 0.5)) is None
    assert [sentiment.interval_defect(*i) for i in [(0, 0), (0.3, 0.1), (float("nan"), 1), (0, 1)]] == [
        "zero width", "reversed", "missing", None]


def test_three_neutral_sentences_are_too_few_to_compare():
    warm = " ".join(["The talks went wonderfully well.", "Both sides were delighted and grateful.",
                     "Everyone praised the excellent, friendly spirit.", "It was a great and happy day."] * 2)
    articles = _articles(
        ("n", "Neutral", "The meeting is on Tuesday. The office is in Paris. The report has ten pages."),
        ("w1", "Warm", warm),
        ("w2", "Warm", warm),
    )
    articles["date"] = pd.to_datetime(["2024-01-01"] * 3)
    scored = sentiment.score_sentences(split_sentences(articles))
    outlets = sentiment.outlet_sentiment(scored, date_periods(articles))
    neutral, warm_row = outlets.set_index("outlet").loc["Neutral"], outlets.set_index("outlet").loc["Warm"]
    assert (neutral.n_sentences, neutral.ci_low, neutral.ci_high) == (3, 0.0, 0.0) and warm_row.ci_low > 0
    metrics = pd.DataFrame({"implementation": [sentiment.IMPLEMENTATIONS[sentiment.USED]], "pearson_r": [0.5]})
    finding, note = sentiment.sentiment_finding(outlets, metrics), sentiment.outlets_note(outlets)
    too_few = ("Neutral (3 sentences) has too few sentences for a meaningful interval "
               f"(fewer than {sentiment.MIN_SENTENCES_FOR_INTERVAL})")
    assert f"{too_few}, so the gap cannot be judged." in finding
    assert note.startswith(
        f"No two outlets have enough sentences to compare their intervals. {too_few}, so it is not compared"
    )
    assert "do not overlap" not in finding + note


def test_counts_in_the_notes_are_never_zero_of_or_plural_for_one():
    actors = pd.DataFrame({"name": ["Kerry", "Abbas", "Netanyahu"]})
    cells = pd.DataFrame({"actor": ["Kerry"], "thin": [False]})
    text = sentiment.actors_note(actors, cells)
    assert text.startswith("1 of 3 actors is mentioned; every actor-outlet cell rests on 5 sentences or more.")
    assert sentiment.actors_note(actors.head(1), cells.iloc[0:0]).startswith("No actor in the actors table is")
    voices = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "voice": ["narration", "quoted"] * 2,
                           "mean_compound": [-0.2, 0.1, -0.3, 0.4]})
    assert sentiment.voices_note(voices).startswith("In none of the 2 outlets with both voices the quoted text")
    row = dict(periods="Jan 2024", n_articles=2, n_sentences=40, mean_compound=0.0)
    outlets = pd.DataFrame(
        [dict(row, outlet="A", ci_low=0.1, ci_high=0.3), dict(row, outlet="B", ci_low=-0.3, ci_high=0.0)]
    )
    assert sentiment.outlets_note(outlets) == "The one pair of outlets has 95% intervals that do not overlap (A vs B)."

# ----------------------------------------------------------------- the benchmark


def _read_independently(path):
    """The benchmark file parsed without helpers.sentiment: CRLF lines, three tab fields."""
    lines = path.read_bytes().decode("ascii").split("\r\n")
    rows = [line.split("\t") for line in lines if line]
    assert all(len(r) == 3 for r in rows)
    return [r[2] for r in rows], np.array([float(r[1]) for r in rows]) / 4


def _macro_f1(truth, guess):
    scores = []
    for label in ("negative", "neutral", "positive"):
        tp = np.sum((truth == label) & (guess == label))
        precision, recall = tp / np.sum(guess == label), tp / np.sum(truth == label)
        scores.append(2 * precision * recall / (precision + recall))
    return float(np.mean(scores))


@pytest.fixture(scope="module")
def validation():
    benchmark, skipped = sentiment.load_benchmark()
    scored = sentiment.score_benchmark(benchmark)
    return benchmark, skipped, scored, sentiment.validation_metrics(scored).set_index("implementation")


def test_benchmark_copy_is_complete_and_as_documented(validation):
    benchmark, skipped, _, _ = validation
    folder = sentiment.BENCHMARK_DIR
    digest = hashlib.sha256(sentiment.BENCHMARK_FILE.read_bytes()).hexdigest()
    assert digest in (folder / "README.md").read_text()
    assert "MIT License" in (folder / "LICENSE.txt").read_text()
    assert len(benchmark) == 5190 and skipped.empty
    assert benchmark["id"].is_unique and benchmark["editorial"].nunique() == 498
    assert np.allclose(benchmark["human"], benchmark["rating"] / 4)


def test_benchmark_correlation_and_f1_match_an_independent_computation(validation, reference):
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from helpers.nltk_data import ensure_nltk_data

    _, _, _, metrics = validation
    texts, human = _read_independently(sentiment.BENCHMARK_FILE)
    ensure_nltk_data()
    nltk_sia = SentimentIntensityAnalyzer()
    for key, sia in [("nltk", nltk_sia), ("reference", reference)]:
        compound = np.array([sia.polarity_scores(t)["compound"] for t in texts])
        r = np.corrcoef(compound, human)[0, 1]
        row = metrics.loc[sentiment.IMPLEMENTATIONS[key]]
        assert abs(row["pearson_r"] - r) <= 0.01
        label = lambda v: np.where(v >= 0.05, "positive", np.where(v <= -0.05, "negative", "neutral"))  # noqa: E731
        assert abs(row["macro_f1"] - _macro_f1(label(human), label(compound))) <= 0.01
        assert 0.4 < r < 0.6  # the order of magnitude the VADER paper's data lead one to expect


def test_malformed_benchmark_lines_are_skipped_and_named(tmp_path):
    path = tmp_path / "bench.txt"
    lines = ["1_1\t0.5\tA fine day.", "1_2\t-1.2", "1_3\tabc\tNo number.", "1_1\t0.1\tRepeated id.",
             "x\t0.2\tBad id.", "2_1\t5.5\tOff the scale.", "2_2\t0.3\t ", "2_3\t-2.0\tA terrible day."]
    path.write_bytes("\r\n".join(lines).encode("ascii") + b"\r\n")
    benchmark, skipped = sentiment.load_benchmark(path)
    assert benchmark["id"].tolist() == ["1_1", "2_3"] and benchmark["human"].tolist() == [0.125, -0.5]
    assert skipped["line_n"].tolist() == [2, 3, 4, 5, 6, 7]
    assert "fields" in skipped["reason"].iloc[0] and "repeats" in skipped["reason"].iloc[2]


def test_validation_note_states_the_computed_numbers(validation):
    _, skipped, scored, metrics = validation
    text = sentiment.validation_note(metrics.reset_index(), scored, skipped)
    assert f"r = {metrics['pearson_r'].iloc[0]:.3f}" in text
    assert f"macro-F1 {metrics['macro_f1'].iloc[1]:.3f}" in text
    assert "0 malformed lines skipped" in text


# ----------------------------------------------------------------- the notebook


def test_notebook_types_no_validation_number():
    source = (NOTEBOOKS_DIR / f"{NOTEBOOK}.ipynb").read_text()
    assert not re.search(r"\b0\.[1-9]\d", source), "validation numbers must be computed, not typed"


def test_seed_tables_trace_to_sentences(seed_report, seed):
    articles, sentences, _, _ = seed
    data = seed_report / "data"
    written = pd.read_csv(data / "sentiment_sentences.csv")
    assert {"neg", "neu", "pos", "compound"} <= set(written.columns) and len(written) == len(sentences)
    bodies = dict(zip(articles["article_id"], articles["body"], strict=False))
    assert all(bodies[r.article_id][r.start_char:r.end_char] == r.text for r in written.itertuples())
    sia = sentiment.analyzer()
    assert written["compound"].tolist() == [sia.polarity_scores(t)["compound"] for t in written["text"]]
    outlets = pd.read_csv(data / "sentiment_outlets.csv").set_index("outlet")
    means = written.groupby("outlet")["compound"].mean()
    assert np.allclose(outlets["mean_compound"], means.reindex(outlets.index), atol=1e-4)
    actors = pd.read_csv(data / "sentiment_actors.csv")
    assert {"Benjamin Netanyahu", "Mahmoud Abbas", "Israel", "Palestinians"} <= set(actors["actor"])
    assert {"n_sentences", "mean_compound", "ci_low", "thin"} <= set(actors.columns)


def test_seed_page_reports_the_validation_computed_at_build(seed_report, validation):
    _, _, _, metrics = validation
    page = (seed_report / f"{NOTEBOOK}.html").read_text()
    built = pd.read_csv(seed_report / "data" / "sentiment_validation.csv").set_index("implementation")
    assert np.allclose(built["pearson_r"], metrics["pearson_r"])
    assert f"r = {metrics['pearson_r'].iloc[0]:.3f}" in page
    index = (seed_report / "index.html").read_text()
    assert f"(r = {metrics['pearson_r'].iloc[0]:.2f})" in index and "Mean sentence tone" in index
    assert page.count("data:image/png;base64") >= 5
    assert "Traceback" not in page


def test_written_corpus_page_is_escaped_and_explains_missing_actors(written_report):
    _, out = written_report
    page = (out / f"{NOTEBOOK}.html").read_text()
    assert "<b>Outlet</b>" not in page and "<script>alert" not in page
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in page
    assert "This corpus has no actors table" in page
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page
    assert "found automatically" in page  # no actors.csv: the actors are found in the text (issue 19)
    actors = pd.read_csv(out / "data" / "sentiment_actors.csv")
    assert {"Ann Lee", "Ana Ruiz"} <= set(actors["actor"])


def test_one_article_corpus_says_there_is_nothing_to_compare(one_article_report):
    page = (one_article_report / f"{NOTEBOOK}.html").read_text()  # the JTA seed alone (tests/conftest.py)
    assert "Only one outlet (JTA)" in page and "nothing to compare" in page
    assert "Traceback" not in page and 'data-mime-type="application/vnd.jupyter.stderr"' not in page
