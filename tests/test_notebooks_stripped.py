"""Every notebook in notebooks/ is committed without outputs and is valid nbformat v4.

DEVELOPERS.md wants stripped notebooks and CI only runs the tests, so the check lives here
(the same rule ``nbstripout --verify`` applies to code cells).
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers.paths import NOTEBOOKS_DIR


def notebook_problems(path: Path) -> list[str]:
    """Return what is wrong with a committed notebook (empty when it is clean).

    Parameters
    ----------
    path : Path
        The ``.ipynb`` file.

    Returns
    -------
    list of str
        One message per problem: not readable, not nbformat v4, invalid, or a code cell
        with outputs or an execution count (cells counted from 1).
    """
    try:
        nb = nbformat.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:  # unreadable, not UTF-8, not JSON
        return [f"cannot be read as a notebook ({type(exc).__name__}: {exc})"]
    if not isinstance(nb, dict) or nb.get("nbformat") != 4:
        version = nb.get("nbformat") if isinstance(nb, dict) else None
        return [f"is nbformat {version}, not 4"]
    problems = []
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        problems.append(f"is not valid nbformat v4: {str(exc).splitlines()[0]}")
    for number, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {number} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {number} has execution_count {cell['execution_count']}")
    return problems


def test_notebooks_folder_exists():
    assert NOTEBOOKS_DIR.is_dir(), f"{NOTEBOOKS_DIR} is missing"


def test_committed_notebooks_are_stripped_and_valid():
    bad = {
        path.relative_to(NOTEBOOKS_DIR.parent).as_posix(): problems
        for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
        if (problems := notebook_problems(path))
    }
    message = "\n".join(f"{name}: {'; '.join(p)}" for name, p in bad.items())
    assert not bad, (
        f"notebooks committed with outputs or invalid (run `nbstripout <file>`):\n{message}"
    )


def _write(path: Path, nb: nbformat.NotebookNode) -> Path:
    nbformat.write(nb, path)
    return path


def test_checker_accepts_a_clean_notebook(tmp_path):
    nb = new_notebook(cells=[new_markdown_cell("# T"), new_code_cell("x = 1")])
    assert notebook_problems(_write(tmp_path / "clean.ipynb", nb)) == []


def test_checker_flags_outputs_and_execution_counts(tmp_path):
    ran = new_code_cell("print(1)", execution_count=3)
    ran.outputs = [new_output("stream", name="stdout", text="1\n")]
    counted = new_code_cell("x = 1", execution_count=4)
    nb = new_notebook(cells=[new_markdown_cell("# T"), ran, counted])
    problems = notebook_problems(_write(tmp_path / "dirty.ipynb", nb))
    assert problems == ["cell 2 has outputs", "cell 2 has execution_count 3",
                        "cell 3 has execution_count 4"]


@pytest.mark.parametrize(
    "content, expected",
    [
        ("not json", "cannot be read"),
        (json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}),
         "not 4"),
        (json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                     "cells": [{"cell_type": "code", "id": "a", "source": "x"}]}), "not valid"),
    ],
)
def test_checker_flags_invalid_files(tmp_path, content, expected):
    path = tmp_path / "broken.ipynb"
    path.write_text(content)
    assert expected in " ".join(notebook_problems(path))


def test_failure_message_names_the_notebook(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    ran = new_code_cell("print(1)", execution_count=1)
    _write(folder / "00_dirty.ipynb", new_notebook(cells=[ran]))
    _write(folder / "01_clean.ipynb", new_notebook(cells=[new_code_cell("x = 1")]))
    monkeypatch.setitem(globals(), "NOTEBOOKS_DIR", folder)
    with pytest.raises(AssertionError) as info:
        test_committed_notebooks_are_stripped_and_valid()
    assert "notebooks/00_dirty.ipynb: cell 1 has execution_count 1" in str(info.value)
    assert "01_clean" not in str(info.value)
