"""A page into body and everything else: ``clean_text()``, one step per kind of line (the header in
``header.py``, the dateline and agency in ``dateline.py``), with the audit rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .byline import mark_header_bylines
from .context import PageLines, keep_end_credit, mark_header_dateline, mark_in_context, mark_repeats
from .dateline import find_agency, find_dateline
from .header import SCORE_LINE, mark_header, mark_headline
from .linemodel import mark_by_model
from .normalise import normalise_line, split_lines
from .rules import (
    CROSSHEAD_MAX_WORDS,
    LINE_TITLE_MAX_WORDS,
    SENTENCE_END,
    count_words,
    is_crosshead,
    looks_like_title,
    rule_for,
)


@dataclass
class CleanedText:
    """What ``clean_text`` found in one page."""

    body: str
    headline: str | None = None
    dek: str | None = None
    dateline: str | None = None
    wire_credit: str | None = None
    agency: str | None = None  # the listed news agency the page credits ("AP", "Reuters", ...)
    agency_from: str | None = None  # where: dateline, byline, credit line, end slug, ..., credit position
    subheads: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)  # line_n, text, rule, action, kept_as
    normalised: Counter = field(default_factory=Counter)


def clean_text(raw_text: str, *, headline: str | None = None, line_model: bool = True) -> CleanedText:
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
    line_model:
        After the rules, the trained line model (``linemodel.mark_by_model``) removes
        lines the rules kept that it rates furniture; False gives the rules alone.

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
    head_i = mark_headline(page, headline)  # 1. the headline and what stands above it
    if head_i is not None:
        result.headline = page.text(head_i)
    start = _mark_line_rules(page, head_i)  # 2. single-line rules below the headline
    mark_in_context(page, start)  # 3. alt text, photographers' names, sponsored titles
    header_place, _ = mark_header_dateline(page, start), mark_header_bylines(page, start)  # 3b. header bylines
    result.dek = mark_header(page, start, head_i is not None)  # 4. byline name, standfirst, highlights
    _mark_footer(page, start)  # 5. teasers and the like at the end
    keep_end_credit(page)  # a last paragraph closing with '(ANI)' is no caption
    mark_repeats(page)  # 6. a paragraph printed twice
    result.subheads = _mark_crossheads(page)  # 7. crossheads between body paragraphs
    if line_model:
        mark_by_model(page)  # 7b. furniture the rules kept, by the trained line model
    body_i = [i for i in range(len(page)) if page.labels[i] is None]
    paragraphs = [page.text(i) for i in body_i]
    agency = None
    if paragraphs:  # 8. the dateline opening the story, and the agency it credits
        result.dateline, agency, k, paragraphs[k], row = find_dateline(
            paragraphs, [page.lines[i][0] for i in body_i]
        )
        if row is not None:
            result.removed.append(row)
    result.dateline = result.dateline or header_place
    wire = [page.text(i) for i, label in enumerate(page.labels) if label and label[1] == "wire_credit"]
    result.wire_credit = wire[0] if wire else None
    result.agency, result.agency_from = find_agency(page, agency, paragraphs)  # 9. the agency
    result.removed.extend(_audit_rows(page))
    result.removed.sort(key=lambda row: (row["line_n"], row["rule"] != "dateline"))
    result.body = "\n\n".join(paragraphs)
    return result


def _read_page(raw_text: str, counts: Counter) -> PageLines:
    """The page's non-blank lines, normalised (changes counted in ``counts``), none labelled yet."""
    lines = [
        (n, raw.rstrip(), normalise_line(raw, counts))
        for n, raw in enumerate(split_lines(raw_text), start=1)
    ]
    lines = [(n, raw, text) for n, raw, text in lines if text]
    rules = [rule_for(text, i, len(lines)) for i, (_, _, text) in enumerate(lines)]
    return PageLines(lines=lines, labels=[None] * len(lines), rules=rules)



def _mark_line_rules(page: PageLines, head_i: int | None) -> int:
    """Label every line below the headline (and its repeats) with the ``LINE_RULES`` rule it matches
    (found once per line by ``_read_page``: a line's rule depends only on its text and place); return
    the first such line."""
    n_lines = len(page)
    start = 0 if head_i is None else head_i + 1
    while head_i is not None and start < n_lines and page.labels[start] is not None:
        start += 1  # past a repeated headline
    for i in range(start, n_lines):
        rule = page.rules[i]
        if rule is not None:
            page.mark(i, rule.name, rule.keep_as)
    return start



def _mark_footer(page: PageLines, start: int) -> None:
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


def _is_sentence_piece(page: PageLines, i: int) -> bool:
    """Line ``i`` holds a sentence's end before more text, or is a piece of a wrapped paragraph:
    never a crosshead or another story's title."""
    return bool(SENTENCE_END.search(page.text(i))) or page.in_wrapped_paragraph(i)


def _mark_crossheads(page: PageLines) -> list[str]:
    """Mark crossheads, short unpunctuated lines between body paragraphs (longer ones, up to a
    title's 20 words, are another story's title: a teaser link); return the text of
    every crosshead on the page (those found above the first paragraph too), in page order."""
    body_i = [i for i in range(len(page)) if page.labels[i] is None]
    longest = max(CROSSHEAD_MAX_WORDS, LINE_TITLE_MAX_WORDS)  # a longer line is neither: not looked at
    for k, i in enumerate(body_i):
        between = 0 < k < len(body_i) - 1 and count_words(page.text(i)) <= longest and not _is_sentence_piece(page, i)
        if (between and is_crosshead(page.text(i))) or SCORE_LINE.match(page.text(i)):
            page.mark(i, "crosshead (subhead)", "subheads")
        elif between and looks_like_title(page.text(i)):  # too long for a crosshead
            page.mark(i, "teaser link", detail="an unpunctuated title between paragraphs")
    return [page.text(i).strip("'\" ") for i, label in enumerate(page.labels) if label and label[1] == "subheads"]



def _audit_rows(page: PageLines) -> list[dict]:
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
