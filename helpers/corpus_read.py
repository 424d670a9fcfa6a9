"""Read the raw inputs of a corpus into rows that know the line they came from.

The inputs are a folder's ``metadata.csv`` or one table file: ``.csv`` (its delimiter,
comma, semicolon, tab or ``|``, detected from the header line), ``.jsonl``/``.ndjson``
(read line by line) or ``.parquet``; extensions in any case. Every row carries the
physical line its record starts on (a quoted value may span lines), or its row number
in a Parquet file. Byte values are decoded as text; a list or object where a text
belongs, a broken line, a misplaced quote is a ``CorpusError`` naming the line.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from charset_normalizer import from_bytes

from .corpus_errors import CorpusError, raise_all
from .corpus_files import is_inside, read_bytes, unreadable

REQUIRED_FOLDER_COLUMNS = ("file", "outlet")
REQUIRED_TABLE_COLUMNS = ("outlet", "text")
OPTIONAL_COLUMNS = ("id", "date", "headline", "url", "wire")
TEXT_VALUED = ("id", "outlet", "text", "date", "headline", "url", "wire", "file")  # one string each
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SHOWN_CHARS = 80  # characters of a broken line shown in its message


class Rows(NamedTuple):
    """What a reader returns.

    ``columns`` (as in the header, stripped), ``records`` (one dict per row, every
    column present, missing values None), ``lines`` (line or row number of each),
    ``line_word`` ("line" or "row"), ``encodings`` (per row, the encoding its ``text``
    bytes were decoded from, None when it was text), ``notes`` ((level, message) pairs
    for the loading log).
    """

    columns: list[str]
    records: list[dict]
    lines: list[int]
    line_word: str
    encodings: list[str | None]
    notes: list[tuple[str, str]]


def decode_text(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)``.

    UTF-8 (with or without a byte-order mark) is read as is. Anything else is
    decoded with the encoding charset-normalizer detects, and the caller should
    say so.

    Raises
    ------
    CorpusError
        Bytes that are not text (NUL bytes, or no encoding fits), naming ``name``.
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


def read_metadata(root: Path) -> Rows:
    """Read ``metadata.csv`` of the corpus folder ``root`` (resolved).

    Raises
    ------
    CorpusError
        No metadata.csv (listing what the folder holds), one that is a folder, a link
        leading out of the corpus, unreadable, not UTF-8, empty, a broken CSV, or
        lacking ``file``/``outlet``.
    """
    path = root / "metadata.csv"
    if not path.exists() and not path.is_symlink():
        files = sorted(p.name for p in root.iterdir() if not p.name.startswith("."))
        if not files:
            raise CorpusError(
                f"Corpus folder {root} is empty. Put the article text files there, with a "
                "metadata.csv listing them (columns: file,outlet[,date,headline,url,wire])."
            )
        listed = ", ".join(files[:5]) + (" ..." if len(files) > 5 else "")
        raise CorpusError(
            f"{root} has no metadata.csv. Add one with at least the columns file,outlet and one "
            f"row per article file (the folder holds: {listed})."
        )
    if not is_inside(path, root):
        raise CorpusError(
            f"{path}: is a link leading outside the corpus folder; nothing outside the corpus is read. "
            f"Copy the metadata file itself into {root} in place of the link."
        )
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder, not a file. metadata.csv must be a CSV file listing the articles.")
    if not path.is_file():
        raise CorpusError(f"{path}: is not a regular file (a pipe or a device?). metadata.csv must be a CSV file.")
    text = _unicode(read_bytes(path, str(path)), path, "Re-save it as UTF-8 CSV.")
    return _csv_rows(text, path, REQUIRED_FOLDER_COLUMNS)


def _unicode(data: bytes, path: Path, fix: str) -> str:
    """A CSV or JSONL file's text: UTF-8 (with or without a byte-order mark), or UTF-16 with one."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: is not UTF-8. {fix}") from None


