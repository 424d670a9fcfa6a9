"""Quotation spans and speakers, round 5 (issue 15): general shapes, each on a short made-up text written here.

A single-quoted quotation running over paragraphs, a quotation-only paragraph two paragraphs after
its speaker's attribution, a paragraph opening with a quotation after one about a person, and a
quotation whose attribution comes in a later sentence of its paragraph, else the person a sentence
before it in its paragraph is about, each with a near miss the rule must not take.
"""

from __future__ import annotations

from tests.quote_cases import spans, speakers


def test_a_single_quoted_quotation_runs_over_paragraphs_as_a_double_quoted_one_does():
    text = ("Jo Park said: 'We will build the new school next year and open it in spring.\n\n"
            "'Nobody here wants to wait any longer,' she added.")
    assert spans(text) == ["'We will build the new school next year and open it in spring.",
                            "'Nobody here wants to wait any longer,'"]
    assert speakers(text)["We will build"] == "Jo Park"
    # an apostrophe after an ordinary word opens nothing that runs to the paragraph's end
    assert spans("Prices rose in the '90s and fell after that for many years.\n\nSales went on.") == []


def test_a_quotation_paragraph_takes_the_speaker_two_paragraphs_before():
    text = ('"The budget is fair," Mayor Lena Ortiz said on Monday.\n\n'
            "The council votes on the plan next week.\n\n"
            '"We have listened to every resident who wrote to us."')
    assert speakers(text)["We have listened"] == "Lena Ortiz"
    # three paragraphs away is too far: the quotation stays unattributed
    far = ('"The budget is fair," Mayor Lena Ortiz said on Monday.\n\n'
           "The council votes on the plan next week.\n\nThe vote is open to the public.\n\n"
           '"We have listened to every resident who wrote to us."')
    assert speakers(far)["We have listened"] is None


def test_a_paragraph_opening_with_a_quotation_after_one_about_a_person_is_theirs():
    text = ("Coach Marta Lind watched the final from the bench.\n\n"
            '"We were tired in the second half." The team flies home on Monday.')
    assert speakers(text)["We were tired"] == "Marta Lind"
    # a paragraph about no one named gives nothing
    text = ("The final was played in the rain.\n\n"
            '"We were tired in the second half." The team flies home on Monday.')
    assert speakers(text)["We were tired"] is None


def test_a_quotation_takes_the_attribution_of_a_later_sentence_in_its_paragraph():
    text = ('The vote went badly. "We lost our way in this campaign." After the count, Tom Reyes said '
            "the party would rebuild.")
    assert speakers(text)["We lost our"] == "Tom Reyes"
    # one later in its own sentence, past a new clause, is not its speaker
    text = 'The mayor called it "a total disgrace for the city", but Sam Roe said it was fine.'
    assert speakers(text)["a total disgrace"] is None
    # nor one in the next paragraph
    text = '"We lost our way in this campaign."\n\nAfter the count, Tom Reyes said the party would rebuild.'
    assert speakers(text)["We lost our"] is None


def test_else_the_person_a_sentence_before_it_in_its_paragraph_is_about():
    text = ('Council President Ana Vert closed the meeting. She is keeping the process "clean and '
            'transparent for everyone."')
    assert speakers(text)["clean and transparent"] == "Ana Vert"
    # a person named only after the quotation, in the next paragraph, is not its speaker
    text = 'The process stays "clean and transparent for everyone."\n\nAna Vert closed the meeting.'
    assert speakers(text)["clean and transparent"] is None
