"""Load a corpus of news articles into one tidy table, checking it on the way in.

A corpus is either

- a folder holding ``metadata.csv`` (required columns ``file`` and ``outlet``;
  optional ``id``, ``date``, ``headline``, ``url``, ``wire``; any other columns are
  kept) and the text files it names, all inside the folder, or
- one table file, ``.csv``, ``.jsonl``/``.ndjson`` or ``.parquet`` (any case), with at
  least ``outlet`` and ``text`` columns (the shape of news-database exports), or
- a folder of saved web pages (``.html``/``.htm``) and web archives (``.warc``/``.warc.gz``)
  without ``metadata.csv``: each page's outlet, date, headline, url and author come from
  the page (``helpers.corpus.pages``); a ``metadata.csv`` naming the pages overrides them
  column by column (and may leave out ``outlet``).

``load_corpus`` reads it, never writes to it, never opens a file outside it, and returns
the articles (cleaned by ``helpers.clean``), the audit of every line cleaning took out,
and a log of what it noticed on the way (files with no metadata row, encodings it had to
guess, delimiters it detected, outlet spellings it merged, partial dates, duplicate
texts). Problems it cannot work around raise a ``CorpusError`` that lists every problem
found, each naming its file or row and saying how to fix it. Reading the raw inputs is
``helpers.corpus.read``'s job; which files belong to the corpus, ``helpers.corpus.files``';
turning them into one row per article, ``helpers.corpus.rows``'.

- Nothing outside the corpus is opened: a ``file`` cell that is absolute, climbs out
  with ``..``, or is (or sits under) a symbolic link resolving outside the folder is
  refused, as is a ``metadata.csv`` that is such a link. File names match whatever
  their Unicode form (NFC or NFD).
- A ``metadata.csv`` or table ``.csv`` separated by semicolons, tabs or ``|`` is read
  with that delimiter (the log says so).
- The documented column names are matched whatever their case and spacing (``Date``).
- Outlet names that differ only in case, spacing, invisible (format) characters or
  Unicode form (NFKC) are one outlet, shown with its most frequent spelling; one log
  warning per merge lists the variants.
- An input column named like a column made here (``body``, ``n_words``, ...) is kept
  as ``meta_<name>``, with a log warning.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..clean import CleanedText, clean_text, html_to_text, looks_like_html
from ..nltk_data import STOPWORDS as ENGLISH_FUNCTION_WORDS
from ..parallel import map_chunks, release_memory
from ..paths import DEFAULT_CORPUS_DIR, resolve
from . import cache as table_cache
from .dates import read_date
from .errors import MAX_LISTED, CorpusError, CorpusWarning, raise_all
from .files import check_source, read_bytes, side_table_path, unreadable
from .outlets import normalise_outlets, outlet_spelling
from .pages import page_row
from .read import (
    OPTIONAL_COLUMNS,
    REQUIRED_FOLDER_COLUMNS,
    REQUIRED_TABLE_COLUMNS,
    TABLE_SUFFIXES,
    decode_text,
)
from .rows import cell_text, rows_from_folder, rows_from_pages, rows_from_table, warn

__all__ = [
    "ARTICLE_COLUMNS",
    "LOG_COLUMNS",
    "MAX_LISTED",
    "OPTIONAL_COLUMNS",
    "REMOVED_COLUMNS",
    "REQUIRED_FOLDER_COLUMNS",
    "REQUIRED_TABLE_COLUMNS",
    "TABLE_SUFFIXES",
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "decode_text",
    "load_corpus",
    "side_table_path",
]

MAX_ARTICLE_BYTES = 5_000_000  # news articles are < 100 KB; a larger file is a dump, not an article
MIN_WORDS_FOR_LANGUAGE = 40  # too few words to judge the language below this
MIN_ENGLISH_FUNCTION_WORDS = 0.15  # English news runs at 35-50% function words (the seeds: 43-48%)

ARTICLE_COLUMNS = [
    "article_id", "outlet", "date", "date_precision", "date_stated", "headline", "dek", "dateline", "wire",
    "url", "file", "body", "raw_text", "subheads", "n_paragraphs", "n_words", "headline_source",
    "wire_source", "encoding", "duplicate_of",
]
REMOVED_COLUMNS = ["article_id", "outlet", "file", "line_n", "text", "rule", "action", "kept_as", "detail"]
LOG_COLUMNS = ["article_id", "file", "level", "message"]
# Input columns with a documented meaning; any other column named like an ARTICLE_COLUMNS
# column (or "text" beside a folder's files, "file" in a table) is kept as meta_<name>.
DOCUMENTED = {
    "folder": ("file", "outlet", "id", "date", "headline", "url", "wire"),
    "table": ("outlet", "text", "id", "date", "headline", "url", "wire"),
    "pages": (),  # no columns: the pages give outlet, date, headline, url, author
}


class Corpus(NamedTuple):
    """What ``load_corpus`` returns; unpack it as ``articles, removed, log = load_corpus(...)``."""

    articles: pd.DataFrame
    removed: pd.DataFrame
    log: pd.DataFrame


def _renamed_columns(columns: list[str], kind: str, log: list[dict], listing: str) -> dict[str, str]:
    """``{column: meta_column}`` for input columns named like a column the loader makes."""
    reserved = (set(ARTICLE_COLUMNS) | {"text", "file"}) - set(DOCUMENTED[kind])
    mapping: dict[str, str] = {}
    for col in columns:
        if col in reserved:
            new = f"meta_{col}"
            while new in columns or new in mapping.values():
                new = f"meta_{new}"
            mapping[col] = new
            message = (
                f"{listing}: the column {col!r} is named like a column the loader makes itself; it is kept "
                f"as {new!r}. Rename it in {listing} to choose another name."
            )
            warn(log, message, article_id=None, file=listing)
    return mapping


def _renamed(cells: dict, renamed: dict[str, str]) -> dict:
    return {renamed.get(k, k): v for k, v in cells.items()} if renamed else cells


def load_corpus(path: str | Path = DEFAULT_CORPUS_DIR, *, cache: bool = True) -> Corpus:
    """Read, check and clean a corpus (never opening a file outside it: see the module doc).

    Parameters
    ----------
    path:
        A corpus folder (with ``metadata.csv``) or a ``.csv``/``.jsonl``/``.parquet``
        table. A relative path is taken from the repository root.
    cache:
        Reuse the tables of an earlier load of the same files by the same helpers
        (see ``helpers.corpus.cache``); its warnings are issued again.

    Returns
    -------
    Corpus
        ``articles``: one row per article. Columns: ``article_id`` (the ``id``
        column, else the file name without extension, else ``<table stem>-<line>``),
        ``outlet`` (normalised, see above), ``date`` (the day the date cell states,
        time and offset dropped, never shifted to another zone; NaT if unknown or
        partial), ``date_precision`` ("day", "month", "year"; None without a date),
        ``date_stated`` (the date cell as given, None if empty; a bare year or month
        is kept here, flagged in the log, never placed on a day), ``headline``
        (metadata, else found in the text), ``dek``, ``dateline`` (the place, without
        the agency), ``wire`` (metadata, else the listed news agency the page credits
        in a dateline, byline or credit line, e.g. "AP", else a wire credit line in the
        text), ``url``, ``file`` (file name, or table and the line its record starts
        on, or Parquet row), ``body`` (cleaned paragraphs joined by a blank line), ``raw_text`` (as read), ``subheads``
        (crossheads, one per line), ``n_paragraphs``, ``n_words`` (whitespace-separated
        words in the body), ``headline_source`` ("metadata", "page", "text" or None) and
        ``wire_source`` ("metadata"; ``CleanedText.agency_from`` for an agency read from the
        text: "dateline", "byline", "end slug", "credit position", ...; "text" for another credit; None), ``encoding``,
        ``duplicate_of`` (the first article from another outlet with the same body, else
        None; a second copy from one outlet is not loaded, the log says so), then any extra metadata columns
        unchanged (nested JSON values as JSON text); a page adds ``author``, ``captured``
        (a web archive's) and ``from_page`` (the fields it gave). Sorted as in the metadata.
        ``removed``: one row per raw line not kept as body (see
        ``helpers.clean.clean_text``), and per block a page's extractor left out (its
        ``line_n`` the line in the HTML): ``article_id, outlet, file, line_n, text,
        rule, action, kept_as, detail``.
        ``log``: ``article_id, file, level, message``: what loading noticed.

    Raises
    ------
    CorpusError
        With every problem found, each naming its file and line (or row and column)
        and how to fix it.
    """
    source = resolve(path)
    kind = check_source(source)  # before the cache key, which reads the files the metadata names
    key = table_cache.corpus_key(source) if cache and table_cache.enabled() else None
    hit = table_cache.load(key, Corpus._fields) if key else None
    if hit is not None:
        for message in hit[2].loc[hit[2]["level"] == "warning", "message"]:
            warnings.warn(message, CorpusWarning, stacklevel=2)
        return Corpus(*hit)
    corpus = _load(source, kind)
    release_memory()  # the files' text and the cleaning's rows, freed with _load's locals
    if key:
        table_cache.save(key, corpus._asdict())
    return corpus


def _load(source: Path, kind: str) -> Corpus:
    log: list[dict] = []
    if kind == "folder":
        (rows, columns), listing = rows_from_folder(source, log), "metadata.csv"
    elif kind == "pages":
        (rows, columns), listing = rows_from_pages(source, log, max_bytes=MAX_ARTICLE_BYTES), source.name
    else:
        (rows, columns), listing = rows_from_table(source, log), source.name
    renamed = _renamed_columns(columns, kind, log, listing)
    for row in rows:
        row["cells"] = _renamed(row["cells"], renamed)
    if not rows:
        raise CorpusError(f"Corpus {source} lists no articles. " + (
            "Its web archives hold no HTML page with status 200, and a page that is a link leading outside "
            "is not read." if kind == "pages" else "Add rows to its metadata."))
    if kind == "table":
        rows = _rows_with_text(rows, source, log)
    problems: list[str] = []
    records = [rec for row in rows if (rec := _read_article(row, log, problems)) is not None]
    seen: dict[str, dict] = {}
    for rec in records:
        first = seen.setdefault(rec["article_id"], rec)
        if first is not rec:
            hint = "" if first["id_given"] or rec["id_given"] else (
                " Without an id column the id is the file name without its extension: add an id column "
                "to tell them apart.")
            problems.append(f"{rec['where']}: id {rec['article_id']!r} is already used by {first['where']}. "
                            f"Ids must be unique.{hint}")
    raise_all(problems, f"Corpus {source} has problems:")
    _merge_outlets(records, log, listing)
    return _clean(records, log)


def _rows_with_text(rows: list[dict], source: Path, log: list[dict]) -> list[dict]:
    """The rows of a table that have a text; one warning counts and lists the others.

    Raises
    ------
    CorpusError
        When no row has a text (an export of links and titles only).
    """
    kept = [row for row in rows if row["text"].strip()]
    empty = [row["where"] for row in rows if not row["text"].strip()]
    if not kept:
        raise CorpusError(
            f"{source}: none of its {len(rows):,} rows has an article text (the text column is empty). Some "
            "exports (Media Cloud's story lists, GDELT's) carry links and titles only: add each article's "
            "text in a text column."
        )
    if empty:
        more = len(empty) - MAX_LISTED
        shown = ", ".join(empty[:MAX_LISTED]) + (f" and {more:,} more" if more > 0 else "")
        verb = "has" if len(empty) == 1 else "have"
        warn(log, f"{source.name}: {len(empty):,} of {len(rows):,} rows {verb} no article text and are not loaded: "
                  f"{shown}. Add their text to include them.", article_id=None, file=source.name)
    return kept


def _article_text(row: dict, log: list[dict]) -> tuple[str, str | None] | None:
    """The article's text and encoding; None (with a warning) when it is too large to be one."""
    where = row["where"]
    if row["path"] is None:
        size = len(row["text"].encode("utf-8", "surrogatepass"))
    else:
        try:
            size = row["path"].stat().st_size
        except OSError as exc:
            raise unreadable(where, exc) from None
    if size > MAX_ARTICLE_BYTES:
        message = (
            f"{where}: is {size / 1e6:.1f} MB, larger than an article can be "
            f"({MAX_ARTICLE_BYTES / 1e6:.0f} MB); not loaded. If it holds several articles, split it "
            "into one file per article; if it is one, raise helpers.corpus.MAX_ARTICLE_BYTES."
        )
        warn(log, message, article_id=None, file=row["file"])
        return None
    if row["path"] is None:
        return row["text"], row["encoding"]
    return decode_text(read_bytes(row["path"], where), name=where)


