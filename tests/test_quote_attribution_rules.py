"""Quote attribution rules for any outlet's copy (issue 15): each rule on a short text written here.

The texts are made up; each shows one form news copy uses (a role before a name, a pronoun
after a clause, an organisation's name with "of" in it ...) and the speaker it must give.
"""

from __future__ import annotations

import pandas as pd

from helpers.quotes import extract_quotes
from helpers.quotes.speakers import person_name
from helpers.text import split_sentences
from tests.quote_cases import speakers


def test_the_pronoun_or_role_right_before_the_verb_is_its_subject():
    got = speakers(
        "Union minister Jo Park spoke in Delhi.\n\n"
        'In August the minister gave a statement in Patna where he said, "all of them will be brought back."\n\n'
        "Asked if the rivals were better today the coach replied, \"They were not better than us at all.\""
    )
    assert got["all of them"] == "Jo Park"
    assert got["They were not"] is None  # no coach is named: not Jo Park, not "Asked"
    got = speakers(
        "FC Goa coach Ana Lobo was pleased.\n\n"
        "Asked if the rivals were better today the coach replied, \"They were not better than us at all.\""
    )
    assert got["They were not"] == "Ana Lobo"


def test_a_pronoun_after_a_participle_clause_is_not_the_participle():
    got = speakers(
        'Jo Park also added, "We are members first."\n\n'
        'Expressing her gratitude to Prime Minister Ravi Rao she added, "People only talk about it, but he acted."'
    )
    assert got["People only talk"] == "Jo Park"


def test_a_role_before_a_name_opens_the_sentence_not_the_club():
    got = speakers(
        "Bolton manager Owen Coyle was philosophical about the defeat, saying: \"They are a very good side.\"\n\n"
        "\"We shot ourselves in the foot.\""
    )
    assert got == {"They are a": "Owen Coyle", "We shot ourselves": "Owen Coyle"}


def test_speech_verbs_read_in_any_outlets_copy():
    got = speakers(
        'Speaking at the press conference, Sergio Lobo mentioned, "Losing the captain was a turning point."\n\n'
        "Asked about the referee, the Angolan coach retorted: \"I usually do not talk about referees.\"\n\n"
        "Earlier, Angolan coach Luis Costa had praised the crowd."
    )
    assert got["Losing the captain"] == "Sergio Lobo"
    assert got["I usually do"] == "Luis Costa"


def test_the_speaker_after_said_keeps_organisation_names_and_takes_the_named_bystander():
    got = speakers(
        '"We have had our eyes on him for a while," said Arizona Department of Public Safety spokesman Bart Graves.'
        '\n\n"People were running every which way," said a 51-year-old bystander, Alexandre.'
    )
    assert got == {"We have had": "Bart Graves", "People were running": "Alexandre"}


def test_outlet_quoted_a_person_gives_the_person():
    got = speakers(
        '"When we first saw it, we went into denial," BBC News quoted Kathrin Altwegg, a professor, telling reporters.'
    )
    assert got["When we first"] == "Kathrin Altwegg"


def test_according_to_a_document_from_a_person():
    got = speakers(
        'The vote was recommended to end "numerous suspect terminations in 2018," according to a news release '
        "from the Mayor Nancy Young."
    )
    assert got["numerous suspect terminations"] == "Nancy Young"


def test_a_nationality_noun_is_not_a_name_and_he_stays_with_the_coach():
    got = speakers(
        'Kathmandu: India coach Wim Koevermans was calm. "We knew they were good," Koevermans said.\n\n'
        "The Dutchman rued that his players could not execute the plan.\n\n"
        '"Players need to follow the plan," he said.'
    )
    assert got["Players need to"] == "Wim Koevermans"


def test_he_as_a_sentence_subject_carries_the_speaker_past_an_object_name():
    got = speakers(
        'Home Minister Raj Singh said no minister was powerless. "We talk less but work more," he said.\n\n'
        "He was replying to a question on ministers.\n\n"
        'He, however, added that it was Prime Minister Ravi Modi who ran the government. "Nobody should doubt '
        'it at all," he said.\n\n'
        "The Home Minister said the administration was strong.\n\n"
        '"That is history now," he said.'
    )
    assert got["Nobody should doubt"] == "Raj Singh"
    assert got["That is history"] == "Raj Singh"


def test_a_full_name_opening_a_sentence_is_what_he_refers_to():
    got = speakers(
        "Kenny Dalglish was delighted with the display as his side beat Bolton. "
        "\"It was a pleasure to watch,'' he told Sky Sports. \"We got the result because we worked hard.\""
    )
    assert got == {"It was a": "Kenny Dalglish", "We got the": "Kenny Dalglish"}


def test_a_title_after_a_name_without_an_article_names_the_role():
    got = speakers(
        "India will grow, said Dharmendra Pradhan, Union Minister for Steel.\n\n"
        'Delivering the address, the Union Minister said, "We admit that there are issues."\n\n'
        '"Interventions are happening everywhere," the minister added.'
    )
    assert got == {"We admit that": "Dharmendra Pradhan", "Interventions are happening": "Dharmendra Pradhan"}


