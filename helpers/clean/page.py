"""A page into body and everything else: ``clean_text()``, one step per kind of line, with the audit rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .normalise import LINE_BREAK, normalise_line
from .rules import (
    DATELINE_PATTERNS,
    ENDS_PUNCTUATED,
    Rule,
    count_words,
    is_crosshead,
    looks_like_title,
    matches_headline,
    rule_for,
)

DEK_MAX_WORDS = 45  # a standfirst is one or two sentences
HEADER_SEARCH_LINES = 8  # the headline sits among the first lines of a page


@dataclass
class CleanedText:
    """What ``clean_text`` found in one page."""

    body: str
    headline: str | None = None
    dek: str | None = None
    dateline: str | None = None
    wire_credit: str | None = None
    subheads: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)  # line_n, text, rule, action, kept_as
    normalised: Counter = field(default_factory=Counter)


@dataclass
class _Page:
    """One page's non-blank lines and what each has been found to be so far."""

    lines: list[tuple[int, str, str]]  # (1-based line in the raw text, raw line, normalised line)
    labels: list[tuple[str, str | None, str | None] | None]  # (rule, kept_as, detail); None: body
    rules: list[Rule | None]  # the single-line rule each line below the headline matches

    def __len__(self) -> int:
        return len(self.lines)

    def text(self, i: int) -> str:
        return self.lines[i][2]

    def mark(self, i: int, rule: str, kept_as: str | None = None, detail: str | None = None) -> None:
        self.labels[i] = (rule, kept_as, detail)


def clean_text(raw_text: str, *, headline: str | None = None) -> CleanedText:
    """Split one news page into body and everything else.

    Parameters
    ----------
    raw_text:
        The page as read from its file (any line endings).
    headline:
        The headline from the metadata, if known. A line among the first
        ``HEADER_SEARCH_LINES`` that matches it (ignoring case and punctuation) is
        taken as the headline; failing that, a title-like first line (no closing
        punctuation, 2-20 words, starts with a capital) followed by two or more
        lines is.

    Returns
    -------
    CleanedText
        ``body`` is the kept paragraphs, normalised (see ``normalise_line``),
        joined by one blank line. ``removed`` has one dict per non-blank line not
        kept as body: ``line_n`` (1-based line in the raw text), ``text`` (the raw
        line), ``rule``, ``action`` ("removed" or "reclassified" when it is kept in
        another column), ``kept_as`` (that column: headline, dek, dateline,
        subheads, wire_credit) and ``detail`` (e.g. the heading a footer block
        follows). Blank lines carry no text and are not listed.
    """
    result = CleanedText(body="")
    page = _read_page(raw_text, result.normalised)
    head_i = _mark_headline(page, headline)  # 1. the headline and what stands above it
    if head_i is not None:
        result.headline = page.text(head_i)
    start = _mark_line_rules(page, head_i)  # 2. single-line rules below the headline
    if head_i is not None:
        result.dek = _mark_dek(page, start)  # 3. the standfirst
    _mark_footer(page, start)  # 4. teasers and the like at the end
    result.subheads = _mark_crossheads(page)  # 5. crossheads between body paragraphs
    body_i = [i for i in range(len(page)) if page.labels[i] is None]
    paragraphs = [page.text(i) for i in body_i]
    if paragraphs:  # 6. the dateline opening the first paragraph
        result.dateline, paragraphs[0], row = _split_dateline(paragraphs[0], page.lines[body_i[0]][0])
        if row is not None:
            result.removed.append(row)
    wire = [page.text(i) for i, label in enumerate(page.labels) if label and label[1] == "wire_credit"]
    result.wire_credit = wire[0] if wire else None
    result.removed.extend(_audit_rows(page))
    result.removed.sort(key=lambda row: (row["line_n"], row["rule"] != "dateline"))
    result.body = "\n\n".join(paragraphs)
    return result


def _read_page(raw_text: str, counts: Counter) -> _Page:
    """The page's non-blank lines, normalised (changes counted in ``counts``), none labelled yet."""
    lines = [
        (n, raw.rstrip(), normalise_line(raw, counts))
        for n, raw in enumerate(LINE_BREAK.split(raw_text), start=1)
    ]
    lines = [(n, raw, text) for n, raw, text in lines if text]
    return _Page(lines=lines, labels=[None] * len(lines), rules=[None] * len(lines))


