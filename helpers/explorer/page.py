"""The explorer page itself: one self-contained HTML file, its script and style allowed by hash.

The page's script (``explorer.js``) and style (``explorer.css``) are inlined, and its
Content-Security-Policy (``helpers.display.html_page``, as the report's index) allows exactly
those two by their SHA-256 hashes: no ``unsafe-inline``, no ``eval``, nothing from the
network (``default-src 'none'``). The data goes in a ``<script type="application/json">``
block, which the browser never runs, with ``<``, ``>`` and ``&`` written as JSON escapes so
that no corpus text can close the block; the script reads it with ``JSON.parse`` and puts
corpus text on the page only as text (``textContent``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from ..display import html_page
from .payload import explorer_payload, read_tables

HERE = Path(__file__).parent
SCRIPT_FILE = HERE / "explorer.js"
STYLE_FILE = HERE / "explorer.css"
PAGE_NAME = "explorer.html"
TITLE = "Explore the corpus: terms, contexts, quotations, shared passages"
JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_html(data: object) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` (and the two Unicode line separators) become ``\\u`` escapes,
    which ``JSON.parse`` reads back as the same characters, so ``</script>`` in corpus
    text cannot end the block.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return "".join(JSON_ESCAPES.get(ch, ch) for ch in text) if any(ch in text for ch in JSON_ESCAPES) else text


def explorer_html(tables: dict[str, pd.DataFrame], *, corpus: str = "") -> str:
    """Return the explorer as one self-contained HTML page.

    Parameters
    ----------
    tables : dict of str to DataFrame
        The report tables (see ``helpers.explorer.payload.TABLES``), e.g. from ``read_tables``.
    corpus : str
        The corpus as shown to the reader.

    Returns
    -------
    str
        The page: inline script and style allowed by hash, data as escaped JSON.
    """
    script = SCRIPT_FILE.read_text(encoding="utf-8")
    style = STYLE_FILE.read_text(encoding="utf-8")
    payload = explorer_payload(tables)
    payload["corpus"] = corpus
    body = ('<noscript><p>The explorer needs JavaScript; the tables behind it are in the data/ folder.</p></noscript>\n'
            f'<script id="explorer-data" type="application/json">{json_for_html(payload)}</script>')
    return html_page(TITLE, body, style=style, script=script)


def write_explorer(data_dir: str | Path, out_dir: str | Path, *, corpus: str = "") -> Path:
    """Write ``explorer.html`` into ``out_dir`` from the tables in ``data_dir``; return its path."""
    path = Path(out_dir) / PAGE_NAME
    path.write_text(explorer_html(read_tables(data_dir), corpus=corpus), encoding="utf-8")
    return path


class Explorer:
    """The explorer shown in a notebook: an ``<iframe srcdoc>`` that may run only its own script.

    The frame is sandboxed (``allow-scripts`` without ``allow-same-origin``): its script
    cannot reach the notebook, and the page's own CSP still applies inside it.
    """

    def __init__(self, page: str, *, height: int = 900):
        self.page, self.height = page, height

    def _repr_html_(self) -> str:
        return (f'<iframe sandbox="allow-scripts" srcdoc="{html.escape(self.page, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ccc" '
                f'title="{html.escape(TITLE)}"></iframe>')


def show_explorer(tables: dict[str, pd.DataFrame] | str | Path, *, corpus: str = "", height: int = 900) -> Explorer:
    """The explorer for a notebook cell, from DataFrames already in the kernel or a ``data/`` folder.

    Parameters
    ----------
    tables : dict of str to DataFrame, or a folder
        e.g. ``{"sentences": sentences, "term_occurrences": occurrences, "term_counts": counts,
        "distinctive_terms": distinctive}`` in ``02_terms``; or the report's ``data/`` folder.
    corpus : str
        The corpus as shown on the page.
    height : int
        The frame's height in pixels.

    Returns
    -------
    Explorer
        Displays as the page in a sandboxed frame; its ``page`` attribute is the HTML.
    """
    if isinstance(tables, str | Path):
        tables = read_tables(tables)
    return Explorer(explorer_html(tables, corpus=corpus), height=height)
