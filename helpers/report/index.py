"""The report's ``index.html``: each notebook's page with its one-line finding, self-contained.

No scripts, no URLs outside the report, no timestamps; every shown value is escaped, and its
Content-Security-Policy (``helpers.display.html_page``, as the explorer's) allows its own
style by hash and forbids scripts, images, fonts and any request.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from ..display import html_page
from .notebook import NotebookResult

INDEX_TITLE = "News-coverage comparison"
INDEX_CSS = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em;
       background: #f3f3f3; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #0645ad; }
ol { list-style: none; padding: 0; }
li { border-top: 1px solid #ddd; padding: 1rem 0; }
.finding { margin: .25rem 0; }
.meta { color: #555; font-size: .9rem; margin: .25rem 0 0; }
.status { font-weight: 700; font-size: .8rem; letter-spacing: .05em; padding: .1rem .4rem;
          border-radius: 3px; margin-right: .4rem; vertical-align: middle; }
.failed .status { background: #b00020; color: #fff; }
.not-run .status { background: #ddd; color: #333; }
.not-run h2 { color: #555; }
.error { color: #b00020; }
.banner { border: 2px solid #b00020; background: #fdecee; padding: .75rem 1rem; }
"""


def index_html(results: list[NotebookResult], *, corpus: str, code_free: bool, explorer: str | None = None) -> str:
    """Return the self-contained index page (no scripts, no URLs, no timestamps).

    Parameters
    ----------
    results : list of NotebookResult
        The build's results, in order.
    corpus : str
        The corpus as shown to the reader.
    code_free : bool
        Whether code-free copies exist to link to.
    explorer : str, optional
        The explorer page's file name, linked above the notebooks when given.

    Returns
    -------
    str
        The page; every shown value is escaped.
    """
    esc = html.escape
    failed = [r for r in results if r.status == "failed"]
    items = [_index_item(r, code_free=code_free) for r in results]
    if failed:
        summary = (
            f'<p class="banner"><strong>Build FAILED</strong>: {esc(", ".join(r.name for r in failed))} '
            "failed (the other notebooks ran). This report is incomplete.</p>"
        )
    else:
        summary = f"<p>Every notebook ran ({len(results)} in all).</p>"
    if explorer:
        summary += (f'<p class="explore"><a href="{esc(quote(explorer))}">Explore the corpus</a>: a term plot '
                    "for every outlet, sentences in context, word search, quotations and shared passages "
                    "(works offline).</p>")
    return html_page(INDEX_TITLE, f"""<main>
<h1>{esc(INDEX_TITLE)}</h1>
<p>Built from the corpus <code>{esc(corpus)}</code>.</p>
{summary}
<ol>
{chr(10).join(items)}
</ol>
</main>""", style=INDEX_CSS)


def _index_item(r: NotebookResult, *, code_free: bool) -> str:
    """One notebook's entry in the index: title (linked), status, finding, links."""
    esc = html.escape
    page = quote(r.html) if r.html else None
    heading = f'<a href="{esc(page)}">{esc(r.title)}</a>' if page else esc(r.title)
    status = {"failed": "FAILED", "not run": "not run"}.get(r.status)
    badge = f'<span class="status">{status}</span>' if status else ""
    lines = [f"<h2>{badge}{heading}</h2>"]
    if r.status == "failed":
        lines.append(f'<p class="error">Failed at {esc(r.error or "")}</p>')
    elif r.status == "not run":
        lines.append('<p class="finding">Not run, because an earlier notebook failed.</p>')
    if r.finding and r.finding != r.title and r.status != "not run":
        lines.append(f'<p class="finding">{esc(r.finding)}</p>')
    links = [f"<code>{esc(r.name)}.ipynb</code>"]
    if page and code_free:
        links.append(f'<a href="{esc("no-code/" + page)}">code-free copy</a>')
    if r.executed:
        links.append(f'<a href="{esc(quote(r.executed))}">executed notebook</a>')
    lines.append(f'<p class="meta">{" · ".join(links)}</p>')
    return f'<li class="{r.status.replace(" ", "-")}">\n' + "\n".join(lines) + "\n</li>"
