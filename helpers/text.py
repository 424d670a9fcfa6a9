"""Sentences and word tokens of cleaned article bodies, offline.

``split_sentences(articles)`` gives one row per sentence and ``tokenize(sentences)`` one
row per token. Every row keeps ``article_id`` and its ``start_char``/``end_char`` in
the article's ``body``, so ``body[start_char:end_char]`` is the row's text: any count
can be traced back to where it came from. Neither needs NLTK data files: the Punkt
model is built from ``helpers.nltk_data`` constants, and the word tokenizer is rules.

Text columns use pandas' ``str`` dtype, not ``category``: filtered categoricals keep
their unused categories in ``value_counts()`` and crosstabs, a trap in notebooks.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left

import numpy as np
import pandas as pd
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from . import cache as table_cache
from . import parallel
from .nltk_data import NEWS_ABBREVIATIONS, SENTENCE_STARTERS, STOPWORDS
from .parallel import map_articles
from .quote_spans import PARAGRAPH_PATTERN, quote_spans

ARTICLE_INPUT_COLUMNS = ("article_id", "outlet", "body")
SENTENCE_INPUT_COLUMNS = ("article_id", "sentence_id", "start_char", "text")

_SENTENCE_SOURCES = ("text.py", "quote_spans.py", "nltk_data.py", "cache.py")  # the code behind split_sentences
SENTENCE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "sentence_n", "paragraph_n",
    "start_char", "end_char", "text", "in_quote", "share_quoted",
]
TOKEN_COLUMNS = [
    "article_id", "sentence_id", "token_n", "start_char", "end_char",
    "token", "lower", "is_alpha", "is_punct", "is_stop",
]

# A letter (any script), and a letter or digit: the tests behind is_alpha / is_punct.
_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"


def _require(table: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        have = ", ".join(map(str, table.columns))
        raise KeyError(f"{name} needs the column(s) {', '.join(missing)}; it has {have}")


@functools.lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The Punkt sentence tokenizer used here, built in code (no data files needed).

    An untrained Punkt model whose abbreviations are ``NEWS_ABBREVIATIONS`` and whose
    sentence starters are ``SENTENCE_STARTERS`` (both in ``helpers.nltk_data``, the
    same lists ``ensure_nltk_data`` writes for ``nltk.sent_tokenize``).

    What it gets right and wrong. A period after a listed abbreviation ends a sentence
    only when the next word is capitalised *and* a listed sentence starter:

    - one sentence each: "U.S. Secretary of State John Kerry said.", "The meeting
      ended at 3 a.m. Thursday.", "Mr. Abbas met Gen. Smith on Jan. 5.", "Sen. John
      McCain said so.", "... ended shortly before 4 a.m. (0100 GMT) on Sunday."
    - two sentences: "He left the U.S. The talks failed.", "... visited the U.S. Mr.
      Obama was away."
    - wrongly one sentence: an abbreviation ending a sentence before a word that is
      not a listed starter ("He left the U.S. Talks failed.", "He arrived at 4 p.m.
      Officials said nothing."); "no" before a closing quote ('He said: "No." Then he
      left.'), since "No." is listed for "No. 2".
    - wrongly split: a period after an unlisted abbreviation ("Ill.", "Mass.",
      "Wash.", "Fig.") ends the sentence.

    Punkt cannot see more than one word ahead, so these are trade-offs, not bugs:
    splitting after every "U.S." would break far more sentences than it fixes.

    Returns
    -------
    PunktSentenceTokenizer
        Cached; the same object on every call.
    """
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


@functools.lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


def _quoted_chars(spans: list[tuple[int, int]]):
    """A function giving how many characters before offset x lie in ``spans``."""
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    cumulative = [0]
    for s, e in spans:
        cumulative.append(cumulative[-1] + e - s)

    def before(x: int) -> int:
        j = bisect_left(starts, x)  # spans starting before x
        if j == 0:
            return 0
        return cumulative[j - 1] + min(x, ends[j - 1]) - starts[j - 1]

    return before


