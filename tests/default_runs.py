"""Run every notebook as `jupyter nbconvert --execute notebooks/X.ipynb` from the root would.

    python -m tests.default_runs OUT NOTEBOOKS_DIR

Each notebook runs with its own defaults, in a fresh kernel, from the repository root; only
``data_dir`` is moved, into ``OUT/<notebook stem>/data``. Papermill runs it, with the build's
engine, which writes the executed copy once at the end rather than before and after every
cell (helpers/report/engine.py): the kernel and what it runs are papermill's own. What
happened is written to ``OUT/errors.json``: notebook file name -> None, or the error as text.

tests/conftest.py starts this in a process of its own when the session starts (papermill
changes its process's folder while a notebook runs, so it cannot share the tests' process),
beside the report builds; tests/test_notebooks.py reads the result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import papermill

from helpers.paths import PROJECT_ROOT
from helpers.report.engine import ENGINE_NAME

ERRORS_FILE = "errors.json"


def run_with_defaults(source: Path, out: Path) -> str | None:
    """Run ``source`` with only data_dir moved into ``out``; None, or the error papermill raised, as text."""
    try:
        papermill.execute_notebook(
            source, out / source.name, parameters={"data_dir": str(out / "data")},
            cwd=str(PROJECT_ROOT), kernel_name="python3", progress_bar=False, engine_name=ENGINE_NAME,
        )
    except Exception as error:  # reported by the test of this notebook
        return f"{type(error).__name__}: {error}"
    return None


def main(out: Path, notebooks: Path) -> dict[str, str | None]:
    """Run every notebook in ``notebooks``, one after the other; write and return what happened."""
    errors = {}
    for source in sorted(notebooks.glob("*.ipynb")):
        folder = out / source.stem
        folder.mkdir(parents=True, exist_ok=True)
        errors[source.name] = run_with_defaults(source, folder)
    (out / ERRORS_FILE).write_text(json.dumps(errors, indent=1), encoding="utf-8")
    return errors


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
