"""Load a corpus of news articles into one tidy table, checking it on the way in.

A corpus is either

- a folder holding ``metadata.csv`` (required columns ``file`` and ``outlet``;
  optional ``id``, ``date``, ``headline``, ``url``, ``wire``; any other columns are
  kept) and the text files it names, or
- one table file, ``.csv``, ``.jsonl``/``.ndjson`` or ``.parquet``, with at least
  ``outlet`` and ``text`` columns (the shape of news-database exports).

``load_corpus`` reads it, never writes to it, and returns the articles (cleaned by
``helpers.clean``), the audit of every line cleaning took out, and a log of what it
noticed on the way (files with no metadata row, encodings it had to guess,
characters it normalised, duplicate texts). Problems it cannot work around raise a
``CorpusError`` that lists every problem found, each naming its file or row and
saying how to fix it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from charset_normalizer import from_bytes

from . import cache as table_cache
from .clean import CleanedText, clean_text, html_to_text, looks_like_html
from .nltk_data import STOPWORDS as ENGLISH_FUNCTION_WORDS
from .parallel import map_chunks
from .paths import DEFAULT_CORPUS_DIR, resolve

REQUIRED_FOLDER_COLUMNS = ("file", "outlet")
REQUIRED_TABLE_COLUMNS = ("outlet", "text")
OPTIONAL_COLUMNS = ("id", "date", "headline", "url", "wire")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")  # files that look like articles
NOT_ARTICLES = ("readme", "license", "licence", "copying")  # file-name stems a corpus may hold beside its articles
MAX_LISTED = 20  # problems listed in one error before "... and N more"
MAX_ARTICLE_BYTES = 5_000_000  # news articles are < 100 KB; a larger file is a dump, not an article
MIN_WORDS_FOR_LANGUAGE = 40  # too few words to judge the language below this
MIN_ENGLISH_FUNCTION_WORDS = 0.15  # English news runs at 35-50% function words (the seeds: 43-48%)

ARTICLE_COLUMNS = [
    "article_id", "outlet", "date", "headline", "dek", "dateline", "wire", "url", "file",
    "body", "raw_text", "subheads", "n_paragraphs", "n_words", "headline_source",
    "wire_source", "encoding", "duplicate_of",
]
REMOVED_COLUMNS = ["article_id", "outlet", "file", "line_n", "text", "rule", "action", "kept_as", "detail"]
LOG_COLUMNS = ["article_id", "file", "level", "message"]


class CorpusError(ValueError):
    """The corpus cannot be loaded as it is; the message says where and how to fix it."""


class CorpusWarning(UserWarning):
    """Something in the corpus was worked around; the log table has the details."""


class Corpus(NamedTuple):
    """What ``load_corpus`` returns; unpack it as ``articles, removed, log = load_corpus(...)``."""

    articles: pd.DataFrame
    removed: pd.DataFrame
    log: pd.DataFrame


def _raise_all(problems: list[str], intro: str) -> None:
    if problems:
        shown = problems[:MAX_LISTED]
        more = len(problems) - len(shown)
        tail = f"\n  ... and {more} more" if more else ""
        raise CorpusError(intro + "\n  " + "\n  ".join(shown) + tail)


def decode_text(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)``.

    UTF-8 (with or without a byte-order mark) is read as is. Anything else is
    decoded with the encoding charset-normalizer detects, and the caller should
    say so. Bytes that are not text (NUL bytes, or no encoding fits) raise
    ``CorpusError``.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise CorpusError(
            f"{name}: looks like a binary file, not text (it contains NUL bytes). "
            "Replace it with the article's plain text, or remove it and its metadata row."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    # Windows-1252 is by far the commonest non-UTF-8 encoding of English news;
    # charset-normalizer often ties it with cp1250 on short texts, which would
    # turn "ñ" into "ń". Prefer it when it is rated as plausible as the best.
    for match in matches:
        if match.encoding == "cp1252" and best is not None and match.chaos <= best.chaos and match.coherence >= best.coherence:
            best = match
            break
    if best is None:
        raise CorpusError(
            f"{name}: cannot be decoded as text in any encoding. "
            "Replace it with the article's plain text (UTF-8), or remove it and its metadata row."
        )
    return str(best), best.encoding


def _read_metadata(folder: Path) -> pd.DataFrame:
    meta_path = folder / "metadata.csv"
    if not meta_path.is_file():
        files = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        if not files:
            raise CorpusError(
                f"Corpus folder {folder} is empty. Put the article text files there, with a "
                "metadata.csv listing them (columns: file,outlet[,date,headline,url,wire])."
            )
        listed = ", ".join(files[:5]) + (" ..." if len(files) > 5 else "")
        raise CorpusError(
            f"{folder} has no metadata.csv. Add one with at least the columns file,outlet and one "
            f"row per article file (the folder holds: {listed})."
        )
    try:
        meta = pd.read_csv(meta_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CorpusError(f"{meta_path}: is not UTF-8. Re-save it as UTF-8 CSV.") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CorpusError(
            f"{meta_path}: is not a readable CSV ({str(exc).strip()}). Check quoting: a value "
            "holding a comma must be in double quotes."
        ) from None
    meta.columns = [str(c).strip() for c in meta.columns]
    missing = [c for c in REQUIRED_FOLDER_COLUMNS if c not in meta.columns]
    if missing:
        raise CorpusError(
            f"{meta_path}: lacks the column(s) {', '.join(missing)}. Required: file, outlet; "
            f"optional: {', '.join(OPTIONAL_COLUMNS)}. Columns found: {', '.join(meta.columns)}."
        )
    return meta


def _read_table(path: Path) -> pd.DataFrame:
    try:
        if path.suffix == ".csv":
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        elif path.suffix in (".jsonl", ".ndjson"):
            table = pd.read_json(path, lines=True, dtype=False)
        else:
            table = pd.read_parquet(path)
    except Exception as exc:  # the readers raise many types; all mean "not readable"
        raise CorpusError(
            f"{path}: cannot be read as a {path.suffix} table ({type(exc).__name__}: {exc}). "
            "Check that the file is complete and in that format."
        ) from None
    missing = [c for c in REQUIRED_TABLE_COLUMNS if c not in table.columns]
    if missing:
        raise CorpusError(
            f"{path}: lacks the column(s) {', '.join(missing)}. A table corpus needs outlet and "
            f"text; optional: {', '.join(OPTIONAL_COLUMNS)}. Columns found: {', '.join(map(str, table.columns))}."
        )
    return table


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


@functools.lru_cache(maxsize=100_000)
def _parse_date(value: str) -> pd.Timestamp | None:
    """Parse an ISO 8601 date (or datetime); return None when it is not one. Cached: a
    large corpus repeats each date hundreds of times."""
    try:
        stamp = pd.to_datetime(value, format="ISO8601", utc=True)
    except (ValueError, TypeError):
        return None
    return stamp.tz_convert(None) if stamp is not pd.NaT else None


def _rows_from_folder(folder: Path, log: list[dict]) -> list[dict]:
    meta = _read_metadata(folder)
    problems: list[str] = []
    rows: list[dict] = []
    named = set()
    for i, rec in enumerate(meta.to_dict("records")):
        where = f"metadata.csv line {i + 2}"
        name = _cell(rec.get("file"))
        if not name:
            problems.append(f"{where}: the file cell is empty. Name the article's text file.")
            continue
        named.add(name)
        path = folder / name
        if not path.is_file():
            problems.append(f"{where}: file {name!r} does not exist in {folder}. Fix the name or remove the row.")
            continue
        rows.append(dict(rec, _where=f"{where} ({name})", _path=path, file=name))
    _raise_all(problems, f"Corpus {folder} has problems:")
    stray = sorted(
        p.name for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and p.name not in named
        and p.stem.lower() not in NOT_ARTICLES
    )
    if stray:
        message = (
            f"{len(stray)} text file(s) in {folder} have no row in metadata.csv and were not loaded: "
            f"{', '.join(stray)}. Add a row for each to include it."
        )
        warnings.warn(message, CorpusWarning, stacklevel=3)
        log.extend(
            dict(article_id=None, file=name, level="warning",
                 message=f"{name}: no row in metadata.csv; not loaded. Add a row for it to include it.")
            for name in stray
        )
    return rows


def _rows_from_table(path: Path) -> list[dict]:
    table = _read_table(path)
    line_word = "row" if path.suffix == ".parquet" else "line"
    offset = 1 if path.suffix == ".parquet" else (2 if path.suffix == ".csv" else 1)
    rows = []
    for i, rec in enumerate(table.to_dict("records")):
        where = f"{path.name} {line_word} {i + offset}"
        rows.append(dict(
            {str(k): v for k, v in rec.items()}, _where=where, _text=rec.get("text"),
            file=where, _default_id=f"{path.stem}-{i + offset}",
        ))
    return rows


def load_corpus(path: str | Path = DEFAULT_CORPUS_DIR, *, cache: bool = True) -> Corpus:
    """Read, check and clean a corpus.

    Parameters
    ----------
    path:
        A corpus folder (with ``metadata.csv``) or a ``.csv``/``.jsonl``/``.parquet``
        table. A relative path is taken from the repository root.
    cache:
        Reuse the tables of an earlier load of the same files by the same helpers
        (see ``helpers.cache``); its warnings are issued again.

    Returns
    -------
    Corpus
        ``articles``: one row per article. Columns: ``article_id`` (the ``id``
        column, else the file name without extension, else ``<table>-<line>``),
        ``outlet``, ``date`` (datetime, NaT if unknown), ``headline`` (metadata,
        else found in the text), ``dek``, ``dateline``, ``wire`` (metadata, else a
        wire credit line in the text), ``url``, ``file`` (file name, or table and
        line), ``body`` (cleaned paragraphs joined by a blank line), ``raw_text``
        (as read), ``subheads`` (crossheads, one per line), ``n_paragraphs``,
        ``n_words`` (whitespace-separated words in the body), ``headline_source`` and
        ``wire_source`` ("metadata"/"text"/None), ``encoding``, ``duplicate_of``
        (the first article from another outlet with the same body, else None;
        a second copy from the same outlet is not loaded, and the log says so),
        then any extra
        metadata columns unchanged. Sorted as in the metadata.
        ``removed``: one row per raw line not kept as body (see
        ``helpers.clean.clean_text``): ``article_id, outlet, file, line_n, text,
        rule, action, kept_as, detail``.
        ``log``: ``article_id, file, level, message``: what loading noticed.

    Raises
    ------
    CorpusError
        With every problem found, each naming its file or row.
    """
    source = resolve(path)
    if not source.exists():
        raise CorpusError(
            f"Corpus not found: {source}. Pass a folder holding metadata.csv and the article "
            f"files, or a {'/'.join(TABLE_SUFFIXES)} table with outlet and text columns."
        )
    key = table_cache.corpus_key(source) if cache and table_cache.enabled() else None
    hit = table_cache.load(key, Corpus._fields) if key else None
    if hit is not None:
        for message in hit[2].loc[hit[2]["level"] == "warning", "message"]:
            warnings.warn(message, CorpusWarning, stacklevel=2)
        return Corpus(*hit)
    corpus = _load(source)
    if key:
        table_cache.save(key, corpus._asdict())
    return corpus


def _load(source: Path) -> Corpus:
    log: list[dict] = []
    if source.is_dir():
        rows = _rows_from_folder(source, log)
    elif source.suffix.lower() in TABLE_SUFFIXES:
        rows = _rows_from_table(source)
    else:
        raise CorpusError(
            f"{source}: is neither a corpus folder nor a {'/'.join(TABLE_SUFFIXES)} table."
        )
    if not rows:
        raise CorpusError(f"Corpus {source} lists no articles. Add rows to its metadata.")

    problems: list[str] = []
    records: list[dict] = []
    for rec in rows:
        where = rec["_where"]
        size = rec["_path"].stat().st_size if "_path" in rec else len(str(rec.get("_text") or "").encode())
        if size > MAX_ARTICLE_BYTES:
            message = (
                f"{where}: is {size / 1e6:.1f} MB, larger than an article can be "
                f"({MAX_ARTICLE_BYTES / 1e6:.0f} MB); not loaded. If it holds several articles, split it "
                "into one file per article; if it is one, raise helpers.corpus.MAX_ARTICLE_BYTES."
            )
            _warn(log, message, article_id=None, file=rec["file"])
            continue
        if "_path" in rec:
            try:
                text, encoding = decode_text(rec["_path"].read_bytes(), name=f"{where}")
            except CorpusError as exc:
                problems.append(str(exc))
                continue
        else:
            raw = rec["_text"]
            text, encoding = ("" if raw is None or (not isinstance(raw, str) and pd.isna(raw)) else str(raw)), None
        article_id = _cell(rec.get("id")) or rec.get("_default_id") or Path(rec["file"]).stem
        outlet = _cell(rec.get("outlet"))
        date_text = _cell(rec.get("date"))
        date = _parse_date(date_text) if date_text else None
        if not outlet:
            problems.append(f"{where}: the outlet is empty. Every article needs the name of the outlet that published it.")
        if date_text and date is None:
            problems.append(f"{where}: date {date_text!r} is not a date. Use YYYY-MM-DD (ISO 8601) or leave it empty.")
        if not text.strip():
            problems.append(f"{where}: the article text is empty or only whitespace. Supply the text or remove the row.")
            continue
        if encoding not in (None, "utf-8", "utf-8-sig"):
            message = f"{where}: is not UTF-8; decoded as {encoding} (detected). Re-save it as UTF-8 to be sure of every character."
            _warn(log, message, article_id=article_id, file=rec["file"])
        if encoding == "utf-8-sig":
            log.append(dict(article_id=article_id, file=rec["file"], level="info", message="byte-order mark dropped"))
        page = text
        if looks_like_html(text):
            page = html_to_text(text)
            message = (
                f"{where}: is an HTML page, not plain text; its visible text was extracted (tags, scripts "
                "and styles dropped) and the audit's line numbers refer to that text. Save the article text "
                "instead to be sure."
            )
            _warn(log, message, article_id=article_id, file=rec["file"])
        records.append(dict(
            rec, article_id=article_id, outlet=outlet, date=date, raw_text=text, encoding=encoding, _page=page,
        ))

    seen: dict[str, str] = {}
    for rec in records:
        first = seen.setdefault(rec["article_id"], rec["_where"])
        if first != rec["_where"]:
            problems.append(f"{rec['_where']}: id {rec['article_id']!r} is already used by {first}. Ids must be unique.")
    _raise_all(problems, f"Corpus {source} has problems:")
    return _clean(records, log)


def _clean(records: list[dict], log: list[dict]) -> Corpus:
    articles: list[dict] = []
    removed: list[dict] = []
    first_with_body: dict[str, str] = {}
    extra = [
        k for k in records[0] if not k.startswith("_") and k not in ARTICLE_COLUMNS
        and k not in ("id", "text", "date")
    ]
    pages = [(rec["_page"], _cell(rec.get("headline")) or None) for rec in records]
    size = 500
    done = map_chunks(_clean_chunk, [pages[i:i + size] for i in range(0, len(pages), size)],
                      n_articles=len(pages), desc="cleaning")
    for rec, (cleaned, share) in zip(records, (item for part in done for item in part), strict=True):
        headline = _cell(rec.get("headline"))
        article_id = rec["article_id"]
        wire = _cell(rec.get("wire")) or cleaned.wire_credit
        digest = hashlib.sha1(" ".join(cleaned.body.split()).casefold().encode()).hexdigest()
        first = first_with_body.setdefault(digest, (article_id, rec["outlet"])) if cleaned.body else (article_id, None)
        duplicate_of = first[0]
        if duplicate_of != article_id and first[1] == rec["outlet"]:
            message = (
                f"{rec['file']}: same body text as article {duplicate_of!r} from the same outlet; "
                "not loaded twice (remove one of the two rows)."
            )
            _warn(log, message, article_id=article_id, file=rec["file"])
            continue
        if duplicate_of != article_id:
            message = (
                f"{rec['file']}: same body text as article {duplicate_of!r} from {first[1]!r} (wire copy "
                "run by both?); kept, and flagged in duplicate_of."
            )
            _warn(log, message, article_id=article_id, file=rec["file"])
        if not cleaned.body:
            message = f"{rec['file']}: cleaning kept no body text (see the removed table for its lines)."
            _warn(log, message, article_id=article_id, file=rec["file"])
        if share is not None:
            if share < MIN_ENGLISH_FUNCTION_WORDS:
                message = (
                    f"{rec['file']}: does not look like English ({share:.0%} of its words are English "
                    "function words; English news has 35-50%). Sentences, stopwords and sentiment here "
                    "assume English, so its numbers will be wrong."
                )
                _warn(log, message, article_id=article_id, file=rec["file"])
        if cleaned.normalised:
            changes = ", ".join(f"{n} {kind}" for kind, n in sorted(cleaned.normalised.items()))
            log.append(dict(article_id=article_id, file=rec["file"], level="info", message=f"normalised: {changes}"))
        paragraphs = cleaned.body.split("\n\n") if cleaned.body else []
        articles.append(dict(
            article_id=article_id,
            outlet=rec["outlet"],
            date=rec["date"],
            headline=headline or cleaned.headline,
            dek=cleaned.dek,
            dateline=cleaned.dateline,
            wire=wire or None,
            url=_cell(rec.get("url")) or None,
            file=rec["file"],
            body=cleaned.body,
            raw_text=rec["raw_text"],
            subheads="\n".join(cleaned.subheads) or None,
            n_paragraphs=len(paragraphs),
            n_words=sum(len(p.split()) for p in paragraphs),
            headline_source="metadata" if headline else ("text" if cleaned.headline else None),
            wire_source="metadata" if _cell(rec.get("wire")) else ("text" if cleaned.wire_credit else None),
            encoding=rec["encoding"],
            duplicate_of=None if duplicate_of == article_id else duplicate_of,
            **{k: _json_safe(rec.get(k)) for k in extra},
        ))
        removed.extend(dict(row, article_id=article_id, outlet=rec["outlet"], file=rec["file"]) for row in cleaned.removed)

    articles_df = pd.DataFrame(articles, columns=ARTICLE_COLUMNS + extra)
    articles_df["date"] = pd.to_datetime(articles_df["date"])
    removed_df = pd.DataFrame(removed, columns=REMOVED_COLUMNS)
    removed_df["line_n"] = removed_df["line_n"].astype("int64")
    log_df = pd.DataFrame(log, columns=LOG_COLUMNS)
    return Corpus(articles_df, removed_df, log_df)


def _clean_chunk(pages: list[tuple[str, str | None]]) -> list[tuple[CleanedText, float | None]]:
    """``clean_text`` on each (page, headline), with the body's share of English function
    words (None when it is too short to tell): the per-article work of loading, which
    ``helpers.parallel`` spreads over the cores of a large corpus."""
    out = []
    for page, headline in pages:
        cleaned = clean_text(page, headline=headline)
        words = cleaned.body.casefold().split()
        share = None
        if len(words) >= MIN_WORDS_FOR_LANGUAGE:
            share = sum(w.strip(".,;:!?\"'()") in ENGLISH_FUNCTION_WORDS for w in words) / len(words)
        out.append((cleaned, share))
    return out


def _warn(log: list[dict], message: str, *, article_id: str | None, file: str) -> None:
    """Issue a CorpusWarning and keep it in the loading log."""
    warnings.warn(message, CorpusWarning, stacklevel=4)
    log.append(dict(article_id=article_id, file=file, level="warning", message=message))


def _json_safe(value):
    """Extra columns pass through; empty cells become missing, nested JSON values JSON text."""
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value
