"""Cleaning: the seed bodies line by line, and the rules on pages the tests write."""

from __future__ import annotations

import pytest

from helpers.clean import LINE_BREAK, clean_text, normalise_line
from helpers.corpus import load_corpus

# Every non-blank line of every seed file, by raw line number: body, or the rule
# that took it out. Worked out by reading the files (see corpus/README.md).
SEED_LINES = {
    "000_d30445ea75725141": dict(
        body=range(1, 9),
        removed={9: "donation or membership appeal"},
        dateline="JTA",
    ),
    "001_14dca963f3b2987e": dict(
        body=[*range(2, 12), *range(13, 22)],
        removed={
            1: "headline", 12: "crosshead (subhead)", 22: "publisher's message",
            23: "donation or membership appeal", 24: "page footer block",
            25: "donation or membership appeal", 26: "sign-off",
        },
        dateline=None,
    ),
    "002_5bac032dd11dfc2e": dict(
        body=range(7, 34, 2),
        removed={
            1: "photo credit", 3: "headline", 5: "dek (standfirst)", 35: "wire credit",
            37: "teaser block heading",
            **dict.fromkeys(range(39, 48, 2), "sign-up or newsletter box"),
        },
        dateline=None,
    ),
    "003_21caf42f95a01878": dict(
        body=[*range(14, 25, 2), *range(28, 41, 2), *range(44, 53, 2)],
        removed={
            1: "section label", 3: "headline", 5: "dek (standfirst)", 7: "timestamp",
            **dict.fromkeys((8, 9, 10, 11, 55, 56, 57, 58), "share/print widget"),
            12: "photo caption", 26: "crosshead (subhead)", 42: "crosshead (subhead)",
            59: "teaser block heading", **dict.fromkeys(range(60, 69), "page footer block"),
        },
        dateline=None,
    ),
    "004_db867419f4d342af": dict(body=range(1, 13), removed={}, dateline="JERUSALEM"),
}
DATELINE_PREFIX = {"JTA": "(JTA) \u2014 ", "JERUSALEM": "JERUSALEM\u2014"}


@pytest.fixture(scope="module")
def seeds(seed_dir):
    return load_corpus(seed_dir)


@pytest.mark.parametrize("article_id", sorted(SEED_LINES))
def test_seed_body_is_exactly_the_article_paragraphs(seeds, article_id):
    articles, _removed, _ = seeds
    art = articles.set_index("article_id").loc[article_id]
    expected = SEED_LINES[article_id]
    raw_lines = LINE_BREAK.split(art.raw_text)
    paragraphs = art.body.split("\n\n")
    assert len(paragraphs) == len(expected["body"])
    for k, (line_n, paragraph) in enumerate(zip(expected["body"], paragraphs, strict=False)):
        raw = raw_lines[line_n - 1]
        if k == 0 and expected["dateline"]:
            prefix = DATELINE_PREFIX[expected["dateline"]]
            assert raw.startswith(prefix)
            raw = raw[len(prefix):]
        # the whole paragraph, in its comparable form: nothing cut, nothing added
        assert paragraph == normalise_line(raw), f"line {line_n}"
    assert (art.dateline if isinstance(art.dateline, str) else None) == expected["dateline"]


@pytest.mark.parametrize("article_id", sorted(SEED_LINES))
def test_seed_audit_names_every_line_not_in_the_body(seeds, article_id):
    _, removed, _ = seeds
    rows = removed[(removed.article_id == article_id) & (removed.rule != "dateline")]
    assert dict(zip(rows.line_n, rows.rule, strict=False)) == SEED_LINES[article_id]["removed"]
    raw_lines = LINE_BREAK.split(seeds.articles.set_index("article_id").loc[article_id, "raw_text"])
    for row in rows.itertuples():
        assert row.text == raw_lines[row.line_n - 1].strip()


def test_no_boilerplate_phrase_survives_in_any_seed_body(seeds):
    bodies = "\n".join(seeds.articles.body)
    for phrase in [
        "Getty Images", "Last updated", "Email Article", "Send Feedback", "[EPA]", "Related News",
        "newsletter", "Featured on", "wire services", "Publisher", "journalism strong",
        "Guantanamo", "Dresden", "NO PRECONDITIONS", "Risk of collapse", "(JTA)", "JERUSALEM\u2014",
        "Middle East\n",
    ]:
        assert phrase not in bodies, phrase


def test_seed_header_fields(seeds):
    art = seeds.articles.set_index("outlet")
    assert art.loc["Al Jazeera America", "dek"].startswith("Negotiations snag over Israel's failure")
    assert art.loc["Al Jazeera English", "dek"].startswith("Kerry rushes to Ramallah")
    assert art.loc["Al Jazeera English", "subheads"] == "Risk of collapse\nNot in good fatih"
    assert art.loc["The Forward", "subheads"] == "NO PRECONDITIONS"
    assert art.loc["The Forward", "wire"] == "Reuters"
    assert art.loc["Al Jazeera America", "wire"] == "Al Jazeera and wire services"
    assert art.loc["Washington Free Beacon", "date_note"].startswith("approximate")


