"""How alike whole articles are: TF-IDF cosine and word 5-gram Jaccard for every pair."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from ..tables import require_columns
from .tokens import content_words, normalise_tokens, shingles

# 5-word shingles, the length the issue asks for. Measured on the sample: two articles
# written independently about the same diplomacy share at most 0.7% of their 5-grams
# (names and titles: "prime minister benjamin netanyahu and"), the two Al Jazeera
# articles built on one wire story 16%, so a Jaccard well above zero means shared copy.
DOC_SHINGLE_SIZE = 5

SIMILARITY_COLUMNS = [
    "article_id_a", "outlet_a", "date_a", "article_id_b", "outlet_b", "date_b",
    "same_outlet", "days_apart", "cosine_tfidf", "jaccard_5gram",
]


def tfidf_cosine(bodies: list[str]) -> np.ndarray:
    """The n x n cosine of the bodies' TF-IDF vectors (see ``document_similarity``)."""
    try:
        vectors = TfidfVectorizer(analyzer=content_words, sublinear_tf=True).fit_transform(bodies)
        return cosine_similarity(vectors)
    except ValueError:  # no word left after removing stopwords in any article
        return np.eye(len(bodies))


def shingle_jaccard(bodies: list[str], size: int) -> np.ndarray:
    """The n x n Jaccard of the bodies' word ``size``-gram sets: shared / in either, 0 if
    both have none. A binary document-shingle matrix (scikit-learn's ``CountVectorizer``)
    times its transpose counts the shared shingles of every pair at once."""
    def analyzer(body: str) -> set[str]:
        return shingles([t.norm for t in normalise_tokens(body)], size)

    n = len(bodies)
    try:
        present = CountVectorizer(analyzer=analyzer, binary=True).fit_transform(bodies)
    except ValueError:  # empty vocabulary: no article has a word
        return np.zeros((n, n))
    shared = (present @ present.T).toarray()
    sizes = np.asarray(present.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - shared
    return np.where(union > 0, shared / np.maximum(union, 1), 0.0)


def document_similarity(articles: pd.DataFrame, *, shingle_size: int = DOC_SHINGLE_SIZE) -> pd.DataFrame:
    """Every pair of articles, with two similarity measures.

    ``cosine_tfidf``: cosine of the articles' TF-IDF vectors (scikit-learn's
    ``TfidfVectorizer`` over ``normalise_tokens``, ``helpers.nltk_data.STOPWORDS`` removed,
    sublinear term frequency, smoothed IDF over the corpus), 0-1: how much the two
    share vocabulary, weighted towards words few articles use. ``jaccard_5gram``:
    shared word 5-grams (normalised tokens, see ``normalise_tokens``) / 5-grams in
    either, 0-1: how much of the wording is the same.

    Quadratic in the number of articles (it is meant for a matrix a reader looks at);
    for large corpora use ``shared_passages``, which is not.

    Parameters
    ----------
    articles
        At least ``article_id``, ``outlet``, ``date``, ``body``. Not modified.
    shingle_size
        Words per shingle for the Jaccard measure.

    Returns
    -------
    DataFrame
        One row per unordered pair (a before b in the articles' order):
        ``article_id_a, outlet_a, date_a, article_id_b, outlet_b, date_b, same_outlet,
        days_apart`` (absolute, NaN when a date is missing), ``cosine_tfidf``,
        ``jaccard_5gram``.
    """
    require_columns(articles, ("article_id", "outlet", "date", "body"), "articles")
    bodies = articles["body"].fillna("").astype(str).tolist()
    n = len(bodies)
    if n < 2:
        return pd.DataFrame(columns=SIMILARITY_COLUMNS)
    cosine = tfidf_cosine(bodies)
    jaccard = shingle_jaccard(bodies, shingle_size)
    i, j = np.triu_indices(n, k=1)  # every pair, a before b, in the order itertools.combinations gives
    ids = articles["article_id"].astype(str).to_numpy(dtype=object)
    outlets = articles["outlet"].astype(str).to_numpy(dtype=object)
    dates = pd.DatetimeIndex(pd.to_datetime(articles["date"]))
    days = np.abs((dates[j] - dates[i]).days.to_numpy(dtype=float, na_value=np.nan))
    return pd.DataFrame({
        "article_id_a": ids[i], "outlet_a": outlets[i], "date_a": dates[i],
        "article_id_b": ids[j], "outlet_b": outlets[j], "date_b": dates[j],
        "same_outlet": outlets[i] == outlets[j],
        "days_apart": days if np.isnan(days).any() else days.astype("int64"),
        "cosine_tfidf": np.clip(cosine[i, j], 0.0, 1.0), "jaccard_5gram": jaccard[i, j].astype(float),
    }, columns=SIMILARITY_COLUMNS)


def similarity_matrix(
    similarity: pd.DataFrame, articles: pd.DataFrame, *, measure: str = "cosine_tfidf"
) -> pd.DataFrame:
    """The square article x article matrix of one measure from ``document_similarity``.

    Returns
    -------
    DataFrame
        Index and columns are ``article_id`` in the articles' order; the diagonal is 1.
    """
    ids = articles["article_id"].astype(str).tolist()
    position = pd.Series(np.arange(len(ids)), index=ids)
    a = similarity["article_id_a"].astype(str).map(position)
    b = similarity["article_id_b"].astype(str).map(position)
    known = a.notna() & b.notna()
    a, b = a[known].astype(int).to_numpy(), b[known].astype(int).to_numpy()
    values = similarity.loc[known, measure].to_numpy(dtype=float)
    matrix = np.eye(len(ids))
    matrix[a, b] = matrix[b, a] = values
    return pd.DataFrame(matrix, index=ids, columns=ids)


def outlet_similarity(similarity: pd.DataFrame, outlets: list[str], *, measure: str = "cosine_tfidf") -> pd.DataFrame:
    """The outlet x outlet mean of one measure of ``document_similarity``: for two outlets,
    the mean over every pair of an article of one and an article of the other; on the
    diagonal, over every pair of two articles of the same outlet (NaN for an outlet with
    one article). For corpora with more articles than a map can show one row each.

    Returns
    -------
    DataFrame
        Index and columns are ``outlets``, in that order.
    """
    a = similarity["outlet_a"].astype(str).to_numpy()
    b = similarity["outlet_b"].astype(str).to_numpy()
    pairs = pd.DataFrame({"lo": np.where(a <= b, a, b), "hi": np.where(a <= b, b, a),
                          "value": similarity[measure].to_numpy(dtype=float)})
    means = pairs.groupby(["lo", "hi"])["value"].mean().reset_index()
    position = pd.Series(np.arange(len(outlets)), index=outlets)
    lo, hi = means["lo"].map(position), means["hi"].map(position)
    known = lo.notna() & hi.notna()
    lo, hi = lo[known].astype(int).to_numpy(), hi[known].astype(int).to_numpy()
    matrix = np.full((len(outlets), len(outlets)), np.nan)
    matrix[lo, hi] = matrix[hi, lo] = means.loc[known, "value"].to_numpy()
    return pd.DataFrame(matrix, index=outlets, columns=outlets)
