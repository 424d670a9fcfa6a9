"""The dateline opening the story ("CAIRO (AP) —", "New Delhi [India], Feb. 7 (ANI): ") and the
listed news agency the page credits, read from the dateline, a byline or credit line, or the
slug closing the story."""

from __future__ import annotations

import re

from .agency import AGENCY_ALTERNATION, AGENCY_PATTERN, agency_in, may_name_agency
from .context import PageLines
from .rules import (
    BARE_PLACE_PATTERNS,
    DATE_DATELINE,
    DATELINE_PATTERNS,
    NON_PLACES,
    SENTENCE_END,
    count_words,
    looks_like_title,
)
from .rulesearch import any_of, may_hold, proved_words

DATELINE_SEARCH_PARAGRAPHS = 3  # a dateline opens one of the first body paragraphs (missed furniture above it)
AGENCY_DATELINE_SEARCH_PARAGRAPHS = 10  # further down, only one crediting a listed agency is read
# A text that matches none of ``DATELINE_PATTERNS`` opens with no dateline: one call tells (speed only).
_ANY_DATELINE = any_of(DATELINE_PATTERNS)


def opens_dateline(text: str) -> bool:
    """Whether ``text`` opens with a dateline ("TRACY, Calif. — ...", "Chennai: ...")."""
    return split_dateline(text, 0)[3] is not None


def find_dateline(
    paragraphs: list[str], line_ns: list[int]
) -> tuple[str | None, str | None, int, str, dict | None]:
    """The story's dateline among the page's first body paragraphs: ``(place, agency, index of
    its paragraph, that paragraph without it, audit row)``; ``(None, None, 0, paragraphs[0],
    None)`` if there is none (``paragraphs`` must not be empty).

    The first paragraph opening with one wins among the first ``DATELINE_SEARCH_PARAGRAPHS``
    (furniture the line rules missed may stand above the story: a wrapped headline, a "0"
    counter); further down, to ``AGENCY_DATELINE_SEARCH_PARAGRAPHS``, only a dateline crediting
    a listed agency ("New Delhi [India], Feb. 7 (ANI): ") is read. Below the first paragraph a
    bare "Name: " opening is never one (it names a speaker)."""
    for k, paragraph in enumerate(paragraphs[:AGENCY_DATELINE_SEARCH_PARAGRAPHS]):
        if _ANY_DATELINE is not None and not _ANY_DATELINE.match(paragraph):
            continue  # split_dateline would find none
        place, agency, rest, row = split_dateline(
            paragraph, line_ns[k], others=paragraphs[:k] + paragraphs[k + 1:], bare_place=k == 0
        )
        if row is not None and (k < DATELINE_SEARCH_PARAGRAPHS or agency):
            if k:
                row["detail"] = row["detail"].replace("the first paragraph", f"body paragraph {k + 1}")
            return place, agency, k, rest, row
    return None, None, 0, paragraphs[0], None


def _colon_opening(pattern: re.Pattern[str], paragraph: str) -> bool:
    """Whether ``paragraph`` opens as ``pattern`` reads a dateline, closed by a colon."""
    m = pattern.match(paragraph)
    return bool(m) and m.group(0).rstrip().endswith(":")


def split_dateline(
    paragraph: str, line_n: int, *, others: list[str] = (), bare_place: bool = True
) -> tuple[str | None, str | None, str, dict | None]:
    """The dateline opening the first paragraph, the agency it credits, the paragraph without
    it, and its audit row.

    ``(None, None, paragraph, None)`` if the paragraph opens with no dateline (or is nothing
    else). A label before a dash or colon ("UPDATE:") is no dateline; a bracketed agency alone
    ("(Reuters) - ") is a credit with no place, unless the place and date follow it ("(ANSA) -
    Rome, September 24 - "). A bare "Place: " or "Place - " opening is none when ``bare_place``
    is False or the paragraph reads as a title, and no opening closed by a colon is one when
    another of the ``others`` paragraphs opens the same way (speakers' names: "Jose Mourinho:
    ...", "COACH SMITH: ..."), unless it credits a listed agency (a listing of ANI stories, each
    opening "Place [Country], Date (ANI): ").
    """
    if _ANY_DATELINE is not None and not _ANY_DATELINE.match(paragraph):
        return None, None, paragraph, None
    for pattern in DATELINE_PATTERNS:
        m = pattern.match(paragraph)
        if not m or len(paragraph) <= m.end() or m.group("dateline").strip().upper() in NON_PLACES:
            continue
        if pattern in BARE_PLACE_PATTERNS and (not bare_place or looks_like_title(paragraph)):
            continue  # a bare place opens the story's first paragraph, not a teaser's title ("League - Coach: ...")
        groups = m.groupdict()
        credit = groups.get("agency") or groups.get("agency_after") or groups.get("agency_open")
        if (m.group(0).rstrip().endswith(":") and not agency_in(credit)
                and any(_colon_opening(pattern, other) for other in others)):
            continue  # "Name: ..." opening several paragraphs names speakers; "Place, Date (ANI): " never does
        place = m.group("dateline").strip()
        agency = agency_in(credit) or (agency_in(place) if pattern is DATELINE_PATTERNS[0] else None)
        agency_alone = not agency and _only_agency(place)  # "AFP - ...": the agency, no place
        agency = agency or (agency_in(place) if agency_alone else None)
        end = m.end()
        if (pattern is DATELINE_PATTERNS[0] and agency) or pattern is DATE_DATELINE or agency_alone:
            place = None
            after = split_dateline(paragraph[end:], line_n, bare_place=False) if agency else None
            if after and after[3] is not None and after[0] and not after[1]:  # "(ANSA) - Rome, September 24 - "
                place, end = after[0], len(paragraph) - len(after[2])
        row = dict(
            line_n=line_n, text=paragraph[:end].strip(), rule="dateline", action="reclassified",
            kept_as="dateline", detail="opening of the first paragraph" + (f"; credits {agency}" if agency else ""),
        )
        return place, agency, paragraph[end:], row
    return None, None, paragraph, None


