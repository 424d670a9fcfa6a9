"""Which files belong to a corpus, checked before anything is opened.

A corpus is its folder (or its one table file). A file name from its metadata that is
absolute, climbs out with ``..``, or is (or sits under) a symbolic link resolving
outside the folder is refused; a link to another file inside the folder is fine. Names
are matched whatever their Unicode form (a ``café.txt`` in the metadata finds a
decomposed ``café.txt`` on disk). The side tables (``actors.csv``, ``framing.csv``) of a
folder sit inside it, those of a table ``export.csv`` beside it as ``export.actors.csv``
(never a symbolic link: the folder of a table is not the corpus). ``check_source`` checks
what a corpus path is before anything in it is read.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..paths import resolve
from .errors import CorpusError

COPY_HINT = "Copy the article into the corpus folder and give its name relative to that folder."
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
PAGE_SUFFIXES = (".html", ".htm")  # a saved web page (any case)
WARC_SUFFIXES = (".warc", ".warc.gz")  # a web archive (any case)


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path`` resolves (following every symbolic link) inside ``root``.

    ``root`` must already be resolved. Nothing is opened: resolving reads links only.
    """
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL byte: not inside
        return False


def _is_absolute(name: str) -> bool:
    return PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or bool(PureWindowsPath(name).drive)


def _match_unicode_form(root: Path, name: str) -> Path | None:
    """``root / name`` with each part matched by its NFC form, when only the form differs."""
    current = root
    for part in PurePosixPath(name).parts:
        if (current / part).exists():
            current = current / part
            continue
        if part == ".." or not current.is_dir():
            return None
        wanted = unicodedata.normalize("NFC", part)
        found = [p for p in current.iterdir() if unicodedata.normalize("NFC", p.name) == wanted]
        if len(found) != 1:
            return None
        current = found[0]
    return current


def locate(root: Path, name: str) -> Path:
    """The path of the article file ``name`` (from the metadata) inside the corpus ``root``.

    Parameters
    ----------
    root:
        The corpus folder, resolved.
    name:
        The ``file`` cell: a name relative to the folder (``a.txt``, ``sub/a.txt``).

    Returns
    -------
    Path
        ``root / name`` as found on disk (its Unicode form may differ from the cell's).

    Raises
    ------
    CorpusError
        The reason, without the metadata line (the caller adds it): the name is
        absolute, leads outside the folder, names a folder, or no such file exists.
    """
    if "\x00" in name:
        raise CorpusError(f"file {name!r} holds a NUL character, which no file name can. Fix the name.")
    if _is_absolute(name):
        raise CorpusError(
            f"file {name!r} is an absolute path; a corpus reads only files inside its folder {root}. {COPY_HINT}"
        )
    path = root / name
    try:
        target = path.resolve()
    except (OSError, RuntimeError):
        raise CorpusError(f"file {name!r} is a symbolic link that loops or cannot be followed. {COPY_HINT}") from None
    if not target.is_relative_to(root):
        raise CorpusError(
            f"file {name!r} leads outside the corpus folder {root} (to {target}); nothing outside the "
            f"corpus is read. {COPY_HINT}"
        )
    if not path.exists():
        path = _match_unicode_form(root, name) or path
        if not is_inside(path, root):
            raise CorpusError(f"file {name!r} leads outside the corpus folder {root}. {COPY_HINT}")
    if path.is_dir():
        raise CorpusError(f"{name!r} is a folder, not a file. Name the article's text file inside it.")
    if not path.exists():
        slash = "; use / between folders (sub/a.txt), not \\" if "\\" in name else ""
        raise CorpusError(f"file {name!r} does not exist in {root}. Fix the name{slash}, or remove the row.")
    if not path.is_file():
        raise CorpusError(f"{name!r} is not a regular file (a device or a pipe?). Save the article as a text file.")
    return path


