"""Voices: each sentence cut into quoted text and narration, scored, and summarised per outlet.

A quotation is a speaker's voice; the narration around it is the outlet's. Scoring the
two apart shows whether an outlet's tone comes from whom it quotes or how it writes.
"""

from __future__ import annotations

import re

import pandas as pd

from ..quote_spans import quote_spans
from ..tables import periods_by_outlet
from .intervals import SUMMARY_COLUMNS, summarise_scores
from .scoring import with_scores

# Quotations shorter than this many words are scare quotes or terms ('to "lead"',
# 'a "framework" agreement', '"Lone wolf" attackers'), not a speaker's voice: they stay
# part of the narration around them. Three words keeps real partial quotes such as
# 'said "it is clear" the release...'.
MIN_QUOTE_WORDS = 3

SEGMENT_COLUMNS = [
    "article_id", "outlet", "sentence_id", "segment_n", "voice", "start_char", "end_char",
    "text", "n_words", "neg", "neu", "pos", "compound", "label",
]
VOICES = ("narration", "quoted")


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
    bodies = dict(zip(articles["article_id"].astype(str), articles["body"], strict=False))
    spans = long_quote_spans(bodies, min_quote_words=min_quote_words)
    rows = []
    for sent in sentences[["article_id", "outlet", "sentence_id", "start_char", "end_char"]].itertuples(index=False):
        body = bodies.get(str(sent.article_id), "")
        cuts = _cut_sentence(sent.start_char, sent.end_char, spans.get(str(sent.article_id), []))
        for n, (start, end, voice) in enumerate(_trimmed_parts(body, cuts), start=1):
            text = body[start:end]
            rows.append((sent.article_id, sent.outlet, sent.sentence_id, n, voice, start, end, text, len(text.split())))
    columns = SEGMENT_COLUMNS[: SEGMENT_COLUMNS.index("n_words") + 1]
    return pd.DataFrame(rows, columns=columns).astype({"start_char": "int64", "end_char": "int64"})


def long_quote_spans(
    bodies: dict[str, str], *, min_quote_words: int = MIN_QUOTE_WORDS
) -> dict[str, list[tuple[int, int]]]:
    """Article id -> the ``(start, end)`` of its quotations of ``min_quote_words`` words or more.

    Spans come from ``helpers.quote_spans.quote_spans`` on each body; bodies that are not
    text (a missing value) have no entry.
    """
    return {
        aid: [(s, e) for s, e in quote_spans(body) if len(body[s:e].split()) >= min_quote_words]
        for aid, body in bodies.items() if isinstance(body, str)
    }


def _cut_sentence(sent_start: int, sent_end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, voice)`` parts covering the sentence: quotations clipped to it, narration between."""
    cuts = []
    at = sent_start
    for span_start, span_end in spans:
        if span_end <= sent_start or span_start >= sent_end:
            continue
        q_start, q_end = max(span_start, sent_start), min(span_end, sent_end)
        if q_start > at:
            cuts.append((at, q_start, "narration"))
        cuts.append((q_start, q_end, "quoted"))
        at = q_end
    if at < sent_end:
        cuts.append((at, sent_end, "narration"))
    return cuts


def _trimmed_parts(body: str, cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The ``cuts`` with spaces trimmed from both ends, dropping parts with no letter or digit."""
    parts = []
    for start, end, voice in cuts:
        piece = body[start:end]
        if not re.search(r"[^\W_]", piece):
            continue
        parts.append((start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip())), voice))
    return parts


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
    return with_scores(segments)[SEGMENT_COLUMNS]


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
    summary.insert(
        4, "n_words", [int(words[(o, v)]) for o, v in zip(summary["outlet"], summary["voice"], strict=False)]
    )
    summary.insert(1, "periods", summary["outlet"].map(periods_by_outlet(periods)))
    return summary