def test_seed_normalisation(seeds):
    body = seeds.articles.set_index("outlet").loc["Al Jazeera America", "body"]
    raw = seeds.articles.set_index("outlet").loc["Al Jazeera America", "raw_text"]
    assert "\u00a0" in raw and "\u00a0" not in body
    assert "have been holding urgent talks with the two sides in hopes" in body
    assert "\u201c" not in body and "\u2019" not in body
    assert "Kerry's impromptu visit" in body


def _check_every_line_accounted(raw: str, result) -> None:
    """Each non-blank raw line is a body paragraph or has an audit row."""
    audited = {row["line_n"] for row in result.removed if row["rule"] != "dateline"}
    paragraphs = set(result.body.split("\n\n"))
    for n, line in enumerate(LINE_BREAK.split(raw), start=1):
        if line.strip() and n not in audited:
            text = normalise_line(line)
            assert text in paragraphs or any(p and text.endswith(p) for p in paragraphs), (n, line)


OTHER_OUTLET_PAGE = """\
World\r
Ministers agree to extend ceasefire talks\r
Negotiators will meet again next week in Cairo\r
By Jane Roe and Ahmed Ali\r
Published: 12 March 2024 09:15 GMT\r
Share this article\r
Reprints\r
A man walks past rubble in Gaza City (AP Photo/Fatima Shbair)\r
\r
CAIRO, Egypt \u2014 Foreign ministers agreed on Tuesday to extend talks on a ceasefire, officials said.\r
"We have made progress," the Egyptian foreign minister told reporters.\r
\r
What comes next\r
\r
The talks resume on March 19, a U.S.-brokered timetable shows.\r
Reporting by Jane Roe; Editing by Tom Poe\r
You may also like\r
Storms batter the coast as thousands lose power.\r
A new museum opens its doors to the public.\r
Scientists find water on a distant moon.\r
"""


def test_rules_generalise_to_another_outlets_page():
    result = clean_text(OTHER_OUTLET_PAGE, headline="Ministers agree to extend ceasefire talks")
    assert result.body.split("\n\n") == [
        "Foreign ministers agreed on Tuesday to extend talks on a ceasefire, officials said.",
        '"We have made progress," the Egyptian foreign minister told reporters.',
        "The talks resume on March 19, a U.S.-brokered timetable shows.",
    ]
    rules = {row["text"]: row["rule"] for row in result.removed}
    assert rules["World"] == "section label"
    assert rules["Negotiators will meet again next week in Cairo"] == "dek (standfirst)"
    assert rules["By Jane Roe and Ahmed Ali"] == "byline"
    assert rules["Published: 12 March 2024 09:15 GMT"] == "timestamp"
    assert rules["Share this article"] == rules["Reprints"] == "share/print widget"
    assert rules["A man walks past rubble in Gaza City (AP Photo/Fatima Shbair)"] in ("photo credit", "photo caption")
    assert rules["What comes next"] == "crosshead (subhead)"
    assert rules["Reporting by Jane Roe; Editing by Tom Poe"] == "wire credit"
    assert rules["You may also like"] == "teaser block heading"
    assert rules["Scientists find water on a distant moon."] == "page footer block"
    assert result.dateline == "CAIRO, Egypt"
    assert result.wire_credit == "Reporting by Jane Roe; Editing by Tom Poe"
    _check_every_line_accounted(OTHER_OUTLET_PAGE, result)


def test_plain_body_is_kept_whole():
    text = "The talks failed.\nOfficials said they would meet again.\nNo date was set.\n"
    result = clean_text(text)
    assert result.body == "The talks failed.\n\nOfficials said they would meet again.\n\nNo date was set."
    assert result.removed == []


def test_hyphenated_opening_is_not_a_dateline():
    result = clean_text("U.S.-Israeli relations are strained, officials said.\nMore talks follow.\n")
    assert result.dateline is None
    assert result.body.startswith("U.S.-Israeli relations")


def test_story_about_donations_keeps_its_opening():
    text = (
        "Donations to the charity rose 20 percent this year, its director said.\n"
        "Becoming a member now costs $10, she added.\n"
        "The charity runs 40 shelters.\nIt was founded in 1990.\n"
    )
    assert clean_text(text).body.count("\n\n") == 3


def test_normalise_line_makes_variants_comparable():
    line = "\u201cIt\u2019s\u00a0done,\u201d he\u00a0said \u2014 twice\u2026\r"
    assert normalise_line(line) == '"It\'s done," he said \u2014 twice...'
    assert normalise_line("Pre\u00adtoria  --  ZA\u200b") == "Pretoria \u2014 ZA"
    assert normalise_line("balked") != normalise_line("baulked")  # spelling is not normalised
