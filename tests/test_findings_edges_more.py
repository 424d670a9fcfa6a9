"""Issue 16, "every finding sentence has a test for its edge cases": zero, one, all, ties and
an empty group, for the sentences no test named before (speakers, unnamed sources, events,
similarity, loading) and those with one test (sources, unattributed, voices, periods, sample,
TF-IDF, prior), then facts, coverage, blindspots and the corpus finding. Each table is built
here, small enough to check by eye.
"""

from __future__ import annotations

import pandas as pd

from helpers import terms
from helpers.attention import blindspot_note, blindspots, coverage_note
from helpers.events import date_periods
from helpers.facts import facts_note
from helpers.facts.matching import MIN_SHARED_OUTLETS
from helpers.overlap.findings import events_note, similarity_note
from helpers.overview import corpus_finding
from helpers.quotes.findings import (
    MAX_NAMES_LISTED,
    UNDATED,
    anonymous_note,
    comparison_note,
    sources_finding,
    speakers_note,
    unattributed_note,
)
from helpers.quotes.vocabulary import INHERITED_RULES, KIND_PERSON, KIND_UNKNOWN
from helpers.sentiment.findings import SHOWN_WARNINGS, loading_note, voices_note
from helpers.terms.findings import periods_note, prior_note, sample_note, single_outlet_note, tfidf_note
from helpers.terms.keyness import shared_word_weight
from helpers.text import split_sentences, tokenize
from helpers.wording import number_word

SAID = "said"  # a rule that is not one of INHERITED_RULES
assert SAID not in INHERITED_RULES


# ----------------------------------------------------------------- 01_sources

