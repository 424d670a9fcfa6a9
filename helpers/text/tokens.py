"""Word tokens of sentences: ``tokenize()``, one row per token with its offsets and flags.

The tokens are NLTK's Treebank tokens (``nltk.tokenize.NLTKWordTokenizer``), computed
fast by ``helpers.text.pieces``; this module turns them into the token table.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..nltk_data import STOPWORDS
from ..parallel import map_articles
from ..tables import require_columns
from .pieces import CLOSERS, PieceMemo, Unknown, process_memo

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
    whole. See ``helpers.text.pieces``. The words of sentences of single spaces are split
    and looked up block by block with Arrow (``_Words``), not one sentence at a time.
    ``tests/test_text.py`` checks the result is identical to NLTK's on the seed corpus,
    5,190 New York Times sentences and hostile strings (quotes of every kind,
    contractions, odd whitespace, very long lines).

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
    tokens, group_size, n_groups, other_gaps = _token_groups(sentences["text"].tolist(), memo)
    token = pd.Series(tokens, dtype="str")
    length = token.str.len().to_numpy(dtype="int64")  # characters, as len() counts them
    start, end, token_n, counts = _token_offsets(
        group_size, n_groups, other_gaps, length, sentences["start_char"].to_numpy(dtype="int64")
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
    sentence's tokens one after the other, and how many each sentence has (int64)."""
    memo = process_memo() if memo is None else memo
    tokens, group_size, n_groups, _ = _token_groups(sentences["text"].tolist(), memo)
    return tokens.tolist(), _per_sentence(group_size, n_groups)


def token_codes(sentences: pd.DataFrame, *, memo: PieceMemo | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The tokens of ``tokenize_chunk`` as integer codes, for callers that only count
    tokens (``helpers.terms.count_terms``): every sentence's codes one after the other
    (int64), the ``vocabulary`` they index (object array of distinct token strings, in
    order of first appearance: ``vocabulary[codes]`` are ``token_strings``' tokens), and
    how many tokens each sentence has (int64).

    The codes come from the memo's entries for each block's distinct words, not from
    the tokens one by one: only those entries' strings are hashed, not every token."""
    memo = process_memo() if memo is None else memo
    blocks, group_size, n_groups, _ = _token_blocks(sentences["text"].tolist(), memo)
    blocks = [(np.zeros(0, dtype=object), np.zeros(0, dtype="int64")), *blocks]
    entry_code, distinct = pd.factorize(np.concatenate([flat for flat, _ in blocks]), use_na_sentinel=False)
    first = np.cumsum([0] + [len(flat) for flat, _ in blocks])
    codes = np.concatenate([entry_code[o + index] for o, (_, index) in zip(first, blocks, strict=False)])
    codes, seen = pd.factorize(codes)  # renumbered in order of first appearance
    vocabulary = np.asarray(distinct, dtype=object)[seen]
    return codes.astype("int64", copy=False), vocabulary, _per_sentence(group_size, n_groups)


def _per_sentence(group_size: np.ndarray, n_groups: np.ndarray) -> np.ndarray:
    """Each sentence's number of tokens, from its groups' sizes."""
    bounds = np.concatenate([[0], np.cumsum(np.asarray(n_groups, dtype="int64"))])
    return np.diff(np.concatenate([[0], np.cumsum(group_size)])[bounds]).astype("int64", copy=False)


def _token_groups(
    texts: list, memo: PieceMemo
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, list[int]]]]:
    """Every sentence's tokens, in groups of tokens that follow one another.

    Returns every token in one object array, each group's number of tokens and each
    sentence's number of groups (int64), and ``(first group, gaps)`` for the sentences
    whose groups are not one space apart (see ``PieceMemo.sentence_tokens``). The token
    strings are the memo's own (shared, not copied), which keeps memory and the garbage
    collector quiet.
    """
    blocks, sizes, n_groups, other_gaps = _token_blocks(texts, memo)
    tokens = [np.zeros(0, dtype=object)] + [flat[index] for flat, index in blocks]
    return np.concatenate(tokens), sizes, n_groups, other_gaps


