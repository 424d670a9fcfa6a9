"""Counts per outlet: its words (the per-1,000 denominator) and each term's uses.

``term_counts`` counts the rows of ``term_occurrences``; ``count_terms`` builds the same
tables chunk by chunk of articles, for corpora whose token table would not fit in memory.
A phrase is counted besides its words, in rows of its own (``kind`` "phrase"): a word's
count is all its uses, and the totals (``n_terms``) are words only, so nothing is
counted twice in a total or a denominator.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..tables import require_columns
from .occurrences import (
    COUNTRY_TERM,
    DEFAULT_STEMMER,
    WORD,
    is_word,
    make_stemmer,
    name_evidence,
    occurrences_of,
    stem_forms,
    tokens_with_outlet,
)

PER_WORDS = 1000  # relative frequencies are per 1,000 words

TOTAL_COLUMNS = ["outlet", "n_articles", "n_words", "n_terms"]
COUNT_COLUMNS = [
    "outlet", "term", "kind", "label", "forms", "n", "n_articles", "n_words", "per_1000", "rank",
]


def _outlet_totals(sentences: pd.DataFrame, n_words: pd.Series,
                   n_terms: pd.Series) -> pd.DataFrame:
    """The ``word_totals`` table from words and terms per outlet (index: outlet)."""
    out = pd.DataFrame({"outlet": sorted(sentences["outlet"].astype(str).unique())})
    n_articles = sentences.groupby("outlet")["article_id"].nunique()
    out["n_articles"] = out["outlet"].map(n_articles).astype("int64")
    out["n_words"] = out["outlet"].map(n_words).fillna(0).astype("int64")
    out["n_terms"] = out["outlet"].map(n_terms).fillna(0).astype("int64")
    return out[TOTAL_COLUMNS]


def word_totals(tokens: pd.DataFrame, sentences: pd.DataFrame,
                occurrences: pd.DataFrame) -> pd.DataFrame:
    """Words per outlet: the denominator of every "per 1,000 words".

    A word is a token with a letter or a digit that is not a clitic piece ("'s",
    "n't"), stopwords included: "per 1,000 words" means per 1,000 words of running
    text, as a reader would count them.

    Returns
    -------
    DataFrame
        One row per outlet (sorted): ``outlet``, ``n_articles``, ``n_words`` (words as
        above, a hyphenated compound's parts each a word), ``n_terms`` (the word rows of
        ``occurrences``: words counted as terms; phrases, counted besides, are not in it).
    """
    toks = tokens_with_outlet(tokens, sentences)
    n_words = toks[is_word(toks)].groupby("outlet").size()
    words = occurrences[occurrences["kind"] == WORD]
    return _outlet_totals(sentences, n_words, words.groupby("outlet").size())


def term_labels(occurrences: pd.DataFrame) -> pd.Series:
    """The word shown for each term: its commonest form in the corpus (ties: first in
    alphabetical order). Index ``term``, values the label ("prisoners" for "prison")."""
    if occurrences.empty:
        return pd.Series(dtype="str", name="label")
    forms = occurrences.groupby(["term", "form"]).size().rename("n").reset_index()
    forms = forms.sort_values(["term", "n", "form"], ascending=[True, False, True], kind="stable")
    return forms.drop_duplicates("term").set_index("term")["form"].rename("label")


def forms_text(table: pd.DataFrame, keys: list[str], column: str = "form") -> pd.Series:
    """Per group of ``keys``: its ``column`` values with counts, commonest first
    ("prisoners 4, prisoner 1"; ties alphabetical)."""
    n = table.groupby([*keys, column]).size().rename("n").reset_index()
    n = n.sort_values([*keys, "n", column], ascending=[True] * len(keys) + [False, True],
                      kind="stable")
    n["text"] = n[column].astype(str) + " " + n["n"].astype(str)
    return n.groupby(keys, sort=False)["text"].agg(", ".join)


def term_counts(occurrences: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet uses each term, in counts and per 1,000 words.

    Counts are uses of each term per outlet (pandas groupby; ``count_terms`` builds
    the same table from chunks of articles). A word's ``n`` is all its uses, those
    inside a phrase included; a phrase's row counts the phrase's uses besides. Both are
    per 1,000 words of the outlet (``totals.n_words``), which the phrases do not add to:
    rows of words add up to ``totals.n_terms``, rows of phrases are extra.

    Parameters
    ----------
    occurrences
        From ``term_occurrences``.
    totals
        From ``word_totals`` (the denominators).

    Returns
    -------
    DataFrame
        One row per outlet and term it uses, sorted by outlet, then count (most first)
        and term: ``outlet``, ``term``, ``kind`` ("word" or "phrase"), ``label`` (the
        commonest word for the term in
        the whole corpus), ``forms`` (this outlet's words for it with counts,
        "prisoners 4, prisoner 3"), ``n`` (uses), ``n_articles`` (the outlet's articles
        using it), ``n_words`` (the outlet's words), ``per_1000`` (``n / n_words *
        1000``), ``rank`` (1 = the outlet's commonest word, or phrase among its
        phrases; ties share a rank).
    """
    if occurrences.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    keys = ["outlet", "article_id", "term", "kind", "form"]
    agg = occurrences.groupby(keys, sort=False).size().rename("n").reset_index()
    return _counts_from_aggregate(agg, totals)


