"""Helpers for the news-coverage comparison notebooks, in the layers of the pipeline.

base (paths, parallel, nltk_data, tables, wording, outputs) -> clean -> corpus -> text
(sentences, tokens, quote_spans) -> analyses (actors, events, overview, quotes, profiles,
terms, sentiment, overlap, facts) -> words and pictures (display, plots) -> report.
A module imports its own layer or those below it (``tests/test_layout.py`` checks).
"""

from .sentiment.target import target_sentiment

__all__ = ["target_sentiment"]
