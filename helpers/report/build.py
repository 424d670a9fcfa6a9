"""Build the HTML report: run every notebook on a corpus and render it as a page (the command line too).

``python -m helpers.report`` executes each ``notebooks/*.ipynb`` in name order, each in a
fresh kernel, with papermill, injecting ``corpus_dir`` (the corpus to read) and
``data_dir`` (the report's ``data/`` folder, for CSV exports), and ``window_days`` and
``group_by`` (``--group-by lean``: a column of the corpus's outlets.csv, checked before any
notebook runs) into the notebooks that declare them. It writes one HTML page per
notebook, the executed notebooks and an ``index.html`` that lists each page with its
one-line finding.

Sharp edges:

- Notebooks run two at a time, each in its own kernel (one at a time for a corpus over
  ``LARGE_CORPUS_BYTES``, where each kernel holds the corpus in memory; ``jobs=`` or
  ``--jobs`` to choose). A notebook that fails does not stop the others: its page is still
  rendered, up to the error and with a banner saying why, and the index says which failed.
- The report folder (default ``reports/<corpus name>``) is the build's only when it is new,
  empty or marked by an earlier build; anything else is refused. Everything is built in a
  staging folder inside it and moved into place at the end; only the files the last build
  wrote are replaced (``helpers.report.folder``).
- Findings come from corpus text. The index escapes them. The notebook pages show outputs
  as the notebooks produced them (``helpers.display`` escapes tables).
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..paths import DEFAULT_CORPUS_DIR, NOTEBOOKS_DIR, REPORTS_DIR, resolve
from .folder import (
    ReportFolderError,
    default_out,
    discard_staging,
    make_staging,
    prepare_report_folder,
    publish,
    release,
)
from .index import index_html
from .notebook import (
    NotebookResult,
    build_notebook,
    display_path,
    progress,
)

__all__ = ["NotebookResult", "ReportFolderError", "build_reports", "check_options", "main"]

DEFAULT_TIMEOUT = 600  # seconds per cell, passed to nbclient
NOTEBOOK_JOBS = 2  # notebooks run at once by default (each kernel mostly keeps one core busy)
LARGE_CORPUS_BYTES = 200_000_000  # above this, one notebook at a time: each kernel holds the corpus
MAX_WINDOW_DAYS = 36_525  # a century: the largest --window-days taken
# Notebooks in the folder that are not the report's: nbconvert's and JupyterLab's copies.
SKIPPED_NOTEBOOK_SUFFIXES = (".nbconvert.ipynb", "-checkpoint.ipynb")


def build_reports(
    corpus_dir: str | Path,
    out_dir: str | Path | None = None,
    *,
    notebooks_dir: str | Path = NOTEBOOKS_DIR,
    code_free: bool = False,
    timeout: int = DEFAULT_TIMEOUT,
    window_days: int | None = None,
    jobs: int | None = None,
    group_by: str | None = None,
) -> list[NotebookResult]:
    """Execute every notebook on a corpus and write the HTML report to ``out_dir``.

    Parameters
    ----------
    corpus_dir : str or Path
        The corpus the notebooks read (relative paths are taken from the repo root).
    out_dir : str or Path, optional
        The report folder; default ``reports/<corpus name>``. It must be new, empty, or a
        report folder an earlier build wrote (see ``helpers.report.folder``): only the
        files that build wrote are replaced, whether this build succeeds or not.
    notebooks_dir : str or Path
        Folder whose ``*.ipynb`` are executed (name order; the kernels' cwd; nbconvert's copies skipped).
    code_free : bool
        Also write a copy of each page without any code to ``out_dir/no-code/``.
    timeout : int
        Seconds a single cell may run before the notebook counts as failed (at least 1).
    window_days : int, optional
        Passed to the notebooks that have this parameter (04_overlap): near-copies are
        looked for only between articles at most this many days apart (0 or more).
    jobs : int, optional
        Notebooks run at once, each in its own kernel (default: ``notebook_jobs``).
    group_by : str, optional
        A column of the corpus's outlets table (``lean``, ``owner`` ...): comparisons per group too.

    Returns
    -------
    list of NotebookResult
        One per notebook, in build order: ``name, status, finding, error, html, seconds,
        title, executed``.

    Raises
    ------
    FileNotFoundError
        If the corpus or the notebooks folder is missing, or holds no notebooks.
    ValueError
        If ``timeout``, ``window_days`` or ``jobs`` is out of range, or ``group_by`` is no outlets.csv column.
    ReportFolderError
        If ``out_dir`` is not the build's to write (``prepare_report_folder``).
    """
    corpus, nb_dir = resolve(corpus_dir), resolve(notebooks_dir)
    out = resolve(out_dir) if out_dir is not None else default_out(REPORTS_DIR, corpus)
    check_options(timeout=timeout, window_days=window_days, jobs=jobs)
    notebooks = _check_inputs(corpus, nb_dir, group_by)
    real, lock = prepare_report_folder(out, corpus=corpus.resolve(), same_corpus=out_dir is None)
    try:
        return _build_into(real, corpus, notebooks, code_free=code_free, timeout=timeout,
                           window_days=window_days, group_by=group_by, shown_out=out, jobs=notebook_jobs(corpus, jobs))
    finally:
        release(lock)


def _check_inputs(corpus: Path, nb_dir: Path, group_by: str | None) -> list[Path]:
    """The notebooks to run, once the notebooks, the corpus and ``group_by`` (a column of the
    corpus's outlets table: ``helpers.groups.check_group_by``) are found to be there."""
    notebooks = _find_notebooks(nb_dir)
    if not corpus.exists():
        raise FileNotFoundError(f"corpus not found: {corpus}")
    if group_by:
        from ..groups import check_group_by  # here: it loads the corpus and analysis layers (2.5 s of imports)

        check_group_by(corpus, group_by)
    return notebooks


def _build_into(
    real: Path,
    corpus: Path,
    notebooks: list[Path],
    *,
    code_free: bool,
    timeout: int,
    window_days: int | None,
    shown_out: Path,
    jobs: int,
    group_by: str | None = None,
) -> list[NotebookResult]:
    """Build every notebook in a staging folder inside ``real``, then publish it there."""
    try:
        staging = make_staging(real)
    except OSError as exc:
        raise ReportFolderError(f"--out {shown_out}: cannot write there ({exc.strerror or exc})") from None
    try:
        for sub in ("data", "executed") + (("no-code",) if code_free else ()):
            (staging / sub).mkdir()
        parameters = {"corpus_dir": str(corpus), "data_dir": str(staging / "data")}
        if window_days is not None:
            parameters["window_days"] = window_days
        if group_by:
            parameters["group_by"] = group_by
        shown = {"corpus_dir": display_path(corpus), "data_dir": display_path(shown_out / "data")}
        results = _run_notebooks(notebooks, staging, parameters, shown, code_free=code_free, timeout=timeout,
                                 jobs=jobs)
        explorer = _write_explorer(staging, results, corpus=shown["corpus_dir"])
        index = index_html(results, corpus=shown["corpus_dir"], code_free=code_free, explorer=explorer)
        (staging / "index.html").write_text(index, encoding="utf-8")
    except BaseException:
        discard_staging(staging)
        raise
    try:
        publish(staging, real, corpus=corpus.resolve())
    except OSError as exc:  # a full disk, a file made read-only
        discard_staging(staging)
        raise ReportFolderError(
            f"{real}: the report could not be put in place ({exc.strerror or exc}); "
            "some of its files may be missing: fix that and build again"
        ) from None
    return results


def _write_explorer(staging: Path, results: list[NotebookResult], *, corpus: str) -> str | None:
    """Write ``explorer.html`` from the tables the notebooks wrote; its name, or None when there is
    nothing to explore (a failed build, or notebooks that wrote none of the explorer's tables)."""
    from ..explorer import TABLES as EXPLORER_TABLES  # here, not at import: a notebook worker never needs it
    from ..explorer import write_explorer

    data = staging / "data"
    if any(r.status != "ok" for r in results) or not any((data / f"{n}.csv").is_file() for n in EXPLORER_TABLES):
        return None
    progress("explorer.html ...")
    return write_explorer(data, staging, corpus=corpus).name


# Each numeric option: (least, most or None, what it is), read by check_options and the command line alike.
OPTION_BOUNDS = {
    "timeout": (1, None, "the seconds a cell may run"),
    "window_days": (0, MAX_WINDOW_DAYS, "the largest gap in days between two articles whose near-copies are "
                    "looked for; leave it out for no limit"),
    "jobs": (1, None, "how many notebooks may run at once"),
}


def option_problem(name: str, number: int) -> str | None:
    """None if ``number`` is in ``OPTION_BOUNDS[name]``, else what is wrong and what to give."""
    low, high, what = OPTION_BOUNDS[name]
    allowed = f"{low} or more" if high is None else f"{low} to {high:,}"
    shown = str(number)[:20]
    if number < low:
        return f"{shown} is {'negative' if number < 0 else 'too small'}; give {allowed} ({what})"
    if high is not None and number > high:
        return f"{shown} is too large; give {allowed} ({what})"
    return None


def check_options(*, timeout: int, window_days: int | None, jobs: int | None = None) -> None:
    """Raise ValueError, saying what to pass, for a timeout, window or jobs out of range."""
    for name, number in (("jobs", jobs), ("timeout", timeout), ("window_days", window_days)):
        problem = None if number is None else option_problem(name, number)
        if problem:
            raise ValueError(f"--{name.replace('_', '-')} {problem}")


def notebook_jobs(corpus: Path, jobs: int | None = None) -> int:
    """How many notebooks to run at once: ``jobs`` if given, else ``NOTEBOOK_JOBS`` (at most the
    cores), or 1 for a corpus whose files hold more than ``LARGE_CORPUS_BYTES``."""
    if jobs is not None:
        return jobs
    size = corpus.stat().st_size if corpus.is_file() else sum(
        p.lstat().st_size for p in corpus.rglob("*") if p.is_file() and not p.is_symlink())
    return 1 if size > LARGE_CORPUS_BYTES else max(1, min(NOTEBOOK_JOBS, os.cpu_count() or 1))


def _run_notebooks(
    notebooks: list[Path],
    staging: Path,
    parameters: dict,
    shown: dict[str, str],
    *,
    code_free: bool,
    timeout: int,
    jobs: int,
) -> list[NotebookResult]:
    """Build every notebook into ``staging``, ``jobs`` at a time (each in its own process, so
    papermill's change of directory stays its own); report them in name order."""
    build = functools.partial(build_notebook, staging=staging, parameters=parameters, shown=shown,
                              code_free=code_free, timeout=timeout)
    if jobs == 1 or len(notebooks) == 1:
        outcomes = (build(path) for path in notebooks)
        return [_report(n, len(notebooks), path, *outcome) for n, (path, outcome)
                in enumerate(zip(notebooks, outcomes, strict=True), start=1)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(build, path) for path in notebooks]
        return [_report(n, len(notebooks), path, *future.result()) for n, (path, future)
                in enumerate(zip(notebooks, futures, strict=True), start=1)]


def _report(number: int, total: int, path: Path, result: NotebookResult, detail: list[str]) -> NotebookResult:
    """Print one whole line per notebook (a kernel's own stderr may print in between)."""
    progress(f"[{number}/{total}] {path.stem} ... {result.status} ({result.seconds:.1f} s)")
    if result.status == "failed":
        progress(f"{display_path(path)} failed at {result.error}")
        for line in detail:
            progress(f"    {line}")
    return result


def _option_type(name: str):
    """An argparse type reading a whole number within ``OPTION_BOUNDS[name]``."""
    def read(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value[:20]!r} is not a whole number") from None
        problem = option_problem(name, number)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return number
    return read


def main(argv: list[str] | None = None) -> int:
    """Run the build from the command line.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name; defaults to ``sys.argv[1:]``.

    Returns
    -------
    int
        0 if every notebook ran, 1 if one failed, 2 if the build could not start
        (a bad option, a missing corpus, an output folder that is not the build's).
    """
    args = _parser().parse_args(argv)
    try:
        out = resolve(args.out) if args.out is not None else None
        results = build_reports(
            args.corpus,
            out,
            notebooks_dir=args.notebooks,
            code_free=args.no_code,
            timeout=args.timeout,
            window_days=args.window_days,
            jobs=args.jobs,
            group_by=args.group_by,
        )
        out = out or default_out(REPORTS_DIR, resolve(args.corpus))
    except (OSError, RuntimeError, ValueError, ReportFolderError) as exc:  # FileNotFoundError too
        progress(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        progress("interrupted: the report folder is as it was before this build")
        return 130
    progress(f"Report: {out.resolve() / 'index.html'}")
    return 1 if any(r.status != "ok" for r in results) else 0


def _parser() -> argparse.ArgumentParser:
    """The command line's options, each checked as it is read."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.report",
        description="Execute every notebook on a corpus and write the HTML report.",
    )
    parser.add_argument("--corpus", default=DEFAULT_CORPUS_DIR, help="corpus folder or file")
    parser.add_argument(
        "--out", default=None,
        help="report folder: new, empty, or one an earlier build wrote (default: reports/<corpus name>)",
    )
    parser.add_argument("--notebooks", default=NOTEBOOKS_DIR, help="notebooks folder")
    parser.add_argument(
        "--no-code", action="store_true", help="also write code-free pages to OUT/no-code/"
    )
    parser.add_argument(
        "--timeout", type=_option_type("timeout"), default=DEFAULT_TIMEOUT, help="seconds allowed per cell"
    )
    parser.add_argument(
        "--window-days", type=_option_type("window_days"), default=None,
        help="shared passages: look for near-copies only between articles at most this many days apart "
        "(for a large corpus; see README, Large corpora)",
    )
    parser.add_argument(
        "--jobs", type=_option_type("jobs"), default=None,
        help=f"notebooks run at once, each in its own kernel (default {NOTEBOOK_JOBS}; 1 for a corpus over "
        f"{LARGE_CORPUS_BYTES // 1_000_000} MB)",
    )
    parser.add_argument(
        "--group-by", default=None, metavar="COLUMN",
        help="also compare groups of outlets: a column of the corpus's outlets.csv (lean, owner, country, type, "
        "audience or one of your own)",
    )
    return parser


def _find_notebooks(nb_dir: Path) -> list[Path]:
    """Return the notebooks to build, sorted by name; raise if there are none.

    nbconvert's output copies (``x.nbconvert.ipynb``) and JupyterLab's checkpoints are
    skipped, with a line saying so.
    """
    if not nb_dir.is_dir():
        raise FileNotFoundError(f"notebooks folder not found: {nb_dir}")
    found = sorted(nb_dir.glob("*.ipynb"))
    skipped = [p for p in found if p.name.endswith(SKIPPED_NOTEBOOK_SUFFIXES)]
    for path in skipped:
        progress(f"skipped {display_path(path)}: a copy nbconvert or JupyterLab wrote, not a report notebook")
    notebooks = [p for p in found if p not in skipped]
    if not notebooks:
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {nb_dir}")
    return notebooks


