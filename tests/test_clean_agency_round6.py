"""Issue 15's sixth round: the agency read from general credit forms, each on a short page the test
writes: a dateline that is only an agency's name ("AFP - ..."), a time line above the story naming
one ("Source:Xinhua Published: ..."), and a contributor note closing the story. Hostile lines (a
place before the dash, a note naming no listed agency, a time line below the story) must credit none."""

from helpers.clean import clean_text
from tests.clean_texts import P1, P2

HEAD = "Bridge closed after floods"


def test_a_dateline_that_is_only_an_agency_credits_it_and_names_no_place():
    r = clean_text(f"{HEAD}\n\nAFP - {P1}\n\n{P2}")
    assert (r.agency, r.agency_from, r.dateline) == ("AFP", "dateline", None)
    assert r.body.startswith(P1[:20])
    r = clean_text(f"{HEAD}\n\nCAIRO - {P1}\n\n{P2}")
    assert r.agency is None and r.dateline == "CAIRO"


def test_a_time_line_above_the_story_naming_an_agency_credits_it():
    r = clean_text(f"{HEAD}\n\nSource:Xinhua Published: 2013-2-21 22:30:31\n\n{P1}\n\n{P2}")
    assert (r.agency, r.agency_from) == ("Xinhua", "byline")
    r = clean_text(f"{HEAD}\n\nPublished: 2013-2-21 22:30:31\n\n{P1}\n\n{P2}")
    assert r.agency is None


def test_a_contributor_note_naming_an_agency_credits_it():
    note = "This story will be updated. The Associated Press contributed to this report."
    r = clean_text(f"{HEAD}\n\n{P1}\n\n{P2}\n\n{note}")
    assert (r.agency, r.agency_from) == ("AP", "contributor note")
    r = clean_text(f"{HEAD}\n\n{P1}\n\n{P2}\n\nJane Roe contributed to this report.")
    assert r.agency is None
