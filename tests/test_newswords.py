"""News-neutral words (helpers.sentiment.newswords, issue 16): the list is read and applied by
the scorer, its rule-chosen entries satisfy the rule on the selection half only, and the
before/after figures and their sentences are computed."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from scipy.stats import pearsonr

from helpers import sentiment
from helpers.sentiment.newswords import WORD
from helpers.text import split_sentences

# The two sentences issue 16 quotes from the JTA story, where the shipped lexicon reads
# "party" as a celebration and "fresh", "freeing" as good news.
MISREAD = ["his party will bolt the coalition", "voiced fresh opposition to freeing Pollard"]


@pytest.fixture(scope="module")
def benchmark():
    return sentiment.score_benchmark(sentiment.load_benchmark().sentences)


def test_the_api_scores_the_misread_sentences_not_positive():
    after = sentiment.score_texts(MISREAD)["compound"]
    before = sentiment.score_texts(MISREAD, implementation="nltk")["compound"]
    assert (before >= sentiment.THRESHOLD).all()  # the shipped lexicon calls both positive ...
    assert (sentiment.label_scores(after) != "positive").all()  # ... the scorer does not
    body = "Netanyahu said his party will bolt the coalition.\n\nOfficials voiced fresh opposition to freeing Pollard."
    articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["JTA"], "body": [body]})
    scored = sentiment.score_sentences(split_sentences(articles))
    assert len(scored) == 2 and (scored["label"] != "positive").all()


def test_negative_and_positive_words_outside_the_list_still_count():
    scores = sentiment.score_texts(["The party was a disaster.", "The coalition won a great victory."])["compound"]
    assert scores[0] < -0.05 and scores[1] > 0.05


def test_the_word_list_file_is_read_and_every_word_is_set_aside():
    words = sentiment.read_news_words()
    assert {"party", "parties", "support", "free", "freeing", "fresh"} <= set(words["word"])
    assert set(words["rule"]) == set(sentiment.RULES)
    assert words["news_sense"].str.len().gt(10).all()  # every entry says why
    shipped, used = sentiment.shipped_analyzer().lexicon, sentiment.analyzer().lexicon
    assert all(w in shipped and w not in used for w in words["word"])
    assert set(shipped) - set(used) == set(words["word"])  # nothing else removed
    assert np.allclose(words["valence"], [shipped[w] for w in words["word"]])
    header = sentiment.NEWS_WORDS_FILE.read_text(encoding="utf-8").split("\nword,")[0]
    assert "NewsMTSC" in header and "Licence" in header and "held-out half" in header


def test_a_written_list_is_read_and_checked(tmp_path):
    good = tmp_path / "words.csv"
    cols = ",".join(sentiment.NEWS_WORDS_COLUMNS)
    good.write_text(f"# a comment\n{cols}\nparty,issue-16,a political party,1.7,3,0.5,0,\n", encoding="utf-8")
    table = sentiment.read_news_words(good)
    assert table["word"].tolist() == ["party"] and table["valence"].tolist() == [1.7]
    assert sentiment.news_lexicon({"party": 1.7, "good": 1.9}, table["word"]) == {"good": 1.9}
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{cols}\nparty,by-hand,x,1.7,3,0.5,0,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown rule"):
        sentiment.read_news_words(bad)
    bad.write_text(f"{cols}\nparty,issue-16,x,1.7,3,0.5,0,\nparty,issue-16,y,1.7,3,0.5,0,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="repeated"):
        sentiment.read_news_words(bad)


def test_the_rule_picks_frequent_words_rated_against_their_sign():
    lexicon = {"party": 1.7, "great": 3.1, "bad": -2.5, "rare": 1.0}
    news = ["The party met."] * 4 + ["A great day."] * 3 + ["A bad day."] * 2 + ["Nothing here."]
    selection = pd.DataFrame({
        "text": ["The party fell."] * 5 + ["A great win."] * 5 + ["Bad news, good end."] * 4 + ["rare"] * 6,
        "human": [-0.2] * 5 + [0.5] * 5 + [0.3] * 4 + [-0.1] * 6,
    })
    table = sentiment.select_news_words(news, selection, lexicon, min_news_share=0.1, min_sentences=5)
    assert table["word"].tolist() == ["party", "great", "bad"]  # "rare" is not in the news text
    assert table.set_index("word")["n_news"].to_dict() == {"party": 4, "great": 3, "bad": 2}
    # party: 5 sentences rated -0.2 against +1.7; great agrees; bad disagrees but in only 4 sentences
    assert table.loc[table["chosen"], "word"].tolist() == ["party"]
    assert table.set_index("word").loc["party", "mean_selection_rating"] == pytest.approx(-0.2)
    assert sentiment.select_news_words(news, selection, lexicon, min_news_share=0.1, min_sentences=4)[
        "chosen"].tolist() == [True, False, True]


def test_rule_entries_satisfy_the_rule_on_the_selection_half_only(benchmark):
    half = benchmark["half"]
    assert set(benchmark.loc[half == "selection", "editorial"] % 2) == {1}
    assert set(benchmark.loc[half == "held-out", "editorial"] % 2) == {0}
    selection = benchmark[half == "selection"]
    sets = [set(WORD.findall(t.lower())) for t in selection["text"]]
    words = sentiment.read_news_words().set_index("word")
    for word, row in words.iterrows():
        inside = np.array([word in s for s in sets])
        assert int(row["n_selection"]) == inside.sum(), word
        if inside.any():
            assert row["mean_selection_rating"] == pytest.approx(selection["human"][inside].mean(), abs=1e-4), word
    ruled = words[words["rule"] == "news-frequent"]
    assert len(ruled) > 0 and (ruled["n_selection"] >= sentiment.MIN_SELECTION_SENTENCES).all()
    assert (np.sign(ruled["valence"]) * ruled["mean_selection_rating"] <= 0).all()
    assert (ruled["share_news"] >= sentiment.MIN_NEWS_SHARE - 1e-4).all()  # the file rounds to 4 decimals


def test_before_after_metrics_are_computed(benchmark):
    effect = sentiment.news_words_effect(benchmark).set_index("sentences")
    assert effect.index.tolist() == ["all", "held-out", "selection"]
    assert effect["n_sentences"].tolist() == [len(benchmark), (benchmark["half"] == "held-out").sum(),
                                              (benchmark["half"] == "selection").sum()]
    held = benchmark[benchmark["half"] == "held-out"]
    assert effect.loc["held-out", "r_before"] == pytest.approx(pearsonr(held["nltk"], held["human"]).statistic)
    assert effect.loc["held-out", "r_after"] == pytest.approx(pearsonr(held["news"], held["human"]).statistic)
    assert effect.loc["all", "n_changed"] == (benchmark["nltk"] != benchmark["news"]).sum() > 0
    # the condition: the news handling must not lower r, on all sentences nor on the held-out half
    assert effect.loc["all", "r_after"] >= effect.loc["all", "r_before"]
    assert effect.loc["held-out", "r_after"] >= effect.loc["held-out", "r_before"]
    metrics = sentiment.validation_metrics(benchmark).set_index("implementation")
    assert metrics.loc[sentiment.IMPLEMENTATIONS["news"], "pearson_r"] == pytest.approx(effect.loc["all", "r_after"])
    assert metrics.loc[sentiment.IMPLEMENTATIONS["nltk"], "macro_f1"] == pytest.approx(
        effect.loc["all", "macro_f1_before"])


def _effect(r_before, r_after, f1_before, f1_after):
    return pd.DataFrame({"sentences": ["all", "held-out"], "n_sentences": [10, 4], "n_editorials": [3, 1],
                         "n_changed": [1, 0], "r_before": r_before, "r_after": r_after,
                         "macro_f1_before": f1_before, "macro_f1_after": f1_after})


def test_news_words_note_states_the_computed_change():
    words = pd.DataFrame({"word": ["party", "fresh"], "rule": ["news-frequent", "issue-16"]})
    text = sentiment.news_words_note(_effect([0.4, 0.5], [0.45, 0.5], [0.5, 0.6], [0.49, 0.6]), words)
    assert "on all 10 sentences, r rises from 0.400 to 0.450 and macro-F1 falls from 0.500 to 0.490" in text
    assert "the held-out half (4 sentences, 1 editorial), r stays at 0.500" in text
    assert "(1 sentence change score)" in text and "(0 sentences change score)" in text
    assert "1 word frequent in news" in text and "1 word misread" in text
    assert f"{sentiment.MIN_NEWS_SHARE:.2%}" in text
    empty = pd.DataFrame(columns=sentiment.EFFECT_COLUMNS)
    assert "no benchmark sentences" in sentiment.news_words_note(empty, words)


def _scored(rows):
    table = pd.DataFrame(rows, columns=["outlet", "text"])
    return table.assign(compound=sentiment.score_texts(table["text"])["compound"].to_numpy())


def test_outlet_shift_and_its_sentence_follow_the_scores():
    scored = _scored([("JTA", MISREAD[0]), ("JTA", MISREAD[1]), ("Daily", "The talks were good."),
                      ("Daily", "Officials met on Monday.")])
    shift = sentiment.news_words_shift(scored).set_index("outlet")
    assert shift.loc["JTA", "n_changed"] == 2 and shift.loc["Daily", "n_changed"] == 0
    assert shift.loc["JTA", "mean_after"] == 0 < shift.loc["Daily", "mean_after"] < shift.loc["JTA", "mean_before"]
    assert shift.loc["JTA", "rank_before"] == 1 and shift.loc["JTA", "rank_after"] == 2
    text = sentiment.news_words_shift_note(shift.reset_index())
    assert text.startswith("Setting the news-neutral words aside changes the score of 2 of 4 sentences")
    before = shift.loc["JTA", "mean_before"]
    assert f"JTA's mean tone, from +{before:.2f} to +0.00" in text
    assert "the most positive outlet was JTA before and is Daily after" in text


def test_outlet_shift_note_edge_cases():
    same = sentiment.news_words_shift(_scored([("A", "A good day."), ("B", "A bad day."), ("B", MISREAD[0])]))
    assert "A ranks most positive before and after" in sentiment.news_words_shift_note(same)
    tied = sentiment.news_words_shift(_scored([("A", "A good day."), ("B", "A good day."), ("C", MISREAD[1])]))
    text = sentiment.news_words_shift_note(tied)
    assert re.search(r"the most positive outlet was C before and is A and B after", text)
    both = sentiment.news_words_shift(_scored([("A", "A good day."), ("B", "A good day."), ("C", MISREAD[0])]))
    # C's misread sentence scores within VADER's neutral band of A and B before: level with them
    expected_rank = "the most positive outlet was A, B and C before and is A and B after"
    assert expected_rank in sentiment.news_words_shift_note(both)
    none = sentiment.news_words_shift(_scored([("A", "A good day.")]))
    expected = "Setting the news-neutral words aside changes the score of 0 of 1 sentence."
    assert sentiment.news_words_shift_note(none) == expected
    assert "change nothing" in sentiment.news_words_shift_note(none.iloc[0:0])


# NewsMTSC ships in validation/newsmtsc/ (MIT): the rule must give exactly the list's
# "news-frequent" words and their counts from its training file alone (devtest_rw.jsonl is
# where helpers.target_sentiment is tested, so nothing else is chosen on it).
NEWSMTSC_TRAIN = sentiment.NEWS_WORDS_FILE.parents[2] / "validation" / "newsmtsc" / "train.jsonl"


def test_the_rule_reproduces_the_list_from_newsmtsc_train(benchmark):
    news = sentiment.read_news_sentences([NEWSMTSC_TRAIN])
    assert len(news) == 7_739 and f"{len(news):,} distinct sentences" in sentiment.NEWS_WORDS_FILE.read_text()
    selection = benchmark[benchmark["half"] == "selection"]
    table = sentiment.select_news_words(news, selection, sentiment.shipped_analyzer().lexicon)
    words = sentiment.read_news_words().set_index("word")
    chosen = table[table["chosen"]].set_index("word")
    assert sorted(chosen.index) == sorted(words.index[words["rule"] == "news-frequent"])
    assert (chosen["n_news"] == words.loc[chosen.index, "n_news"]).all()


def test_outlet_shift_note_names_near_ties_together():
    """Two outlets whose mean tones are closer than VADER's neutral band are level, not ranked."""
    near = sentiment.news_words_shift(_scored([("A", "A good day."), ("B", "A nice day."), ("C", "A bad day."),
                                                 ("C", MISREAD[0])]))
    gap = near.set_index("outlet")["mean_after"]
    assert 0 < gap["A"] - gap["B"] < sentiment.LEVEL_GAP <= gap["B"] - gap["C"]
    text = sentiment.news_words_shift_note(near)
    assert "A and B rank most positive before and after" in text
    assert f"closer than {sentiment.LEVEL_GAP:g}, the width of VADER's neutral band, are named together" in text
    apart = sentiment.news_words_shift(_scored([("A", "A good day."), ("C", "A bad day."), ("C", MISREAD[0])]))
    assert "named together" not in sentiment.news_words_shift_note(apart)
