"""Coverage overlap: how alike whole articles are, which sentences they share, and how
much of each article is shared copy.

Three measures, from coarse to fine:

- ``document_similarity(articles)``: every pair of articles, with the cosine similarity
  of their TF-IDF vectors (do they use the same vocabulary: the same story?) and the
  Jaccard similarity of their word 5-gram shingles (do they use the same *wording*:
  the same copy?).
- ``shared_passages(sentences)``: pairs of sentences from different articles that are
  identical or nearly so (wire copy, reused paragraphs). Candidates come from MinHash
  LSH (``datasketch``) over each sentence's word 3-grams, so no loop ever compares all
  pairs of sentences; each candidate pair is then verified with an exact measure.
- ``wire_share(articles, sentences, passages)``: the share of each article's body covered by
  sentences it shares with *another outlet's* article.

``passages_html(passages)`` shows shared pairs side by side with the differing words
highlighted; it builds its HTML only from ``html.escape``'d pieces.

Every comparison is on *normalised tokens*: words and numbers, case-folded, with
punctuation, quotation marks and whitespace dropped, so "balked" and 'balked' and
"Balked" compare equal. Spelling variants (balked/baulked, recognise/recognize) are
paired and counted as matches but listed and highlighted.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple
from difflib import SequenceMatcher
from itertools import combinations

import numpy as np
import pandas as pd
from datasketch import MinHash
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from .display import NO_MATH, EscapedHTML
from .nltk_data import STOPWORDS

# --- document similarity -------------------------------------------------------------
# 5-word shingles, the length the issue asks for. Measured on the sample: two articles
# written independently about the same diplomacy share at most 0.7% of their 5-grams
# (names and titles: "prime minister benjamin netanyahu and"), the two Al Jazeera
# articles built on one wire story 16%, so a Jaccard well above zero means shared copy.
DOC_SHINGLE_SIZE = 5

# --- shared passages ------------------------------------------------------------------
# Word 3-grams per sentence: short enough that one changed word (balked/baulked) breaks
# only three shingles of a 20-word sentence, long enough that two unrelated sentences
# share almost none.
SENTENCE_SHINGLE_SIZE = 3
# Sentences with fewer normalised tokens are not compared: "Harf said." or "Israel
# considers them terrorists." recur by chance and are no evidence of copying.
MIN_SENTENCE_TOKENS = 6
# 128 permutations (datasketch's default): the MinHash estimate of a Jaccard of 0.5 has
# a standard error of sqrt(0.5 * 0.5 / 128) = 0.044.
NUM_PERM = 128
# With 128 permutations and this threshold datasketch's MinHashLSH uses 37 bands of 3
# rows, so a pair is proposed with probability 1 - (1 - J**3)**37: 0.99 at a shingle
# Jaccard of 0.5, 0.91 at 0.4, 0.04 at 0.1. The wire sentences in the sample with a
# word respelled and a clause cut have a shingle Jaccard of about 0.5; the false
# candidates this lets through are removed by the exact check.
LSH_THRESHOLD = 0.3
# The exact check: the share of the shorter sentence's words that lie in runs of at
# least MIN_RUN words found in the same order in the longer one (difflib's matching
# blocks). A sentence reused with a clause cut or added keeps a coverage of 1; one word
# in ten changed gives about 0.9. Runs shorter than three words are not counted:
# common words ("the", "israel", "release") scattered through a long sentence gave a
# short, unrelated sentence of the sample a coverage of 0.82; counting runs of three
# or more (and shorter ones next to them, see MAX_GAP) it is 0.73. Measured on every
# pair of sentences in the sample: the six wire pairs score 1.0; the highest pair from
# different stories scores 0.50 (JTA/The Forward, a shared name and title); the
# highest pair left out, 0.76, is a wire sentence the two Al Jazeera articles word
# differently (clauses moved and added), which is rewriting rather than reuse.
MIN_COVERAGE = 0.8
MIN_RUN = 3
# ... except a shorter run next to a counted one, across a change of at most this many
# words: in "... and cost about $4 million" vs "... and cost roughly $4 million",
# "4 million" is part of the copy.
MAX_GAP = 2
# Words of at least this many letters, starting with the same letter, whose character
# similarity (difflib ratio) is at least VARIANT_MIN_RATIO count as spelling variants:
# balked/baulked 0.92, recognise/recognize 0.89, defence/defense 0.86; not
# there/three (0.80) or Monday/Sunday (0.67). Numbers are never variants.
VARIANT_MIN_LETTERS = 4
VARIANT_MIN_RATIO = 0.85
SEED = 1  # datasketch's default MinHash seed; fixed, so every build finds the same candidates

SIMILARITY_COLUMNS = [
    "article_id_a", "outlet_a", "date_a", "article_id_b", "outlet_b", "date_b",
    "same_outlet", "days_apart", "cosine_tfidf", "jaccard_5gram",
]
PASSAGE_COLUMNS = [
    "passage_id", "article_id_a", "outlet_a", "sentence_id_a", "start_char_a", "end_char_a", "text_a",
    "article_id_b", "outlet_b", "sentence_id_b", "start_char_b", "end_char_b", "text_b",
    "same_outlet", "coverage", "similarity", "n_tokens_a", "n_tokens_b", "n_matched", "variants",
]
WIRE_COLUMNS = [
    "article_id", "outlet", "date", "n_chars", "n_chars_shared", "share_shared",
    "n_sentences", "n_sentences_shared", "shared_with",
]

# Words: a run of digits with inner separators (5,000 / 3.5 / 10:30) or a run of word
# characters with inner apostrophes, periods or hyphens (U.S., long-serving, Kerry's).
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:['\u2019.\-]\w+)*")
_LETTERS = re.compile(r"[^\W\d_]+")


class Token(NamedTuple):
    """A word of a text: its normalised form and its character span in that text."""

    norm: str
    start: int
    end: int


def normalise_tokens(text: str) -> list[Token]:
    """The words of ``text``, normalised for comparison, with their spans in ``text``.

    Unicode NFKC, case-folded, curly apostrophes made straight and the periods of
    abbreviations dropped ("U.S." -> "us"); punctuation, quotation marks and whitespace
    are not tokens at all, so they never make two texts differ.

    Returns
    -------
    list of Token
        ``norm``, ``start``, ``end`` (``text[start:end]`` is the word as written).
    """
    if text.isascii():  # NFKC changes nothing and case-folding is lower-casing, of the same length
        lower = text.lower()
        return [Token(w if w[0].isdigit() else w.replace(".", ""), m.start(), m.end())
                for m in _TOKEN.finditer(lower) for w in (m.group(),)]
    tokens = []
    for m in _TOKEN.finditer(text):
        norm = unicodedata.normalize("NFKC", m.group()).casefold().replace("\u2019", "'")
        if not norm[0].isdigit():
            norm = norm.replace(".", "")
        tokens.append(Token(norm, m.start(), m.end()))
    return tokens


def _norms(text: str) -> list[str]:
    """``[t.norm for t in normalise_tokens(text)]``, faster."""
    if text.isascii():
        return [w if w[0].isdigit() else w.replace(".", "") for w in _TOKEN.findall(text.lower())]
    return [t.norm for t in normalise_tokens(text)]


def _shingles(norms: list[str], size: int) -> set[str]:
    if len(norms) < size:
        return {" ".join(norms)} if norms else set()
    return {" ".join(norms[i:i + size]) for i in range(len(norms) - size + 1)}


def _content_words(text: str) -> list[str]:
    """Normalised tokens that are not stopwords: the terms of the TF-IDF vectors."""
    return [t.norm for t in normalise_tokens(text) if t.norm not in STOPWORDS]


def _require(table: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(f"{name} needs the column(s) {', '.join(missing)}; it has {', '.join(map(str, table.columns))}")


# ---------------------------------------------------------------------------
# Document similarity
# ---------------------------------------------------------------------------

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
    _require(articles, ("article_id", "outlet", "date", "body"), "articles")
    bodies = articles["body"].fillna("").astype(str).tolist()
    n = len(bodies)
    if n < 2:
        return pd.DataFrame(columns=SIMILARITY_COLUMNS)
    try:
        vectors = TfidfVectorizer(analyzer=_content_words, sublinear_tf=True).fit_transform(bodies)
        cosine = cosine_similarity(vectors)
    except ValueError:  # no word left after removing stopwords in any article
        cosine = np.eye(n)
    shingles = [_shingles([t.norm for t in normalise_tokens(b)], shingle_size) for b in bodies]
    ids = articles["article_id"].astype(str).tolist()
    outlets = articles["outlet"].astype(str).tolist()
    dates = pd.to_datetime(articles["date"]).tolist()
    rows = []
    for i, j in combinations(range(n), 2):
        union = len(shingles[i] | shingles[j])
        days = abs((dates[j] - dates[i]).days) if not (pd.isna(dates[i]) or pd.isna(dates[j])) else np.nan
        rows.append((
            ids[i], outlets[i], dates[i], ids[j], outlets[j], dates[j], outlets[i] == outlets[j], days,
            float(np.clip(cosine[i, j], 0.0, 1.0)), len(shingles[i] & shingles[j]) / union if union else 0.0,
        ))
    return pd.DataFrame(rows, columns=SIMILARITY_COLUMNS)


def similarity_matrix(similarity: pd.DataFrame, articles: pd.DataFrame, *, measure: str = "cosine_tfidf") -> pd.DataFrame:
    """The square article x article matrix of one measure from ``document_similarity``.

    Returns
    -------
    DataFrame
        Index and columns are ``article_id`` in the articles' order; the diagonal is 1.
    """
    ids = articles["article_id"].astype(str).tolist()
    matrix = pd.DataFrame(np.eye(len(ids)), index=ids, columns=ids)
    for row in similarity[["article_id_a", "article_id_b", measure]].itertuples(index=False):
        matrix.loc[row[0], row[1]] = matrix.loc[row[1], row[0]] = row[2]
    return matrix


# ---------------------------------------------------------------------------
# Shared passages
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Alignment:
    """How two sentences line up: their tokens, difflib's opcodes and the scores."""

    tokens_a: list[Token]
    tokens_b: list[Token]
    length_a: int
    length_b: int
    opcodes: list[tuple[str, int, int, int, int]]
    n_matched: int
    coverage: float
    similarity: float
    variants: list[tuple[str, str]]