def _read_article(row: dict, log: list[dict], problems: list[str]) -> dict | None:
    """One row's article, checked; its problems are added to ``problems``."""
    where = row["where"]
    try:
        read = _article_text(row, log)
    except CorpusError as exc:
        problems.append(str(exc))
        return None
    if read is None:
        return None
    text, encoding = read
    if row.get("html") and (row := page_row(row, text, log, problems, has_metadata=row["metadata"])) is None:
        return None  # a saved web page: its fields fill the empty cells (helpers.corpus.pages)
    cells = row["cells"]
    given_id = cell_text(cells.get("id"))
    article_id = given_id or row["default_id"] or Path(row["file"]).stem
    outlet = cell_text(cells.get("outlet"))
    date_stated = cell_text(cells.get("date")) or None
    stated = read_date(date_stated) if date_stated else None
    if not outlet_spelling(outlet):  # empty, or only spaces and invisible characters
        problems.append(f"{where}: the outlet is empty. Every article needs the name of the outlet that published it.")
    if isinstance(stated, str):
        problems.append(f"{where}: date {date_stated!r} {stated}. Use YYYY-MM-DD (ISO 8601) or leave it empty.")
        stated = None
    if not text.strip():
        problems.append(f"{where}: the article text is empty or only whitespace. Supply the text or remove the row.")
        return None
    if stated is not None and stated.day is None:
        message = (
            f"{where}: date {date_stated!r} gives only a {stated.precision}; kept as partial (date_precision "
            f"{stated.precision!r}, date_stated {date_stated!r}); the date column stays empty; give YYYY-MM-DD "
            "to place it in time."
        )
        warn(log, message, article_id=article_id, file=row["file"])
    return dict(
        row, article_id=article_id, id_given=bool(given_id), outlet=outlet, date=stated.day if stated else None,
        date_precision=stated.precision if stated else None, date_stated=date_stated, raw_text=text,
        encoding=encoding, page=row["page"] if "page" in row else _page(text, encoding, row, article_id, log),
    )


