"""Helpers for the news-coverage comparison notebooks, in the layers of the pipeline.

base (paths, parallel, nltk_data, tables, wording, outputs) -> clean -> corpus -> text
(sentences, tokens, quote_spans) -> analyses (actors, events, overview, quotes, profiles,
terms, sentiment, overlap, facts, attention) -> words and pictures (display, plots) -> report.
A module imports its own layer or those below it (``tests/test_layout.py`` checks).

``from helpers import target_sentiment`` gives the tone of sentences toward a mentioned
person (``helpers.sentiment.target``), loaded on first use.
"""

__all__ = ["target_sentiment"]


def __getattr__(name: str):
    """``from helpers import target_sentiment`` without loading every analysis on ``import helpers``."""
    if name == "target_sentiment":
        from .sentiment.target import target_sentiment

        return target_sentiment
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
