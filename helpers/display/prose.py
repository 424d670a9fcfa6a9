"""A paragraph of the bundle's own prose (a notebook's Method), written by code from the
constants the computation uses, shown with ``code`` and *emphasis* marked.

Only text the helpers write goes through here, never corpus text; it is escaped all the
same, then two marks are turned into tags: `` `code` `` and ``*emphasis*``.
"""

from __future__ import annotations

import html
import re

from .escaped import NO_MATH, EscapedHTML

CODE = re.compile(r"`([^`]+)`")
EMPHASIS = re.compile(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])")


def prose_html(text: str) -> str:
    """``text`` escaped, its paragraphs (blank-line separated) as ``<p>``, `` `x` `` as
    ``<code>``, ``*x*`` as ``<em>``."""
    paragraphs = []
    for block in text.split("\n\n"):
        pieces = CODE.split(html.escape(block.strip(), quote=False))  # odd pieces are code
        marked = [f"<code>{piece}</code>" if i % 2 else EMPHASIS.sub(r"<em>\1</em>", piece)
                  for i, piece in enumerate(pieces)]
        paragraphs.append("<p>" + "".join(marked) + "</p>")
    return "".join(paragraphs)


def method(text: str) -> EscapedHTML:
    """Show a notebook's Method paragraph(s), built by an analysis's ``method_note``."""
    plain = CODE.sub(r"\1", text)
    return EscapedHTML(f'<div class="{NO_MATH}">{prose_html(text)}</div>', plain)