def read_table(path: Path) -> Rows:
    """Read a table corpus (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``, any case).

    Raises
    ------
    CorpusError
        An unreadable or broken file (naming the line), a list or object where a text
        belongs, undecodable bytes, or missing ``outlet``/``text`` columns.
    """
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        table = _parquet_table(path)
        # only columns of Python objects can hold bytes, lists or dicts
        loose = [str(c) for c, dtype in table.dtypes.items() if pd.api.types.is_object_dtype(dtype)]
        table.columns = [str(c) for c in table.columns]
        _missing(list(table.columns), REQUIRED_TABLE_COLUMNS, path, None)
        records = table.to_dict("records")
        rows = Rows(list(table.columns), records, list(range(1, len(records) + 1)), "row", [None] * len(records), [])
        return _text_values(rows, path.name, loose)
    text = _unicode(read_bytes(path, str(path)), path, "Export it again as UTF-8.")
    if suffix == ".csv":
        return _csv_rows(text, path, REQUIRED_TABLE_COLUMNS)  # every value is a string
    rows = _jsonl_rows(text, path)
    return _text_values(rows, path.name, rows.columns)


def _missing(columns: list[str], required: tuple[str, ...], path: Path, delimiter: str | None) -> None:
    missing = [c for c in required if c not in columns]
    if not missing:
        return
    kind = "A corpus folder's metadata.csv needs file and outlet" if "file" in required else (
        "A table corpus needs outlet and text")
    read_as = ""
    if delimiter is not None:
        read_as = (f" The header was split at each {DELIMITERS[delimiter]} ({delimiter!r}); comma, semicolon, "
                   "tab and vertical bar are recognised: separate the column names with one of them.")
    raise CorpusError(
        f"{path}: lacks the column(s) {', '.join(missing)}. {kind}; optional: {', '.join(OPTIONAL_COLUMNS)}. "
        f"Columns found: {', '.join(repr(c) for c in columns)}.{read_as}"
    )


def detect_delimiter(header: str) -> str:
    """The delimiter of a CSV header line: a comma if it has one (outside quotes), else the
    commonest of semicolon, tab and ``|``, else a comma."""
    bare = re.sub(r'"[^"]*"', "", header)
    if "," in bare:
        return ","
    counts = {d: bare.count(d) for d in DELIMITERS if d != ","}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _header(values: list[str]) -> list[str]:
    """Column names stripped; empty ones "Unnamed: i", repeats "name.1" (as pandas names them)."""
    out: list[str] = []
    for i, value in enumerate(values):
        name = value.strip() or f"Unnamed: {i}"
        base, n = name, 0
        while name in out:
            n += 1
            name = f"{base}.{n}"
        out.append(name)
    return out


def _csv_rows(text: str, path: Path, required: tuple[str, ...]) -> Rows:
    if not text.strip():
        raise CorpusError(
            f"{path}: is empty. It needs a header line naming the columns ({', '.join(required)}, ...) "
            "and one line per article."
        )
    delimiter = detect_delimiter(text.lstrip("\r\n").split("\n", 1)[0])
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    columns: list[str] | None = None
    records, lines, problems = [], [], []
    start = 1
    try:
        for values in reader:
            line, start = start, reader.line_num + 1
            if not values:
                continue
            if columns is None:
                columns = _header(values)
                continue
            extra = values[len(columns):]
            if any(v.strip() for v in extra):
                problems.append(
                    f"{path.name} line {line}: has {len(values)} values but the header names {len(columns)} "
                    f"columns. A value holding a {DELIMITERS[delimiter]} must be in double quotes."
                )
                continue
            values = values[:len(columns)] + [""] * (len(columns) - len(values))
            records.append(dict(zip(columns, values)))
            lines.append(line)
    except csv.Error as exc:
        problems.append(_quote_problem(path.name, start, reader.line_num, exc))
    raise_all(problems, f"{path} is not a readable CSV:")
    _missing(columns or [], required, path, delimiter)
    notes = [] if delimiter == "," else [(
        "info", f"{path.name}: columns are separated by {DELIMITERS[delimiter]}s ({delimiter!r}), "
        "read with that delimiter."
    )]
    return Rows(columns or [], records, lines, "line", [None] * len(records), notes)