def _count_chunk(args: tuple) -> tuple[pd.DataFrame, pd.Series, set[str], set[str]]:
    """Tokens of one chunk of sentences, reduced to what ``count_terms`` adds up: uses
    per (outlet, article, form, kind, is the country), words per outlet, ``name_evidence``."""
    from ..text import tokenize_chunk

    sentences, phrases, keep_numbers = args
    toks = tokens_with_outlet(tokenize_chunk(sentences), sentences).reset_index(drop=True)
    occ = occurrences_of(toks, sentences, stem=None, phrases=phrases, keep_numbers=keep_numbers)
    country = (occ["term"] == COUNTRY_TERM) & (occ["form"] != COUNTRY_TERM)
    occ = occ.assign(country=country.to_numpy(dtype=bool))
    keys = ["outlet", "article_id", "form", "kind", "country"]
    agg = occ.groupby(keys, sort=False).size().rename("n").reset_index()
    n_words = toks[is_word(toks)].groupby("outlet").size()
    evidence = name_evidence(
        toks["token"].astype(str).to_numpy(dtype=object),
        toks["lower"].astype(str).to_numpy(dtype=object),
        toks["is_punct"].to_numpy(dtype=bool), toks["token_n"].to_numpy(),
    )
    return agg, n_words, *evidence


def _chunk_terms(agg: pd.DataFrame, stemmer, names: set[str]) -> pd.Series:
    """The term of each row of the chunks' counts: the country, or the form (stemmed)."""
    country = agg["country"].to_numpy(dtype=bool)
    term = agg["form"].astype(str).to_numpy(dtype=object).copy()
    term[country] = COUNTRY_TERM
    if stemmer is not None:
        stems = stem_forms(set(term[~country]), stemmer, names)
        term[~country] = [stems[f] for f in term[~country]]
    return pd.Series(term, dtype="str")