def split_sentences(articles: pd.DataFrame, *, n_jobs: int | None = None, client=None) -> pd.DataFrame:
    """Split each article's body into sentences, one row per sentence.

    Paragraphs (separated by a blank line in the cleaned body) are split separately,
    so a sentence never crosses a paragraph boundary, and a paragraph without final
    punctuation (a list item, a crosshead that cleaning kept) is a sentence of its own.
    Sentences come from ``sentence_tokenizer()``; see its docstring for what Punkt
    gets wrong. Quotation spans come from ``helpers.quote_spans.quote_spans``.

    Parameters
    ----------
    articles
        At least ``article_id`` (unique), ``outlet`` and ``body`` (cleaned text;
        empty or missing gives no rows). Not modified.
    n_jobs, client
        Where a large corpus is split (see ``helpers.parallel``): worker processes
        (default every core, from ``MIN_PARALLEL_ARTICLES`` articles) or a Dask
        client. The table is the same.

    Returns
    -------
    DataFrame
        One row per sentence, in article and reading order:

        - ``article_id``, ``outlet`` (str): from ``articles``.
        - ``sentence_id`` (str): ``f"{article_id}:{sentence_n}"``, unique.
        - ``sentence_n`` (int): 1-based position in the article.
        - ``paragraph_n`` (int): 1-based paragraph of the article it is in.
        - ``start_char``, ``end_char`` (int): offsets into the article's ``body``;
          ``body[start_char:end_char] == text``.
        - ``text`` (str): the sentence, exactly as in the body.
        - ``in_quote`` (bool): every character of the sentence lies inside direct
          quotations (``share_quoted == 1``): a quoted sentence with no attribution.
        - ``share_quoted`` (float, 0-1): characters of the sentence inside quotation
          spans (quote marks included) / characters of the sentence.

    Raises
    ------
    KeyError
        A required column is missing.
    ValueError
        ``article_id`` has duplicates (sentence ids would not be unique).
    """
    _require(articles, ARTICLE_INPUT_COLUMNS, "articles")
    ids = articles["article_id"].astype(str)
    duplicated = ids[ids.duplicated()].unique().tolist()
    if duplicated:
        raise ValueError(f"articles has duplicate article_id values: {duplicated[:10]}")
    if len(articles) < parallel.MIN_PARALLEL_ARTICLES or not table_cache.enabled():
        return map_articles(_split_sentences, articles, n_jobs=n_jobs, client=client, desc="sentences")
    # A large corpus: the sentences are kept in the Parquet cache, so the next notebook
    # of a build (or a re-run) does not split them again.
    key = table_cache.table_key("sentences", articles, list(ARTICLE_INPUT_COLUMNS), _SENTENCE_SOURCES)
    hit = table_cache.load(key, ("sentences",))
    if hit is not None:
        return hit[0]
    sentences = map_articles(_split_sentences, articles, n_jobs=n_jobs, client=client, desc="sentences")
    table_cache.save(key, {"sentences": sentences})
    return sentences


def _split_sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """``split_sentences`` in this process, on checked input."""
    ids = articles["article_id"].astype(str)
    tokenizer = sentence_tokenizer()
    rows_article, rows_outlet, rows_n, rows_para = [], [], [], []
    rows_start, rows_end, rows_text, rows_quoted = [], [], [], []
    for article_id, outlet, body in zip(ids, articles["outlet"], articles["body"], strict=True):
        if not isinstance(body, str) or not body:
            continue
        quoted_before = _quoted_chars(quote_spans(body))
        n = 0
        for paragraph_n, para in enumerate(PARAGRAPH_PATTERN.finditer(body), start=1):
            offset = para.start()
            text = para.group()
            for s, e in tokenizer.span_tokenize(text):
                sentence = text[s:e]
                if not sentence.strip():
                    continue
                n += 1
                start, end = offset + s, offset + e
                rows_article.append(article_id)
                rows_outlet.append(outlet)
                rows_n.append(n)
                rows_para.append(paragraph_n)
                rows_start.append(start)
                rows_end.append(end)
                rows_text.append(sentence)
                rows_quoted.append(quoted_before(end) - quoted_before(start))

    start = np.asarray(rows_start, dtype="int64")
    end = np.asarray(rows_end, dtype="int64")
    quoted = np.asarray(rows_quoted, dtype="int64")
    article_col = pd.Series(rows_article, dtype="str")
    n_col = np.asarray(rows_n, dtype="int64")
    sentences = pd.DataFrame(
        {
            "article_id": article_col,
            "outlet": pd.Series(rows_outlet, dtype="str"),
            "sentence_id": article_col + ":" + pd.Series(n_col).astype("str"),
            "sentence_n": n_col,
            "paragraph_n": np.asarray(rows_para, dtype="int64"),
            "start_char": start,
            "end_char": end,
            "text": pd.Series(rows_text, dtype="str"),
            "in_quote": quoted == (end - start),
            "share_quoted": quoted / np.maximum(end - start, 1),
        },
        columns=SENTENCE_COLUMNS,
    )
    return sentences


