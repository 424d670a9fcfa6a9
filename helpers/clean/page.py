"""A page into body and everything else: ``clean_text()``, one step per kind of line, with the audit rows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .agency import AGENCY_ALTERNATION, agency_in
from .context import PageLines, mark_header_dateline, mark_in_context, mark_repeats
from .normalise import LINE_BREAK, normalise_line
from .rules import (
    DATELINE_PATTERNS,
    ENDS_PUNCTUATED,
    NON_PLACES,
    count_words,
    is_crosshead,
    looks_like_title,
    matches_headline,
    rule_for,
)

DEK_MAX_WORDS = 45  # a standfirst is one or two sentences
HEADER_SEARCH_LINES = 8  # the headline sits among the first lines of a page
HEADER_SKIP_WORDS = 12  # above the headline, unclaimed lines longer than this are the story itself
TITLE_MAX_WORDS = 25  # a headline with closing punctuation is at most this long


@dataclass
class CleanedText:
    """What ``clean_text`` found in one page."""

    body: str
    headline: str | None = None
    dek: str | None = None
    dateline: str | None = None
    wire_credit: str | None = None
    agency: str | None = None  # the listed news agency the page credits ("AP", "Reuters", ...)
    agency_from: str | None = None  # where it was read: dateline, byline, credit line or end slug
    subheads: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)  # line_n, text, rule, action, kept_as
    normalised: Counter = field(default_factory=Counter)


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
    mark_in_context(page, start)  # 3. alt text, photographers' names, sponsored titles
    header_place = mark_header_dateline(page, start)
    if head_i is not None:
        result.dek = _mark_dek(page, start)  # 4. the standfirst
    _mark_footer(page, start)  # 5. teasers and the like at the end
    mark_repeats(page)  # 6. a paragraph printed twice
    result.subheads = _mark_crossheads(page)  # 7. crossheads between body paragraphs
    body_i = [i for i in range(len(page)) if page.labels[i] is None]
    paragraphs = [page.text(i) for i in body_i]
    agency = None
    if paragraphs:  # 8. the dateline opening the first paragraph, and the agency it credits
        result.dateline, agency, paragraphs[0], row = _split_dateline(paragraphs[0], page.lines[body_i[0]][0])
        if row is not None:
            result.removed.append(row)
    result.dateline = result.dateline or header_place
    wire = [page.text(i) for i, label in enumerate(page.labels) if label and label[1] == "wire_credit"]
    result.wire_credit = wire[0] if wire else None
    result.agency, result.agency_from = _find_agency(page, agency, paragraphs)  # 9. the agency
    result.removed.extend(_audit_rows(page))
    result.removed.sort(key=lambda row: (row["line_n"], row["rule"] != "dateline"))
    result.body = "\n\n".join(paragraphs)
    return result


def _read_page(raw_text: str, counts: Counter) -> PageLines:
    """The page's non-blank lines, normalised (changes counted in ``counts``), none labelled yet."""
    lines = [
        (n, raw.rstrip(), normalise_line(raw, counts))
        for n, raw in enumerate(LINE_BREAK.split(raw_text), start=1)
    ]
    lines = [(n, raw, text) for n, raw, text in lines if text]
    rules = [rule_for(text, i, len(lines)) for i, (_, _, text) in enumerate(lines)]
    return PageLines(lines=lines, labels=[None] * len(lines), rules=rules)


def _mark_headline(page: PageLines, headline: str | None) -> int | None:
    """Mark the headline, its repeats and the lines above it; return its index (None: not found).

    The line among the first ``HEADER_SEARCH_LINES`` matching the metadata ``headline``,
    else the one ``_find_headline`` reads as the headline.
    """
    n_lines = len(page)
    head_i = None
    if headline and headline.strip():
        head_i = next(
            (i for i, (_, _, t) in enumerate(page.lines[:HEADER_SEARCH_LINES]) if matches_headline(t, headline)),
            None,
        )
    detail = None
    if head_i is None and n_lines > 2:
        head_i = _find_headline(page)
        if head_i is not None and headline and headline.strip():
            detail = "title-like line at the top; differs from the metadata headline"
    if head_i is None:
        return None
    page.mark(head_i, "headline", "headline", detail)
    for i in range(head_i + 1, min(n_lines, head_i + HEADER_SEARCH_LINES)):
        if matches_headline(page.text(i), page.text(head_i)):  # pages often repeat it
            page.mark(i, "headline (repeated)")
    for i in range(head_i):  # section labels, photo credits
        rule = page.rules[i]
        page.mark(i, rule.name if rule else ("section label" if count_words(page.text(i)) <= 4 else "above headline"))
    return head_i


