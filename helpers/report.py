"""Build the HTML report: run every notebook on a corpus and render it as a page.

``python -m helpers.report`` executes each ``notebooks/*.ipynb`` in name order, each in a
fresh kernel, with papermill, injecting ``corpus_dir`` (the corpus to read) and
``data_dir`` (the report's ``data/`` folder, for CSV exports). It writes one HTML page per
notebook, the executed notebooks and an ``index.html`` that lists each page with its
one-line finding.

Sharp edges:

- The build stops at the first notebook that fails. Its page is still rendered, up to the
  error and with a banner saying why; later notebooks are marked "not run".
- The report folder (default ``reports/<corpus name>``) is the build's only when it is new,
  empty or marked by an earlier build; anything else is refused. Everything is built in a
  staging folder inside it and moved into place at the end; only the files the last build
  wrote are replaced (``helpers.report_folder``).
- Findings come from corpus text. The index escapes them. The notebook pages show outputs
  as the notebooks produced them (``helpers.display`` escapes tables).
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import nbformat
import papermill
from nbconvert import HTMLExporter
from papermill.exceptions import PapermillExecutionError
from papermill.translators import papermill_translators, translate_parameters
from traitlets.config import Config

from helpers.paths import DEFAULT_CORPUS_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR, resolve
from helpers.report_folder import (
    ReportFolderError,
    default_out,
    discard_staging,
    make_staging,
    prepare_report_folder,
    publish,
    release,
)

KERNEL_NAME = "python3"
LANGUAGE = "python"
DEFAULT_TIMEOUT = 600  # seconds per cell, passed to nbclient
MAX_FINDING_CHARS = 600  # the index shows each notebook's finding, cut past this
MAX_ERROR_LINES = 5  # lines of the error value printed to stderr
# Cell tags: remove-* are Jupyter Book's, *parameters papermill's, finding this bundle's.
TAG_REMOVE_CELL = "remove-cell"
TAG_REMOVE_INPUT = "remove-input"
TAG_FINDING = "finding"
TAG_PARAMETERS = "parameters"
TAG_INJECTED = "injected-parameters"
TAG_PAPERMILL_ERROR = "papermill-error-cell-tag"  # papermill's own "failed here" markers
HIDING_TAGS = {TAG_REMOVE_CELL, TAG_REMOVE_INPUT, TAG_PARAMETERS}
# Parameters the build injects; every notebook must declare corpus_dir.
REQUIRED_PARAMETERS = ("corpus_dir",)
VOLATILE_PAPERMILL_KEYS = ("start_time", "end_time", "duration", "output_path")
# Kernels log at this level: hides ipykernel's "running over TCP without encryption" warning
# and the "KeyboardInterrupt caught in kernel" that jupyter_client's shutdown (an interrupt,
# then a shutdown request) makes it print while all is well. Cell errors still reach the page.
KERNEL_LOG_LEVEL = "CRITICAL"
# Notebooks in the folder that are not the report's: nbconvert's and JupyterLab's copies.
SKIPPED_NOTEBOOK_SUFFIXES = (".nbconvert.ipynb", "-checkpoint.ipynb")
MAX_WINDOW_DAYS = 36_525  # a century: the largest --window-days (and --timeout) taken
INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'"  # the index has no script, image or font
TEMPLATES_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "report"  # nbconvert's lab template without its CDN scripts, plus a CSP
INDEX_TITLE = "News-coverage comparison"
INDEX_CSS = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em;
       background: #f3f3f3; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #0645ad; }
ol { list-style: none; padding: 0; }
li { border-top: 1px solid #ddd; padding: 1rem 0; }
.finding { margin: .25rem 0; }
.meta { color: #555; font-size: .9rem; margin: .25rem 0 0; }
.status { font-weight: 700; font-size: .8rem; letter-spacing: .05em; padding: .1rem .4rem;
          border-radius: 3px; margin-right: .4rem; vertical-align: middle; }
.failed .status { background: #b00020; color: #fff; }
.not-run .status { background: #ddd; color: #333; }
.not-run h2 { color: #555; }
.error { color: #b00020; }
.banner { border: 2px solid #b00020; background: #fdecee; padding: .75rem 1rem; }
"""
BANNER_STYLE = (
    "border:3px solid #b00020;background:#fdecee;color:#1a1a1a;padding:1rem 1.25rem;"
    "margin:1rem;font:16px/1.5 system-ui,sans-serif"
)