def _quotes(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """(outlet, speaker, kind) rows as a quotes table; kind "term" is a scare-quoted term."""
    return pd.DataFrame(
        [dict(outlet=o, speaker=s, speaker_kind=k, form="term" if k == "term" else "full", rule=SAID)
         for o, s, k in rows], columns=["outlet", "speaker", "speaker_kind", "form", "rule"])


def _profiles(*rows: tuple[str, int, int]) -> pd.DataFrame:
    """(outlet, n_quotes, n_anonymous_sources) rows, one article each, as ``outlet_profiles``."""
    return pd.DataFrame([dict(outlet=o, n_articles=1, n_quotes=q, n_anonymous_sources=a) for o, q, a in rows],
                        columns=["outlet", "n_articles", "n_quotes", "n_anonymous_sources"])


def _named(outlet: str, speaker: str) -> tuple[str, str, str]:
    return (outlet, speaker, KIND_PERSON)


def test_speakers_note_zero_one_all_ties_and_empty():
    assert speakers_note(_quotes()) == "No named person is quoted directly in this corpus."
    # an empty group: only unattributed quotations and a scare-quoted term
    assert speakers_note(_quotes(("A", "", KIND_UNKNOWN), ("A", "", "term"))) == (
        "No named person is quoted directly in this corpus.")
    assert speakers_note(_quotes(_named("A", "Kerry"))) == (
        "1 named person is quoted directly; no one is quoted by more than one outlet.")
    # one person, quoted by two outlets: not "1 of them is"
    assert speakers_note(_quotes(_named("A", "Kerry"), _named("B", "Kerry"))) == (
        "1 named person is quoted directly, by more than one outlet (Kerry).")
    # all of them shared, tied on reach: both named, in name order
    two = _quotes(_named("A", "Kerry"), _named("B", "Kerry"), _named("A", "Abbas"), _named("B", "Abbas"))
    assert speakers_note(two) == ("2 named people are quoted directly; both of them are quoted by more than one "
                                  "outlet (Abbas, Kerry).")
    some = _quotes(_named("A", "Kerry"), _named("B", "Kerry"), _named("A", "Abbas"))
    assert speakers_note(some) == ("2 named people are quoted directly; 1 of them is quoted by more than one "
                                   "outlet (Kerry).")
    # more shared than listed: the rest counted, not dropped silently
    names = [f"Person{i}" for i in range(MAX_NAMES_LISTED + 2)]
    many = _quotes(*[_named(o, n) for n in names for o in ("A", "B")], _named("A", "Solo"))
    text = speakers_note(many)
    assert text.startswith(f"{len(names) + 1} named people are quoted directly; {len(names)} of them are quoted")
    assert text.endswith(", ".join(names[:MAX_NAMES_LISTED]) + " and 2 more in the table).")


def test_anonymous_note_zero_one_all_and_empty():
    assert anonymous_note(_profiles()) == "No article cites an unnamed source."
    assert anonymous_note(_profiles(("A", 0, 0), ("B", 0, 0))) == "No article cites an unnamed source."
    assert anonymous_note(_profiles(("A", 0, 1))) == "Unnamed sources per outlet: A 1."
    assert anonymous_note(_profiles(("A", 0, 1), ("B", 0, 3))) == "Unnamed sources per outlet: A 1, B 3."
    assert anonymous_note(_profiles(("A", 0, 2), ("B", 0, 0), ("C", 0, 0))) == (
        "Unnamed sources per outlet: A 2; none in B, C.")


def test_unattributed_note_zero_one_all_and_terms():
    # zero quotations: no "Of 0 quotations ... for 0"
    assert unattributed_note(_quotes()) == ("There is no quotation to attribute; 0 short quoted terms (scare quotes) "
                                            "were not counted as quotations.")
    assert unattributed_note(_quotes(("A", "", "term"))).endswith("; 1 short quoted term (scare quotes) was not "
                                                                   "counted as quotations.")
    one = unattributed_note(_quotes(_named("A", "Kerry")))
    assert one.startswith("Of 1 quotation, the rules found a speaker for 1 (0 of them by taking the speaker of a "
                          f"neighbouring attribution) and none for 0 (kept in the tables as \"{KIND_UNKNOWN}\")")
    none_found = unattributed_note(_quotes(("A", "", KIND_UNKNOWN), ("B", "", KIND_UNKNOWN)))
    assert none_found.startswith("Of 2 quotations, the rules found a speaker for 0 (") and "none for 2" in none_found
    inherited = _quotes(_named("A", "Kerry"), _named("A", "Kerry")).assign(rule=[SAID, INHERITED_RULES[0]])
    assert "found a speaker for 2 (1 of them by taking" in unattributed_note(inherited)


def test_sources_finding_zero_one_all_ties_and_empty():
    assert sources_finding(_profiles(), _quotes()) == "The corpus has no articles to profile."
    assert sources_finding(_profiles(("A", 0, 0), ("B", 0, 0)), _quotes(("A", "", "term"))).startswith(
        "None of the 2 articles quotes anyone directly")
    one = sources_finding(_profiles(("A", 1, 1)), _quotes(_named("A", "Kerry")))
    assert one == ("The only outlet, A, has 1 direct quotation; the most quoted voice is Kerry (1 quotation in "
                   "1 outlet); the articles cite 1 unnamed source, and the attribution rules left 0 of 1 quotation "
                   "without a speaker.")
    # every outlet the same count: said once, not "range from 1 (A, B) to 1 (A, B)"
    tie = sources_finding(_profiles(("A", 1, 0), ("B", 1, 0)), _quotes(_named("A", "Kerry"), _named("B", "Abbas")))
    assert tie.startswith("Both outlets have 1 direct quotation each; ")
    # two speakers tied at the top: both named, neither picked
    assert "the most quoted voices, 1 quotation each, are Abbas and Kerry;" in tie
    three = _profiles(("A", 2, 0), ("B", 2, 0), ("C", 2, 0))
    assert sources_finding(three, _quotes(*[_named(o, "Kerry") for o in "ABC" for _ in (1, 2)])).startswith(
        "All 3 outlets have 2 direct quotations each; the most quoted voice is Kerry (6 quotations in 3 outlets)")
    spread = sources_finding(_profiles(("A", 2, 0), ("B", 0, 0), ("C", 0, 0)),
                             _quotes(_named("A", "Kerry"), ("A", "", KIND_UNKNOWN)))
    assert spread.startswith("Direct quotations per outlet range from 0 (B, C) to 2 (A); the most quoted voice is "
                             "Kerry (1 quotation in 1 outlet)")
    assert spread.endswith("left 1 of 2 quotations without a speaker.")
    # an empty group: quotations, but none from a named person
    assert "most quoted" not in sources_finding(_profiles(("A", 1, 0)), _quotes(("A", "", KIND_UNKNOWN)))


# ----------------------------------------------------------------- 04_overlap

def _events(*rows: tuple[str, str, str | None, int]) -> pd.DataFrame:
    """(article_id, outlet, date, event) rows as ``group_events``; the label is the event's first date."""
    table = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "event"])
    table["date"] = pd.to_datetime(table["date"])
    first = table.groupby("event")["date"].transform("min")
    table["event_label"] = [f"{d:%-d %b %Y}" if pd.notna(d) else f"undated ({a})"
                            for d, a in zip(first, table["article_id"], strict=True)]
    return table