def _page(text: str, encoding: str | None, row: dict, article_id: str, log: list[dict]) -> str:
    """The text to clean (an HTML page's visible text), logging the encoding and HTML notes."""
    where = row["where"]
    if encoding not in (None, "utf-8", "utf-8-sig", "utf-16", "utf-32"):
        message = (f"{where}: is not UTF-8; decoded as {encoding} (detected). "
                   "Re-save it as UTF-8 to be sure of every character.")
        warn(log, message, article_id=article_id, file=row["file"])
    if encoding in ("utf-8-sig", "utf-16", "utf-32"):
        message = (
            "byte-order mark dropped"
            if encoding == "utf-8-sig"
            else f"read as {encoding.upper()} (its byte-order mark)"
        )
        log.append(dict(article_id=article_id, file=row["file"], level="info", message=message))
    if not looks_like_html(text):
        return text
    message = (
        f"{where}: is an HTML page, not plain text; its visible text was extracted (tags, scripts "
        "and styles dropped) and the audit's line numbers refer to that text. Save the article text "
        "instead to be sure."
    )
    warn(log, message, article_id=article_id, file=row["file"])
    return html_to_text(text)


def _merge_outlets(records: list[dict], log: list[dict], listing: str) -> None:
    """One name per outlet (``helpers.corpus.outlets.normalise_outlets``), one warning per merge."""
    names, merges = normalise_outlets(pd.Series([rec["outlet"] for rec in records], dtype=object))
    for rec, name in zip(records, names, strict=False):
        rec["outlet"] = name
    for merge in merges:
        variants = ", ".join(f"{spelling!r} ({n} article{'' if n == 1 else 's'})" for spelling, n in merge.variants)
        if len(merge.variants) == 1:
            message = (
                f"{listing}: the outlet {variants} is shown as {merge.kept!r} (invisible characters dropped, "
                f"spacing or Unicode form normalised). Write it as {merge.kept!r} in {listing} to silence this."
            )
        else:
            message = (
                f"{listing}: outlet names that differ only in case, spacing, invisible characters or Unicode "
                f"form are taken as one outlet: {variants}; all are shown as {merge.kept!r}, the most frequent "
                f"spelling. Write the outlet one way in {listing} to silence this."
            )
        warn(log, message, article_id=None, file=listing)