@dataclass
class NotebookResult:
    """What happened to one notebook in a build.

    ``status`` is "ok", "failed" or "not run". ``html`` is the page's path relative to the
    report folder (None when there is no page), ``finding`` the one line shown in the
    index, ``error`` where and why it failed ("cell 7 (In [5]): KeyError: 'outlet'"),
    ``seconds`` the time it took (0.0 when not run), ``title`` its first markdown heading
    and ``executed`` the executed notebook's relative path.
    """

    name: str
    status: str
    finding: str | None = None
    error: str | None = None
    html: str | None = None
    seconds: float = 0.0
    title: str = ""
    executed: str | None = None


def build_reports(
    corpus_dir: str | Path,
    out_dir: str | Path | None = None,
    *,
    notebooks_dir: str | Path = NOTEBOOKS_DIR,
    code_free: bool = False,
    timeout: int = DEFAULT_TIMEOUT,
    window_days: int | None = None,
) -> list[NotebookResult]:
    """Execute every notebook on a corpus and write the HTML report to ``out_dir``.

    Parameters
    ----------
    corpus_dir : str or Path
        The corpus the notebooks read (relative paths are taken from the repo root).
    out_dir : str or Path, optional
        The report folder; default ``reports/<corpus name>``. It must be new, empty, or a
        report folder an earlier build wrote (see ``helpers.report_folder``): only the
        files that build wrote are replaced, whether this build succeeds or not.
    notebooks_dir : str or Path
        Folder whose ``*.ipynb`` are executed, in sorted name order; also the kernels' cwd.
        nbconvert's ``*.nbconvert.ipynb`` copies are skipped.
    code_free : bool
        Also write a copy of each page without any code to ``out_dir/no-code/``.
    timeout : int
        Seconds a single cell may run before the notebook counts as failed (at least 1).
    window_days : int, optional
        Passed to the notebooks that have this parameter (04_overlap): near-copies are
        looked for only between articles at most this many days apart (0 or more).

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
        If ``timeout`` or ``window_days`` is out of range.
    ReportFolderError
        If ``out_dir`` is not the build's to write (see ``prepare_report_folder``).
    """
    corpus, nb_dir = resolve(corpus_dir), resolve(notebooks_dir)
    out = resolve(out_dir) if out_dir is not None else default_out(REPORTS_DIR, corpus)
    check_options(timeout=timeout, window_days=window_days)
    notebooks = _find_notebooks(nb_dir)
    if not corpus.exists():
        raise FileNotFoundError(f"corpus not found: {corpus}")
    real, lock = prepare_report_folder(out, corpus=corpus.resolve(), same_corpus=out_dir is None)
    try:
        results = _build_into(real, corpus, notebooks, code_free=code_free, timeout=timeout,
                              window_days=window_days, shown_out=out)
    finally:
        release(lock)
    return results


def _build_into(
    real: Path,
    corpus: Path,
    notebooks: list[Path],
    *,
    code_free: bool,
    timeout: int,
    window_days: int | None,
    shown_out: Path,
) -> list[NotebookResult]:
    """Build every notebook in a staging folder inside ``real``, then publish it there."""
    # The kernels inherit this: no progress bars (with their timings) in the pages.
    os.environ.setdefault("NEWS_BUNDLE_PROGRESS", "0")
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
        shown = {"corpus_dir": _display_path(corpus), "data_dir": _display_path(shown_out / "data")}
        results = _run_notebooks(notebooks, staging, parameters, shown, code_free=code_free, timeout=timeout)
        index = _index_html(results, corpus=shown["corpus_dir"], code_free=code_free)
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