def _token_blocks(
    texts: list, memo: PieceMemo
) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray, np.ndarray, list[tuple[int, list[int]]]]:
    """``_token_groups`` with the tokens left as each block's ``(flat, index)``: the
    block's tokens are ``flat[index]``, ``flat`` holding each distinct word's memoised
    tokens once (and the tokens of the sentences done on their own). ``BLOCK_SENTENCES``
    sentences are done at a time (``_block_groups``)."""
    blocks: list[tuple[np.ndarray, np.ndarray]] = []
    sizes: list[np.ndarray] = [np.zeros(0, dtype="int64")]
    n_groups: list[np.ndarray] = [np.zeros(0, dtype="int64")]
    other_gaps: list[tuple[int, list[int]]] = []
    for block in range(0, len(texts), BLOCK_SENTENCES):
        memo.make_room()
        _block_groups(texts[block : block + BLOCK_SENTENCES], memo, (blocks, sizes, n_groups, other_gaps))
    return blocks, np.concatenate(sizes), np.concatenate(n_groups), other_gaps


def _printable(texts: list) -> list[bool]:
    """Which texts are strings with every character printable (all at once when they all are)."""
    try:
        if "".join(texts).isprintable():
            return [True] * len(texts)
    except TypeError:  # not all strings
        pass
    return [isinstance(t, str) and t.isprintable() for t in texts]


class _Words:
    """The words between single spaces of some sentences, split and told apart by Arrow
    (no Python string per word): ``codes`` into ``distinct``, sentence ``j``'s words
    being ``codes[offsets[j]:offsets[j + 1]]``."""

    def __init__(self, chosen: list[str]) -> None:
        split = pc.split_pattern(pa.array(chosen, type=pa.string()), " ")
        encoded = pc.dictionary_encode(split.flatten())
        self.codes = encoded.indices.to_numpy(zero_copy_only=False).astype("int64")
        self.distinct: list[str] = encoded.dictionary.to_pylist()
        self.offsets = split.offsets.to_numpy(zero_copy_only=False).astype("int64")
        self.first, self.last = self.offsets[:-1], self.offsets[1:] - 1

    def sentences_of(self, word: np.ndarray) -> list[int]:
        """The sentences holding the words at positions ``word`` (bool or positions)."""
        where = np.flatnonzero(word) if word.dtype == bool else word
        return np.unique(np.searchsorted(self.offsets[1:], where, side="right")).tolist()

    def unusual(self) -> list[int]:
        """The sentences ``PieceMemo.sentence_tokens`` does not do the usual way: one
        piece, other spaces than single ones inside, or a last piece of closing marks only."""
        n_words = np.diff(self.offsets)
        bad = set(np.flatnonzero(n_words < 2).tolist())
        flagged = np.array([w == "" for w in self.distinct], dtype=bool)
        bad.update(self.sentences_of(flagged[self.codes]))
        last_code = self.codes[self.last[n_words > 0]]
        closers_only = np.array([not w.strip(CLOSERS) for w in self.distinct], dtype=bool)
        bad.update(np.flatnonzero(n_words > 0)[closers_only[last_code]].tolist())
        return sorted(bad)

    def lookup(self, memo: PieceMemo) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The memo's entries for the distinct words, their tokens one after the other
        (object array: ``flat``); every word's tokens one after the other as positions in
        ``flat``; each word's number of tokens (0 if not known or not usable); and each
        word's first token."""
        distinct, none = self.distinct, itertools.repeat(())  # () for a piece not known
        first_codes, first_entry = np.unique(self.codes[self.first], return_inverse=True)
        last_codes, last_entry = np.unique(self.codes[self.last], return_inverse=True)
        entries = [
            *map(memo.middle.get, distinct, none),
            *map(memo.first.get, [distinct[c] for c in first_codes.tolist()], none),
            *map(memo.last.get, [distinct[c] for c in last_codes.tolist()], none),
        ]
        entry = self.codes.copy()
        entry[self.first] = len(distinct) + first_entry
        entry[self.last] = len(distinct) + len(first_codes) + last_entry
        if None in entries:  # pieces that cannot be done alone: no tokens
            entries = [e or () for e in entries]
        size = np.fromiter(map(len, entries), dtype="int64", count=len(entries))
        flat = np.fromiter(itertools.chain.from_iterable(entries), dtype=object, count=size.sum())
        word_size = size[entry]
        word_start = np.concatenate([[0], np.cumsum(word_size)])
        within = np.arange(word_start[-1]) - np.repeat(word_start[:-1], word_size)
        return flat, np.repeat((np.cumsum(size) - size)[entry], word_size) + within, word_size, word_start


