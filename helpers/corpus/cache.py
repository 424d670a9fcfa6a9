"""A cache of the loaded corpus tables, so each notebook of a build does not clean again.

Tables are stored as Parquet under ``.cache/tables/<key>/`` (git-ignored). The key is a
hash of the bytes of the files a load reads (``metadata.csv`` or the table, the side
tables, and the files ``metadata.csv`` names, or, without ``metadata.csv``, the folder's
saved web pages and web archives; all inside the corpus: a link leading out of it is
never opened; no other file in the folder is read), of the names of the folder's text
files, of the source of the helpers that make the tables and of the versions of the
libraries that read pages (``LIBRARIES``), so editing an article, the metadata, the
cleaning rules or upgrading the extractor invalidates it by itself. ``load_corpus``
checks the corpus path before the key is computed.
``table_key`` does the same for a table computed from another (the sentences of a large
corpus, keyed by its articles' ids, outlets and bodies and the splitting code).
Set ``NEWS_BUNDLE_CACHE=0`` to turn it off. A cache that cannot be written or read is
skipped, never an error.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd

from ..paths import CACHE_DIR
from ..versions import library_versions
from .rows import corpus_inputs

TABLES_DIR = CACHE_DIR / "tables"
KEEP_ENTRIES = 20  # older entries are deleted when a new one is written
# The code, word lists and model whose output is cached: every file these match, so a new
# module or data file of the cleaner is in the key without anyone listing it (a list by hand
# missed the line model and the header/dateline modules).
SOURCE_GLOBS = ("corpus/*.py", "clean/*.py", "nltk_data.py", "data/*.csv", "data/*.npz", "data/*.json")


def source_files(here: Path) -> list[Path]:
    """The files of ``SOURCE_GLOBS`` under the helpers folder ``here``, in a fixed order."""
    return sorted({path for pattern in SOURCE_GLOBS for path in here.glob(pattern)})


LIBRARIES = ("trafilatura", "htmldate", "justext", "lxml", "warcio", "charset-normalizer")  # whose output is cached


def enabled() -> bool:
    return os.environ.get("NEWS_BUNDLE_CACHE", "1") not in ("0", "false", "no", "")


def corpus_key(source: Path) -> str:
    """A hash of the corpus path, the files a load of it reads, and the helpers' code.

    The files are those ``helpers.corpus.rows.corpus_inputs`` lists: the table, or
    ``metadata.csv``, the side tables and the files it names inside the folder (links
    leading out are never opened), plus the names of the folder's text files (one no
    row names is warned about). A file that cannot be read, or a name that
    finds no file, counts as such (loading then says why). Check ``source`` first
    (``helpers.corpus.files.check_source``): a folder without ``metadata.csv`` is not read.
    """
    digest = hashlib.sha256(str(source).encode())  # messages in the tables name the corpus path
    here = Path(__file__).resolve().parent.parent  # helpers/
    for path in source_files(here):
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(library_versions(LIBRARIES))
    for name, path in corpus_inputs(source):
        digest.update(b"\0" + name.encode("utf-8", "surrogateescape") + b"\0")
        if path is None or not path.is_file():  # a pipe would block, a folder cannot be hashed: loading says what it is
            digest.update(b"\0not a file")
            continue
        try:
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            digest.update(b"\0unreadable")
    return digest.hexdigest()[:32]


def table_key(name: str, table: pd.DataFrame, columns: list[str], sources: tuple[str, ...]) -> str:
    """A hash of ``table[columns]`` (pandas' row hashes) and of the helpers' ``sources``."""
    digest = hashlib.sha256(name.encode())
    here = Path(__file__).resolve().parent.parent  # helpers/
    for source in sources:
        digest.update((here / source).read_bytes())
    digest.update(pd.util.hash_pandas_object(table[columns].astype(str), index=False).to_numpy().tobytes())
    return f"{name}-{digest.hexdigest()[:32]}"


def load(key: str, names: tuple[str, ...]) -> list[pd.DataFrame] | None:
    """The cached tables for ``key``, or None."""
    folder = TABLES_DIR / key
    try:
        # an integer column with a missing value comes back as integers, not floats
        return [pd.read_parquet(folder / f"{name}.parquet", to_pandas_kwargs={"integer_object_nulls": True})
                for name in names]
    except Exception:  # missing, partial or unreadable: rebuild
        return None


def save(key: str, tables: dict[str, pd.DataFrame]) -> None:
    """Store the tables for ``key`` (atomically: a half-written entry is never read)."""
    folder = TABLES_DIR / key
    tmp = TABLES_DIR / f".{key}.{os.getpid()}.tmp"
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name, table in tables.items():
            table.to_parquet(tmp / f"{name}.parquet", index=False)
        if folder.exists():
            shutil.rmtree(tmp, ignore_errors=True)
            return
        tmp.rename(folder)
    except Exception:  # e.g. a read-only checkout or a column Parquet cannot hold
        shutil.rmtree(tmp, ignore_errors=True)
        return
    entries = sorted((p for p in TABLES_DIR.iterdir() if not p.name.startswith(".")), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP_ENTRIES]:
        shutil.rmtree(old, ignore_errors=True)