def check_options(*, timeout: int, window_days: int | None) -> None:
    """Raise ValueError, saying what to pass, for a timeout or window out of range."""
    if timeout < 1:
        raise ValueError(f"--timeout {timeout}: give the seconds a cell may run, 1 or more")
    if window_days is not None and not 0 <= window_days <= MAX_WINDOW_DAYS:
        raise ValueError(
            f"--window-days {window_days}: give the largest gap in days between two articles "
            f"whose near-copies are looked for, 0 to {MAX_WINDOW_DAYS:,} (or leave it out for no limit)"
        )


def _run_notebooks(
    notebooks: list[Path],
    staging: Path,
    parameters: dict,
    shown: dict[str, str],
    *,
    code_free: bool,
    timeout: int,
) -> list[NotebookResult]:
    """Build each notebook in turn into ``staging``; after a failure, mark the rest not run."""
    results: list[NotebookResult] = []
    for number, path in enumerate(notebooks, start=1):
        step = f"[{number}/{len(notebooks)}] {path.stem} ..."
        if any(r.status == "failed" for r in results):
            source = _read_notebook(path)
            title = (_first_heading(source) if source else "") or path.stem
            results.append(NotebookResult(path.stem, "not run", title=title))
            _progress(f"{step} not run")
            continue
        result, detail = _build_notebook(
            path, staging, parameters, shown, code_free=code_free, timeout=timeout
        )
        results.append(result)
        # One whole line per notebook: the kernel's own stderr may print in between.
        _progress(f"{step} {result.status} ({result.seconds:.1f} s)")
        if result.status == "failed":
            _progress(f"{_display_path(path)} failed at {result.error}")
            for line in detail:
                _progress(f"    {line}")
    return results