def _is_variant(x: str, y: str) -> bool:
    return (
        x[0] == y[0] and len(x) >= VARIANT_MIN_LETTERS and len(y) >= VARIANT_MIN_LETTERS
        and _LETTERS.fullmatch(x) is not None and _LETTERS.fullmatch(y) is not None
        and SequenceMatcher(None, x, y).ratio() >= VARIANT_MIN_RATIO
    )


def _counted_runs(opcodes: list, min_run: int) -> list:
    """difflib opcodes with the matching runs that do not count turned into "replace".

    A run of ``min_run`` words or more counts. A shorter run counts only when a change of
    at most ``MAX_GAP`` words on each side separates it from a run that counts (the
    "4 million" after "about" became "roughly"); other short runs are common words
    that happen to line up.
    """
    long = [tag == "equal" and i2 - i1 >= min_run for tag, i1, i2, _, _ in opcodes]

    def small(k: int) -> bool:
        tag, i1, i2, j1, j2 = opcodes[k]
        return tag != "equal" and i2 - i1 <= MAX_GAP and j2 - j1 <= MAX_GAP

    out = []
    for k, op in enumerate(opcodes):
        if op[0] == "equal" and not long[k]:
            before = k >= 2 and long[k - 2] and small(k - 1)
            after = k + 2 < len(opcodes) and long[k + 2] and small(k + 1)
            if not (before or after):
                op = ("replace", *op[1:])
        out.append(op)
    return out


