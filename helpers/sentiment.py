"""Sentence-level sentiment (VADER), its uncertainty, and how far it agrees with people.

The scores come from NLTK's port of VADER (``nltk.sentiment.vader``) with the lexicon
that the ``vaderSentiment`` package ships, put where NLTK looks by
``helpers.nltk_data.ensure_nltk_data()`` (nothing is downloaded). VADER gives each text
four numbers: ``neg``, ``neu`` and ``pos`` (the shares of its sentiment-bearing weight
that are negative, neutral and positive; they sum to 1) and ``compound`` (the summed
valence of its words after VADER's rules for negation, boosters, "but", capitals and
exclamation marks, squashed into -1...1). Everything here is built on ``compound``.

Every table keeps ``article_id`` and ``sentence_id`` (and character offsets where they
make sense), so each mean can be traced to the sentences behind it. Every mean comes
with its count and a 95% bootstrap interval, which is missing (NaN), not zero-width,
when it rests on a single sentence.

``load_benchmark`` and ``validation_metrics`` measure the method against the human
ratings of 5,190 New York Times editorial sentences (Hutto & Gilbert 2014), copied into
``validation/vader-nyt/``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .parallel import map_articles
from .paths import PROJECT_ROOT, resolve
from .quote_spans import quote_spans

# VADER's own cut-offs for calling a compound score positive (>= 0.05), negative
# (<= -0.05) or neutral (in between): vaderSentiment README, "About the Scoring".
THRESHOLD = 0.05
LABELS = ("negative", "neutral", "positive")

# Bootstrap: percentile intervals from resampling with numpy's default Generator
# (PCG64) seeded with BOOTSTRAP_SEED, an arbitrary fixed number (a date, 2014-03-31),
# so every build gives the same intervals. Each interval is computed with a freshly
# seeded Generator, so it does not depend on which other groups were computed first.
# Efron & Tibshirani (1993, An Introduction to the Bootstrap) advise at least 1,000
# resamples for percentile intervals; with 2,000, rerunning with other seeds moves an
# interval end of a seed outlet (13-26 sentences) by a standard deviation of about
# 0.005, half the 0.01 the tables show (measured over 200 seeds).
BOOTSTRAP_SEED = 20140331
N_RESAMPLES = 2000
CONFIDENCE = 0.95
MAX_DRAWS = 5_000_000  # random draws held in memory at once (40 MB of float64)

# A mean resting on fewer sentences than this is flagged as thin in the actor chart
# (and should not be read as a finding): sentence scores spread widely (standard
# deviation 0.37-0.52 within each seed outlet), so the 95% interval of a mean of 5
# sentences is still about +/-0.4 wide (1.96 x 0.45 / sqrt(5)).
THIN_CELL = 5
# The same floor for comparing two intervals: below it the bootstrap sees too little of the
# spread (three neutral sentences give the zero-width interval [0, 0]), so the notes say
# "too few sentences" instead of judging whether two intervals overlap.
MIN_SENTENCES_FOR_INTERVAL = THIN_CELL

# Sentence position in an article is cut into this many equal parts for "tone through
# the article" (first fifth ... last fifth).
POSITION_BINS = 5
POSITION_LABELS = {5: ("first fifth", "second fifth", "middle fifth", "fourth fifth", "last fifth")}

# The benchmark: validation/vader-nyt/ (see its README.md). Human ratings are means on
# -4...+4 (Hutto & Gilbert 2014, and the README of their data release); dividing by RATING_SCALE puts them on
# compound's -1...1 so the same +/-THRESHOLD classes apply.
BENCHMARK_DIR = PROJECT_ROOT / "validation" / "vader-nyt"
BENCHMARK_FILE = BENCHMARK_DIR / "nytEditorialSnippets_GroundTruth.txt"
RATING_SCALE = 4.0
_BENCHMARK_ID = re.compile(r"^(\d+)_(\d+)$")

IMPLEMENTATIONS = {
    "nltk": "NLTK's VADER (used in this notebook)",
    "reference": "vaderSentiment 3.3.2 (reference implementation)",
}

# Quotations shorter than this many words are scare quotes or terms ('to "lead"',
# 'a "framework" agreement', '"Lone wolf" attackers'), not a speaker's voice: they stay
# part of the narration around them. Three words keeps real partial quotes such as
# 'said "it is clear" the release...'.
MIN_QUOTE_WORDS = 3

# Decimals kept in the CSVs: compound scores have 4 (VADER rounds them); percentages 1.
SCORE_DECIMALS = 4
PCT_DECIMALS = 1

SCORE_COLUMNS = ["neg", "neu", "pos", "compound"]
SENTENCE_SCORE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "sentence_n", "paragraph_n", "position",
    "start_char", "end_char", "text", "in_quote", "share_quoted",
    "neg", "neu", "pos", "compound", "label",
]
SUMMARY_COLUMNS = [
    "n_articles", "mean_compound", "ci_low", "ci_high", "median_compound",
    "pct_negative", "pct_neutral", "pct_positive",
]
SEGMENT_COLUMNS = [
    "article_id", "outlet", "sentence_id", "segment_n", "voice", "start_char", "end_char",
    "text", "n_words", "neg", "neu", "pos", "compound", "label",
]
VOICES = ("narration", "quoted")
ACTOR_COLUMNS = [
    "actor", "affiliation", "outlet", "periods", "n_articles", "n_sentences", "n_mentions",
    "mean_compound", "ci_low", "ci_high", "pct_negative", "pct_neutral", "pct_positive", "thin",
]
EXTREME_COLUMNS = ["outlet", "end", "rank", "compound", "sentence_id", "text"]
LEXICON_COLUMNS = ["outlet", "word", "valence", "n", "total_valence", "example_sentence_id"]
BENCHMARK_COLUMNS = ["line_n", "id", "editorial", "rating", "human", "text"]
SKIPPED_COLUMNS = ["line_n", "reason", "line"]


# --------------------------------------------------------------------------- scoring


@functools.lru_cache(maxsize=1)
def analyzer():
    """NLTK's ``SentimentIntensityAnalyzer`` with the offline lexicon (cached).

    Calls ``helpers.nltk_data.ensure_nltk_data()`` first, which puts the
    ``vaderSentiment`` lexicon where NLTK looks; nothing is downloaded.
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from .nltk_data import ensure_nltk_data

    ensure_nltk_data()
    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def reference_analyzer():
    """The ``vaderSentiment`` package's own ``SentimentIntensityAnalyzer`` (cached)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score_texts(texts, *, implementation: str = "nltk") -> pd.DataFrame:
    """VADER scores of each text.

    Parameters
    ----------
    texts
        An iterable of strings (a missing value scores as an empty text).
    implementation
        ``"nltk"`` (NLTK's port, used throughout the notebook) or ``"reference"``
        (the ``vaderSentiment`` package, for comparison).

    Returns
    -------
    DataFrame
        One row per text, in order: ``neg, neu, pos, compound`` (floats). An empty
        text scores ``neu`` 0 and the rest 0, as VADER returns it.
    """
    if implementation not in IMPLEMENTATIONS:
        raise ValueError(f"implementation must be one of {sorted(IMPLEMENTATIONS)}")
    sia = analyzer() if implementation == "nltk" else reference_analyzer()
    rows = [sia.polarity_scores(t if isinstance(t, str) else "") for t in texts]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS, dtype="float64")


def label_scores(values, *, threshold: float = THRESHOLD) -> np.ndarray:
    """``"positive"`` (>= threshold), ``"negative"`` (<= -threshold) or ``"neutral"``."""
    values = np.asarray(values, dtype="float64")
    return np.where(values >= threshold, "positive", np.where(values <= -threshold, "negative", "neutral"))


def _with_scores(table: pd.DataFrame) -> pd.DataFrame:
    scores = score_texts(table["text"])
    out = table.reset_index(drop=True).copy()
    for col in SCORE_COLUMNS:
        out[col] = scores[col].to_numpy()
    out["label"] = label_scores(out["compound"])
    return out


def _score_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    out = _with_scores(sentences)
    n_in_article = out.groupby("article_id")["sentence_n"].transform("max")
    out["position"] = (out["sentence_n"] - 0.5) / n_in_article
    return out[SENTENCE_SCORE_COLUMNS]


def score_sentences(sentences: pd.DataFrame, *, n_jobs: int | None = None, client=None) -> pd.DataFrame:
    """Score every sentence with NLTK's VADER.

    A corpus of ``helpers.parallel.MIN_PARALLEL_ARTICLES`` articles or more is scored
    in chunks of articles on every core (``n_jobs``), or on a Dask cluster
    (``client``); see ``helpers.parallel``. The table is the same either way.

    Parameters
    ----------
    sentences
        The output of ``helpers.text.split_sentences``. Not modified.

    Returns
    -------
    DataFrame
        One row per sentence, in the input's order: ``article_id, outlet,
        sentence_id, sentence_n, paragraph_n, position`` (where the sentence sits
        in its article, 0-1: the middle of its slot, ``(sentence_n - 0.5) /
        sentences in the article``, so the first of 10 is 0.05 and the last 0.95),
        ``start_char, end_char, text, in_quote, share_quoted`` (from the input),
        ``neg, neu, pos, compound`` (VADER) and ``label`` (negative / neutral /
        positive by the +/-0.05 cut-offs).
    """
    return map_articles(_score_sentences, sentences, n_jobs=n_jobs, client=client, desc="sentiment")


def voice_segments(
    sentences: pd.DataFrame, articles: pd.DataFrame, *, min_quote_words: int = MIN_QUOTE_WORDS
) -> pd.DataFrame:
    """Cut each sentence at its direct quotations into quoted and narration parts.

    A sentence such as ``"We will review every line," said Raj Patel.`` becomes two
    segments: the quotation (quote marks included) and the narration around it. The
    quotation spans come from ``helpers.quote_spans.quote_spans`` on the article body.
    Quotations of fewer than ``min_quote_words`` words (scare quotes, terms) stay in
    the narration. Leading and trailing spaces are trimmed from each part, and parts
    with no letter or digit (a lone comma or quote mark) are dropped.

    Parameters
    ----------
    sentences
        The output of ``split_sentences`` (``article_id, outlet, sentence_id,
        start_char, end_char``). Not modified.
    articles
        ``article_id`` and ``body`` (the text the offsets point into).
    min_quote_words
        Shortest quotation (in whitespace-separated words) counted as a quoted voice.

    Returns
    -------
    DataFrame
        One row per segment, in reading order: ``article_id, outlet, sentence_id,
        segment_n`` (1-based within the sentence), ``voice`` ("quoted" or
        "narration"), ``start_char, end_char`` (offsets into the body), ``text``
        (``body[start_char:end_char]``) and ``n_words`` (whitespace-separated).
    """
    bodies = dict(zip(articles["article_id"].astype(str), articles["body"]))
    spans = {
        aid: [(s, e) for s, e in quote_spans(body) if len(body[s:e].split()) >= min_quote_words]
        for aid, body in bodies.items() if isinstance(body, str)
    }
    rows = []
    for sent in sentences[["article_id", "outlet", "sentence_id", "start_char", "end_char"]].itertuples(index=False):
        body = bodies.get(str(sent.article_id), "")
        cuts = []  # (start, end, voice) covering the sentence
        at = sent.start_char
        for q_start, q_end in spans.get(str(sent.article_id), []):
            if q_end <= sent.start_char or q_start >= sent.end_char:
                continue
            q_start, q_end = max(q_start, sent.start_char), min(q_end, sent.end_char)
            if q_start > at:
                cuts.append((at, q_start, "narration"))
            cuts.append((q_start, q_end, "quoted"))
            at = q_end
        if at < sent.end_char:
            cuts.append((at, sent.end_char, "narration"))
        n = 0
        for start, end, voice in cuts:
            piece = body[start:end]
            if not re.search(r"[^\W_]", piece):
                continue
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            n += 1
            text = body[start:end]
            rows.append((sent.article_id, sent.outlet, sent.sentence_id, n, voice, start, end, text, len(text.split())))
    columns = SEGMENT_COLUMNS[: SEGMENT_COLUMNS.index("n_words") + 1]
    return pd.DataFrame(rows, columns=columns).astype({"start_char": "int64", "end_char": "int64"})


def score_voices(
    sentences: pd.DataFrame, articles: pd.DataFrame, *, min_quote_words: int = MIN_QUOTE_WORDS
) -> pd.DataFrame:
    """``voice_segments`` with VADER scores for each segment.

    Returns
    -------
    DataFrame
        ``article_id, outlet, sentence_id, segment_n, voice, start_char, end_char,
        text, n_words, neg, neu, pos, compound, label``, one row per segment.
    """
    segments = voice_segments(sentences, articles, min_quote_words=min_quote_words)
    if segments.empty:
        return pd.DataFrame(columns=SEGMENT_COLUMNS)
    return _with_scores(segments)[SEGMENT_COLUMNS]


# --------------------------------------------------------------------------- uncertainty


def bootstrap_mean(
    values,
    *,
    groups=None,
    n_resamples: int = N_RESAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float, float]:
    """Mean of ``values`` with a percentile bootstrap interval.

    Without ``groups`` the values are resampled with replacement. With ``groups``
    (the article of each sentence) the bootstrap has two stages, because sentences
    of one article are not independent: each resample draws as many articles as there
    are, with replacement, and then, within each drawn article, as many of its
    sentences as it has, with replacement; the statistic is the mean over all drawn
    sentences. With a single group this is the plain sentence bootstrap, and the
    interval then describes that one article, not its outlet.

    Parameters
    ----------
    values
        Numbers (NaN not allowed).
    groups
        Optional labels, one per value.
    n_resamples, confidence, seed
        Resamples, interval coverage, and the seed of ``numpy.random.default_rng``.

    Returns
    -------
    tuple of float
        ``(mean, low, high)``. With fewer than two values the interval is undefined:
        ``low`` and ``high`` are NaN (and all three are NaN with no values).
    """
    values = np.asarray(values, dtype="float64")
    n = len(values)
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(values.mean())
    if n < 2:
        return mean, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    codes = None if groups is None else pd.factorize(np.asarray(groups), sort=True)[0]
    if codes is None or codes.max() == 0:
        chunk = max(1, MAX_DRAWS // n)  # resamples per batch, to bound memory on big outlets
        stats = np.concatenate([
            values[rng.integers(0, n, size=(min(chunk, n_resamples - start), n))].mean(axis=1)
            for start in range(0, n_resamples, chunk)
        ])
    else:
        k = int(codes.max()) + 1
        picks = rng.integers(0, k, size=(n_resamples, k)).ravel()
        order = np.argsort(picks, kind="stable")
        bounds = np.searchsorted(picks[order], np.arange(k + 1))
        sums = np.zeros(n_resamples)
        counts = np.zeros(n_resamples)
        for g in range(k):
            rows = order[bounds[g]:bounds[g + 1]] // k  # the resamples that drew group g
            member = values[codes == g]
            draws = member[rng.integers(0, len(member), size=(len(rows), len(member)))]
            np.add.at(sums, rows, draws.sum(axis=1))
            np.add.at(counts, rows, len(member))
        stats = sums / counts
    alpha = (1 - confidence) / 2
    low, high = np.quantile(stats, [alpha, 1 - alpha])
    return mean, float(low), float(high)


def summarise_scores(
    scored: pd.DataFrame,
    *,
    by: list[str],
    count: str = "n_sentences",
    seed: int = BOOTSTRAP_SEED,
) -> pd.DataFrame:
    """Mean compound score per group, with its count and a bootstrap interval.

    Parameters
    ----------
    scored
        Rows with ``article_id``, ``compound``, ``label`` and the ``by`` columns
        (sentences from ``score_sentences``, segments from ``score_voices``).
    by
        Grouping columns.
    count
        Name of the row-count column (``n_sentences``, ``n_segments``).
    seed
        Bootstrap seed (see ``bootstrap_mean``; resampling is by article, then row).

    Returns
    -------
    DataFrame
        One row per group, sorted by ``by``: the ``by`` columns, ``n_articles``,
        ``<count>``, ``mean_compound``, ``ci_low``, ``ci_high`` (95% bootstrap
        interval, NaN for a single row), ``median_compound`` (scores rounded to 4
        decimals, as VADER's own), ``pct_negative``, ``pct_neutral``, ``pct_positive``
        (percent of the group's rows with that label, 1 decimal).
    """
    columns = [*by, "n_articles", count, *SUMMARY_COLUMNS[1:]]
    if scored.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for key, group in scored.groupby(by, sort=True):
        mean, low, high = bootstrap_mean(group["compound"], groups=group["article_id"], seed=seed)
        shares = group["label"].value_counts(normalize=True).reindex(LABELS, fill_value=0) * 100
        rows.append((
            *key, group["article_id"].nunique(), len(group), mean, low, high,
            float(group["compound"].median()), *shares.to_numpy(),
        ))
    out = pd.DataFrame(rows, columns=columns).astype({"n_articles": "int64", count: "int64"})
    scores = ["mean_compound", "ci_low", "ci_high", "median_compound"]
    out[scores] = out[scores].round(SCORE_DECIMALS)
    pcts = ["pct_negative", "pct_neutral", "pct_positive"]
    out[pcts] = out[pcts].round(PCT_DECIMALS)
    return out


def _outlet_periods(periods: pd.DataFrame) -> pd.Series:
    """Outlet -> its coverage periods, in date order ("Mar–Apr 2014; Nov 2015")."""
    ordered = periods.sort_values(["period", "article_id"], kind="stable")
    return ordered.groupby("outlet", sort=True)["period_label"].agg(lambda s: "; ".join(dict.fromkeys(s)))


def article_sentiment(scored: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Mean sentence tone of each article.

    Parameters
    ----------
    scored
        From ``score_sentences``.
    periods
        From ``helpers.events.date_periods``.

    Returns
    -------
    DataFrame
        One row per article (articles with no sentence are left out), sorted by
        outlet and date: ``article_id, outlet, date, period_label, n_sentences,
        mean_compound, ci_low, ci_high`` (bootstrap over the article's sentences),
        ``median_compound, pct_negative, pct_neutral, pct_positive``.
    """
    summary = summarise_scores(scored, by=["article_id", "outlet"]).drop(columns="n_articles")
    meta = periods[["article_id", "date", "period_label"]].astype({"article_id": "str"})
    out = summary.astype({"article_id": "str"}).merge(meta, on="article_id", how="left")
    first = ["article_id", "outlet", "date", "period_label"]
    out = out[first + [c for c in out.columns if c not in first]]
    return out.sort_values(["outlet", "date", "article_id"], kind="stable", ignore_index=True)


def outlet_sentiment(scored: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Mean sentence tone of each outlet, with the moments its articles cover.

    Parameters
    ----------
    scored
        From ``score_sentences``.
    periods
        From ``helpers.events.date_periods``.

    Returns
    -------
    DataFrame
        One row per outlet, most positive mean first (ties by name): ``outlet,
        periods`` (its articles' coverage periods), ``n_articles, n_sentences,
        mean_compound, ci_low, ci_high`` (two-stage bootstrap: articles, then their
        sentences), ``median_compound, pct_negative, pct_neutral, pct_positive``.
    """
    summary = summarise_scores(scored, by=["outlet"])
    summary.insert(1, "periods", summary["outlet"].map(_outlet_periods(periods)))
    return summary.sort_values(["mean_compound", "outlet"], ascending=[False, True], kind="stable", ignore_index=True)


def voice_sentiment(voices: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Mean tone of quoted text and of narration, per outlet.

    Parameters
    ----------
    voices
        From ``score_voices``.
    periods
        From ``helpers.events.date_periods``.

    Returns
    -------
    DataFrame
        One row per outlet and voice present, sorted by outlet then voice
        (narration, quoted): ``outlet, periods, voice, n_articles, n_segments,
        n_words, mean_compound, ci_low, ci_high, median_compound, pct_negative,
        pct_neutral, pct_positive``.
    """
    summary = summarise_scores(voices, by=["outlet", "voice"], count="n_segments")
    if summary.empty:
        columns = ["outlet", "periods", "voice", "n_articles", "n_segments", "n_words", *SUMMARY_COLUMNS[1:]]
        return pd.DataFrame(columns=columns)
    words = voices.groupby(["outlet", "voice"])["n_words"].sum()
    summary.insert(4, "n_words", [int(words[(o, v)]) for o, v in zip(summary["outlet"], summary["voice"])])
    summary.insert(1, "periods", summary["outlet"].map(_outlet_periods(periods)))
    return summary


def actor_sentiment(scored: pd.DataFrame, mentions: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Mean tone of the sentences that mention each actor, per outlet.

    A sentence counts once for an actor however often it names them (by name or an
    alias from the actors table), and it counts for every actor it names: a sentence
    about Kerry meeting Abbas scores for both. So this is the tone of the sentences
    an actor appears in, not a measured attitude toward the actor.

    Parameters
    ----------
    scored
        From ``score_sentences``.
    mentions
        From ``helpers.actors.find_mentions``.
    periods
        From ``helpers.events.date_periods``.

    Returns
    -------
    DataFrame
        One row per actor and outlet with at least one mention, actors with the most
        mentioning sentences first, then by outlet: ``actor, affiliation, outlet,
        periods, n_articles, n_sentences, n_mentions`` (alias hits, repeats counted),
        ``mean_compound, ci_low, ci_high, pct_negative, pct_neutral, pct_positive``
        and ``thin`` (fewer than ``THIN_CELL`` sentences).
    """
    if mentions.empty or scored.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    per_sentence = mentions.groupby(["actor", "sentence_id"], sort=False).agg(
        affiliation=("affiliation", "first"), n_mentions=("alias", "size")
    ).reset_index()
    joined = per_sentence.merge(scored, on="sentence_id", how="inner")
    summary = summarise_scores(joined, by=["actor", "outlet"])
    extra = joined.groupby(["actor", "outlet"]).agg(
        affiliation=("affiliation", "first"), n_mentions=("n_mentions", "sum")
    )
    summary = summary.merge(extra.reset_index(), on=["actor", "outlet"], how="left")
    summary["periods"] = summary["outlet"].map(_outlet_periods(periods))
    summary["thin"] = summary["n_sentences"] < THIN_CELL
    totals = summary.groupby("actor")["n_sentences"].sum()
    summary["_total"] = summary["actor"].map(totals)
    summary = summary.sort_values(["_total", "actor", "outlet"], ascending=[False, True, True], kind="stable")
    return summary[ACTOR_COLUMNS].reset_index(drop=True)


def position_sentiment(scored: pd.DataFrame, *, bins: int = POSITION_BINS) -> pd.DataFrame:
    """Mean tone by where sentences sit in their article, per outlet.

    Parameters
    ----------
    scored
        From ``score_sentences`` (its ``position``, 0-1).
    bins
        Equal parts the article is cut into (default fifths).

    Returns
    -------
    DataFrame
        One row per outlet and part with sentences: ``outlet, position_bin``
        (1 = start), ``bin_label``, ``n_articles, n_sentences, mean_compound,
        ci_low, ci_high, median_compound, pct_negative, pct_neutral, pct_positive``.
    """
    labels = POSITION_LABELS.get(bins) or tuple(f"part {i} of {bins}" for i in range(1, bins + 1))
    binned = scored.assign(position_bin=np.minimum((scored["position"] * bins).astype("int64") + 1, bins))
    summary = summarise_scores(binned, by=["outlet", "position_bin"])
    summary.insert(2, "bin_label", summary["position_bin"].map(lambda b: labels[int(b) - 1]))
    return summary


def extreme_sentences(scored: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """The most negative and most positive sentences of each outlet.

    Only sentences on the right side of zero qualify (an outlet with no negative
    sentence shows none as "most negative"). Ties are broken by sentence order.

    Returns
    -------
    DataFrame
        ``outlet, end`` ("most negative" / "most positive"), ``rank`` (1 = most
        extreme), ``compound, sentence_id, text``; sorted by outlet, end, rank.
    """
    parts = []
    ends = [("most negative", True, scored["compound"] < 0), ("most positive", False, scored["compound"] > 0)]
    for end, ascending, side in ends:
        chosen = (
            scored[side]
            .sort_values(["outlet", "compound", "article_id", "sentence_n"],
                         ascending=[True, ascending, True, True], kind="stable")
            .groupby("outlet", sort=True)
            .head(n)
        )
        chosen = chosen.assign(end=end, rank=chosen.groupby("outlet").cumcount() + 1)
        parts.append(chosen[EXTREME_COLUMNS])
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["outlet", "end", "rank"], kind="stable", ignore_index=True)


def lexicon_words(sentences: pd.DataFrame, *, top: int = 6) -> pd.DataFrame:
    """The lexicon words that weigh most in each outlet's scores.

    Tokens come from ``helpers.text.tokenize`` (lower-cased) and are looked up in the
    VADER lexicon NLTK uses. The valence is the word's lexicon value (-4...+4) before
    VADER's rules (negation, boosters, "but"), so this shows what drives the scores,
    not each word's exact contribution.

    Returns
    -------
    DataFrame
        ``outlet, word, valence, n`` (occurrences), ``total_valence`` (valence x n)
        and ``example_sentence_id`` (its first sentence): the ``top`` words by
        ``|total_valence|`` per outlet (ties by word), sorted by outlet, then
        ``total_valence`` descending.
    """
    from .text import tokenize

    lexicon = analyzer().lexicon
    tokens = tokenize(sentences)
    hits = tokens[tokens["lower"].isin(lexicon.keys())].merge(
        sentences[["sentence_id", "outlet"]], on="sentence_id", how="left"
    )
    if hits.empty:
        return pd.DataFrame(columns=LEXICON_COLUMNS)
    counted = hits.groupby(["outlet", "lower"], sort=True).agg(
        n=("token", "size"), example_sentence_id=("sentence_id", "first")
    ).reset_index().rename(columns={"lower": "word"})
    counted["valence"] = counted["word"].map(lexicon).astype("float64")
    counted["total_valence"] = counted["valence"] * counted["n"]
    counted["_weight"] = counted["total_valence"].abs()
    top_words = (
        counted.sort_values(["outlet", "_weight", "word"], ascending=[True, False, True], kind="stable")
        .groupby("outlet", sort=True).head(top)
    )
    out = top_words.sort_values(["outlet", "total_valence", "word"], ascending=[True, False, True], kind="stable")
    return out[LEXICON_COLUMNS].reset_index(drop=True)


# --------------------------------------------------------------------------- sentences for the page


def _n(count: int, word: str) -> str:
    """``"1 sentence"``, ``"2 sentences"``."""
    count = int(count)
    return f"{count:,} {word}{'s' * (count != 1)}"


def _fmt(value: float) -> str:
    return "n/a" if pd.isna(value) else f"{value:+.2f}".replace("-", "\u2212")


def _interval(low: float, high: float) -> str:
    if pd.isna(low):
        return "too few for an interval"
    return f"95% CI {_fmt(low)} to {_fmt(high)}"


def _k_of(k: int, n: int, word: str) -> str:
    """``"none of the 3 outlets"``, ``"1 of 3 outlets"``, ``"both outlets"``, ``"all 3 outlets"``, ``"no outlet"``."""
    if n == 1:
        return f"the one {word}" if k else f"no {word}"
    if k == 0:
        return f"none of the {_n(n, word)}"
    return f"{k:,} of {_n(n, word)}" if k < n else f"both {word}s" if n == 2 else f"all {_n(n, word)}"


def intervals_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether closed intervals ``(low, high)`` share a point; ``(x, x)`` is the point x."""
    return bool(a[0] <= b[1] and b[0] <= a[1])


def _too_few(row: pd.Series) -> bool:
    return pd.isna(row["ci_low"]) or row.get("n_sentences", MIN_SENTENCES_FOR_INTERVAL) < MIN_SENTENCES_FOR_INTERVAL


def _overlap(a: pd.Series, b: pd.Series) -> bool | None:
    """Whether two rows' intervals overlap; None when either rests on too few sentences."""
    if _too_few(a) or _too_few(b):
        return None
    return intervals_overlap((a["ci_low"], a["ci_high"]), (b["ci_low"], b["ci_high"]))


def _too_few_note(rows: list[pd.Series], so: str = "") -> str:
    """``"Gamma (3 sentences) has too few sentences ..."`` for the rows ``_too_few`` flags."""
    thin = [f"{r['outlet']} ({_n(r['n_sentences'], 'sentence')})" for r in rows if _too_few(r)]
    one, names = len(thin) == 1, ", ".join(thin[:-1]) + " and " * (len(thin) > 1) + "".join(thin[-1:])
    so = so or f"{'it is' if one else 'they are'} not compared with other outlets"
    return (f"{names} {'has' if one else 'have'} too few sentences for a meaningful interval "
            f"(fewer than {MIN_SENTENCES_FOR_INTERVAL}), so {so}." if thin else "")


def _moments(outlets: pd.DataFrame) -> str:
    if outlets["periods"].nunique() > 1:
        return " The outlets wrote at different moments, so part of any difference is the news, not the outlet."
    return ""


def sentiment_finding(outlets: pd.DataFrame, metrics: pd.DataFrame) -> str:
    """The notebook's one-line finding, every number computed from the tables."""
    nltk_r = metrics.set_index("implementation").loc[IMPLEMENTATIONS["nltk"], "pearson_r"]
    trust = (
        f" VADER agrees only moderately with human ratings of news-like sentences (r = {nltk_r:.2f}), "
        "so read differences inside the intervals as noise."
    )
    if outlets.empty:
        return "The corpus has no sentences to score." + trust
    if len(outlets) == 1:
        row = outlets.iloc[0]
        return (
            f"Only one outlet ({row['outlet']}): its mean sentence tone is {_fmt(row['mean_compound'])} on VADER's "
            f"\u22121\u2026+1 scale ({_n(row['n_sentences'], 'sentence')}, {_interval(row['ci_low'], row['ci_high'])}); "
            "there is no other outlet to compare it with." + trust
        )
    hi, lo = outlets.iloc[0], outlets.iloc[-1]
    overlap = _overlap(hi, lo)
    verdict = {
        True: "Their 95% intervals overlap, so even the widest gap between outlets is not a clear difference.",
        False: "Their 95% intervals do not overlap",
        None: _too_few_note([lo, hi], so="the gap cannot be judged"),
    }[overlap]
    if overlap is False:
        single = hi["n_articles"] == 1 and lo["n_articles"] == 1
        verdict += ", but each is a single article, so this compares two articles, not two outlets." if single else "."
    return (
        f"Mean sentence tone (VADER compound, \u22121\u2026+1) runs from {_fmt(lo['mean_compound'])} for {lo['outlet']} "
        f"({lo['periods']}; {_n(lo['n_sentences'], 'sentence')}) to {_fmt(hi['mean_compound'])} for {hi['outlet']} "
        f"({hi['periods']}; {_n(hi['n_sentences'], 'sentence')}). {verdict}{_moments(outlets)}" + trust
    )


def loading_note(log: pd.DataFrame) -> str:
    """A sentence repeating what loading warned about (text that is not English scores wrongly)."""
    warned = log[log["level"] == "warning"] if "level" in log.columns else log.iloc[0:0]
    if warned.empty:
        return "Loading raised no warnings."
    shown = "; ".join(str(m).rstrip(". ") for m in warned["message"].head(3))
    more = f" (and {len(warned) - 3} more, listed in the loading log of 00_corpus)" if len(warned) > 3 else ""
    return f"Loading warned: {shown}{more}. VADER scores English only."


def outlets_note(outlets: pd.DataFrame) -> str:
    """A sentence on the outlet comparison: which pairs of intervals do not overlap."""
    if len(outlets) < 2:
        return "With one outlet there is nothing to compare; the table shows its spread."
    rows = [r for _, r in outlets.iterrows()]
    pairs = [(a, b, _overlap(a, b)) for i, a in enumerate(rows) for b in rows[i + 1:]]
    apart = [f"{a['outlet']} vs {b['outlet']}" for a, b, o in pairs if o is False]
    n_pairs = sum(o is not None for _, _, o in pairs)
    enough = " with enough sentences" if n_pairs < len(pairs) else ""
    text = "No two outlets have enough sentences to compare their intervals."
    if apart:
        verb = "has" if len(apart) == 1 else "have"
        text = f"{_k_of(len(apart), n_pairs, 'pair')} of outlets{enough} {verb} 95% intervals that do not overlap"
        text = f"{text[:1].upper()}{text[1:]} ({'; '.join(apart)})."
    elif n_pairs:
        text = f"The 95% intervals overlap in {_k_of(n_pairs, n_pairs, 'pair')} of outlets{enough}."
    text = f"{text} {_too_few_note(rows)}".rstrip()
    single = int((outlets["n_articles"] == 1).sum())
    if single:
        who = _k_of(single, len(rows), "outlet")
        text += (f" {who[0].upper()}{who[1:]} {'has' if single == 1 else 'have'} a single article here, so their "
                 "interval describes that article's sentences, not the outlet's coverage in general.")
    return text + _moments(outlets)


def voices_note(voice_summary: pd.DataFrame) -> str:
    """A sentence comparing quoted and narration tone per outlet."""
    if voice_summary.empty:
        return "No sentence was scored, so there are no voices to compare."
    wide = voice_summary.pivot(index="outlet", columns="voice", values="mean_compound")
    if "quoted" not in wide.columns:
        return "No outlet quotes anyone directly (no text in double quotes), so there is no quoted voice to compare."
    wide = wide.reindex(columns=list(VOICES))
    both = wide.dropna()
    lower = int((both["quoted"] < both["narration"]).sum())
    parts = [f"In {_k_of(lower, len(both), 'outlet')} with both voices the quoted text is more negative than the narration."
             if len(both) else "No outlet has both narration and direct quotation."]
    missing = sorted(set(wide.index) - set(both.index))
    if missing:
        parts.append(f"No direct quotation in: {', '.join(missing)}.")
    parts.append("Compare each pair of intervals before reading a gap as a difference.")
    return " ".join(parts)


def positions_note(positions: pd.DataFrame) -> str:
    """A sentence comparing the first and the last part of the articles, per outlet."""
    if positions.empty:
        return "No sentences to place."
    last_bin = int(positions["position_bin"].max())
    first = positions[positions["position_bin"] == 1].set_index("outlet")
    last = positions[positions["position_bin"] == last_bin].set_index("outlet")
    both = first.index.intersection(last.index)
    if last_bin == 1 or both.empty:
        return "The articles are too short to compare their start with their end."
    lower = int((last.loc[both, "mean_compound"] < first.loc[both, "mean_compound"]).sum())
    compared = [o for o in both if _overlap(first.loc[o], last.loc[o]) is not None]
    apart = [o for o in compared if _overlap(first.loc[o], last.loc[o]) is False]
    floor = f"{MIN_SENTENCES_FOR_INTERVAL} sentences or more in both fifths"
    clear = (f"the intervals of the first and last fifth are clear of each other in "
             f"{_k_of(len(apart), len(compared), 'outlet')} with {floor}"
             + (f" ({', '.join(apart)})." if apart else ".")
             if compared else f"no outlet has {floor}, so their intervals are not compared.")
    median_n = float(positions["n_sentences"].median())
    return (
        f"In {_k_of(lower, len(both), 'outlet')} the last fifth of the articles is more negative than the first. "
        f"Each point rests on a median of {median_n:g} sentence{'s' * bool(median_n != 1)}; {clear}"
    )


def actors_note(actors: pd.DataFrame, actor_summary: pd.DataFrame) -> str:
    """A sentence on the actor table: whether there is one, and how many cells are thin."""
    if actors.empty:
        return (
            "This corpus has no actors table (actors.csv in the corpus folder, or export.actors.csv beside a table "
            "corpus export.csv), so there are no actors to look for. "
            "Add one, with names and aliases, to see the tone of the sentences that mention each."
        )
    if actor_summary.empty:
        return f"{_k_of(0, len(actors), 'actor').capitalize()} in the actors table is mentioned in any sentence."
    thin, seen = int(actor_summary["thin"].sum()), actor_summary["actor"].nunique()
    missing = sorted(set(actors["name"]) - set(actor_summary["actor"]))
    text = (
        f"{_k_of(seen, len(actors), 'actor').capitalize()} {'is' if seen == 1 else 'are'} mentioned; "
        + (f"{_k_of(thin, len(actor_summary), 'actor-outlet cell')} {'rests' if thin == 1 else 'rest'} on fewer than "
           f"{THIN_CELL} sentences (greyed) and {'is an anecdote' if thin == 1 else 'are anecdotes'}, not findings."
           if thin else f"every actor-outlet cell rests on {THIN_CELL} sentences or more.")
    )
    if missing:
        text += f" Never mentioned: {', '.join(missing)}."
    return text


# --------------------------------------------------------------------------- validation


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
    for line_n, line in enumerate(lines, start=1):
        line = line.removesuffix("\r")
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
                reason = f"rating {rating_text!r} is not a number within -4...+4"
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
        The benchmark's columns plus ``human_label``, ``nltk``, ``reference``
        (compound scores), ``nltk_label`` and ``reference_label`` (the +/-0.05
        classes; the human rating, scaled to -1...1, gets the same cut-offs).
    """
    out = benchmark.copy()
    out["human_label"] = label_scores(out["human"])
    for name in IMPLEMENTATIONS:
        out[name] = score_texts(out["text"], implementation=name)["compound"].to_numpy()
        out[f"{name}_label"] = label_scores(out[name])
    return out


def validation_metrics(scored_benchmark: pd.DataFrame, *, confidence: float = CONFIDENCE) -> pd.DataFrame:
    """How well each implementation agrees with the human ratings.

    Returns
    -------
    DataFrame
        One row per implementation (NLTK's first): ``implementation, n_sentences,
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


def benchmark_confusion(scored_benchmark: pd.DataFrame, *, implementation: str = "nltk") -> pd.DataFrame:
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


def validation_note(metrics: pd.DataFrame, scored_benchmark: pd.DataFrame, skipped: pd.DataFrame) -> str:
    """Sentences stating the benchmark results, computed."""
    m = metrics.set_index("implementation")
    ours, ref = m.loc[IMPLEMENTATIONS["nltk"]], m.loc[IMPLEMENTATIONS["reference"]]
    differ = int((scored_benchmark["nltk"] != scored_benchmark["reference"]).sum())
    confusion = pd.crosstab(scored_benchmark["human_label"], scored_benchmark["nltk_label"])
    neg_as_pos = int(confusion.get("positive", pd.Series(dtype=int)).get("negative", 0))
    n_neg = int((scored_benchmark["human_label"] == "negative").sum())
    return (
        f"On {int(ours['n_sentences']):,} human-rated sentences ({len(skipped)} malformed lines skipped), NLTK's VADER "
        f"correlates r = {ours['pearson_r']:.3f} (95% CI {ours['r_ci_low']:.2f} to {ours['r_ci_high']:.2f}) with the "
        f"mean human rating, and reaches a three-class macro-F1 of {ours['macro_f1']:.3f} (accuracy "
        f"{ours['accuracy']:.0%}); the reference vaderSentiment package: r = {ref['pearson_r']:.3f}, macro-F1 "
        f"{ref['macro_f1']:.3f}. The two implementations give different compound scores on {differ:,} sentences. "
        f"r = {ours['pearson_r']:.2f} means VADER's score shares about {ours['r_squared']:.0%} of its variation with "
        f"human judgement, sentence by sentence; averaged over each editorial's sentences the agreement is "
        f"r = {ours['editorial_r']:.2f} ({int(ours['n_editorials'])} editorials). {neg_as_pos:,} of the {n_neg:,} "
        "sentences people rated negative are scored positive."
    )