def count_terms(
    sentences: pd.DataFrame,
    *,
    stem: str | None = DEFAULT_STEMMER,
    phrases: Iterable[str] | None = None,
    keep_numbers: bool = False,
    n_jobs: int | None = None,
    client=None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(term_counts(...), word_totals(...))`` without holding every token in memory.

    The same two tables as tokenizing the whole corpus and calling ``term_occurrences``,
    ``word_totals`` and ``term_counts`` (the tests check they are equal), computed chunk
    by chunk of articles on every core or on a Dask cluster (``n_jobs``, ``client``; see
    ``helpers.parallel``): each chunk is tokenized and reduced to counts of each word
    form per article, and the stems (which depend on whether a word is ever written in
    lower case anywhere in the corpus) are applied once the chunks are added up. For a
    corpus of 100,000 articles, where the token table would not fit in memory; the
    occurrences of a term can then be found again in the sentences of the articles
    ``counts`` names.
    """
    from ..parallel import article_chunks, map_chunks

    require_columns(sentences, ["article_id", "sentence_id", "outlet", "text", "start_char"],
                    "sentences")
    stemmer = make_stemmer(stem)
    phrases = list(phrases or [])
    n_articles = sentences["article_id"].nunique()
    chunks = article_chunks(sentences.reset_index(drop=True))
    parts = map_chunks(_count_chunk, [(c, phrases, keep_numbers) for c in chunks],
                       n_articles=n_articles, n_jobs=n_jobs, client=client, desc="term counts")
    agg = pd.concat([p[0] for p in parts], ignore_index=True)
    n_words = pd.concat([p[1] for p in parts]).groupby(level=0).sum()
    lowercase_seen = set().union(*(p[2] for p in parts))
    names = set().union(*(p[3] for p in parts)) - lowercase_seen
    agg["term"] = _chunk_terms(agg, stemmer, names)
    words = agg[agg["kind"] == WORD]
    totals = _outlet_totals(sentences, n_words, words.groupby("outlet")["n"].sum())
    if agg.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS), totals
    return _counts_from_aggregate(agg, totals), totals


def _counts_from_aggregate(agg: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """The ``term_counts`` table from uses per (outlet, article_id, term, kind, form): ``n``.
    A term and its kind go together (a phrase's term has a space, a word's has none)."""
    forms = agg.groupby(["outlet", "term", "form"])["n"].sum().rename("n").reset_index()
    corpus_forms = forms.groupby(["term", "form"])["n"].sum().rename("n").reset_index()
    corpus_forms = corpus_forms.sort_values(["term", "n", "form"], ascending=[True, False, True],
                                            kind="stable")
    labels = corpus_forms.drop_duplicates("term").set_index("term")["form"]
    counts = agg.groupby(["outlet", "term", "kind"]).agg(
        n=("n", "sum"), n_articles=("article_id", "nunique")).reset_index()
    counts["label"] = counts["term"].map(labels)
    counts = counts.join(_forms_from_counts(forms), on=["outlet", "term"])
    counts["n_words"] = counts["outlet"].map(totals.set_index("outlet")["n_words"])
    counts["per_1000"] = counts["n"] / counts["n_words"] * PER_WORDS
    counts["_phrase"] = counts["kind"] != WORD
    counts = counts.sort_values(["outlet", "_phrase", "n", "term"],
                                ascending=[True, True, False, True],
                                kind="stable", ignore_index=True)
    counts["rank"] = counts.groupby(["outlet", "kind"])["n"].rank(method="min", ascending=False)
    counts["rank"] = counts["rank"].astype("int64")
    for col in ["n", "n_articles", "n_words"]:
        counts[col] = counts[col].astype("int64")
    return counts[COUNT_COLUMNS]


def _forms_from_counts(forms: pd.DataFrame) -> pd.Series:
    """``forms_text`` from counts (outlet, term, form, n) instead of one row per occurrence.

    The texts are joined in one pass over the sorted rows (a pandas ``agg`` of ``", ".join``
    calls Python once per group, tens of thousands of times on a large corpus).
    """
    n = forms.sort_values(["outlet", "term", "n", "form"], ascending=[True, True, False, True],
                          kind="stable")
    text = (n["form"].astype(str) + " " + n["n"].astype(str)).tolist()
    joined: dict[tuple[str, str], list[str]] = {}
    for key, item in zip(zip(n["outlet"].tolist(), n["term"].tolist(), strict=True), text, strict=True):
        joined.setdefault(key, []).append(item)
    index = pd.MultiIndex.from_tuples(list(joined), names=["outlet", "term"])
    return pd.Series([", ".join(v) for v in joined.values()], index=index, dtype="str", name="forms")
