"""Issue 15's fourth round of page-part rules, each on a short page the test writes: datelines
found below furniture the line rules missed and in every copy alike, agencies read from the
forms wire copy is credited in (own-line datelines, "Source: Place (Agency)", thanks lines,
Reuters' end credit), blog and feed bylines, wrapped headlines, and what is never a dek or a
byline. Hostile lines (a speaker's label, a teaser's title, a day's name) must not pass."""

from helpers.clean import clean_text
from helpers.clean.rules import is_mis_decoded, rule_for
from tests.clean_texts import P1, P2, P3, rules


def test_a_dateline_below_furniture_the_rules_missed_is_read_and_stripped_alike():
    a = clean_text(f"Bridge closed\n\n0\n\nIPOH: {P1}\n\n{P2}\n\n{P3}")
    assert a.dateline == "IPOH" and "IPOH" not in a.body
    b = clean_text(f"Bridge closed\n\nLONDON (Reuters) - {P1}\n\n{P2}\n\n{P3}")
    assert a.body.split("\n\n")[-2:] == b.body.split("\n\n")[-2:] == [P2, P3]
    assert b.body.split("\n\n")[0] == P1
    # Far down, only a dateline crediting a listed agency is read; a speaker's label never is.
    furniture = "\n\n".join(f"Service number {n} gives the news to broadcasters all over the world daily." for n in
                            range(5))
    r = clean_text(f"Bridge closed\n\n{furniture}\n\nNew Delhi [India], Feb. 7 (ANI): {P1}\n\n{P2}")
    assert (r.dateline, r.agency) == ("New Delhi [India], Feb. 7", "ANI")
    r = clean_text(f"Bridge closed\n\n{furniture}\n\nNEW DELHI: {P1}\n\n{P2}")
    assert r.dateline is None
    r = clean_text(f"Coach's comments\n\n{P1}\n\nCOACH SMITH: {P2}\n\nJANE ROE: {P3}")
    assert r.dateline is None and f"COACH SMITH: {P2}" in r.body


def test_datelines_in_the_forms_agencies_print_them():
    r = clean_text(f"Italy votes\n\n(ANSA) - Rome, September 24 - {P1}\n\n{P2}")
    assert (r.dateline, r.agency) == ("Rome, September 24", "ANSA") and r.body.startswith("The council")
    r = clean_text(f"Aid\n\nRio de Janeiro (dpa / – {P1}\n\n{P2}")  # a bracket left open
    assert (r.dateline, r.agency) == ("Rio de Janeiro", "dpa")
    r = clean_text(f"Lockdown talks\n\nKolkata, April 8 (IANS) {P1}\n\n{P2}\n\n{P3}")  # a credit not on the list
    assert (r.dateline, r.agency) == ("Kolkata, April 8", None) and r.body.startswith("The council")
    r = clean_text(f"Match report\n\nAbuja – {P1}\n\n{P2}")
    assert r.dateline == "Abuja" and r.body.startswith("The council")
    r = clean_text(f"Jordan\n\nAmmon News - {P1}\n\n{P2}")  # a source's name is no place
    assert r.dateline is None
    r = clean_text(f"Reaction\n\nLeague - Coach: Dolan will do good job\n\n{P1}\n\n{P2}")  # a teaser's title
    assert r.dateline is None


def test_a_dateline_on_a_line_of_its_own():
    r = clean_text(f"Libreville (AFP)\n\n{P1}\n\n{P2}\n\n{P3}")
    assert (r.dateline, r.agency, rules(r).get("Libreville (AFP)")) == ("Libreville", "AFP", "dateline (own line)")
    r = clean_text(f"Margao, November 28\n\n{P1}\n\n{P2}\n\n{P3}")
    assert r.dateline == "Margao"
    r = clean_text(f"Monday, November 28\n\n{P1}\n\n{P2}\n\n{P3}")  # a day's name is no place
    assert r.dateline is None


def test_credit_lines_and_end_credits_name_the_agency():
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\nSource: Madrid (EFE)")
    assert (r.agency, rules(r)["Source: Madrid (EFE)"]) == ("EFE", "wire credit")
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\nStory published with thanks to PA Mediapoint")
    assert r.agency == "PA"
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\n- with AFP")
    assert r.agency == "AFP"
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\n(Reporting by Jane Roe; Editing by John Doe)")
    assert (r.agency, r.agency_from) == ("Reuters", "end credit")
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\n(Reporting by Jane Roe)")  # no editors: no agency
    assert r.agency is None
    r = clean_text(f"Bridge closed\n\nBy Jane Roe with AFP\n\n{P1}\n\n{P2}")
    assert r.agency == "AFP"
    r = clean_text(f"Bridge closed\n\n{P1}\n\nThe team thanked the Associated Press for its photos.\n\n{P2}")
    assert r.agency is None  # an agency named in the story is no credit