def compare_sentences(text_a: str, text_b: str) -> Alignment:
    """Align two sentences word by word and score how much of one is in the other.

    Tokens are ``normalise_tokens``'s. A word of one sentence missing from the other is
    paired with a spelling variant there (see ``VARIANT_MIN_RATIO``), which then counts
    as the same word. ``difflib.SequenceMatcher`` (no autojunk) then finds the longest
    matching runs of words in order; runs shorter than ``MIN_RUN`` words (or than the
    shorter sentence, if that is shorter) count only next to a run that does, across a
    change of at most ``MAX_GAP`` words (see ``_counted_runs``).

    Returns
    -------
    Alignment
        ``n_matched`` (words in counted runs), ``coverage`` = n_matched / words of the
        shorter sentence (1 when one sentence is the other with words added),
        ``similarity`` = 2 * n_matched / (words of both) (difflib's ratio: 1 only when
        identical), ``variants`` (pairs of words counted as spelling variants, a's
        first), ``opcodes`` (difflib's, over the tokens) and the tokens of both.
    """
    ta, tb = normalise_tokens(text_a), normalise_tokens(text_b)
    na, nb = [t.norm for t in ta], [t.norm for t in tb]
    only_a = sorted(set(na) - set(nb))
    only_b = sorted(set(nb) - set(na))
    mapping: dict[str, str] = {}
    variants = []
    for x in only_a:
        for y in only_b:
            if y not in mapping and _is_variant(x, y):
                mapping[y] = x
                variants.append((x, y))
                break
    matcher = SequenceMatcher(None, na, [mapping.get(t, t) for t in nb], autojunk=False)
    shorter = min(len(na), len(nb))
    opcodes = _counted_runs(matcher.get_opcodes(), max(min(MIN_RUN, shorter), 1))
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
    total = len(na) + len(nb)
    return Alignment(
        ta, tb, len(text_a), len(text_b), opcodes, matched,
        matched / shorter if shorter else 0.0, 2 * matched / total if total else 0.0, variants,
    )


def _shingle_bytes(text: str, size: int) -> list[bytes]:
    return [sh.encode("utf-8") for sh in sorted(_shingles([t.norm for t in normalise_tokens(text)], size))]


def _band_multipliers(rows: int) -> np.ndarray:
    """Odd 64-bit multipliers that fold a band's ``rows`` MinHash values into one key."""
    rng = np.random.default_rng(SEED)
    return rng.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)


def _signature_chunk(args: tuple) -> tuple[np.ndarray, list[bytes], np.ndarray]:
    """For one chunk of sentence texts: which are long enough, their token digests and band keys.

    Returns ``(positions, digests, keys)``: positions (in the chunk) of sentences with
    at least ``min_tokens`` normalised tokens, a 16-byte hash of each one's token
    sequence (equal for identical sentences), and a ``(len(positions), bands)`` array
    of uint64 band keys: band j's key is its ``rows`` MinHash values folded together,
    so two sentences share a key exactly when their MinHash values agree on that band
    (bar a 2**-64 chance, and a false candidate is removed by the exact check).
    """
    texts, min_tokens, shingle_size, num_perm, seed, bands, rows = args
    positions, digests, sets = [], [], []
    for i, text in enumerate(texts):
        norms = _norms(text)
        if len(norms) >= min_tokens:
            positions.append(i)
            digests.append(hashlib.blake2b("\x00".join(norms).encode("utf-8"), digest_size=16).digest())
            sets.append([sh.encode("utf-8") for sh in sorted(_shingles(norms, shingle_size))])
    keys = np.zeros((len(positions), bands), dtype=np.uint64)
    if positions:
        values = np.stack([m.hashvalues for m in MinHash.generator(sets, num_perm=num_perm, seed=seed)])
        folded = values[:, :bands * rows].reshape(len(positions), bands, rows) * _band_multipliers(rows)
        keys = folded.sum(axis=2, dtype=np.uint64)
    return np.asarray(positions, dtype=np.int64), digests, keys


def _band_pairs(keys: np.ndarray, days: np.ndarray | None, window: float | None) -> np.ndarray:
    """Pairs ``(g, h)``, g < h, of rows of ``keys`` that share a key in some band column.

    With ``window``, only pairs whose ``days`` are at most ``window`` apart (a row with
    a NaN day pairs with every row sharing its key). Returns an int64 array of codes
    ``g * len(keys) + h``, sorted and unique.
    """
    n = len(keys)
    found = []
    if days is not None:
        dated = ~np.isnan(days)
        low = float(days[dated].min()) if dated.any() else 0.0
        # Undated rows sort first in their run and pair with the whole run.
        day_all = np.where(dated, days - low + 1.0, 0.0)
        span = float(day_all.max()) + window + 2.0
    for j in range(keys.shape[1]):
        column = keys[:, j]
        order = np.argsort(column, kind="stable") if days is None else np.lexsort((day_all, column))
        sorted_keys = column[order]
        run_start = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        run_len = np.diff(np.r_[run_start, n])
        if not (run_len > 1).any():
            continue
        end = np.repeat(run_start + run_len, run_len)  # one past the last row of each row's run
        if days is not None:
            day = day_all[order]
            composite = np.repeat(np.arange(len(run_start)), run_len) * span + day
            limit = np.searchsorted(composite, composite + window, side="right")
            end = np.where(day > 0, np.minimum(limit, end), end)
        count = end - np.arange(n) - 1
        if count.sum() == 0:
            continue
        first = np.repeat(np.arange(n), count)
        offset = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        g, h = order[first], order[first + 1 + offset]
        lo, hi = np.minimum(g, h), np.maximum(g, h)
        found.append(np.unique(lo.astype(np.int64) * n + hi))
    if not found:
        return np.empty(0, dtype=np.int64)
    return np.unique(np.concatenate(found))


