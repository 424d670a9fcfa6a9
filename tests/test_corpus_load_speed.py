"""Issue 18's quicker load and clean (round 20) gives exactly what the plain code gives.

Each quick path is compared with the plain code it stands for (written out here) on texts the
test writes: the words split once for the language share, the word count and the duplicate key;
one pattern trying every dateline pattern; the test for an agency's name before an agency search;
the one-pass ``comparable``; the outlet names read once per spelling."""

from __future__ import annotations

import hashlib
import re
import sys

import pandas as pd
import pytest

from helpers.clean.agency import AGENCY_ALTERNATION, AGENCY_FORMS, AGENCY_PATTERN, may_name_agency
from helpers.clean.dateline import find_dateline, split_dateline
from helpers.clean.linemodel import sole_copies
from helpers.clean.normalise import comparable
from helpers.clean.page import clean_text
from helpers.clean.rules import DATELINE_PATTERNS
from helpers.clean.rulesearch import any_of, unnamed
from helpers.corpus import load_corpus
from helpers.corpus.outlets import normalise_outlets, outlet_key, outlet_spelling
from tests.test_clean_fast_paths import texts

ANY_AGENCY = re.compile(AGENCY_ALTERNATION)


def test_casefold_keeps_every_character_on_its_side_of_a_space():
    """What ``_clean_chunk``'s one split rests on: each character case-folds alone to one or more
    characters, all spaces for a space and none for any other."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        assert folded, hex(code)
        assert all(c.isspace() for c in folded) if char.isspace() else not any(c.isspace() for c in folded), hex(code)


BODIES = [
    "Plain words here, said the council on Tuesday.", "STRASSE and Stra\u00dfe, \u212aelvin wrote.",
    "Tabs\tinside\tthis line stay, as do\x0bvertical ones.", "\u0130stanbul \u03a3\u0391\u03a3 \u1e9e are words.",
]


def test_one_split_gives_the_word_count_and_the_duplicate_key(tmp_path):
    """n_words and duplicate_of as the plain code gives them (the body's own split; the key of its
    words joined by one space, then case-folded), on bodies that case-fold to other letters."""
    table = pd.DataFrame({"outlet": ["One", "Two"] * len(BODIES), "text": [b for b in BODIES for _ in (1, 2)]})
    table.loc[1::2, "text"] = table.loc[1::2, "text"].str.upper()
    table.to_parquet(tmp_path / "t.parquet")
    articles, _, _ = load_corpus(tmp_path / "t.parquet", cache=False)
    assert articles["n_words"].tolist() == [len(body.split()) for body in articles["body"]]
    keys = [hashlib.sha1(" ".join(body.split()).casefold().encode()).hexdigest() for body in articles["body"]]
    first, expected = {}, []
    for key, aid in zip(keys, articles["article_id"], strict=True):
        earlier = first.setdefault(key, aid)
        expected.append(None if earlier == aid else earlier)
    assert [None if pd.isna(v) else v for v in articles["duplicate_of"]] == expected
    assert articles["duplicate_of"].notna().sum() >= 3  # upper case folds back: "STRASSE" is "Stra\u00dfe"


def test_duplicates_differing_in_case_and_spacing_are_found(tmp_path):
    text = "WASHINGTON (AP) \u2014 The council voted on Tuesday to keep the plan.\n\nIt meets again in May."
    table = pd.DataFrame({
        "id": ["a", "b", "c", "d"], "outlet": ["One", "One", "Two", "Two"],
        "text": [text, text.upper().replace(" ", "  "), text.replace("\n\n", "\n\n\n"), "Another story here, told."],
    })
    table.to_parquet(tmp_path / "t.parquet")
    articles, _, log = load_corpus(tmp_path / "t.parquet", cache=False)
    assert articles["article_id"].tolist() == ["a", "c", "d"]  # b: the same body from the same outlet
    assert articles["duplicate_of"].isna().tolist() == [True, False, True]
    assert articles["duplicate_of"].iloc[1] == "a"
    assert articles["n_words"].tolist() == [len(body.split()) for body in articles["body"]]
    assert log["message"].str.contains("same body text as article 'a'").sum() == 2


def test_unnamed_drops_group_names_only():
    assert unnamed(r"^(?P<place>[A-Z]+)(?P<x>\d)") == r"^(?:[A-Z]+)(?:\d)"
    assert unnamed(r"\(?P<a>[(?P<]") == r"\(?P<a>[(?P<]"  # an escaped bracket, a class: no group there
    assert unnamed(r"[]?P<](?P<n>a)") == r"[]?P<](?:a)"
    for pattern in DATELINE_PATTERNS:
        assert re.compile(unnamed(pattern.pattern)).groups == pattern.groups - len(pattern.groupindex)


def test_any_of_matches_exactly_when_one_pattern_does():
    guard = any_of(DATELINE_PATTERNS)
    assert guard is not None
    samples = [
        "WASHINGTON (Reuters) - The", "(JTA) \u2014 A rabbi", "NEW DELHI: The", "Sept 18 (Reuters) - Shares",
        "RAMALLAH, West Bank, Nov. 24 (AP) \u2014 A", "New Delhi [India], February 20 (ANI): The",
        "Kumasi, Feb. 5, GNA - The", "Abuja \u2013 Man-of-the-match", "Chennai: The", "Shares fell: the",
        "Meanwhile - the", "the council met", "U.S.-Israeli relations", "", "MOSCOW (UrduPoint News / Sputnik - "
        "23rd November, 2020) A suspect", "N\u00ceMES, France (AFP) - A",
    ]
    for text in [*samples, *texts(3000, seed=20)]:
        assert bool(guard.match(text)) == any(p.match(text) for p in DATELINE_PATTERNS), text
        assert bool(guard.search(text)) == any(p.search(text) for p in DATELINE_PATTERNS), text


def test_any_of_refuses_what_it_cannot_join():
    assert any_of((re.compile(r"(?P<a>x)(?P=a)"), re.compile("y"))) is None
    assert any_of((re.compile("x", re.IGNORECASE), re.compile("y"))) is None
    assert any_of((re.compile(r"(x)\1"),)) is None
    assert any_of((re.compile(r"(?P<a>x)"), re.compile(r"(?P<a>y)"))).match("y")


def test_datelines_are_still_read():
    place, agency, k, rest, row = find_dateline(["Headline-like line", "CAIRO (AP) \u2014 Talks failed."], [3, 5])
    assert (place, agency, k, rest, row["text"]) == ("CAIRO", "AP", 1, "Talks failed.", "CAIRO (AP) \u2014")
    assert find_dateline(["no dateline here.", "nor here."], [1, 2]) == (None, None, 0, "no dateline here.", None)
    assert split_dateline("the story opens.", 4) == (None, None, "the story opens.", None)


def test_may_name_agency_never_skips_a_form():
    assert not may_name_agency("It could happen on the map of Japan, the company said.")
    assert may_name_agency("... said. AP") and may_name_agency("per the associated PRESS")
    assert not may_name_agency("ap wrote")  # a short form counts in its own case only
    assert may_name_agency("caf\u00e9 \u212aelvin")  # not ASCII: it cannot tell
    for _, form in AGENCY_FORMS:
        for text in (f"x {form} y", f"x {form.upper()} y", f"x {form.lower()} y"):
            if ANY_AGENCY.search(text):
                assert may_name_agency(text), text
    for text in texts(3000, seed=21) + [f"{a} {b}" for a, b in AGENCY_FORMS]:
        if ANY_AGENCY.search(text) or AGENCY_PATTERN.search(text):
            assert may_name_agency(text), text


def test_end_slug_and_credit_line_agencies_are_still_found():
    page = "Talks end\n\nThe talks ended on Tuesday without a deal, officials said.\n\nbk/msh (AFP, dpa)"
    cleaned = clean_text(page)
    assert (cleaned.agency, cleaned.agency_from) == ("AFP", "credit position")
    cleaned = clean_text("Talks end\n\nThe talks ended on Tuesday without a deal, officials said. PTI BUN AAR")
    assert (cleaned.agency, cleaned.agency_from) == ("PTI", "end slug")
    assert clean_text("Talks end\n\nThe talks happened on the map, officials said.\n\nbk/msh").agency is None


def test_comparable_in_one_pass_is_the_regex_form():
    for text in [*texts(3000, seed=22), "Gaza's 'truce'", "A_B c-D 12.5", "\tTabs\x0bAND\x7fcontrols"]:
        assert comparable(text) == " ".join(re.findall(r"[^\W_]+", text.casefold())), text


def test_sole_copies_with_and_without_repeats():
    lines = ["A highlight bullet of the story, word for word.", "Other text.", "A highlight bullet of the story, "
             "word for word."]
    assert sole_copies(lines, [None, None, None]) == [False, False, False]
    assert sole_copies(lines, ["repeated paragraph", None, None]) == [False, False, True]
    with pytest.raises(ValueError):
        sole_copies(lines, [None])


def test_outlet_names_read_once_per_spelling_are_the_same():
    names = ["Al Jazeera", "AL JAZEERA", "Al\u00a0Jazeera", "Al Jazeera\u200b", "\uff21\uff4c Jazeera", "BBC", "BBC"]
    assert [outlet_spelling(n) for n in names] == [outlet_spelling.__wrapped__(n) for n in names]
    assert [outlet_key(n) for n in names] == [outlet_key.__wrapped__(n) for n in names]
    out, merges = normalise_outlets(pd.Series(names * 2, dtype=object))
    assert out.tolist() == ["Al Jazeera"] * 5 + ["BBC"] * 2 + ["Al Jazeera"] * 5 + ["BBC"] * 2
    assert [m.kept for m in merges] == ["Al Jazeera"]


@pytest.mark.parametrize(("end", "found"), [
    ("Copyright 2019 The Associated Press. All rights reserved.", ("AP", "copyright notice")),
    ("(c) 2020 AFP", ("AFP", "copyright notice")),
    ("\u00a9 2020 AFP", ("AFP", "copyright notice")),  # not ASCII: the joined page cannot rule it out
    ("The caf\u00e9 owner, Reuters contributed to this report.", ("Reuters", "contributor note")),
    ("The mayor spoke, and Reuters CONTRIBUTED to this story.", ("Reuters", "contributor note")),
    ("Nothing here names one.", (None, None)),
    ("Rights reserved by nobody; contributions welcome.", (None, None)),
])
def test_copyright_and_contributor_agencies_after_one_test_of_the_page(end, found):
    page = ("Talks end\n\nThe talks ended on Tuesday without a deal, officials said.\n\n"
            f"They meet again next week in the capital.\n\n{end}")
    cleaned = clean_text(page)
    assert (cleaned.agency, cleaned.agency_from) == found


def test_required_words_read_a_class_of_literals():
    import re._parser as sre_p

    from helpers.clean.rulesearch import may_hold_words, required_words

    def words(source: str, flags: int = 0):
        return required_words(sre_p.parse(source, flags))

    assert words("\\S\\s+(?:>|\u00bb|\u203a)\\s+\\S") == {">"}  # the parser writes the branch as a class
    assert words('\\S\\s+(?:>|\u00bb)\\s+\\S|(?:\\S+\\s+"\\s+){2,}\\S') == {">", '"'}
    assert words("[\u00bb\u203a]") == frozenset()  # no ASCII line holds a match
    assert words("[Ab]", re.IGNORECASE) == {"a", "b"}
    assert words("[\u212a]x", re.IGNORECASE) == {"x"}  # the Kelvin sign matches "k": the class proves nothing
    assert words("[\u212a]", re.IGNORECASE) is None and words("[^>]") is None and words("[a-c]") is None
    assert words(r"[\d>]") is None
    line = "Home >> News"  # a class's characters are tested, not the class: ">" is in the line
    assert re.search(r"\S\s+(?:>|\u00bb)", "Home > News") and may_hold_words(frozenset({">"}), line.lower())
