"""The shared text layer: sentences and word tokens of cleaned article bodies, offline.

``split_sentences(articles)`` (``sentences.py``) gives one row per sentence and
``tokenize(sentences)`` (``tokens.py``) one row per token; ``pieces.py`` computes
NLTK's word tokens fast with a memo of the pieces between spaces. Every row keeps
``article_id`` and its ``start_char``/``end_char`` in the article's ``body``, so
``body[start_char:end_char]`` is the row's text: any count can be traced back to where
it came from. Neither needs NLTK data files: the Punkt model is built from
``helpers.nltk_data`` constants, and the word tokenizer is rules. Quotation spans come
from ``helpers.quote_spans``.

Text columns use pandas' ``str`` dtype, not ``category``: filtered categoricals keep
their unused categories in ``value_counts()`` and crosstabs, a trap in notebooks.
"""

from .pieces import PieceMemo
from .sentences import (
    ARTICLE_INPUT_COLUMNS,
    SENTENCE_COLUMNS,
    SENTENCE_SOURCES,
    sentence_tokenizer,
    split_sentences,
)
from .tokens import SENTENCE_INPUT_COLUMNS, TOKEN_COLUMNS, token_codes, token_strings, tokenize, tokenize_chunk

__all__ = [
    "ARTICLE_INPUT_COLUMNS",
    "SENTENCE_COLUMNS",
    "SENTENCE_INPUT_COLUMNS",
    "SENTENCE_SOURCES",
    "TOKEN_COLUMNS",
    "PieceMemo",
    "sentence_tokenizer",
    "split_sentences",
    "token_codes",
    "token_strings",
    "tokenize",
    "tokenize_chunk",
]
