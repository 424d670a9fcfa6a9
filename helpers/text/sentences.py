"""Sentences of cleaned article bodies: ``split_sentences()`` with Punkt, offsets and quoted shares.

``split_sentences(articles)`` gives one row per sentence; every row keeps ``article_id``
and its ``start_char``/``end_char`` in the article's ``body``, so
``body[start_char:end_char]`` is the row's text. No NLTK data files are needed: the
Punkt model is built from ``helpers.nltk_data`` constants.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .. import parallel
from ..corpus import cache as table_cache
from ..nltk_data import NEWS_ABBREVIATIONS, SENTENCE_STARTERS
from ..parallel import map_articles
from ..quote_spans import PARAGRAPH_PATTERN, quote_spans
from ..tables import require_columns

ARTICLE_INPUT_COLUMNS = ("article_id", "outlet", "body")
# The code behind split_sentences (paths under helpers/), hashed into the cache key.
SENTENCE_SOURCES = ("text/sentences.py", "quote_spans.py", "nltk_data.py", "corpus/cache.py")
SENTENCE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "sentence_n", "paragraph_n",
    "start_char", "end_char", "text", "in_quote", "share_quoted",
]


# A break context Punkt always takes as a sentence break: a word of two or more ASCII letters,
# lower case after the first, then ".", "?" or "!", spaces and a token ("said. The"). Punkt's
# first pass marks such a word with its period a break unless it is a listed abbreviation, and
# its second pass keeps the mark (no collocations are listed; the word is no abbreviation, initial
# or number); "?" and "!" are tokens and breaks of their own; a token follows, so the break is
# inside the context. ``_MemoPunkt`` answers these without tokenizing (tests/test_text.py checks
# them against plain Punkt).
PLAIN_BREAK = re.compile(r"([A-Za-z][a-z]+)([.?!]) +[A-Za-z0-9\"'(]\S*")
BREAK_MEMO_SIZE = 1 << 16  # distinct break contexts kept by ``_MemoPunkt`` before it starts afresh


class _MemoPunkt(PunktSentenceTokenizer):
    """Punkt with its break decisions made cheaply, the sentences exactly Punkt's.

    Deciding whether a candidate break's context (the word before it, the break and the
    next token) holds a break is most of Punkt's work. A ``PLAIN_BREAK`` context is a
    break outright. Any other is decided by Punkt once: ``text_contains_sentbreak``
    reads only its argument and the fixed parameters of an untrained model, so its
    answer is kept in a dict ("U.S. official" recurs across articles).

    A text with no ".", "?" or "!" but as its last character before trailing spaces has no
    candidate break (Punkt's ``period_context_re`` wants one followed by punctuation or by
    spaces and a token): it is one sentence, its trailing whitespace left out, as Punkt's
    ``_slices_from_text`` and ``_realign_boundaries`` would give, without them."""

    def __init__(self, params: PunktParameters):
        super().__init__(params)
        self._breaks: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        plain = PLAIN_BREAK.fullmatch(text)
        if plain and (plain.group(2) != "." or plain.group(1).lower() not in self._params.abbrev_types):
            return True
        found = self._breaks.get(text)
        if found is None:
            if len(self._breaks) >= BREAK_MEMO_SIZE:
                self._breaks.clear()
            found = self._breaks[text] = super().text_contains_sentbreak(text)
        return found

    def span_tokenize(self, text: str, realign_boundaries: bool = True):
        end = len(text.rstrip())
        head = text[:max(end - 1, 0)]
        if realign_boundaries and not text[end:].strip(" \t\n\r") and not any(c in head for c in ".?!"):
            return iter([(0, end)] if end else [])
        return super().span_tokenize(text, realign_boundaries)


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
        Cached; the same object on every call. It decides each distinct break context
        once (``_MemoPunkt``): the same sentences as a plain ``PunktSentenceTokenizer``.
    """
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return _MemoPunkt(params)


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
    require_columns(articles, ARTICLE_INPUT_COLUMNS, "articles")
    ids = articles["article_id"].astype(str)
    duplicated = ids[ids.duplicated()].unique().tolist()
    if duplicated:
        raise ValueError(f"articles has duplicate article_id values: {duplicated[:10]}")
    if len(articles) < parallel.MIN_PARALLEL_ARTICLES or not table_cache.enabled():
        return map_articles(_split_sentences, articles, n_jobs=n_jobs, client=client, desc="sentences")
    # A large corpus: the sentences are kept in the Parquet cache, so the next notebook
    # of a build (or a re-run) does not split them again.
    key = table_cache.table_key("sentences", articles, list(ARTICLE_INPUT_COLUMNS), SENTENCE_SOURCES)
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


