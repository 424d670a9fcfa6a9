"""Quote attribution, round 3 (issue 15): each rule on a short made-up text written here.

Each text shows one form of general news copy (a speaker later in the sentence, a name with
"of" and a firm, a participle opening a sentence, a title set off by commas ...) and what the
rule must give, with a near miss it must not take.
"""

from __future__ import annotations

import pandas as pd

from helpers.quotes import anonymous_sources
from helpers.quotes.speakers import Names, parse_np
from helpers.text import split_sentences
from tests.quote_cases import article_quotes, spans, speakers


def test_an_unclosed_quotation_after_a_speech_verb_and_comma_runs_to_the_paragraph_end():
    text = 'On the other claim, Jo Park said, "I am not the right person to comment on it.\n\nThe talks go on.'
    assert spans(text) == ['"I am not the right person to comment on it.']
    # a stray mark after anything else still opens nothing
    assert spans('The so-called "deal was never signed by anyone.\n\nThe talks go on.') == []


def test_lower_case_single_quoted_quotations_of_three_words_count_titles_need_four():
    text = ("Officers were sent to 'locate and arrest' the man, who is 'potentially extremely "
            "dangerous', the prosecutor said.")
    assert spans(text) == ["'locate and arrest'", "'potentially extremely dangerous'"]
    # a closing mark after a letter other than "s" before a space; possessives and 'n' are no marks
    assert spans("He 'surrendered himself to a police station' near Pisa.") == [
        "'surrendered himself to a police station'"]
    assert spans("They love rock 'n' roll and the players' kit and the coaches' plans.") == []
    assert spans("She joined the 'Jan Ashirwad Yatra' last week.") == []  # a capitalised title


def test_a_short_lower_case_fragment_is_a_term_even_with_the_stop_inside_the_marks():
    quotes = article_quotes('Jo Park said she does not think the plan is "perfect," but she backed it.\n\n'
                     'Talks with Italy are "far advanced." The deal is "at least equal" to the old one, Park said.\n\n'
                     '"No," Park said.')
    forms = dict(zip(quotes["quote"], quotes["form"], strict=True))
    assert forms["perfect,"] == "term" and forms["far advanced."] == "term"
    assert forms["at least equal"] == "partial" and forms["No,"] == "full"


def test_the_speaker_may_come_later_in_the_sentence_but_not_after_a_new_clause():
    got = speakers('Growth will be "at least equal" to the 0.2 percent rise of the last quarter, '
                    "Economy Minister Luis de Guindos said Tuesday.")
    assert got["at least equal"] == "Luis de Guindos"
    got = speakers('Officers were sent to \'locate and arrest\' the man, considered \'potentially extremely '
                    "dangerous', the prosecutor said.\n\nJean Dupont, the prosecutor, opened the case.")
    assert got["locate and arrest"] == "Jean Dupont"  # past the second quotation: the one prosecutor named
    assert got["potentially extremely dangerous"] == "Jean Dupont"
    got = speakers('The mayor called it "a total disgrace for the city", but Sam Roe said it was fine.')
    assert got["a total disgrace"] is None


def test_a_person_of_a_firm_is_the_person_and_an_institution_with_of_is_one_name():
    got = speakers('Irene Nattel of RBC Capital Markets said the results were "reinforcing our thesis that '
                    'the cycle is stabilising."')
    assert got["reinforcing our thesis"] == "Irene Nattel"
    names = Names(None)
    for run in ("Bank of America", "Chamber of Commerce"):
        assert parse_np(run, names).kind == "organisation" and parse_np(run, names).name == run
    assert parse_np("Secretary of State John Kerry", names).name == "John Kerry"
    assert parse_np("United States of America", names).kind == "organisation"


def test_a_preposition_or_participle_opening_a_sentence_is_not_a_name():
    got = speakers("Behind Suga's remarks is a long dispute with the city.\n\n"
                    'In explaining them, Suga said at a press conference, "It is based on the fact that cases rose."')
    assert got["It is based"] == "Suga"
    got = speakers("Best Buy sent notes to buyers. Spotted by The Verge, the letter was posted online. "
                    'It cites "a plethora of unforeseen hiccups" in the launch.')
    assert got["a plethora of"] not in ("The Verge", "Spotted")  # the paragraph's subject, Best Buy, is taken
    got = speakers('The agency sent 90 people.\n\nSays the Press Gazette: "There has been growing controversy '
                    'in recent weeks."')
    assert got["There has been"] == "Press Gazette"


def test_a_title_set_off_by_commas_and_a_role_with_and_before_the_name():
    got = speakers('"Such comments should not be made," Balyan, Union Minister of State for Agriculture, '
                    "told reporters.")
    assert got["Such comments should"] == "Balyan"
    got = speakers('Acme president and chief executive Mr John Chambers, stated: "We are very pleased with '
                    'this quarter."')
    assert got["We are very"] == "John Chambers"
    got = speakers('"I grant the title to everyone who deserves it," said Scholz and also addressed finances.')
    assert got["I grant the"] == "Scholz"


def test_the_subject_of_a_reported_clause_and_a_possessive_comment():
    got = speakers("Xinhua reported that President Xi Jinping called for \"all-out search and rescue efforts\".")
    assert got["all-out search and"] == "Xi Jinping"
    got = speakers('Jane Roe condemned Sam Doe\'s comment that "it is time to close the border".')
    assert got["it is time"] == "Sam Doe"
    got = speakers('A spokesperson from the company described the phone as "a continuation of earlier plans."')
    assert got["a continuation of"] == "spokesperson (anonymous)"
    got = speakers("Coverage of the Games \u2013 described as 'every minute of every event' \u2013 is promised.")
    assert got["every minute of"] is None  # "described as": a passive participle, not the Games speaking


def test_descriptions_companies_and_full_names_refer_back():
    got = speakers("Chancellor Olaf Scholz sees the league as a bonfire.\n\n"
                    '"I am pleased that the season had three leaders," said the SPD politician at the gala.')
    assert got["I am pleased"] == "Olaf Scholz"
    got = speakers("AstraZeneca said regulators had backed the vaccine.\n\n"
                    'The company said it was checking "whether these rare cases occur more often than expected".')
    assert got["whether these rare"] == "AstraZeneca"
    got = speakers("Allan McManus took charge of the side today.\n\nSome goals were mistakes.\n\n"
                    'He said: "You cannot legislate for it at all."')
    assert got["You cannot legislate"] == "Allan McManus"
    got = speakers("Jean Dupont, the prosecutor, opened the case.\n\n"
                    '"It is over now for the suspect," the prosecutor of the southern city said.')
    assert got["It is over"] == "Jean Dupont"  # the role before its "of ..." phrase
    got = speakers("Jean Dupont, the prosecutor, opened the case.\n\n"
                    '"It is over now for the suspect," the chief of staff said.')
    assert got["It is over"] is None  # "chief of staff" is a role of its own, not "chief"


def test_a_man_who_gives_no_name_is_an_unnamed_source():
    body = ("A man who answered the phone at the city office said the lines were cut.\n\n"
            '"I felt the strong quake this morning in my office," said the man, who refused to give his name.')
    quotes = article_quotes(body)
    assert quotes["speaker_kind"].tolist() == ["anonymous source"]
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [body]})
    sources = anonymous_sources(split_sentences(articles), articles, None)
    assert sources["source"].tolist() == ["man (anonymous)"]
    assert "refused to give his name" in sources["cue"].iloc[0]
