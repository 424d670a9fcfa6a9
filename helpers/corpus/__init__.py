"""The corpus layer: read a user's corpus (a folder, web pages, one table) without leaving it, clean it, cache it.

- ``load``: ``load_corpus``, the one entry point, returning the articles, the audit of
  what cleaning removed and the load log;
- ``files``: which files belong to the corpus (nothing outside it is opened);
- ``read``: decoding and parsing ``metadata.csv``, CSV/JSONL/Parquet tables, side tables;
- ``rows``: one row per article from either form, or from a folder of pages;
- ``pages``: saved web pages into text and fields (trafilatura), with what the extractor left out;
- ``warc``: web archives (``.warc``, ``.warc.gz``) into their HTML pages (warcio);
- ``dates``, ``outlets``: reading dates (with their precision) and merging outlet spellings;
- ``outlet_table``: the optional ``outlets.csv`` (lean, owner, country ...) and groups by it;
- ``errors``: ``CorpusError`` (every problem, each naming its file or row) and ``CorpusWarning``;
- ``cache``: the Parquet cache of loaded tables, keyed by the bytes read and the code.
"""

from .errors import CorpusError, CorpusWarning
from .files import side_table_path
from .load import ARTICLE_COLUMNS, LOG_COLUMNS, REMOVED_COLUMNS, Corpus, load_corpus
from .outlet_table import NO_GROUP, OUTLET_COLUMNS, load_outlets, outlet_groups, unlisted_outlets

__all__ = [
    "ARTICLE_COLUMNS",
    "LOG_COLUMNS",
    "NO_GROUP",
    "OUTLET_COLUMNS",
    "REMOVED_COLUMNS",
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "load_corpus",
    "load_outlets",
    "outlet_groups",
    "side_table_path",
    "unlisted_outlets",
]
