"""Issue 15's fifth round of page-part rules, each on a short page the test writes: bylines by
their form under the headline (a "By" line with its date, a name with its agency or role, a
name before the date, an agency named alone), a headline never a byline or a menu, the title
repeated with the site's name, the agency in a copyright notice, and a standfirst with a
crosshead under it. Hostile lines (a timestamp, a photo's copyright, a first paragraph) must not pass."""

from helpers.clean import clean_text
from helpers.clean.byline import is_header_byline
from helpers.clean.header import is_nav_run, looks_like_headline, same_title
from tests.clean_texts import P1, P2, P3


def _byline(result):
    return next((row["text"] for row in result.removed if row["rule"] == "byline"), None)


def test_bylines_by_their_form_under_the_headline():
    for line in ("By Jane Roe on June 3, 2019", "Jane Roe | Reuters", "Jane Roe, Political Reporter",
                 "Jane Roe June 3, 2019", "The Associated Press", "AFP"):
        r = clean_text(f"Bridge closed after floods\n\n{line}\n\n{P1}\n\n{P2}")
        assert (r.headline, _byline(r)) == ("Bridge closed after floods", line), line
    assert clean_text(f"Bridge closed after floods\n\nJane Roe | Reuters\n\n{P1}\n\n{P2}").agency == "Reuters"
    for line in ("Tue Jun 3, 2014 5:56am EDT", "By 2050, half the bridges will need repair", "Bridge closed",
                 "Janet Mayer said the bridge was unsafe. It closed."):
        assert not is_header_byline(line), line


def test_a_headline_is_never_a_byline_or_a_menu_and_may_ask_a_question():
    r = clean_text(f"By Jane Roe on June 3, 2019\n\nBridge closed after floods\n\n{P1}\n\n{P2}")
    assert r.headline == "Bridge closed after floods"
    assert is_nav_run("Home » News » World") and not is_nav_run("Bridge closed | The Daily Post")
    assert looks_like_headline("Is the bridge safe?") and not looks_like_headline("The bridge is safe.")
    assert same_title("Bridge closed after floods | The Daily Post", "Bridge closed after floods")
    assert not same_title("Bridge closed after floods", "Bridge opened after repairs")


def test_the_agency_a_copyright_notice_names():
    notice = "Copyright 2019 The Associated Press. All rights reserved."
    r = clean_text(f"Bridge closed after floods\n\n{P1}\n\n{P2}\n\n{notice}")
    assert (r.agency, r.agency_from) == ("AP", "copyright notice")
    r = clean_text(f"Bridge closed after floods\n\n{P1}\n\n{P2}\n\n\u00a9 2020 AFP")
    assert r.agency == "AFP"
    r = clean_text(f"Bridge closed after floods\n\n{P1}\n\n{P2}\n\n\u00a9 Copyright 2020, The Daily Post")
    assert r.agency is None


def test_a_standfirst_with_a_crosshead_under_it_is_the_dek():
    dek = "The county's oldest crossing shut its gates for a month, leaving the valley with one road out."
    r = clean_text(f"Bridge closed after floods\n\n{dek}\n\nRepairs begin\n\n{P1}\n\n{P2}")
    assert r.dek == dek and dek not in r.body
    r = clean_text(f"Bridge closed after floods\n\n{P1}\n\n{P2}\n\nRepairs begin\n\n{P3}")  # no crosshead under P1
    assert r.dek is None and r.body.startswith(P1[:20])