def _quote_problem(name: str, start: int, at: int, exc: csv.Error) -> str:
    if "end of data" in str(exc):
        return (f"{name} line {start}: a quoted value opened in this record never closes (a double quote "
                "is missing), so the rest of the file would be one value. Add the closing quote.")
    return (f"{name} line {at}: a double quote is out of place ({exc}). A value holding quotes must be "
            'wholly in double quotes, each quote inside it doubled ("").')


def _jsonl_rows(text: str, path: Path) -> Rows:
    records, lines, problems = [], [], []
    for n, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        if not line:
            continue
        shown = line[:SHOWN_CHARS] + ("..." if len(line) > SHOWN_CHARS else "")
        try:
            value = json.loads(line)
        except ValueError as exc:
            problems.append(f"{path.name} line {n}: is not valid JSON ({getattr(exc, 'msg', exc)}): "
                            f"{shown!r}. Fix or remove that line.")
            continue
        if not isinstance(value, dict):
            problems.append(f"{path.name} line {n}: is a JSON {type(value).__name__}, not an object "
                            f'{{"outlet": ..., "text": ...}}: {shown!r}. Fix or remove that line.')
            continue
        if "\\u" in line.lower():  # an escape may be half a UTF-16 pair: not text, no file can hold it
            value = _without_lone_surrogates(value)
        records.append(value)
        lines.append(n)
    raise_all(problems, f"{path} cannot be read: each line must be one article as a JSON object.")
    if not records:
        raise CorpusError(f'{path}: holds no articles. Each line must be one article as {{"outlet": ..., "text": ...}}.')
    columns = list(dict.fromkeys(str(k) for rec in records for k in rec))
    _missing(columns, REQUIRED_TABLE_COLUMNS, path, None)
    records = [{c: rec.get(c) for c in columns} for rec in records]
    return Rows(columns, records, lines, "line", [None] * len(records), [])


def _without_lone_surrogates(value):
    """``value`` with every lone UTF-16 surrogate (from a ``\\ud800`` escape) replaced by U+FFFD."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    return value


def _parquet_table(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except (PermissionError, IsADirectoryError, FileNotFoundError) as exc:
        raise unreadable(str(path), exc) from None
    except Exception as exc:  # pyarrow raises many types; all mean "not readable"
        raise CorpusError(
            f"{path}: cannot be read as a Parquet table ({type(exc).__name__}: {exc}). "
            "Check that the file is complete and in that format."
        ) from None


def _kind(value) -> str | None:
    """"a list" / "an object" for a nested value, else None."""
    if isinstance(value, dict):
        return "an object (a dict)"
    if isinstance(value, (list, tuple, set)) or (hasattr(value, "ndim") and getattr(value, "ndim", 0) > 0):
        return "a list"
    return None


def _text_values(rows: Rows, name: str, columns: list[str]) -> Rows:
    """Decode byte values in ``columns``; refuse a list or object in a column that holds one text."""
    problems, notes = [], list(rows.notes)
    encodings = list(rows.encodings)
    for i, (rec, line) in enumerate(zip(rows.records, rows.lines)):
        where = f"{name} {rows.line_word} {line}"
        for col in columns:
            value = rec[col]
            if isinstance(value, (bytes, bytearray, memoryview)):
                try:
                    rec[col], encoding = decode_text(bytes(value), name=where)
                except CorpusError:
                    problems.append(f"{where}: the {col} value is bytes that are not text in any encoding. "
                                    "Export that column as text (strings), or remove the row.")
                    continue
                if col == "text":
                    encodings[i] = encoding
                elif encoding not in ("utf-8", "utf-8-sig"):
                    notes.append(("warning", f"{where}: the {col} value is bytes in {encoding} (detected), not "
                                  "UTF-8; decoded as that. Export the column as UTF-8 text to be sure."))
            elif col in TEXT_VALUED and _kind(value):
                problems.append(f"{where}: {col} is {_kind(value)}, not text. Give one {col} as a string "
                                "(keep lists in another column).")
    raise_all(problems, f"{name} has values that are not text:")
    return rows._replace(encodings=encodings, notes=notes)
