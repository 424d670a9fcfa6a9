"""Issue 15's cleaning rules and page parts, each on a short page the test writes: captions,
credits, bylines, timestamps, widgets, teasers, repeated paragraphs, headline and dek found
by what they are, and the agency read from datelines, bylines and end credits."""

from helpers.clean import agency_in, clean_text
from helpers.clean.rules import is_section_label, is_timestamp_line
from tests.clean_texts import P1, P2, P3, rules


def test_agency_read_from_the_dateline_and_the_place_kept():
    r = clean_text(f"Bridge closed\nRABAT, Morocco (AP) — {P1}\n{P2}\n{P3}")
    assert (r.agency, r.agency_from, r.dateline) == ("AP", "dateline", "RABAT, Morocco")
    assert r.body.startswith("The council voted")
    r = clean_text(f"(Reuters) - {P1}\n{P2}")
    assert (r.agency, r.dateline) == ("Reuters", None)
    r = clean_text(f"Kumasi, Feb. 5, GNA - {P1}\n{P2}")  # an agency not on the list: no agency
    assert (r.agency, r.dateline) == (None, "Kumasi, Feb. 5")
    r = clean_text(f"NEW DELHI: {P1}\n{P2}")
    assert r.dateline == "NEW DELHI" and r.body.startswith("The council")
    r = clean_text(f"UPDATE: {P1}\n{P2}")  # a label, not a place
    assert r.dateline is None and r.body.startswith("UPDATE:")


def test_two_copies_of_a_wire_paragraph_match_with_or_without_their_dateline():
    a = clean_text(f"LONDON, July 17 (Reuters) - {P1}\n{P2}")
    b = clean_text(f"{P1}\n{P2}")
    c = clean_text(f"LONDON (Reuters) – {P1}\n{P2}")
    assert a.body == b.body == c.body


def test_agency_read_from_bylines_and_end_credits_not_from_photo_credits():
    assert clean_text(f"Bridge closed\nBy PTI\n{P1}\n{P2}").agency == "PTI"
    assert clean_text(f"Bridge closed\nReuters Staff\n{P1}\n{P2}").agency_from == "byline"
    r = clean_text(f"Bridge closed\n{P1}\n{P2}\n{P3}\n* Agence France-Presse\nMy Town Blog")
    assert (r.agency, r.agency_from) == ("AFP", "credit line")
    assert rules(r)["My Town Blog"] == "page footer block"  # the site's name after the end credit
    r = clean_text(f"Bridge closed\nThe old bridge at dusk. (AP Photo/Jane Roe)\n{P1}\n{P2}")
    assert r.agency is None and rules(r)["The old bridge at dusk. (AP Photo/Jane Roe)"] == "photo caption"
    assert clean_text(f"{P1}\n{P2} PTI ABC XYZ").agency == "PTI"  # the agency's closing slug
    assert agency_in("How PA Media is helping newspapers") == "PA" and agency_in("a map") is None


def test_captions_and_photo_credits():
    page = "\n".join([
        "Bridge closed",
        "Mayor Jane Roe",
        "Mayor Jane Roe speaks at the bridge in Springfield. | Photo Credit: -",
        "Engineers inspect the bridge. PHOTO: John DOE / AFP",
        "Jane Roe speaks to reporters during a meeting in Springfield, Sunday, June 30, 2013.",
        "John Doe",
        P1, P2, P3,
    ])
    got = rules(clean_text(page))
    assert got["Mayor Jane Roe"] == "photo caption"  # alt text: the caption below opens with it
    assert got["Engineers inspect the bridge. PHOTO: John DOE / AFP"] == "photo caption"
    assert got["Jane Roe speaks to reporters during a meeting in Springfield, Sunday, June 30, 2013."] == (
        "photo caption"
    )
    assert got["John Doe"] == "photo credit"  # a name alone beside a caption
    body = clean_text(f"Bridge closed\n{P1}\nShe shared a photo by her friend.\n{P2}").body
    assert "photo by her friend" in body


def test_bylines_timestamps_and_short_links():
    assert is_timestamp_line("July 17, 2015 / 9:54 AM / 2 years ago")
    assert is_timestamp_line("Soccer News of Tuesday, 5 February 2008")
    assert is_timestamp_line("on April 04, 2014 at 10:56 AM, updated 11:02 AM")
    assert not is_timestamp_line("It rained on May 5.") and not is_timestamp_line("June 15: Guinea fires coach")
    page = "\n".join([
        "Bridge closed", "- Associated Press - Sunday, June 30, 2013", "July 28, 2016updated 29 Jul 2016 7:41am",
        "Short link: https://example.com/x1", "Author: Jane Roe", P1, P2,
    ])
    r = clean_text(page)
    got = rules(r)
    assert got["- Associated Press - Sunday, June 30, 2013"] == "byline" and r.agency == "AP"
    assert got["July 28, 2016updated 29 Jul 2016 7:41am"] == "timestamp"
    assert got["Short link: https://example.com/x1"] == "share/print widget"
    assert got["Author: Jane Roe"] == "byline"


def test_headline_found_past_the_furniture_above_it():
    assert is_section_label("Home Nation") and is_section_label("1. Comment") and not is_section_label("Bridge closed")
    r = clean_text(f"Skip to content\nHome Nation\nWednesday, 3 July 2013\nBridge closed after warning\n{P1}\n{P2}")
    assert r.headline == "Bridge closed after warning"
    assert rules(r)["Skip to content"] == "page widget" and rules(r)["Home Nation"] == "section label"
    # the title the page prints twice wins over a navigation bar run together
    r = clean_text(f"SolutionsLegal NewsRisk Management Tax\nBridge closed\n#Hot Topics\nBridge closed\n{P1}\n{P2}")
    assert r.headline == "Bridge closed"
    # a page that opens with its story has no headline
    assert clean_text(f"{P1}\nA short line\n{P2}").headline is None


def test_dek_below_the_byline_and_date():
    dek = "Repairs will begin next spring, says the mayor"
    r = clean_text(f"Bridge closed\nBy Jane Roe\nMay 23, 2024 08:18 am IST\n{dek}\n{P1}\n{P2}")
    assert r.dek == dek
    # a first paragraph with a photo caption after it stays body
    r = clean_text(f"Bridge closed\nBy Jane Roe\n{P1}\nThe bridge at dusk. (Photo: Jane Roe)\n{P2}")
    assert r.dek is None and r.body.startswith("The council")


def test_widgets_teasers_and_repeated_paragraphs():
    page = "\n".join([
        "Bridge closed", P1, "Advertisement", "• .", "READ ALSO: Dam repairs run over budget", P2,
        "Content from our partners", "Ten tips for a cheaper commute", "How to choose a bicycle",
        P3, P2, "No comments:", "Post a Comment", "Copyright © 2024 My Town",
    ])
    r = clean_text(page)
    got = rules(r)
    assert got["Advertisement"] == got["• ."] == "page widget"
    assert got["READ ALSO: Dam repairs run over budget"] == "teaser link"
    assert got["How to choose a bicycle"] == "partner teasers"
    assert r.body.split("\n\n") == [P1, P2, P3]  # the story goes on after the sponsored titles; P2 once
    assert [row["rule"] for row in r.removed if row["text"] == P2] == ["repeated paragraph"]
    assert got["Post a Comment"] == "comment section" and got["Copyright © 2024 My Town"] == "page widget"