def _target(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return "a link that loops"


def side_table_path(corpus: str | Path, name: str) -> Path:
    """Where a side table of a corpus lives (it need not exist).

    Parameters
    ----------
    corpus:
        A corpus folder or table file (a relative path is taken from the repository root).
    name:
        The table's name: ``"actors"``, ``"framing"`` or ``"outlets"``.

    Returns
    -------
    Path
        ``<folder>/<name>.csv`` for a folder corpus; ``<dir>/<stem>.<name>.csv`` beside a
        table corpus ``<dir>/<stem>.csv`` (``export.parquet`` -> ``export.actors.csv``).

    Raises
    ------
    CorpusError
        The file is a symbolic link leading out of the corpus folder; for a table
        corpus, a symbolic link at all (the folder the table is in is not the corpus).
    """
    source = resolve(corpus)
    if source.is_dir():
        root, path = source.resolve(), source / f"{name}.csv"
    else:
        root, path = source.parent.resolve(), source.parent / f"{source.stem}.{name}.csv"
    if (path.exists() or path.is_symlink()) and not is_inside(path, root):
        raise CorpusError(
            f"{path}: is a link leading outside the corpus folder {root} (to {_target(path)}); nothing "
            f"outside the corpus is read. Copy the {name} table into {root} as {path.name}."
        )
    if path.is_symlink() and not source.is_dir():
        raise CorpusError(
            f"{path}: is a symbolic link (to {_target(path)}); the {name} table of a table corpus must be a "
            f"file of its own beside the table, since the folder holding the table is not the corpus. "
            f"Copy the {name} table there as {path.name} in place of the link."
        )
    return path


def metadata_path(root: Path) -> Path:
    """The ``metadata.csv`` of the corpus folder ``root`` (resolved), checked, not opened.

    Raises
    ------
    CorpusError
        No metadata.csv (listing what the folder holds), one that is a folder, a link
        leading out of the corpus, or not a regular file (a pipe would block).
    """
    path = root / "metadata.csv"
    if not path.exists() and not path.is_symlink():
        files = sorted(p.name for p in root.iterdir() if not p.name.startswith("."))
        if not files:
            raise CorpusError(
                f"Corpus folder {root} is empty. Put the article text files there, with a "
                "metadata.csv listing them (columns: file,outlet[,date,headline,url,wire]), or saved web "
                "pages (.html) or web archives (.warc) that need none."
            )
        listed = ", ".join(files[:5]) + (" ..." if len(files) > 5 else "")
        raise CorpusError(
            f"{root} has no metadata.csv. Add one with at least the columns file,outlet and one "
            f"row per article file (the folder holds: {listed}); saved web pages (.html, .htm) and web "
            "archives (.warc, .warc.gz) need none."
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
    return path


def check_source(source: Path) -> str:
    """What the corpus path ``source`` (absolute) is, "folder", "pages" (a folder of saved
    web pages or web archives without ``metadata.csv``) or "table", checked before
    anything in it is read (so a wrong path never has a whole folder read).

    Raises
    ------
    CorpusError
        It does not exist; it is a folder without a usable ``metadata.csv`` (see
        ``metadata_path``); it is a ``metadata.csv`` (pass its folder); it is neither a
        folder nor a regular file with a table suffix.
    """
    tables = "/".join(TABLE_SUFFIXES)
    if not source.exists():
        raise CorpusError(
            f"Corpus not found: {source}. Pass a folder holding metadata.csv and the article "
            f"files, or a {tables} table with outlet and text columns."
        )
    if source.is_dir():
        root = source.resolve()
        if not (root / "metadata.csv").exists() and not (root / "metadata.csv").is_symlink() and page_files(root):
            return "pages"
        metadata_path(root)
        return "folder"
    if source.name.lower() == "metadata.csv":
        raise CorpusError(
            f"{source}: is the metadata of a corpus folder; pass the folder that holds metadata.csv "
            f"({source.parent}), not the file itself."
        )
    if source.suffix.lower() in TABLE_SUFFIXES and source.is_file():
        return "table"
    raise CorpusError(f"{source}: is neither a corpus folder nor a {tables} table.")


def page_files(root: Path) -> list[Path]:
    """The saved web pages and web archives (``PAGE_SUFFIXES``, ``WARC_SUFFIXES``, any case) directly
    in the folder ``root`` (resolved), by name, links leading outside it included (the
    reader refuses them by name); nothing is opened."""
    suffixes = PAGE_SUFFIXES + WARC_SUFFIXES
    try:
        return sorted(p for p in root.iterdir() if p.name.lower().endswith(suffixes) and not p.name.startswith(".")
                      and not p.is_dir())
    except OSError:
        return []


def unreadable(where: str, exc: OSError) -> CorpusError:
    """The message for a corpus file that exists but cannot be opened."""
    if isinstance(exc, PermissionError):
        return CorpusError(
            f"{where}: cannot be read (permission denied). Give your user read permission on it "
            "(chmod u+r), or copy it into the corpus folder as yourself."
        )
    if isinstance(exc, IsADirectoryError):
        return CorpusError(f"{where}: is a folder, not a file. Name the file itself.")
    return CorpusError(f"{where}: cannot be read ({exc.strerror or exc}). Check the file and try again.")


def read_bytes(path: Path, where: str) -> bytes:
    """The bytes of a corpus file whose place was checked (``locate``, ``is_inside``).

    Raises
    ------
    CorpusError
        The file cannot be read (permission denied, a folder, gone), naming ``where``.
    """
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(where, exc) from None
