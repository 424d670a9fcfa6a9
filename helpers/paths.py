"""Where things live. Every other module takes paths from here or from a parameter.

Relative paths given by a user (``corpus_dir="corpus"``) are resolved against the
repository root, not the working directory, because JupyterLab, nbconvert, papermill
and pytest start kernels in different folders.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = PROJECT_ROOT / "corpus"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
CACHE_DIR = PROJECT_ROOT / ".cache"


def resolve(path: str | Path) -> Path:
    """Return ``path`` as an absolute path; a relative one is taken from the repo root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path).resolve()
