"""Read the raw inputs of a corpus into rows that know the line they came from.

The inputs are a folder's ``metadata.csv`` or one table file: ``.csv`` (its delimiter,
comma, semicolon, tab or ``|``, detected from the header line), ``.jsonl``/``.ndjson``
(read line by line) or ``.parquet``; extensions in any case. The side tables
(``actors.csv``, ``framing.csv``) are read by the same CSV reader (``read_csv_rows``).
Every row carries the physical line its record starts on (a quoted value may span
lines), or its row number in a Parquet file. The documented column names are matched
whatever their case and spacing (``Date`` is ``date``), and the names news exports use
(``media_name``, ``maintext`` ...) are read as them (``helpers.corpus.columns``). Whole numbers stay whole
(a Parquet or JSONL integer column with a missing value is not turned into floats).
Byte values are decoded as text; a list or object where a text belongs, a broken line,
a misplaced quote, two columns with one name is a ``CorpusError`` naming the line.
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

from .columns import canonical_columns
from .errors import CorpusError, raise_all
from .files import PAGE_SUFFIXES, TABLE_SUFFIXES, metadata_path, read_bytes, unreadable

__all__ = [
    "DOCUMENTED_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_FOLDER_COLUMNS",
    "REQUIRED_TABLE_COLUMNS",
    "TABLE_SUFFIXES",
    "Rows",
    "canonical_columns",
    "decode_text",
    "detect_delimiter",
    "read_csv_rows",
    "read_metadata",
    "read_table",
]

REQUIRED_FOLDER_COLUMNS = ("file", "outlet")
REQUIRED_TABLE_COLUMNS = ("outlet", "text")
OPTIONAL_COLUMNS = ("id", "date", "headline", "url", "wire")
DOCUMENTED_COLUMNS = ("file", "outlet", "id", "date", "headline", "url", "wire", "text")  # any case, spacing
TABLE_NEEDS = (f"A table corpus needs outlet and text (news exports' names, such as media_name, source_domain "
               f"and maintext, are read as them); optional: {', '.join(OPTIONAL_COLUMNS)}")
TEXT_VALUED = ("id", "outlet", "text", "date", "headline", "url", "wire", "file")  # one string each
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
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

    UTF-8 (with or without a byte-order mark) is read as is, as is UTF-16 or UTF-32
    with a byte-order mark. Anything else is decoded with the encoding
    charset-normalizer detects (Windows-1252 where it fits as well as the best), and
    the caller should say so; so is a UTF-8 byte-order mark followed by other bytes.

    Raises
    ------
    CorpusError
        Bytes that are not text (NUL bytes, or no encoding fits), a byte-order mark
        followed by bytes that do not fit it, or UTF-8 with a few bad bytes (naming the
        offset of the first), naming ``name``.
    """
    decoded = _bom_decoded(data, name)
    if decoded is not None:
        return decoded
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    if b"\x00" in body:
        raise CorpusError(
            f"{name}: looks like a binary file, not text (it contains NUL bytes). "
            "Replace it with the article's plain text, or remove it and its metadata row."
        )
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if bom else 0)
    if _mostly_utf8(body):
        raise CorpusError(
            f"{name}: is not valid UTF-8 at byte {at:,} (0x{data[at]:02x}), though the rest of it is "
            "UTF-8. Re-save it as UTF-8 (or fix that byte), or remove it and its metadata row."
        )
    detected = _detected(body)
    if detected is None:
        raise CorpusError(
            f"{name}: is not valid UTF-8 at byte {at:,} (0x{data[at]:02x}), and no other encoding fits it. "
            "Re-save it as UTF-8 (the article's plain text), or remove it and its metadata row."
        )
    return detected