def _may_cover(na: list[str], nb: list[str], min_coverage: float) -> bool:
    """False only when ``compare_sentences`` cannot reach ``min_coverage``: a cheap test first.

    A word counted as matched is, on each side, a word the other sentence also has or a
    possible spelling variant (``VARIANT_MIN_LETTERS`` letters or more, not in the other
    sentence, whose first letter starts such a word there). Counting those words on
    each side bounds the matched words from above.
    """
    shorter = min(len(na), len(nb))
    if shorter == 0:
        return False
    sa, sb = set(na), set(nb)

    def possible(words: list[str], own: set[str], other: set[str]) -> int:
        starts = {w[0] for w in other - own if len(w) >= VARIANT_MIN_LETTERS}
        return sum(1 for w in words if w in other or (len(w) >= VARIANT_MIN_LETTERS and w[0] in starts))

    return min(possible(na, sa, sb), possible(nb, sb, sa)) >= min_coverage * shorter


def _verify_chunk(args: tuple) -> list[tuple]:
    """``compare_sentences`` on each pair of texts; the scores of those that pass ``min_coverage``."""
    pairs, min_coverage = args
    norms: dict[str, list[str]] = {}
    out = []
    for k, (a, b) in enumerate(pairs):
        for text in (a, b):
            if text not in norms:
                norms[text] = _norms(text)
        if not _may_cover(norms[a], norms[b], min_coverage):
            continue
        al = compare_sentences(a, b)
        if al.coverage >= min_coverage:
            out.append((k, al.coverage, al.similarity, len(al.tokens_a), len(al.tokens_b), al.n_matched,
                        "; ".join(f"{x}/{y}" for x, y in al.variants)))
    return out


VERIFY_CHUNK = 20_000  # candidate pairs per chunk of the exact check


