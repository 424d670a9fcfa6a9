"""Bylines in a page's header, by what a byline is on any site: a "By" line with its date, a
name with its agency or role ("Jane Roe | Reuters", "Jane Roe, Political Reporter"), a name
before the date ("Jane Roe June 3, 2019") and a news agency named alone under the headline."""

from __future__ import annotations

import re

from .agency import AGENCY_ALTERNATION, agency_in
from .context import PageLines
from .rules import DATE_OR_TIME, SENTENCE_END, count_words

HEADER_BYLINE_MAX_WORDS = 20  # a byline with its date and time ("By Jane Roe on June 3, 2019 at 10:56 AM")
HEADER_BYLINE_SEARCH_LINES = 6  # bylines stand among the first lines under the headline
HEADER_STORY_WORDS = 12  # an unclaimed line longer than this is the story: the header has ended
_NAME = r"[A-Z][\w.'\u2019-]+(?:\s+(?:[A-Z][\w.'\u2019-]+|de|da|van|von|al|el|bin)){1,3}"
_ROLE = (r"(?:senior\s+|chief\s+|staff\s+|political\s+|foreign\s+|business\s+|sports?\s+|[A-Z][a-z]+\s+)*"
         r"(?:reporter|correspondent|editor|writer|contributor|columnist|journalist|producer|analyst)s?")
# "By Jane Roe on June 3, 2019", "BY JANE ROE | Updated ...": "By", then a name (not "By 2050, ...").
_BY_LINE = re.compile(r"^(?i:by)[:\s]+(?:the\s+)?[A-Z][\w.'\u2019-]+\b")
# A name, then its agency or its role: "Jane Roe | Reuters", "Jane Roe / AFP", "Jane Roe, Political Reporter".
_NAME_WITH = re.compile(
    rf"^{_NAME}\s*(?:[|/,\u2013\u2014]|\s-)\s*(?:(?:the\s+)?(?:{AGENCY_ALTERNATION})\b.*|(?i:{_ROLE})\b.*)$"
)
# A name, then the date: "Jane Roe June 3, 2019", "Jane Roe | 3 June 2019 10:56" (no month or day in the name).
_DATE_WORD = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
              r"updated|published|posted)\b")
_NAME_WORD = rf"(?!{_DATE_WORD})[A-Z][\w.'\u2019-]+"
_NAME_DATE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}\s*[|,\u2013\u2014-]?\s*(?=\S*\d|{_DATE_WORD})")
_AGENCY_NAME_ALONE = re.compile(rf"^(?:by\s+)?(?:the\s+)?(?:{AGENCY_ALTERNATION})\.?$", re.IGNORECASE)
# A news agency as the story's author, with its date: "Xinhua, January 7, 2015", "Source:Xinhua
# Published: 2013-2-21 22:30", "AP News", "Reuters | Jan 3, 2019 10:56" ("Source: PTI" alone is
# a credit line, not a byline).
_AGENCY_BYLINE = re.compile(
    rf"^(?:(?i:by)\s+)?(?:the\s+)?(?:{AGENCY_ALTERNATION})(?:\s+(?i:news))?"
    rf"(?:\W*$|\s*[,|/\u2013\u2014-]\s*(?=\S*\d|{_DATE_WORD})|\s+(?i:published|updated|posted)\b)|"
    rf"^(?i:source)\s*:?\s*(?:{AGENCY_ALTERNATION})\s+(?i:published|updated|posted)\b"
)


def is_header_byline(text: str) -> bool:
    """Whether ``text``, a line of the page's header, is a byline (forms in the module docstring)."""
    if count_words(text) > HEADER_BYLINE_MAX_WORDS or SENTENCE_END.search(text) or text.rstrip().endswith("."):
        return False
    if _BY_LINE.match(text) or _NAME_WITH.match(text):
        return True
    m = _NAME_DATE.match(text)
    return bool(m) and bool(DATE_OR_TIME.search(text[m.end():]))


def mark_header_bylines(page: PageLines, start: int) -> None:
    """From line ``start`` (under the headline) to the story's first paragraph, mark the lines
    ``is_header_byline`` reads as bylines (over a timestamp rule: "Jane Roe June 3, 2019"), a news
    agency with its date ("Xinhua, January 7, 2015", "Source:Xinhua Published: ..."), and a
    news agency's name alone ("Reuters", "The Associated Press") as the byline crediting it."""
    for i in range(start, min(len(page), start + HEADER_BYLINE_SEARCH_LINES)):
        text, label = page.text(i), page.labels[i]
        if label is None and count_words(text) > HEADER_STORY_WORDS:
            return
        if label is not None and label[0] == "byline":
            continue
        if label is not None and label[0] == "wire credit" and _AGENCY_NAME_ALONE.match(text.strip("()[] ")):
            page.mark(i, "byline", "wire_credit", "a news agency's name under the headline")
        elif (label is None or label[0] in ("timestamp", "wire credit")) and (
            is_header_byline(text) or _is_agency_byline(text)
        ):
            kept = "wire_credit" if agency_in(text) else None
            page.mark(i, "byline", kept, "a byline's form under the headline")


def _is_agency_byline(text: str) -> bool:
    """Whether ``text`` is a news agency named as the story's author, with its date or alone
    (``_AGENCY_BYLINE``), short and no sentence."""
    short = count_words(text) <= HEADER_BYLINE_MAX_WORDS and not SENTENCE_END.search(text)
    return short and bool(_AGENCY_BYLINE.match(text.strip()))
