"""Show tables and findings in a notebook, with every piece of corpus text escaped.

Corpus text is untrusted: a scraped page may hold ``<script>``, ``</table>`` or
``$x$``. pandas ``Styler`` does not escape by default, and Markdown output would
render ``**bold**``; everything here goes through ``html.escape`` or
``Styler.format(escape="html")``, and tables are marked so that MathJax leaves
dollar signs alone.
"""

from __future__ import annotations

import hashlib
import html

import pandas as pd
from pandas.io.formats.style import Styler

MAX_ROWS = 50  # rows shown before "... N more rows"
MAX_CHARS = 400  # characters shown per cell before an ellipsis
NO_MATH = "tex2jax_ignore mathjax_ignore"  # MathJax 2 and 3 skip elements with these classes

_TABLE_CSS = [
    {"selector": "", "props": "border-collapse: collapse; font-size: 0.9em;"},
    {"selector": "th", "props": "text-align: left; padding: 4px 8px; border-bottom: 1px solid #999;"},
    # A word breaks only when it alone is wider than the cell's 48em (a pasted URL): with
    # "overflow-wrap: anywhere" a narrow column broke "JERUSALEM" into "JERUSALE M".
    {"selector": "td", "props": "text-align: left; vertical-align: top; padding: 4px 8px; "
                                "border-bottom: 1px solid #ddd; max-width: 48em; "
                                "overflow-wrap: break-word; word-break: normal;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; padding: 4px 0;"},
]


def _shorten(value, max_chars: int):
    if isinstance(value, str) and len(value) > max_chars:
        return value[: max_chars - 1] + "\u2026"
    return value


class EscapedHTML:
    """HTML built only from escaped pieces; plain text for the report index."""

    def __init__(self, html_text: str, plain: str):
        self._html, self._plain = html_text, plain

    def _repr_html_(self) -> str:
        return self._html

    def __repr__(self) -> str:
        return self._plain


def table(
    df: pd.DataFrame,
    *,
    caption: str | None = None,
    max_rows: int = MAX_ROWS,
    max_chars: int = MAX_CHARS,
    index: bool = False,
    precision: int = 2,
) -> EscapedHTML:
    """Render ``df`` as an escaped HTML table.

    Cells are escaped (``<`` shows as ``<``, never as markup), long text is cut
    at ``max_chars`` with an ellipsis, and rows past ``max_rows`` are counted
    under the table rather than shown. Dates show as YYYY-MM-DD, missing values
    as an em dash.

    Returns
    -------
    EscapedHTML
        Displays as the table in a notebook; its plain text is the caption.
    """
    shown = df.head(max_rows).copy()
    for col in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[col]):
            shown[col] = shown[col].dt.strftime("%Y-%m-%d")
        elif shown[col].dtype == object or pd.api.types.is_string_dtype(shown[col]):
            shown[col] = shown[col].map(lambda v: _shorten(v, max_chars))
    # a uuid from the content, not a random one, so two builds give identical HTML
    uuid = hashlib.sha1(f"{caption}|{shown.to_csv()}".encode()).hexdigest()[:10]
    styler = (
        Styler(shown, uuid=uuid, cell_ids=False)
        .format(escape="html", precision=precision, na_rep="\u2014", thousands=",")
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
        .set_table_styles(_TABLE_CSS)
    )
    if not index:
        styler = styler.hide(axis="index")
    if caption:
        styler = styler.set_caption(html.escape(caption))
    more = len(df) - len(shown)
    note = (
        f'<p style="font-size:0.85em;color:#555">\u2026 and {more:,} more rows (all are in the CSV).</p>'
        if more > 0
        else ""
    )
    body = f'<div class="{NO_MATH}" style="overflow-x:auto">{styler.to_html()}{note}</div>'
    return EscapedHTML(body, caption or f"table of {len(df)} rows")


def finding(text: str) -> EscapedHTML:
    """Show one finding, a sentence built from computed numbers, as an escaped paragraph.

    The report build copies its plain text into the index as the notebook's
    one-line finding, so the cell that shows it is tagged ``finding``.
    """
    body = (
        f'<p class="{NO_MATH}" style="font-size:1.1em;border-left:4px solid #2b6cb0;'
        f'padding:6px 12px;background:#f0f5fb">{html.escape(text)}</p>'
    )
    return EscapedHTML(body, text)


def note(text: str) -> EscapedHTML:
    """Show a computed sentence (escaped) under a table or figure."""
    return EscapedHTML(f'<p class="{NO_MATH}">{html.escape(text)}</p>', text)
