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
import re
from bisect import bisect_left

import numpy as np
import pandas as pd
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .nltk_data import NEWS_ABBREVIATIONS, SENTENCE_STARTERS, STOPWORDS
from .quotes import PARAGRAPH_PATTERN, quote_spans

ARTICLE_INPUT_COLUMNS = ("article_id", "outlet", "body")
SENTENCE_INPUT_COLUMNS = ("article_id", "sentence_id", "start_char", "text")

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


def split_sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """Split each article's body into sentences, one row per sentence.

    Paragraphs (separated by a blank line in the cleaned body) are split separately,
    so a sentence never crosses a paragraph boundary, and a paragraph without final
    punctuation (a list item, a crosshead that cleaning kept) is a sentence of its own.
    Sentences come from ``sentence_tokenizer()``; see its docstring for what Punkt
    gets wrong. Quotation spans come from ``helpers.quotes.quote_spans``.

    Parameters
    ----------
    articles
        At least ``article_id`` (unique), ``outlet`` and ``body`` (cleaned text;
        empty or missing gives no rows). Not modified.

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


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Token spans in one sentence from NLTK's Treebank-style tokenizer."""
    try:
        return list(_word_tokenizer().span_tokenize(text))
    except (ValueError, RuntimeError, StopIteration):
        return [m.span() for m in _FALLBACK_TOKEN.finditer(text)]


def tokenize(sentences: pd.DataFrame) -> pd.DataFrame:
    """Split each sentence into word tokens, one row per token.

    Tokens come from ``nltk.tokenize.NLTKWordTokenizer`` (the Treebank rules behind
    ``nltk.word_tokenize``, no data files): punctuation is split off, contractions are
    split ("don't" -> "do" "n't", "Kerry's" -> "Kerry" "'s"), hyphenated words and
    numbers such as "3.5" or "0100" stay whole, and "U.S." stays one token except at
    the end of a sentence, where its final period is split off ("U.S" "."). Quote
    marks are tokens of their own, as they appear in the body (``"``), not as
    Treebank's ``` `` ``` / ``''``.

    Parameters
    ----------
    sentences
        The output of ``split_sentences`` (at least ``article_id``, ``sentence_id``,
        ``start_char``, ``text``). Not modified.

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
    spans = [_token_spans(t) if isinstance(t, str) else [] for t in sentences["text"]]
    counts = np.fromiter((len(s) for s in spans), dtype="int64", count=len(spans))
    n_tokens = int(counts.sum())
    flat = np.fromiter(
        (x for sentence in spans for span in sentence for x in span),
        dtype="int64",
        count=2 * n_tokens,
    ).reshape(-1, 2)
    sentence_start = np.repeat(sentences["start_char"].to_numpy(dtype="int64"), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    token_n = np.arange(n_tokens, dtype="int64") - first + 1
    pairs = zip(sentences["text"], spans, strict=True)
    token = pd.Series([t[s:e] for t, sentence in pairs for s, e in sentence], dtype="str")
    lower = token.str.lower()
    tokens = pd.DataFrame(
        {
            "article_id": pd.Series(
                np.repeat(sentences["article_id"].astype(str).to_numpy(), counts), dtype="str"
            ),
            "sentence_id": pd.Series(
                np.repeat(sentences["sentence_id"].astype(str).to_numpy(), counts), dtype="str"
            ),
            "token_n": token_n,
            "start_char": sentence_start + flat[:, 0],
            "end_char": sentence_start + flat[:, 1],
            "token": token,
            "lower": lower,
            "is_alpha": token.str.contains(_LETTER, regex=True).to_numpy(dtype=bool),
            "is_punct": (~token.str.contains(_ALNUM, regex=True)).to_numpy(dtype=bool),
            "is_stop": lower.isin(STOPWORDS).to_numpy(dtype=bool),
        },
        columns=TOKEN_COLUMNS,
    )
    return tokens