def _only_agency(text: str) -> bool:
    """Whether ``text`` is an agency's name and nothing else ("AFP", "Associated Press")."""
    m = AGENCY_PATTERN.fullmatch(text.strip(" ()[]"))
    return m is not None


# An agency's slug or credit closing the story: "... government. PTI BUN AAR", "... party. (ANI)", "... said. -- AFP".
_END_SLUG = re.compile(
    rf"\b(?P<agency>{AGENCY_ALTERNATION})(?:\s+[A-Z]{{2,4}}){{1,4}}\s*$|"
    rf"[.!?'\"]\s*(?:\(|[\u2014\u2013-]{{1,2}}\s*)?(?P<bracketed>{AGENCY_ALTERNATION})\)?\.?\s*$"
)

# Reuters' end credit, which names no agency: reporters, then (after a semicolon) editors.
REUTERS_END_CREDIT = re.compile(
    r"^\(?\s*(?:additional\s+)?reporting\s+by\b[^()]*;\s*(?:[^();]*;\s*)*editing\s+by\b", re.IGNORECASE
)


# A copyright notice, which may name the agency whose copy the page is:
# "Copyright 2019 The Associated Press. All rights reserved.", "(c) 2020 AFP".
# A contributor note closing the story: "The Associated Press contributed to this report."
CONTRIBUTED = re.compile(r"\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b", re.IGNORECASE)
COPYRIGHT_NOTICE = re.compile(r"^(?:\(c\)|\u00a9|copyright\b).*|.*\ball rights reserved\b.*", re.IGNORECASE)
_PHOTO_RULES = ("photo caption", "photo credit")


# Words one of which every match holds, read from the parsed patterns (``rulesearch.proved_words``):
# a line holding none of them is not searched (``rulesearch.may_hold``).
_COPYRIGHT_WORDS = proved_words(COPYRIGHT_NOTICE)  # "(c)", "copyright", "all rights reserved"
_CONTRIBUTED_WORDS = proved_words(CONTRIBUTED)  # "contributed"


def copyright_agency(page: PageLines) -> str | None:
    """The listed agency a copyright notice outside the photos names ("(c) 2020 AFP", "Copyright
    (c) 2021, Agence France-Presse"), or None."""
    if not may_hold(_page_text(page), _COPYRIGHT_WORDS):
        return None  # no line holds one of the words (a line is a piece of the page's text)
    for i in range(len(page)):
        label = page.labels[i]
        text = page.text(i)
        if not (may_hold(text, _COPYRIGHT_WORDS) and COPYRIGHT_NOTICE.match(text)):
            continue
        if not (label and label[0] in _PHOTO_RULES and "reserved" not in text.lower()):
            found = agency_in(text)
            if found:
                return found
    return None


def _page_text(page: PageLines) -> str:
    """The page's lines joined: ``may_hold`` on it is False only when it is False on every line (one call)."""
    return "\n".join(page.text(i) for i in range(len(page)))


def _labelled(page: PageLines) -> list[str]:
    """The text of every line a rule took out of the body, captions and photo credits left out."""
    return [page.text(i) for i, label in enumerate(page.labels) if label and label[0] not in _PHOTO_RULES]


