"""Issue 15's seventh round: the agency read from a short credit line at the story's start or end
(``credit_position_agency``), whatever the site's wording, and a listing of agency-credited story
openings ("Place [Country], Date (ANI): ") read as datelines. Each page is a short one the test
writes; hostile lines (an agency as the subject of a sentence or a headline, a photo credit, a
teaser title) must credit none, and no body paragraph is lost."""

import pytest

from helpers.clean import clean_text
from helpers.clean.dateline import credit_position_agency
from tests.clean_texts import P1, P2, P3, rules

HEAD = "Bridge closed after floods"


@pytest.mark.parametrize(("credit", "agency"), [
    ("(With inputs from Reuters and NBC News.)", "Reuters"),
    ("bk, ksb/msh (AFP, dpa)", "AFP"),
    ("with AFP", "AFP"),
    ("Courtesy of the Associated Press", "AP"),
    ("Edited by Jane Roe / Xinhua", "Xinhua"),
])
def test_a_short_credit_line_closing_the_story_credits_its_agency(credit, agency):
    r = clean_text(f"{HEAD}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{credit}")
    assert r.agency == agency
    for paragraph in (P1, P2, P3):
        assert paragraph in r.body  # the credit is read; no body paragraph goes for it


def test_an_agency_and_date_under_the_headline_credits_the_agency():
    r = clean_text(f"{HEAD}\n\nXinhua, January 7, 2015 Adjust font size:\n\n{P1}\n\n{P2}\n\n{P3}")
    assert r.agency == "Xinhua"
    assert P1 in r.body and P2 in r.body


@pytest.mark.parametrize("line", [
    "He declined to comment to Reuters.",  # the agency closes a sentence: a source, not a credit
    "Reuters could not verify the report",  # the agency as a sentence's subject
    "(Photo: AFP)",  # a photo credit
    "Read more: Reuters poll shows voters split",  # a teaser's title, the agency mid-line
])
def test_an_agency_named_otherwise_at_the_end_credits_none(line):
    assert clean_text(f"{HEAD}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{line}").agency is None


def test_a_headline_naming_an_agency_is_no_credit():
    r = clean_text(f"PA promises full Olympics coverage for newspapers\n\n{P1}\n\n{P2}\n\n{P3}")
    assert r.agency is None


def test_a_credit_in_the_middle_of_a_long_story_is_not_in_a_credit_position():
    middle = [f"{P2} Paragraph {k}." for k in range(6)]
    page = "\n\n".join([HEAD, P1, *middle[:3], "(AFP)", *middle[3:], P3])
    assert credit_position_agency(_lines(page)) is None
    assert credit_position_agency(_lines(f"{page}\n\n(AFP)")) == "AFP"  # the same line closing it


def _lines(page):
    """The page's lines as the cleaner marks them (headline and body only: no rule fires here)."""
    from helpers.clean.context import PageLines

    lines = [(n, t, t) for n, t in enumerate(page.split("\n"), start=1) if t.strip()]
    labels = [("headline", "headline", None)] + [None] * (len(lines) - 1)
    return PageLines(lines=lines, labels=labels, rules=[None] * len(lines))


def test_a_listing_of_agency_story_openings_reads_the_first_as_the_dateline():
    openings = [f"{place} [{country}], Jan {day} (ANI): {text}" for place, country, day, text in (
        ("Colombo", "Sri Lanka", 21, P1), ("Karachi", "Pakistan", 14, P2), ("Melbourne", "Australia", 3, P3),
    )]
    r = clean_text("\n\n".join(openings))
    assert (r.agency, r.dateline) == ("ANI", "Colombo [Sri Lanka], Jan 21")
    # speakers' names opening several paragraphs ("Name: ...") still give no dateline
    r = clean_text(f"Jose Mourinho: {P1}\n\nJose Mourinho: {P2}\n\n{P3}")
    assert r.dateline is None


@pytest.mark.parametrize("line", [
    "Xinhua, January 7, 2015 Adjust font size:",
    "Source:Xinhua Published: 2013-2-21 22:30:31",
    "AP News",
    "Reuters | Jan 3, 2019 10:56",
])
def test_an_agency_with_its_date_under_the_headline_is_the_byline(line):
    r = clean_text(f"{HEAD}\n\n{line}\n\n{P1}\n\n{P2}\n\n{P3}")
    assert rules(r).get(line) == "byline"
    assert r.body.startswith(P1)


@pytest.mark.parametrize("line", ["Source: PTI", "Reuters and AP reported the closure first"])
def test_a_credit_or_a_sentence_naming_an_agency_is_no_byline(line):
    r = clean_text(f"{HEAD}\n\n{line}\n\n{P1}\n\n{P2}\n\n{P3}")
    assert rules(r).get(line) != "byline"
