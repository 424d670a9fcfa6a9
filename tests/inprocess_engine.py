"""A papermill engine for tests that check where a build writes, not how a kernel runs: it runs a
tiny notebook's code cells in this process, so no kernel is started for each build.

A kernel costs about a second of CPU to start, and the report-folder tests
(tests/test_report_safety.py) build a one-cell notebook about twenty times; what they check is the
folder the build writes, which is the same whoever ran the cells. ``in_process(monkeypatch)``
makes the build use this engine; everything else (parameters injected by papermill, the executed
copy written once by the build's ``SaveAtEndManager``, pages, index, publishing) is the build's
own. The kernel path stays checked by the tests that do not use it (tests/test_report.py,
tests/test_report_engine.py, the real-notebook reports of tests/conftest.py, and
test_nbconvert_copies_are_not_built_and_kernels_stay_quiet).
"""

from __future__ import annotations

import contextlib
import io
import traceback

import nbformat
from papermill.engines import papermill_engines

from helpers.report import notebook as report_notebook
from helpers.report.engine import ReportEngine

ENGINE_NAME = "tests-in-process"


class InProcessEngine(ReportEngine):
    """``ReportEngine`` whose cells run with ``exec`` in one namespace here (papermill has already
    moved into the notebook's folder), their printed text kept as a stdout stream and an exception
    as an error output, as a kernel gives them."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        namespace: dict = {"__name__": "__main__"}
        count = 0
        for index, cell in enumerate(nb_man.nb.cells):
            nb_man.cell_start(cell, index)
            if cell.cell_type == "code":
                count += 1
                cell.execution_count = count
                printed = io.StringIO()
                try:
                    with contextlib.redirect_stdout(printed):
                        exec(compile(cell.source, f"<cell {index}>", "exec"), namespace)
                except Exception as error:
                    cell.outputs = [*_stream(printed), nbformat.v4.new_output(
                        "error", ename=type(error).__name__, evalue=str(error),
                        traceback=traceback.format_exception_only(type(error), error))]
                    nb_man.cell_exception(cell, index)
                    nb_man.cell_complete(cell, index)
                    return
                cell.outputs = _stream(printed)
            nb_man.cell_complete(cell, index)


def _stream(printed: io.StringIO) -> list:
    text = printed.getvalue()
    return [nbformat.v4.new_output("stream", name="stdout", text=text)] if text else []


papermill_engines.register(ENGINE_NAME, InProcessEngine)


def in_process(monkeypatch) -> None:
    """Make every build in this test run its notebooks with ``InProcessEngine``."""
    monkeypatch.setattr(report_notebook, "ENGINE_NAME", ENGINE_NAME)