def _clean(records: list[dict], log: list[dict]) -> Corpus:
    extra = [k for k in dict.fromkeys(k for rec in records for k in rec["cells"])
             if k not in DOCUMENTED["folder"] + DOCUMENTED["table"]] + (["from_page"] if any(
                 rec.get("html") for rec in records) else [])
    pages = [(rec["page"], cell_text(rec["cells"].get("headline")) or None) for rec in records]
    size = 500
    done = map_chunks(_clean_chunk, [pages[i:i + size] for i in range(0, len(pages), size)],
                      n_articles=len(pages), desc="cleaning")
    articles: list[dict] = []
    removed: list[dict] = []
    first_with_body: dict[str, tuple[str, str | None]] = {}
    for rec, (cleaned, share, n_words, digest) in zip(records, (item for part in done for item in part), strict=True):
        skip, duplicate_of = _duplicate(rec, digest if cleaned.body else None, first_with_body, log)
        if skip:
            continue
        _log_cleaning(rec, cleaned, share, log)
        articles.append(_article_row(rec, cleaned, duplicate_of, extra, n_words))
        removed.extend(dict(row, article_id=rec["article_id"], outlet=rec["outlet"], file=rec["file"])
                       for row in rec.get("left_out", []) + cleaned.removed)
    articles_df = pd.DataFrame(articles, columns=ARTICLE_COLUMNS + extra)
    for col in extra:  # as given: a whole-number column with a missing value does not become floats
        articles_df[col] = pd.Series([row[col] for row in articles], index=articles_df.index, dtype=object)
    articles_df["date"] = pd.to_datetime(articles_df["date"])
    removed_df = pd.DataFrame(removed, columns=REMOVED_COLUMNS)
    removed_df["line_n"] = removed_df["line_n"].astype("int64")
    log_df = pd.DataFrame(log, columns=LOG_COLUMNS)
    return Corpus(articles_df, removed_df, log_df)


