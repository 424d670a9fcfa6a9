"""Issue 16, "every finding sentence has a test for its edge cases", third part: zero, one,
all, ties and an empty group for the sentences the first two files left open (found actors,
the largest one-side share, the attribution score, the tone finding's ends, start and end of
the articles, the news-neutral words' shift, the benchmark notes, tone toward a person, the
overlap finding's top pair and partial tier, events a day apart, attention and coverage,
the distinctive and framing lists' cut) and the prose helpers they share. Each table or
text is written here, small enough to check by eye.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import overlap, sentiment, terms
from helpers.actors_auto import FOUND, MAX_AUTO_ACTORS, found_actors_note
from helpers.attention import attention, attention_note, blindspot_note, blindspots, coverage_grid, coverage_note
from helpers.display.passages import passages_html
from helpers.display.prose import prose_html
from helpers.facts.names import opens_sentence
from helpers.overlap.findings import MAX_TIED_PAIRS, events_note
from helpers.overview import corpus_finding
from helpers.plots.style import outlet_label
from helpers.quotes.findings import affiliation_note, attribution_validation, in_words
from helpers.sentiment.findings import SHOWN_WARNINGS, loading_note
from helpers.sentiment.intervals import MIN_SENTENCES_FOR_INTERVAL
from helpers.sentiment.positions import POSITION_PART
from helpers.sentiment.target_actors import MIN_MENTIONS_TO_COMPARE
from helpers.sentiment.target_findings import target_actors_note
from helpers.sentiment.validation import ALL_SENTENCES
from helpers.terms.findings import MAX_FINDING_GROUPS, MAX_FINDING_OUTLETS
from helpers.wording import join_names, number_word, plural

# ----------------------------------------------------------------- the prose helpers every sentence uses


def test_plural_join_names_and_number_words_zero_one_many():
    assert [plural(n, "outlet") for n in (0, 1, 2, 1204)] == ["0 outlets", "1 outlet", "2 outlets", "1,204 outlets"]
    assert plural(1, "study", "studies") == "1 study" and plural(3, "study", "studies") == "3 studies"
    assert [join_names(x) for x in ([], ["A"], ["A", "B"], ["A", "B", "C"])] == ["", "A", "A and B", "A, B and C"]
    assert join_names(iter(["A", "B"])) == "A and B"  # any iterable, consumed once
    assert [number_word(n) for n in (0, 1, 10, 11, 1200)] == ["no", "one", "ten", "11", "1,200"]
    assert [in_words(n) for n in (0, 3, 10, 11)] == ["zero", "three", "ten", "11"]


def test_opens_sentence_at_the_start_after_a_quote_mark_and_not_mid_sentence():
    text = 'Abbas met Kerry. "Talks" resumed: Peace (now) - Hope \u2014 Kerry'
    assert opens_sentence(text, 0) and opens_sentence("   Abbas", 3)  # nothing, or only spaces, before
    assert not opens_sentence(text, text.index("Kerry"))  # after "met"
    for word in ("Talks", "Peace", "now", "Hope"):
        assert opens_sentence(text, text.index(word)), word  # after ", :, (, -
    assert opens_sentence(text, text.rindex("Kerry"))  # after an em dash
    assert not opens_sentence("Abbas met Kerry. Then", len("Abbas met Kerry. "))  # a full stop is not listed


def test_prose_html_and_outlet_label_empty_one_and_marked():
    assert prose_html("") == "<p></p>"
    assert prose_html("One `x < 1` and *two*.\n\nThree & four.") == (
        "<p>One <code>x &lt; 1</code> and <em>two</em>.</p><p>Three &amp; four.</p>")
    assert prose_html("a * b * c") == "<p>a * b * c</p>"  # spaced stars are arithmetic, not emphasis
    assert outlet_label("JTA", "Jan 2024") == "JTA\n(Jan 2024)"
    assert outlet_label("JTA", "") == outlet_label("JTA", float("nan")) == "JTA"  # no period, no empty brackets


# ----------------------------------------------------------------- 00_corpus: attention, corpus, found actors

def _dated(*rows: tuple[str, str, str | None]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [r[0] for r in rows], "outlet": [r[1] for r in rows],
                         "date": pd.to_datetime([r[2] for r in rows])})


def test_attention_note_one_article_all_in_one_day_and_all_undated():
    one = _dated(("a", "A", "2024-01-01"))
    assert attention_note(attention(one), one) == (
        "Counted per day: 1 dated article in 1 day with at least one article; the most articles in one day, 1, "
        "came in 1 Jan 2024.")
    same_day = _dated(("a", "A", "2024-01-01"), ("b", "B", "2024-01-01"), ("c", "C", None), ("d", "C", None))
    assert attention_note(attention(same_day), same_day) == (
        "Counted per day: 2 dated articles in 1 day with at least one article; the most articles in one day, 2, "
        "came in 1 Jan 2024. 2 undated articles are left out.")
    undated = _dated(("a", "A", None), ("b", "B", None))
    assert attention_note(attention(undated), undated) == (
        "No article has a date, so attention over time cannot be shown. 2 undated articles are left out.")


def _events(*rows: tuple[str, str, int]) -> pd.DataFrame:
    """(article_id, outlet, event) rows as ``group_events``' table."""
    table = pd.DataFrame(rows, columns=["article_id", "outlet", "event"])
    return table.assign(event_label=table["event"].map(lambda e: f"E{e}"))


