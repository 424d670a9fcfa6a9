"""Issue 15's second round of cleaning rules, each on a short page the test writes: the headline
under the site's own title-like lines, the dek by what follows it, a name alone as the byline,
highlights and teasers above the story, captions by their credit's form, the agency's name
alone, datelines in more forms, and widgets."""

from helpers.clean import clean_text
from helpers.clean.rules import is_timestamp_line
from tests.clean_texts import P1, P2, P3, rules

DEK = "The vote followed months of warnings from engineers about cracks in the old bridge's supports."


def test_a_dek_the_story_repeats_is_the_dek_and_the_paragraph_stays_body():
    r = clean_text(f"Bridge closed\n{DEK}\n{DEK}\n{P1}\n{P2}")
    assert r.dek == DEK and r.body.split("\n\n") == [DEK, P1, P2]
    restated = DEK.replace("supports.", "piers, residents said.")  # the story opens with the dek's words
    r = clean_text(f"Bridge closed\n{DEK}\nAdvertisement\n{restated}\n{P1}")
    assert r.dek == DEK and r.body.startswith(restated)


def test_a_dek_is_read_above_the_dateline_and_a_dateline_paragraph_is_never_a_dek():
    r = clean_text(f"{DEK}\nTRACY, Calif. — {P1}\n{P2}")  # no headline: the story's dateline follows it
    assert r.dek == DEK and r.dateline == "TRACY, Calif." and r.body.startswith("The council")
    r = clean_text(f"Bridge closed\nSTOCKHOLM (AP) - {P1}\n9:25 a.m.\n{P2}")
    assert r.dek is None and (r.dateline, r.agency) == ("STOCKHOLM", "AP")
    assert rules(r)["9:25 a.m."] == "timestamp" and is_timestamp_line("9:00 p.m.")


def test_headline_below_the_sites_own_title_lines():
    for above in ("TFG Logo", "Play Live Radio\nNext Up:\n0:00\n0:00 0:00", "Take the pledge to vote\n1-min read"):
        r = clean_text(f"{above}\nCouncil closes the old bridge after engineers warn of cracks\n{P1}\n{P2}\n{P3}")
        assert r.headline == "Council closes the old bridge after engineers warn of cracks", above
        assert r.body.split("\n\n") == [P1, P2, P3]
    # a short headline with a site line under it stays the headline; so does one over a title-like dek
    r = clean_text(f"Bridge shut for good\nClick to follow\nThe Town Crier\n{P1}\n{P2}")
    assert r.headline == "Bridge shut for good" and rules(r)["The Town Crier"] == "page widget"
    r = clean_text(f"No bridge is safe, says the engineer\nThe mayor said repairs would begin next spring\n{P1}\n{P2}")
    assert r.headline == "No bridge is safe, says the engineer" and r.dek.startswith("The mayor said")
    assert clean_text(f'"Not safe", says engineer\nTimes\n{P1}\n{P2}').headline == '"Not safe", says engineer'


def test_a_name_alone_under_the_headline_is_the_byline():
    r = clean_text(f"Bridge closed\nTown Crier\nThe vote followed months of warnings from engineers\n{P1}\n{P2}")
    assert rules(r)["Town Crier"] == "byline" and r.dek.startswith("The vote") and r.body.startswith("The council")
    r = clean_text(f"Bridge closed\nMay 18, 2019\nLeave a comment\nTeam Crier\nMUMBAI: {P1}\n{P2}")
    assert rules(r)["Team Crier"] == "byline" and r.dateline == "MUMBAI"


