"""The heading of a page's group section: the question, escaped, and which groups there are
(``helpers.groups.groups_note``), shown only when the notebook was given a ``group_by``."""

from __future__ import annotations

import html

from ..groups import Grouping, groups_note
from .escaped import NO_MATH, EscapedHTML


def group_section(grouping: Grouping, question: str) -> EscapedHTML:
    """An ``<h3>`` with ``question`` and a paragraph naming the groups, their outlets and
    articles, the outlets in no group and the groups too small to compare (all escaped:
    group names come from the user's outlets.csv)."""
    sentence = groups_note(grouping)
    body = (f'<h3 class="{NO_MATH}">{html.escape(question)}</h3>'
            f'<p class="{NO_MATH}">{html.escape(sentence)}</p>')
    return EscapedHTML(body, f"{question}\n{sentence}")
