"""The report: run every notebook on a corpus in a fresh kernel and publish the pages.

- ``build``: ``build_reports`` and the command line (``python -m helpers.report``);
- ``notebook``: one notebook executed with papermill and rendered with nbconvert;
- ``engine``: how papermill runs it (the executed copy written once; no reloading in the kernel);
- ``index``: the index page, each notebook with its one-line finding;
- ``folder``: the report folder the build may write (its mark, staging, lock, publishing);
- ``deferred``: the IRI grammar ``nbformat``'s import would compile, deferred to its first use;
- ``templates/``: nbconvert's lab template without CDN scripts, plus a CSP.
"""

from . import deferred  # noqa: F401  first: it defers a grammar nbformat's import (in .build) would compile
from .build import build_reports, check_options, main
from .folder import ReportFolderError
from .notebook import NotebookResult

__all__ = ["NotebookResult", "ReportFolderError", "build_reports", "check_options", "main"]
