"""Counts per outlet: its words (the per-1,000 denominator) and each term's uses.

``term_counts`` counts the rows of ``term_occurrences``; ``count_terms`` builds the same
tables chunk by chunk of articles, for corpora whose token table would not fit in memory.
A phrase is counted besides its words, in rows of its own (``kind`` "phrase"): a word's
count is all its uses, and the totals (``n_terms``) are words only, so nothing is
counted twice in a total or a denominator.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..arrays import distinct
from ..tables import require_columns
from .coded import ChunkCounts, chunk_counts
from .occurrences import (
    COUNTRY_TERM,
    DEFAULT_STEMMER,
    PHRASE,
    TOKEN_COLUMNS,
    WORD,
    is_word,
    make_stemmer,
    stem_forms,
    token_chunks,
    tokens_with_outlet,
)

PER_WORDS = 1000  # relative frequencies are per 1,000 words
DENSE_MAX = 50_000_000  # outlet x term pairs up to which uses are summed in an array (400 MB of float64)
ROW_CHUNK = 4_000_000  # rows of per-article counts turned into int64 keys at a time (32 MB a key array)

CHUNK_COLUMNS = ["article_id", "sentence_id", "outlet", "text"]  # what coded.chunk_counts reads
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
    require_columns(tokens, TOKEN_COLUMNS, "tokens")
    per_chunk = []
    for chunk in token_chunks(tokens):  # a few articles' copies at a time
        toks = tokens_with_outlet(chunk, sentences)
        per_chunk.append(toks[is_word(toks)].groupby("outlet").size())
    n_words = pd.concat(per_chunk).groupby(level=0).sum() if per_chunk else pd.Series(dtype="int64")
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


def _count_chunk(args: tuple) -> ChunkCounts:
    """``coded.chunk_counts`` of one chunk (the worker's job)."""
    sentences, phrases, keep_numbers = args
    return chunk_counts(sentences, phrases, keep_numbers)


def _merged_codes(parts: list[ChunkCounts]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The chunks' counts on codes shared by all: forms (form, phrase, country), groups
    (article_id, outlet) and one row per count (group, form, n; int32).

    ``parts`` is emptied as its counts are copied, so each chunk's arrays are freed as soon
    as they are merged (the chunks' counts and the merged rows are never all held at once).
    """
    forms = pd.concat([p.forms for p in parts], ignore_index=True)
    form_key = (forms["form"] + "\x00" + forms["phrase"].astype("str") + forms["country"].astype("str"))
    form_code = pd.factorize(form_key)[0].astype("int32")
    groups = pd.concat([p.groups for p in parts], ignore_index=True)
    group_code = pd.factorize(groups["article_id"] + "\x00" + groups["outlet"])[0].astype("int32")
    group, form, n = (np.empty(sum(len(p.n) for p in parts), dtype="int32") for _ in range(3))
    start = form_offset = group_offset = 0
    parts.reverse()  # popped from the end, in chunk order
    while parts:
        p = parts.pop()
        end = start + len(p.n)
        group[start:end] = group_code[group_offset + p.group]
        form[start:end] = form_code[form_offset + p.form]
        n[start:end] = p.n
        start, form_offset, group_offset = end, form_offset + len(p.forms), group_offset + len(p.groups)
    rows = pd.DataFrame({"group": group, "form": form, "n": n}, copy=False)
    first_form = np.unique(form_code, return_index=True)[1]  # codes are numbered in order of appearance
    first_group = np.unique(group_code, return_index=True)[1]
    return (forms.iloc[first_form].reset_index(drop=True),
            groups.iloc[first_group].reset_index(drop=True), rows)


def _row_spans(group: np.ndarray, size: int = ROW_CHUNK) -> list[tuple[int, int]]:
    """``(start, end)`` spans of about ``size`` rows that never split a group's rows, so that
    sums and distinct pairs taken span by span are those of the whole; one span when
    ``group`` (the rows' group codes, ``_merged_codes``' order) is not sorted."""
    n = len(group)
    if n <= size or not (group[1:] >= group[:-1]).all():
        return [(0, n)]
    cuts = np.searchsorted(group, group[np.arange(size, n, size)], side="left")  # back to its group's first row
    bounds = np.unique(np.r_[0, cuts, n])
    return list(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True))


def _articles_using(rows: pd.DataFrame, outlet_code: np.ndarray, term_code: np.ndarray, n_terms: int,
                    by_term: pd.DataFrame) -> np.ndarray:
    """For each (outlet, term) of ``by_term``, how many groups (one article of one outlet)
    of ``rows`` use the term: distinct (group, term) pairs as integer keys, counted per outlet.
    A row is one (group, form), so a row of a term with a single form (``term_code``: each
    form's term) is a pair of its own; only the rows of terms with several forms are sorted
    to find the pairs they repeat. Span by span of rows (``_row_spans``: a group's rows are
    in one span), so that the keys of tens of millions of rows are never held at once."""
    n_outlets = int(outlet_code.max()) + 1 if len(outlet_code) else 0
    several = np.bincount(term_code, minlength=n_terms) > 1
    group, term, outlet = (rows[c].to_numpy() for c in ("group", "term", "outlet"))
    dense = n_outlets * n_terms <= max(DENSE_MAX, len(rows))
    total, parts = np.zeros(n_outlets * n_terms if dense else 0, dtype="int64"), []
    for a, b in _row_spans(group):
        t, o = term[a:b].astype("int64"), outlet[a:b].astype("int64")
        repeated = several[t]
        pair = distinct(group[a:b][repeated].astype("int64") * n_terms + t[repeated])
        keys = np.concatenate([o[~repeated] * n_terms + t[~repeated],
                               outlet_code[pair // n_terms].astype("int64") * n_terms + pair % n_terms])
        if dense:
            total += np.bincount(keys, minlength=len(total))
        else:
            parts.append(keys)
    wanted = by_term["outlet"].to_numpy(dtype="int64") * n_terms + by_term["term"].to_numpy(dtype="int64")
    if dense:
        return total[wanted]
    key, n = np.unique(np.concatenate(parts) if parts else np.empty(0, dtype="int64"), return_counts=True)
    return n[np.searchsorted(key, wanted)]


def _summed(rows: pd.DataFrame, column: str, n_outlets: int, n_codes: int) -> pd.DataFrame:
    """``rows.groupby(["outlet", column], sort=False)["n"].sum().reset_index()``: the same
    table (rows in order of first appearance), by ``np.bincount`` over integer keys when
    outlets times codes is at most ``DENSE_MAX`` (what pandas' groupby spent its time on is
    hashing tens of millions of pairs whose every possible value fits in a small array),
    ``ROW_CHUNK`` rows at a time."""
    size = n_outlets * n_codes
    if size > max(DENSE_MAX, len(rows)):
        return rows.groupby(["outlet", column], sort=False)["n"].sum().reset_index()
    outlet, code, n = (rows[c].to_numpy() for c in ("outlet", column, "n"))
    total = np.zeros(size)  # float64 sums of integers: exact far below 2**53, in any order
    first = np.full(size, len(rows), dtype="int64")
    for a in range(0, len(rows), ROW_CHUNK):
        key = outlet[a:a + ROW_CHUNK].astype("int64") * n_codes + code[a:a + ROW_CHUNK]
        total += np.bincount(key, weights=n[a:a + ROW_CHUNK], minlength=size)
        np.minimum.at(first, key, np.arange(a, a + len(key), dtype="int64"))
    present = np.flatnonzero(first < len(rows))
    order = present[np.argsort(first[present], kind="stable")]
    return pd.DataFrame({"outlet": (order // n_codes).astype(rows["outlet"].dtype),
                         column: (order % n_codes).astype(rows[column].dtype),
                         "n": total[order].astype(rows["n"].dtype)})


def _coded_tables(parts: list[ChunkCounts], stemmer) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``_counts_table``'s inputs from the chunks: uses per (outlet, term, form), and per
    (outlet, term, kind) uses and articles. Stems are applied here, once the chunks'
    evidence for names is added up (a name is never written in lower case anywhere)."""
    lowercase_seen = set().union(*(p.lowercase_seen for p in parts))
    names = set().union(*(p.capitalised_inside for p in parts)) - lowercase_seen
    forms, groups, rows = _merged_codes(parts)  # empties parts
    term = forms["form"].to_numpy(dtype=object).copy()
    country = forms["country"].to_numpy(dtype=bool)
    term[country] = COUNTRY_TERM
    if stemmer is not None:
        stems = stem_forms(set(term[~country]), stemmer, names)
        term[~country] = [stems[f] for f in term[~country]]
    kind = np.where(forms["phrase"].to_numpy(dtype=bool), PHRASE, WORD)
    term_code, term_keys = pd.factorize(pd.MultiIndex.from_arrays([term, kind]))
    outlet_code, outlets = pd.factorize(groups["outlet"])
    rows["outlet"] = outlet_code.astype("int32")[rows["group"].to_numpy()]
    rows["term"] = term_code.astype("int32")[rows["form"].to_numpy()]
    by_form = _summed(rows, "form", len(outlets), len(forms))
    by_term = _summed(rows, "term", len(outlets), len(term_keys))
    by_term["n_articles"] = _articles_using(rows, outlet_code, term_code, len(term_keys), by_term)
    outlets = pd.Series(outlets, dtype="str")
    form_table = pd.DataFrame({
        "outlet": outlets.take(by_form["outlet"]).reset_index(drop=True),
        "term": pd.Series(term, dtype="str").take(by_form["form"]).reset_index(drop=True),
        "form": forms["form"].take(by_form["form"]).reset_index(drop=True),
        "n": by_form["n"].astype("int64")})
    term_table = pd.DataFrame({
        "outlet": outlets.take(by_term["outlet"]).reset_index(drop=True),
        "term": pd.Series(term_keys.get_level_values(0), dtype="str").take(by_term["term"]).reset_index(drop=True),
        "kind": pd.Series(term_keys.get_level_values(1), dtype="str").take(by_term["term"]).reset_index(drop=True),
        "n": by_term["n"].astype("int64"), "n_articles": by_term["n_articles"].astype("int64")})
    return form_table, term_table


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
    from ..parallel import article_chunks, map_chunks, release_memory

    require_columns(sentences, ["article_id", "sentence_id", "outlet", "text", "start_char"],
                    "sentences")
    stemmer = make_stemmer(stem)
    phrases = list(phrases or [])
    n_articles = sentences["article_id"].nunique()
    # The workers are sent only the columns chunk_counts reads (pickled for each chunk).
    chunks = article_chunks(sentences[CHUNK_COLUMNS].reset_index(drop=True))
    parts = map_chunks(_count_chunk, [(c, phrases, keep_numbers) for c in chunks],
                       n_articles=n_articles, n_jobs=n_jobs, client=client, desc="term counts")
    n_words = pd.concat([p.n_words for p in parts]).groupby(level=0).sum()
    forms, counts = _coded_tables(parts, stemmer)  # empties parts
    release_memory()  # the chunks' counts and the merge's arrays: not held into the next step
    words = counts[counts["kind"] == WORD]
    totals = _outlet_totals(sentences, n_words, words.groupby("outlet")["n"].sum())
    if counts.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS), totals
    return _counts_table(forms, counts, totals), totals


def _counts_from_aggregate(agg: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """The ``term_counts`` table from uses per (outlet, article_id, term, kind, form): ``n``.
    A term and its kind go together (a phrase's term has a space, a word's has none)."""
    forms = agg.groupby(["outlet", "term", "form"])["n"].sum().rename("n").reset_index()
    counts = agg.groupby(["outlet", "term", "kind"]).agg(
        n=("n", "sum"), n_articles=("article_id", "nunique")).reset_index()
    return _counts_table(forms, counts, totals)


def _counts_table(forms: pd.DataFrame, counts: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """The ``term_counts`` table from uses per (outlet, term, form) and per (outlet, term,
    kind) with ``n_articles``, whatever their row order."""
    corpus_forms = forms.groupby(["term", "form"])["n"].sum().rename("n").reset_index()
    corpus_forms = corpus_forms.sort_values(["term", "n", "form"], ascending=[True, False, True],
                                            kind="stable")
    labels = corpus_forms.drop_duplicates("term").set_index("term")["form"]
    counts = counts.sort_values(["outlet", "term", "kind"], kind="stable", ignore_index=True)
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