def test_events_note_zero_one_all_and_empty():
    assert events_note(_events()) == "The corpus has no articles, so there are no news events."
    assert events_note(_events(("a", "A", "2024-01-01", 1))) == (
        "The corpus has only one outlet, so no outlet can be compared with another; its 1 article falls into "
        "1 news event.")
    assert events_note(_events(("a", "A", "2024-01-01", 1), ("b", "A", "2024-03-01", 2))).endswith(
        "its 2 articles fall into 2 news events.")
    # all in one event, a day apart: no "different moments" caveat, the gap said
    same = events_note(_events(("a", "A", "2024-01-01", 1), ("b", "B", "2024-01-02", 1)))
    assert same == ("The 2 articles fall into 1 news event: A, B (1 Jan 2024). Within 1 Jan 2024 the articles are "
                    "up to 1 day apart (A on 1 Jan, B on 2 Jan), so the later one can report later news.")
    # every event has one outlet (an empty group for comparison)
    apart = events_note(_events(("a", "A", "2024-01-01", 1), ("b", "B", "2024-02-01", 2)))
    assert apart.startswith("The 2 articles fall into 2 news events: A alone (1 Jan 2024); B alone (1 Feb 2024).")
    assert apart.endswith("No two outlets covered the same event, so no overlap below compares coverage of the "
                          "same news.")
    # same day (a tie on date): no "later one"; an undated article is its own event
    mixed = events_note(_events(("a", "A", "2024-01-01", 1), ("b", "B", "2024-01-01", 1), ("c", "C", None, 2)))
    assert mixed.startswith("The 3 articles fall into 2 news events: A, B (1 Jan 2024); C alone (undated (c)).")
    assert "later news" not in mixed and "No two outlets covered" not in mixed


def _similarity(*rows: tuple[str, str, float, float]) -> pd.DataFrame:
    """(outlet_a, outlet_b, cosine, jaccard) rows as ``document_similarity``, one article per outlet."""
    return pd.DataFrame([dict(article_id_a=a.lower(), article_id_b=b.lower(), outlet_a=a, outlet_b=b,
                              same_outlet=a == b, cosine_tfidf=c, jaccard_5gram=j) for a, b, c, j in rows])