def test_the_role_as_written_picks_one_of_two_people_with_the_head_noun():
    got = speakers(
        "Prime Minister Ravi Modi spoke first. Home Minister Raj Singh spoke later.\n\n"
        "The Home Minister said: \"Administrative systems have to be strong.\"\n\n"
        "The PM said: \"Victory and defeat are part of life.\""
    )
    assert got == {"Administrative systems have": "Raj Singh", "Victory and defeat": "Ravi Modi"}


def test_a_comma_after_the_description_but_not_after_the_name():
    got = speakers(
        "Another party leader and newly elected MLA, Kapil Mishra called it a good day for Prime Minister "
        "Ravi Modi.\n\n"
        '"It is a historic day for the city," he told reporters.'
    )
    assert got["It is a"] == "Kapil Mishra"


def test_name_particles_stay_inside_names_and_titles_never():
    assert person_name(["Rob", "van", "Bree"]) == "Rob van Bree"
    assert person_name(["Charles", "de", "Gaulle"]) == "Charles de Gaulle"
    assert person_name(["Secretary", "of", "State", "John", "Kerry"]) == "John Kerry"
    assert person_name(["Coach", "Luis"]) == "Luis"
    assert person_name(["Ministry", "of", "Defence"]) is None
    got = speakers('"We have just been told the suspect was arrested," Utrecht police chief Rob van Bree said.')
    assert got["We have just"] == "Rob van Bree"


def test_an_appositive_or_age_between_the_name_and_said():
    got = speakers(
        '"We will appeal the ruling," John Smith, 45, said.\n\n'
        '"The talks will go on," Gomez, a spokeswoman for the ministry, said.'
    )
    assert got == {"We will appeal": "John Smith", "The talks will": "Gomez"}


def test_two_particles_and_dutch_particles_stay_in_names():
    got = speakers(
        'Manchester boss Erik ten Hag said: "We deserved to win the game."\n\n'
        '"We are not done with this," Ursula von der Leyen said.'
    )
    assert got == {"We deserved to": "Erik ten Hag", "We are not": "Ursula von der Leyen"}


def test_the_dutchman_or_the_34_year_old_is_the_person_just_spoken_of():
    got = speakers(
        'Chelsea manager Mauricio Pochettino was pleased.\n\n"We deserved to win the game," the Argentine said.\n\n'
        'Ann Cruz won the race.\n\n"I am so happy with the result," the 34-year-old said.'
    )
    assert got == {"We deserved to": "Mauricio Pochettino", "I am so": "Ann Cruz"}
    # a plural is a group, never the person spoken of
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"],
                             "body": ['Jo Park spoke.\n\n"We will not come to the talks," the Palestinians said.']})
    quotes = extract_quotes(split_sentences(articles), articles, None)
    assert quotes["speaker_kind"].tolist() == ["organisation"]


def test_an_abbreviated_title_names_the_role():
    got = speakers('Gov. Gavin Newsom signed the bill.\n\n"California leads the way again," the governor said.')
    assert got["California leads the"] == "Gavin Newsom"


def test_a_resident_is_an_unnamed_source_and_scientists_are_no_person():
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["Test"], "body": [
        '"Nobody told us anything about it," one resident said.\n\n'
        'Scientists at the lab said the probe "is working as it should."']})
    quotes = extract_quotes(split_sentences(articles), articles, None)
    assert quotes["speaker_kind"].tolist()[0] == "anonymous source"
    assert "Scientists" not in set(quotes["speaker"].dropna())


def test_a_clause_after_the_quotation_with_its_own_speaker():
    got = speakers(
        'The Highway Agency confirmed the capture in a tweet that said "the gunman is in custody now," while '
        'agency spokesman Sgt. Mark Francis tweeted "Gunman captured tonight by authorities."'
    )
    assert got["the gunman is"].endswith("Highway Agency")
    assert got["Gunman captured tonight"] == "Mark Francis"


def test_an_indefinite_role_is_the_one_person_named_with_it_later():
    got = speakers(
        'A Swedish prosecutor says a man is a suspect "of terrorist offenses by murder" after the attack.\n\n'
        "The prosecutor, Hans Ihrman, said Saturday that the suspect should face a hearing."
    )
    assert got["of terrorist offenses"] == "Hans Ihrman"
    got = speakers('A Swedish prosecutor says a man is a suspect "of terrorist offenses by murder" after the attack.')
    assert got["of terrorist offenses"] is None  # no prosecutor named: not resolved


def test_a_place_opening_a_sentence_is_not_what_he_refers_to():
    got = speakers(
        "Coach Jo Smith was upbeat on Sunday.\n\n"
        'Protests spread in New York overnight. New York has seen three nights of unrest. "We were ready for it," '
        "he said."
    )
    assert got["We were ready"] == "Jo Smith"


def test_a_single_quoted_quotation_gets_its_speaker():
    got = speakers("Union Minister SP Baghel spoke in Gwalior. 'Therefore, we are taking the blessings of the "
                    "public under the yatra', Baghel said.")
    assert got == {"Therefore, we are": "Baghel"}


def test_the_method_note_takes_the_single_quote_threshold_from_code(monkeypatch):
    from helpers import quote_spans
    from helpers.quotes.method import method_note

    assert "single quotes around four words or more" in method_note()
    monkeypatch.setattr(quote_spans, "MIN_SINGLE_WORDS", 5)
    assert "single quotes around five words or more" in method_note()
