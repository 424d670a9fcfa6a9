"""Quotation speakers, round 7 (issue 15): forms news sites share, each on a short made-up text written here.

An unnamed source whose phrase holds an abbreviation ("said a senior U.S. official who ..."),
a short bracket between a speaker and the verb (a party tag "Gov. Jo Park (D) said", an
acronym "the World Health Organization (WHO) said"), and an acronym defined after a name
with words before its first letter ("the United States National Hurricane Center (NHC)").
Each with a near miss.
"""

from __future__ import annotations

from helpers.quotes.extraction import spelled_out
from tests.quote_cases import quotations, speakers


def test_an_unnamed_source_with_an_abbreviation_after_the_verb():
    found = quotations('"We are starting out slowly," said a senior U.S. official who asked not to be named.')
    assert list(found["speaker_kind"]) == ["anonymous source"]
    assert "U.S. official" in found["speaker"].iloc[0]
    # a named person after the verb stays a person
    assert speakers('"We are starting out slowly," said U.S. envoy Jo Park.')["We are starting"] == "Jo Park"


def test_a_short_bracket_between_the_speaker_and_the_verb():
    text = '"We know that we are in the path of it," North Carolina Gov. Jo Park (D) said at a briefing.'
    assert speakers(text)["We know that"] == "Jo Park"
    text = '"The region is in for a real episode," Sen. Ann Lee (R-Texas) said.'
    assert speakers(text)["The region is"] == "Ann Lee"
    text = '"The outbreak is not yet over," the World Health Organization (WHO) said on Monday.'
    assert speakers(text)["The outbreak is"] == "World Health Organization"
    # a bracket that is not short is not cut off, and names no one
    text = '"The outbreak is not yet over," the statement (which was issued late on a long Monday night) said.'
    assert speakers(text)["The outbreak is"] in (None, "")


def test_an_acronym_defined_after_words_before_its_first_letter():
    body = "The storm will strengthen, according to the United States National Hurricane Center (NHC)."
    assert spelled_out("NHC", body) == "National Hurricane Center"
    assert spelled_out("WHO", "the World Health Organization (WHO) said") == "World Health Organization"
    # letters that do not follow the name's words in order leave the acronym as it is
    assert spelled_out("NHC", "the United States Hurricane Centre (NHC) said") == "NHC"
    text = ('The storm will be "near hurricane strength" by Wednesday, according to the United States'
            ' National Hurricane Center (NHC).\n\n"Tropical storm conditions are expected on the coast," the NHC said.')
    assert speakers(text)["Tropical storm conditions"] == "National Hurricane Center"


def test_common_nouns_for_people_quoted_without_a_name():
    found = quotations('Another driver interviewed said, "Learn the rules first and then we will see."')
    assert list(found["speaker_kind"]) == ["anonymous source"]
    text = 'One sheriff in the county warned that those who stay "must understand that rescue will not come."'
    assert list(quotations(text)["speaker_kind"]) == ["anonymous source"]
    # a title stays a named person's role: "the prosecutor" after the prosecutor is named
    text = ('Prosecutor Ann Lee said the man was armed.\n\n'
            '"He is potentially extremely dangerous," the prosecutor said.')
    assert speakers(text)["He is potentially"] == "Ann Lee"
    # a driver who is named is the named person
    assert speakers('"Learn the rules first," driver Jo Park said.')["Learn the rules"] == "Jo Park"


def test_a_quotation_relayed_by_whoever_comes_after_it():
    text = 'Judge Jo Park said the case is "a story of betrayal of trust," the Daily Gazette tweeted from court.'
    assert speakers(text)["a story of"] == "Jo Park"
    text = 'Ann Lee said the deal was "dead and buried now," according to police.'
    assert speakers(text)["dead and buried"] == "Ann Lee"
    # with no speaker of its own before it, the quotation is the relaying source's
    assert speakers('"The deal is dead and buried now," according to police.')["The deal is"] == "police"
    # a person who tweets a quotation is its speaker
    text = 'Ann Lee said on Monday that "the deal is dead now," Jo Park tweeted.'
    assert speakers(text)["the deal is"] == "Jo Park"


