"""Which files belong to a corpus, checked before anything is opened.

A corpus is its folder (or its one table file). A file name from its metadata that is
absolute, climbs out with ``..``, or is (or sits under) a symbolic link resolving
outside the folder is refused; a link to another file inside the folder is fine. Names
are matched whatever their Unicode form (a ``café.txt`` in the metadata finds a
decomposed ``café.txt`` on disk). The side tables (``actors.csv``, ``framing.csv``) of a
folder sit inside it, those of a table ``export.csv`` beside it as ``export.actors.csv``.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from .corpus_errors import CorpusError
from .paths import resolve

COPY_HINT = "Copy the article into the corpus folder and give its name relative to that folder."


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
        raise CorpusError(f"file {name!r} does not exist in {root}. Fix the name or remove the row.")
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
        The table's name: ``"actors"`` or ``"framing"``.

    Returns
    -------
    Path
        ``<folder>/<name>.csv`` for a folder corpus; ``<dir>/<stem>.<name>.csv`` beside a
        table corpus ``<dir>/<stem>.csv`` (``export.parquet`` -> ``export.actors.csv``).

    Raises
    ------
    CorpusError
        The file exists as a symbolic link leading out of the corpus folder (or, for a
        table corpus, out of the folder the table is in).
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
    return path


def corpus_files(root: Path) -> list[tuple[str, Path]]:
    """Every regular file under the corpus folder ``root`` that resolves inside it.

    Returns
    -------
    list of (str, Path)
        Relative name (``/``-separated) and path, sorted by name. Links leading outside,
        links to folders (their targets inside are listed under their own names),
        pipes and devices are left out; none is opened.
    """
    root = root.resolve()
    found = []
    for folder, _dirs, names in os.walk(root, followlinks=False):
        for name in names:
            path = Path(folder) / name
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except (OSError, RuntimeError):
                continue
            if regular and is_inside(path, root):
                found.append((path.relative_to(root).as_posix(), path))
    return sorted(found, key=lambda item: item[0])


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