def _bom_decoded(data: bytes, name: str) -> tuple[str, str] | None:
    """``(text, encoding)`` of bytes starting with a UTF-16 or UTF-32 byte-order mark, else None."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"{name}: starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"({exc.reason} at byte {exc.start:,}). Re-save it as UTF-8."
                ) from None
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 hold more valid UTF-8 characters beyond ASCII than
    bad bytes: a UTF-8 text with a stray byte, which no other encoding would read right."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    return sum(1 for c in text if ord(c) > 0x7F) - bad > bad


def _detected(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` as charset-normalizer reads ``data``, or None if nothing fits."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    # Windows-1252 is by far the commonest non-UTF-8 encoding of English news;
    # charset-normalizer often ties it with cp1250 (or lists it only as an equivalent)
    # on short texts, which would turn "ñ" into "ń". Prefer it when it fits as well.
    for match in matches:
        if match.chaos <= best.chaos and match.coherence >= best.coherence and (
                "cp1252" in (match.encoding, *match.could_be_from_charset)):
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
                break
    try:
        return str(best), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def read_metadata(root: Path) -> Rows:
    """Read ``metadata.csv`` of the corpus folder ``root`` (resolved).

    Raises
    ------
    CorpusError
        No metadata.csv (listing what the folder holds), one that is a folder, a link
        leading out of the corpus, unreadable, not UTF-8, empty, a broken CSV, or
        lacking ``file``/``outlet`` (``outlet`` may be left out when every file is an
        HTML page, whose outlet the page gives).
    """
    path = metadata_path(root)
    needs = (f"A corpus folder's metadata.csv needs file and outlet (saved web pages, .html, may leave the "
             f"outlet to the page); optional: {', '.join(OPTIONAL_COLUMNS)}")
    return read_csv_rows(path, REQUIRED_FOLDER_COLUMNS, needs=needs, known=DOCUMENTED_COLUMNS, empty_ok=False,
                         exports=True, page_fields=("outlet",))


def read_csv_rows(path: Path, required: tuple[str, ...], *, needs: str, known: tuple[str, ...] = (),
                  empty_ok: bool = True, exports: bool = False, page_fields: tuple[str, ...] = ()) -> Rows:
    """Read a CSV file whose place was checked: the reader of ``metadata.csv``, a table
    ``.csv`` and the side tables (``actors.csv``, ``framing.csv``).

    Parameters
    ----------
    path:
        The file (UTF-8 with or without a byte-order mark, or UTF-16/32 with one).
    required:
        Columns it must have (unless it is empty and ``empty_ok``).
    needs:
        What the file needs, for the message when a required column is missing.
    known:
        Column names matched whatever their case and spacing (``Date`` is read as
        ``date``, with an info note).
    empty_ok:
        An empty file (or only blank lines) is a table with no columns and no rows.
    exports:
        Also read the column names news exports use (``helpers.corpus.columns``).
    page_fields:
        Required columns that may be left out when every ``file`` names an HTML page
        (``PAGE_SUFFIXES``), which gives them itself.

    Returns
    -------
    Rows
        Columns (stripped), records (every value a string), the physical line each
        record starts on; notes on the delimiter (comma, semicolon, tab or ``|``, from
        the header line), renamed columns and skipped blank rows.

    Raises
    ------
    CorpusError
        Unreadable, not UTF-8, empty (unless ``empty_ok``), a line with more values
        than the header names, a misplaced quote, two columns with one name, or a
        required column missing; each naming the file and line.
    """
    text = _unicode(read_bytes(path, str(path)), path, "Re-save it as UTF-8 CSV.")
    if not text.strip():
        if empty_ok:
            return Rows([], [], [], "line", [], [])
        raise CorpusError(
            f"{path}: is empty. It needs a header line naming the columns ({', '.join(required)}, ...) "
            "and one line per article."
        )
    return _csv_rows(text, path, required, needs, known, exports, page_fields)


def _unicode(data: bytes, path: Path, fix: str) -> str:
    """A CSV or JSONL file's text: UTF-8 (with or without a byte-order mark), or UTF-16/32 with one."""
    decoded = _bom_decoded(data, str(path))
    if decoded is not None:
        return decoded[0]
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: is not UTF-8 (byte {exc.start:,} is 0x{data[exc.start]:02x}). {fix}") from None


def read_table(path: Path) -> Rows:
    """Read a table corpus (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``, any case).

    Raises
    ------
    CorpusError
        An unreadable or broken file (naming the line), a list or object where a text
        belongs, undecodable bytes, two columns with one name, or missing
        ``outlet``/``text`` columns.
    """
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        table = _parquet_table(path)
        # only columns of Python objects can hold bytes, lists or dicts
        names = [str(c) for c in table.columns]
        columns, notes = canonical_columns(names, DOCUMENTED_COLUMNS, path.name, exports=True)
        renamed = dict(zip(names, columns, strict=False))
        loose = [renamed[str(c)] for c, dtype in table.dtypes.items() if pd.api.types.is_object_dtype(dtype)]
        table.columns = columns
        _missing(columns, REQUIRED_TABLE_COLUMNS, path, None, TABLE_NEEDS)
        records = table.to_dict("records")  # nullable dtypes: whole numbers as int, missing as None
        rows = Rows(columns, records, list(range(1, len(records) + 1)), "row", [None] * len(records), notes)
        return _text_values(rows, path.name, loose)
    if suffix == ".csv":
        return read_csv_rows(path, REQUIRED_TABLE_COLUMNS, needs=TABLE_NEEDS, known=DOCUMENTED_COLUMNS,
                             empty_ok=False, exports=True)  # every value is a string
    text = _unicode(read_bytes(path, str(path)), path, "Export it again as UTF-8.")
    rows = _jsonl_rows(text, path)
    return _text_values(rows, path.name, rows.columns)


