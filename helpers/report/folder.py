"""The report folder: the build writes only into a folder it owns, and deletes only what it wrote.

A report folder carries a mark, ``.news-bundle-report.json``, listing every file the last
build wrote there. The build

- creates ``--out`` (or takes an empty folder) and marks it at once;
- refuses any other folder that holds something (a user's site, a thesis, photos), and
  any folder that contains the corpus or lies inside it;
- builds into a staging folder inside the report folder, made by ``tempfile.mkdtemp`` so
  its name cannot be a user's, and moves each new file into place at the end;
- on a rebuild deletes only the files the previous build's mark lists, so a user's own
  files beside the report, or a second report built into a subfolder, are kept.

A symlinked ``--out`` is followed: the report goes into the folder it points to.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

MARK_FILE = ".news-bundle-report.json"  # the build's mark in every report folder it owns
MARK_TOOL = "news-coverage-helpers report"  # what the mark says wrote the folder
STAGING_PREFIX = ".building-"  # staging folders: mkdtemp names inside the report folder
STAGING_MARK = ".news-bundle-staging"  # in every staging folder, so a leftover is known as ours
LOCK_FILE = ".news-bundle-report.lock"  # held (flock) by the build writing the folder
MAX_LISTED = 5  # a user's files named in a refusal


class ReportFolderError(RuntimeError):
    """The output folder is not the build's to write, so the build refuses to start."""


def default_out(reports_dir: Path, corpus: Path) -> Path:
    """Return the default report folder for a corpus: ``reports/<corpus name>``.

    The folder's name for a corpus folder, the file's stem for a table corpus, so that
    corpora built side by side each keep their report.
    """
    return reports_dir / (corpus.stem if corpus.is_file() else corpus.name)


def prepare_report_folder(out: Path, *, corpus: Path, same_corpus: bool = False) -> tuple[Path, int]:
    """Check that the build may write into ``out``, create, mark and lock it.

    Parameters
    ----------
    out : Path
        The report folder asked for (``--out``). A symlink is followed.
    corpus : Path
        The corpus (folder or table file); the report may neither contain it nor lie in it.
    same_corpus : bool
        Refuse a report folder that an earlier build made from another corpus (for the
        default ``--out``, where two corpora of the same name would meet).

    Returns
    -------
    (Path, int)
        The report folder's resolved path, existing and carrying the mark, and the file
        descriptor of its lock, held until ``release`` (or the process ends).

    Raises
    ------
    ReportFolderError
        ``out`` is a file, a broken symlink, contains the corpus or lies inside it, holds
        files without the build's mark, is being written by another build, or cannot be
        written.
    """
    try:
        real = _checked_real(out, corpus.resolve())
        real.mkdir(parents=True, exist_ok=True)
        mark = read_mark_record(real)
        if mark is None:
            foreign = sorted(p.name for p in real.iterdir())
            if foreign:
                raise ReportFolderError(_refusal(out, foreign))
            _write_mark(real, [], corpus=str(corpus))
        elif same_corpus and mark.get("corpus") not in (None, str(corpus)):
            raise ReportFolderError(
                f"{out} holds the report of another corpus, {mark['corpus']}; pass --out with a "
                f"folder of its own for {corpus} (e.g. --out reports/{corpus.parent.name}_{corpus.name})"
            )
        lock = _lock(real, out)
        _remove_leftover_staging(real)
    except ReportFolderError:
        raise
    except PermissionError as exc:
        raise ReportFolderError(
            f"--out {out}: cannot write there ({exc.strerror}); choose a folder you can write to"
        ) from None
    except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop, a full disk
        raise ReportFolderError(f"--out {out}: cannot be used ({getattr(exc, 'strerror', None) or exc})") from None
    return real, lock


def release(lock: int) -> None:
    """Release the lock ``prepare_report_folder`` took."""
    os.close(lock)


def _checked_real(out: Path, corpus: Path) -> Path:
    """``out`` resolved, after the checks that need no writing (see ``prepare_report_folder``)."""
    if out.is_symlink() and not out.exists():
        raise ReportFolderError(f"--out {out} is a symlink to {os.readlink(out)}, which does not exist or loops")
    real = out.resolve(strict=False)
    if real.exists() and not real.is_dir():
        raise ReportFolderError(f"--out {out} is a file, not a folder; choose a folder for the report")
    if corpus.is_relative_to(real):
        raise ReportFolderError(
            f"--out {out} contains the corpus {corpus}; the build never writes where the corpus is. "
            "Choose a folder outside it, e.g. reports/<name>"
        )
    if corpus.is_dir() and real.is_relative_to(corpus):
        raise ReportFolderError(
            f"--out {out} lies inside the corpus folder {corpus}, which the build never writes to. "
            "Choose a folder outside it, e.g. reports/<name>"
        )
    return real


