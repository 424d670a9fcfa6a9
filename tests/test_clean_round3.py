"""Issue 15's third round of cleaning rules, each on a short page the test writes: lines of a
wrapped or cut paragraph are never titles, crossheads or teasers; a quotation closed after a
space is punctuated; a last paragraph closing with an agency's bracketed credit is body."""

from helpers.clean import clean_text
from helpers.clean.rules import ENDS_PUNCTUATED, ends_unfinished
from tests.clean_texts import P1, P2, P3, rules


def test_a_line_ending_in_a_word_no_sentence_ends_with_runs_on():
    assert ends_unfinished("The airport was closed shortly after the quake, and")
    assert ends_unfinished("Taiwan's Hon Hai has asked for")
    assert not ends_unfinished("Prices set to go up") and not ends_unfinished("Police find her")
    assert not ends_unfinished("He spoke of the.")  # punctuated: a sentence, whatever its last word


def test_pieces_of_a_wrapped_paragraph_stay_body():
    wrapped = (
        "TOKYO - Taiwan's Hon Hai Precision Industry Co. has asked for\n"
        "SoftBank Group Corp.'s cooperation in its bid to acquire Toshiba\n"
        "Corp.'s chip unit, sources close to the matter said Friday.\n"
        "Hon Hai, which bought Japanese display maker Sharp Corp. last\n"
        "year, is also calling on other Japanese companies to join."
    )
    r = clean_text(f"Kyodo news summary\n\n{P1}\n\n{wrapped}\n\n{P2}\n\nBridge to close\n\n{P3}")
    assert "SoftBank Group Corp.'s cooperation in its bid to acquire Toshiba" in r.body
    assert "Hon Hai, which bought Japanese display maker Sharp Corp. last" in r.body
    assert rules(r).get("Bridge to close") == "crosshead (subhead)"  # a real crosshead still goes
    cut = "There are reports that the airport was closed shortly after the earthquake, and"
    r = clean_text(f"Quake hits the north\n\n{P1}\n\n{cut}\n\n{P2}\n\n{P3}")
    assert cut in r.body.split("\n\n")


def test_a_quotation_closed_after_a_space_is_punctuated():
    line = '"It isn\'t going to turn into a huge area and it\'s being blown eastwards. "'
    assert ENDS_PUNCTUATED.search(line)
    r = clean_text(f"Ash cloud returns\n\n{P1}\n\n{line}\n\n{P2}\n\n{P3}")
    assert line.strip() in r.body


def test_a_last_paragraph_closing_with_an_agency_credit_is_body_and_credits_it():
    last = 'The minister said the party had confined itself to "a kitty party". (ANI)'
    r = clean_text(f"Minister hits out\n\n{P1}\n\n{P2}\n\n{last}")
    assert r.body.endswith(last) and r.agency == "ANI" and r.agency_from == "end slug"
    caption = "Residents walk past the closed bridge in the town centre on Tuesday. (AFP)"
    r = clean_text(f"Minister hits out\n\n{P1}\n\n{caption}\n\n{P2}\n\n{P3}")  # story after it: a caption
    assert rules(r)[caption] == "photo caption"


def test_captions_by_their_label_or_agency_slash_photographer():
    file_photo = "FILE PHOTO: A woman wearing a face mask walks past a shop in Tokyo, Japan, April 8, 2020."
    slash = "Collapsed houses are seen after a 5.5 magnitude earthquake hit the county, May 11, 2017. REUTERS/Stringer"
    bracket = "The two presidents attend a joint press conference in Tokyo, Japan, Nov 16, 2020. [Photo/Xinhua]"
    for caption in (file_photo, slash, bracket):
        r = clean_text(f"{caption}\n\nTOKYO (Reuters) - {P1}\n\n{P2}\n\n{P3}")
        assert rules(r)[caption] == "photo caption", caption
        assert r.dateline == "TOKYO" and r.agency == "Reuters"