def _non_negative(value: str) -> int:
    """argparse type: an integer of 0 to ``MAX_WINDOW_DAYS``."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{number} is negative; give 0 or more")
    if number > MAX_WINDOW_DAYS:
        raise argparse.ArgumentTypeError(f"{value[:20]} is too large; give at most {MAX_WINDOW_DAYS:,}")
    return number


def _positive(value: str) -> int:
    """argparse type: an integer of 1 or more."""
    number = _non_negative(value)
    if number < 1:
        raise argparse.ArgumentTypeError("give 1 or more")
    return number


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
        "--timeout", type=_positive, default=DEFAULT_TIMEOUT, help="seconds allowed per cell"
    )
    parser.add_argument(
        "--window-days", type=_non_negative, default=None,
        help="shared passages: look for near-copies only between articles at most this many days apart "
        "(for a large corpus; see README, Large corpora)",
    )
    args = parser.parse_args(argv)
    try:
        out = resolve(args.out) if args.out is not None else None
        results = build_reports(
            args.corpus,
            out,
            notebooks_dir=args.notebooks,
            code_free=args.no_code,
            timeout=args.timeout,
            window_days=args.window_days,
        )
        out = out or default_out(REPORTS_DIR, resolve(args.corpus))
    except (OSError, RuntimeError, ValueError, ReportFolderError) as exc:  # FileNotFoundError too
        _progress(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _progress("interrupted: the report folder is as it was before this build")
        return 130
    _progress(f"Report: {out.resolve() / 'index.html'}")
    return 1 if any(r.status != "ok" for r in results) else 0


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
        _progress(f"skipped {_display_path(path)}: a copy nbconvert or JupyterLab wrote, not a report notebook")
    notebooks = [p for p in found if p not in skipped]
    if not notebooks:
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {nb_dir}")
    return notebooks


def _build_notebook(
    path: Path,
    staging: Path,
    parameters: dict[str, str],
    shown: dict[str, str],
    *,
    code_free: bool,
    timeout: int,
) -> tuple[NotebookResult, list[str]]:
    """Execute one notebook into ``staging/executed`` and render its page(s).

    Parameters
    ----------
    path : Path
        The source notebook.
    staging : Path
        The report being built.
    parameters : dict
        Values to inject (absolute paths); only those the notebook declares are passed.
    shown : dict
        The same parameters as the page should show them (repo-relative when possible).
    code_free : bool
        Also render ``staging/no-code/<name>.html``.
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    NotebookResult
        Status "ok" or "failed"; ``error`` reads "where: what", e.g.
        "cell 7 (In [5]): KeyError: 'outlet'".
    list of str
        Further lines of the error value, for stderr (empty when it ran).
    """
    source = _read_notebook(path)
    if source is None:
        error = "the file: it cannot be read as a notebook"
        return NotebookResult(path.stem, "failed", error=error, title=path.stem), []
    executed_path = staging / "executed" / path.name
    declared = _declared_parameters(source)
    missing = [name for name in REQUIRED_PARAMETERS if name not in declared]
    started = time.perf_counter()
    if missing:
        what = f"{', '.join(missing)} is not declared there, so --corpus cannot reach it"
        cell, detail = None, []
    else:
        wanted = {k: v for k, v in parameters.items() if k in declared}
        what, cell, detail = _execute(path, executed_path, wanted, timeout=timeout)
    seconds = time.perf_counter() - started

    nb = nbformat.read(executed_path, as_version=4) if executed_path.exists() else source
    nb.cells = [c for c in nb.cells if TAG_PAPERMILL_ERROR not in _tags(c)]
    _show_parameters(nb, shown)
    if what is not None and cell is None and executed_path.exists():
        cell = _last_started_cell(nb)  # reads the start times dropped next
    _drop_volatile_metadata(nb)
    if executed_path.exists():
        nbformat.write(nb, executed_path)
    error = None
    if what is not None:
        where = "the parameters cell" if missing else "kernel start"
        error = f"{_cell_label(nb, cell) if cell is not None else where}: {what}"
        if cell is not None:  # show the failing cell and its traceback even if tagged hidden
            tags = nb.cells[cell].metadata.get("tags", [])
            nb.cells[cell].metadata["tags"] = [t for t in tags if t not in HIDING_TAGS]
    title = _first_heading(nb) or path.stem
    pages = {staging / f"{path.stem}.html": False}
    if code_free:
        pages[staging / "no-code" / f"{path.stem}.html"] = True
    for page, no_code in pages.items():
        body = _notebook_html(nb, title=title, no_code=no_code)
        if no_code:
            body = _insert_banner(body, _built_from_html(shown["corpus_dir"]))
        if error is not None:
            body = _insert_banner(body, _failure_html(nb, error, cell))
        page.write_text(body, encoding="utf-8")
    result = NotebookResult(
        name=path.stem,
        status="ok" if error is None else "failed",
        finding=_first_finding(nb) or title,
        error=error,
        html=f"{path.stem}.html",
        seconds=seconds,
        title=title,
        executed=f"executed/{path.name}" if executed_path.exists() else None,
    )
    return result, detail[1 : MAX_ERROR_LINES + 1]


def _execute(
    path: Path, executed_path: Path, parameters: dict[str, str], *, timeout: int
) -> tuple[str | None, int | None, list[str]]:
    """Execute a notebook with papermill in a fresh kernel, with the notebook's folder as cwd.

    Parameters
    ----------
    path, executed_path : Path
        The source notebook and where papermill writes the executed copy. Papermill saves
        it after every cell, so it holds the outputs up to an error.
    parameters : dict
        Values for the injected-parameters cell.
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    tuple
        ``(what, cell, lines)``: "Name: message" (None if it ran), the index of the failing
        cell in the executed notebook (None if unknown) and the error value's lines.
    """
    try:
        papermill.execute_notebook(
            path,
            executed_path,
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            language=LANGUAGE,
            cwd=path.parent,
            progress_bar=False,
            execution_timeout=timeout,
            extra_arguments=[f"--IPKernelApp.log_level={KERNEL_LOG_LEVEL}"],
        )
    except PapermillExecutionError as exc:
        lines = str(exc.evalue).splitlines() or [""]
        return f"{exc.ename}: {lines[0]}".removesuffix(": "), exc.cell_index, lines
    except Exception as exc:  # kernel died, cell timed out, no such kernel ...
        lines = str(exc).splitlines() or [""]
        return f"{type(exc).__name__}: {lines[0]}".removesuffix(": "), None, lines
    return None, None, []


def _read_notebook(path: Path) -> nbformat.NotebookNode | None:
    """Return the notebook at ``path`` as nbformat v4, or None if it is not one."""
    try:
        return nbformat.read(path, as_version=4)
    except Exception:  # not JSON, not a notebook, unreadable
        return None


def _tags(cell: nbformat.NotebookNode) -> list[str]:
    """Return a cell's tags (an empty list when it has none)."""
    return cell.get("metadata", {}).get("tags", [])


