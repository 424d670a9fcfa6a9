"""Words and tables on the page: findings, notes and tables with every piece of corpus text
escaped (``escaped``), and shared passages side by side with their differences marked
(``passages``), and the notebooks' Method paragraphs written by code (``prose``); whole
self-contained pages with their Content-Security-Policy (``page``)."""

from ..lazy import lazy_names
from .escaped import MAX_CHARS, MAX_ROWS, NO_MATH, EscapedHTML, finding, note, table
from .page import csp_hash, html_page, page_csp
from .prose import method, prose_html

# ``passages`` needs the shared-passage alignment (helpers.overlap, which loads helpers.quotes);
# only 04_overlap shows passages, so its names are imported on first use (issue 18: the
# other notebooks' setup cell no longer loads overlap and quotes through ``helpers.display``).
PASSAGES_NAMES = ("MAX_PASSAGES_SHOWN", "diff_html", "passages_html")

__all__ = [
    "MAX_CHARS",
    "MAX_PASSAGES_SHOWN",
    "MAX_ROWS",
    "NO_MATH",
    "EscapedHTML",
    "csp_hash",
    "diff_html",
    "finding",
    "html_page",
    "method",
    "note",
    "page_csp",
    "passages_html",
    "prose_html",
    "table",
]


__getattr__ = lazy_names(__name__, {"passages": PASSAGES_NAMES}, globals())
