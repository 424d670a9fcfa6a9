"""The dateline opening the story ("CAIRO (AP) —", "New Delhi [India], Feb. 7 (ANI): ") and the
listed news agency the page credits, read from the dateline, a byline or credit line, or the
slug closing the story."""

from __future__ import annotations

import re

from .agency import AGENCY_ALTERNATION, agency_in
from .context import PageLines
from .rules import DATE_DATELINE, DATELINE_PATTERNS, NON_PLACES


def opens_dateline(text: str) -> bool:
    """Whether ``text`` opens with a dateline ("TRACY, Calif. — ...", "Chennai: ...")."""
    return split_dateline(text, 0)[3] is not None



def split_dateline(
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


def find_agency(page: PageLines, from_dateline: str | None, paragraphs: list[str]) -> tuple[str | None, str | None]:
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

