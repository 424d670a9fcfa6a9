"""Phrases that recur: collocations per outlet, and the ones counted as one term.

``collocations`` finds bigrams and trigrams with NLTK's collocation finders;
``phrases_to_join`` picks the two-word phrases ``term_occurrences`` joins.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)

from ..nltk_data import STOPWORDS
from .occurrences import CLITICS, COUNTRY_FORMS, COUNTRY_TERM, LETTER, tokens_with_outlet
from .tokenchunks import TokenChunks, in_reading_order, token_chunks

# Collocations. A phrase must occur at least this often in a group to be scored
# (NLTK's apply_freq_filter); two is the least that can be a pattern.
MIN_PHRASE_COUNT = 2
# Joining phrases into one term for the counts: a phrase must occur this often in the
# whole corpus, and its likelihood-ratio statistic (G^2, chi-square with 1 df for
# bigrams, Dunning 1993) must pass 10.83, the p = 0.001 critical value.
MIN_JOINED_PHRASE_COUNT = 3
MIN_JOINED_PHRASE_SCORE = 10.83
MIN_JOINED_PHRASE_ARTICLES = 2  # one article's turn of phrase is not a unit of the language
MEASURES = ("likelihood_ratio", "pmi")
ALL_OUTLETS = "(all outlets)"  # the group name when phrases are found in the whole corpus
FINDERS = {  # phrase length -> NLTK's finder and its association measures
    2: (BigramCollocationFinder, BigramAssocMeasures),
    3: (TrigramCollocationFinder, TrigramAssocMeasures),
}

COLLOCATION_COLUMNS = [
    "outlet", "phrase", "n_words_in_phrase", "n", "n_articles", "measure", "score",
    "first_sentence_id", "first_start_char",
]


def _phrase_words(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens for phrase finding: lower-cased, the country as ``u.s.``, clitics left out.
    Punctuation stays in, so no phrase is found across a comma or a quote mark."""
    words = tokens[~tokens["lower"].isin(CLITICS)].copy()
    words["word"] = words["lower"].where(~words["token"].isin(COUNTRY_FORMS), COUNTRY_TERM)
    return words


def _by_sentence(words: pd.DataFrame) -> list[tuple[str, str, list, list]]:
    """``(sentence_id, article_id, words, start_chars)`` per sentence, in reading order
    (the rows of one sentence are contiguous, as ``tokenize`` writes them)."""
    if words.empty:
        return []
    sentence = words["sentence_id"].to_numpy(dtype=object)
    cuts = np.flatnonzero(sentence[1:] != sentence[:-1]) + 1
    bounds = zip(np.r_[0, cuts], np.r_[cuts, len(words)], strict=False)
    word = words["word"].tolist()
    start = words["start_char"].tolist()
    article = words["article_id"].to_numpy(dtype=object)
    return [(sentence[a], article[a], word[a:b], start[a:b]) for a, b in bounds]


def _stop(word: str) -> bool:
    """A word no phrase starts or ends with: a stopword, or one without a letter."""
    return word in STOPWORDS or not LETTER.search(word)


def _first_uses(docs: list, size: int, kept: set[tuple]) -> tuple[dict, dict]:
    """For each kept n-gram: ``(sentence_id, start_char)`` of its first use, and its articles."""
    first: dict[tuple, tuple] = {}
    articles: dict[tuple, set] = {}
    for sentence_id, article_id, ws, starts in docs:
        for i in range(len(ws) - size + 1):
            ngram = tuple(ws[i:i + size])
            if ngram in kept:
                first.setdefault(ngram, (sentence_id, int(starts[i])))
                articles.setdefault(ngram, set()).add(article_id)
    return first, articles


def _summed_finder(chunks, size: int):
    """NLTK's finder of one phrase length over every chunk's sentences, fed one chunk at
    a time (``from_documents`` reads its documents lazily): the counts, and so the
    scores, of ``from_documents`` over all the sentences at once."""
    return FINDERS[size][0].from_documents(ws for docs in chunks for _, _, ws, _ in docs)