def test_highlights_teasers_and_a_crosshead_above_the_first_paragraph():
    page = "\n".join([
        "Bridge closed", DEK, "Bridge at dusk", "The old bridge at dusk. (Photo: Jane Roe)",
        "  • Engineers found cracks", "  • The mayor promised repairs", P1, P2,
    ])
    r = clean_text(page)
    got = rules(r)
    assert r.dek == DEK and got["Bridge at dusk"] == "photo caption"  # the photo's title above its caption
    assert got["• Engineers found cracks"] == got["• The mayor promised repairs"] == "highlights"
    assert r.body.split("\n\n") == [P1, P2]
    r = clean_text(f"Bridge closed\nBy Jane Roe\nEnlarge\nCity round-up\nWhat they said\n{P1}\n{P2}")
    assert rules(r)["City round-up"] == "teaser link" and r.subheads == ["What they said"]
    # an unpunctuated line too long for a crosshead, between paragraphs, is another story's title
    teaser = "Dam repairs:Council says the river dam will need new gates before the spring floods"
    assert rules(clean_text(f"Bridge closed\n{P1}\n{teaser}\n{P2}"))[teaser] == "teaser link"


def test_captions_by_their_credits_form():
    for caption in (
        "The mayor at the bridge on Tuesday. (Jane Roe/Town News Agency)",
        "The mayor at the bridge on Tuesday. (Jane Roe/Town Agency via AP)",
        "The mayor at the bridge in Springfield, May 18, 2019. /XYZ Photo",
        "The mayor was happy to see the vote pass © Getty Images",
    ):
        assert rules(clean_text(f"Bridge closed\n{P1}\n{caption}\n{P2}"))[caption] == "photo caption", caption
    assert rules(clean_text(f"Bridge closed\n{P1}\nHandout . / Reuters\n{P2}"))["Handout . / Reuters"] == "photo credit"


def test_an_agency_alone_is_the_storys_credit_unless_beside_a_caption():
    r = clean_text(f"Bridge closed\n{DEK}\nReuters\n{P1}\n{P2}")
    assert (r.agency, rules(r)["Reuters"]) == ("Reuters", "wire credit") and r.dek == DEK
    r = clean_text(f"Bridge closed\n{P1}\nThe old bridge at dusk, May 1, 2019. (Photo: Jane Roe)\nReuters\n{P2}")
    assert r.agency is None and rules(r)["Reuters"] == "photo credit"


def test_datelines_in_more_forms():
    cases = {
        f"Chennai: {P1}": ("Chennai", None),
        f"New Delhi: {P1}": ("New Delhi", None),
        f"Margao (Goa) [India]: {P1}": ("Margao (Goa) [India]", None),
        f"Mumbai, Apr 22 (PTI) {P1}": ("Mumbai, Apr 22", "PTI"),
        f"TORONTO ? {P1}": ("TORONTO", None),
        f"Sept 18 (Reuters) - {P1}": (None, "Reuters"),
    }
    for text, (place, agency) in cases.items():
        r = clean_text(f"{text}\n{P2}\n{P3}")
        assert (r.dateline, r.agency, r.body.split("\n\n")[0]) == (place, agency, P1), text
    # "Name: ..." opening several paragraphs names speakers, not a place
    r = clean_text(f"Jane Roe: It was a fine win for us.\nJohn Doe: We were poor today.\n{P1}")
    assert r.dateline is None and r.body.startswith("Jane Roe: It was")
    assert clean_text(f"Shares fell: {P1}\n{P2}").dateline is None


def test_widgets_bylines_and_teaser_lists():
    lines = {
        "Open Image Modal": "page widget", "What's your reaction?": "page widget",
        "Sorry we are not currently accepting comments on this article.": "page widget",
        "Click for LIVE updates on results from all five states": "page widget",
        "Original article here": "page widget", "Embed from Getty Images": "page widget",
        "| Edited by: Jane Roe": "byline", "Next Story": "page widget",
    }
    r = clean_text("\n".join(["Bridge closed", "ISL / Town FC /", P1, *lines, P2, P3]))
    got = rules(r)
    assert {line: got.get(line) for line in lines} == lines and got["ISL / Town FC /"] == "section label"
    teaser = "- Government moves to end fuel subsidy - December 26, 2024"
    r = clean_text(f"Bridge closed\n{P1}\n{P2}\n- Associated Press - Sunday, June 30, 2013\n{teaser}\n{P3}")
    assert rules(r)[teaser] == "teaser link" and rules(r)["- Associated Press - Sunday, June 30, 2013"] == "byline"
