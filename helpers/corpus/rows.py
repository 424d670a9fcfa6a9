"""Turn a corpus (folder or table) into one row per article to read, and list its input files.

A folder's rows come from ``metadata.csv``, each with its located text file
(``helpers.corpus.files.locate``); text files beside them that no row names are
warned about, except links leading outside (they could never be loaded) and files
already loaded through a link. A folder without ``metadata.csv`` holding saved web pages
or web archives (``rows_from_pages``) gives one row per page, and one per HTML page of
each archive (``helpers.corpus.warc``). A table's rows carry their text. ``corpus_inputs``
names the files a load reads (for ``helpers.corpus.cache.corpus_key``) without reading them.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd

from .errors import CorpusError, CorpusWarning, raise_all
from .files import PAGE_SUFFIXES, WARC_SUFFIXES, is_inside, locate, page_files, side_table_path
from .read import decode_text, read_metadata, read_table
from .warc import read_warc

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")  # files that look like articles (any case)
NOT_ARTICLES = ("readme", "license", "licence", "copying")  # file-name stems a corpus may hold beside its articles
SIDE_TABLES = ("actors", "framing", "outlets")


def warn(log: list[dict], message: str, *, article_id: str | None, file: str) -> None:
    """Issue a CorpusWarning and keep it in the loading log."""
    warnings.warn(message, CorpusWarning, stacklevel=4)
    log.append(dict(article_id=article_id, file=file, level="warning", message=message))


def cell_text(value) -> str:
    """A cell as stripped text: "" when missing; a whole number without ".0" (an id of 1001.0 is "1001")."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def log_notes(log: list[dict], notes: list[tuple[str, str]], listing: str) -> None:
    """Add a reader's (level, message) notes to the loading log (warnings also issued)."""
    for level, message in notes:
        if level == "warning":
            warn(log, message, article_id=None, file=listing)
        else:
            log.append(dict(article_id=None, file=listing, level=level, message=message))


def rows_from_folder(folder: Path, log: list[dict]) -> tuple[list[dict], list[str]]:
    """The rows of a corpus folder's ``metadata.csv`` with their files, and its columns.

    Raises
    ------
    CorpusError
        Every row whose file cell is empty or names no file inside the folder.
    """
    root = folder.resolve()
    meta = read_metadata(root)
    log_notes(log, meta.notes, "metadata.csv")
    problems: list[str] = []
    rows: list[dict] = []
    located: set[Path] = set()
    for cells, line in zip(meta.records, meta.lines, strict=False):
        where = f"metadata.csv line {line}"
        name = cell_text(cells.get("file"))
        if not name:
            problems.append(f"{where}: the file cell is empty. Name the article's text file.")
            continue
        try:
            path = locate(root, name)
        except CorpusError as exc:
            problems.append(f"{where}: {exc}")
            continue
        located.update((Path(os.path.normpath(path)), path.resolve()))
        rows.append(dict(where=f"{where} ({name})", file=name, path=path, text=None, encoding=None,
                         default_id=None, cells=cells, html=name.lower().endswith(PAGE_SUFFIXES), metadata=True))
    raise_all(problems, f"Corpus {folder} has problems:")
    _warn_stray(root, located, log)
    return rows, meta.columns


def _warn_stray(root: Path, located: set[Path], log: list[dict]) -> None:
    """Warn about text files in the folder that no metadata row names (not links leading
    outside, which cannot be added, nor files loaded through a link)."""
    stray = sorted(p.name for p in _text_files(root) if p not in located and p.resolve() not in located)
    if stray:
        message = (
            f"{len(stray)} text file(s) in {root} have no row in metadata.csv and were not loaded: "
            f"{', '.join(stray)}. Add a row for each to include it."
        )
        warnings.warn(message, CorpusWarning, stacklevel=5)
        log.extend(
            dict(article_id=None, file=name, level="warning",
                 message=f"{name}: no row in metadata.csv; not loaded. Add a row for it to include it.")
            for name in stray
        )


def _text_files(root: Path) -> list[Path]:
    """The files in the folder ``root`` (resolved) that look like articles, resolving inside it."""
    return [p for p in root.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.stem.lower() not in NOT_ARTICLES
            and is_inside(p, root) and p.is_file()]


