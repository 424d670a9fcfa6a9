"""A page into body and everything else: ``clean_text()``, one step per kind of line, with the audit rows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .agency import AGENCY_ALTERNATION, agency_in
from .context import PageLines, keep_end_credit, mark_header_dateline, mark_in_context, mark_repeats
from .linemodel import mark_by_model
from .normalise import LINE_BREAK, normalise_line
from .rules import (
    CROSSHEAD_MAX_WORDS,
    DATE_DATELINE,
    DATELINE_PATTERNS,
    ENDS_PUNCTUATED,
    NON_PLACES,
    SENTENCE_END,
    count_words,
    is_crosshead,
    looks_like_title,
    matches_headline,
    rule_for,
)

DEK_MAX_WORDS = 45  # a standfirst is one or two sentences
DEK_MIN_WORDS = 6  # shorter lines under the headline are labels or teasers, not a standfirst
DEK_RESTATED_WORDS = 8  # a paragraph opening with the dek's first words restates it: the dek is furniture
NAME_BYLINE_MAX_WORDS = 3  # "CGTN", "Team Herald": a name alone under the headline is its byline
HEADER_SEARCH_LINES = 8  # the headline sits among the first lines of a page
HEADER_SKIP_WORDS = 12  # above the headline, unclaimed lines longer than this are the story itself
TITLE_MAX_WORDS = 25  # a headline with closing punctuation is at most this long
SITE_LINE_MAX_WORDS = 5  # a title-like line above the headline this short may be the site's ("TFG Logo")


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
    head_i = _mark_headline(page, headline)  # 1. the headline and what stands above it
    if head_i is not None:
        result.headline = page.text(head_i)
    start = _mark_line_rules(page, head_i)  # 2. single-line rules below the headline
    mark_in_context(page, start)  # 3. alt text, photographers' names, sponsored titles
    header_place = mark_header_dateline(page, start)
    result.dek = _mark_header(page, start, head_i is not None)  # 4. byline name, standfirst, highlights
    _mark_footer(page, start)  # 5. teasers and the like at the end
    keep_end_credit(page)  # a last paragraph closing with '(ANI)' is no caption
    mark_repeats(page)  # 6. a paragraph printed twice
    result.subheads = _mark_crossheads(page)  # 7. crossheads between body paragraphs
    if line_model:
        mark_by_model(page)  # 7b. furniture the rules kept, by the trained line model
    body_i = [i for i in range(len(page)) if page.labels[i] is None]
    paragraphs = [page.text(i) for i in body_i]
    agency = None
    if paragraphs:  # 8. the dateline opening the first paragraph, and the agency it credits
        result.dateline, agency, paragraphs[0], row = _split_dateline(
            paragraphs[0], page.lines[body_i[0]][0], others=paragraphs[1:]
        )
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
    ("'Super-recognizers' never forget a face. Now, ...", then a date). A title-like line the
    story follows (``_story_follows``) wins over shorter ones of up to ``SITE_LINE_MAX_WORDS``
    words above it, which are the site's ("Play Live Radio", "Take the pledge to vote"), unless
    one of them, a name alone and the line are in a row (a headline, its byline, its dek).
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
    story_next = [i for k, i in enumerate(titles) if _story_follows(page, i) and all(
        count_words(page.text(j)) <= SITE_LINE_MAX_WORDS and count_words(page.text(j)) < count_words(page.text(i))
        and not (j + 2 == i and _is_name_alone(page.text(j + 1))) for j in titles[:k]
    )]
    return (repeated or story_next or titles or [fallback])[0]


def _story_follows(page: PageLines, i: int) -> bool:
    """Whether what follows line ``i`` is how a story opens under its headline: a long line (the
    dek or the first paragraph) or the header's byline, time or credit. Title-like lines above
    the headline (a logo's name, a player's "Play Live Radio", a call to vote) are followed by
    more of the site's furniture instead. (A caption does not tell: a photo's alt text has one
    under it too.)"""
    if i + 1 >= len(page):
        return False
    rule = page.rules[i + 1]
    if rule is not None:
        return rule.name in ("timestamp", "byline", "wire credit", "share/print widget")
    return count_words(page.text(i + 1)) > HEADER_SKIP_WORDS and not looks_like_title(page.text(i + 1))


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


HEADER_SKIP_RULES = (
    *HEADER_RULES, "page widget", "section label", "comment section", "sign-up or newsletter box",
    "dateline (own line)",
)
_NAME_LINE = re.compile(r"^[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*$")
_HIGHLIGHT_BULLET = re.compile(r"^[\u2022\u00b7*]\s*\S")


def _is_name_alone(text: str) -> bool:
    """A name and nothing else: up to ``NAME_BYLINE_MAX_WORDS`` capitalised words ("CGTN", "Team Herald")."""
    return bool(_NAME_LINE.match(text)) and count_words(text) <= NAME_BYLINE_MAX_WORDS


def _skip_furniture(page: PageLines, i: int) -> int:
    """The first line from ``i`` on that is not header furniture already found."""
    while i < len(page) and page.labels[i] is not None and page.labels[i][0] in HEADER_SKIP_RULES:
        i += 1
    return i


def _mark_header(page: PageLines, start: int, has_headline: bool) -> str | None:
    """Mark the header block between the headline and the story; return the dek.

    Under a headline, a name alone ("CGTN", "Team Herald") is the byline; then the dek
    (``_is_dek``); then short unpunctuated lines and bullets before the first paragraph are
    teaser links and highlights. Without a headline only a dek the story restates or a
    dateline follows is read."""
    i = _skip_furniture(page, start)
    if has_headline and i + 1 < len(page) and page.labels[i] is None and _is_name_alone(page.text(i)) and (
        page.rule_name(i + 1) != "byline"  # a byline right under it is the byline; the name is a label
    ):
        page.mark(i, "byline", detail="a name alone under the headline")
        i = _skip_furniture(page, i + 1)
    dek = None
    if i < len(page) and page.labels[i] is None and _is_dek(page, i, start, has_headline):
        page.mark(i, "dek (standfirst)", "dek")
        dek = page.text(i)
    if has_headline:
        _mark_header_teasers(page, i)
    return dek


def _is_dek(page: PageLines, i: int, start: int, has_headline: bool) -> bool:
    """Whether line ``i``, the first under the headline not claimed as furniture, is the dek.

    It is a standfirst's length and opens with no dateline (that is the story), and: the
    story restates it (a paragraph opening with its first ``DEK_RESTATED_WORDS`` words), or
    the story's dateline follows it; or, under a headline, it has no closing punctuation or
    header furniture follows it (right under the headline: a timestamp, byline, credit,
    caption or share widget; below furniture: a byline, timestamp or credit), so a first
    paragraph with a photo after it stays body."""
    text = page.text(i)
    if not DEK_MIN_WORDS <= count_words(text) <= DEK_MAX_WORDS or SCORE_LINE.match(text) or _opens_dateline(text):
        return False
    if page.in_wrapped_paragraph(i):  # a piece of a wrapped first paragraph
        return False
    j = _skip_furniture(page, i + 1)
    if j < len(page) and page.labels[j] is None and _opens_dateline(page.text(j)):
        return True
    opening = " ".join(_comparable(text).split()[:DEK_RESTATED_WORDS])
    if any(page.labels[k] is None and _comparable(page.text(k)).startswith(opening) for k in range(i + 1, len(page))):
        return True
    if not has_headline:
        return False
    after = {page.labels[k][0] for k in range(i + 1, j)}
    followers = HEADER_RULES if i == start else ("timestamp", "byline", "wire credit")
    unpunctuated = not ENDS_PUNCTUATED.search(text) and not SENTENCE_END.search(text)  # no paragraph cut short
    return unpunctuated or bool(after & set(followers))


def _mark_header_teasers(page: PageLines, i: int) -> None:
    """From line ``i``, short unpunctuated lines and bullets standing above the story's first
    paragraph are teaser links and highlights (only if a paragraph follows them); the short
    line right above the paragraph, and a score line, are its crossheads."""
    found = []
    while i < len(page):
        text = page.text(i)
        if page.labels[i] is not None:
            i += 1
            continue
        if _HIGHLIGHT_BULLET.match(text):
            found.append((i, "highlights"))
        elif looks_like_title(text) and count_words(text) <= CROSSHEAD_MAX_WORDS and not page.in_wrapped_paragraph(i):
            found.append((i, "teaser link"))
        else:
            break
        i += 1
    if i >= len(page):
        return
    for n, (k, rule) in enumerate(found):
        if rule == "teaser link" and (n == len(found) - 1 or SCORE_LINE.match(page.text(k))):
            page.mark(k, "crosshead (subhead)", "subheads", "right above the story's first paragraph")
        else:
            page.mark(k, rule, detail="above the story's first paragraph")


def _opens_dateline(text: str) -> bool:
    """Whether ``text`` opens with a dateline ("TRACY, Calif. — ...", "Chennai: ...")."""
    return _split_dateline(text, 0)[3] is not None


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


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
    for k, i in enumerate(body_i):
        between = 0 < k < len(body_i) - 1 and not _is_sentence_piece(page, i)
        if (between and is_crosshead(page.text(i))) or SCORE_LINE.match(page.text(i)):
            page.mark(i, "crosshead (subhead)", "subheads")
        elif between and looks_like_title(page.text(i)):  # too long for a crosshead
            page.mark(i, "teaser link", detail="an unpunctuated title between paragraphs")
    return [page.text(i).strip("'\" ") for i, label in enumerate(page.labels) if label and label[1] == "subheads"]


def _split_dateline(
    paragraph: str, line_n: int, *, others: list[str] = ()
) -> tuple[str | None, str | None, str, dict | None]:
    """The dateline opening the first paragraph, the agency it credits, the paragraph without
    it, and its audit row.

    ``(None, None, paragraph, None)`` if the paragraph opens with no dateline (or is nothing
    else). A label before a dash or colon ("UPDATE:") is no dateline; a bracketed agency alone
    ("(Reuters) - ") is a credit with no place. A bare "Place: " opening is no dateline when
    one of the ``others`` paragraphs opens the same way (speakers' names: "Jose Mourinho: ...").
    """
    for pattern in DATELINE_PATTERNS:
        m = pattern.match(paragraph)
        if not m or len(paragraph) <= m.end() or m.group("dateline").strip().upper() in NON_PLACES:
            continue
        if pattern is DATELINE_PATTERNS[-1] and any(pattern.match(other) for other in others):
            continue  # "Name: ..." opening several paragraphs names speakers, not a place
        place = m.group("dateline").strip()
        groups = m.groupdict()
        credit = groups.get("agency") or groups.get("agency_after")
        agency = agency_in(credit) or (agency_in(place) if pattern is DATELINE_PATTERNS[0] else None)
        if (pattern is DATELINE_PATTERNS[0] and agency) or pattern is DATE_DATELINE:
            place = None
        row = dict(
            line_n=line_n, text=m.group(0).strip(), rule="dateline", action="reclassified", kept_as="dateline",
            detail="opening of the first paragraph" + (f"; credits {agency}" if agency else ""),
        )
        return place, agency, paragraph[m.end():], row
    return None, None, paragraph, None


# An agency's slug or credit closing the story: "... government. PTI BUN AAR", "... party. (ANI)", "... said. -- AFP".
_END_SLUG = re.compile(
    rf"\b(?P<agency>{AGENCY_ALTERNATION})(?:\s+[A-Z]{{2,4}}){{1,4}}\s*$|"
    rf"[.!?'\"]\s*(?:\(|[\u2014\u2013-]{{1,2}}\s*)?(?P<bracketed>{AGENCY_ALTERNATION})\)?\.?\s*$"
)


def _find_agency(page: PageLines, from_dateline: str | None, paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The listed agency the page credits and where it says so: the dateline, else the first
    byline or credit line naming one, else an agency's slug closing the last paragraph
    ("... government." PTI BUN AAR). Captions, photo credits and teasers do not count."""
    if from_dateline:
        return from_dateline, "dateline"
    for i, label in enumerate(page.labels):
        if label and label[0] in ("byline", "sign-off", "wire credit", "dateline (own line)"):
            found = agency_in(page.text(i))
            if found:
                return found, "byline" if label[0] != "wire credit" else "credit line"
    m = _END_SLUG.search(paragraphs[-1]) if paragraphs else None
    return (agency_in(m.group("agency") or m.group("bracketed")), "end slug") if m else (None, None)


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
