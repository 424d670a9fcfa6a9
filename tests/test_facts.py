"""Facts (numbers, dates, quantities, names): extraction, normalisation and matching across outlets."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.actors import load_actors
from helpers.corpus import load_corpus
from helpers.events import group_events
from helpers.facts import extract_facts, fact_matrix, fact_overlap, facts_note, unique_facts
from helpers.overlap import document_similarity
from helpers.text import split_sentences

AJA, AJE = "Al Jazeera America", "Al Jazeera English"


def _sentences(*texts, article="a", outlet="O"):
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return pd.DataFrame({
        "article_id": [article] * len(texts), "outlet": [outlet] * len(texts),
        "sentence_id": [f"{article}:{i + 1}" for i in range(len(texts))],
        "start_char": starts, "text": list(texts),
    })


def _facts(*texts, kind=None):
    facts = extract_facts(_sentences(*texts))
    return facts if kind is None else facts[facts.kind == kind]


@pytest.fixture(scope="module")
def seeds(seed_dir):
    articles, _, _ = load_corpus(seed_dir)
    sentences = split_sentences(articles)
    facts = extract_facts(sentences, actors=load_actors(seed_dir))
    events = group_events(articles, document_similarity(articles))
    return articles, sentences, facts, events


# --- numbers, dates, quantities ----------------------------------------------------

@pytest.mark.parametrize("text, fact", [
    ("Israel promised to free 104 long-serving Palestinian prisoners in four stages.", "104 prisoners"),
    ("They agreed to hold nine months of peace talks.", "9 months"),
    ("They demand the release of another 1,000 prisoners and a halt to building.", "1000 prisoners"),
    ("Kerry offered to free hundreds of Palestinian prisoners.", "hundreds of prisoners"),
    ("Over four busy days, Kerry met both leaders.", "4 days"),
])
def test_counts_keep_the_number_and_the_noun_it_counts(text, fact):
    assert _facts(text, kind="count").fact.tolist()[0] == fact


def test_no_count_without_a_noun_or_inside_a_compound():
    assert _facts("One of his advisers backed a two-state solution; all three agreed.", kind="count").empty
    assert _facts("Israel promised to free them in four stages.", kind="count").fact.tolist() == ["4 stages"]
    assert _facts("Some 300 people marched.", kind="count").fact.tolist() == ["300 people"]


def test_dates_in_any_order_match():
    facts = _facts("The April 29 deadline stands.", "The deadline is 29 April.", "It ends on Apr. 29th, 2014.")
    dates = facts[facts.kind == "date"]
    assert dates.fact.tolist() == ["April 29"] * 3
    assert dates.text.tolist() == ["April 29", "29 April", "Apr. 29th"]
    assert facts[facts.kind == "year"].fact.tolist() == ["2014"]


def test_months_weekdays_times_money_and_percentages():
    facts = _facts(
        "The talks set a late-April deadline and met on Monday at 3 a.m. (0100 GMT).",
        "The budget of $2.5 million rose 5 percent by the end of March.",
        "May I add that talks resume in May.",
    )
    got = list(zip(facts.kind, facts.fact, strict=False))
    assert ("month", "late April") in got and ("month", "March") in got and ("weekday", "Monday") in got
    assert ("time", "3 a.m.") in got and ("time", "0100 GMT") in got
    assert ("money", "$2.5 million") in got and ("percent", "5%") in got
    assert [f for k, f in got if f == "May"] == ["May"]  # the month, not the opening "May I"


def test_ordinals_after_a_determiner():
    facts = _facts(
        "Israel refused to release a fourth group of prisoners.",
        "It balked at releasing the final group without a deal.",
        "Abbas wants Israel first halt settlement expansion before final status talks.",
    )
    assert facts[facts.kind == "ordinal"].fact.tolist() == ["fourth group", "final group"]


def test_final_is_an_ordinal_only_in_a_sequence():
    facts = _facts(
        "Kerry set a late-April deadline for a final agreement.",
        "They would iron out the final details of a deal.",
        "Israel delayed the final release of prisoners.",
    )
    assert facts[facts.kind == "ordinal"].fact.tolist() == ["final release"]


def test_an_ordinal_after_a_possessive_takes_the_noun_it_stands_for():
    text = "Netanyahu spoke after the Kerry visit, the secretary\u2019s fifth since taking office."
    facts = _facts(text, "It was Kerry's sixth trip this year.", "Abbas's first of many demands.")
    ordinals = facts[facts.kind == "ordinal"]
    assert ordinals.fact.tolist() == ["fifth visit", "sixth trip"]
    assert ordinals.text.tolist()[0] == "secretary\u2019s fifth"


def test_each_vague_quantity_is_a_count_of_its_own_noun():
    """A vague match once turned the pattern's later matches into counts of "hundreds"."""
    from helpers.facts.numbers import number_facts

    found, _ = number_facts("Hundreds of prisoners and thousands of settlers marched, and dozens of police watched.")
    assert [(kind, fact) for _s, _e, kind, fact in found] == [
        ("count", "hundreds of prisoners"), ("count", "thousands of settlers"), ("count", "dozens of police"),
    ]