# Used only if NLTK cannot align its tokens with the text (not seen on news text): a
# word with inner hyphens/apostrophes/periods, or one other non-space character.
_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|\S")


def _nltk_token_spans(text: str) -> list[tuple[int, int]]:
    """Token spans in one sentence straight from NLTK (the reference ``_token_spans`` matches)."""
    try:
        return list(_word_tokenizer().span_tokenize(text))
    except (ValueError, RuntimeError, StopIteration):
        return [m.span() for m in _FALLBACK_TOKEN.finditer(text)]


# How _token_spans / tokenize get NLTK's exact tokens fast (~10x).
#
# NLTK's Treebank rules (nltk/tokenize/destructive.py) never join text across
# whitespace and look at most one character beyond a whitespace-delimited piece, except
# the rules anchored at the start (``^"``) or at the end of the text (the final-period
# rules, ``[:,]$``). So a piece's tokens are those NLTK gives it between the same
# neighbouring characters, and they are memoised per piece:
#
# - a middle piece between single spaces (nearly all of them) is tokenized together with
#   other such pieces, ``"zqxjz P1 zqxjz P2 zqxjz ..."``, and NLTK's tokens are cut at
#   the separator word, which no rule splits (a piece containing it is done alone);
# - the first piece of a text gets a middle piece's tokens unless it starts with " or '
#   (the only characters for which the start of the text could differ from a space);
# - the last piece likewise if it has no "." and does not end in , : or ' (the end-of-
#   text rules then do nothing); a last piece W + "." + closing marks, with W not ending
#   in ".", gets W's middle tokens and then those of the last piece "." + closing marks
#   (the final-period rule splits there and W is then left as in the middle);
# - any other piece is tokenized alone, ``"a" + before + piece + after + "a"`` with
#   ``before``/``after`` the whitespace characters around it ("a" dropped after), and
#   no padding on a side where the text starts or ends. The first piece then runs from
#   the start of the text (leading whitespace included), the last piece to its end;
#   pieces made only of closing marks at the end belong to the last one ("U.S. )"),
#   since the final-period rule reaches across them.
#
# A piece's tokens are kept only if, after NLTK's quote restoring (``` `` ```/``''`` back
# to the text's marks, in order), they cover its non-space characters exactly, one after
# the other, with as many quote tokens as quote marks: then the sentence's tokens are
# its pieces' tokens in order and NLTK's alignment puts each right after the previous
# one. Otherwise (or if NLTK fails on a piece) the sentence goes to NLTK whole, as
# before. tests/test_text.py checks the result equals NLTK's on real and hostile text.
_PIECE = re.compile(r"\S+")  # the whitespace of str.split(), which NLTK splits on last
_SPACE = re.compile(r"\s")
_CLOSERS = "]})>\"'\u00bb\u201d\u2019"  # what the final-period rules allow after the "."
_QUOTE_MARKS = re.compile(r"``|'{2}|\"")  # as in NLTKWordTokenizer.span_tokenize
_QUOTE_TOKENS = frozenset(['"', "``", "''"])
_SEPARATOR = "zqxjz"  # between middle pieces tokenized together
_BATCH_CHARS = 20_000  # about this much text per NLTK call for middle pieces
_BLOCK = 2_000  # sentences whose unknown pieces are tokenized together
_MEMO_MAX = 500_000  # pieces remembered (all memos together) before starting afresh
# Memos: piece -> its tokens (each the exact text), or None if a sentence with it must
# go to NLTK whole. _MIDDLE: pieces between single spaces; _FIRST/_LAST: the first/last
# piece of a text, next to a single space; _OTHER: the rest, keyed (piece, before,
# after), "" meaning the start/end of the text.
_MIDDLE: dict[str, tuple[str, ...] | None] = {}
_FIRST: dict[str, tuple[str, ...] | None] = {}
_LAST: dict[str, tuple[str, ...] | None] = {}
_OTHER: dict[tuple[str, str, str], tuple[str, ...] | None] = {}
_MEMOS = (_MIDDLE, _FIRST, _LAST, _OTHER)