def test_a_participle_clause_opening_the_sentence_is_not_its_subject():
    text = ('Reacting to the video, France\'s Minister for European Affairs Ann Lee, told a network that Paris'
            ' would "not allow its policy to be dictated by kidnappers."')
    assert speakers(text)["not allow its"] != "Reacting"
    text = 'Responding to the claims, Jo Park told a news network the plan was "a very bad idea for all."'
    assert speakers(text)["a very bad"] == "Jo Park"
    # a name ending in -ing, followed by its appositive, is still the subject
    text = 'Fleming, the coach, told reporters the team would "fight on to the very end."'
    assert speakers(text)["fight on to"] == "Fleming"


def test_a_role_no_one_is_named_with_is_the_person_speaking_before():
    text = ('"We must be prepared for more," Wissing told the newspaper.\n\n'
            'Asked about a limit, the minister replied: "This question does not arise at all."')
    assert speakers(text)["This question does"] == "Wissing"
    text = ('Justice Ann Lee said there were two petitions before the court.\n\n'
            '"Should he withdraw the reply he gave," the judge asked the counsel.')
    assert speakers(text)["Should he withdraw"] == "Ann Lee"
    # an organisation speaking before is no minister
    text = ('"We must be prepared for more," the Interior Ministry said in a statement.\n\n'
            'Asked about a limit, the minister replied: "This question does not arise at all."')
    assert speakers(text)["This question does"] in (None, "")
    # nor is a person who spoke three paragraphs before
    text = ('"We must be prepared for more," Wissing told the newspaper.\n\nThe rain fell.\n\nThe river rose.\n\n'
            'Asked about a limit, the minister replied: "This question does not arise at all."')
    assert speakers(text)["This question does"] in (None, "")


def test_a_full_name_before_a_post_at_a_named_body():
    text = '"This is clearly a very important finding," Jo Park, European editor of Science, told reporters.'
    assert speakers(text)["This is clearly"] == "Jo Park"
    text = '"The data are clear," Ann Lee, Senior lecturer at Leeds University, said.'
    assert speakers(text)["The data are"] == "Ann Lee"
    # two organisations' names around a comma are no person and a post
    text = '"The data are clear," Leeds University, Science Museum said.'
    assert speakers(text)["The data are"] not in ("Leeds University", "Leeds")


def test_a_title_with_its_portfolio_before_a_name():
    text = ('Minister of State for Information and Broadcasting Ann Lee told reporters the party was warned.'
            ' "We cannot be intimidated by them," she said.')
    assert speakers(text)["We cannot be"] == "Ann Lee"
    text = ('Reacting to the video, France\'s Minister for European Affairs Jo Park, told a network that Paris'
            ' would "not allow its policy to be dictated by kidnappers."')
    assert speakers(text)["not allow its"] == "Jo Park"
    # no title before "for": no name is cut out of the run
    text = '"We are ready to help them all," Friends for Animal Welfare Scotland said.'
    assert speakers(text)["We are ready"] != "Welfare Scotland"


def test_a_question_mark_closing_a_quotation_does_not_end_its_sentence():
    text = 'Drivers dislike the rules. "If you are clean and tidy, why should it matter?" asked one driver in the city.'
    assert list(quotations(text)["speaker_kind"]) == ["anonymous source"]
    text = 'Jo Park spoke first. "Why should it matter to anyone at all?" asked Ann Lee.'
    assert speakers(text)["Why should it"] == "Ann Lee"
    # the sentence after it is read up to the next quotation only
    text = '"Why should it matter to anyone at all?" asked Ann Lee. "It does not matter to me," said Jo Park.'
    assert speakers(text) == {"Why should it": "Ann Lee", "It does not": "Jo Park"}


def test_an_unnamed_role_followed_by_a_full_name_is_that_person():
    text = ('Officers radioed for help, telling colleagues "they are shooting at us now,"'
            ' a spokesperson, Jo Ann Park, said.')
    assert speakers(text)["they are shooting"] == "Jo Ann Park"
    # without a name, or with a one-word name, the source stays unnamed
    for text in ('"They are shooting at us right now," a spokesperson said.',
                 '"They are shooting at us right now," a spokesperson, Park, said.'):
        assert list(quotations(text)["speaker_kind"]) == ["anonymous source"]
