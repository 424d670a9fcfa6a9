"""Quotation speakers, round 8 (issue 15): forms news sites share, each on a short made-up text written here.

Quotes pages ("What the managers said", "Postgame quotes"): quotation paragraphs with no
attribution under a heading that names their speaker, which the cleaner takes out of the body
as a crosshead; the quotations table reads it back from the corpus's ``raw_text`` and
``subheads`` columns. British titles written without a full stop ("Insp", "Cllr", "PC"), as
"Mr" and "Dr" are. A quotation over the lines of a hard-wrapped paragraph (archive and wire
copy broken at a fixed width, each line its own paragraph in the cleaned body), with its
speaker on the line before or after. Each with a near miss.
"""

from __future__ import annotations

import pandas as pd

from helpers.quotes import extract_quotes
from helpers.quotes.article import heading_person, heading_positions
from helpers.quotes.speakers import Names
from helpers.text import split_sentences
from tests.quote_cases import quotations, spans, speakers

QUOTES_PAGE = [
    "Head Coach Jo Parkinson", "Opening statement:",
    '"We battled for ninety minutes and the players deserved the win tonight."',
    "On the late goal:", '"It was a great finish from a young player who has worked hard all season."',
    "Ann Leeford (Rivertown)", '"We knew the crowd would carry us through the last ten minutes."',
]
HEADINGS = ("Head Coach Jo Parkinson", "Ann Leeford (Rivertown)")


def heading_speakers(lines: list[str], headings: tuple[str, ...]) -> dict[str, str | None]:
    """Quotation (first three words) -> speaker, for a body of ``lines`` less ``headings``, read
    with the raw page and its crossheads as ``helpers.corpus.load_corpus`` gives them."""
    raw = "\n\n".join(lines)
    body = "\n\n".join(line for line in lines if line not in headings)
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [body], "raw_text": [raw],
                             "subheads": ["\n".join(headings)]})
    quotes = extract_quotes(split_sentences(articles), articles, None)
    quotes = quotes[quotes.form != "term"]
    return {" ".join(q.split()[:3]): None if pd.isna(s) else s
            for q, s in zip(quotes["quote"], quotes["speaker"], strict=True)}


def test_where_the_crossheads_stood():
    body = "\n\n".join(line for line in QUOTES_PAGE if line not in HEADINGS)
    found = heading_positions("\n".join(QUOTES_PAGE), body, "\n".join(HEADINGS))
    assert found == [(0, "Head Coach Jo Parkinson"), (4, "Ann Leeford (Rivertown)")]
    assert heading_positions(None, body, "\n".join(HEADINGS)) == []


def test_a_heading_names_a_person_not_a_topic():
    names = Names(None)
    assert heading_person("Gary Megson (Bolton)", names) == "Gary Megson"
    assert heading_person("Men's Basketball Head Coach John Shulman", names) == "John Shulman"
    for topic in ("Opening Statement:", "On the final minute of play:", "Expectations low", "Categories"):
        assert heading_person(topic, names) is None


def test_quotation_paragraphs_under_a_heading_naming_their_speaker():
    found = heading_speakers(QUOTES_PAGE, HEADINGS)
    assert found["We battled for"] == "Jo Parkinson"
    assert found["It was a"] == "Jo Parkinson"  # past a topic line ("On the late goal:")
    assert found["We knew the"] == "Ann Leeford"
    # a story paragraph between the heading and the quotation: the heading is no longer its speaker
    lines = [*QUOTES_PAGE[:2], "The home side came back from two goals down in the second half.", *QUOTES_PAGE[2:5]]
    assert heading_speakers(lines, HEADINGS[:1])["It was a"] is None
    # a quotation with an attribution of its own keeps it
    lines = [HEADINGS[0], '"We battled for ninety minutes," said striker Sam Oduya after the match.']
    assert heading_speakers(lines, HEADINGS[:1])["We battled for"] == "Sam Oduya"


def test_british_titles_without_a_full_stop():
    text = ('Insp Jaswant Singh denied going to the wrong takeaway.\n\n'
            'Insp Singh said: "I entered by the front entrance and saw the other officers."')
    assert heading_speakers(text.split("\n\n"), ())["I entered by"] == "Jaswant Singh"
    text = 'Cllr Rob Stewart, the council leader, said: "We will build the new arena next year."'
    assert heading_speakers([text], ())["We will build"] == "Rob Stewart"
    text = 'PC Ann Spinks told the court: "He blasted the megaphone into my left ear."'
    assert heading_speakers([text], ())["He blasted the"] == "Ann Spinks"
    # a capitalised word that is no title stays part of the name
    text = 'Inga Park said: "We will build the new arena next year."'
    assert heading_speakers([text], ())["We will build"] == "Inga Park"


HARD_WRAPPED = (
    "Earlier on Tuesday, Chief Cabinet Secretary Jo Kawada told a separate news\n\n"
    "conference, ''I will refrain from commenting as it will involve intelligence,\n\n"
    "but the government will keep gathering information.''\n\n"
    "The missile issue ''is a serious problem not only for our own country's\n\n"
    "security but also for world peace,'' Press Secretary\n\n"
    "Ann Kodaira said on Tuesday."
)


def test_a_quotation_over_the_lines_of_a_hard_wrapped_paragraph():
    found = spans(HARD_WRAPPED)
    assert len(found) == 2 and found[0].endswith("information.''") and "\n\nsecurity" in found[1]
    who = speakers(HARD_WRAPPED)
    assert who["I will refrain"] == "Jo Kawada"  # the verb is on the line before
    assert who["is a serious"] == "Ann Kodaira"  # the name is on the line after
    assert "security but also for world peace," in quotations(HARD_WRAPPED)["quote"].iloc[1]  # one line
    # a line that ends on a full stop is a paragraph's end: a mark left open there is no quotation
    text = 'He said the plan was "a serious problem for the town.\n\nThe vote is next week," it was reported.'
    assert spans(text) == []