def _find_headline(page: PageLines) -> int | None:
    """The headline among the page's first lines, read past the furniture above it.

    Lines a rule claims (section labels, dates, credits) and short lines are read past until
    the first longer line no rule claims. Among the title-like lines met (no closing
    punctuation, 2-20 words), one the page repeats wins, else the first. Failing any, a line
    of up to ``TITLE_MAX_WORDS`` words that a timestamp or byline follows is the headline
    ("'Super-recognizers' never forget a face. Now, ...", then a date).
    """
    titles, fallback = [], None
    for i in range(min(len(page), HEADER_SEARCH_LINES + 4)):
        text = page.text(i)
        if page.rules[i] is not None:
            continue
        if looks_like_title(text):
            titles.append(i)
        elif fallback is None and count_words(text) <= TITLE_MAX_WORDS and i + 1 < len(page) and (
            page.rules[i + 1] is not None and page.rules[i + 1].name in ("timestamp", "byline")
        ):
            fallback = i
        if count_words(text) > HEADER_SKIP_WORDS and not looks_like_title(text):
            break
    window = range(HEADER_SEARCH_LINES)
    repeated = [i for i in titles if any(
        matches_headline(page.text(j), page.text(i)) for j in window if i < j < len(page)
    )]
    return (repeated or titles or [fallback])[0]


def _mark_line_rules(page: PageLines, head_i: int | None) -> int:
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


# A score between paragraphs of a match report: "Burnley 0 0 Manchester United", "Arsenal 3-2 Bolton".
_TEAM = r"[A-Z][\w.'&-]*(?:\s[A-Z][\w.'&-]*){0,3}"
SCORE_LINE = re.compile(rf"^{_TEAM}\s\d{{1,2}}(?:\s*[-\u2013:]\s*|\s)\d{{1,2}}\s{_TEAM}$")
HEADER_RULES = ("timestamp", "byline", "photo credit", "photo caption", "share/print widget", "wire credit")


def _mark_dek(page: PageLines, start: int) -> str | None:
    """Mark and return the dek: the first line under the headline not claimed as furniture,
    if it reads as a standfirst.

    Right under the headline, that is: no closing punctuation, or header furniture (a
    timestamp, byline, credit, caption or share widget) follows it. Below furniture (a
    byline, a date): no closing punctuation, or a byline, timestamp or credit follows it
    before the body, so a first paragraph with a photo after it stays body.
    """
    i = start
    while i < len(page) and page.labels[i] is not None and page.labels[i][0] in HEADER_RULES:
        i += 1
    if i >= len(page) or page.labels[i] is not None or count_words(page.text(i)) > DEK_MAX_WORDS or (
        SCORE_LINE.match(page.text(i))
    ):
        return None
    after, j = set(), i + 1
    while j < len(page) and page.labels[j] is not None:
        after.add(page.labels[j][0])
        j += 1
    followers = HEADER_RULES if i == start else ("timestamp", "byline", "wire credit")
    if not ENDS_PUNCTUATED.search(page.text(i)) or after & set(followers):
        page.mark(i, "dek (standfirst)", "dek")
        return page.text(i)
    return None


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


def _mark_crossheads(page: PageLines) -> list[str]:
    """Mark crossheads, short unpunctuated lines between body paragraphs; return their text."""
    subheads = []
    body_i = [i for i in range(len(page)) if page.labels[i] is None]
    for k, i in enumerate(body_i):
        if (0 < k < len(body_i) - 1 and is_crosshead(page.text(i))) or SCORE_LINE.match(page.text(i)):
            subheads.append(page.text(i).strip("'\" "))
            page.mark(i, "crosshead (subhead)", "subheads")
    return subheads


def _split_dateline(paragraph: str, line_n: int) -> tuple[str | None, str | None, str, dict | None]:
    """The dateline opening the first paragraph, the agency it credits, the paragraph without
    it, and its audit row.

    ``(None, None, paragraph, None)`` if the paragraph opens with no dateline (or is nothing
    else). A label before a dash or colon ("UPDATE:") is no dateline; a bracketed agency alone
    ("(Reuters) - ") is a credit with no place.
    """
    for pattern in DATELINE_PATTERNS:
        m = pattern.match(paragraph)
        if not m or len(paragraph) <= m.end() or m.group("dateline").strip().upper() in NON_PLACES:
            continue
        place = m.group("dateline").strip()
        groups = m.groupdict()
        credit = groups.get("agency") or groups.get("agency_after")
        agency = agency_in(credit) or (agency_in(place) if pattern is DATELINE_PATTERNS[0] else None)
        if pattern is DATELINE_PATTERNS[0] and agency:
            place = None
        row = dict(
            line_n=line_n, text=m.group(0).strip(), rule="dateline", action="reclassified", kept_as="dateline",
            detail="opening of the first paragraph" + (f"; credits {agency}" if agency else ""),
        )
        return place, agency, paragraph[m.end():], row
    return None, None, paragraph, None


_END_SLUG = re.compile(rf"\b(?P<agency>{AGENCY_ALTERNATION})(?:\s+[A-Z]{{2,4}}){{1,4}}\s*$")


def _find_agency(page: PageLines, from_dateline: str | None, paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The listed agency the page credits and where it says so: the dateline, else the first
    byline or credit line naming one, else an agency's slug closing the last paragraph
    ("... government." PTI BUN AAR). Captions, photo credits and teasers do not count."""
    if from_dateline:
        return from_dateline, "dateline"
    for i, label in enumerate(page.labels):
        if label and label[0] in ("byline", "sign-off", "wire credit"):
            found = agency_in(page.text(i))
            if found:
                return found, "byline" if label[0] != "wire credit" else "credit line"
    m = _END_SLUG.search(paragraphs[-1]) if paragraphs else None
    return (agency_in(m.group("agency")), "end slug") if m else (None, None)


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