def _make_room() -> None:
    if sum(map(len, _MEMOS)) >= _MEMO_MAX:
        for memo in _MEMOS:
            memo.clear()


def _checked(piece: str, tokens: list[str]) -> tuple[str, ...] | None:
    """NLTK's raw tokens of ``piece`` with quotes restored, if they tile it, else None."""
    if not tokens:
        return None
    marks = _QUOTE_MARKS.findall(piece)
    if marks or "``" in tokens or "''" in tokens:
        if sum(t in _QUOTE_TOKENS for t in tokens) != len(marks):
            return None
        restored = iter(marks)
        tokens = [next(restored) if t in _QUOTE_TOKENS else t for t in tokens]
    pos, n = 0, len(piece)
    for token in tokens:
        while pos < n and piece[pos].isspace():
            pos += 1
        if not piece.startswith(token, pos):
            return None
        pos += len(token)
    if piece[pos:].strip():
        return None
    return (piece,) if tokens == [piece] else tuple(tokens)  # share the memo key's str


def _piece_tokens(piece: str, before: str, after: str) -> tuple[str, ...] | None:
    """NLTK's tokens of ``piece`` between ``before`` and ``after``, alone; memoised.

    ``before``/``after``: the whitespace character next to the piece in the sentence,
    or "" at the start/end of the text. None if the piece cannot be done on its own.
    """
    text = ("a" + before if before else "") + piece + (after + "a" if after else "")
    try:
        tokens = _word_tokenizer().tokenize(text)
    except Exception:  # noqa: BLE001 - NLTK fails on it: NLTK decides on the sentence
        tokens = []
    if before:
        tokens = tokens[1:] if tokens[:1] == ["a"] else []
    if after:
        tokens = tokens[:-1] if tokens[-1:] == ["a"] else []
    result = _checked(piece, tokens)
    if before == " " and after == " ":
        _MIDDLE[piece] = result
    elif not before and after == " ":
        _FIRST[piece] = result
    elif before == " " and not after:
        _LAST[piece] = result
    else:
        _OTHER[piece, before, after] = result
    return result


def _middle_tokens(pieces: list[str]) -> None:
    """Put the tokens of middle pieces in ``_MIDDLE``, many pieces per NLTK call."""
    batch: list[str] = []
    size = 0
    for piece in [*pieces, None]:
        if piece is not None and _SEPARATOR in piece:
            _piece_tokens(piece, " ", " ")
            continue
        if piece is not None:
            batch.append(piece)
            size += len(piece) + len(_SEPARATOR) + 2
        if batch and (piece is None or size >= _BATCH_CHARS):
            text = f"{_SEPARATOR} {f' {_SEPARATOR} '.join(batch)} {_SEPARATOR}"
            try:
                tokens = _word_tokenizer().tokenize(text)
            except Exception:  # noqa: BLE001 - one at a time below
                tokens = []
            cuts = [i for i, token in enumerate(tokens) if token == _SEPARATOR]
            if len(cuts) == len(batch) + 1 and cuts[0] == 0 and cuts[-1] == len(tokens) - 1:
                for j, one in enumerate(batch):
                    _MIDDLE[one] = _checked(one, tokens[cuts[j] + 1 : cuts[j + 1]])
            else:
                for one in batch:
                    _piece_tokens(one, " ", " ")
            batch, size = [], 0


def _learn(first: set[str], middle: set[str], last: set[str]) -> None:
    """Memoise the tokens of unknown first, middle and last pieces (see above)."""
    need = set(middle)
    as_middle: list[tuple[dict, str, str]] = []  # (memo, piece, the middle piece)
    as_sentence_end: list[tuple[str, str]] = []  # (word + "." + closing marks, word)
    for piece in first:
        if piece[0] in "\"'":
            _piece_tokens(piece, "", " ")
        else:
            as_middle.append((_FIRST, piece, piece))
            need.add(piece)
    for piece in last:
        core = piece.rstrip(_CLOSERS)
        if core[-1:] == "." and core[-2:-1] not in ("", "."):
            word = core[:-1]  # piece = word + "." + closing marks
            as_sentence_end.append((piece, word))
            need.add(word)
        elif "." not in piece and piece[-1] not in ",:'":
            as_middle.append((_LAST, piece, piece))
            need.add(piece)
        else:
            _piece_tokens(piece, " ", "")
    _middle_tokens(sorted(need.difference(_MIDDLE)))
    for memo, piece, middle_piece in as_middle:
        memo[piece] = _MIDDLE[middle_piece]
    for piece, word in as_sentence_end:
        tokens = _MIDDLE[word]
        end = piece[len(word) :]
        end_tokens = _LAST[end] if end in _LAST else _piece_tokens(end, " ", "")
        _LAST[piece] = None if tokens is None or end_tokens is None else tokens + end_tokens


