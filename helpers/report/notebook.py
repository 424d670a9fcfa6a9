"""One notebook of the report: execute it with papermill in a fresh kernel and render its page(s).

``build_notebook`` runs a notebook with the build's parameters injected, keeps the executed
copy (without timings or random ids, so two builds give identical files), and renders it
with the ``report`` template (nbconvert's lab template without CDN scripts, with a CSP),
honouring the cell tags: ``remove-cell`` and ``parameters`` cells are dropped,
``remove-input`` cells keep only their output. A notebook that fails still gets its page,
up to the error, with a banner saying where and why.
"""

from __future__ import annotations

import html
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill
from jupyter_client.manager import AsyncKernelManager
from nbconvert import HTMLExporter
from papermill.exceptions import PapermillExecutionError
from papermill.translators import papermill_translators, translate_parameters
from traitlets.config import Config

from ..paths import PROJECT_ROOT
from .engine import ENGINE_NAME, KERNEL_EXEC_LINE

KERNEL_NAME = "python3"
LANGUAGE = "python"
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
KERNEL_START_TRIES = 3  # a kernel that dies before running a cell is started again, this many times in all
KERNEL_START_FAILURES = ("Kernel died before replying", "Address already in use")
# Set in each kernel's environment unless this process sets them: no progress bars (with
# their timings) in the pages.
KERNEL_ENV = {"NEWS_BUNDLE_PROGRESS": "0"}
TEMPLATES_DIR = Path(__file__).parent / "templates"  # helpers/report/templates
TEMPLATE_NAME = "report"  # nbconvert's lab template without its CDN scripts, plus a CSP
BANNER_STYLE = (
    "border:3px solid #b00020;background:#fdecee;color:#1a1a1a;padding:1rem 1.25rem;"
    "margin:1rem;font:16px/1.5 system-ui,sans-serif"
)


class ReportKernelManager(AsyncKernelManager):
    """Starts each kernel with ``KERNEL_ENV`` under this process's environment, so the build
    never changes its own ``os.environ``."""

    async def start_kernel(self, **kw) -> None:
        """``AsyncKernelManager.start_kernel`` with ``env`` = ``KERNEL_ENV`` updated by ``os.environ``."""
        kw["env"] = {**KERNEL_ENV, **os.environ, **kw.get("env", {})}
        await super().start_kernel(**kw)


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