def _block_groups(texts: list, memo: PieceMemo, out: tuple[list, list, list, list]) -> None:
    """``_token_groups`` for one block of sentences, added to its lists ``out``.

    The words of the usual sentences (printable pieces between single spaces: see
    ``PieceMemo.sentence_tokens``) are looked up in the memo all together (``_Words``);
    the block's new pieces (of those sentences and of the others) are tokenized
    together (``PieceMemo.learn``), then looked up again. A sentence with a piece that
    cannot be done alone, and every other sentence, gets ``sentence_tokens`` of its own.
    """
    blocks, sizes, n_groups, other_gaps = out
    usual = np.array(_printable(texts), dtype=bool)
    words = _Words([texts[i] for i in np.flatnonzero(usual)])
    if unusual := words.unusual():
        usual[np.flatnonzero(usual)[unusual]] = False
        words = _Words([texts[i] for i in np.flatnonzero(usual)])
    usual_index = np.flatnonzero(usual)
    flat, index, size, start = words.lookup(memo)
    unknown: Unknown = (set(), set(), set())
    others = {i: memo.sentence_tokens(texts[i], unknown) for i in np.flatnonzero(~usual).tolist()
              if isinstance(texts[i], str)}
    missing = words.sentences_of(size == 0)
    for j in missing:
        memo.note_unknown(texts[usual_index[j]].split(" "), unknown)
    if any(unknown):
        memo.learn(*unknown)
        flat, index, size, start = words.lookup(memo)
        missing = words.sentences_of(size == 0)
    for j in missing:  # a piece that cannot be done alone: the sentence on its own
        others[int(usual_index[j])] = memo.sentence_tokens(texts[usual_index[j]])
    counts = np.zeros(len(texts), dtype="int64")
    counts[usual_index] = np.diff(words.offsets)
    before = (np.cumsum(usual) - usual).tolist()  # usual sentences before each
    offsets, pos, done = words.offsets.tolist(), 0, sum(map(len, sizes))  # pos: the next word to add
    pieces, extra = [], [flat]  # the block's tokens as positions in extra's arrays, one after the other
    n_flat = len(flat)
    for i in sorted(others):
        sentence_groups, sentence_gaps = others[i] or memo.sentence_tokens(texts[i])
        j = before[i]
        pieces.append(index[start[pos] : start[offsets[j]]])
        sizes.append(size[pos : offsets[j]])
        done += offsets[j] - pos
        pos = offsets[j + 1] if usual[i] else offsets[j]
        if sentence_gaps is not None:
            other_gaps.append((done, sentence_gaps))
        group_size = [len(group) for group in sentence_groups]
        extra.append(np.fromiter(itertools.chain.from_iterable(sentence_groups), dtype=object,
                                 count=sum(group_size)))
        pieces.append(np.arange(n_flat, n_flat + len(extra[-1])))
        n_flat += len(extra[-1])
        sizes.append(np.array(group_size, dtype="int64"))
        done += len(group_size)
        counts[i] = len(group_size)
    pieces.append(index[start[pos] :])
    blocks.append((np.concatenate(extra), np.concatenate(pieces)))
    sizes.append(size[pos:])
    n_groups.append(counts)


def _token_offsets(
    group_size: np.ndarray,
    n_groups: np.ndarray,
    other_gaps: list[tuple[int, list[int]]],
    length: np.ndarray,
    sentence_start: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each token's start and end in the body and number in its sentence, and tokens per sentence.

    Offsets are running sums of the tokens' ``length`` and the characters skipped
    before each group, counted from each sentence's ``sentence_start``.
    """
    n_groups_array = np.asarray(n_groups, dtype="int64")
    group_bounds = np.concatenate([[0], np.cumsum(n_groups_array)])
    gaps = np.ones(len(group_size), dtype="int64")  # characters before each group
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