def _sentence_tokens(
    text: str, unknown: tuple[set[str], set[str], set[str]] | None = None
) -> tuple[list[tuple[str, ...]], list[int] | None] | None:
    """The tokens of one sentence, as NLTK's ``span_tokenize`` finds them.

    Returns ``(groups, gaps)``: the tokens in groups (``groups[i]``'s tokens follow one
    another with nothing between) and, for each group, how many characters lie between
    it and the end of the previous group (or the start of the text); ``gaps`` None means
    0 for the first group and 1 for the others. ``_token_spans`` turns this into spans.

    With ``unknown`` (sets of first, middle and last pieces), a sentence of single
    spaces with pieces not memoised yet adds them there and gives None: call
    ``_learn(*unknown)`` and ask again.
    """
    # The usual case: pieces separated by single spaces (no other whitespace: every
    # character str.isspace() calls whitespace but " " is unprintable), more than one
    # piece, and the last one more than closing marks.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        words = text.split(" ")
        n = len(words)
        if n > 1 and words[-1].strip(_CLOSERS):
            groups = list(map(_MIDDLE.get, words))
            groups[0] = _FIRST.get(words[0])
            groups[-1] = _LAST.get(words[-1])
            if all(groups):  # every piece known (their tokens are never empty)
                return groups, None
            if unknown is not None:
                first, middle, last = unknown
                new = [word for word in words[1:-1] if word not in _MIDDLE]
                middle.update(new)
                if words[0] not in _FIRST:
                    first.add(words[0])
                    new.append(words[0])
                if words[-1] not in _LAST:
                    last.add(words[-1])
                    new.append(words[-1])
                if new:
                    return None
    spans = _general_spans(text, unknown)
    if spans is None:
        return None
    gaps, end = [], 0
    for s, e in spans:
        gaps.append(s - end)
        end = e
    return [(text[s:e],) for s, e in spans], gaps