def test_coverage_note_all_covered_by_every_outlet_and_each_by_one():
    every = coverage_grid(_events(("a", "A", 1), ("b", "B", 1), ("c", "A", 2), ("d", "B", 2)))
    assert coverage_note(every) == "2 news events across 2 outlets: 2 covered by every outlet, 0 by one outlet only."
    apart = coverage_grid(_events(("a", "A", 1), ("b", "B", 2), ("c", "C", 3)))
    assert coverage_note(apart) == "3 news events across 3 outlets: 0 covered by every outlet, 3 by one outlet only."


def test_blindspot_note_one_event_all_events_and_a_tie_between_sides():
    lean = pd.DataFrame({"outlet": ["L1", "L2", "L3", "R1", "R2", "R3"], "lean": ["left"] * 3 + ["right"] * 3})
    left_only = [(f"l{i}", f"L{i}", 1) for i in (1, 2, 3)]
    right_only = [(f"r{i}", f"R{i}", 2) for i in (1, 2, 3)]
    one = _events(*left_only, ("r", "R1", 9))  # event 9: one right outlet alone, not a blindspot
    grid = coverage_grid(one)
    spots = blindspots(grid, one, lean)
    assert spots["event"].tolist() == [1]
    assert blindspot_note(spots, grid, lean).startswith("1 of 2 events covered mostly by one lean: 1 event by left "
                                                        "outlets (an event counts as one lean's when")
    # all events, one per side: a tie between the sides, both named, in name order
    both = _events(*left_only, *right_only)
    grid = coverage_grid(both)
    spots = blindspots(grid, both, lean)
    assert blindspot_note(spots, grid, lean).startswith(
        "2 of 2 events covered mostly by one lean: 1 event by left outlets and 1 event by right outlets (")


def test_corpus_finding_with_no_articles_says_so():
    empty = pd.DataFrame({"article_id": pd.Series([], dtype=str), "outlet": pd.Series([], dtype=str),
                          "date": pd.to_datetime(pd.Series([], dtype=str)), "n_paragraphs": pd.Series([], dtype=int)})
    from helpers.events import date_periods
    assert corpus_finding(empty, pd.DataFrame({"action": []}), date_periods(empty)) == (
        "0 articles from 0 outlets, none of them dated. Cleaning kept 0 body paragraphs, took out 0 lines of page "
        "furniture and moved 0 headlines, deks, datelines, subheads and credits to their own columns.")


def _actors(*rows: tuple[str, str, str], found: bool = True) -> pd.DataFrame:
    """(name, aliases, kind) rows as an actors table, found automatically or the corpus's own."""
    table = pd.DataFrame(rows, columns=["name", "aliases", "kind"])
    return table.assign(source=FOUND) if found else table


def test_found_actors_note_zero_one_all_and_no_aliases():
    assert found_actors_note(_actors(found=False)) == (
        "The corpus has no actors table and no actors were found in it, so no speaker has a side.")
    # one actor: no "The 1 actors ... come", "1 actors have"
    assert found_actors_note(_actors(("Jane Doe", "Doe", "person"), found=False)) == (
        "The one actor (name, aliases, side) comes from the corpus's own actors table.")
    assert found_actors_note(_actors(("Jane Doe", "Doe", "person"), ("Paris", "", "place"), found=False)) == (
        "The 2 actors (names, aliases, sides) come from the corpus's own actors table.")
    one = found_actors_note(_actors(("Jane Doe", "Doe", "person")))
    assert one.startswith("This corpus has no actors table, so the one actor named in it was found automatically "
                          f"(1 person; at most {MAX_AUTO_ACTORS}):")
    assert "(1 actor has such aliases)" in one and one.endswith("Add an actors.csv to correct it.")
    # several, every one with an alias, two kinds; and an empty group: no actor with an alias
    every = found_actors_note(_actors(("Jane Doe", "Doe", "person"), ("John Roe", "Roe", "person"),
                                      ("Ruritania", "Ruritanian", "country")))
    assert "the 3 actors most named in it were found automatically (2 people, 1 country;" in every
    assert "(3 actors have such aliases)" in every and every.endswith("correct them.")
    none = found_actors_note(_actors(("Jane Doe", "", "person"), ("John Roe", "", "person")))
    assert "(2 people;" in none and "(0 actors have such aliases)" in none