def test_similarity_note_zero_one_all_ties_and_empty():
    tail = (". Cosine measures shared vocabulary, which one topic gives any two articles; a 5-gram Jaccard clearly "
            "above zero means shared wording.")
    assert similarity_note(_similarity()) == "With a single article there is no pair to compare."
    assert similarity_note(_similarity(("A", "A", 0.9, 0.5))).startswith("All articles are from a single outlet")
    assert similarity_note(_similarity(("A", "B", 0.5, 0.1))) == (
        "The most alike pair from two outlets is A and B (TF-IDF cosine 0.50, 5-gram Jaccard 0.10)" + tail)
    # the same-outlet pair is left out of "the other pair"
    assert similarity_note(_similarity(("A", "B", 0.5, 0.1), ("A", "C", 0.2, 0.0), ("B", "B", 0.9, 0.5))) == (
        "The most alike pair from two outlets is A and B (TF-IDF cosine 0.50, 5-gram Jaccard 0.10); the other pair "
        "from two outlets scores 0.20 on cosine and 0.000 on Jaccard" + tail)
    # the others all alike: one value, not "0.30-0.30"
    rest_tied = similarity_note(_similarity(("A", "B", 0.5, 0.1), ("A", "C", 0.3, 0.0), ("B", "C", 0.3, 0.0)))
    assert "; the other 2 pairs from two outlets score 0.30 on cosine and at most 0.000 on Jaccard." in rest_tied
    # a tie at the top: both pairs named, neither called "the most alike pair"
    top_tied = similarity_note(_similarity(("A", "B", 0.5, 0.1), ("A", "C", 0.5, 0.0), ("B", "C", 0.3, 0.0)))
    assert top_tied == ("2 pairs from two outlets tie as the most alike at TF-IDF cosine 0.50 (5-gram Jaccard in "
                        "brackets): A with B (0.10) and A with C (0.00); the remaining pair from two outlets scores "
                        "0.30 on cosine and 0.000 on Jaccard" + tail)
    # all pairs tie (all zero): none is "most alike"
    zero = similarity_note(_similarity(("A", "B", 0.0, 0.0), ("A", "C", 0.0, 0.0)))
    assert zero == ("Both pairs from two outlets score 0.00 on TF-IDF cosine, so none is the most alike; 5-gram "
                    "Jaccard is at most 0.000" + tail)
    assert similarity_note(_similarity(*[(a, b, 0.2, 0.01) for a, b in ("AB", "AC", "BC")])).startswith(
        "All 3 pairs from two outlets score 0.20 on TF-IDF cosine")


# ----------------------------------------------------------------- 03_sentiment

def _log(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["level", "message"])


def test_loading_note_zero_one_all_and_more_than_shown():
    assert loading_note(pd.DataFrame()) == "Loading raised no warnings."
    assert loading_note(_log(("info", "Read 3 files."))) == "Loading raised no warnings."
    assert loading_note(_log(("warning", "a.txt may not be English."))) == (
        "Loading warned: a.txt may not be English. VADER scores English only.")
    shown = [("warning", f"w{i}.") for i in range(SHOWN_WARNINGS)]
    assert loading_note(_log(*shown, ("info", "fine"))) == (
        "Loading warned: " + "; ".join(f"w{i}" for i in range(SHOWN_WARNINGS)) + ". VADER scores English only.")
    assert "(and 1 more, listed in the loading log of 00_corpus)." in loading_note(_log(*shown, ("warning", "x")))
    assert "(and 2 more," in loading_note(_log(*shown, ("warning", "x"), ("warning", "y")))


