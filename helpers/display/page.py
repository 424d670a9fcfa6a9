"""One self-contained HTML page (the report's index, the explorer): its head and its Content-Security-Policy.

The policy allows the page's own inline style, and its own inline script when it has one,
by their SHA-256 hashes, and nothing else: ``default-src 'none'`` (no request to any
address, no image, no font, no frame), no ``unsafe-inline``, no ``eval``, no ``<base>``,
no form submission. A page without a script gets ``script-src 'none'``.
"""

from __future__ import annotations

import base64
import hashlib
import html


def csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page_csp(*, style: str, script: str | None = None) -> str:
    """The Content-Security-Policy of a page whose only style and script are these (inline)."""
    script_src = "'none'" if script is None else csp_hash(script)
    return (f"default-src 'none'; script-src {script_src}; style-src {csp_hash(style)}; "
            "base-uri 'none'; form-action 'none'")


def html_page(title: str, body: str, *, style: str, script: str | None = None) -> str:
    """Return a whole HTML document: the head with its CSP, ``body`` as given, then the script.

    Parameters
    ----------
    title : str
        The page's title, as text (escaped here).
    body : str
        The body's HTML, already escaped by the caller.
    style : str
        The page's one inline style sheet, allowed by its hash.
    script : str, optional
        The page's one inline script, put at the end of the body and allowed by its hash.

    Returns
    -------
    str
        The page. The policy holds only quotes, letters and base64, so it is written as is
        (``'none'`` stays readable in the source).
    """
    csp = page_csp(style=style, script=script)
    tail = "" if script is None else f"<script>{script}</script>\n"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{html.escape(title)}</title>
<style>{style}</style>
</head>
<body>
{body}
{tail}</body>
</html>
"""