def _lock(real: Path, out: Path) -> int:
    """Take the report folder's lock, or refuse when another build holds it."""
    fd = os.open(real / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise ReportFolderError(
            f"--out {out}: another build is writing this report now; wait for it to finish, or "
            "choose another --out"
        ) from None
    return fd


def make_staging(real: Path) -> Path:
    """Create a fresh staging folder inside the report folder and mark it as the build's."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=real))
    (staging / STAGING_MARK).write_text(MARK_TOOL + "\n", encoding="utf-8")
    return staging


def discard_staging(staging: Path) -> None:
    """Delete a staging folder made by ``make_staging`` (it holds only what the build wrote)."""
    if (staging / STAGING_MARK).is_file():
        shutil.rmtree(staging)


def publish(staging: Path, real: Path, *, corpus: Path) -> list[str]:
    """Move the staged report into the report folder, replacing only the last build's files.

    The files the mark lists and the new build does not write are deleted; the others are
    replaced one by one (``index.html`` last, after the old one is gone, so an old index
    never links to new pages); files the mark does not list are never touched. Before
    anything moves, every new file's place is checked: a file of the user's there (or
    where the build needs a folder), or a folder of the report replaced by a symlink
    leading elsewhere, stops the build with nothing changed.

    Returns
    -------
    list of str
        The files now in the report, relative POSIX paths, as the new mark lists them.
    """
    new = sorted(
        p.relative_to(staging).as_posix() for p in staging.rglob("*")
        if p.is_file() and p.name != STAGING_MARK
    )
    old = set(read_mark(real) or [])
    problems = [problem for rel in new if (problem := _blocked(real, rel, old))]
    if problems:
        discard_staging(staging)
        raise ReportFolderError(
            f"{real}: {'; '.join(problems[:MAX_LISTED])}. The build did not write that and will not "
            "overwrite it or write through it; move it away and build again"
        )
    for rel in sorted(old - set(new)) + (["index.html"] if "index.html" in old else []):
        _remove_file(real, rel)
    for rel in sorted(new, key=lambda r: r == "index.html"):
        target = real / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, target)
    _write_mark(real, new, corpus=str(corpus))
    discard_staging(staging)
    return new


def _blocked(real: Path, rel: str, old: set[str]) -> str | None:
    """Why the new file ``rel`` cannot be put in place, or None when it can."""
    parts = PurePosixPath(rel).parts
    for i in range(1, len(parts)):
        folder = real.joinpath(*parts[:i])
        if folder.is_symlink():
            return f"{'/'.join(parts[:i])} is a symlink to {os.readlink(folder)}"
        if os.path.lexists(folder) and not folder.is_dir():
            return f"{'/'.join(parts[:i])} is a file where the report needs a folder"
    target = real / rel
    if rel not in old and os.path.lexists(target):
        return f"{rel} exists"
    if target.is_dir() and not target.is_symlink():
        return f"{rel} is a folder"
    return None  # a file or symlink the last build wrote: replaced itself, never followed


def read_mark_record(real: Path) -> dict | None:
    """Return the mark in ``real`` (``tool``, ``corpus``, ``files``), or None when there is
    no valid mark (missing, a symlink, damaged, or written by another tool)."""
    path = real / MARK_FILE
    if path.is_symlink() or not path.is_file():
        return None
    try:
        mark = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(mark, dict) or mark.get("tool") != MARK_TOOL or not isinstance(mark.get("files", []), list):
        return None
    return mark


def read_mark(real: Path) -> list[str] | None:
    """Return the files the mark in ``real`` lists, or None when there is no valid mark."""
    mark = read_mark_record(real)
    if mark is None:
        return None
    return [f for f in mark.get("files", []) if isinstance(f, str) and _is_relative_inside(f)]


def _write_mark(real: Path, files: list[str], *, corpus: str) -> None:
    """Write the mark listing ``files`` and the corpus they were built from (atomically)."""
    text = json.dumps({"tool": MARK_TOOL, "corpus": corpus, "files": files}, indent=1) + "\n"
    tmp = real / (MARK_FILE + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, real / MARK_FILE)


def _remove_file(real: Path, rel: str) -> None:
    """Delete one file the build wrote (a symlink itself, never its target), and any
    folder of the report left empty by it."""
    path = real / rel
    if not _is_relative_inside(rel) or not (path.is_file() or path.is_symlink()):
        return
    folder = path.parent.resolve()
    if not folder.is_relative_to(real):  # a folder of ours replaced by a symlink
        return
    path.unlink()
    parent = path.parent
    while parent != real and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def _remove_leftover_staging(real: Path) -> None:
    """Delete staging folders an interrupted build left (only those carrying our mark)."""
    for path in real.glob(STAGING_PREFIX + "*"):
        if path.is_dir() and not path.is_symlink():
            discard_staging(path)


def _is_relative_inside(rel: str) -> bool:
    """True for a relative POSIX path that stays inside its folder (no ``..``, not absolute)."""
    pure = PurePosixPath(rel)
    return bool(rel) and not pure.is_absolute() and ".." not in pure.parts


def _refusal(out: Path, foreign: list[str]) -> str:
    """The message for a folder that holds files and no report mark."""
    shown = ", ".join(foreign[:MAX_LISTED]) + (
        f" and {len(foreign) - MAX_LISTED} more" if len(foreign) > MAX_LISTED else ""
    )
    why = (f"its {MARK_FILE} is not one this build wrote (a symlink, damaged, or another tool's)"
           if MARK_FILE in foreign else f"it has no {MARK_FILE}, which every build writes")
    return (
        f"--out {out} already holds {shown}, and it is not a report folder ({why}). "
        "The build writes only into a new or empty folder, or one it "
        "built before, so it cannot delete your files. Choose another --out (a new folder is "
        "created), or empty this one yourself."
    )
