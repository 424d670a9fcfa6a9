"""Quotation spans and speakers, round 4 (issue 15): each form on a short made-up text written here.

Each text shows one form of general news copy (a quotation reopened after its attribution, French
spacing, a document speaking for its author, an acronym spelled out, a manner verb ...) and what
the rule must give, with a near miss it must not take.
"""

from __future__ import annotations

from helpers.quotes.extraction import spelled_out
from tests.quote_cases import quotations, spans, speakers


def test_a_quotation_reopened_after_its_attribution_runs_to_the_paragraph_end():
    text = ('"The data are good," said Jo Park, a professor. "Every project will gain from this work.\n\n'
            "The study was published on Monday.")
    assert spans(text) == ['"The data are good,"', '"Every project will gain from this work.']
    assert speakers(text)["Every project will"] == "Jo Park"
    # a mark after a word, not a sentence's end, still opens nothing
    assert spans('The so-called "deal was never signed.\n\nThe talks go on.') == []


def test_french_spacing_single_quotes_with_ellipsis_and_brackets():
    assert spans('" Il faut agir maintenant ", a dit Jo Park.') == ['" Il faut agir maintenant "']
    assert spans("'...running out of money,' Rowan Ives said.") == ["'...running out of money,'"]
    assert spans("After their debut ('we prefer to say two and a half'), the band is back.") == [
        "'we prefer to say two and a half'"]
    # an inch mark, and an apostrophe between letters, open nothing
    assert spans('He is 5" taller than his brother.') == []
    assert spans("The players' kit and Jo's car were new.") == []


def test_manner_verbs_and_a_quotation_continued_after_went_on():
    got = speakers(
        "'We spent a long time on it,' explains singer Mia Sole.\n\n"
        "'To keep a band going, you keep working,' adds bassist Rowan Ives.\n\n"
        '"The march was calm," testified Ana Vert.\n\n'
        '"By the chair," she went on, "we were told we are guests here.'
    )
    assert got == {"We spent a": "Mia Sole", "To keep a": "Rowan Ives", "The march was": "Ana Vert",
                   "By the chair,": "Ana Vert", "we were told": "Ana Vert"}


def test_reported_speech_closed_by_an_inverted_verb_gives_the_following_pronoun():
    got = speakers(
        "PERTH: The ministry will issue statements on the outbreak in Lake Town, Kelso, said minister Dr Ravi Nair.\n\n"
        '"We have no updates as yet," he said.'
    )
    assert got == {"We have no": "Ravi Nair"}  # not Kelso, the place before the comma
    # "said Jones lied" is reported speech about Jones, not Jones speaking
    got = speakers('The inquiry heard evidence, said Jones lied.\n\n"It is all false," he said.')
    assert got["It is all"] != "Jones"


def test_descriptions_and_appositives_around_the_name():
    got = speakers(
        '"It is offensive and in bad taste," said Italian parliamentarian, Marco Sarti, a party member.\n\n'
        'Lee Ward, PRCA chief executive, told The Drum: "Banning press officers is an act of pique."\n\n'
        'Quito (Ecuador) (AFP) - "It is sad" says Rosa Vega, the party\'s candidate, "to campaign where one was shot".'
    )
    assert got == {"It is offensive": "Marco Sarti", "Banning press officers": "Lee Ward",
                   "It is sad": "Rosa Vega", "to campaign where": "Rosa Vega"}  # not "Quito", a dateline


def test_an_unnamed_source_capitalised_as_a_name_and_a_name_ending_in_ly():
    quotes = quotations('"That story was based on leaks," Senior Defense Official said.\n\n'
                     '"We will not sign this deal at all," Jo Kelly said.')
    assert quotes["speaker_kind"].tolist() == ["anonymous source", "named person"]
    assert quotes["speaker"].tolist()[1] == "Jo Kelly"  # "Kelly" is no adverb