def rows_from_pages(folder: Path, log: list[dict], *, max_bytes: int) -> tuple[list[dict], list[str]]:
    """One row per saved web page in the folder ``folder`` (which has no ``metadata.csv``),
    and one per HTML page of each web archive there, with no columns of metadata: the
    pages give their own (``helpers.corpus.pages.page_row``). A file that is a link
    leading out of the folder is not opened (a warning names it)."""
    root = folder.resolve()
    rows: list[dict] = []
    for path in page_files(root):
        name = path.name
        if not is_inside(path, root) or not path.is_file():
            warn(log, f"{name}: is a link leading outside the corpus folder {root}, or not a regular file; not "
                      "read (nothing outside the corpus is). Copy the page itself into the folder.",
                 article_id=None, file=name)
        elif name.lower().endswith(PAGE_SUFFIXES):
            rows.append(dict(where=name, file=name, path=path, text=None, encoding=None, default_id=None, cells={},
                             html=True, metadata=False))
        else:
            rows.extend(_warc_rows(path, log, max_bytes))
    return rows, []


def _warc_rows(path: Path, log: list[dict], max_bytes: int) -> list[dict]:
    """The rows of the HTML pages of one web archive; the log counts its other records."""
    name = path.name
    stem = next(name[: -len(s)] for s in WARC_SUFFIXES[::-1] if name.lower().endswith(s))
    pages, others = read_warc(path, name, max_bytes=max_bytes)
    rows = []
    for page in pages:
        where = f"{name} page {page.n} ({page.url})"
        if page.too_large:
            warn(log, f"{where}: is larger than an article can be ({max_bytes / 1e6:.0f} MB); not loaded.",
                 article_id=None, file=name)
            continue
        text, encoding = decode_text(page.html, name=where)
        rows.append(dict(where=where, file=f"{name} page {page.n}", path=None, text=text, encoding=encoding,
                         default_id=f"{stem}-{page.n}", cells=dict(url=page.url, captured=page.captured),
                         html=True, metadata=False))
    skipped = "; ".join(f"{n} {kind}" for kind, n in sorted(others.items())) or "none"
    log.append(dict(article_id=None, file=name, level="info",
                    message=f"{name}: {len(pages)} HTML page(s) read; other records, not articles: {skipped}."))
    return rows


def rows_from_table(path: Path, log: list[dict]) -> tuple[list[dict], list[str]]:
    """The rows of a table corpus, each with its text, and its columns."""
    table = read_table(path)
    log_notes(log, table.notes, path.name)
    rows, name, stem = [], path.name, path.stem  # read once, not per row
    for cells, line, encoding in zip(table.records, table.lines, table.encodings, strict=False):
        where = f"{name} {table.line_word} {line}"
        raw = cells.get("text")
        text = "" if raw is None or (not isinstance(raw, str) and pd.isna(raw)) else str(raw)
        rows.append(dict(where=where, file=where, path=None, text=text, encoding=encoding,
                         default_id=f"{stem}-{line}", cells=cells))
    return rows, table.columns


def corpus_inputs(source: Path) -> list[tuple[str, Path | None]]:
    """The files loading the corpus ``source`` (checked by ``check_source``) reads, by name:
    the table or ``metadata.csv``, the side tables, and each file ``metadata.csv`` names
    (None where it names no file inside the folder); then, with None, the names of the
    folder's text files (a file no row names is warned about). A folder of pages without
    ``metadata.csv`` lists its pages and web archives. Only ``metadata.csv`` is read, and
    nothing outside the corpus is opened.
    """
    if not source.is_dir():
        inputs: list[tuple[str, Path | None]] = [(source.name, source)]
    elif not (source / "metadata.csv").exists() and not (source / "metadata.csv").is_symlink():  # pages
        root = source.resolve()
        inputs = [(f"page:{p.name}", p if is_inside(p, root) else None) for p in page_files(root)]
    else:
        root = source.resolve()
        inputs = [("metadata.csv", root / "metadata.csv")]
        try:
            records = read_metadata(root).records
        except CorpusError:  # loading will say what is wrong
            records = []
        for cells in records:
            name = cell_text(cells.get("file"))
            try:
                inputs.append((f"file:{name}", locate(root, name)))
            except CorpusError:
                inputs.append((f"file:{name}", None))
        inputs.extend((f"entry:{p.name}", None) for p in sorted(_text_files(root)))
    for side in SIDE_TABLES:
        try:
            path = side_table_path(source, side)
        except CorpusError:
            continue
        inputs.append((f"side:{side}", path if path.is_file() else None))
    return inputs