def _missing(columns: list[str], required: tuple[str, ...], path: Path, delimiter: str | None, needs: str) -> None:
    missing = [c for c in required if c not in columns]
    if not missing:
        return
    read_as = ""
    if delimiter is not None and len(columns) <= 1:
        read_as = (f" The header was split at each {DELIMITERS[delimiter]} ({delimiter!r}); comma, semicolon, "
                   "tab and vertical bar are recognised: separate the column names with one of them.")
    raise CorpusError(
        f"{path}: lacks the column(s) {', '.join(missing)}. {needs}. "
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


def _header(values: list[str], name: str) -> list[str]:
    """Column names stripped (an empty one is "Unnamed: i"); a name given twice is an error."""
    out = [value.strip() or f"Unnamed: {i}" for i, value in enumerate(values)]
    twice = [c for c in dict.fromkeys(out) if out.count(c) > 1]
    if twice:
        places = {c: [str(i + 1) for i, o in enumerate(out) if o == c] for c in twice}
        listed = "; ".join(f"{c!r} (columns {', '.join(at[:-1])} and {at[-1]})" for c, at in places.items())
        raise CorpusError(f"{name}: the header names a column twice: {listed}. Each column needs a name of "
                          "its own: rename or remove the repeat.")
    return out


def _csv_rows(text: str, path: Path, required: tuple[str, ...], needs: str, known: tuple[str, ...],
              exports: bool, page_fields: tuple[str, ...] = ()) -> Rows:
    delimiter = detect_delimiter(text.lstrip("\r\n").split("\n", 1)[0])
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    header, records, lines, blank = _csv_records(text, path, delimiter)
    columns, notes = canonical_columns(header, known, path.name, exports=exports)
    records = [dict(zip(columns, values, strict=False)) for values in records]
    if page_fields and "file" in columns and all(
            str(r.get("file") or "").strip().lower().endswith(PAGE_SUFFIXES) for r in records):
        required = tuple(c for c in required if c not in page_fields)  # the pages give them
    _missing(columns, required, path, delimiter, needs)
    if delimiter != ",":
        notes.insert(0, ("info", f"{path.name}: columns are separated by {DELIMITERS[delimiter]}s ({delimiter!r}), "
                                 "read with that delimiter."))
    if blank:
        notes.append(("info", f"{path.name}: {len(blank)} blank line(s) (only delimiters or spaces) skipped: "
                              f"line(s) {', '.join(map(str, blank[:10]))}{' ...' if len(blank) > 10 else ''}."))
    return Rows(columns, records, lines, "line", [None] * len(records), notes)


def _csv_records(text: str, path: Path, delimiter: str) -> tuple[list[str], list[list[str]], list[int], list[int]]:
    """(header, each record's values padded to the header's width, the line each starts
    on, the lines of blank records skipped)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    records, lines, blank, problems = [], [], [], []
    start = 1
    try:
        for values in reader:
            line, start = start, reader.line_num + 1
            if not values:
                continue
            if header is None:
                header = _header(values, path.name)
                continue
            if not any(v.strip() for v in values):
                blank.append(line)
                continue
            if any(v.strip() for v in values[len(header):]):
                problems.append(
                    f"{path.name} line {line}: has {len(values)} values but the header names {len(header)} "
                    f"columns. A value holding a {DELIMITERS[delimiter]} must be in double quotes."
                )
                continue
            records.append(values[:len(header)] + [""] * (len(header) - len(values)))
            lines.append(line)
    except csv.Error as exc:
        problems.append(_quote_problem(path.name, start, reader.line_num, exc))
    raise_all(problems, f"{path} is not a readable CSV:")
    return header or [], records, lines, blank


def _quote_problem(name: str, start: int, at: int, exc: csv.Error) -> str:
    if "end of data" in str(exc):
        return (f"{name} line {start}: a quoted value opened in this record never closes (a double quote "
                "is missing), so the rest of the file would be one value. Add the closing quote.")
    return (f"{name} line {at}: a double quote is out of place ({exc}). A value holding quotes must be "
            'wholly in double quotes, each quote inside it doubled ("").')


def _jsonl_rows(text: str, path: Path) -> Rows:
    """One record per JSON line (``json.loads``: whole numbers stay Python ints)."""
    records, lines, problems = [], [], []
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
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
        raise CorpusError(
            f'{path}: holds no articles. Each line must be one article as {{"outlet": ..., "text": ...}}.'
        )
    keys = list(dict.fromkeys(str(k) for rec in records for k in rec))
    columns, notes = canonical_columns(keys, DOCUMENTED_COLUMNS, path.name, exports=True)
    renamed = dict(zip(keys, columns, strict=False))
    _missing(columns, REQUIRED_TABLE_COLUMNS, path, None, TABLE_NEEDS)
    records = [{renamed[str(k)]: v for k, v in rec.items()} for rec in records]
    records = [{c: rec.get(c) for c in columns} for rec in records]
    return Rows(columns, records, lines, "line", [None] * len(records), notes)


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
        # nullable dtypes: an integer column with a missing value keeps its whole numbers
        return pd.read_parquet(path, dtype_backend="numpy_nullable")
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
    for i, (rec, line) in enumerate(zip(rows.records, rows.lines, strict=False)):
        where = f"{name} {rows.line_word} {line}"
        for col in columns:
            value = rec[col]
            if isinstance(value, (bytes, bytearray, memoryview)):
                try:
                    rec[col], encoding = decode_text(bytes(value), name=where)
                except CorpusError as exc:
                    reason = str(exc).removeprefix(f"{where}: ").split(". ", 1)[0]
                    problems.append(f"{where}: the {col} value is bytes that are not text: it {reason}. "
                                    "Export that column as UTF-8 text (strings), or remove the row.")
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
