"""An offline, interactive page for exploring a report's corpus (``explorer.html``).

``payload`` cuts the report's tables to what a browser opens (the sampling stated on the
page); ``page`` writes the self-contained HTML, its script and style allowed by hash.
``show_explorer`` shows the same page in a notebook cell.
"""

from .page import PAGE_NAME, explorer_html, json_for_html, show_explorer, write_explorer
from .payload import TABLES, explorer_payload, read_tables

__all__ = ["PAGE_NAME", "TABLES", "explorer_html", "explorer_payload", "json_for_html", "read_tables",
           "show_explorer", "write_explorer"]