def build_notebook(
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
    source = read_notebook(path)
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
        what, cell, detail = _execute_retrying(path, executed_path, wanted, timeout=timeout)
    seconds = time.perf_counter() - started
    nb, cell, error = _tidy_executed(executed_path, source, shown, what, cell, missing=bool(missing))
    title = first_heading(nb) or path.stem
    _render_pages(nb, staging, path.stem, title=title, corpus=shown["corpus_dir"], error=error, cell=cell,
                  code_free=code_free)
    executed = f"executed/{path.name}" if executed_path.exists() else None
    result = NotebookResult(path.stem, "ok" if error is None else "failed", first_finding(nb) or title, error,
                            f"{path.stem}.html", seconds, title, executed)
    return result, detail[1 : MAX_ERROR_LINES + 1]


def _tidy_executed(
    executed_path: Path,
    source: nbformat.NotebookNode,
    shown: dict[str, str],
    what: str | None,
    cell: int | None,
    *,
    missing: bool,
) -> tuple[nbformat.NotebookNode, int | None, str | None]:
    """Clean the executed copy (papermill's markers, timings) and say where it failed.

    Returns the notebook to render (the executed copy, else the source), the failing
    cell's index (None if unknown) and the error as "where: what" (None if it ran). The
    failing cell loses its hiding tags, so its traceback shows.
    """
    nb = nbformat.read(executed_path, as_version=4) if executed_path.exists() else source
    nb.cells = [c for c in nb.cells if TAG_PAPERMILL_ERROR not in _tags(c)]
    _show_parameters(nb, shown)
    if what is not None and cell is None and executed_path.exists():
        cell = _last_started_cell(nb)  # reads the start times dropped next
    _drop_volatile_metadata(nb)
    if executed_path.exists():
        nbformat.write(nb, executed_path)
    if what is None:
        return nb, cell, None
    where = "the parameters cell" if missing else "kernel start"
    error = f"{_cell_label(nb, cell) if cell is not None else where}: {what}"
    if cell is not None:  # show the failing cell and its traceback even if tagged hidden
        tags = nb.cells[cell].metadata.get("tags", [])
        nb.cells[cell].metadata["tags"] = [t for t in tags if t not in HIDING_TAGS]
    return nb, cell, error


def _render_pages(
    nb: nbformat.NotebookNode,
    staging: Path,
    stem: str,
    *,
    title: str,
    corpus: str,
    error: str | None,
    cell: int | None,
    code_free: bool,
) -> None:
    """Write ``staging/<stem>.html`` (and the code-free copy), with a banner if it failed."""
    pages = {staging / f"{stem}.html": False}
    if code_free:
        pages[staging / "no-code" / f"{stem}.html"] = True
    for page, no_code in pages.items():
        body = _notebook_html(nb, title=title, no_code=no_code)
        if no_code:
            body = _insert_banner(body, _built_from_html(corpus))
        if error is not None:
            body = _insert_banner(body, _failure_html(nb, error, cell))
        page.write_text(body, encoding="utf-8")


def _execute_retrying(
    path: Path, executed_path: Path, parameters: dict[str, str], *, timeout: int
) -> tuple[str | None, int | None, list[str]]:
    """``_execute``, started again when the kernel died before it ran a cell: two notebooks'
    kernels started at the same moment can pick one port (ZMQ "Address already in use")."""
    for _ in range(KERNEL_START_TRIES - 1):
        what, cell, detail = _execute(path, executed_path, parameters, timeout=timeout)
        if not (what and any(sign in what for sign in KERNEL_START_FAILURES)):
            return what, cell, detail
        executed_path.unlink(missing_ok=True)
    return _execute(path, executed_path, parameters, timeout=timeout)


def _execute(
    path: Path, executed_path: Path, parameters: dict[str, str], *, timeout: int
) -> tuple[str | None, int | None, list[str]]:
    """Execute a notebook with papermill in a fresh kernel, with the notebook's folder as cwd.

    Parameters
    ----------
    path, executed_path : Path
        The source notebook and where papermill writes the executed copy, once, when the
        run ends however it ends (``helpers.report.engine``), so it holds the outputs up to an error.
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
            extra_arguments=[f"--IPKernelApp.log_level={KERNEL_LOG_LEVEL}",
                             f"--IPKernelApp.exec_lines={KERNEL_EXEC_LINE}"],
            kernel_manager_class=ReportKernelManager,
            engine_name=ENGINE_NAME,
        )
    except PapermillExecutionError as exc:
        lines = str(exc.evalue).splitlines() or [""]
        return f"{exc.ename}: {lines[0]}".removesuffix(": "), exc.cell_index, lines
    except Exception as exc:  # kernel died, cell timed out, no such kernel ...
        lines = str(exc).splitlines() or [""]
        return f"{type(exc).__name__}: {lines[0]}".removesuffix(": "), None, lines
    return None, None, []


def read_notebook(path: Path) -> nbformat.NotebookNode | None:
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


def first_heading(nb: nbformat.NotebookNode) -> str:
    """Return the text of the first markdown heading ("" if there is none)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def first_finding(nb: nbformat.NotebookNode) -> str | None:
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


def display_path(path: Path) -> str:
    """Return ``path`` relative to the repo root when it lies inside it, else absolute."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def progress(message: str) -> None:
    """Print a progress line to stderr straight away."""
    print(message, file=sys.stderr, flush=True)
