"""Shared passages side by side, with the words that differ marked.

``passages_html`` and ``diff_html`` build their HTML only from ``html.escape``'d pieces
of corpus text and a few fixed tags.
"""

from __future__ import annotations

import html

import pandas as pd

from ..overlap.align import compare_sentences
from ..overlap.tokens import Token
from ..wording import plural
from .escaped import NO_MATH, EscapedHTML

DEL_STYLE = "background:#fed7d7;text-decoration:none"  # words only in the left sentence
INS_STYLE = "background:#c6f6d5;text-decoration:none"  # words only in the right sentence
VARIANT_STYLE = "background:#fefcbf"  # the same word spelled differently
MAX_PASSAGES_SHOWN = 30  # pairs shown on the page; the CSV has all


def _highlight(text: str, tokens: list[Token], marks: dict[int, str]) -> str:
    """``text`` escaped, with each run of consecutive tokens of one mark wrapped in its
    (fixed) tag, the spaces and punctuation between them included."""
    tags = {
        "del": (f'<del style="{DEL_STYLE}">', "</del>"),
        "ins": (f'<ins style="{INS_STYLE}">', "</ins>"),
        "variant": (f'<mark style="{VARIANT_STYLE}">', "</mark>"),
    }
    runs: list[list[int]] = []
    for k in sorted(marks):
        if runs and runs[-1][1] == k - 1 and marks[runs[-1][0]] == marks[k]:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    pieces, pos = [], 0
    for first, last in runs:
        open_tag, close_tag = tags[marks[first]]
        start, end = tokens[first].start, tokens[last].end
        pieces += [html.escape(text[pos:start]), open_tag, html.escape(text[start:end]), close_tag]
        pos = end
    pieces.append(html.escape(text[pos:]))
    return "".join(pieces)


def diff_html(text_a: str, text_b: str) -> tuple[str, str]:
    """The two sentences as escaped HTML with their differing words marked.

    Words only in ``text_a`` are wrapped in ``<del>``, words only in ``text_b`` in
    ``<ins>``, spelling variants in ``<mark>`` on both sides. Every piece of the texts
    goes through ``html.escape``; the only markup is those three fixed tags.
    """
    al = compare_sentences(text_a, text_b)
    marks_a: dict[int, str] = {}
    marks_b: dict[int, str] = {}
    for tag, i1, i2, j1, j2 in al.opcodes:
        if tag in ("replace", "delete"):
            marks_a.update((k, "del") for k in range(i1, i2))
        if tag in ("replace", "insert"):
            marks_b.update((k, "ins") for k in range(j1, j2))
        if tag == "equal":
            for k, m in zip(range(i1, i2), range(j1, j2), strict=True):
                if al.tokens_a[k].norm != al.tokens_b[m].norm:
                    marks_a[k] = marks_b[m] = "variant"
    return _highlight(text_a, al.tokens_a, marks_a), _highlight(text_b, al.tokens_b, marks_b)


def passages_html(passages: pd.DataFrame, *, max_rows: int = MAX_PASSAGES_SHOWN) -> EscapedHTML:
    """Shared passages side by side, differing words highlighted, as escaped HTML.

    One table row per pair: the left sentence with its outlet and sentence id, the
    right one likewise, and the coverage; a row of the "partial" tier says so, with its
    overlap share, and a shared quotation (``label_quotations``) is marked. Built only
    from ``html.escape``'d corpus text and fixed tags (see ``diff_html``).
    """
    esc = html.escape
    if passages.empty:
        return EscapedHTML(f'<p class="{NO_MATH}">No shared passages.</p>', "No shared passages.")
    cell = "padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left"
    head = (
        f'<tr><th style="{cell}">#</th><th style="{cell}">left</th><th style="{cell}">right</th>'
        f'<th style="{cell}">coverage (tier)</th></tr>'
    )
    rows = []
    for p in passages.head(max_rows).itertuples(index=False):
        left, right = diff_html(p.text_a, p.text_b)
        variants = f"<br><small>variants: {esc(p.variants)}</small>" if p.variants else ""
        if getattr(p, "tier", "verified") == "partial":
            variants += f"<br><small>partial tier: overlap share {p.overlap_share:.2f}, not counted as copy</small>"
        if getattr(p, "quotation", False):
            variants += "<br><small>shared quotation (inside quotation marks in both)</small>"
        rows.append(
            f'<tr><td style="{cell}">{int(p.passage_id)}</td>'
            f'<td style="{cell};width:45%"><small>{esc(p.outlet_a)} \u00b7 {esc(p.sentence_id_a)}</small>'
            f'<br>{left}</td>'
            f'<td style="{cell};width:45%"><small>{esc(p.outlet_b)} \u00b7 {esc(p.sentence_id_b)}</small>'
            f'<br>{right}</td>'
            f'<td style="{cell}">{p.coverage:.2f}{variants}</td></tr>'
        )
    more = len(passages) - min(len(passages), max_rows)
    note = (
        f'<p style="font-size:0.85em;color:#555">\u2026 and {plural(more, "more pair")} (all are in the CSV).</p>'
        if more
        else ""
    )
    legend = (
        f'<p style="font-size:0.85em">Highlighted: <del style="{DEL_STYLE}">only left</del> \u00b7 '
        f'<ins style="{INS_STYLE}">only right</ins> \u00b7 <mark style="{VARIANT_STYLE}">spelled differently</mark>. '
        "Case, punctuation, quotation marks and spacing are ignored.</p>"
    )
    body = (
        f'<div class="{NO_MATH}" style="overflow-x:auto">{legend}'
        f'<table style="border-collapse:collapse;font-size:0.9em">{head}{"".join(rows)}</table>{note}</div>'
    )
    return EscapedHTML(body, f"{plural(len(passages), 'shared passage')} side by side")