def _duplicate(rec: dict, digest: str | None, first_with_body: dict, log: list[dict]) -> tuple[bool, str | None]:
    """(skip, duplicate_of): a second copy of a body (``digest``: ``_clean_chunk``'s, None for an
    empty body) from the same (normalised) outlet is skipped; one from another outlet is kept and flagged."""
    article_id = rec["article_id"]
    first = first_with_body.setdefault(digest, (article_id, rec["outlet"])) if digest else (article_id, None)
    if first[0] == article_id:
        return False, None
    if first[1] == rec["outlet"]:
        message = (
            f"{rec['file']}: same body text as article {first[0]!r} from the same outlet; "
            "not loaded twice (remove one of the two rows)."
        )
        warn(log, message, article_id=article_id, file=rec["file"])
        return True, None
    message = (
        f"{rec['file']}: same body text as article {first[0]!r} from {first[1]!r} (wire copy "
        "run by both?); kept, and flagged in duplicate_of."
    )
    warn(log, message, article_id=article_id, file=rec["file"])
    return False, first[0]


def _log_cleaning(rec: dict, cleaned: CleanedText, share: float | None, log: list[dict]) -> None:
    """Log an empty body, a text that does not look English, and normalised characters."""
    article_id = rec["article_id"]
    if not cleaned.body:
        message = f"{rec['file']}: cleaning kept no body text (see the removed table for its lines)."
        warn(log, message, article_id=article_id, file=rec["file"])
    if share is not None and share < MIN_ENGLISH_FUNCTION_WORDS:
        message = (
            f"{rec['file']}: does not look like English ({share:.0%} of its words are English "
            "function words; English news has 35-50%). Sentences, stopwords and sentiment here "
            "assume English, so its numbers will be wrong."
        )
        warn(log, message, article_id=article_id, file=rec["file"])
    if cleaned.normalised:
        changes = ", ".join(f"{n} {kind}" for kind, n in sorted(cleaned.normalised.items()))
        log.append(dict(article_id=article_id, file=rec["file"], level="info", message=f"normalised: {changes}"))