def _voices(*rows: tuple[str, str, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["outlet", "voice", "mean_compound"])


def test_voices_note_zero_one_all_ties_and_empty():
    tail = "Compare each pair of intervals before reading a gap as a difference."
    assert voices_note(_voices()) == "No sentence was scored, so there are no voices to compare."
    assert voices_note(_voices(("A", "narration", 0.1))).startswith("No outlet quotes anyone directly")
    assert voices_note(_voices(("A", "narration", 0.1), ("A", "quoted", -0.1))) == (
        "In the one outlet with both voices the quoted text is more negative than the narration. " + tail)
    assert voices_note(_voices(("A", "narration", 0.1), ("A", "quoted", -0.1), ("B", "narration", 0.1),
                               ("B", "quoted", -0.3))).startswith("In both outlets with both voices")
    # a tie (as printed) is neither more negative nor silent
    tie = voices_note(_voices(("A", "narration", 0.1), ("A", "quoted", 0.1001), ("B", "narration", 0.1),
                              ("B", "quoted", 0.3)))
    assert tie == ("In none of the 2 outlets with both voices the quoted text is more negative than the narration. "
                   "In A the quoted text and the narration score the same, to two decimals. " + tail)
    # an empty group: an outlet with no quotation, and one with quotation but no narration
    gaps = voices_note(_voices(("A", "narration", 0.1), ("A", "quoted", -0.1), ("B", "narration", 0.1),
                               ("C", "quoted", 0.3)))
    assert gaps == ("In the one outlet with both voices the quoted text is more negative than the narration. "
                    "No direct quotation in: B. No narration in: C. " + tail)


# ----------------------------------------------------------------- 02_terms

def _periods(*rows: tuple[str, int, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["outlet", "period", "period_label"])


def test_periods_note_zero_one_all_and_undated():
    assert periods_note(_periods()) == "The corpus has no articles, so there is no moment to compare."
    assert periods_note(_periods(("A", 0, "undated"))) == (
        "No article is dated, so whether the outlets covered the same moment is unknown.")
    assert periods_note(_periods(("A", 1, "Jan 2024"))) == (
        "All dated articles come from one moment (Jan 2024); there is only one outlet, so nothing is compared.")
    assert periods_note(_periods(("A", 1, "Jan 2024"), ("B", 1, "Jan 2024"), ("C", 0, "undated"))) == (
        "All dated articles come from one moment (Jan 2024), so the outlets are compared on the same news.")
    every = periods_note(_periods(("A", 1, "Jan 2024"), ("A", 2, "Mar 2024"), ("B", 2, "Mar 2024")))
    assert every.startswith("The articles come from 2 separate moments (Jan 2024: A; Mar 2024: A, B). A word")
    some = periods_note(_periods(("A", 1, "Jan 2024"), ("B", 2, "Mar 2024"), ("C", 0, "undated")))
    assert some.startswith("The dated articles come from 2 separate moments (Jan 2024: A; Mar 2024: B).")


def _totals(*rows: tuple[str, int, int, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["outlet", "n_articles", "n_words", "n_terms"])


def test_sample_note_zero_one_all_and_ties():
    assert sample_note(_totals()) == "This corpus has no articles, so there are no words to count."
    assert sample_note(_totals(("A", 1, 1, 1))) == (
        "This corpus has 1 article from 1 outlet, 1 word in all, of which 1 is counted as terms.")
    assert sample_note(_totals(("A", 1, 100, 50), ("B", 2, 100, 60))) == (
        "This corpus has 3 articles from 2 outlets, 200 words in all (100 in each outlet), of which 110 are "
        "counted as terms.")
    assert sample_note(_totals(("A", 1, 0, 0), ("B", 2, 1200, 600))) == (
        "This corpus has 3 articles from 2 outlets, 1,200 words in all (0 to 1,200 per outlet), of which 600 are "
        "counted as terms.")


def _ranked(*rows: tuple[str, str]) -> pd.DataFrame:
    """(outlet, term) rows ranked 1, 2, ... within each outlet."""
    table = pd.DataFrame(rows, columns=["outlet", "term"])
    return table.assign(rank=table.groupby("outlet").cumcount() + 1)


def test_tfidf_note_zero_one_all_and_none():
    two = _totals(("A", 1, 100, 50), ("B", 1, 100, 50))
    why = (f" among the outlets' top-2 log-odds terms. With 2 outlets, a word every outlet uses keeps "
           f"{shared_word_weight(2):.0%} of the weight")
    assert tfidf_note(_ranked(), _ranked(), two, top_n=2) == (
        "No outlet has a TF-IDF term, so there is nothing to compare with the log-odds terms.")
    assert tfidf_note(_ranked(("A", "x")), _ranked(("A", "x")), two, top_n=2).startswith(
        "The one top-2 TF-IDF term is also" + why)
    assert tfidf_note(_ranked(("A", "x")), _ranked(("A", "y")), two, top_n=2).startswith(
        "The one top-2 TF-IDF term is not" + why)
    assert tfidf_note(_ranked(("A", "x"), ("B", "y")), _ranked(("A", "x"), ("B", "y")), two, top_n=2).startswith(
        "All 2 top-2 TF-IDF terms are also" + why)
    assert tfidf_note(_ranked(("A", "x"), ("B", "y")), _ranked(("A", "x"), ("B", "z")), two, top_n=2).startswith(
        "1 of the 2 top-2 TF-IDF terms is also" + why)
    assert tfidf_note(_ranked(("A", "x"), ("B", "y")), _ranked(("A", "q"), ("B", "z")), two, top_n=2).startswith(
        "None of the 2 top-2 TF-IDF terms are" + why)
    # a term outside the top n on one list does not count
    assert tfidf_note(_ranked(("A", "x"), ("B", "y")), _ranked(("A", "q"), ("A", "r"), ("A", "x")), two,
                      top_n=2).startswith("None of the 2")
    assert tfidf_note(_ranked(("A", "x")), _ranked(("A", "x")), _totals(("A", 1, 9, 9)), top_n=2) == (
        "With one outlet every term has the same idf, so TF-IDF ranks terms by their count alone.")


def _term_tables(bodies: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``term_counts`` and ``word_totals`` for one article per outlet."""
    articles = pd.DataFrame({"article_id": [o.lower() for o in bodies], "outlet": list(bodies),
                             "body": list(bodies.values()), "date": pd.to_datetime(["2024-01-01"] * len(bodies))})
    sentences = split_sentences(articles)
    tokens = tokenize(sentences)
    occurrences = terms.term_occurrences(tokens, sentences)
    totals = terms.word_totals(tokens, sentences, occurrences)
    return terms.term_counts(occurrences, totals), totals


def test_prior_note_one_outlet_none_passing_and_a_real_difference():
    counts, totals = _term_tables({"Solo": "The minister spoke on Monday."})
    assert prior_note(counts, totals) == "With a single outlet there are no z-scores to be sensitive to the prior."
    # two outlets with the same words: no pair passes at any strength
    same = "Tanks rolled past the harbour while ministers argued about water."
    counts, totals = _term_tables({"A": same, "B": same})
    text = prior_note(counts, totals)
    chosen = totals["n_terms"].sum() / 2
    assert text == ("Outlet-term pairs that pass a Benjamini-Hochberg correction at a 5% false discovery rate with "
                    f"the prior at half strength (alpha_0 = {chosen / 2:,.0f}): 0; as used here ({chosen:,.0f}): 0; "
                    f"as strong as the whole corpus ({2 * chosen:,.0f}, tidylo's default): 0.")
    # one outlet says "tanks" many times, the other never: a weaker prior passes at least as many pairs
    counts, totals = _term_tables({"A": "Tanks tanks tanks tanks tanks tanks tanks tanks tanks tanks. " * 4
                                   + same, "B": "Water and harbour and ministers. " * 12 + same})
    runs = terms.prior_sensitivity(counts, totals)
    assert runs["half"][1] >= runs["chosen"][1] >= runs["corpus"][1]
    assert f"as used here ({runs['chosen'][0]:,.0f}): {runs['chosen'][1]};" in prior_note(counts, totals)


# ----------------------------------------------------------------- facts, coverage, blindspots, corpus

def _facts(*rows: tuple[str, int, int]) -> pd.DataFrame:
    """(fact, n_outlets stating it, n_outlets in its event) rows, all in one event "E"."""
    return pd.DataFrame([dict(event=1, event_label="E", fact=f, n_outlets=n, n_outlets_in_event=k)
                         for f, n, k in rows],
                        columns=["event", "event_label", "fact", "n_outlets", "n_outlets_in_event"])


def _unique(*outlets: str) -> pd.DataFrame:
    return pd.DataFrame({"outlet": list(outlets), "fact": [f"f{i}" for i in range(len(outlets))]})


def test_facts_note_zero_one_all_ties_and_empty():
    assert facts_note(_facts(), _unique()) == "No facts were found."
    assert facts_note(_facts(("a", 1, 1)), _unique()).startswith("No two outlets covered the same event")
    # one fact in a two-outlet event: "its one fact", and "two or more" = "both" said once
    assert facts_note(_facts(("a", 2, 2)), _unique()) == "In E, its one fact is stated by both its outlets."
    assert facts_note(_facts(("a", 1, 2)), _unique("A")) == (
        "In E, its one fact is not stated by both its outlets. Facts only one outlet states: A 1.")
    assert facts_note(_facts(("a", 1, 2), ("b", 2, 2)), _unique("A")).startswith(
        "In E, 1 of 2 facts is stated by both its outlets.")
    assert facts_note(_facts(("a", 2, 3)), _unique()) == (
        f"In E, its one fact is stated by {number_word(MIN_SHARED_OUTLETS)} or more of its 3 outlets, but not by "
        "all of them.")
    # three outlets: shared and all counted apart; ties among the one-outlet counts in name order
    text = facts_note(_facts(("a", 2, 3), ("b", 3, 3), ("c", 1, 3), ("d", 1, 3)), _unique("B", "A"))
    assert text == (f"In E, 2 of 4 facts are stated by {number_word(MIN_SHARED_OUTLETS)} or more of its 3 outlets "
                    "and 1 by all of them. Facts only one outlet states: A 1, B 1.")


def _grid(*rows: tuple[int, str, int]) -> pd.DataFrame:
    """(event, outlet, n_articles) rows as ``coverage_grid``."""
    table = pd.DataFrame(rows, columns=["event", "outlet", "n_articles"])
    return table.assign(event_label=table["event"].map(lambda e: f"E{e}"), covered=table["n_articles"] > 0)


def test_coverage_and_blindspot_notes_one_outlet_one_event():
    assert coverage_note(_grid((1, "A", 1), (2, "A", 2))) == (
        "2 news events, all covered by the one outlet (A); there is no other outlet to compare its coverage with.")
    assert coverage_note(_grid((1, "A", 1), (1, "B", 1))) == (
        "1 news event across 2 outlets: 1 covered by every outlet, 0 by one outlet only.")
    grid = _grid((1, "A", 1), (1, "B", 1))
    lean = pd.DataFrame({"outlet": ["A", "B"], "lean": ["left", "right"]})
    none = blindspots(grid, grid.assign(article_id=["a", "b"]), lean)
    assert none.empty and blindspot_note(none, grid, lean).startswith(
        "The one event is not covered mostly by one lean (an event counts as one lean's when")


def test_corpus_finding_one_moved_line_is_singular():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "n_paragraphs": [1, 3],
                             "date": pd.to_datetime(["2024-05-01", "2024-05-02"])})
    removed = pd.DataFrame({"action": ["reclassified", "removed"]})
    text = corpus_finding(articles, removed, date_periods(articles))
    assert text == ("2 articles from 2 outlets, all published in May 2024. Cleaning kept 4 body paragraphs, took out "
                    "1 line of page furniture and moved 1 headline, dek, dateline, subhead or credit to its own "
                    "column.")
    two = corpus_finding(articles, pd.DataFrame({"action": ["reclassified"] * 2}), date_periods(articles))
    assert two.endswith("took out 0 lines of page furniture and moved 2 headlines, deks, datelines, subheads and "
                        "credits to their own columns.")


def test_comparison_note_zero_one_both_all_and_undated():
    def outlets(*periods):
        return pd.DataFrame({"outlet": [f"O{i}" for i in range(len(periods))], "periods": list(periods)})
    assert comparison_note(outlets()) == "There are no articles, so nothing can be compared."
    assert comparison_note(outlets("Jan 2024")).startswith("The corpus has only one outlet (O0)")
    assert comparison_note(outlets("Jan 2024", "Jan 2024")) == (
        "Both outlets wrote in the same period (Jan 2024), so they can be compared directly.")
    assert comparison_note(outlets("Jan 2024", "Jan 2024", "Jan 2024")).startswith("All 3 outlets wrote in the same")
    # undated is not "the same period"
    assert comparison_note(outlets(UNDATED, UNDATED)) == (
        "No article is dated, so whether the outlets wrote at the same moment is unknown.")
    assert comparison_note(outlets("Jan 2024; Mar 2024", "Mar 2024")).startswith(
        "The outlets wrote at 2 different moments (Jan 2024, Mar 2024)")


def test_single_outlet_note_zero_one_and_two():
    assert single_outlet_note(_totals()) == "This corpus has no words to count, so no word can set an outlet apart."
    assert single_outlet_note(_totals(("A", 1, 10, 5))).startswith("This corpus has only one outlet (A), so no word")
    assert single_outlet_note(_totals(("A", 1, 10, 5), ("B", 1, 10, 5))) is None