def test_actors_note_after_found_actors_all_mentioned_and_one_thin_cell():
    actors = _actors(("Jane Doe", "Doe", "person")).assign(affiliation="Ruritania", roles="")
    cells = pd.DataFrame({"actor": ["Jane Doe"], "outlet": ["A"], "thin": [True]})
    text = sentiment.actors_note(actors, cells)
    assert text.startswith("This corpus has no actors table, so the one actor named in it was found automatically")
    assert text.endswith("The one actor is mentioned; the one actor-outlet cell rests on fewer than "
                         f"{sentiment.THIN_CELL} sentences (greyed) and is an anecdote, not findings.")
    both = pd.DataFrame({"name": ["Doe", "Roe"]})
    full = pd.DataFrame({"actor": ["Doe", "Roe"], "outlet": ["A", "A"], "thin": [False, False]})
    assert sentiment.actors_note(both, full) == (
        f"Both actors are mentioned; every actor-outlet cell rests on {sentiment.THIN_CELL} sentences or more.")


# ----------------------------------------------------------------- 01_sources: share of voice, attribution score

def _sided(*rows: tuple[str, str, int]) -> pd.DataFrame:
    """(outlet, affiliation, n_words) rows as ``affiliation_shares``."""
    table = pd.DataFrame(rows, columns=["outlet", "affiliation", "n_words"])
    table["pct_words"] = 100 * table["n_words"] / table.groupby("outlet")["n_words"].transform("sum")
    return table.assign(periods="Jan 2024", n_quotes=1)


SIDES = ("; sides come from the actors table, and unnamed sources get the side their description names "
         "(\"an Israeli official\").")


def test_affiliation_note_one_all_and_ties_at_the_top():
    assert affiliation_note(_sided(("A", "US", 10)), has_actors=True) == (
        "The largest one-side share is A's 100% of quoted words from US speakers" + SIDES)
    # two outlets, each quoting one side only: 100% each, both named, neither picked
    assert affiliation_note(_sided(("A", "US", 10), ("B", "Israel", 30)), has_actors=True) == (
        "The largest one-side shares, 100% of quoted words each, are A's from US speakers and B's from Israel "
        "speakers" + SIDES)
    # one outlet split evenly between two sides: both sides named
    assert affiliation_note(_sided(("A", "US", 20), ("A", "Palestinian", 20)), has_actors=True).startswith(
        "The largest one-side shares, 50% of quoted words each, are A's from Palestinian speakers and A's from US "
        "speakers;")
    # a tie below the top is no tie at the top; a tie to the printed percent is one
    low_tie = affiliation_note(_sided(("A", "US", 90), ("A", "Israel", 10), ("B", "US", 1), ("B", "Israel", 1)),
                               has_actors=True)
    assert low_tie.startswith("The largest one-side share is A's 90% of quoted words from US speakers;")
    printed = affiliation_note(_sided(("A", "US", 2001), ("A", "x", 999), ("B", "US", 2), ("B", "x", 1)),
                               has_actors=True)
    assert printed.startswith("The largest one-side shares, 67% of quoted words each, are A's from US speakers and "
                              "B's from US speakers;")
    # an empty group: only unnamed and unattributed voices, or no quotation
    from helpers.quotes.vocabulary import NO_AFFILIATION, UNATTRIBUTED
    assert affiliation_note(_sided(("A", NO_AFFILIATION, 5), ("A", UNATTRIBUTED, 5)), has_actors=True).startswith(
        "None of the quoted speakers is in the actors table")
    assert affiliation_note(_sided(), has_actors=True) == (
        "No outlet quotes anyone directly, so there is no share of voice to compare.")


HEADER = "date,set,n_pages,n_outlets,n_labelled,n_attributed,n_found,n_right,precision,recall,f1"