def _article_row(rec: dict, cleaned: CleanedText, duplicate_of: str | None, extra: list[str], n_words: int) -> dict:
    """One row of the articles table (``ARTICLE_COLUMNS`` then the extra columns)."""
    cells = rec["cells"]
    headline = cell_text(cells.get("headline"))
    wire = cell_text(cells.get("wire"))
    paragraphs = cleaned.body.split("\n\n") if cleaned.body else []
    return dict(
        article_id=rec["article_id"],
        outlet=rec["outlet"],
        date=rec["date"],
        date_precision=rec["date_precision"],
        date_stated=rec["date_stated"],
        headline=headline or cleaned.headline,
        dek=cleaned.dek,
        dateline=cleaned.dateline,
        wire=wire or cleaned.agency or cleaned.wire_credit or None,
        url=cell_text(cells.get("url")) or None,
        file=rec["file"],
        body=cleaned.body,
        raw_text=rec["raw_text"],
        subheads="\n".join(cleaned.subheads) or None,
        n_paragraphs=len(paragraphs),
        n_words=n_words,  # the body's whitespace-separated words (``_clean_chunk``)
        headline_source=("page" if "headline" in rec.get("from_page", "").split(",") else "metadata") if headline
        else ("text" if cleaned.headline else None),
        wire_source="metadata" if wire else (cleaned.agency_from or ("text" if cleaned.wire_credit else None)),
        encoding=rec["encoding"],
        duplicate_of=duplicate_of,
        **{k: _json_safe(rec.get(k) if k == "from_page" else cells.get(k)) for k in extra},
    )


def _clean_chunk(pages: list[tuple[str, str | None]]) -> list[tuple[CleanedText, float | None, int, str]]:
    """``clean_text`` on each (page, headline), with the body's share of English function words (None
    when too short to tell), its number of words and the SHA-1 of its words case-folded, joined by a
    space (``_duplicate``'s key): the per-article work ``helpers.parallel`` spreads over the cores.
    The words are split once: ``casefold`` maps each character alone, a space to spaces, any other to
    no space (tests/test_corpus_load_speed.py checks every code point), so ``body.casefold().split()``
    is ``body.split()`` case-folded word by word."""
    out = []
    for page, headline in pages:
        cleaned = clean_text(page, headline=headline)
        words = cleaned.body.casefold().split()
        share = None
        if len(words) >= MIN_WORDS_FOR_LANGUAGE:
            stripped = map(str.strip, words, repeat(".,;:!?\"'()"))
            share = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, stripped)) / len(words)
        out.append((cleaned, share, len(words), hashlib.sha1(" ".join(words).encode()).hexdigest()))
    return out


def _json_safe(value):
    """Extra columns pass through; empty cells become missing (None), nested values JSON
    text, NumPy scalars Python ones (an integer stays an integer)."""
    if isinstance(value, str) and not value.strip():
        return None
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:  # a Parquet list column
        value = value.tolist()
    elif pd.api.types.is_scalar(value) and not isinstance(value, str) and pd.isna(value):
        return None
    elif isinstance(value, (np.integer, np.floating, np.bool_)):  # numpy.int64 -> int
        value = value.item()
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value