def _declared_parameters(nb: nbformat.NotebookNode) -> set[str]:
    """Return the names assigned in the first ``parameters`` cell, as papermill reads them."""
    translator = papermill_translators.find_translator(KERNEL_NAME, LANGUAGE)
    for cell in nb.cells:
        if TAG_PARAMETERS in _tags(cell):
            return {p.name for p in translator.inspect(cell)}
    return set()


def _drop_volatile_metadata(nb: nbformat.NotebookNode) -> None:
    """Remove timings and random ids, so two builds of one corpus give identical files.

    Papermill and nbclient stamp start/end times and durations on the notebook and on
    every cell, and papermill gives its injected cell a random id.
    """
    meta = nb.metadata.get("papermill", {})
    for key in VOLATILE_PAPERMILL_KEYS:
        meta.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for key in VOLATILE_PAPERMILL_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)
        if TAG_INJECTED in _tags(cell):
            cell.id = TAG_INJECTED


def _show_parameters(nb: nbformat.NotebookNode, shown: dict[str, str]) -> None:
    """Rewrite the injected-parameters cell so it shows paths as the reader knows them.

    The build injects absolute paths, and ``data_dir`` points into the staging folder that
    is moved at the end. The cell is rewritten with the same names but the repo-relative
    corpus and the report's final data folder; ``metadata.papermill.parameters`` keeps the
    values used, except the staging folder's (randomly named) data folder, which becomes
    the final one, so that two builds give identical files.
    """
    used = nb.metadata.get("papermill", {}).get("parameters", {})
    if "data_dir" in used and "data_dir" in shown:
        used["data_dir"] = shown["data_dir"]
    for cell in nb.cells:
        if TAG_INJECTED in _tags(cell):
            display = {name: shown.get(name, value) for name, value in used.items()}
            cell.source = translate_parameters(KERNEL_NAME, LANGUAGE, display).strip()


def _last_started_cell(nb: nbformat.NotebookNode) -> int | None:
    """Return the index of the last cell papermill started (the one running at a crash)."""
    started = [
        i for i, c in enumerate(nb.cells) if c.metadata.get("papermill", {}).get("start_time")
    ]
    return started[-1] if started else None


def _cell_label(nb: nbformat.NotebookNode, index: int) -> str:
    """Return "cell N (In [k])", N counting the source notebook's cells from 1.

    The injected-parameters cell is not in the source notebook, so it is not counted.
    """
    injected = sum(TAG_INJECTED in _tags(c) for c in nb.cells[:index])
    count = nb.cells[index].get("execution_count")
    return f"cell {index - injected + 1} (In [{count if count is not None else ' '}])"


