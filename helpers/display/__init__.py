"""Words and tables on the page: findings, notes and tables with every piece of corpus text
escaped (``escaped``), and shared passages side by side with their differences marked
(``passages``), and the notebooks' Method paragraphs written by code (``prose``)."""

from .escaped import MAX_CHARS, MAX_ROWS, NO_MATH, EscapedHTML, finding, note, table
from .passages import MAX_PASSAGES_SHOWN, diff_html, passages_html
from .prose import method, prose_html

__all__ = [
    "MAX_CHARS",
    "MAX_PASSAGES_SHOWN",
    "MAX_ROWS",
    "NO_MATH",
    "EscapedHTML",
    "diff_html",
    "finding",
    "method",
    "note",
    "passages_html",
    "prose_html",
    "table",
]