# --- names -----------------------------------------------------------------------

def test_names_without_titles_ordinary_first_words_or_nationality_adjectives():
    facts = _facts(
        "U.S. Secretary of State John Kerry flew to Tel Aviv's airport on Monday.",
        "Kerry met Palestinian Authority President Mahmoud Abbas in Ramallah.",
        "Afterwards, Israeli officials said the talks would go on.",
        'Said Kerry: "Lone voices will not stop us."',
        "The United Nations General Assembly meets in September.",
    )
    names = facts[facts.kind == "name"]
    assert names.fact.tolist() == [
        "US", "John Kerry", "Tel Aviv", "John Kerry", "Palestinian Authority", "Mahmoud Abbas", "Ramallah",
        "John Kerry", "United Nations General Assembly",
    ]
    assert names.text.tolist()[:4] == ["U.S.", "John Kerry", "Tel Aviv's", "Kerry"]


def test_places_ending_like_nationalities_are_names_and_nationalities_are_not():
    facts = _facts(
        "Kerry flew to Amman for talks, then to Jordan's capital again.",
        "Officials in Iran, Sudan and Japan agreed.",
        "Israeli officials and South Korean diplomats joined Israeli-Palestinian talks.",
        "Polls said Israelis voted.",
    )
    names = facts[facts.kind == "name"].fact.tolist()
    assert names == ["Amman", "Jordan", "Iran", "Sudan", "Japan", "Israelis"]


def test_a_title_opened_by_a_capitalised_word_is_cut_from_the_name():
    facts = _facts(
        "Yuval Steinitz, a Likud Cabinet minister, said it was clear.",
        "Interior Minister Gideon Saar and Deputy State Department Spokesman Mark Toner spoke.",
    )
    assert facts[facts.kind == "name"].fact.tolist() == [
        "Yuval Steinitz", "Likud", "Gideon Saar", "State Department", "Mark Toner",
    ]


def test_offsets_point_into_the_body():
    sentences = _sentences("Filler sentence here.", "Kerry flew to Ramallah with 26 prisoners' files on April 29.")
    body = " ".join(sentences.text)
    facts = extract_facts(sentences)
    assert len(facts) >= 3
    for row in facts.itertuples():
        assert body[row.start_char:row.end_char] == row.text


def test_actors_table_names_each_alias_once(seed_dir):
    actors = load_actors(seed_dir)
    facts = extract_facts(_sentences(
        "The White House said Kerry met Palestinian Authority President Mahmoud Abbas in Ramallah."), actors=actors)
    assert list(zip(facts.fact, facts.source, strict=False)) == [
        ("United States", "actors"), ("John Kerry", "actors"), ("Palestinians", "actors"),
        ("Mahmoud Abbas", "actors"), ("Ramallah", "pattern"),
    ]
    assert facts.kind.tolist()[:2] == ["country", "person"]