def test_blog_and_feed_bylines():
    for line in ("Posted by | Politics, Local, Roads", "Posted by Jane Roe | Local", "by / June 10th, 2009 /",
                 "Byexample.com", "Source: Xinhua| 2019-01-11 23:07:33|Editor: Jane Roe",
                 "From Times Wire Services", "- Jane Roe and John Doe JANE ROE/EPA-EFE"):
        r = clean_text(f"Bridge closed\n\n{line}\n\n{P1}\n\n{P2}\n\n{P3}")
        assert rules(r).get(line) == "byline", line
        assert r.dek is None
    assert clean_text(f"Bridge closed\n\nSource: Xinhua| 2019-01-11 23:07:33|Editor: Jane Roe\n\n{P1}\n\n{P2}"
                      ).agency == "Xinhua"
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\n-0- ABC DEF/GHI 20March2011")
    assert rules(r)["-0- ABC DEF/GHI 20March2011"] == "byline"
    r = clean_text(f"Bridge closed\n\n{P1}\n\nPosted by a user on a forum, the video shows the bridge shaking badly.")
    assert "Posted by a user" in r.body  # a sentence, not a byline
    r = clean_text(f"AFP Video\n\nBridge closed after warning\n\n{P1}\n\n{P2}\n\n{P3}")
    assert rules(r).get("AFP Video") != "byline"


def test_headline_wrapped_over_two_lines_and_found_past_site_lines():
    r = clean_text(f"His town trained him to fight. Then he turned against it. More like\nhim are doing the same\n\n"
                   f"Send a link to a friend\n\n[October 17, 2024]\nBy JANE ROE\n\n{P1}\n\n{P2}")
    assert r.headline.startswith("His town trained him")
    assert rules(r)["him are doing the same"] == "headline (wrapped)"
    assert rules(r)["Send a link to a friend"] == "share/print widget"
    r = clean_text(f"Cipr PRCA\n\nInstitutes comment on the council banning press officers from speaking\n\n"
                   f"Author\n\nBy Jane Roe\n\n{P1}\n\n{P2}")
    assert r.headline.startswith("Institutes comment") and r.dek is None
    head = "No one will stop the bridge repairs, says mayor"
    r = clean_text(f"News App\n\nRead news as it happens\n\nSite.com \u00bb News \u00bb {head}\n\n"
                   f"{head}\n\nSource: PTI\n\n{P1}\n\n{P2}")
    assert r.headline == head and r.agency == "PTI"
    r = clean_text(f"Search This Blog\n\nBridge to close next spring\n\n{P1}\n\n{P2}")
    assert r.headline == "Bridge to close next spring"
    assert rule_for("#Hot Stocks", 0, 10).name == "section label"  # a tag line
    assert rule_for("#Bridge - Council to close the old bridge across the valley", 0, 10) is None  # a title


def test_what_is_never_the_dek_or_the_byline():
    bullet = "\u2022 The council closes the old bridge to all traffic from Monday"
    r = clean_text(f"Bridge closed\n\nBy Jane Roe\n\n{bullet}\n\u2022 Engineers warned it was unsafe\n\n"
                   f"WASHINGTON (AP) — {P1}\n\n{P2}")
    assert r.dek is None and rules(r)[bullet] == "highlights"
    caption = "The mayor speaks to residents at the bridge in Springfield June 4, 2017. | AP Photo/Jane Roe"
    r = clean_text(f"Bridge closed\n\n{caption}\n\n{P1}\n\n{P2}\n\n{P3}")
    assert r.dek is None and rules(r)[caption] == "photo caption"
    r = clean_text(f"Bridge closed\n\nApr 1, 2016\n\nCounty Courthouse\nCredit Jane Roe via Wikimedia Commons\n\n"
                   f"{P1}\n\n{P2}")
    assert rules(r)["County Courthouse"] == "photo caption"
    assert not any(row["rule"] == "byline" for row in r.removed)
    r = clean_text(f"Bridge closed\n\nGet Town News in your Inbox:\n\n{P1}\n\n{P2}")
    assert r.dek is None and rules(r)["Get Town News in your Inbox:"] == "sign-up or newsletter box"


def test_a_mis_decoded_line_is_no_headline():
    assert is_mis_decoded("\u00cf\u00ee\u00ef\u00f3\u00eb\u00ff\u00f0\u00ed\u00fb\u00e5 \u00f1\u00ee\u00ee\u00e1")
    assert not is_mis_decoded("Zürich café reopens after the floods")
    r = clean_text("\u00cf\u00ee\u00ef\u00f3\u00eb\u00ff\u00f0\u00ed\u00fb\u00e5\n\n"
                   f"BELFAST (AP) — {P1}\n\n{P2}\n\n{P3}")
    assert r.headline is None and r.agency == "AP" and r.body.startswith("The council")
