"""Word tokens of sentences: ``tokenize()``, one row per token with its offsets and flags.

The tokens are NLTK's Treebank tokens (``nltk.tokenize.NLTKWordTokenizer``), computed
fast by ``helpers.text.pieces``; this module turns them into the token table.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from ..nltk_data import STOPWORDS
from ..parallel import map_articles
from ..tables import require_columns
from .pieces import PieceMemo, Tokens, Unknown, process_memo

SENTENCE_INPUT_COLUMNS = ("article_id", "sentence_id", "start_char", "text")
TOKEN_COLUMNS = [
    "article_id", "sentence_id", "token_n", "start_char", "end_char",
    "token", "lower", "is_alpha", "is_punct", "is_stop",
]
BLOCK_SENTENCES = 2_000  # sentences whose unknown pieces are tokenized together

# A letter (any script), and a letter or digit: the tests behind is_alpha / is_punct.
_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"


def tokenize(sentences: pd.DataFrame, *, n_jobs: int | None = None, client=None) -> pd.DataFrame:
    """Split each sentence into word tokens, one row per token.

    Tokens come from ``nltk.tokenize.NLTKWordTokenizer`` (the Treebank rules behind
    ``nltk.word_tokenize``, no data files): punctuation is split off, contractions are
    split ("don't" -> "do" "n't", "Kerry's" -> "Kerry" "'s"), hyphenated words and
    numbers such as "3.5" or "0100" stay whole, and "U.S." stays one token except at
    the end of a sentence, where its final period is split off ("U.S" "."). Quote
    marks are tokens of their own, as they appear in the body (``"``), not as
    Treebank's ``` `` ``` / ``''``.

    How it is computed: the tokens and offsets are exactly those of NLTK's
    ``span_tokenize`` on each sentence, but about ten times faster. NLTK's rules are
    local to a whitespace-delimited piece of text (apart from the start and the end of
    the sentence), so the tokens of each piece are memoised (up to ``pieces.MEMO_MAX`` pieces,
    in a memo kept by each process) and new pieces are tokenized by NLTK many at a
    time; a sentence whose pieces cannot be done this way goes to NLTK
    whole. See ``helpers.text.pieces``. ``tests/test_text.py`` checks the result is
    identical to NLTK's on the seed corpus, 5,190 New York Times sentences and hostile
    strings (quotes of every kind, contractions, odd whitespace, very long lines).

    Parameters
    ----------
    sentences
        The output of ``split_sentences`` (at least ``article_id``, ``sentence_id``,
        ``start_char``, ``text``). Not modified.
    n_jobs, client
        As for ``split_sentences``: chunks of whole articles; the table is the same.

    Returns
    -------
    DataFrame
        One row per token, in reading order:

        - ``article_id``, ``sentence_id`` (str): from ``sentences``.
        - ``token_n`` (int): 1-based position in the sentence.
        - ``start_char``, ``end_char`` (int): offsets into the article's ``body``.
        - ``token`` (str): the exact slice of the body.
        - ``lower`` (str): ``token`` lower-cased.
        - ``is_alpha`` (bool): the token has at least one letter ("U.S.", "F-16",
          "'s" but not "2014").
        - ``is_punct`` (bool): the token has no letter or digit (``.``, ``"``, ``--``,
          ``$``, ``%``).
        - ``is_stop`` (bool): ``lower`` is in ``helpers.nltk_data.STOPWORDS``.

    Raises
    ------
    KeyError
        A required column is missing.
    """
    require_columns(sentences, SENTENCE_INPUT_COLUMNS, "sentences")
    return map_articles(tokenize_chunk, sentences, n_jobs=n_jobs, client=client, desc="tokens")


def tokenize_chunk(sentences: pd.DataFrame, *, memo: PieceMemo | None = None) -> pd.DataFrame:
    """``tokenize`` in this process, on checked input: the work of one chunk, for callers
    that split a corpus into chunks themselves (``helpers.terms.count_terms``, the benchmark).

    ``memo``: the pieces' tokens to reuse and add to (default: this process's,
    ``helpers.text.pieces.process_memo()``). The table is the same whatever it holds.
    """
    memo = process_memo() if memo is None else memo  # (an empty memo is falsy: it has a len)
    groups, n_groups, other_gaps = _token_groups(sentences["text"].tolist(), memo)
    token = pd.Series(list(itertools.chain.from_iterable(groups)), dtype="str")
    length = token.str.len().to_numpy(dtype="int64")  # characters, as len() counts them
    start, end, token_n, counts = _token_offsets(
        groups, n_groups, other_gaps, length, sentences["start_char"].to_numpy(dtype="int64")
    )
    # lower-casing and the flags once per distinct token
    codes, distinct = pd.factorize(token)
    distinct = pd.Series(distinct, dtype="str")
    distinct_lower = distinct.str.lower()
    lower = distinct_lower.take(codes).reset_index(drop=True)
    sentence_of_token = np.repeat(np.arange(len(counts)), counts)

    def by_sentence(column: str) -> pd.Series:
        return sentences[column].astype(str).take(sentence_of_token).reset_index(drop=True)

    return pd.DataFrame(
        {
            "article_id": by_sentence("article_id"),
            "sentence_id": by_sentence("sentence_id"),
            "token_n": token_n,
            "start_char": start,
            "end_char": end,
            "token": token,
            "lower": lower,
            "is_alpha": distinct.str.contains(_LETTER, regex=True).to_numpy(dtype=bool)[codes],
            "is_punct": ~distinct.str.contains(_ALNUM, regex=True).to_numpy(dtype=bool)[codes],
            "is_stop": distinct_lower.isin(STOPWORDS).to_numpy(dtype=bool)[codes],
        },
        columns=TOKEN_COLUMNS,
    )


def token_strings(sentences: pd.DataFrame, *, memo: PieceMemo | None = None) -> tuple[list[str], np.ndarray]:
    """The tokens of ``tokenize_chunk`` as plain strings, without the table: every
    sentence's tokens one after the other, and how many each sentence has (int64).
    For callers that only count tokens (``helpers.terms.count_terms``)."""
    memo = process_memo() if memo is None else memo
    groups, n_groups, _ = _token_groups(sentences["text"].tolist(), memo)
    group_size = np.fromiter(map(len, groups), dtype="int64", count=len(groups))
    bounds = np.concatenate([[0], np.cumsum(np.asarray(n_groups, dtype="int64"))])
    per_sentence = np.diff(np.concatenate([[0], np.cumsum(group_size)])[bounds])
    return list(itertools.chain.from_iterable(groups)), per_sentence.astype("int64", copy=False)


def _token_groups(
    texts: list, memo: PieceMemo
) -> tuple[list[Tokens], list[int], list[tuple[int, list[int]]]]:
    """Every sentence's tokens, in groups of tokens that follow one another.

    Returns all groups in one list, each sentence's number of groups, and
    ``(first group, gaps)`` for the sentences whose groups are not one space apart
    (see ``PieceMemo.sentence_tokens``). Flat lists keep few objects alive (the memo's
    tuples are shared), which keeps the garbage collector quiet. The unknown pieces of
    ``BLOCK_SENTENCES`` sentences at a time are tokenized together.
    """
    groups: list[Tokens] = []
    n_groups: list[int] = []
    other_gaps: list[tuple[int, list[int]]] = []
    for block in range(0, len(texts), BLOCK_SENTENCES):
        memo.make_room()
        unknown: Unknown = (set(), set(), set())
        sentence_tokens = memo.sentence_tokens
        found = [
            sentence_tokens(text, unknown) if isinstance(text, str) else ([], None)
            for text in texts[block : block + BLOCK_SENTENCES]
        ]
        if any(unknown):  # tokenize the block's new pieces together, then ask again
            memo.learn(*unknown)
            found = [
                sentence_tokens(texts[block + i]) if result is None else result
                for i, result in enumerate(found)
            ]
        for sentence_groups, sentence_gaps in found:
            if sentence_gaps is not None:
                other_gaps.append((len(groups), sentence_gaps))
            groups.extend(sentence_groups)
            n_groups.append(len(sentence_groups))
    return groups, n_groups, other_gaps


def _token_offsets(
    groups: list[Tokens],
    n_groups: list[int],
    other_gaps: list[tuple[int, list[int]]],
    length: np.ndarray,
    sentence_start: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each token's start and end in the body and number in its sentence, and tokens per sentence.

    Offsets are running sums of the tokens' ``length`` and the characters skipped
    before each group, counted from each sentence's ``sentence_start``.
    """
    group_size = np.fromiter(map(len, groups), dtype="int64", count=len(groups))
    n_groups_array = np.asarray(n_groups, dtype="int64")
    group_bounds = np.concatenate([[0], np.cumsum(n_groups_array)])
    gaps = np.ones(len(groups), dtype="int64")  # characters before each group
    gaps[group_bounds[:-1][n_groups_array > 0]] = 0
    for first_group, sentence_gaps in other_gaps:
        gaps[first_group : first_group + len(sentence_gaps)] = sentence_gaps
    step = length.copy()  # characters from the previous token's end to this one's
    step[np.cumsum(group_size) - group_size] += gaps
    position = np.cumsum(step)  # end of each token, counted over all sentences
    token_bounds = np.concatenate([[0], np.cumsum(group_size)])[group_bounds]
    counts = np.diff(token_bounds)
    before = np.concatenate([[0], position])[token_bounds[:-1]]  # where each sentence starts
    end = np.repeat(sentence_start - before, counts) + position
    first = np.repeat(token_bounds[:-1], counts)
    token_n = np.arange(len(length), dtype="int64") - first + 1
    return end - length, end, token_n, counts