def _scored_phrases(outlet: str, chunks, size: int, *, min_count: int,
                    measure: str) -> list[dict]:
    """``collocations``' rows for the phrases of one length in one group's sentences
    (``chunks()``: the group's sentences, chunk by chunk, each time it is called)."""
    measures = FINDERS[size][1]
    finder = _summed_finder(chunks(), size)
    finder.apply_freq_filter(min_count)
    finder.apply_ngram_filter(lambda *ngram: _stop(ngram[0]) or _stop(ngram[-1]))
    if size == 3:
        finder.apply_ngram_filter(lambda w1, w2, w3: not LETTER.search(w2))
    scored = finder.score_ngrams(getattr(measures, measure))
    kept = {ngram for ngram, _ in scored}
    first, articles = {}, {}
    for docs in (chunks() if kept else []):  # in reading order: the first use is the first chunk's
        chunk_first, chunk_articles = _first_uses(docs, size, kept)
        for ngram, use in chunk_first.items():
            first.setdefault(ngram, use)
            articles.setdefault(ngram, set()).update(chunk_articles[ngram])
    return [{
        "outlet": outlet, "phrase": " ".join(ngram), "n_words_in_phrase": size,
        "n": int(finder.ngram_fd[ngram]), "n_articles": len(articles[ngram]),
        "measure": measure, "score": float(score),
        "first_sentence_id": first[ngram][0], "first_start_char": first[ngram][1],
    } for ngram, score in scored]


def _sentence_chunks(tokens: pd.DataFrame, sentences: pd.DataFrame):
    """``_by_sentence`` of ``_phrase_words``, chunk by chunk of articles (``token_chunks``)."""
    for chunk in token_chunks(tokens):
        yield _by_sentence(_phrase_words(tokens_with_outlet(chunk, sentences)))


def _grouped_words(tokens: pd.DataFrame, sentences: pd.DataFrame, by: str | None):
    """``(group, chunks)`` per outlet in order (``by="outlet"``) or for all in one group
    (``by=None``): ``chunks()`` yields the group's sentences chunk by chunk. The whole
    corpus is read again on each call, a chunk at a time; an outlet's sentences are
    prepared once and held while it is scored (one outlet at a time)."""
    if by not in ("outlet", None):
        raise ValueError("by must be 'outlet' or None")
    tokens = in_reading_order(tokens)
    if isinstance(tokens, TokenChunks):
        return _grouped_chunks(tokens, sentences, by)
    if by is None:
        return [(ALL_OUTLETS, lambda: _sentence_chunks(tokens, sentences))] if len(tokens) else []
    outlet_of = sentences.drop_duplicates("sentence_id").set_index("sentence_id")["outlet"]
    outlet = tokens["sentence_id"].map(outlet_of).astype("str")
    rows = outlet.groupby(outlet, sort=True).indices
    return ((name, _held(lambda idx=rows[name]: _sentence_chunks(tokens.take(idx), sentences)))
            for name in sorted(rows))


def _grouped_chunks(tokens: TokenChunks, sentences: pd.DataFrame, by: str | None):
    """``_grouped_words`` of tokens made chunk by chunk: an outlet's are the tokens of its
    sentences (``TokenChunks.of_sentences``), tokenized when the outlet is scored."""
    if by is None:
        return [(ALL_OUTLETS, lambda: _sentence_chunks(tokens, sentences))] if len(tokens.sentences) else []
    outlet_of = sentences.drop_duplicates("sentence_id").set_index("sentence_id")["outlet"]
    outlet = tokens.sentences["sentence_id"].map(outlet_of).astype("str")
    ids = tokens.sentences["sentence_id"].groupby(outlet, sort=True)
    return ((name, _held(lambda group=group: _sentence_chunks(tokens.of_sentences(group), sentences)))
            for name, group in ids)


def _held(make):
    """``make`` as a function that prepares its chunks once, on the first call: one
    outlet's sentences are read for both phrase lengths and their first uses."""
    held = []

    def chunks():
        if not held:
            held.append(list(make()))
        return iter(held[0])
    return chunks