def _general_spans(
    text: str, unknown: tuple[set[str], set[str], set[str]] | None = None
) -> list[tuple[int, int]] | None:
    """``_sentence_tokens`` for any text (other whitespace, one piece...), as spans."""
    pieces = [m.span() for m in _PIECE.finditer(text)]
    last = len(pieces) - 1
    while last > 0 and not text[pieces[last][0] : pieces[last][1]].strip(_CLOSERS):
        last -= 1
    if last < 0:  # nothing but whitespace
        return []
    n = len(text)
    units = []  # (start, piece, before, after, its tokens or False if not known)
    for i in range(last + 1):
        start, end = pieces[i]
        if i == 0:
            start = 0
        if i == last:
            end = n
        before = text[start - 1] if start else ""
        after = text[end] if end < n else ""
        piece = text[start:end]
        if before == " " and after == " ":
            tokens = _MIDDLE.get(piece, False)
        elif not before and after == " ":
            tokens = _FIRST.get(piece, False)
        elif before == " " and not after:
            tokens = _LAST.get(piece, False)
        else:
            tokens = _OTHER.get((piece, before, after), False)
        units.append((start, piece, before, after, tokens))
    if unknown is not None:  # note the pieces _learn can do; give None if any
        deferred = False
        for _, piece, before, after, tokens in units:
            if tokens is not False or _SPACE.search(piece):
                continue
            if before == " " and after == " ":
                unknown[1].add(piece)
            elif not before and after == " ":
                unknown[0].add(piece)
            elif before == " " and not after:
                unknown[2].add(piece)
            else:
                continue
            deferred = True
        if deferred:
            return None
    spans: list[tuple[int, int]] = []
    for start, piece, before, after, tokens in units:
        if tokens is False:
            tokens = _piece_tokens(piece, before, after)
        if tokens is None:
            return _nltk_token_spans(text)
        pos = start
        for token in tokens:
            while text[pos].isspace():
                pos += 1
            spans.append((pos, pos + len(token)))
            pos += len(token)
    return spans


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Token spans in one sentence, identical to ``_nltk_token_spans`` (memoised)."""
    _make_room()
    unknown: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    found = _sentence_tokens(text, unknown)
    if found is None:
        _learn(*unknown)
        found = _sentence_tokens(text)
    groups, gaps = found
    if gaps is None:
        gaps = [0] + [1] * (len(groups) - 1)
    spans, pos = [], 0
    for tokens, gap in zip(groups, gaps, strict=True):
        pos += gap
        for token in tokens:
            spans.append((pos, pos + len(token)))
            pos += len(token)
    return spans


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
    the sentence), so the tokens of each piece are memoised (up to 500,000 pieces,
    shared by all calls) and new pieces are tokenized by NLTK many at a time; a
    sentence whose pieces cannot be done this way goes to NLTK whole. See the comment
    above ``_PIECE`` in this module. ``tests/test_text.py`` checks the result is
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
    _require(sentences, SENTENCE_INPUT_COLUMNS, "sentences")
    return map_articles(tokenize_chunk, sentences, n_jobs=n_jobs, client=client, desc="tokens")


def tokenize_chunk(sentences: pd.DataFrame) -> pd.DataFrame:
    """``tokenize`` in this process, on checked input: the work of one chunk, for callers
    that split a corpus into chunks themselves (``helpers.terms.count_terms``, the benchmark)."""
    # All tokens in one list, in groups of tokens that follow one another, with the
    # characters skipped before each group (see _sentence_tokens); offsets are then
    # running sums. Extending flat lists keeps few objects alive (the memo's tuples are
    # shared), which keeps the garbage collector quiet.
    groups: list[tuple[str, ...]] = []
    n_groups: list[int] = []
    other_gaps: list[tuple[int, list[int]]] = []  # (first group, its sentence's gaps)
    texts = sentences["text"].tolist()
    for block in range(0, len(texts), _BLOCK):
        _make_room()
        unknown: tuple[set[str], set[str], set[str]] = (set(), set(), set())
        found = [
            _sentence_tokens(text, unknown) if isinstance(text, str) else ([], None)
            for text in texts[block : block + _BLOCK]
        ]
        if any(unknown):  # tokenize the block's new pieces together, then ask again
            _learn(*unknown)
            found = [
                _sentence_tokens(texts[block + i]) if result is None else result
                for i, result in enumerate(found)
            ]
        for sentence_groups, sentence_gaps in found:
            if sentence_gaps is not None:
                other_gaps.append((len(groups), sentence_gaps))
            groups.extend(sentence_groups)
            n_groups.append(len(sentence_groups))
    token_list = list(itertools.chain.from_iterable(groups))
    n_tokens = len(token_list)
    group_size = np.fromiter(map(len, groups), dtype="int64", count=len(groups))
    token = pd.Series(token_list, dtype="str")
    length = token.str.len().to_numpy(dtype="int64")  # characters, as len() counts them
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
    end = np.repeat(sentences["start_char"].to_numpy(dtype="int64") - before, counts) + position
    first = np.repeat(token_bounds[:-1], counts)
    token_n = np.arange(n_tokens, dtype="int64") - first + 1
    # lower-casing and the flags once per distinct token
    codes, distinct = pd.factorize(token)
    distinct = pd.Series(distinct, dtype="str")
    distinct_lower = distinct.str.lower()
    lower = distinct_lower.take(codes).reset_index(drop=True)
    sentence_of_token = np.repeat(np.arange(len(counts)), counts)
    tokens = pd.DataFrame(
        {
            "article_id": sentences["article_id"]
            .astype(str)
            .take(sentence_of_token)
            .reset_index(drop=True),
            "sentence_id": sentences["sentence_id"]
            .astype(str)
            .take(sentence_of_token)
            .reset_index(drop=True),
            "token_n": token_n,
            "start_char": end - length,
            "end_char": end,
            "token": token,
            "lower": lower,
            "is_alpha": distinct.str.contains(_LETTER, regex=True).to_numpy(dtype=bool)[codes],
            "is_punct": ~distinct.str.contains(_ALNUM, regex=True).to_numpy(dtype=bool)[codes],
            "is_stop": distinct_lower.isin(STOPWORDS).to_numpy(dtype=bool)[codes],
        },
        columns=TOKEN_COLUMNS,
    )
    return tokens
