"""Sentence-level sentiment (VADER), its uncertainty, and how far it agrees with people.

VADER gives each text four numbers: ``neg``, ``neu`` and ``pos`` (the shares of its
sentiment-bearing weight that are negative, neutral and positive; they sum to 1) and
``compound`` (the summed valence of its words after VADER's rules for negation, boosters,
"but", capitals and exclamation marks, squashed into -1...1). Everything here is built on
``compound``.

Every table keeps ``article_id`` and ``sentence_id`` (and character offsets where they
make sense), so each mean can be traced to the sentences behind it. Every mean comes
with its count and a 95% bootstrap interval, which is missing (NaN), not zero-width,
when it rests on a single sentence.

One job per module; every public name is importable from ``helpers.sentiment``:

- ``newswords``: the lexicon words neutral in news language, and the rule that chose them
- ``scoring``: VADER scores of texts and sentences (NLTK's port, vaderSentiment's lexicon)
- ``intervals``: means with their bootstrap intervals, per group; whether two overlap
- ``voices``: sentences cut into quoted text and narration, scored and summarised
- ``actors``: the tone of the sentences that mention each actor
- ``positions``: the tone by where sentences sit in their article
- ``outlets``: each outlet's and article's tone, extreme sentences, lexicon words
- ``target_features`` and ``target``: the tone toward one mentioned person (-1, 0, 1),
  a model trained on NewsMTSC (``python -m validation.newsmtsc train``)
- ``target_actors``: that tone for every mention of each person, per outlet
- ``target_validation``: the model on NewsMTSC's test set, beside VADER and the published best
- ``target_findings``: the sentences of the notebook's "Tone toward each actor" section
- ``validation``: the NYT editorial benchmark (5,190 human-rated sentences) and agreement
- ``findings``: the notebook's sentences, every number computed from the tables
"""

from __future__ import annotations

from .actors import ACTOR_COLUMNS, actor_sentiment
from .findings import (
    LEVEL_GAP,
    actors_note,
    loading_note,
    news_words_note,
    news_words_shift_note,
    outlets_note,
    positions_note,
    sentiment_finding,
    validation_note,
    voices_note,
)
from .intervals import (
    BOOTSTRAP_SEED,
    CONFIDENCE,
    MAX_DRAWS,
    MIN_SENTENCES_FOR_INTERVAL,
    N_RESAMPLES,
    PCT_DECIMALS,
    SCORE_DECIMALS,
    SUMMARY_COLUMNS,
    THIN_CELL,
    bootstrap_mean,
    interval_defect,
    intervals_overlap,
    summarise_scores,
)
from .method import method_note
from .newswords import (
    HALVES,
    MIN_NEWS_SHARE,
    MIN_SELECTION_SENTENCES,
    NEWS_WORDS_COLUMNS,
    NEWS_WORDS_FILE,
    RULES,
    benchmark_half,
    news_lexicon,
    read_news_sentences,
    read_news_words,
    select_news_words,
)
from .outlets import (
    EXTREME_COLUMNS,
    LEXICON_COLUMNS,
    SHIFT_COLUMNS,
    article_sentiment,
    extreme_sentences,
    lexicon_words,
    news_words_shift,
    outlet_sentiment,
)
from .positions import POSITION_BINS, POSITION_LABELS, position_sentiment
from .scoring import (
    IMPLEMENTATIONS,
    LABELS,
    SCORE_COLUMNS,
    SENTENCE_SCORE_COLUMNS,
    THRESHOLD,
    USED,
    analyzer,
    label_scores,
    reference_analyzer,
    score_sentences,
    score_texts,
    shipped_analyzer,
)
from .target import TARGET_COLUMNS, TARGET_LABELS, load_model, target_sentiment
from .target_actors import (
    LABELLED_COLUMNS,
    MIN_MENTIONS_TO_COMPARE,
    TARGET_ACTOR_COLUMNS,
    TARGET_KINDS,
    label_mentions,
    target_actor_sentiment,
)
from .target_findings import target_actors_note, target_method_note, target_validation_note
from .target_validation import NEWSMTSC_DIR, PUBLISHED_BEST, load_newsmtsc, target_validation
from .validation import (
    BENCHMARK_COLUMNS,
    BENCHMARK_DIR,
    BENCHMARK_FILE,
    EFFECT_COLUMNS,
    RATING_SCALE,
    SKIPPED_COLUMNS,
    Benchmark,
    benchmark_confusion,
    load_benchmark,
    news_words_effect,
    score_benchmark,
    validation_metrics,
)
from .voices import MIN_QUOTE_WORDS, SEGMENT_COLUMNS, VOICES, score_voices, voice_segments, voice_sentiment

__all__ = [
    "ACTOR_COLUMNS",
    "BENCHMARK_COLUMNS",
    "BENCHMARK_DIR",
    "BENCHMARK_FILE",
    "BOOTSTRAP_SEED",
    "CONFIDENCE",
    "EFFECT_COLUMNS",
    "EXTREME_COLUMNS",
    "HALVES",
    "IMPLEMENTATIONS",
    "LABELS",
    "LEVEL_GAP",
    "LEXICON_COLUMNS",
    "MAX_DRAWS",
    "MIN_NEWS_SHARE",
    "MIN_QUOTE_WORDS",
    "MIN_SELECTION_SENTENCES",
    "MIN_SENTENCES_FOR_INTERVAL",
    "NEWS_WORDS_COLUMNS",
    "NEWS_WORDS_FILE",
    "N_RESAMPLES",
    "PCT_DECIMALS",
    "POSITION_BINS",
    "POSITION_LABELS",
    "RATING_SCALE",
    "RULES",
    "SCORE_COLUMNS",
    "SCORE_DECIMALS",
    "SEGMENT_COLUMNS",
    "SENTENCE_SCORE_COLUMNS",
    "SHIFT_COLUMNS",
    "SKIPPED_COLUMNS",
    "SUMMARY_COLUMNS",
    "THIN_CELL",
    "THRESHOLD",
    "USED",
    "VOICES",
    "Benchmark",
    "actor_sentiment",
    "actors_note",
    "analyzer",
    "article_sentiment",
    "benchmark_confusion",
    "benchmark_half",
    "bootstrap_mean",
    "extreme_sentences",
    "interval_defect",
    "intervals_overlap",
    "label_scores",
    "lexicon_words",
    "load_benchmark",
    "loading_note",
    "method_note",
    "news_lexicon",
    "news_words_effect",
    "news_words_note",
    "news_words_shift",
    "news_words_shift_note",
    "outlet_sentiment",
    "outlets_note",
    "position_sentiment",
    "positions_note",
    "read_news_sentences",
    "read_news_words",
    "reference_analyzer",
    "score_benchmark",
    "score_sentences",
    "score_texts",
    "score_voices",
    "select_news_words",
    "sentiment_finding",
    "shipped_analyzer",
    "summarise_scores",
    "validation_metrics",
    "validation_note",
    "voice_segments",
    "voice_sentiment",
    "voices_note",
]
__all__ += [  # the tone toward a mentioned person: target, target_actors, target_validation, target_findings
    "LABELLED_COLUMNS", "MIN_MENTIONS_TO_COMPARE", "NEWSMTSC_DIR", "PUBLISHED_BEST", "TARGET_ACTOR_COLUMNS",
    "TARGET_COLUMNS", "TARGET_KINDS", "TARGET_LABELS", "label_mentions", "load_model", "load_newsmtsc",
    "target_actor_sentiment", "target_actors_note", "target_method_note", "target_sentiment", "target_validation",
    "target_validation_note",
]