def test_sign_offs_credits_and_source_lines():
    page = "\n\n".join((
        "Bridge closed", "Press Trust of India Kolkata", "1 min read Last Updated : Apr 09 2019 | 3:32 PM IST",
        "Illustration by Alex Castro / The Verge", P1, P2, "© Provided by The Canadian Press", P3,
        "($1 = 0.7349 euros) (Reporting by Jane Roe; Editing by John Doe)",
        "This report by The Canadian Press was first published Nov. 7, 2019.",
        "via Smart Health Forum http://ift.tt/1o3ovZB", "Source: http://www.example.com/articles/1.html",
        "via example.com", "share with facebook", "Continue reading…",
    ))
    got = rules(clean_text(page))
    assert got["Press Trust of India Kolkata"] == "byline"
    assert got["1 min read Last Updated : Apr 09 2019 | 3:32 PM IST"] == "timestamp"
    assert got["Illustration by Alex Castro / The Verge"] == got["© Provided by The Canadian Press"] == "photo credit"
    assert got["($1 = 0.7349 euros) (Reporting by Jane Roe; Editing by John Doe)"] == "byline"
    assert got["This report by The Canadian Press was first published Nov. 7, 2019."] == "wire credit"
    assert {got[k] for k in ("via Smart Health Forum http://ift.tt/1o3ovZB", "via example.com",
                             "Source: http://www.example.com/articles/1.html")} == {"source link"}
    assert got["share with facebook"] == "share/print widget" and got["Continue reading…"] == "page widget"
    assert clean_text(page).body.split("\n\n") == [P1, P2, P3]
    # a sentence giving an address, and a paragraph with its sign-off after it, stay body
    kept = ["Details of the plan are published on the council's website at www.example.com.",
            "The regulator will review the rules next year. (Reporting by Jane Roe; Editing by John Doe)"]
    r = clean_text("\n\n".join(("Bridge closed", P1, *kept, P2)))
    assert r.body.split("\n\n") == [P1, *kept, P2]


def test_more_dateline_forms_and_a_dateline_on_its_own_line():
    for opening, place, agency in (
        ("Madrid, Mar 18 (EFE).- ", "Madrid, Mar 18", "EFE"), ("Tokyo, Oct. 7 (Jiji Press)--", "Tokyo, Oct. 7", None),
        ("NÎMES: ", "NÎMES", None), ("MOSCOW (UrduPoint News / Sputnik - 23rd November, 2020) ", "MOSCOW", None),
    ):
        r = clean_text(f"Bridge closed\n\n{opening}{P1}\n\n{P2}\n\n{P3}")
        assert (r.dateline, r.agency) == (place, agency) and r.body.startswith("The council"), opening
    r = clean_text(f"Kyodo news summary\n\nTOKYO, April 14 Kyodo\n\n{P1}\n\n{P2}\n\n{P3}")
    assert (r.dateline, r.agency) == ("TOKYO", "Kyodo") and rules(r)["TOKYO, April 14 Kyodo"] == "dateline (own line)"
    r = clean_text(f"Bridge closed\n\nU.S.-China talks resume -- {P1}\n\n{P2}")  # no bracket: no glued dash
    assert r.dateline is None


def test_bylines_with_an_address_or_a_date_and_a_label_above_them():
    r = clean_text(f"Bridge closed\n\nAuthor Archives\n\nBy Cathy Chen\n<jane@example.org>\n\n{P1}\n\n{P2}\n\n{P3}")
    got = rules(r)
    assert got["By Cathy Chen"] == got["<jane@example.org>"] == "byline" and got["Author Archives"] != "byline"
    r = clean_text(f"Bridge closed\n\nDW staff (win)June 4, 2006\n\n{P1}\n\n{P2}\n\n{P3}")
    assert r.headline == "Bridge closed" and rules(r)["DW staff (win)June 4, 2006"] == "byline"
    assert rules(clean_text(f"Bridge closed\n\nAuthor: Euronews\n\n{P1}\n\n{P2}"))["Author: Euronews"] == "byline"


def test_glued_image_credits_comment_counters_and_developing_story_notes():
    caption = "Merkel at the women's cup final in Berlin in AprilImage: AP"
    note = "This is a developing story. Please stay with us for updates."
    toolbar = "0 Comment(s)Print E-mail Xinhua, June 02, 2020"
    page = f"Bridge closed\n\n{toolbar}\n\n{P1}\n\n{caption}\n\n{P2}\n\n{P3}\n\n{note}"
    r = clean_text(page)
    assert rules(r)[caption] == "photo caption" and r.dek is None
    assert rules(r)[toolbar] == rules(r)[note] == "page widget"
    assert r.body.split("\n\n") == [P1, P2, P3]


def test_agency_credits_by_inputs_dash_and_credit_chains():
    credits = (("(With inputs from PTI)", "PTI"), ("— AFP", "AFP"), ("With additional inputs from ANI", "ANI"))
    for credit, agency in credits:
        r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\n{credit}")
        assert rules(r)[credit] == "wire credit" and r.agency == agency, credit
        assert r.body.split("\n\n") == [P1, P2, P3]
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3} -- Xinhua")  # the agency closing the last paragraph
    assert r.agency == "Xinhua" and r.body.endswith("Xinhua")
    caption = "The embassy in Berlin (picture alliance/dpa/S. Schaubitzer)"
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{caption}\n\n{P2}\n\n{P3}")
    assert rules(r)[caption] == "photo caption"
    kept = "Officials said the plan (agreed in 2019) would go ahead."
    assert kept in clean_text(f"Bridge closed\n\n{P1}\n\n{kept}\n\n{P2}").body


