"""The build's papermill engine writes the executed notebook once, and its kernels do not reload modules."""

from __future__ import annotations

import nbformat
import papermill
import papermill.engines
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from helpers.report.engine import ENGINE_NAME, KERNEL_EXEC_LINE

RELOADER_STATE = ("r = get_ipython().magics_manager.registry['AutoreloadMagics']._reloader\n"
                  "print('reloading', r.enabled)")


def _notebook(path, cells):
    nb = new_notebook(cells=[new_code_cell(source) for source in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def _run(source, out, monkeypatch):
    """Execute with the build's engine and kernel line; the engine's writes of ``out``."""
    writes = []
    real_write = papermill.engines.write_ipynb
    monkeypatch.setattr(papermill.engines, "write_ipynb", lambda nb, path: (writes.append(path), real_write(nb, path)))
    papermill.execute_notebook(source, out, kernel_name="python3", progress_bar=False, engine_name=ENGINE_NAME,
                               extra_arguments=[f"--IPKernelApp.exec_lines={KERNEL_EXEC_LINE}"])
    return writes


def _texts(path):
    return ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in nbformat.read(path, 4).cells]


def test_one_write_and_no_reloading(tmp_path, monkeypatch):
    cells = ["%load_ext autoreload\n%autoreload 2", RELOADER_STATE, "x = 1", "print(x + 1)"]
    source = _notebook(tmp_path / "a.ipynb", cells)
    writes = _run(source, tmp_path / "out.ipynb", monkeypatch)
    assert len(writes) == 1  # papermill's own engine writes before and after every cell: 10 here
    texts = _texts(tmp_path / "out.ipynb")
    assert texts[1] == "reloading False\n" and texts[3] == "2\n"


def test_failure_keeps_outputs_up_to_the_error(tmp_path, monkeypatch):
    source = _notebook(tmp_path / "b.ipynb", ['print("before")', "1 / 0", 'print("after")'])
    with pytest.raises(papermill.PapermillExecutionError):
        _run(source, tmp_path / "out.ipynb", monkeypatch)
    texts = _texts(tmp_path / "out.ipynb")
    assert "before\n" in texts and "after\n" not in texts
    cells = nbformat.read(tmp_path / "out.ipynb", 4).cells
    assert [c.metadata["papermill"]["status"] for c in cells if c.source == "1 / 0"] == ["failed"]
