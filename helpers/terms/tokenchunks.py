"""A corpus's token table as chunks of whole articles, tokenized as each step reads them.

``TokenChunks(sentences)`` stands wherever ``helpers.terms`` takes the token table of
``helpers.text.tokenize``: its steps read tokens chunk by chunk of articles
(``token_chunks``), and here each chunk is tokenized when it is read and dropped after,
so the whole token table (a row per token, tens of millions at 100,000 articles) is
never held. Each step that reads the tokens tokenizes them again: CPU traded for memory.
The chunks are the ones ``tokenize`` cuts (``helpers.parallel.article_chunks``), and a
sentence's tokens depend on that sentence alone, so every step gives the table the whole
token table gives (the tests check it).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ..parallel import article_chunks
from ..tables import require_columns
from ..text import TOKEN_COLUMNS, tokenize_chunk


class TokenChunks:
    """The tokens of ``sentences`` (``tokenize``'s table), made a chunk of ``size`` articles
    at a time (default ``helpers.parallel.CHUNK_ARTICLES``) each time they are read."""

    columns = TOKEN_COLUMNS

    def __init__(self, sentences: pd.DataFrame, *, size: int | None = None):
        require_columns(sentences, ["article_id", "sentence_id", "text", "start_char"], "TokenChunks")
        self.sentences = sentences.reset_index(drop=True)
        self.size = size

    def chunks(self) -> Iterator[pd.DataFrame]:
        """Each chunk's token table, in reading order (index from 0 within a chunk)."""
        for chunk in article_chunks(self.sentences, size=self.size):
            if len(chunk):
                yield tokenize_chunk(chunk).reset_index(drop=True)

    def of_sentences(self, ids) -> TokenChunks:
        """The tokens of the sentences whose ``sentence_id`` is in ``ids`` only."""
        keep = self.sentences["sentence_id"].isin(set(ids))
        return TokenChunks(self.sentences[keep], size=self.size)

    def __repr__(self) -> str:
        return f"TokenChunks({self.sentences['article_id'].nunique():,} articles, {len(self.sentences):,} sentences)"


def token_chunks(tokens: pd.DataFrame | TokenChunks) -> Iterator[pd.DataFrame] | list[pd.DataFrame]:
    """The token table in chunks of whole articles: ``tokens`` cut by ``article_chunks``, or
    the chunks a ``TokenChunks`` tokenizes one at a time."""
    if isinstance(tokens, TokenChunks):
        return tokens.chunks()
    return article_chunks(tokens.reset_index(drop=True))


def in_reading_order(tokens: pd.DataFrame | TokenChunks) -> pd.DataFrame | TokenChunks:
    """``tokens`` with its index from 0 (a table), or as it is (``TokenChunks``)."""
    return tokens if isinstance(tokens, TokenChunks) else tokens.reset_index(drop=True)