def test_roles_shared_by_two_titles_and_offices_with_of():
    got = speakers(
        "Acme CEO and Ferrum President Sergio Dal Monte said he admired the plan.\n\n"
        '"I see no alternative, and I am convinced," said the CEO, praising what he said was a speech.\n\n'
        "Valdonian Minister of Foreign Affairs Amadou Sall denied the report.\n\n"
        'The Valdonian minister said that "the government should not fail in its duty."'
    )
    assert got == {"I see no": "Sergio Dal Monte", "the government should": "Amadou Sall"}


def test_a_document_speaks_for_its_author_and_an_acronym_for_its_name():
    got = speakers(
        "The Wildlife Trust says Kelso ranks lowest in its report.\n\n"
        'Kelso was the "top destination for rhino horn," creating a crisis, said the report, which named it.\n\n'
        "Valdonia's Ministry of Defence, MINDEF, says the minister is well.\n\n"
        'MINDEF adds that the story "aims only to tarnish a servant of the State".'
    )
    assert got == {"top destination for": "Wildlife Trust", "aims only to": "Ministry of Defence"}
    # an acronym the text never spells out stays as written; letters out of order are no match
    assert spelled_out("NATO", "The alliance met.") == "NATO"
    assert spelled_out("WHO", "The Health Board, WHO said, met.") == "WHO"
    assert spelled_out("WHO", "the World Health Organization (WHO) said") == "World Health Organization"


def test_the_council_is_the_council_named_before_not_the_newspaper():
    got = speakers(
        "Kelso City Council has banned staff from speaking with the Kelso Daily Post.\n\n"
        'The council stated that the stories "are not accepted and need to be challenged".\n\n'
        '"Precious funds must be kept safe," said the State Council.'
    )
    assert got == {"are not accepted": "Kelso City Council", "Precious funds must": "State Council"}


def test_a_first_name_becomes_the_full_name_the_article_gives():
    got = speakers("We met singer Mia Sole and bassist Rowan Ives.\n\n"
                    "'We had around two years to write it,' Mia smiles.")
    assert got == {"We had around": "Mia Sole"}
    # an organisation followed by a product name is not a first name
    got = speakers('Acme said its Acme Covid-19 shot was safe. "We will keep working with the regulators," Acme said.')
    assert got["We will keep"] == "Acme"


def test_a_paragraph_that_is_only_a_quotation_after_one_about_a_person():
    got = speakers(
        'Council President Ana Vert closed the meeting by repeating her "clean and transparent." pledge.\n\n'
        "She also wanted the residents to know she has the city's interests at heart.\n\n"
        '"Please understand that we are not monsters on this council!"'
    )
    assert got["Please understand that"] == "Ana Vert"
    # a label ending in a colon is nobody's subject
    got = speakers('Opening Statement:\n\n"We won a heck of a game tonight."')
    assert got["We won a"] is None


def test_as_per_is_according_to():
    got = speakers("Union Minister Ravi Nair spoke in Delhi.\n\n"
                    'The party, as per the Union Minister, has become a "fake fabricated fable kitty party".')
    assert got == {"fake fabricated fable": "Ravi Nair"}


def test_double_quotes_nested_in_single_ones_and_the_passive_quoted_as_saying():
    text = "'He called it \"a disgrace\" and walked out of the room,' said Ana Vert."
    assert spans(text) == ["'He called it \"a disgrace\" and walked out of the room,'"]
    # a double quote outside the single-quoted words keeps the paragraph double-quoted
    text = "'It is \"fine\" for now' and \"we will see about it later,\" she said."
    assert spans(text) == ['"fine"', '"we will see about it later,"']
    got = speakers('Mayor Jo Park arrived late.\n\n"We will rebuild the bridge this year," she was quoted as saying.')
    assert got == {"We will rebuild": "Jo Park"}


def test_it_said_is_the_organisation_named_before_never_a_person():
    got = speakers('Mayor Jo Park praised Acme Corp. on Monday.\n\n"We expect a better second half," it said.')
    assert got == {"We expect a": "Acme Corp."}  # not Jo Park, the person named nearest before
    got = speakers('Mayor Jo Park spoke on Monday.\n\n"We expect a better second half," it said.')
    assert got == {"We expect a": None}