# --- the seeds --------------------------------------------------------------------

def test_seed_facts_trace_back_to_the_body(seeds):
    articles, _, facts, _ = seeds
    bodies = dict(zip(articles.article_id, articles.body, strict=False))
    assert len(facts) > 200
    for row in facts.itertuples():
        assert bodies[row.article_id][row.start_char:row.end_char] == row.text


def test_seed_facts_match_across_outlets(seeds):
    _, _, facts, _ = seeds

    def outlets(fact):
        return set(facts.loc[facts.fact == fact, "outlet"])

    assert outlets("104 prisoners") == {AJA, AJE}
    assert set(facts.loc[facts.fact == "104 prisoners", "text"]) == {"104 long-serving Palestinian prisoners"}
    assert outlets("April 29") == {"JTA", AJA}
    assert outlets("fourth group") == {"JTA", AJA}
    assert outlets("final group") == {AJA, AJE}
    assert outlets("Ramallah") == {"The Forward", AJA, AJE, "Washington Free Beacon"}
    assert outlets("late April") == {AJA, AJE}
    assert not {"Israeli", "Palestinian", "Lone", "Look", "Said", "I"} & set(facts.fact)


def test_seed_unique_facts_are_read_within_the_event(seeds):
    _, sentences, facts, events = seeds
    overlap = fact_overlap(facts, events)
    crisis = overlap[overlap.event_label == "31 Mar\u20133 Apr 2014"].set_index("fact")
    assert crisis.loc["104 prisoners", "n_outlets"] == 2 and crisis.loc["104 prisoners", "n_outlets_in_event"] == 3
    assert crisis.loc["John Kerry", "n_outlets"] == 3
    unique = unique_facts(overlap, sentences)
    assert set(unique.outlet) == {"JTA", AJA, AJE}  # the Forward and the Free Beacon had no other outlet in their event
    by_outlet = unique.groupby("outlet").fact.apply(set)
    assert {"Jonathan Pollard", "Martin Indyk", "hundreds of prisoners"} <= by_outlet["JTA"]
    assert {"26 prisoners", "Yuval Steinitz"} <= by_outlet[AJA]
    assert {"1000 prisoners", "5000 Palestinians"} <= by_outlet[AJE]
    row = unique[unique.fact == "26 prisoners"].iloc[0]
    assert "the final group of 26 prisoners" in row.sentence
    note = facts_note(overlap, unique)
    assert note.startswith("In 31 Mar\u20133 Apr 2014,") and "JTA" in note


def test_seed_fact_matrix_holds_only_facts_shared_within_an_event(seeds):
    _, _, facts, events = seeds
    overlap = fact_overlap(facts, events)
    matrix = fact_matrix(facts, overlap, events)
    assert list(matrix.columns) == ["The Forward", AJA, AJE, "JTA", "Washington Free Beacon"]
    assert matrix.loc["number: 104 prisoners"].tolist() == [0, 1, 1, 0, 0]
    assert matrix.loc["date: April 29", "JTA"] == 2
    assert "number: 26 prisoners" not in matrix.index
    shared = overlap[overlap.n_outlets >= 2]
    assert len(matrix) == len(shared[["category", "fact"]].drop_duplicates())


def test_one_outlet_has_nothing_to_share():
    sentences = pd.concat([
        _sentences("Kerry flew to Ramallah on Monday with 26 prisoners' files.", article="a", outlet="JTA"),
        _sentences("Kerry flew to Ramallah on Monday.", article="b", outlet="JTA"),
    ])
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["JTA", "JTA"],
                             "date": pd.to_datetime(["2024-01-01", "2024-01-02"]), "body": ["x", "y"]})
    events = group_events(articles, document_similarity(articles))
    facts = extract_facts(sentences)
    overlap = fact_overlap(facts, events)
    assert unique_facts(overlap, sentences).empty
    assert "only one outlet" in facts_note(overlap, unique_facts(overlap, sentences))
