"""Quotation spans and speakers, round 5 (issue 15): general shapes, each on a short made-up text written here.

A single-quoted quotation running over paragraphs, a quotation-only paragraph two paragraphs after
its speaker's attribution, a paragraph opening with a quotation after one about a person, and a
quotation whose attribution comes in a later sentence of its paragraph, else the person a sentence
before it in its paragraph is about, each with a near miss the rule must not take.
"""

from __future__ import annotations

import pandas as pd

from helpers.quote_spans import quote_spans
from helpers.quotes import extract_quotes
from helpers.text import split_sentences


def _speakers(body: str) -> dict[str, str | None]:
    """Quotation (its first three words) -> speaker, quoted terms left out."""
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [body]})
    quotes = extract_quotes(split_sentences(articles), articles, None)
    quotes = quotes[quotes.form != "term"]
    return {" ".join(q.split()[:3]): None if pd.isna(s) else s
            for q, s in zip(quotes["quote"], quotes["speaker"], strict=True)}


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


def test_a_single_quoted_quotation_runs_over_paragraphs_as_a_double_quoted_one_does():
    text = ("Jo Park said: 'We will build the new school next year and open it in spring.\n\n"
            "'Nobody here wants to wait any longer,' she added.")
    assert _spans(text) == ["'We will build the new school next year and open it in spring.",
                            "'Nobody here wants to wait any longer,'"]
    assert _speakers(text)["We will build"] == "Jo Park"
    # an apostrophe after an ordinary word opens nothing that runs to the paragraph's end
    assert _spans("Prices rose in the '90s and fell after that for many years.\n\nSales went on.") == []


def test_a_quotation_paragraph_takes_the_speaker_two_paragraphs_before():
    text = ('"The budget is fair," Mayor Lena Ortiz said on Monday.\n\n'
            "The council votes on the plan next week.\n\n"
            '"We have listened to every resident who wrote to us."')
    assert _speakers(text)["We have listened"] == "Lena Ortiz"
    # three paragraphs away is too far: the quotation stays unattributed
    far = ('"The budget is fair," Mayor Lena Ortiz said on Monday.\n\n'
           "The council votes on the plan next week.\n\nThe vote is open to the public.\n\n"
           '"We have listened to every resident who wrote to us."')
    assert _speakers(far)["We have listened"] is None



def test_a_paragraph_opening_with_a_quotation_after_one_about_a_person_is_theirs():
    text = ("Coach Marta Lind watched the final from the bench.\n\n"
            '"We were tired in the second half." The team flies home on Monday.')
    assert _speakers(text)["We were tired"] == "Marta Lind"
    # a paragraph about no one named gives nothing
    text = ("The final was played in the rain.\n\n"
            '"We were tired in the second half." The team flies home on Monday.')
    assert _speakers(text)["We were tired"] is None


def test_a_quotation_takes_the_attribution_of_a_later_sentence_in_its_paragraph():
    text = ('The vote went badly. "We lost our way in this campaign." After the count, Tom Reyes said '
            "the party would rebuild.")
    assert _speakers(text)["We lost our"] == "Tom Reyes"
    # one later in its own sentence, past a new clause, is not its speaker
    text = 'The mayor called it "a total disgrace for the city", but Sam Roe said it was fine.'
    assert _speakers(text)["a total disgrace"] is None
    # nor one in the next paragraph
    text = '"We lost our way in this campaign."\n\nAfter the count, Tom Reyes said the party would rebuild.'
    assert _speakers(text)["We lost our"] is None


def test_else_the_person_a_sentence_before_it_in_its_paragraph_is_about():
    text = ('Council President Ana Vert closed the meeting. She is keeping the process "clean and '
            'transparent for everyone."')
    assert _speakers(text)["clean and transparent"] == "Ana Vert"
    # a person named only after the quotation, in the next paragraph, is not its speaker
    text = 'The process stays "clean and transparent for everyone."\n\nAna Vert closed the meeting.'
    assert _speakers(text)["clean and transparent"] is None