def collocations(
    tokens: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    by: str | None = "outlet",
    min_count: int = MIN_PHRASE_COUNT,
    measure: str = "likelihood_ratio",
    top_n: int | None = None,
    sizes: tuple[int, ...] = (2, 3),
) -> pd.DataFrame:
    """Two- and three-word phrases that recur in each outlet (NLTK collocation finders).

    Each sentence is one document for ``BigramCollocationFinder`` /
    ``TrigramCollocationFinder.from_documents``, so no phrase spans two sentences.
    Words are lower-cased tokens with stopwords *kept* (dropping them first would make
    "release of prisoners" the phrase "release prisoners"); phrases that start or
    end with a stopword or a number are then dropped (a stopword may sit inside a
    trigram: "secretary of state"), as are those seen fewer than ``min_count`` times
    (NLTK's ``apply_freq_filter``).

    Parameters
    ----------
    by
        ``"outlet"`` for phrases per outlet, None for the whole corpus as one group
        (its ``outlet`` column then reads ``"(all outlets)"``).
    measure
        ``"likelihood_ratio"`` (Dunning's G^2: how surprising the pair is, favouring
        frequent phrases; default) or ``"pmi"`` (pointwise mutual information, which
        favours rare exclusive pairs).
    sizes
        Phrase lengths to find: ``(2, 3)``, or ``(2,)`` for bigrams only.

    Returns
    -------
    DataFrame
        One row per phrase and group, sorted by group, score (highest first) and
        phrase: ``outlet``, ``phrase`` (lower-case words joined by spaces),
        ``n_words_in_phrase`` (2 or 3), ``n`` (uses), ``n_articles``, ``measure``,
        ``score``, ``first_sentence_id`` and ``first_start_char`` (where it first
        occurs, for checking).
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    rows = []
    for outlet, chunks in _grouped_words(tokens, sentences, by):
        for size in FINDERS:
            if size in sizes:
                rows += _scored_phrases(outlet, chunks, size, min_count=min_count, measure=measure)
    out = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    if out.empty:
        return out
    out = out.sort_values(["outlet", "score", "phrase"], ascending=[True, False, True],
                          kind="stable", ignore_index=True)
    if top_n is not None:
        out = out.groupby("outlet", sort=False).head(top_n).reset_index(drop=True)
    return out


def _ambiguous_pairs(tokens: pd.DataFrame, sentences: pd.DataFrame,
                     candidates: set[tuple]) -> set[tuple]:
    """Candidate pairs that share a word with another candidate at one of their uses."""
    ambiguous: set[tuple] = set()
    for docs in _sentence_chunks(in_reading_order(tokens), sentences):  # no sentence spans two chunks
        claimed: dict[tuple, list] = {}  # (sentence, word position) -> candidates using it
        for sentence_id, _, ws, _ in docs:
            for i in range(len(ws) - 1):
                pair = (ws[i], ws[i + 1])
                if pair in candidates:
                    claimed.setdefault((sentence_id, i), []).append(pair)
                    claimed.setdefault((sentence_id, i + 1), []).append(pair)
        ambiguous |= {pair for users in claimed.values() if len(set(users)) > 1 for pair in users}
    return ambiguous


def phrases_to_join(tokens: pd.DataFrame, sentences: pd.DataFrame, *,
                    min_count: int = MIN_JOINED_PHRASE_COUNT,
                    min_score: float = MIN_JOINED_PHRASE_SCORE,
                    min_articles: int = MIN_JOINED_PHRASE_ARTICLES) -> list[str]:
    """Two-word phrases to count as single terms ("west bank", "peace talks").

    Candidates are the whole corpus's bigrams of two content words (``collocations``
    with ``by=None``) seen at least ``min_count`` times, in at least ``min_articles``
    articles, with a likelihood ratio of at least ``min_score``. A candidate is joined
    only if it is unambiguous: no other candidate shares a word with it at any of its
    uses. That leaves out chains of titles and names, where any cut is arbitrary
    ("Secretary of State John Kerry" holds "state john" and "john kerry"; "Prime
    Minister Benjamin Netanyahu" holds "prime minister", "minister benjamin" and
    "benjamin netanyahu"): their words are counted one by one. Trigrams are not
    joined, for the same reason.

    Returns
    -------
    list of str
        Lower-case phrases, strongest (highest score) first, for
        ``term_occurrences(..., phrases=...)``.
    """
    found = collocations(tokens, sentences, by=None, min_count=min_count, sizes=(2,))
    if found.empty:
        return []
    found = found[(found["score"] >= min_score)
                  & (found["n_articles"] >= min_articles)
                  & ~found["phrase"].str.split(" ").map(lambda ws: COUNTRY_TERM in ws)]
    if found.empty:
        return []
    candidates = {tuple(p.split(" ")) for p in found["phrase"]}
    ambiguous = _ambiguous_pairs(tokens, sentences, candidates)
    keep = ~found["phrase"].str.split(" ").map(tuple).isin(ambiguous)
    found = found[keep].sort_values(["score", "phrase"], ascending=[False, True], kind="stable")
    return found["phrase"].tolist()