def test_attribution_validation_one_page_one_outlet_and_an_empty_file(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text(f"{HEADER}\n2026-01-02,eval,1,1,1,1,1,1,1.0,1.0,1.0\n", encoding="utf-8")
    assert attribution_validation(path)[1] == (
        "Scored on 2026-01-02: on 1 held-out page from 1 outlet, 1 of 1 labelled quotation got the right speaker "
        "(recall 1.00; 0 not attributed at all) and 1 of the 1 quotation the rules attributed was right "
        "(precision 1.00, F1 1.00).")
    path.write_text(f"{HEADER}\n2026-01-02,eval,4,3,10,8,8,6,0.75,0.6,0.6667\n"
                    "2026-01-02,dev,2,2,5,0,0,0,0.0,0.0,0.0\n", encoding="utf-8")
    text = attribution_validation(path)[1]
    assert "; on 2 development pages from 2 outlets, 0 of 5 labelled quotations got the right speaker (recall " \
           "0.00; 5 not attributed at all) and 0 of the 0 quotations the rules attributed were right" in text
    assert text.count("Scored on") == 1 and "2026-01-02, 2026-01-02" not in text  # one date said once
    path.write_text(f"# nothing scored yet\n{HEADER}\n", encoding="utf-8")
    table, text = attribution_validation(path)
    assert table.empty and text.startswith("Attribution has not been scored on labelled pages")


# ----------------------------------------------------------------- 03_sentiment: the tone finding's ends

METRICS = pd.DataFrame({"implementation": [sentiment.IMPLEMENTATIONS[sentiment.USED]], "pearson_r": [0.5]})
TRUST = (" VADER agrees only moderately with human ratings of news-like sentences (r = 0.50), so read differences "
         "inside the intervals as noise.")


def _tone(*rows: tuple[str, float, float, float], n_articles: int = 2) -> pd.DataFrame:
    """(outlet, mean, ci_low, ci_high) rows, 40 sentences each, most positive first as ``outlet_sentiment``."""
    table = pd.DataFrame([dict(outlet=o, periods="Jan 2024", n_articles=n_articles, n_sentences=40,
                               mean_compound=m, ci_low=lo, ci_high=hi) for o, m, lo, hi in rows],
                         columns=["outlet", "periods", "n_articles", "n_sentences", "mean_compound", "ci_low",
                                  "ci_high"])
    return table.sort_values(["mean_compound", "outlet"], ascending=[False, True], kind="stable", ignore_index=True)


def test_sentiment_finding_all_outlets_alike_is_no_gap():
    assert sentiment.sentiment_finding(_tone(), METRICS) == "The corpus has no sentences to score." + TRUST
    where = "A (Jan 2024; 40 sentences) and B (Jan 2024; 40 sentences)"
    assert sentiment.sentiment_finding(_tone(("A", 0.1, 0.0, 0.2), ("B", 0.1, 0.05, 0.15)), METRICS) == (
        f"Mean sentence tone (VADER compound, \u22121\u2026+1) is +0.10 for both outlets to two decimals: {where}. "
        "There is no gap between outlets to judge." + TRUST)
    # alike as printed (0.101 and 0.099), three outlets
    alike = _tone(("A", 0.101, 0.0, 0.2), ("B", 0.1, 0.0, 0.2), ("C", 0.099, 0.0, 0.2))
    text = sentiment.sentiment_finding(alike, METRICS)
    assert text.startswith("Mean sentence tone (VADER compound, \u22121\u2026+1) is +0.10 for all 3 outlets")
    assert "runs from" not in text and "overlap" not in text


def test_sentiment_finding_a_tie_at_either_end_names_every_outlet_in_it():
    top = _tone(("A", 0.5, 0.4, 0.6), ("B", 0.5, 0.45, 0.55), ("C", -0.2, -0.3, -0.1))
    assert sentiment.sentiment_finding(top, METRICS) == (
        "Mean sentence tone (VADER compound, \u22121\u2026+1) runs from \u22120.20 for C (Jan 2024; 40 sentences) "
        "to +0.50 for A (Jan 2024; 40 sentences) and B (Jan 2024; 40 sentences). Their 95% intervals do not "
        "overlap." + TRUST)
    # a tie at the bottom, one of whose intervals overlaps the top one: not "do not overlap"
    bottom = _tone(("A", 0.5, 0.3, 0.7), ("B", -0.2, -0.3, -0.1), ("C", -0.2, -0.25, 0.35))
    text = sentiment.sentiment_finding(bottom, METRICS)
    assert "runs from \u22120.20 for B (Jan 2024; 40 sentences) and C (Jan 2024; 40 sentences) to +0.50 for A" in text
    assert ("Some of their 95% intervals overlap, so even the widest gap between outlets is not a clear difference "
            "for every outlet at either end.") in text
    every = _tone(("A", 0.5, 0.1, 0.7), ("B", -0.2, -0.3, 0.2), ("C", -0.2, -0.25, 0.35))
    assert "Their 95% intervals overlap, so even the widest gap" in sentiment.sentiment_finding(every, METRICS)
    # a zero-width interval in a tie: no verdict, the outlet named
    flat = _tone(("A", 0.5, 0.3, 0.7), ("B", -0.2, -0.3, -0.1), ("Z", -0.2, -0.2, -0.2))
    text = sentiment.sentiment_finding(flat, METRICS)
    assert "Z (40 sentences) has an interval of zero width" in text and "so the gap cannot be judged." in text
    assert "do not overlap" not in text and "intervals overlap" not in text


def test_sentiment_finding_single_article_outlets_two_or_a_tie():
    two = _tone(("A", 0.5, 0.4, 0.6), ("B", -0.2, -0.3, -0.1), n_articles=1)
    assert ("Their 95% intervals do not overlap, but each is a single article, so this compares two articles, not two "
            "outlets.") in sentiment.sentiment_finding(two, METRICS)
    three = _tone(("A", 0.5, 0.4, 0.6), ("B", 0.5, 0.4, 0.6), ("C", -0.2, -0.3, -0.1), n_articles=1)
    assert "so this compares articles, not outlets." in sentiment.sentiment_finding(three, METRICS)


def _positions(*rows: tuple[str, float, float], n: int = 20) -> pd.DataFrame:
    """(outlet, first part's mean, last part's mean) rows, intervals 0.1 either side, ``n`` sentences each."""
    out = []
    for outlet, first, last in rows:
        for part, mean in ((1, first), (5, last)):
            out.append(dict(outlet=outlet, position_bin=part, n_sentences=n, mean_compound=mean,
                            ci_low=mean - 0.1, ci_high=mean + 0.1))
    return pd.DataFrame(out)


def test_positions_note_zero_one_all_and_a_tie_to_two_decimals():
    assert sentiment.positions_note(pd.DataFrame(columns=["outlet", "position_bin"])) == "No sentences to place."
    short = _positions(("A", 0.1, 0.0)).query("position_bin == 1")
    assert sentiment.positions_note(short) == "The articles are too short to compare their start with their end."
    floor = f"{MIN_SENTENCES_FOR_INTERVAL} sentences or more in both {POSITION_PART}s"
    one = sentiment.positions_note(_positions(("A", 0.3, -0.3)))
    by = f"by {sentiment.LEVEL_GAP:g} or more"
    assert one == (f"In the one outlet the last {POSITION_PART} of the articles is more negative than the first "
                   f"{by}. Each point rests on a median of 20 sentences; the intervals of the first and last "
                   f"{POSITION_PART} are clear of each other in the one outlet with {floor} (A).")
    every = sentiment.positions_note(_positions(("A", 0.3, -0.3), ("B", 0.2, 0.1)))
    assert every.startswith(f"In both outlets the last {POSITION_PART} of the articles is more negative")
    assert f"clear of each other in 1 of 2 outlets with {floor} (A)." in every
    # 0.101 -> 0.100: closer than VADER's neutral band, so level, named, and not "more negative"
    tie = sentiment.positions_note(_positions(("A", 0.101, 0.1), ("B", 0.2, 0.1)))
    assert tie.startswith(f"In 1 of 2 outlets the last {POSITION_PART} of the articles is more negative than the "
                          f"first {by}; A is level (closer than {sentiment.LEVEL_GAP:g}, the width of VADER's "
                          "neutral band). Each")
    ties = sentiment.positions_note(_positions(("A", 0.1, 0.1), ("B", -0.2, -0.2)))
    assert ties.startswith(f"In none of the 2 outlets the last {POSITION_PART} of the articles is more negative "
                           f"than the first {by}; A and B are level (closer than")
    thin = sentiment.positions_note(_positions(("A", 0.3, -0.3), n=2))
    assert thin.endswith(f"no outlet has {floor}, so their intervals are not compared.")


def _shift(*rows: tuple[str, int, float, float]) -> pd.DataFrame:
    """(outlet, n_changed, mean_before, mean_after) rows, 10 sentences each, as ``news_words_shift``."""
    table = pd.DataFrame(rows, columns=["outlet", "n_changed", "mean_before", "mean_after"]).assign(n_sentences=10)
    for when in ("before", "after"):
        table[f"rank_{when}"] = table[f"mean_{when}"].rank(ascending=False, method="min").astype("int64")
    return table


def test_news_words_shift_note_one_a_tie_and_no_visible_shift():
    one = sentiment.news_words_shift_note(_shift(("A", 2, 0.5, 0.3)))
    assert one == ("Setting the news-neutral words aside changes the score of 2 of 10 sentences; the largest shift is "
                   "A's mean tone, from +0.50 to +0.30; A ranks most positive before and after.")
    # two outlets move by the same amount: both named, neither is "the largest"
    tie = sentiment.news_words_shift_note(_shift(("A", 1, 0.5, 0.3), ("B", 1, 0.1, -0.1)))
    assert tie == ("Setting the news-neutral words aside changes the score of 2 of 20 sentences; A's and B's mean "
                   "tones shift the most, by 0.20 each (A from +0.50 to +0.30, B from +0.10 to \u22120.10); A ranks "
                   "most positive before and after.")
    # a changed sentence among many moves no mean by 0.01: no "largest shift from +0.30 to +0.30"
    tiny = sentiment.news_words_shift_note(_shift(("A", 1, 0.301, 0.300), ("B", 0, 0.2, 0.2)))
    assert "no outlet's mean tone moves, to two decimals;" in tiny and "from +0.30 to +0.30" not in tiny
    # all outlets tie for first before and after
    same = sentiment.news_words_shift_note(_shift(("A", 1, 0.4, 0.2), ("B", 1, 0.4, 0.2)))
    assert same.endswith("A and B rank most positive before and after (outlets whose mean tones are closer than "
                         f"{sentiment.LEVEL_GAP:g}, the width of VADER's neutral band, are named together).")


def _benchmark_metrics() -> pd.DataFrame:
    row = dict(n_sentences=6, pearson_r=0.5, r_ci_low=0.1, r_ci_high=0.8, macro_f1=0.4, accuracy=0.5,
               r_squared=0.25, editorial_r=0.6, n_editorials=1)
    return pd.DataFrame([dict(row, implementation=name) for name in sentiment.IMPLEMENTATIONS.values()])


def test_validation_note_one_skipped_line_one_editorial_and_none_misread():
    scored = pd.DataFrame({"nltk": [0.1, 0.2, -0.3], "reference": [0.1, 0.25, -0.3],
                           "human_label": ["negative", "positive", "negative"],
                           f"{sentiment.USED}_label": ["positive", "positive", "negative"]})
    text = sentiment.validation_note(_benchmark_metrics(), scored, pd.DataFrame({"line_n": [7]}))
    assert text.startswith("On 6 human-rated sentences (1 malformed line skipped), NLTK's VADER")
    assert "give different compound scores on 1 sentence (lexicon as shipped in both)" in text
    assert text.endswith("the agreement is r = 0.60 (1 editorial). 1 of the 2 sentences people rated negative is "
                         "scored positive.")
    none = sentiment.validation_note(_benchmark_metrics(), scored.assign(**{f"{sentiment.USED}_label": "negative"}),
                                     pd.DataFrame({"line_n": []}))
    assert "(0 malformed lines skipped)" in none and none.endswith("0 of the 2 sentences people rated negative are "
                                                                   "scored positive.")


def test_news_words_note_one_editorial_and_one_word_each():
    words = pd.DataFrame({"word": ["party", "fresh"], "rule": list(sentiment.RULES)})
    effect = pd.DataFrame({"sentences": [ALL_SENTENCES, "held-out"], "n_sentences": [3, 1],
                           "n_editorials": [2, 1], "n_changed": [1, 0], "r_before": [0.4, 0.5], "r_after": [0.4, 0.5],
                           "macro_f1_before": [0.5, 0.5], "macro_f1_after": [0.6, 0.5]})
    text = sentiment.news_words_note(effect, words)
    assert "the held-out half (1 sentences, 1 editorial), r stays at 0.500" in text
    assert "on all 3 sentences, r stays at 0.400 and macro-F1 rises from 0.500 to 0.600 (1 sentence change score)" \
           in text
    assert text.startswith(f"Setting aside the news-neutral words ({sentiment.NEWS_WORDS_FILE.name}: 1 word ")


def test_loading_note_exactly_the_shown_number_of_warnings_has_no_more():
    log = pd.DataFrame({"level": ["warning"] * SHOWN_WARNINGS, "message": [f"w{i}." for i in range(SHOWN_WARNINGS)]})
    assert "more" not in loading_note(log)
    assert loading_note(pd.DataFrame({"message": ["a warning without a level"]})) == "Loading raised no warnings."


# ----------------------------------------------------------------- 03_sentiment: tone toward a person

def _person(outlet: str, n: int, net: float, low: float, high: float, actor: str = "Kerry") -> dict:
    return dict(actor=actor, outlet=outlet, n_mentions=n, pct_negative=0.0, pct_positive=100 * max(net, 0),
                net_tone=net, ci_low=low, ci_high=high, too_few=n < MIN_MENTIONS_TO_COMPARE)


def test_target_actors_note_a_zero_width_interval_is_never_apart():
    n = MIN_MENTIONS_TO_COMPARE
    # every mention of Kerry in A labelled neutral: [0, 0]; B's interval lies above it
    text = target_actors_note(pd.DataFrame([_person("A", n, 0.0, 0.0, 0.0), _person("B", n, 0.5, 0.3, 0.7)]))
    assert "do not overlap" not in text
    assert text.endswith(": no two of them have intervals that can be compared; A has an interval of zero width "
                         "(every mention labelled alike), so it is not compared.")
    # two comparable cells apart, a third flat: the pair named, the flat one set aside
    three = target_actors_note(pd.DataFrame([_person("A", n, 0.5, 0.3, 0.7), _person("B", n, -0.5, -0.7, -0.3),
                                             _person("C", n, 0.0, 0.0, 0.0)]))
    assert three.endswith(": the intervals of A and B do not overlap; C has an interval of zero width (every "
                          "mention labelled alike), so it is not compared.")
    assert "A and C" not in three and "B and C" not in three
    both_flat = target_actors_note(pd.DataFrame([_person("A", n, 0.0, 0.0, 0.0), _person("B", n, 1.0, 1.0, 1.0)]))
    assert both_flat.endswith("no two of them have intervals that can be compared; A and B have an interval of zero "
                              "width (every mention labelled alike), so they are not compared.")


def test_target_actors_note_a_tie_at_the_cut_is_said():
    n = MIN_MENTIONS_TO_COMPARE
    rows = [_person("A", n + 2, 0.1, -0.2, 0.4, actor="P1")] + [
        _person("A", n, 0.1, -0.2, 0.4, actor=p) for p in ("P2", "P3", "P4")] + [_person("A", 1, 1.0, 1.0, 1.0, "P5")]
    text = target_actors_note(pd.DataFrame(rows), top=2)
    assert "P2:" in text and "P3:" not in text
    assert text.endswith(f"The other 3 people are in the table. 2 of them are mentioned as often as P2 "
                         f"({plural(n, 'mention')}); the people shown above are the first by name among those tied.")
    one_tied = target_actors_note(pd.DataFrame(rows[:3]), top=2)
    assert one_tied.endswith(f"The other person is in the table. P3 is mentioned as often as P2 "
                             f"({plural(n, 'mention')}); the people shown above are the first by name among those "
                             "tied.")
    assert target_actors_note(pd.DataFrame(rows[:2] + rows[-1:]), top=2).endswith("The other person is in the table.")
    assert "as often" not in target_actors_note(pd.DataFrame(rows[:2]), top=2)  # no one left out


# ----------------------------------------------------------------- 04_overlap: the top pair, the partial tier

def _shared(outlets: dict[str, str], pairs: list[tuple[str, str]], partial: list[tuple[str, str]] = ()):
    """events, passages and wire tables for articles {id: outlet}, verified sentence pairs and
    partial ones [(article a, article b)]: one event, one day, 10% wire copy everywhere."""
    events = pd.DataFrame({"article_id": list(outlets), "outlet": list(outlets.values()), "event": 1,
                           "event_label": "1 Jan 2024", "date": pd.Timestamp("2024-01-01")})
    rows = [dict(passage_id=i, article_id_a=a, outlet_a=outlets[a], article_id_b=b, outlet_b=outlets[b],
                 same_outlet=outlets[a] == outlets[b], similarity=1.0, n_tokens_a=9, n_tokens_b=9, n_matched=9,
                 variants="", tier=tier, overlap_share=0.8)
            for i, (a, b, tier) in enumerate([(a, b, "verified") for a, b in pairs]
                                             + [(a, b, "partial") for a, b in partial], 1)]
    passages = pd.DataFrame(rows, columns=overlap.PASSAGE_COLUMNS)
    wire = pd.DataFrame({"article_id": list(outlets), "outlet": list(outlets.values()), "share_shared": 0.1})
    return events, passages, wire


FOUR = {"a": "Alpha", "b": "Beta", "c": "Gamma", "d": "Delta"}


def test_overlap_finding_a_tie_for_the_top_pair_names_each():
    events, passages, wire = _shared(FOUR, [("a", "b"), ("c", "d"), ("a", "c"), ("a", "b"), ("d", "c")])
    text = overlap.overlap_finding(events, passages, wire)
    assert text == ("2 pairs of outlets tie for the most shared sentences: Alpha and Beta share 2 near-identical "
                    "sentences (wire copy: 10% of each of Alpha's and Beta's articles); Delta and Gamma share 2 "
                    "near-identical sentences (wire copy: 10% of each of Delta's and Gamma's articles); 1 other pair "
                    "of outlets shares fewer.")
    # every pair of outlets ties: more than MAX_TIED_PAIRS, the rest counted
    every = [(x, y) for i, x in enumerate(FOUR) for y in list(FOUR)[i + 1:]]
    text = overlap.overlap_finding(*_shared(FOUR, every))
    assert text.startswith(f"{len(every)} pairs of outlets tie for the most shared sentences: Alpha and Beta share 1")
    assert text.count(" share 1 near-identical sentence") == MAX_TIED_PAIRS
    assert text.endswith(f"; and {len(every) - MAX_TIED_PAIRS} more pairs with as many; no other pair of outlets "
                         "shares any.")
    # one pair ahead: named alone, as before; its articles' shares differ, so one article is named
    events, passages, wire = _shared(FOUR, [("a", "b"), ("a", "b"), ("c", "d")])
    text = overlap.overlap_finding(events, passages, wire.assign(share_shared=[0.1, 0.3, 0.1, 0.1]))
    assert text == ("Alpha and Beta share 2 near-identical sentences (wire copy: 30% of Beta's article); 1 other pair "
                    "of outlets shares some.")


def test_overlap_finding_partial_tier_one_pair_top_pair_and_a_tie():
    def partial_clause(pairs):
        text = overlap.overlap_finding(*_shared(FOUR, [], partial=pairs))
        assert text.startswith("No two outlets share a sentence. ")
        return text[text.index("(the partial tier"):text.index(")") + 1]
    assert partial_clause([("a", "b")]) == "(the partial tier, between Alpha and Beta)"
    assert partial_clause([("a", "b"), ("b", "a")]) == "(the partial tier, between Alpha and Beta)"
    assert partial_clause([("a", "b"), ("a", "b"), ("c", "d")]) == "(the partial tier, Alpha and Beta the most)"
    assert partial_clause([("a", "b"), ("c", "d")]) == (
        "(the partial tier, 1 each between Alpha and Beta and between Delta and Gamma)")


def test_events_note_a_tie_on_the_first_or_last_day_names_every_outlet():
    rows = [("a", "A", "2024-01-01"), ("b", "B", "2024-01-01"), ("c", "C", "2024-01-03")]
    events = pd.DataFrame(rows, columns=["article_id", "outlet", "date"]).assign(event=1)
    events["date"] = pd.to_datetime(events["date"])
    events["event_label"] = "1 Jan 2024"
    assert events_note(events).endswith("Within 1 Jan 2024 the articles are up to 2 days apart (A and B on 1 Jan, "
                                        "C on 3 Jan), so the later one can report later news.")
    later = events.assign(date=pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-03"]))
    assert events_note(later).endswith("(A on 1 Jan, B and C on 3 Jan), so the later ones can report later news.")


def test_passages_html_counts_the_pairs_left_out_singular_and_plural():
    rows = [dict(passage_id=i, outlet_a="A", outlet_b="B", sentence_id_a="a:1", sentence_id_b="b:1",
                 text_a="The talks resumed.", text_b="The talks resumed.", coverage=1.0, variants="")
            for i in range(1, 4)]
    table = pd.DataFrame(rows)
    assert "\u2026 and 1 more pair (all are in the CSV)." in passages_html(table, max_rows=2)._repr_html_()
    assert "\u2026 and 2 more pairs (all are in the CSV)." in passages_html(table, max_rows=1)._repr_html_()
    assert "more pair" not in passages_html(table, max_rows=3)._repr_html_()


# ----------------------------------------------------------------- 02_terms: the cut of the lists

def _pairs(z: list[float]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A distinctive table with every pair passing, z as given, outlets A/B alternating; totals."""
    table = pd.DataFrame({"outlet": ["A", "B"] * (len(z) // 2) + ["A"] * (len(z) % 2),
                          "term": [f"w{i}" for i in range(len(z))], "z": z})
    table = table.assign(label=table["term"], tested=True, significant=True,
                         rank=table.groupby("outlet").cumcount() + 1)
    totals = pd.DataFrame({"outlet": ["A", "B"], "n_articles": [1, 1], "n_words": [600, 600], "n_terms": [300, 300]})
    return table, totals


def test_terms_finding_says_when_the_cut_falls_inside_a_tie():
    shown = [4.0] * (MAX_FINDING_OUTLETS - 1) + [3.0]  # the last one named is at z = 3.0

    def finding(*hidden: float) -> str:
        return terms.terms_finding(_pairs([*shown, *hidden])[0], pd.DataFrame(), _pairs([])[1])
    assert finding(3.0).endswith("; 1 more in the table, also at z = 3.0.")
    assert finding(3.0, 2.0).endswith("; 2 more in the table, 1 of them also at z = 3.0.")
    assert finding(3.0, 3.0).endswith("; 2 more in the table, all also at z = 3.0.")
    assert finding(2.0).endswith("; 1 more in the table.")
    assert finding(3.04).endswith("; 1 more in the table, also at z = 3.0.")  # 3.04 prints as 3.0: a tie
    assert "more in the table" not in terms.terms_finding(_pairs(shown)[0], pd.DataFrame(), _pairs([])[1])


def test_standout_framing_says_when_the_cut_falls_inside_a_tie():
    n = MAX_FINDING_GROUPS + 2
    rows = [(f"g{i}", "A", 10, 0, 0, 2.5, True) for i in range(n)]
    framing = pd.DataFrame(rows, columns=["group", "outlet", "n", "n_ambiguous", "n_other_sense", "z", "significant"])
    text = terms.terms_finding(_pairs([])[0], framing, _pairs([])[1])
    assert f"g{MAX_FINDING_GROUPS - 1} in A (z = 2.5) and 2 more in the table, all also at z = 2.5. " in text


def test_framing_note_with_one_outlet_lists_the_uses_then_says_nothing_is_compared():
    framing = pd.DataFrame([("peace", "A", 1, 0, 0, float("nan"), False)],
                           columns=["group", "outlet", "n", "n_ambiguous", "n_other_sense", "z", "significant"])
    totals = pd.DataFrame({"outlet": ["A"], "n_articles": [1], "n_words": [1], "n_terms": [1]})
    text = terms.framing_note(framing, pd.DataFrame({"group": ["peace"], "term": ["peace"]}), totals)
    assert text.startswith("1 use of 1 term group in 1 word. This corpus has only one outlet (A), so no word")
    assert "differs from the others" not in text


@pytest.mark.parametrize("n_shared", [1, 2])
def test_shared_note_one_sentence_each_and_all_shared(n_shared):
    bodies = ["The talks resumed in Geneva on Monday.", "Both sides sent their negotiators home."][:n_shared]
    rows = [dict(article_id=o.lower(), outlet=o, sentence_id=f"{o.lower()}:{i}", text=t)
            for o in ("A", "B") for i, t in enumerate(bodies, 1)]
    text = terms.shared_note(pd.DataFrame(rows))
    own = plural(n_shared, "sentence")
    assert text.startswith(f"Sentences that appear word for word in more than one outlet (A: {n_shared} of its "
                           f"{own}, shared with B; B: {n_shared} of its {own}, shared with A) count for each")