def _first_heading(nb: nbformat.NotebookNode) -> str:
    """Return the text of the first markdown heading ("" if there is none)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def _first_finding(nb: nbformat.NotebookNode) -> str | None:
    """Return the first line of text output of the first cell tagged ``finding``."""
    for cell in nb.cells:
        if cell.cell_type == "code" and TAG_FINDING in _tags(cell):
            for output in cell.get("outputs", []):
                if output.output_type == "stream" and output.name == "stdout":
                    text = output.text
                else:
                    text = output.get("data", {}).get("text/plain", "")
                lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
                if lines:
                    line = lines[0]
                    cut = len(line) > MAX_FINDING_CHARS
                    return line[:MAX_FINDING_CHARS].rstrip() + "…" if cut else line
            return None
    return None


def _notebook_html(nb: nbformat.NotebookNode, *, title: str, no_code: bool) -> str:
    """Render a notebook with the lab template, honouring the cell tags.

    ``remove-cell`` and ``parameters`` cells are dropped, ``remove-input`` cells keep only
    their output. With ``no_code`` every input and the injected-parameters cell go too.
    """
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    removed = {TAG_REMOVE_CELL, TAG_PARAMETERS} | ({TAG_INJECTED} if no_code else set())
    config.TagRemovePreprocessor.remove_cell_tags = removed
    config.TagRemovePreprocessor.remove_input_tags = {TAG_REMOVE_INPUT}
    if no_code:
        config.HTMLExporter.exclude_input = True
        config.HTMLExporter.exclude_input_prompt = True
        config.HTMLExporter.exclude_output_prompt = True
    nb = nbformat.from_dict(nb)  # a copy: the exporter's preprocessors edit it
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        config=config, template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES_DIR)]
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def _insert_banner(page: str, fragment: str) -> str:
    """Insert an HTML fragment at the top of a page rendered by the lab template."""
    if "<main>" in page:
        return page.replace("<main>", "<main>\n" + fragment, 1)
    return fragment + page


def _failure_html(nb: nbformat.NotebookNode, error: str, cell: int | None) -> str:
    """Return the "this notebook failed" banner (escaped), linking to the failing cell."""
    link = ""
    if cell is not None and nb.cells[cell].get("id"):
        target = html.escape("#cell-id=" + nb.cells[cell].id)
        link = f' <a href="{target}">Go to the error.</a>'
    return (
        f'<div role="alert" style="{BANNER_STYLE}"><strong>This notebook FAILED</strong> at '
        f"{html.escape(error)}. The page shows the outputs up to the error; "
        f"the cells after it did not run, so this page is incomplete.{link}</div>"
    )


def _built_from_html(corpus: str) -> str:
    """Return the line that tells a code-free page's reader which corpus it was built from."""
    return f'<p style="margin:1rem">Built from the corpus <code>{html.escape(corpus)}</code>.</p>'


def _index_html(results: list[NotebookResult], *, corpus: str, code_free: bool) -> str:
    """Return the self-contained index page (no scripts, no URLs, no timestamps).

    Parameters
    ----------
    results : list of NotebookResult
        The build's results, in order.
    corpus : str
        The corpus as shown to the reader.
    code_free : bool
        Whether code-free copies exist to link to.

    Returns
    -------
    str
        The page; every shown value is escaped.
    """
    esc = html.escape
    failed = [r for r in results if r.status == "failed"]
    items = []
    for r in results:
        page = quote(r.html) if r.html else None
        heading = f'<a href="{esc(page)}">{esc(r.title)}</a>' if page else esc(r.title)
        status = {"failed": "FAILED", "not run": "not run"}.get(r.status)
        badge = f'<span class="status">{status}</span>' if status else ""
        lines = [f"<h2>{badge}{heading}</h2>"]
        if r.status == "failed":
            lines.append(f'<p class="error">Failed at {esc(r.error or "")}</p>')
        elif r.status == "not run":
            lines.append('<p class="finding">Not run, because an earlier notebook failed.</p>')
        if r.finding and r.finding != r.title and r.status != "not run":
            lines.append(f'<p class="finding">{esc(r.finding)}</p>')
        links = [f"<code>{esc(r.name)}.ipynb</code>"]
        if page and code_free:
            links.append(f'<a href="{esc("no-code/" + page)}">code-free copy</a>')
        if r.executed:
            links.append(f'<a href="{esc(quote(r.executed))}">executed notebook</a>')
        lines.append(f'<p class="meta">{" · ".join(links)}</p>')
        items.append(f'<li class="{r.status.replace(" ", "-")}">\n' + "\n".join(lines) + "\n</li>")
    if failed:
        summary = (
            f'<p class="banner"><strong>Build FAILED</strong>: {esc(failed[0].name)} failed; '
            "pages after it were not run. This report is incomplete.</p>"
        )
    else:
        summary = f"<p>Every notebook ran ({len(results)} in all).</p>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{INDEX_CSP}">
<title>{esc(INDEX_TITLE)}</title>
<style>{INDEX_CSS}</style>
</head>
<body>
<main>
<h1>{esc(INDEX_TITLE)}</h1>
<p>Built from the corpus <code>{esc(corpus)}</code>.</p>
{summary}
<ol>
{chr(10).join(items)}
</ol>
</main>
</body>
</html>
"""


def _display_path(path: Path) -> str:
    """Return ``path`` relative to the repo root when it lies inside it, else absolute."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _progress(message: str) -> None:
    """Print a progress line to stderr straight away."""
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