def test_captions_closing_with_their_credit_alone_and_bbc_labels():
    sentence = "Protesters gather outside parliament in London on Tuesday."
    for credit in ("Jane Doe/AP", "Getty Images", "(Representational image)", "Supplied",
                   "Credit: Jane Doe/Getty Images", "Picture: Jane Doe", "AFP"):
        caption = f"{sentence} {credit}"
        r = clean_text(f"Bridge closed\n\n{P1}\n\n{caption}\n\n{P2}\n\n{P3}")
        assert rules(r)[caption] == "photo caption", credit
    got = rules(clean_text(f"Bridge closed\n\n{P1}\n\nImage copyright Getty Images\n\nImage caption {sentence}\n\n"
                           f"Media playback is unsupported on your device\n\n{P2}\n\n{P3}"))
    assert (got["Image copyright Getty Images"], got[f"Image caption {sentence}"]) == ("photo credit", "photo caption")
    assert got["Media playback is unsupported on your device"] == "page widget"
    last = "The minister said the talks would resume next week. AFP"  # the story's last paragraph: its end credit
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{last}")
    assert r.body.endswith(last) and r.agency == "AFP"


def test_an_end_credit_stays_body_with_short_furniture_after_it_but_not_with_story_after_it():
    last = "The minister said the talks would resume next week. AFP"
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{last}\n\nShare this story with friends")
    assert last in r.body.split("\n\n")
    r = clean_text(f"Bridge closed\n\n{P1}\n\n{last}\n\n{P2}\n\n{P3}")  # story follows: a caption
    assert rules(r)[last] == "photo caption"


END_FURNITURE = {
    "Tags: bridge, council": "section label", "Filed Under: Local News": "section label",
    "Facebook Twitter WhatsApp Email Print": "share/print widget", "Reading Time: 3 minutes": "page widget",
    "Image 1 of 5": "page widget", "Email the author": "page widget", "Report an error": "page widget",
    "The Associated Press contributed to this report.": "wire credit",
    "— With files from The Canadian Press": "wire credit",
    "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)": "page widget",
    "This article was originally published on The Conversation.": "page widget",
    "Follow Jane Doe on Twitter @janedoe": "sign-up or newsletter box",
    "Next Article Council closes another bridge": "teaser link", "BY JANE DOE AND JOHN ROE": "byline",
    "Published 11:32 a.m. ET June 3, 2019 | Updated 1:15 p.m. ET June 3, 2019": "timestamp",
}


def test_furniture_closing_a_page_in_the_forms_news_sites_use():
    for line, rule in END_FURNITURE.items():
        r = clean_text(f"Bridge closed\n\n{P1}\n\n{P2}\n\n{P3}\n\n{line}")
        assert rules(r).get(line) == rule and r.body.split("\n\n") == [P1, P2, P3], line
    # the same words inside sentences stay body
    kept = ("Tags on the old bridge were removed by the council last year, officials said.",
            "Follow-up inspections on Twitter's advice were not planned, the mayor said.",
            "Reporters contributed questions to the council at the meeting on Tuesday.")
    r = clean_text("\n\n".join(("Bridge closed", P1, *kept, P2)))
    assert r.body.split("\n\n") == [P1, *kept, P2]


def test_a_first_paragraph_cut_short_after_a_full_sentence_is_no_dek():
    cut = "The council voted on Tuesday to close the bridge. Engineers had warned for months that it was"
    r = clean_text(f"Bridge closed\n\n{cut}\n\n{P2}\n\n{P3}")
    assert r.dek is None and r.body.startswith(cut)


def test_titles_may_ask_a_question_or_name_a_governor_but_hold_no_full_sentence():
    from helpers.clean.rules import looks_like_title

    assert looks_like_title("What now? Migrants disembark in Europe to uncertain future")
    assert looks_like_title("Gov. Cuomo signs the bridge bill") and looks_like_title("Chelsea vs. Arsenal preview")
    assert not looks_like_title("The council voted on Tuesday. Engineers had warned for months that it was")
    r = clean_text(f"Bridge closed\n\n{P1}\n\nGov. Cuomo signs the bill\n\n{P2}\n\n{P3}")
    assert rules(r)["Gov. Cuomo signs the bill"] == "crosshead (subhead)"