def find_agency(page: PageLines, from_dateline: str | None, paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The listed agency the page credits and where it says so: the dateline, else the first
    byline or credit line naming one, else an agency's slug closing the last paragraph
    ("... government." PTI BUN AAR), else Reuters for its house end credit naming reporters and
    editors ("(Reporting by ...; Editing by ...)"), else the agency a copyright notice names.
    A time line above the story naming one ("Source:Xinhua Published: ...", "TOKYO, Feb. 3 Kyodo -")
    counts as a byline; a contributor note naming one ("The Associated Press contributed to this
    report.") after the slug; last, a short line crediting one at the story's start or end
    (``credit_position_agency``). Captions, photo credits and teasers do not count."""
    if from_dateline:
        return from_dateline, "dateline"
    first_body = next((i for i, label in enumerate(page.labels) if label is None), len(page))
    for i, label in enumerate(page.labels):
        header_time = label and label[0] == "timestamp" and i < first_body
        if label and (label[0] in ("byline", "sign-off", "wire credit", "dateline (own line)") or header_time):
            found = agency_in(page.text(i))
            if found:
                return found, "byline" if label[0] != "wire credit" else "credit line"
    m = _END_SLUG.search(paragraphs[-1]) if paragraphs and may_name_agency(paragraphs[-1]) else None
    if m:
        return agency_in(m.group("agency") or m.group("bracketed")), "end slug"
    texts = (*paragraphs, *_labelled(page))  # one test of them all first (``may_hold`` on one text joined)
    notes = (t for t in texts if may_hold(t, _CONTRIBUTED_WORDS) and CONTRIBUTED.search(t)) if may_hold(
        "\n".join(texts), _CONTRIBUTED_WORDS) else ()
    found = next(filter(None, map(agency_in, notes)), None)
    if found:
        return found, "contributor note"
    for i, label in enumerate(page.labels):
        if label and label[0] in ("byline", "wire credit") and REUTERS_END_CREDIT.search(page.text(i)):
            return "Reuters", "end credit"
    found, where = copyright_agency(page), "copyright notice"
    if not found:  # else a short credit line at the story's start or end ("(With inputs from PTI)")
        found, where = credit_position_agency(page), "credit position"
    return (found, where) if found else (None, None)


CREDIT_MAX_WORDS = 12  # a credit is a short line: "(With inputs from Reuters and NBC News.)", "bk/msh (AFP, dpa)"
CREDIT_END_LINES = 3  # the story's last paragraphs, and the lines below it to the footer, hold its end credit
CREDIT_HEAD_LINES = 3  # the lines right under the headline, and the story's first paragraph, hold its byline
# An agency named as a credit: in brackets, opening the line before a comma, dash, bar or slash
# ("Xinhua, January 7"; not "Reuters could not verify ..."), closing it after one ("... / AFP",
# "\u2014 AFP"; not "... told Reuters."), or after a credit word opening the line ("Source: PTI").
_CREDIT_SHAPE = re.compile(
    rf"[(\[][^()\[\]]*(?<![\w-])(?:{AGENCY_ALTERNATION})(?![\w-])[^()\[\]]*[)\]]|"
    rf"^\W*(?:the\s+)?(?:{AGENCY_ALTERNATION})(?:\W*$|\s*[,|/:(\u2013\u2014-])|"
    rf"(?:^|[|/:\u2022\u2013\u2014-]\s*)(?:the\s+)?(?:{AGENCY_ALTERNATION})\.?\s*$|"
    rf"^\W*(?i:(?:source|(?:with\s+)?inputs?\s+from|with|via|credit|courtesy(?:\s+of)?)\b)\W*(?:the\s+)?"
    rf"(?:{AGENCY_ALTERNATION})(?![\w-])"
)
_NOT_COPY_CREDIT = re.compile(r"\b(?:photo|image|picture|file|getty|video|graphic|illustration)s?\b", re.IGNORECASE)
_TEASER_RULES = ("teaser link", "teaser block heading", "partner teasers", "highlights", *_PHOTO_RULES)


def credit_position_agency(page: PageLines) -> str | None:
    """The listed agency a short line in a credit position names as a credit, or None: the lines
    under the headline (not it, nor what stands above it) to the story's first paragraph, and the
    lines from the story's ``CREDIT_END_LINES``-th last paragraph to ``CREDIT_END_LINES`` below
    its last ("Xinhua, January 7, 2015", "(With inputs from Reuters)", "bk/msh (AFP, dpa)",
    "Source: PTI"). A credit names the agency in brackets, at the line's
    start, at its end after a dash, bar or slash, or after a credit word opening the line
    (source, with, with inputs from, via, credit, courtesy of). Photo credits, captions and
    teasers, and lines ending a sentence inside, do not count; the line is read, never removed."""
    body = [i for i, label in enumerate(page.labels) if label is None]
    if not body:
        return None
    heads = [i for i, label in enumerate(page.labels) if label and label[0].startswith("headline")]
    above = heads[-1] + 1 if heads and heads[-1] < body[0] else 0  # never the headline or what stands above it
    head = list(range(max(above, body[0] - CREDIT_HEAD_LINES), body[0] + 1))
    end = list(range(body[-CREDIT_END_LINES:][0], min(len(page), body[-1] + 1 + CREDIT_END_LINES)))
    for i in head + end:
        text, label = page.text(i), page.labels[i]
        if (label and label[0] in _TEASER_RULES) or count_words(text) > CREDIT_MAX_WORDS or not may_name_agency(text):
            continue
        if SENTENCE_END.search(text) or _NOT_COPY_CREDIT.search(text) or not _CREDIT_SHAPE.search(text):
            continue
        found = agency_in(_CREDIT_SHAPE.search(text).group(0))
        if found:
            return found
    return None