def shared_passages(
    sentences: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    window_days: int | None = None,
    min_coverage: float = MIN_COVERAGE,
    min_tokens: int = MIN_SENTENCE_TOKENS,
    shingle_size: int = SENTENCE_SHINGLE_SIZE,
    num_perm: int = NUM_PERM,
    lsh_threshold: float = LSH_THRESHOLD,
    seed: int = SEED,
    n_jobs: int | None = None,
    client=None,
) -> pd.DataFrame:
    """Pairs of sentences from different articles that are the same text, or nearly.

    1. Each sentence of at least ``min_tokens`` normalised tokens gets a hash of its
       token sequence and a MinHash (``datasketch.MinHash``, ``num_perm`` permutations
       of its word ``shingle_size``-grams, fixed ``seed``). Identical sentences (same
       hash) are paired directly; each distinct sentence is indexed once.
    2. Locality-sensitive hashing proposes candidate pairs: the MinHash is cut into the
       bands ``datasketch.MinHashLSH`` would use for a Jaccard threshold of
       ``lsh_threshold`` (37 bands of 3 values for 0.3 and 128 permutations), and two
       sentences are candidates when they agree on a whole band: the same candidates
       as ``MinHashLSH``, found by sorting each band's keys (numpy) instead of a Python
       dictionary, so memory is 8 bytes a band a sentence instead of about 13 KB.
    3. Each candidate pair from two different articles is verified with
       ``compare_sentences`` and kept when its ``coverage`` is at least
       ``min_coverage``.

    No step compares all pairs of sentences. Steps 1 and 3 run on every core for a
    large corpus, or on a Dask cluster (``n_jobs``, ``client``; see
    ``helpers.parallel``), with the same result. What grows faster than the corpus is
    the number of candidate pairs when many sentences are alike (a corpus of one
    story's coverage); ``window_days`` (with ``articles``) bounds it: near-identical
    sentences are then proposed only when their articles' dates are at most
    ``window_days`` apart (a sentence repeated in several articles counts from its
    earliest date; an undated one is compared at any distance), while identical
    sentences are still paired at any distance, by step 1. A sentence repeated in k
    articles gives k(k-1)/2 rows, so boilerplate left in bodies (a sign-off) shows up.

    Parameters
    ----------
    sentences
        ``split_sentences`` output (at least ``article_id``, ``outlet``,
        ``sentence_id``, ``start_char``, ``end_char``, ``text``), in article order.
        Not modified.
    articles
        With ``article_id`` and ``date``; needed only with ``window_days``.
    window_days
        None (default): every sentence is compared with every other through the index.

    Returns
    -------
    DataFrame
        One row per verified pair, ``a`` the sentence whose article comes first in
        ``sentences``; sorted by a's article and position, then b's:
        ``passage_id`` (1, 2, ...), ``article_id_a, outlet_a, sentence_id_a,
        start_char_a, end_char_a, text_a``, the same for ``b``, ``same_outlet``,
        ``coverage`` and ``similarity`` (see ``compare_sentences``), ``n_tokens_a``,
        ``n_tokens_b``, ``n_matched``, ``variants`` ("balked/baulked; ..." or "").
    """
    from datasketch.lsh import _optimal_param

    from .parallel import article_chunks, map_chunks

    _require(sentences, ("article_id", "outlet", "sentence_id", "start_char", "end_char", "text"), "sentences")
    if window_days is not None and articles is None:
        raise ValueError("window_days needs articles (with article_id and date) to order the sentences by date")
    table = sentences.reset_index(drop=True)
    article_ids = table["article_id"].astype(str)
    article_rank = pd.factorize(article_ids)[0]
    texts = table["text"].fillna("").astype(str).tolist()
    n_articles = int(article_rank.max()) + 1 if len(table) else 0

    # Step 1: token digests and band keys, chunk by chunk of articles.
    bands, rows = _optimal_param(lsh_threshold, num_perm, 0.5, 0.5)
    chunks = article_chunks(table) if len(table) else []
    offsets = np.cumsum([0] + [len(c) for c in chunks])
    jobs = [(texts[a:b], min_tokens, shingle_size, num_perm, seed, bands, rows)
            for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
    results = map_chunks(_signature_chunk, jobs, n_articles=n_articles, n_jobs=n_jobs, client=client,
                         desc="shared passages: MinHash")
    positions = np.concatenate([pos + off for (pos, _, _), off in zip(results, offsets, strict=False)] or
                               [np.empty(0, dtype=np.int64)])
    digests = [d for _, ds, _ in results for d in ds]
    keys = np.concatenate([k for _, _, k in results]) if results else np.zeros((0, bands), dtype=np.uint64)
    codes, _ = pd.factorize(pd.Series(digests, dtype=object))
    n_groups = int(codes.max()) + 1 if len(codes) else 0
    first_row = np.full(n_groups, len(codes), dtype=np.int64)
    np.minimum.at(first_row, codes, np.arange(len(codes)))
    group_size = np.bincount(codes, minlength=n_groups)
    members = {g: positions[codes == g].tolist() for g in np.flatnonzero(group_size > 1)}

    # Step 2: LSH candidates between distinct sentences.
    days, window = None, None
    if window_days is not None:
        dates = article_ids.map(dict(zip(articles["article_id"].astype(str), pd.to_datetime(articles["date"]))))
        row_days = (dates - pd.Timestamp("1970-01-01")).dt.days.astype(float).to_numpy()
        group_days = np.full(n_groups, np.inf)
        np.minimum.at(group_days, codes, np.nan_to_num(row_days[positions], nan=np.inf))
        days = np.where(np.isinf(group_days), np.nan, group_days)  # a group with no date: compared at any distance
        window = float(window_days)
    pair_codes = _band_pairs(keys[first_row], days, window)
    row_pairs = [(i, j) for group in members.values() for i, j in combinations(group, 2)]  # identical texts
    g_all, h_all = pair_codes // max(n_groups, 1), pair_codes % max(n_groups, 1)
    single = (group_size[g_all] == 1) & (group_size[h_all] == 1)
    rep = positions[first_row] if n_groups else np.empty(0, dtype=np.int64)
    i_rows, j_rows = rep[g_all[single]], rep[h_all[single]]
    for g, h in zip(g_all[~single].tolist(), h_all[~single].tolist(), strict=True):
        row_pairs.extend((i, j) for i in members.get(g, [rep[g]]) for j in members.get(h, [rep[h]]))
    if row_pairs:
        extra = np.asarray(row_pairs, dtype=np.int64)
        i_rows, j_rows = np.r_[i_rows, extra[:, 0]], np.r_[j_rows, extra[:, 1]]
    keep = article_rank[i_rows] != article_rank[j_rows]
    i_rows, j_rows = i_rows[keep], j_rows[keep]
    swap = (article_rank[i_rows] > article_rank[j_rows]) | (
        (article_rank[i_rows] == article_rank[j_rows]) & (i_rows > j_rows))
    i_rows, j_rows = np.where(swap, j_rows, i_rows), np.where(swap, i_rows, j_rows)

    # Step 3: verify each distinct pair of texts once.
    text_pairs = pd.DataFrame({"a": np.asarray(texts, dtype=object)[i_rows],
                               "b": np.asarray(texts, dtype=object)[j_rows]})
    pair_code, distinct = pd.factorize(pd.MultiIndex.from_frame(text_pairs)) if len(text_pairs) else (
        np.empty(0, dtype=np.int64), [])
    distinct = list(distinct)
    verify_jobs = [(distinct[k:k + VERIFY_CHUNK], min_coverage) for k in range(0, len(distinct), VERIFY_CHUNK)]
    checked = map_chunks(_verify_chunk, verify_jobs, n_articles=n_articles if len(distinct) > VERIFY_CHUNK else 0,
                         n_jobs=n_jobs, client=client, desc="shared passages: exact check")
    scores = {k + c * VERIFY_CHUNK: rest for c, part in enumerate(checked) for k, *rest in part}
    passed = np.array([scores.get(int(k)) is not None for k in pair_code], dtype=bool)
    i_rows, j_rows, pair_code = i_rows[passed], j_rows[passed], np.asarray(pair_code)[passed]
    order = np.lexsort((j_rows, article_rank[j_rows], i_rows, article_rank[i_rows]))
    i_rows, j_rows, pair_code = i_rows[order], j_rows[order], pair_code[order]

    a, b = table.iloc[i_rows].reset_index(drop=True), table.iloc[j_rows].reset_index(drop=True)
    verified = [scores[int(k)] for k in pair_code]
    out = pd.DataFrame({"passage_id": np.arange(1, len(order) + 1, dtype=np.int64)})
    for side, part in (("a", a), ("b", b)):
        for col in ("article_id", "outlet", "sentence_id", "start_char", "end_char", "text"):
            out[f"{col}_{side}"] = part[col].to_numpy()
        for col in ("start_char", "end_char"):
            out[f"{col}_{side}"] = out[f"{col}_{side}"].astype(int)
    out["same_outlet"] = (a["outlet"] == b["outlet"]).to_numpy(dtype=bool)
    for n, col in enumerate(("coverage", "similarity", "n_tokens_a", "n_tokens_b", "n_matched", "variants")):
        out[col] = [v[n] for v in verified]
    return out[PASSAGE_COLUMNS] if len(out) else pd.DataFrame(columns=PASSAGE_COLUMNS)


def _matched_spans(al: Alignment, side: str) -> list[tuple[int, int]]:
    """Character spans (in that sentence) of the runs of matched words on one side.

    Runs with no word of this side between them (the other sentence has words added
    there) are one span; a run that starts or ends the sentence takes in its opening
    quote mark or final stop.
    """
    tokens, length = (al.tokens_a, al.length_a) if side == "a" else (al.tokens_b, al.length_b)
    runs: list[list[int]] = []
    for tag, i1, i2, j1, j2 in al.opcodes:
        lo, hi = (i1, i2) if side == "a" else (j1, j2)
        if tag == "equal" and hi > lo:
            if runs and runs[-1][1] == lo:
                runs[-1][1] = hi
            else:
                runs.append([lo, hi])
    return [
        (0 if lo == 0 else tokens[lo].start, length if hi == len(tokens) else tokens[hi - 1].end)
        for lo, hi in runs
    ]


def wire_share(articles: pd.DataFrame, sentences: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """How much of each article's body it shares with another outlet's article.

    A character counts as shared when it lies in a run of matched words (from the
    first to the last word of the run, spaces and punctuation between them included,
    and the sentence's opening or closing punctuation when the run starts or ends it)
    of a verified shared passage whose other sentence is from a *different outlet*.
    Characters shared with several articles count once.

    Parameters
    ----------
    articles, sentences, passages
        ``load_corpus`` articles, their ``split_sentences`` and ``shared_passages``.

    Returns
    -------
    DataFrame
        One row per article, in the articles' order: ``article_id, outlet, date,
        n_chars`` (characters of the cleaned body, paragraph breaks included: the
        denominator), ``n_chars_shared``, ``share_shared`` (= n_chars_shared /
        n_chars, 0-1), ``n_sentences``, ``n_sentences_shared`` (sentences with any
        shared run), ``shared_with`` (the other outlets, "; "-separated).
    """
    covered: dict[str, list[tuple[int, int]]] = {}
    partners: dict[str, set[str]] = {}
    shared_sentences: dict[str, set[str]] = {}
    cross = passages[~passages["same_outlet"].astype(bool)] if len(passages) else passages
    for p in cross.itertuples(index=False):
        al = compare_sentences(p.text_a, p.text_b)
        for side, article, outlet_other, start, sid in (
            ("a", p.article_id_a, p.outlet_b, p.start_char_a, p.sentence_id_a),
            ("b", p.article_id_b, p.outlet_a, p.start_char_b, p.sentence_id_b),
        ):
            spans = _matched_spans(al, side)
            covered.setdefault(article, []).extend((start + s, start + e) for s, e in spans)
            partners.setdefault(article, set()).add(outlet_other)
            if spans:
                shared_sentences.setdefault(article, set()).add(sid)
    n_sent = sentences.groupby("article_id").size()
    rows = []
    for art in articles.itertuples(index=False):
        body = art.body if isinstance(art.body, str) else ""
        chars = np.zeros(len(body), dtype=bool)
        for s, e in covered.get(art.article_id, []):
            chars[s:e] = True
        n_shared = int(chars.sum())
        rows.append((
            art.article_id, art.outlet, art.date, len(body), n_shared, n_shared / len(body) if body else 0.0,
            int(n_sent.get(art.article_id, 0)), len(shared_sentences.get(art.article_id, ())),
            "; ".join(sorted(partners.get(art.article_id, ()))),
        ))
    return pd.DataFrame(rows, columns=WIRE_COLUMNS)


# ---------------------------------------------------------------------------
# Side-by-side display
# ---------------------------------------------------------------------------

DEL_STYLE = "background:#fed7d7;text-decoration:none"  # words only in the left sentence
INS_STYLE = "background:#c6f6d5;text-decoration:none"  # words only in the right sentence
VARIANT_STYLE = "background:#fefcbf"  # the same word spelled differently
MAX_PASSAGES_SHOWN = 30  # pairs shown on the page; the CSV has all


def _highlight(text: str, tokens: list[Token], marks: dict[int, str]) -> str:
    """``text`` escaped, with each run of consecutive tokens of one mark wrapped in its
    (fixed) tag, the spaces and punctuation between them included."""
    tags = {
        "del": (f'<del style="{DEL_STYLE}">', "</del>"),
        "ins": (f'<ins style="{INS_STYLE}">', "</ins>"),
        "variant": (f'<mark style="{VARIANT_STYLE}">', "</mark>"),
    }
    runs: list[list[int]] = []
    for k in sorted(marks):
        if runs and runs[-1][1] == k - 1 and marks[runs[-1][0]] == marks[k]:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    pieces, pos = [], 0
    for first, last in runs:
        open_tag, close_tag = tags[marks[first]]
        start, end = tokens[first].start, tokens[last].end
        pieces += [html.escape(text[pos:start]), open_tag, html.escape(text[start:end]), close_tag]
        pos = end
    pieces.append(html.escape(text[pos:]))
    return "".join(pieces)


def diff_html(text_a: str, text_b: str) -> tuple[str, str]:
    """The two sentences as escaped HTML with their differing words marked.

    Words only in ``text_a`` are wrapped in ``<del>``, words only in ``text_b`` in
    ``<ins>``, spelling variants in ``<mark>`` on both sides. Every piece of the texts
    goes through ``html.escape``; the only markup is those three fixed tags.
    """
    al = compare_sentences(text_a, text_b)
    marks_a: dict[int, str] = {}
    marks_b: dict[int, str] = {}
    for tag, i1, i2, j1, j2 in al.opcodes:
        if tag in ("replace", "delete"):
            marks_a.update((k, "del") for k in range(i1, i2))
        if tag in ("replace", "insert"):
            marks_b.update((k, "ins") for k in range(j1, j2))
        if tag == "equal":
            for k, m in zip(range(i1, i2), range(j1, j2), strict=True):
                if al.tokens_a[k].norm != al.tokens_b[m].norm:
                    marks_a[k] = marks_b[m] = "variant"
    return _highlight(text_a, al.tokens_a, marks_a), _highlight(text_b, al.tokens_b, marks_b)


def passages_html(passages: pd.DataFrame, *, max_rows: int = MAX_PASSAGES_SHOWN) -> EscapedHTML:
    """Shared passages side by side, differing words highlighted, as escaped HTML.

    One table row per pair: the left sentence with its outlet and sentence id, the
    right one likewise, and the coverage. Built only from ``html.escape``'d corpus text
    and fixed tags (see ``diff_html``).
    """
    esc = html.escape
    if passages.empty:
        return EscapedHTML(f'<p class="{NO_MATH}">No shared passages.</p>', "No shared passages.")
    cell = "padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left"
    head = (
        f'<tr><th style="{cell}">#</th><th style="{cell}">left</th><th style="{cell}">right</th>'
        f'<th style="{cell}">coverage</th></tr>'
    )
    rows = []
    for p in passages.head(max_rows).itertuples(index=False):
        left, right = diff_html(p.text_a, p.text_b)
        variants = f"<br><small>variants: {esc(p.variants)}</small>" if p.variants else ""
        rows.append(
            f'<tr><td style="{cell}">{int(p.passage_id)}</td>'
            f'<td style="{cell};width:45%"><small>{esc(p.outlet_a)} \u00b7 {esc(p.sentence_id_a)}</small><br>{left}</td>'
            f'<td style="{cell};width:45%"><small>{esc(p.outlet_b)} \u00b7 {esc(p.sentence_id_b)}</small><br>{right}</td>'
            f'<td style="{cell}">{p.coverage:.2f}{variants}</td></tr>'
        )
    more = len(passages) - min(len(passages), max_rows)
    note = f'<p style="font-size:0.85em;color:#555">\u2026 and {more:,} more pairs (all are in the CSV).</p>' if more else ""
    legend = (
        f'<p style="font-size:0.85em">Highlighted: <del style="{DEL_STYLE}">only left</del> \u00b7 '
        f'<ins style="{INS_STYLE}">only right</ins> \u00b7 <mark style="{VARIANT_STYLE}">spelled differently</mark>. '
        "Case, punctuation, quotation marks and spacing are ignored.</p>"
    )
    body = (
        f'<div class="{NO_MATH}" style="overflow-x:auto">{legend}'
        f'<table style="border-collapse:collapse;font-size:0.9em">{head}{"".join(rows)}</table>{note}</div>'
    )
    return EscapedHTML(body, f"{_n(len(passages), 'shared passage')} side by side")


# ---------------------------------------------------------------------------
# Sentences for the notebook (computed, so they stay true on any corpus)
# ---------------------------------------------------------------------------

def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def _join(items: list[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per news event: ``event, event_label, n_articles, n_outlets, outlets,
    first, last, days_spanned``."""
    if events.empty:
        return pd.DataFrame(columns=["event", "event_label", "n_articles", "n_outlets", "outlets", "first", "last", "days_spanned"])
    out = events.groupby(["event", "event_label"], sort=True).agg(
        n_articles=("article_id", "size"), n_outlets=("outlet", "nunique"),
        outlets=("outlet", lambda s: ", ".join(sorted(s.unique()))),
        first=("date", "min"), last=("date", "max"),
    ).reset_index()
    out["days_spanned"] = (out["last"] - out["first"]).dt.days
    return out


def events_note(events: pd.DataFrame) -> str:
    """Which outlets covered which event, said plainly."""
    table = event_table(events)
    n_outlets = events["outlet"].nunique()
    if n_outlets < 2:
        verb = "falls" if len(events) == 1 else "fall"
        return (f"The corpus has only one outlet, so no outlet can be compared with another; its "
                f"{_n(len(events), 'article')} {verb} into {_n(len(table), 'news event')}.")
    parts = []
    for row in table.itertuples():
        who = row.outlets if row.n_outlets > 1 else f"{row.outlets} alone"
        parts.append(f"{who} ({row.event_label})")
    text = f"The {_n(len(events), 'article')} fall into {_n(len(table), 'news event')}: {'; '.join(parts)}."
    alone = table[table["n_outlets"] == 1]
    if len(table) > 1:
        text += (" Outlets in different events covered different moments, so what they share is at most "
                 "background, and what one reports that another does not is no sign of a different choice.")
    if len(alone) == len(table):
        text += " No two outlets covered the same event, so no overlap below compares coverage of the same news."
    for row in table[(table["n_outlets"] > 1) & (table["days_spanned"] > 0)].itertuples():
        grp = events[events["event"] == row.event].sort_values(["date", "outlet"], kind="stable")
        first, last = grp.iloc[0], grp.iloc[-1]
        text += (f" Within {row.event_label} the articles are up to {_n(int(row.days_spanned), 'day')} apart "
                 f"({first['outlet']} on {first['date']:%-d %b}, {last['outlet']} on {last['date']:%-d %b}), "
                 "so the later one can report later news.")
    return text


def similarity_note(similarity: pd.DataFrame) -> str:
    """The most alike pair on each measure, and what the rest look like."""
    if similarity.empty:
        return "With a single article there is no pair to compare."
    cross = similarity[~similarity["same_outlet"].astype(bool)]
    if cross.empty:
        return "All articles are from a single outlet, so no pair from two outlets can be compared."
    top = cross.sort_values(["cosine_tfidf", "article_id_a", "article_id_b"], ascending=[False, True, True], kind="stable").iloc[0]
    rest = cross.drop(top.name)
    text = (f"The most alike pair from two outlets is {top.outlet_a} and {top.outlet_b} "
            f"(TF-IDF cosine {top.cosine_tfidf:.2f}, 5-gram Jaccard {top.jaccard_5gram:.2f})")
    if len(rest):
        lo, hi, jac = rest.cosine_tfidf.min(), rest.cosine_tfidf.max(), rest.jaccard_5gram.max()
        text += (f"; the other pair from two outlets scores {lo:.2f} on cosine and {jac:.3f} on Jaccard" if len(rest) == 1
                 else f"; the other {_n(len(rest), 'pair')} from two outlets score {lo:.2f}\u2013{hi:.2f} on cosine "
                 f"and at most {jac:.3f} on Jaccard")
    text += (". Cosine measures shared vocabulary, which one topic gives any two articles; a 5-gram Jaccard "
             "clearly above zero means shared wording.")
    return text


def passages_note(passages: pd.DataFrame, events: pd.DataFrame) -> str:
    """How many shared pairs, between which outlets, and whether within one event."""
    if events["outlet"].nunique() < 2 and passages.empty:
        return "The corpus has only one outlet, and none of its articles shares a sentence with another."
    if passages.empty:
        return "No two articles share a sentence (at the thresholds in the Method)."
    event_of = dict(zip(events["article_id"], events["event_label"]))
    longer = passages[["n_tokens_a", "n_tokens_b"]].max(axis=1)
    kinds = passages.assign(
        identical=passages["similarity"] >= 1,
        cut=(passages["n_matched"] < longer) & (passages["n_tokens_a"] != passages["n_tokens_b"]),
        respelled=passages["variants"] != "",
    )
    pairs = kinds.groupby(["outlet_a", "outlet_b"], sort=False).agg(
        n=("passage_id", "size"), identical=("identical", "sum"), cut=("cut", "sum"), respelled=("respelled", "sum"),
    ).reset_index()
    parts = []
    for row in pairs.itertuples():
        who = f"two {row.outlet_a} articles" if _one_outlet(row.outlet_a, row.outlet_b) else f"{row.outlet_a} and {row.outlet_b}"
        detail = [f"{row.identical} word for word"]
        if row.cut:
            detail.append(f"{row.cut} with words added or cut")
        if row.respelled:
            detail.append(f"{row.respelled} with a word spelled differently")
        parts.append(f"{who} share {_n(row.n, 'sentence')} ({', '.join(detail)})")
    text = _join(parts) + "."
    cross_event = passages[[event_of.get(a) != event_of.get(b) for a, b in zip(passages.article_id_a, passages.article_id_b)]]
    if len(cross_event):
        text += f" {_n(len(cross_event), 'pair')} link{'s' * (len(cross_event) == 1)} articles from different events: reused background text."
    elif len(pairs):
        text += " Every shared pair is within one news event."
    other = len(events["article_id"]) - len(set(passages.article_id_a) | set(passages.article_id_b))
    if other:
        text += f" The other {_n(other, 'article')} share{'s' * (other == 1)} no sentence with any article."
    return text


def wire_note(wire: pd.DataFrame) -> str:
    """The articles with shared copy and how much."""
    shared = wire[wire["n_chars_shared"] > 0].sort_values(["share_shared", "article_id"], ascending=[False, True], kind="stable")
    if wire["outlet"].nunique() < 2:
        return "The corpus has only one outlet, so no article can share copy with another outlet's."
    if shared.empty:
        return "No article shares copy with another outlet's article."
    parts = [f"{r.outlet} {r.share_shared:.0%} ({r.n_sentences_shared} of {_n(r.n_sentences, 'sentence')})" for r in shared.itertuples()]
    text = "Shared with another outlet: " + _join(parts) + "."
    if len(wire) > len(shared):
        text += f" The other {_n(len(wire) - len(shared), 'article')} share{'s' * (len(wire) - len(shared) == 1)} nothing."
    return text


def wire_table(wire: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``wire_share`` for display: ``outlet, date, event_label, n_sentences_shared,
    n_sentences, n_chars_shared, n_chars, pct_shared`` (0-100), ``shared_with``."""
    out = wire.merge(events[["article_id", "event_label"]], on="article_id", how="left")
    out["pct_shared"] = (out["share_shared"] * 100).round(1)
    return out[["outlet", "date", "event_label", "n_sentences_shared", "n_sentences", "n_chars_shared",
                "n_chars", "pct_shared", "shared_with"]]


def _one_outlet(a: str, b: str) -> bool:
    """Whether two outlet names are one outlet spelled two ways (case, spacing, Unicode width)."""
    key = [" ".join(unicodedata.normalize("NFKC", str(x)).casefold().split()) for x in (a, b)]
    return key[0] == key[1]


def overlap_finding(events: pd.DataFrame, passages: pd.DataFrame, wire: pd.DataFrame) -> str:
    """The notebook's one-line finding, from the computed tables.

    Only pairs of two outlets count (never an outlet with itself, however spelled), and
    the wire share quoted is the highest among the articles that pair's shared sentences come from."""
    n_outlets = events["outlet"].nunique()
    table = event_table(events)
    if n_outlets < 2:
        own = len(passages)
        return ("The corpus has only one outlet, so no outlet's coverage can be compared with another's"
                + (f"; its articles share {_n(own, 'sentence')} with each other." if own else "."))
    own = passages["same_outlet"].astype(bool).to_numpy() | np.array(
        [_one_outlet(a, b) for a, b in zip(passages.outlet_a, passages.outlet_b)], dtype=bool)
    cross = passages[~own]
    moments = f"The {_n(len(events), 'article')} fall into {_n(len(table), 'news event')}"
    if cross.empty:
        k = int(own.sum())
        within = f"; the {_n(k, 'near-identical pair')} found {'is' if k == 1 else 'are'} within one outlet's articles" if k else ""
        return f"No two outlets share a sentence{within}. {moments}."
    key = pd.Series([tuple(sorted(p)) for p in zip(cross.outlet_a, cross.outlet_b)], index=cross.index)
    pairs = key.value_counts(sort=False).sort_values(ascending=False, kind="stable")
    (a, b), n = pairs.index[0], int(pairs.iloc[0])
    text = f"{a} and {b} share {_n(n, 'near-identical sentence')}"
    rows = cross[[k == (a, b) for k in key]]
    in_pair = wire[wire["article_id"].isin(set(rows.article_id_a) | set(rows.article_id_b))]
    in_pair = in_pair.sort_values(["share_shared", "article_id"], ascending=[False, True], kind="stable")
    if len(in_pair):
        top = in_pair.iloc[0]
        whose = f"{top.outlet}'s article" if (wire["outlet"] == top.outlet).sum() == 1 else f"one {top.outlet} article"
        text += f" (wire copy: {top.share_shared:.0%} of {whose})"
    others = len(pairs) - 1
    text += ("; no other pair of outlets shares any." if not others
             else f"; {_n(others, 'other pair')} of outlets {'shares' if others == 1 else 'share'} some.")
    alone = table[table["n_outlets"] == 1]
    if len(alone):
        text += f" {moments}: {_join(sorted(alone['outlets']))} covered {'moments' if len(alone) > 1 else 'a moment'} no other outlet did."
    return text