def _mark_headline(page: _Page, headline: str | None) -> int | None:
    """Mark the headline, its repeats and the lines above it; return its index (None: not found).

    The line among the first ``HEADER_SEARCH_LINES`` matching the metadata ``headline``,
    else a title-like first line of a page of more than two lines that no rule claims.
    """
    n_lines = len(page)
    head_i = None
    if headline and headline.strip():
        head_i = next(
            (i for i, (_, _, t) in enumerate(page.lines[:HEADER_SEARCH_LINES]) if matches_headline(t, headline)),
            None,
        )
    detail = None
    if head_i is None and n_lines > 2 and looks_like_title(page.text(0)) and rule_for(page.text(0), 0, n_lines) is None:
        head_i = 0
        if headline and headline.strip():
            detail = "title-like first line; differs from the metadata headline"
    if head_i is None:
        return None
    page.mark(head_i, "headline", "headline", detail)
    for i in range(head_i + 1, min(n_lines, head_i + HEADER_SEARCH_LINES)):
        if matches_headline(page.text(i), page.text(head_i)):  # pages often repeat it
            page.mark(i, "headline (repeated)")
    for i in range(head_i):  # section labels, photo credits
        rule = rule_for(page.text(i), i, n_lines)
        page.mark(i, rule.name if rule else ("section label" if count_words(page.text(i)) <= 4 else "above headline"))
    return head_i


def _mark_line_rules(page: _Page, head_i: int | None) -> int:
    """Apply ``LINE_RULES`` to every line below the headline (and its repeats); return the first such line."""
    n_lines = len(page)
    start = 0 if head_i is None else head_i + 1
    while head_i is not None and start < n_lines and page.labels[start] is not None:
        start += 1  # past a repeated headline
    for i in range(start, n_lines):
        rule = page.rules[i] = rule_for(page.text(i), i, n_lines)
        if rule is not None:
            page.mark(i, rule.name, rule.keep_as)
    return start


def _mark_dek(page: _Page, start: int) -> str | None:
    """Mark and return the dek: the first line under the headline, if it reads as a standfirst.

    That is, it has no closing punctuation, or page furniture follows it before the body.
    """
    if start >= len(page) or page.labels[start] is not None:
        return None
    text = page.text(start)
    nxt = page.rules[start + 1] if start + 1 < len(page) else None
    if count_words(text) <= DEK_MAX_WORDS and (not ENDS_PUNCTUATED.search(text) or (nxt and nxt.marks_header)):
        page.mark(start, "dek (standfirst)", "dek")
        return text
    return None


def _mark_footer(page: _Page, start: int) -> None:
    """Mark the footer: from a teaser heading, a publisher's message or a pair of share
    widgets in the second half of the page, every line goes."""
    n_lines, rules = len(page), page.rules
    footer_i = None
    for i in range(start, n_lines):
        rule = rules[i]
        if rule is None or i < n_lines / 2:
            continue
        widget_pair = rule.name == "share/print widget" and i + 1 < n_lines and (
            rules[i + 1] is not None and rules[i + 1].name == "share/print widget"
        )
        if rule.starts_footer or widget_pair:
            footer_i = i
            break
    if footer_i is None:
        return
    opener = page.text(footer_i)
    for i in range(footer_i, n_lines):
        if rules[i] is not None and rules[i].starts_footer:
            opener = page.text(i)
        if page.labels[i] is None:
            page.mark(i, "page footer block", detail=f"after {opener!r}")


def _mark_crossheads(page: _Page) -> list[str]:
    """Mark crossheads, short unpunctuated lines between body paragraphs; return their text."""
    subheads = []
    body_i = [i for i in range(len(page)) if page.labels[i] is None]
    for k, i in enumerate(body_i):
        if 0 < k < len(body_i) - 1 and is_crosshead(page.text(i)):
            subheads.append(page.text(i).strip("'\" "))
            page.mark(i, "crosshead (subhead)", "subheads")
    return subheads


def _split_dateline(paragraph: str, line_n: int) -> tuple[str | None, str, dict | None]:
    """The dateline opening the first paragraph, the paragraph without it, and its audit row.

    ``(None, paragraph, None)`` if the paragraph opens with no dateline (or is nothing else).
    """
    for pattern in DATELINE_PATTERNS:
        m = pattern.match(paragraph)
        if m and len(paragraph) > m.end():
            row = dict(
                line_n=line_n, text=m.group(0).strip(), rule="dateline",
                action="reclassified", kept_as="dateline", detail="opening of the first paragraph",
            )
            return m.group("dateline").strip(), paragraph[m.end():], row
    return None, paragraph, None


def _audit_rows(page: _Page) -> list[dict]:
    """One audit row per labelled line, in page order."""
    rows = []
    for i, label in enumerate(page.labels):
        if label is not None:
            rule, kept_as, detail = label
            rows.append(dict(
                line_n=page.lines[i][0], text=page.lines[i][1].strip(), rule=rule,
                action="reclassified" if kept_as else "removed", kept_as=kept_as, detail=detail,
            ))
    return rows
