"""Quotation spans and speakers, round 6 (issue 15): general shapes, each on a short made-up text written here.

Typewriter double quotes (two backticks or two apostrophes opening, two apostrophes closing, as
older wire copy and archives print them) read as quotation marks, and a speaker named before
an affiliation ("Jo Park of the National Museum in Madrid told"), each with a near miss.
"""

from __future__ import annotations

from tests.quote_cases import spans, speakers


def test_typewriter_quotes_open_quotations_and_their_paragraphs():
    text = ("``We believe this is a new species,'' Jo Park told a news conference.\n\n"
            "``It is a species we consider the common ancestor of us all.''")
    assert spans(text) == ["`We believe this is a new species,''",
                           "`It is a species we consider the common ancestor of us all.''"]
    found = speakers(text)
    assert found["We believe this"] == "Jo Park"
    assert found["It is a"] == "Jo Park"  # opens its paragraph, like '"It is ...'
    text = "Ann Lee told reporters, ''In the event of danger we will respond.''"
    assert speakers(text)["In the event"] == "Ann Lee"
    # two apostrophes after a word open nothing
    assert spans("The players'' kit was new and the fans liked it a lot.") == []


def test_a_speaker_named_before_an_affiliation():
    text = '"We believe this is a new species," Jo Park of the National Museum in Madrid told reporters.'
    assert speakers(text)["We believe this"] == "Jo Park"
    text = '"The data are clear," Ann Lee from the University of Leeds said.'
    assert speakers(text)["The data are"] == "Ann Lee"
    # a one-word name before "of the" is not read this way
    text = '"The data are clear," Lee of the university said.'
    assert speakers(text)["The data are"] != "Lee"
